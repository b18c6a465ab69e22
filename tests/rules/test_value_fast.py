"""The value rules' fast paths give what the straightforward code they replace gives, on
random strings drawn from the patterns involved (as in test_value_gates.py)."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from regex_samples import noisy_texts

from pitchfit.rules import value, value_claims
from pitchfit.rules.ask_text import low
from pitchfit.text.document import Document

_NOISE = ["", " ", "x ", ". ", "Hi. ", "ok,\n", "\n\n", "we ", "work ", " with", "us "]


def _texts(patterns: list[re.Pattern[str]], n: int, seed: int) -> Iterator[str]:
    """Random texts of one to four strings drawn from the patterns, with noise around (bits
    of cue phrases among it, so that matches run into each other)."""
    return noisy_texts(patterns, n, seed, _NOISE, parts=4)


# ---- V103 logo-dropping ------------------------------------------------------------------

_UNIT_PATTERNS = [re.compile(rx) for _i, rx, _g, _lead in value._CUE_BY_WORD.values()]


def _alternation_spans(words: list[str], folded: str) -> list[tuple[int, int]]:
    """What the one search for all of ``words``' phrases finds (the straightforward way)."""
    picked = sorted(value._CUE_BY_WORD[w][:2] for w in words)
    search = re.compile("|".join(rx for _i, rx in picked))
    return [m.span() for m in search.finditer(folded)]


def _cue_search(vocabulary: frozenset[str], folded: str) -> tuple[re.Pattern[str] | None, int]:
    """The straightforward reference: every cue phrase whose needs the email meets, in one
    alternation, and which kinds they are (1 a lead-in, 2 a tail), each phrase read from the
    table on its own."""
    picked = []
    kinds = 0
    for w, (i, rx, groups, lead) in value._CUE_BY_WORD.items():
        if w not in vocabulary:
            continue
        if all(
            not g.isdisjoint(vocabulary) if isinstance(g, frozenset) else g in folded
            for g in groups
        ):
            picked.append((i, rx))
            kinds |= 1 if lead else 2
    if not picked:
        return None, 0
    return re.compile("|".join(rx for _i, rx in sorted(picked))), kinds


def test_cue_spans_phrase_by_phrase_are_the_alternations() -> None:
    """_cue_spans finds the spans the alternation of the same phrases finds, overlapping
    phrases ("we work with us") included, for any set of phrases."""
    rng = random.Random(5)
    patterns = [*_UNIT_PATTERNS, value._LOGO_CUE.compiled, value._LOGO_DROP.compiled]
    every = sorted(value._CUE_WORDS)
    found = several = 0
    for text in _texts(patterns, 3000, seed=7):
        folded = value._fold(text)
        words = rng.sample(every, rng.randint(1, len(every)))
        want = _alternation_spans(words, folded)
        assert value._cue_spans(words, folded) == want, (text, words)
        found += bool(want)
        several += len(want) >= 2
    assert found >= 1500 and several >= 500, (found, several)


def test_cue_spans_of_the_picked_phrases_are_the_cue_searchs() -> None:
    """In the rule: the phrases _cue_words picks, searched one by one, give the spans of one
    search for every phrase whose needs the email meets, and the same kinds."""
    patterns = [*_UNIT_PATTERNS, value._LOGO_DROP.compiled, value._LOGO_DROP_B.compiled]
    found = 0
    for text in _texts(patterns, 2000, seed=8):
        doc = Document(text)
        c = doc.content
        folded = value._fold(doc.body[c.start : c.end])
        search, kinds = _cue_search(doc.vocabulary, folded)
        words, kinds_too = value._cue_words(doc.vocabulary, folded)
        assert kinds_too == kinds and bool(words) == (search is not None), text
        want = [m.span() for m in search.finditer(folded)] if search is not None else []
        assert (value._cue_spans(words, folded) if words else []) == want, text
        found += bool(want)
    assert found >= 1000


def test_cue_spans_of_overlapping_phrases() -> None:
    """The case the merge exists for: a phrase starting inside the last match is skipped, one
    starting at its end is not."""
    folded = "we work with us. work with us"
    words = ["we", "work"]
    assert value._cue_spans(words, folded) == [(0, 12), (17, 29)]
    assert value._cue_spans(words, folded) == _alternation_spans(words, folded)


# ---- V104 unproven-claim -----------------------------------------------------------------


def test_a_superlative_word_matches_only_where_the_email_holds_its_needed_word() -> None:
    """The set test put before each _SUP_WORD_PARTS scan never drops a part that matches in
    the content the rule searches, whatever the case, wrapping and odd letters."""
    patterns = [value_claims._SUP_WORD_RE.compiled, value_claims._SUPERLATIVE.compiled]
    rng = random.Random(9)
    matched = 0
    for text in _texts(patterns, 3000, seed=9):
        if rng.random() < 0.3:
            text = text.replace("i", rng.choice("İı")).replace("s", "ſ")
        for body in (text, text.upper(), "Hi Dana,\n\n" + text.title() + "\n\nBest,\nJo"):
            doc = Document(body)
            content = low(doc, doc.content)
            for rx, w, needed in value_claims._SUP_WORD_NEEDS:
                if rx.search(content) is not None:
                    assert needed in doc.vocabulary and w in content, (body, w)
                    matched += 1
    assert matched >= 1500


def test_each_superlative_word_needs_a_word_of_its_own() -> None:
    """The needed word is a whole word of the phrase (so a match holds it as a token)."""
    for _rx, w, needed in value_claims._SUP_WORD_NEEDS:
        assert needed in re.split(r"[^a-z]+", w) and needed in value_claims._SUP_WORD_VOCAB
