"""The writer's own text and wrap-tolerant phrase matching, shared by the style family.

Quoted history (a forwarded original, "On … wrote:", "> " lines) and a bare-name signature
are not the writer's words; hard-wrapped lines must not hide a phrase. Results are computed
once per Document and kept in weak maps, since several rules ask the same question.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from .base import Hit, Rule
from .kinds import PatternRule, compile_phrases, load_terms

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document

# Where quoted history starts: "On Mon, … wrote:", a forward/original-message banner, "> " lines.
QUOTE_START = re.compile(
    r"^[ \t]*(?:On\b[^\n]{0,200}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$"
    r"|-{2,}[ \t]*(?:Original|Forwarded)[ \t]+Message[ \t]*-{0,}[^\n]*$"
    r"|Begin forwarded message:?[ \t]*$"
    r"|From:[ \t]+[^\n]+\n[ \t]*(?:Sent|Date):"
    r"|>)",
    re.MULTILINE | re.IGNORECASE,
)


# A bare name alone on a line near the end (a signature with no sign-off word before it).
_NAME_LINE = re.compile(
    r"[ \t]*(?:--?[ \t]*)?[A-Z][\w'’.-]{1,20}(?:[ \t]+[A-Z][\w'’.-]{1,20}){0,2}[ \t]*"
)


def own_end(doc: Document) -> int:
    """End offset of the writer's own text: the content up to any quoted earlier message.

    A bare name line among the last three lines (a signature with no sign-off) is cut too.
    Computed once per document (several rules ask).
    """
    cached = _OWN_END.get(doc)
    if cached is None:
        cached = _OWN_END[doc] = _own_end(doc)
    return cached


_OWN_END: WeakKeyDictionary[Document, int] = WeakKeyDictionary()


def _own_end(doc: Document) -> int:
    content = doc.content
    body = doc.body
    m = QUOTE_START.search(body, content.start, content.end)
    end = _rstrip(body, content.start, m.start() if m else content.end)
    line_end = end
    for _ in range(3):
        line_start = body.rfind("\n", content.start, line_end) + 1
        if line_start <= content.start:
            break
        if _NAME_LINE.fullmatch(body, line_start, line_end):
            return _rstrip(body, content.start, line_start)
        line_end = line_start - 1
    return end


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1].isspace():
        end -= 1
    return end


def own_text(doc: Document) -> str:
    """The writer's own words (content without quoted history)."""
    return doc.body[doc.content.start : own_end(doc)]


def wrap_tolerant(fragment: str) -> str:
    """Let a literal space in a pattern match any run of whitespace (hard-wrapped lines)."""
    out, depth, i = [], 0, 0
    while i < len(fragment):
        ch = fragment[i]
        if ch == "\\":
            out.append(fragment[i : i + 2])
            i += 2
            continue
        if ch == "[":
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
        out.append(r"\s+" if ch == " " and not depth else ch)
        i += 1
    return "".join(out)


_HITS: WeakKeyDictionary[Document, dict[type[Rule], list[Hit]]] = WeakKeyDictionary()


class PhraseRule(PatternRule):
    """A PatternRule whose phrases also match across a line break (outreach is hard-wrapped).

    The word list's ``anchors`` are literal pieces one of which every match contains: when
    none is in the text the regular expression is not run at all. Hits are kept per document,
    so a strength that asks "any hype here?" does not search the text a second time.
    """

    @classmethod
    def regex(cls) -> re.Pattern[str]:
        cached: re.Pattern[str] | None = cls.__dict__.get("_wrapped")
        if cached is None:
            pats = list(cls.patterns)
            if cls.terms:
                pats += load_terms(cls.terms).get(cls.terms_key, [])
            cached = compile_phrases([wrap_tolerant(p) for p in pats], ignore_case=cls.ignore_case)
            cls._wrapped = cached  # type: ignore[attr-defined]
        return cached

    @classmethod
    def anchors(cls) -> tuple[str, ...]:
        return tuple(load_terms(cls.terms).get("anchors", ())) if cls.terms else ()

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        per_doc = _HITS.setdefault(doc, {})
        key = type(self)
        if key not in per_doc:
            per_doc[key] = list(self.find(doc, ctx))
        return iter(per_doc[key])

    def find(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        """The phrase hits, skipping the search when no anchor occurs in the text."""
        anchors = self.anchors()
        lower = doc.lower
        if anchors and lower is not doc.body and not any(a in lower for a in anchors):
            return iter(())
        return super().check(doc, ctx)
