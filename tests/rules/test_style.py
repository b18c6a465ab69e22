"""Style rules beyond their examples: the seed's John emails, options, quotes, subjects."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.models import HistoryMessage
from pitchfit.rules.style_text import own_end
from pitchfit.text.document import Document

STYLE = ("S101", "S102", "S103", "S104", "S105", "S106")


def _names(
    body: str, *, subject: str | None = None, select: tuple[str, ...] = STYLE, **kwargs: object
) -> list[str]:
    report = Checker(Settings(select=select, **kwargs)).check(body, subject=subject)  # type: ignore[arg-type]
    return [f.name for f in report.findings]


@pytest.fixture(scope="module")
def john(shared_dir: Path) -> dict[str, str]:
    """The seed's two emails to John, read in place (never copied into the repo)."""
    seed = shared_dir / "seeds" / "003_56500c1ee79e2572.txt"
    if not seed.is_file():
        pytest.skip("seed 003 not found")
    text = seed.read_text("utf-8")
    found = {
        k: re.search(rf'{k} email: "(.*?)"\s*$', text, re.MULTILINE) for k in ("Bad", "Better")
    }
    if not all(found.values()):
        pytest.skip("seed 003 does not hold the John emails")
    return {k.lower(): m.group(1) for k, m in found.items() if m}


def test_seed_bad_john_is_long_deferential_and_formal(john: dict[str, str]) -> None:
    names = set(_names(john["bad"]))
    assert {"too-long", "deferential", "formal-filler"} <= names


def test_seed_better_john_is_clean(john: dict[str, str]) -> None:
    assert _names(john["better"]) == []


def test_too_long_counts_content_not_greeting_or_signature() -> None:
    body = (
        "Hi Ana,\n\n" + "Short line here. " * 22 + "\n\nBest,\nTom\nVP Sales, Fernhill\n+31 6 1234"
    )
    doc = Document(body)
    assert doc.char_count < 400
    assert "too-long" not in _names(body, select=("S101",))


def test_too_long_option_from_config() -> None:
    body = "Hi Ana,\n\n" + "Short line here. " * 10 + "\n\nTom"
    assert _names(body, select=("S101",)) == []
    opts = {"too-long": {"max_chars": 100}}
    assert _names(body, select=("S101",), rule_options=opts) == ["too-long"]


def test_quoted_original_and_bare_name_are_not_own_text() -> None:
    body = (
        "Hi Ana,\n\nFollowing up on the below.\nTom\n\n"
        "On Mon, 3 Mar 2025, Tom wrote:\n> " + "an old pitch " * 60
    )
    doc = Document(body)
    assert doc.body[doc.content.start : own_end(doc)] == "Following up on the below."
    assert _names(body, select=("S101", "S105")) == []


def test_hard_wrapped_block_is_one_wall() -> None:
    line = "we look after payroll for restaurant groups and every site adds an entity\n"
    body = (
        "Hi Ana,\n\n"
        + line * 6
        + "that finance reconciles. It takes days. We fix that. Call?\n\nTom"
    )
    assert "wall-of-text" in _names(body, select=("S105",))


def test_one_sentence_per_line_is_not_a_wall() -> None:
    body = "Hi Ana,\n" + "We saw your team opened a new site in Ghent this spring, congrats.\n" * 8
    assert "wall-of-text" not in _names(body, select=("S105",))


@pytest.mark.parametrize(
    ("subject", "weak"),
    [
        ("Quick question", True),
        ("quick question about Fernhill's Ghent lane", False),
        ("Following up", True),
        ("URGENT - read this", True),
        ("FREIGHT SAVINGS INSIDE", True),
        ("Cut Your Freight Costs Today", True),
        ("Q3 freight costs at Fernhill", False),
        ("closing the loop", False),
        ("the " + "very " * 15 + "long subject", True),
    ],
)
def test_subject_line(subject: str, weak: bool) -> None:
    assert (
        "subject-line"
        in _names("Hi Ana,\n\nGot 5 mins on Thursday?\n\nTom", subject=subject, select=("S106",))
    ) is weak


def test_subject_findings_index_the_subject() -> None:
    report = Checker(Settings(select=("S106",))).check("Hi Ana, got 5 mins?", subject="URGENT: Q3")
    (finding,) = report.findings
    assert finding.span.line == 0
    assert "URGENT: Q3"[finding.span.start : finding.span.end] == "URGENT"


def test_fake_re_only_called_out_when_history_says_first_touch() -> None:
    checker = Checker(Settings(select=("S106",)))
    body = "Hi Ana,\n\nGot 5 mins on Thursday?\n\nTom"
    assert checker.check(body, subject="re: Ghent lane").findings == []
    first = checker.check(body, subject="re: Ghent lane", history=[])
    assert [f.message for f in first.findings] == [
        "'re:' on a first email pretends to a conversation"
    ]
    pretend = checker.check(body, subject="Following up on our call", history=[])
    assert [f.name for f in pretend.findings] == ["subject-line"]
    earlier = HistoryMessage.model_validate(
        {"direction": "out", "sent_at": "2025-03-03T09:00:00Z", "body": "Hi"}
    )
    assert checker.check(body, subject="re: Ghent lane", history=[earlier]).findings == []


def test_hype_ignores_capitals_in_signature_and_acronyms() -> None:
    body = "Hi Ana,\n\nWe are HIPAA audited. Call Thursday?\n\nBest,\nTom\nFERNHILL LOGISTICS"
    assert _names(body, select=("S104",)) == []
    assert _names("Hi Ana,\n\nThis is MASSIVE news for your team.\n\nTom", select=("S104",)) == [
        "hype"
    ]


def test_deferential_and_formal_phrases_cover_common_variants() -> None:
    body = (
        "Hi Ana,\n\nI'm sure you're very busy, and I hate to bother you. Please do not hesitate "
        "to contact me at your earliest convenience.\n\nTom"
    )
    names = _names(body, select=("S102", "S103"))
    assert names.count("deferential") == 2 and names.count("formal-filler") == 2


def test_re_is_fine_when_answering_their_message() -> None:
    theirs = HistoryMessage.model_validate(
        {"direction": "in", "sent_at": "2025-03-03T09:00:00Z", "body": "Send me pricing?"}
    )
    report = Checker(Settings(select=("S106",))).check(
        "Hi Ana,\n\nPricing attached.\n\nTom", subject="Re: pricing", history=[theirs]
    )
    assert report.findings == []


def test_gmail_wrapped_attribution_starts_the_quote() -> None:
    body = (
        "Hi Ana,\n\nFollowing up on the below.\n\nOn Mon, Mar 3, 2025 at 9:00 AM Lea Novak "
        "<lea@example.com>\nwrote:\n> " + "an old pitch " * 60
    )
    doc = Document(body)
    assert doc.body[doc.content.start : own_end(doc)] == "Following up on the below."


@pytest.mark.parametrize(
    ("phrase", "rule"),
    [
        ("I'd be so grateful for a reply", "deferential"),
        ("Would you be so kind as to reply", "deferential"),
        ("I know your time is precious", "deferential"),
        ("Thank you for your time and consideration", "formal-filler"),
        ("I look forward to hearing from you", "formal-filler"),
        ("Great working\nwith you on the pilot, thanks in\nadvance for the intro", "formal-filler"),
    ],
)
def test_phrase_variants(phrase: str, rule: str) -> None:
    assert rule in _names(f"Hi Ana,\n\n{phrase}.\n\nTom", select=("S102", "S103"))
