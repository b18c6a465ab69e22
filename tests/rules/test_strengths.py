"""Strengths beyond their examples: the seed's John emails, prospect facts, near-misses."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.io import validate
from pitchfit.models import Prospect

STRENGTHS = ("G101", "G102", "G103", "G104", "G105", "G106")


def _earned(body: str, *, prospect: dict[str, Any] | None = None, **kw: Any) -> set[str]:
    p = validate(Prospect, prospect, where="test") if prospect else None
    report = Checker(Settings(select=STRENGTHS, **kw)).check(body, prospect=p)
    return {s.name for s in report.strengths}


@pytest.fixture(scope="module")
def john(shared_dir: Path) -> dict[str, str]:
    seed = shared_dir / "seeds" / "003_56500c1ee79e2572.txt"
    if not seed.is_file():
        pytest.skip("seed 003 not found")
    text = seed.read_text("utf-8")
    out = {}
    for key in ("Bad", "Better"):
        m = re.search(rf'{key} email: "(.*?)"\s*$', text, re.MULTILINE)
        if not m:
            pytest.skip("seed 003 does not hold the John emails")
        out[key.lower()] = m.group(1)
    return out


def test_better_john_earns_short_peer_tone_and_one_ask(john: dict[str, str]) -> None:
    assert {"short", "peer-tone", "single-clear-ask"} <= _earned(john["better"])


def test_bad_john_earns_none_of_them(john: dict[str, str]) -> None:
    assert not {"short", "peer-tone", "single-clear-ask"} & _earned(john["bad"])


def test_research_fact_from_the_prospect_profile() -> None:
    body = "Hi Rosa,\n\nCongrats on moving returns in-house this year. Want our checklist?\n\nBen"
    facts = {"name": "Rosa Diaz", "facts": [{"text": "moved returns handling in-house"}]}
    assert "specific-research" in _earned(body, prospect=facts)
    generic = "Hi Rosa,\n\nHope the year is going well for you. Want our checklist?\n\nBen"
    assert "specific-research" not in _earned(generic, prospect=facts)


def test_research_needs_a_detail_not_just_a_verb() -> None:
    assert "specific-research" not in _earned("Hi Rosa,\n\nI read your blog and loved it.\n\nBen")
    assert "specific-research" in _earned(
        "Hi Rosa,\n\nRead your post on why Fernhill dropped annual plans. Fair point.\n\nBen"
    )


def test_a_claim_in_the_future_is_not_proof() -> None:
    assert "benefit-with-proof" not in _earned("Hi Ada,\n\nWe will cut your close by 40%.\n\nLuc")
    assert "benefit-with-proof" in _earned("Hi Ada,\n\nWe cut Brightline's close by 40%.\n\nLuc")


def test_short_threshold_is_an_option() -> None:
    body = "Hi Kim,\n\n" + "We audit carrier invoices line by line for retailers. " * 3 + "\n\nRaj"
    assert "short" in _earned(body)
    assert "short" not in _earned(body, rule_options={"short": {"max_chars": 100}})


def test_two_questions_are_not_a_single_ask() -> None:
    body = "Hi Theo,\n\nAre you the right person for freight? If not, who is?\n\nMia"
    assert "single-clear-ask" not in _earned(body)


def test_eager_salesperson_wording_is_not_peer_tone() -> None:
    body = "Hi Eli,\n\nI'd love to walk you through our hiring plan template. Thursday?\n\nNina"
    assert "peer-tone" not in _earned(body)
