"""Reading phrase patterns apart: each alternative alone, opening with a literal
(:func:`lone_sources`), and the word a pattern must open with (:func:`lead_word`).

Python's ``re`` scans fast for a literal opening and slowly through a big alternation, so the
phrase lists search these parts first and run the whole pattern only where one matched. The
parts are derived from the pattern's own source (``re._parser`` for :func:`lead_word`), never
written by hand, so they cannot drift from what the rules match.
"""

from __future__ import annotations

import re
import re._constants as _C  # type: ignore[import-not-found]  # lead_word reads parsed patterns
import re._parser as _P  # type: ignore[import-not-found]


def _class_end(source: str, i: int) -> int:
    """Index just past the character class opened at ``source[i]`` (-1: none)."""
    j = i + 1
    if source.startswith("^", j):
        j += 1
    if source.startswith("]", j):  # "]" first in a class is a literal
        j += 1
    while j < len(source):
        if source[j] == "\\":
            j += 2
        elif source[j] == "]":
            return j + 1
        else:
            j += 1
    return -1


def _marks(source: str) -> list[tuple[int, int, str]] | None:
    """Each ``(``, ``)`` and ``|`` of the pattern as (offset, depth inside it, character),
    escapes and classes skipped; None when the pattern cannot be read."""
    out: list[tuple[int, int, str]] = []
    depth, i = 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            if i < 0:
                return None
            continue
        if ch == "(":
            depth += 1
            out.append((i, depth, ch))
        elif ch == ")":
            out.append((i, depth, ch))
            depth -= 1
        elif ch == "|":
            out.append((i, depth, ch))
        i += 1
    return out


def lone_sources(source: str, limit: int = 8) -> list[str]:
    """Patterns that together match at exactly the places ``source`` does, each opening with
    a literal where ``source`` opens with a group that is optional (``(?:X)?R``: ``(?:X)R``
    and ``R``) or a choice (``(?:A|B)R``: ``(?:A)R`` and ``(?:B)R``). ``re`` jumps from one
    occurrence of a literal opening to the next; a pattern that opens otherwise is tried at
    every position, several times slower. The pattern itself when in doubt."""
    if not source.startswith("(?:") or "(?P" in source or "(?(" in source:
        return [source]  # named groups and conditionals do not survive being copied
    if re.search(r"\\\d", source):  # a back-reference (or an escaped backslash and a digit)
        return [source]
    marks = _marks(source)
    if marks is None or any(ch == "|" and depth == 0 for _, depth, ch in marks):
        return [source]
    end = next((i for i, depth, ch in marks if ch == ")" and depth == 1), -1)
    if end < 0:
        return [source]
    cuts = [3, *(i + 1 for i, depth, ch in marks if ch == "|" and depth == 1 and i < end)]
    heads = [source[a : b - 1] for a, b in zip(cuts, [*cuts[1:], end + 1], strict=True)]
    after = source[end + 1 : end + 3]
    if after[:1] == "?" and after[1:] not in ("?", "+") and end + 2 < len(source):
        rest = source[end + 2 :]
        tails = lone_sources(rest, limit)
        out = [f"(?:{h}){t}" for h in heads for t in tails] + tails
    elif after[:1] not in ("?", "*", "+", "{") and len(heads) > 1:
        rest = source[end + 1 :]
        out = [f"(?:{h}){rest}" for h in heads]
    else:
        return [source]
    if len(out) > limit:
        return [source]
    flat = [x for alt in out for x in (lone_sources(alt, limit) if alt != source else [alt])]
    return flat if len(flat) <= limit else out


_LEAD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _in_word(code: int) -> bool:
    """Whether ``\\w`` matches the character (str patterns: alphanumeric or underscore)."""
    ch = chr(code)
    return ch.isalnum() or ch == "_"


def _never_word(op: object, av: object) -> bool:
    """Whether the parsed item (``re._parser``) can only match non-word characters."""
    if op is _C.LITERAL:
        return isinstance(av, int) and not _in_word(av)
    if op is _C.IN:
        assert isinstance(av, list)
        return all(
            (o is _C.LITERAL and not _in_word(a))
            or (o is _C.CATEGORY and a in (_C.CATEGORY_SPACE, _C.CATEGORY_UNI_SPACE))
            for o, a in av
        )
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        assert isinstance(av, tuple)
        low, _high, sub = av
        return low >= 1 and _opens_off_word(list(sub))
    if op is _C.BRANCH:  # every alternative opens with a non-word character
        assert isinstance(av, tuple)
        return all(_opens_off_word(list(alt)) for alt in av[1])
    if op is _C.SUBPATTERN:
        assert isinstance(av, tuple)
        return not av[1] and not av[2] and _opens_off_word(list(av[3]))
    return False


def _opens_off_word(items: list[tuple[object, object]]) -> bool:
    """Whether a parsed sequence always opens with a non-word character."""
    return bool(items) and _never_word(*items[0])


def lead_word(source: str) -> str | None:
    """The word (ASCII letters and digits) every match of ``source`` opens with, followed by a
    character that cannot be in a word or by the end of the pattern; None when there is none.

    Where a phrase list's alternation (word edges around it) matches through this pattern,
    that word stands alone, so it is a word of the email: without it the pattern is not
    searched."""
    try:
        items = list(_P.parse(source, re.UNICODE))
    except re.error:
        return None
    word: list[str] = []
    while items:
        op, av = items[0]
        if op is _C.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            items[:1] = list(av[3])
            continue
        if op is _C.LITERAL and chr(av) in _LEAD_CHARS:
            word.append(chr(av))
            del items[0]
            continue
        break
    if not word or (items and not _opens_off_word(items)):
        return None
    return "".join(word)
