"""Word gates never hide a match: random strings each pattern matches pass its gate."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest
from regex_samples import draw

from pitchfit.rules import ask, ask_text, homework_match, value
from pitchfit.rules.gate import WordGate
from pitchfit.rules.kinds import compile_phrases, load_terms
from pitchfit.text.document import Document


def _check(pattern: re.Pattern[str], gate: WordGate, n: int = 300, seed: int = 7) -> int:
    """Every random string the (lower-case) pattern matches passes the gate; returns matches."""
    rng = random.Random(seed)
    matched = 0
    for _ in range(n):
        drawn = draw(pattern, rng)
        text = rng.choice(["", " ", "x ", ". "]) + drawn + rng.choice(["", " ", ".", " y"])
        low = text.lower()
        if len(low) != len(text) or pattern.search(low) is None:
            continue
        matched += 1
        doc = Document(low)
        flat = doc.lower.replace("\n", " ")  # as ask.low hands it to the patterns
        assert gate.could_match(doc.vocabulary, flat), (pattern.pattern[:60], low)
    return matched


@pytest.mark.parametrize(
    ("key", "gate"), [("anywhere", ask._VAGUE_ANYWHERE), ("in_ask", ask._VAGUE_IN_ASK)]
)
def test_vague_ask_gates_follow_the_terms(key: str, gate: WordGate) -> None:
    patterns = load_terms("ask_vague")[key]
    assert len(gate) == len(patterns), "one gate alternative per pattern, in order"
    for i, pattern in enumerate(patterns):
        matched = _check(compile_phrases([pattern], ignore_case=False), gate.alternative(i))
        assert matched >= 10, f"pattern {i} of {key} rarely matched its samples"


GATED: list[tuple[str, Any, WordGate]] = [
    ("followup", ask_text._FOLLOWUP, ask_text._FOLLOWUP_GATE),
    ("info-update", ask._INFO_UPDATE, ask._INFO_UPDATE_GATE),
    ("intro", ask._INTRO, ask._INTRO_GATE),
    ("flattery", homework_match.FLATTERY, homework_match.FLATTERY_GATE),
    ("research-cue", homework_match.RESEARCH_CUE, homework_match.RESEARCH_GATE),
    ("explain-cue", homework_match.EXPLAIN_CUE, homework_match.EXPLAIN_GATE),
    ("feature-intro", value._FEATURE_INTRO, value._FEATURE_INTRO_GATE),
    ("tech-stack", value._TECH_STACK, value._TECH_STACK_GATE),
    ("logo-anchor", value._LOGO_ANCHOR, value._LOGO_ANCHOR_GATE),
    ("superlative", value._SUPERLATIVE, value._SUPERLATIVE_GATE),
    ("scale", value._SCALE, value._SCALE_GATE),
    ("multiplier", value._MULTIPLIER, value._MULTIPLIER_GATE),
]


@pytest.mark.parametrize(("name", "pattern", "gate"), GATED, ids=[g[0] for g in GATED])
def test_gate_never_hides_a_match(name: str, pattern: Any, gate: WordGate) -> None:
    compiled = pattern.compiled if hasattr(pattern, "compiled") else pattern
    matched = _check(compiled, gate, n=1500)
    assert matched >= 100, f"{name}: too few samples matched to say anything"


def test_gate_reads_words_and_substrings() -> None:
    gate = WordGate("how & help assist", "synergy synergies", "as & fan* admirer*")
    assert gate.could_match(frozenset({"how", "assist"}))
    assert not gate.could_match(frozenset({"how"}))
    assert gate.could_match(frozenset({"as"}), "as a fanatic")
    assert WordGate("fan* & as").triggers is None  # a substring first: no engine triggers
    assert WordGate("a & b", "c").triggers == frozenset({"a", "c"})


def test_logo_cue_is_in_every_logo_drop() -> None:
    """The cheap _LOGO_CUE search finds something wherever _LOGO_DROP matches."""
    rng = random.Random(3)
    drop = value._LOGO_DROP.compiled
    matched = 0
    for _ in range(1500):
        drawn = draw(drop, rng)
        text = rng.choice(["", "Hi. ", "x "]) + drawn + rng.choice(["", ".", " y"])
        text = text.replace("i", rng.choice("iıİi")).replace("s", rng.choice("sſs"))
        if drop.search(text) is None:
            continue
        matched += 1
        assert value._LOGO_CUE.search(value._fold(text)) is not None, text
    assert matched >= 100


def test_ignorecase_cues_go_to_the_regex_when_the_body_is_not_ascii() -> None:
    # re.IGNORECASE matches "ſaw" to "saw"; lower-casing does not, so no gate for such a body
    doc = Document("Hi Ana,\n\nI ſaw your post on ramp time.")
    assert homework_match.RESEARCH_CUE.search(doc.content.text) is not None
    assert homework_match.may_match(homework_match.RESEARCH_GATE, doc)
    plain = Document("Hi Ana,\n\nWe sell ramp software.")
    assert not homework_match.may_match(homework_match.RESEARCH_GATE, plain)


def test_every_multiplier_claim_has_a_digit_times() -> None:
    rng = random.Random(5)
    mult = value._MULTIPLIER.compiled
    matched = 0
    for _ in range(1500):
        text = draw(mult, rng)
        if mult.search(text) is None:
            continue
        matched += 1
        assert value._DIGIT_TIMES.search(text) is not None, text
    assert matched >= 100
