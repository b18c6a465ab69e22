"""Style rules beyond their examples: the seed's John emails, options, quotes, subjects."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from regex_samples import phrase_sample as _sample

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.models import HistoryMessage
from pitchfit.rules import followup, strengths
from pitchfit.rules.followup import GUILT, SILENCE
from pitchfit.rules.style import Deferential, FormalFiller, Hype
from pitchfit.rules.style_text import PhraseList, fold_source, folding, own_end, parse_needs
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


# ---- what each phrase needs (the gates that spare most emails most searches) ------------------
def _phrase_lists() -> list[tuple[str, PhraseList]]:
    lists = [(cls.name, cls.phrases()) for cls in (Deferential, FormalFiller, Hype)]
    lists += [("guilt", GUILT), ("silence", SILENCE), ("restate", followup._RESTATE)]
    lists += [
        (name, getattr(strengths, name))
        for name in ("_EAGER", "_REASON", "_IMPERATIVE_ASK", "_RESULT_VERB", "_OBSERVED_ANY")
    ]
    return lists


@pytest.mark.parametrize(("name", "phrases"), _phrase_lists(), ids=[n for n, _ in _phrase_lists()])
def test_every_phrase_needs_what_its_word_list_says(name: str, phrases: PhraseList) -> None:
    """Random matches of each phrase hold one of the words (or stems) it is said to need: a
    missing word would hide real hits, since a phrase is only looked for when one occurs."""
    rng = random.Random(7)
    needs = phrases._make()[1]  # the raw entries
    assert needs is not None and len(needs) == len(phrases.fragments)
    for fragment, entry in zip(phrases.fragments, needs, strict=True):
        words, stems = parse_needs(entry)
        for _ in range(60):
            sample = _sample(fragment, rng).lower()
            tokens = set(re.findall(r"[^\W_]+", sample))
            assert tokens & words or any(s in sample for s in stems), (
                f"{name}: {sample!r} (from {fragment!r}) holds none of {entry!r}"
            )


@pytest.mark.parametrize(("name", "phrases"), _phrase_lists(), ids=[n for n, _ in _phrase_lists()])
def test_phrase_lists_find_what_the_whole_alternation_finds(name: str, phrases: PhraseList) -> None:
    """Same matches as one case-insensitive alternation, in any case, wrapped or not, and with
    the characters that lower-case oddly (dotless i, long s, dotted capital I)."""
    rng = random.Random(11)
    pieces = [_sample(f, rng) for f in phrases.fragments for _ in range(3)]
    pieces += ["the", "we", "can", "to", "I", "your", "Acme", "_x", "2024", "it's", "İ", "ı", "ſ"]
    seps = [" ", " ", "\n", "  ", "-", ", ", ". ", "'", "’", "\n\n"]
    for _ in range(300):
        text = "".join(
            rng.choice((str.upper, str.title, str.lower, str))(rng.choice(pieces))
            + rng.choice(seps)
            for _ in range(rng.randint(1, 30))
        )
        doc = Document(text)
        fold = folding(doc)
        for start, end in ((0, len(text)), (len(text) // 3, len(text))):
            got = [m.span() for m in phrases.finditer(fold, doc.body, start, end)]
            want = [m.span() for m in phrases.full.exact.finditer(doc.body, start, end)]
            assert got == want, (name, text)


def test_folding_keeps_escapes_and_refuses_inline_flags() -> None:
    assert fold_source(r"I\x27m \W(?P<n>X)[A-Z]") == r"i\x27m \W(?P<n>x)[a-z]"
    with pytest.raises(ValueError):
        fold_source(r"(?-i:[A-Z])")
