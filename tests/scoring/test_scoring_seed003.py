"""Acceptance: seed 003's "Bad email" and "Better email" to John ("5 Tips For Emailing CEOs").

The texts are read in place from the shared seeds (skipped when absent) and checked with no
prospect and no offer, using the rules and the fitted points as shipped: the better email must
be sent, the bad one must not, and they must be at least 20 points apart.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pitchfit.engine import Checker
from pitchfit.report import Report

SEED = "seeds/003_56500c1ee79e2572.txt"


def _quoted(text: str, label: str) -> str:
    match = re.search(rf'^{label}:\s*"(.+?)"\s*$', text, flags=re.MULTILINE)
    assert match, f"{label!r} not found in {SEED}"
    return match.group(1)


@pytest.fixture(scope="module")
def john(shared_dir: Path) -> dict[str, Report]:
    text = (shared_dir / SEED).read_text("utf-8")
    checker = Checker()
    return {label: checker.check(_quoted(text, label)) for label in ("Bad email", "Better email")}


def test_the_better_email_is_sent(john: dict[str, Report]) -> None:
    assert john["Better email"].band == "send", john["Better email"].findings


def test_the_bad_email_is_not_sent(john: dict[str, Report]) -> None:
    assert john["Bad email"].band != "send"


def test_they_score_at_least_20_points_apart(john: dict[str, Report]) -> None:
    assert john["Better email"].score - john["Bad email"].score >= 20
