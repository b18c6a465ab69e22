"""The value rules' cheap pre-tests never hide a match: random strings each pattern matches
(drawn from the pattern itself, as in test_gates.py) pass the test put before it."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any

import pytest
from regex_samples import noisy_texts

from pitchfit.rules import value, value_claims, value_shared
from pitchfit.rules.ask_text import low
from pitchfit.rules.value_shared import _led
from pitchfit.text.document import Document

_NOISE = ["", " ", "x ", ". ", "Hi. ", "ok,\n", "\n\n"]


def _texts(
    patterns: list[re.Pattern[str]], n: int, seed: int, fold_letters: bool = False
) -> Iterator[str]:
    """Random bodies holding one to three strings drawn from the patterns, with noise around."""
    return noisy_texts(patterns, n, seed, _NOISE, fold_letters=fold_letters)


# ---- V103 logo-dropping ------------------------------------------------------------------


def _cue_spans(doc: Document) -> tuple[list[tuple[int, int]], list[tuple[int, int]], int]:
    c = doc.content
    folded = value._fold(doc.body[c.start : c.end])
    words, kinds = value._cue_words(doc.vocabulary, folded)
    new = value._cue_spans(words, folded) if words else []
    old = [m.span() for m in value._LOGO_CUE.finditer(folded)]
    return new, old, kinds


def test_cue_phrases_searched_find_what_the_whole_cue_finds() -> None:
    """Searching only the cue phrases whose words occur finds the same cues, in random texts
    of cues, logo drops and both halves of the logo-drop test."""
    patterns = [
        value._LOGO_CUE.compiled,
        value._LOGO_DROP.compiled,
        value._LOGO_DROP_A.compiled,
        value._LOGO_DROP_B.compiled,
    ]
    found = 0
    for text in _texts(patterns, 3000, seed=11, fold_letters=True):
        for body in (text, text.lower(), text.upper()):
            new, old, _kinds = _cue_spans(Document(body))
            assert new == old, body
            found += bool(old)
    assert found >= 1000


def _kinds_needed(pattern: re.Pattern[str], flag: int, seed: int) -> int:
    matched = 0
    for text in _texts([pattern], 1500, seed=seed, fold_letters=True):
        doc = Document(text)
        if not any(pattern.search(s.text) for s in doc.sentences):
            continue
        matched += 1
        _new, _old, kinds = _cue_spans(doc)
        assert kinds & flag, text
    return matched


def test_a_logo_list_after_a_lead_in_needs_a_lead_in_phrase() -> None:
    assert _kinds_needed(value._LOGO_DROP_A.compiled, 1, seed=12) >= 300


def test_a_logo_list_before_a_tail_needs_a_tail_phrase() -> None:
    assert _kinds_needed(value._LOGO_DROP_B.compiled, 2, seed=13) >= 300


def test_a_logo_drop_needs_the_kind_of_phrase_it_holds() -> None:
    drop = value._LOGO_DROP.compiled
    matched = 0
    for text in _texts([drop], 1500, seed=14, fold_letters=True):
        doc = Document(text)
        for s in doc.sentences:
            m = drop.search(s.text)
            if m is None:
                continue
            matched += 1
            _new, _old, kinds = _cue_spans(doc)
            assert kinds & (1 if m.group("a") is not None else 2), text
    assert matched >= 300


# ---- V101 features-not-benefits ----------------------------------------------------------

_BENEFIT_WHOLE = re.compile(
    r"\b(?:so (?:that )?(?:you|your)|which means (?:you|your)|(?:you|your team)(?:[’']ll| will"
    r"| can| could) (?:save|cut|get|close|book|see|stop|spend|hit|grow|win)|sav(?:e|es|ed|ing)"
    r" (?:you|your))\b"
)


def test_benefit_in_its_fast_form_matches_where_the_whole_form_does() -> None:
    matched = 0
    for text in _texts([_BENEFIT_WHOLE, value._BENEFIT.compiled], 3000, seed=21):
        for t in (text.lower(), "a" + text.lower(), text.lower().replace(" ", "_", 1)):
            whole = _BENEFIT_WHOLE.search(t) is not None
            assert (value._BENEFIT.search(t) is not None) == whole, t
            matched += whole
    assert matched >= 1000


def test_tech_stack_in_some_sentence_is_found_over_the_content() -> None:
    stack = value._TECH_STACK.compiled
    matched = 0
    for text in _texts([stack], 2000, seed=22):
        for body in (text.lower(), "Hi Dana,\n\nWe " + text.lower()):
            doc = Document(body)
            flat = low(doc, doc.content)
            led = value._TECH_STACK_LED.search(flat)
            for s in doc.sentences:
                m = stack.search(low(doc, s))
                if m is not None:
                    matched += 1
                    assert led is not None, body
            # the fast form finds the very match the whole form finds
            whole = stack.search(flat)
            assert (led and led.span()) == (whole and whole.span()), body
    assert matched >= 500


def test_led_keeps_the_word_boundary() -> None:
    rx = re.compile(_led("uses", "built on") + r"\b")
    assert rx.search("it uses x") and rx.search("uses") and rx.search("(built on)")
    assert not rx.search("reuses") and not rx.search("_uses") and not rx.search("xbuilt on")


def test_bullet_count_is_at_least_the_bullet_lines_found() -> None:
    """_bullets (one search over the content) counts every line _BULLET finds."""
    rng = random.Random(23)
    heads = ["- ", "* ", "• ", "· ", "1. ", "12) ", "  - ", "\t3. ", "x ", "-", "1.", "— "]
    counted = 0
    for _ in range(3000):
        lines = [
            rng.choice(heads) + rng.choice(["a", "B c", " ", "", "İx", "ſ"])
            for _ in range(rng.randint(1, 7))
        ]
        lead = rng.choice(["", "Hi Dana,\n", "Hi Dana,\n\n", "Hi Dana,\n  ", "x\n"])
        doc = Document(lead + "\n".join(lines) + rng.choice(["", "\n\nBest,\nJo"]))
        c = doc.content
        found = len(list(value._BULLET.finditer(doc.body, c.start, c.end)))
        assert found <= value._bullets(doc), doc.body
        counted += found >= 3
    assert counted >= 300


# ---- V104 unproven-claim -----------------------------------------------------------------


_PARTS: dict[str, tuple[Any, tuple[tuple[Any, Any], ...], list[Any]]] = {
    "superlative": (
        value_claims._SUPERLATIVE_LED,
        value_claims._SUPERLATIVE_PARTS,
        [value_claims._SUPERLATIVE, value_claims._SCALE],
    ),
    "rank": (value_claims._SUP_RANK_RE, value_claims._SUP_RANK_PARTS, [value_claims._SUPERLATIVE]),
    "scale": (value_claims._SCALE_LED, value_claims._SCALE_PARTS, [value_claims._SUPERLATIVE]),
    "superlative-word": (
        value_claims._SUP_WORD_RE,
        value_claims._SUP_WORD_PARTS,
        [value_claims._SUPERLATIVE],
    ),
    "tech-stack": (value._TECH_STACK_LED, value._TECH_STACK_PARTS, [value._FEATURE_INTRO]),
    "benefit": (value._BENEFIT, value._BENEFIT_PARTS, [value._FEATURE_INTRO]),
}


@pytest.mark.parametrize("name", list(_PARTS))
def test_parts_match_where_the_whole_does(name: str) -> None:
    """At every place of random texts a part matches exactly where the whole pattern does, and
    a part matches only in an email holding one of its words."""
    whole, parts, others = _PARTS[name]
    patterns = [whole.compiled] * 3 + [p.compiled for p in others]
    matched = 0
    for text in _texts(patterns, 3000, seed=len(name)):
        t = text.lower()
        vocab = Document(t).vocabulary
        for p in range(len(t) + 1):
            here = [rx for rx, _w in parts if rx.match(t, p)]
            assert bool(here) == (whole.match(t, p) is not None), (t, p)
            matched += bool(here)
            for rx, w in parts:
                if rx.match(t, p):
                    if name == "superlative-word":  # the rule asks the content for it
                        assert w in t, (t, w)
                        continue
                    words = {w} if isinstance(w, str) else w
                    assert not words.isdisjoint(vocab), (t, w)
    assert matched >= 200


def test_every_multiplier_claim_ends_in_a_digit_times_more() -> None:
    mult = value_claims._MULTIPLIER.compiled
    matched = 0
    for text in _texts([mult], 2000, seed=41):
        for body in (text.lower(), "Hi Dana,\n\n" + text.lower()):
            doc = Document(body)
            flat = low(doc, doc.content)
            for s in doc.sentences:
                if mult.search(low(doc, s)):
                    matched += 1
                    assert value_claims._DIGIT_TIMES_MORE.search(flat), body
    assert matched >= 300


def test_times_and_percent_more_are_the_digit_times_more() -> None:
    whole = value_claims._DIGIT_TIMES_MORE.compiled
    matched = 0
    for text in _texts([whole, value_claims._MULTIPLIER.compiled], 3000, seed=43):
        for t in (text.lower(), text.replace("x", "%"), "a" + text.lower()):
            fast = value_claims._TIMES_MORE.search(t) is not None or (
                "%" in t and value_claims._PERCENT_MORE.search(t) is not None
            )
            assert fast == (whole.search(t) is not None), t
            matched += fast
    assert matched >= 1000


def test_scale_and_multiplier_word_groups_are_their_gates() -> None:
    for gate, groups in [
        (value_claims._SCALE_GATE, (value_claims._SCALE_NOUNS, value_claims._SCALE_VERBS)),
        (value_claims._MULTIPLIER_GATE, (value_claims._MULT_WORDS_GATE, value_claims._MULT_BY)),
    ]:
        assert tuple(words for words, _subs in gate.alternatives[0]) == groups
        rng = random.Random(42)
        pool = sorted(groups[0] | groups[1] | {"x", "y"})
        for _ in range(300):
            vocab = frozenset(rng.sample(pool, rng.randint(0, 4)))
            both = not groups[0].isdisjoint(vocab) and not groups[1].isdisjoint(vocab)
            assert gate.could_match(vocab) == both


# ---- the result test (value_shared._result) ----------------------------------------------


def test_result_is_the_whole_result_pattern() -> None:
    """_result answers as _RESULT.search would, on random texts around its matches."""
    whole = value_shared._RESULT.compiled
    matched = 0
    for text in _texts([whole], 3000, seed=51, fold_letters=True):
        for t in (text, text.lower(), "x" + text, text.replace(" ", "")):
            doc = Document(t)
            expected = whole.search(t) is not None
            assert value_shared._result(doc, t) == expected, t
            # and on a part of the body, as the rules ask it
            c = doc.content
            part = doc.body[c.start : c.end]
            assert value_shared._result(doc, part) == (whole.search(part) is not None), t
            matched += expected
    assert matched >= 3000
