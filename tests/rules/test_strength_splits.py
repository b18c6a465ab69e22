"""specific-research's fast forms find what the originals do: the capital-token search with
its look-behind after the capital, and the quoted-phrase search only where a quote is."""

from __future__ import annotations

import random

from pitchfit.rules import strengths

_POOL = "aZbQ.@/_-&'’ \n\"“”0A9xY"


def _texts() -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(_POOL) for _ in range(rng.randint(0, 40))) for _ in range(4000)]


def test_cap_fast_matches_cap_token() -> None:
    for text in _texts():
        old = [(m.span(), m.group(1)) for m in strengths._CAP_TOKEN.finditer(text)]
        new = [(m.span(), m.group(1)) for m in strengths._CAP_FAST.finditer(text)]
        assert old == new, text


def test_quoted_needs_a_quote() -> None:
    for text in _texts():
        if strengths._QUOTED.search(text):
            assert '"' in text or "“" in text
