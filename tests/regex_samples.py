"""Random strings a regular expression matches, drawn from the parsed pattern itself.

The property tests use them to show that a cheap pre-test (a word gate, a literal check, a
pattern split by opening word) passes wherever the pattern it guards can match.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

POOL = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 _-.,'’:;!?\n\t%$#&()\"/+×"
CATEGORY_PROBE = {
    C.CATEGORY_DIGIT: r"\d",
    C.CATEGORY_NOT_DIGIT: r"\D",
    C.CATEGORY_SPACE: r"\s",
    C.CATEGORY_NOT_SPACE: r"\S",
    C.CATEGORY_WORD: r"\w",
    C.CATEGORY_NOT_WORD: r"\W",
}


def in_set(ch: str, items: list[tuple[Any, Any]]) -> bool:
    negate = False
    hit = False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or ord(ch) == av
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY:
            hit = hit or re.fullmatch(CATEGORY_PROBE[av], ch) is not None
    return hit != negate


def pick(items: list[tuple[Any, Any]], rng: random.Random) -> str:
    pool = list(POOL)
    for op, av in items:
        if op is C.LITERAL:
            pool.append(chr(av))
        elif op is C.RANGE:
            pool.append(chr(rng.randint(av[0], av[1])))
    ok = [ch for ch in pool if in_set(ch, items)]
    return rng.choice(ok) if ok else "a"


def sample(node: Any, rng: random.Random, out: list[str]) -> None:
    """Append to ``out`` one random string the parsed pattern ``node`` (``re._parser``) can
    match, lookarounds and anchors ignored (the caller tests the match)."""
    for op, av in node:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.NOT_LITERAL:
            out.append(rng.choice([c for c in POOL if ord(c) != av]))
        elif op is C.ANY:
            out.append(rng.choice("a .x"))
        elif op is C.IN:
            out.append(pick(av, rng))
        elif op is C.BRANCH:
            sample(rng.choice(av[1]), rng, out)
        elif op is C.SUBPATTERN:
            sample(av[3], rng, out)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            for _ in range(rng.randint(lo, min(hi, lo + 3))):
                sample(sub, rng, out)
        elif op is C.ATOMIC_GROUP:
            sample(av, rng, out)
        # AT, ASSERT, ASSERT_NOT consume nothing: the match test below sorts them out


def phrase_sample(pattern: str, rng: random.Random) -> str:
    """A random string the pattern matches (enough of the syntax for the phrase lists)."""
    out: list[str] = []

    def pick_in(items: list[tuple[Any, Any]]) -> str:
        choices: list[str] = []
        for op, av in items:
            if op is C.LITERAL:
                choices.append(chr(av))
            elif op is C.RANGE:
                choices.append(chr(rng.randint(av[0], min(av[1], av[0] + 25))))
            elif op is C.CATEGORY:
                choices.append({C.CATEGORY_SPACE: " ", C.CATEGORY_DIGIT: "7"}.get(av, "q"))
            elif op is C.NEGATE:
                return "q"
        return rng.choice(choices)

    def walk(items: Any) -> None:
        for op, av in items:
            if op is C.LITERAL:
                out.append(chr(av))
            elif op is C.IN:
                out.append(pick_in(av))
            elif op is C.ANY:
                out.append("q")
            elif op is C.BRANCH:
                walk(rng.choice(av[1]))
            elif op is C.SUBPATTERN:
                walk(av[3])
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
                low, high, sub = av
                for _ in range(rng.randint(low, min(high, low + 2))):
                    walk(sub)
            elif op in (C.ASSERT, C.ASSERT_NOT, C.AT):
                continue
            else:  # pragma: no cover - a construct the phrase lists do not use yet
                raise AssertionError(f"sampler: {op}")

    walk(P.parse(pattern, re.IGNORECASE).data)
    return "".join(out)


_TREES: dict[re.Pattern[str], Any] = {}


def draw(pattern: re.Pattern[str], rng: random.Random) -> str:
    """One random string drawn from the pattern's parse tree (parsed once per pattern); it
    usually matches, and callers test that it does."""
    tree = _TREES.get(pattern)
    if tree is None:
        tree = _TREES[pattern] = P.parse(pattern.pattern, pattern.flags)
    out: list[str] = []
    sample(tree, rng, out)
    return "".join(out)


def noisy_texts(
    patterns: list[re.Pattern[str]],
    n: int,
    seed: int,
    noise: list[str],
    *,
    parts: int = 3,
    fold_letters: bool = False,
) -> Iterator[str]:
    """``n`` random texts of one to ``parts`` strings drawn from the patterns, with ``noise``
    (and " and ", ", ") around them; ``fold_letters`` swaps in the letters an IGNORECASE
    pattern reads as i or s."""
    rng = random.Random(seed)
    for _ in range(n):
        pieces = [rng.choice(noise)]
        for _ in range(rng.randint(1, parts)):
            pieces.append(draw(rng.choice(patterns), rng))
            pieces.append(rng.choice([*noise, " and ", ", "]))
        text = "".join(pieces)
        if fold_letters:
            text = text.replace("i", rng.choice("iıİi")).replace("s", rng.choice("sſs"))
        yield text
