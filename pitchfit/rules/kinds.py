"""Generic rule kinds: most rules are data over a few mechanisms (as in Vale).

``PatternRule`` flags phrases (regular-expression fragments, from the class or from a
``terms/*.toml`` word list) in one part of the email. A family module declares a subclass with
its code, name, doc, examples and patterns, and inherits ``check``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from .base import Hit, Rule

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document


@cache
def load_terms(name: str) -> dict[str, list[str]]:
    """Read ``pitchfit/rules/terms/<name>.toml``: lists of patterns keyed by group."""
    # A plain path, not importlib.resources: that import alone costs more than the rules.
    text = (Path(__file__).parent / "terms" / f"{name}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return {k: [str(p) for p in v] for k, v in data.items() if isinstance(v, list)}


def compile_phrases(
    patterns: list[str] | tuple[str, ...], *, ignore_case: bool = True
) -> re.Pattern[str]:
    """One alternation over all fragments, anchored at word edges."""
    if not patterns:
        return re.compile(r"(?!x)x")
    joined = "|".join(f"(?:{p})" for p in patterns)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<![\w]){'(?:' + joined + ')'}(?![\w])", flags | re.UNICODE)


class PatternRule(Rule):
    """Flag each occurrence of any pattern in ``region`` (content, body, subject or greeting).

    ``message`` may use ``{match}``. ``terms`` names a ``terms/*.toml`` file whose ``patterns``
    list is added to ``patterns``. At most ``max_hits`` findings per email: one is enough to
    make the point, ten are noise.
    """

    patterns: ClassVar[tuple[str, ...]] = ()
    terms: ClassVar[str | None] = None
    terms_key: ClassVar[str] = "patterns"
    region: ClassVar[str] = "content"
    ignore_case: ClassVar[bool] = True
    message: ClassVar[str] = "{match}"
    max_hits: ClassVar[int] = 3
    _regex: ClassVar[re.Pattern[str] | None] = None

    @classmethod
    def regex(cls) -> re.Pattern[str]:
        cached: re.Pattern[str] | None = cls.__dict__.get("_regex")
        if cached is None:
            pats = list(cls.patterns)
            if cls.terms:
                pats += load_terms(cls.terms).get(cls.terms_key, [])
            cached = compile_phrases(pats, ignore_case=cls.ignore_case)
            cls._regex = cached
        return cached

    def region_span(self, doc: Document) -> tuple[int, int] | None:
        """[start, end) of ``region`` in the body; None when the email has no such part."""
        if self.region == "body":
            return 0, len(doc.body)
        if self.region == "greeting":
            return None if doc.greeting is None else (doc.greeting.start, doc.greeting.end)
        return doc.content.start, doc.content.end

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        regex = self.regex()
        count = 0
        if self.region == "subject":
            for m in regex.finditer(doc.subject or ""):
                yield self.hit(
                    m.start(), m.end(), self.message.format(match=m.group(0)), in_subject=True
                )
                count += 1
                if count >= self.max_hits:
                    return
            return
        bounds = self.region_span(doc)
        if bounds is None:
            return
        start, end = bounds
        for m in regex.finditer(doc.body, start, end):
            yield self.hit(m.start(), m.end(), self.message.format(match=m.group(0)))
            count += 1
            if count >= self.max_hits:
                return
