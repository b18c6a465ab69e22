"""no-reason's split reason test (value._reason_or_about_them) answers as _REASON and
_ABOUT_THEM do: random texts drawn from the patterns (as in test_value_gates.py), lower-cased
the way the rule reads the content."""

from __future__ import annotations

import random

from regex_samples import draw as _draw

from pitchfit.rules import value
from pitchfit.rules.ask_text import low
from pitchfit.text.document import Document

from .test_value_gates import _texts

_ODD = ["", "x", "_", "İ", "ſ", "é", "’", "-", "3", "\n", "A", "Ⅰ"]


def _whole(t: str) -> bool:
    return value._REASON.search(t) is not None or value._ABOUT_THEM.search(t) is not None


def test_split_reason_test_is_the_whole_patterns() -> None:
    patterns = [value._REASON.compiled, value._ABOUT_THEM.compiled]
    rng = random.Random(61)
    matched = 0
    for text in _texts(patterns, 4000, seed=62, fold_letters=True):
        odd = rng.choice(_ODD)
        for body in (text, text.lower(), text.upper(), odd + text, text.replace(" ", odd, 1)):
            for subject in (None, "Re: " + _draw(rng.choice(patterns), rng)):
                doc = Document(body, subject)
                t = low(doc, doc.content)
                expected = _whole(t)
                assert value._reason_or_about_them(doc, t) == expected, (body, subject)
                matched += expected
    assert matched >= 5000


def test_every_part_matches_only_where_the_whole_does() -> None:
    """At every place, some part matches exactly where one of the whole patterns does."""
    patterns = [value._REASON.compiled, value._ABOUT_THEM.compiled]
    parts = [rx for _w, rx in value._REASON_PARTS] + [value._CONGRAT]
    matched = 0
    for text in _texts(patterns, 1500, seed=63):
        t = text.lower()
        for p in range(len(t) + 1):
            here = any(rx.match(t, p) for rx in parts)
            whole = any(rx.match(t, p) for rx in patterns)
            assert here == whole, (t, p)
            matched += here
    assert matched >= 1000
