"""The writer's own text and wrap-tolerant phrase matching, shared by the style family.

Quoted history (a forwarded original, "On … wrote:", "> " lines) and a bare-name signature
are not the writer's words; hard-wrapped lines must not hide a phrase. Results are computed
once per Document and kept in its ``__dict__`` (a plain dict look-up: several rules ask the
same question, some of them many times per email).

Speed: no pattern is compiled at import (see :mod:`pitchfit.text.patterns`). A case-insensitive
phrase list is searched as a case-sensitive pattern over the lower-cased text
(:class:`FoldedPattern`, two to three times faster in ``re``), and only when one of the words
(or word stems) that every phrase needs occurs in the email (:class:`Gate`).
"""

from __future__ import annotations

import heapq
import itertools
import re
import sys
import threading
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from ..text.document import cached_property
from ..text.patterns import lazy_compile
from .base import Hit, Rule
from .kinds import PatternRule, load_terms
from .regex_parts import lead_word, lone_sources

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document, Segment

START = itemgetter(0)  # a Segment's start, as a bisect key

# Where quoted history starts: "On Mon, … wrote:", a forward/original-message banner, "> " lines.
_QUOTE_LINE = (
    r"[ \t]*(?:On\b[^\n]{0,200}(?:\n[^\n]{0,120})?\bwrote:[ \t]*$"
    r"|-{2,}[ \t]*(?:Original|Forwarded)[ \t]+Message[ \t]*-{0,}[^\n]*$"
    r"|Begin forwarded message:?[ \t]*$"
    r"|From:[ \t]+[^\n]+\n[ \t]*(?:Sent|Date):"
    r"|>)"
)
QUOTE_START = lazy_compile("^" + _QUOTE_LINE, re.MULTILINE | re.IGNORECASE)
# The same after a line break: a literal first lets ``re`` jump from line to line.
_QUOTE_AFTER_BREAK = lazy_compile("\n" + _QUOTE_LINE, re.MULTILINE | re.IGNORECASE)


# Every quote line holds one of these, in any case (">", "On … wrote:", "-- Original Message",
# "Begin forwarded message", "From: …"): in plain ASCII text, a few substring searches of the
# lower-cased text tell that there is none faster than the pattern does.
_QUOTE_TEXTS = (">", "wrote:", "message", "from:")


def _quote_start(body: str, start: int, end: int, low: str | None = None) -> int:
    """Where ``QUOTE_START.search(body, start, end)`` matches (-1: nowhere). ``low`` is the
    body lower-cased, if at hand, for the pre-test."""
    if (
        low is not None
        and body.isascii()
        and all(low.find(t, start, end) < 0 for t in _QUOTE_TEXTS)
    ):
        return -1
    at_line = start == 0 or body[start - 1] == "\n"
    if at_line and QUOTE_START.match(body, start, end) is not None:
        return start
    m = _QUOTE_AFTER_BREAK.search(body, start, end)
    return -1 if m is None else m.start() + 1


# A bare name alone on a line near the end (a signature with no sign-off word before it).
_NAME_LINE = lazy_compile(
    r"[ \t]*(?:--?[ \t]*)?[A-Z][\w'’.-]{1,20}(?:[ \t]+[A-Z][\w'’.-]{1,20}){0,2}[ \t]*"
)


def own_end(doc: Document) -> int:
    """End offset of the writer's own text: the content up to any quoted earlier message.

    A bare name line among the last three lines (a signature with no sign-off) is cut too.
    Computed once per document (several rules ask).
    """
    cached: int | None = doc.__dict__.get("_own_end")
    if cached is None:
        cached = doc.__dict__["_own_end"] = _own_end(doc)
    return cached


def _own_end(doc: Document) -> int:
    content = doc.content
    body = doc.body
    quote = _quote_start(body, content.start, content.end, doc.lower)
    end = _rstrip(body, content.start, content.end if quote < 0 else quote)
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


def own_sentences(doc: Document) -> list[Segment]:
    """Sentences of the writer's own text (those starting before :func:`own_end`); worked out
    once per document (several strengths ask). Callers must not change the list."""
    cached: list[Segment] | None = doc.__dict__.get("_own_sentences")
    if cached is None:
        sentences = doc.sentences
        cached = doc.__dict__["_own_sentences"] = sentences[
            : bisect_left(sentences, own_end(doc), key=START)
        ]
    return cached


def own_word_count(doc: Document) -> int:
    """How many words of the content start before :func:`own_end` (counted once)."""
    cached: int | None = doc.__dict__.get("_own_word_count")
    if cached is None:
        cached = doc.__dict__["_own_word_count"] = doc.words_before(own_end(doc))
    return cached


# ---- case-insensitive search, fast ------------------------------------------------------------
# Characters re.IGNORECASE matches to an ASCII letter that ``str.lower`` does not turn into
# that letter (dotless i, long s; the dotted capital I lower-cases to two characters).
_ODD = ("ı", "ſ", "İ")
_TOKEN = lazy_compile(r"[^\W_]+")


class Folding(NamedTuple):
    """One email as a case-insensitive search sees it.

    ``lower`` is the body lower-cased with the same offsets, or None when it cannot stand in
    for the body (an odd character above), in which case the exact pattern searches the body.
    ``vocabulary`` holds the words of subject and body as re.IGNORECASE matches them, and
    ``texts`` the folded subject and body (joined by a line break: one scan per stem), for
    the stem test of a :class:`Gate`.
    """

    lower: str | None
    vocabulary: frozenset[str]
    texts: tuple[str, ...]


class _MemoFolding(Folding):
    """A Folding with a ``__dict__``: what the phrase lists work out for the email once
    (:func:`_phrase_bits`) is kept on it, as long as the Document keeps it."""


def folding(doc: Document) -> Folding:
    """The Document's :class:`Folding`, computed once."""
    cached: Folding | None = doc.__dict__.get("_folding")
    if cached is None:
        cached = doc.__dict__["_folding"] = _MemoFolding(*_folding(doc))
    return cached


def _fold(text: str) -> str:
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


def _folding(doc: Document) -> Folding:
    body, low, subject = doc.body, doc.lower, doc.subject or ""
    plain = body.isascii() and subject.isascii()  # O(1): no odd character then
    if (low is not body or not body) and (
        plain or not any(c in body or c in subject for c in _ODD)
    ):
        return Folding(low, doc.vocabulary, (f"{subject.lower()}\n{low}" if subject else low,))
    text = f"{_fold(body)}\n{_fold(subject)}"
    return Folding(None, frozenset(_TOKEN.findall(text)), (text,))


class Gate(NamedTuple):
    """Words (whole, lower case) and word stems one of which every phrase of a list needs.

    When none occurs in the email the list cannot match and is not searched. Derive them from
    the patterns, one per alternative, and keep them in step: a gate that misses a word hides a
    real hit.
    """

    words: frozenset[str]
    stems: tuple[str, ...] = ()

    def admits(self, fold: Folding) -> bool:
        """Whether a phrase could occur in the email folded as ``fold``."""
        if not self.words.isdisjoint(fold.vocabulary):
            return True
        return any(stem in text for stem in self.stems for text in fold.texts)


def fold_source(pattern: str) -> str:
    """The pattern with its literal letters lower-cased (escapes kept), for lower-cased text.

    Refuses inline flags (``(?-i:…)``): a case-sensitive part cannot be searched in
    lower-cased text.
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "(" and pattern.startswith("(?", i):
            nxt = pattern[i + 2 : i + 3]
            if nxt == "P":
                close = pattern.index(">" if pattern[i + 3] == "<" else ")", i)
                out.append(pattern[i : close + 1])
                i = close + 1
                continue
            if nxt.isalpha() or nxt == "-":
                raise ValueError(f"inline flags cannot be folded: {pattern[i : i + 8]!r}")
        out.append(ch.lower())
        i += 1
    return "".join(out)


class FoldedPattern:
    """A case-insensitive pattern searched as a case-sensitive one over lower-cased text.

    ``re`` skips a literal alternative on its first character only when matching case
    sensitively, so a list of phrases searched this way runs two to three times faster. Both
    forms compile on first use. Offsets are the same; take the matched text from the original.
    """

    def __init__(self, source: str | Callable[[], str], flags: int = 0) -> None:
        self._source = source if isinstance(source, str) else None
        self._make = None if isinstance(source, str) else source
        self.flags = flags

    @property
    def source(self) -> str:
        """The pattern as written (built on first use when given as a function)."""
        if self._source is None:
            assert self._make is not None
            self._source = self._make()
        return self._source

    # Computed on first use, then read from the instance's __dict__ (no call per access).
    @cached_property
    def exact(self) -> re.Pattern[str]:
        """The pattern as written, with re.IGNORECASE (for text that cannot be folded)."""
        return re.compile(self.source, self.flags | re.IGNORECASE)

    @cached_property
    def folded(self) -> re.Pattern[str]:
        """The lower-cased, case-sensitive pattern (for lower-cased text)."""
        return re.compile(fold_source(self.source), self.flags)

    def finditer(
        self, fold: Folding, body: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """Matches in the body of the email folded as ``fold``."""
        if fold.lower is not None:
            return self.folded.finditer(fold.lower, pos, endpos)
        return self.exact.finditer(body, pos, endpos)

    def search(
        self, fold: Folding, body: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """The first match in the body of the email folded as ``fold``."""
        if fold.lower is not None:
            return self.folded.search(fold.lower, pos, endpos)
        return self.exact.search(body, pos, endpos)

    def search_text(self, text: str) -> re.Match[str] | None:
        """The first match in any text (a subject, a quoted message)."""
        low = text.lower()
        if len(low) == len(text) and (text.isascii() or not any(c in text for c in _ODD)):
            return self.folded.search(low)
        return self.exact.search(text)

    def finditer_text(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in any text; the matched text is ``text[m.start():m.end()]``."""
        low = text.lower()
        if len(low) == len(text) and (text.isascii() or not any(c in text for c in _ODD)):
            return self.folded.finditer(low)
        return self.exact.finditer(text)


def phrase_source(patterns: Iterable[str], head: str = "") -> str:
    """One alternation over the fragments at word edges (``kinds.compile_phrases``, unflagged);
    ``head`` (look-behinds) goes between the word-edge test and the alternation."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    if not joined:
        return r"(?!x)x"
    return rf"(?<![\w]){head}{'(?:' + joined + ')'}(?![\w])"


def parse_needs(entry: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """``"grateful thankful appreciat*"`` -> words and stems (a stem ends in ``*``)."""
    parts = entry.lower().split()
    return (
        frozenset(p for p in parts if not p.endswith("*")),
        tuple(p[:-1] for p in parts if p.endswith("*")),
    )


_SUBSETS = 8  # alternations of some of a list's phrases compiled before the whole one


class _Needs(NamedTuple):
    """The needs of every phrase list loaded so far, as bits of one number: phrase ``i`` of a
    list registered at ``offset`` is bit ``offset + i``. One set intersection per email then
    tells every list which of its phrases can occur (:func:`_phrase_bits`)."""

    size: int
    words: dict[str, int]  # word -> bits of the phrases that need it
    vocabulary: frozenset[str]  # the words above
    stems: tuple[tuple[str, int], ...]


_NEEDS = _Needs(0, {}, frozenset(), ())
_NEEDS_LOCK = threading.Lock()


def _register(by_word: dict[str, list[int]], by_stem: dict[str, list[int]], n: int) -> int:
    """Add a list of ``n`` phrases to :data:`_NEEDS`; its offset there."""
    global _NEEDS
    with _NEEDS_LOCK:
        old = _NEEDS
        offset = old.size
        words = dict(old.words)
        for word, ids in by_word.items():
            words[word] = words.get(word, 0) | sum(1 << (offset + i) for i in ids)
        stems = dict(old.stems)
        for stem, ids in by_stem.items():
            stems[stem] = stems.get(stem, 0) | sum(1 << (offset + i) for i in ids)
        _NEEDS = _Needs(offset + n, words, frozenset(words), tuple(stems.items()))
    return offset


def _phrase_bits(fold: Folding) -> int:
    """Bits (see :class:`_Needs`) of every loaded phrase whose needs occur in the email: one
    pass for all the lists, kept on the email's Folding when it has room for it."""
    needs = _NEEDS
    memo: dict[str, tuple[_Needs, int]] | None = getattr(fold, "__dict__", None)
    if memo is not None:
        got = memo.get("_phrase_bits")
        if got is not None and got[0] is needs:
            return got[1]
    words = needs.words
    bits = 0
    for word in needs.vocabulary.intersection(fold.vocabulary):
        bits |= words[word]
    texts = fold.texts
    for stem, stem_bits in needs.stems:
        for text in texts:
            if stem in text:
                bits |= stem_bits
                break
    if memo is not None:
        memo["_phrase_bits"] = (needs, bits)
    return bits


# What a PhraseList searches in one email (see PhraseList._plan).
_Plan = tuple[int, list[re.Pattern[str]]] | None


class PhraseList:
    """Phrases (regular-expression fragments) found at word edges, as one alternation would.

    Given what each phrase needs (``needs``, one entry per phrase: words, and stems ending in
    ``*``, one of which every match of that phrase contains), only the phrases whose needs
    occur in the email are looked for, each alone (``re`` runs fast through a phrase that
    starts with a literal), and the alternation is tried only where one of them starts. The
    matches are those of ``finditer`` over the whole alternation, at a fraction of the cost:
    scanning every position of an email with forty alternatives is most of what a phrase rule
    costs. Without ``needs`` the whole alternation is searched (folded, see FoldedPattern).
    ``head`` (look-behinds for every phrase) belongs to the alternation only: the lone searches
    just find where to try it.
    """

    __slots__ = (
        "_bare",
        "_by_bits",
        "_fragments",
        "_full_ready",
        "_head",
        "_make",
        "_offset",
        "_ones",
        "_stems",
        "_subsets",
        "_words",
        "full",
    )

    def __init__(
        self, make: Callable[[], tuple[list[str], list[str] | None]], head: str = ""
    ) -> None:
        self._make = make
        self._fragments: list[str] | None = None
        self._stems: tuple[str, ...] = ()
        self._words: frozenset[str] | None = None
        self._bare: list[tuple[tuple[re.Pattern[str], str | None], ...] | None] = []
        self._head = head
        self._offset = 0  # where the list's phrases are in _NEEDS
        self._ones = 0  # one bit per phrase
        self._subsets: dict[int, re.Pattern[str]] = {}
        self._by_bits: dict[int, tuple[tuple[re.Pattern[str], str | None], ...]] = {}
        self._full_ready = False
        self.full = FoldedPattern(lambda: phrase_source(self.fragments, head), re.UNICODE)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]], head: str = "") -> PhraseList:
        """From (fragment, needs) pairs given in code."""
        fixed = list(pairs)
        return cls(lambda: ([f for f, _ in fixed], [n for _, n in fixed]), head)

    @property
    def fragments(self) -> list[str]:
        """The phrases, wrap-tolerant (built on first use)."""
        if self._fragments is None:
            fragments, needs = self._make()
            if needs is not None:
                if len(needs) != len(fragments):
                    raise ValueError(f"{len(fragments)} phrases but {len(needs)} needs")
                by_word: dict[str, list[int]] = {}
                by_stem: dict[str, list[int]] = {}
                for index, entry in enumerate(needs):
                    words, stems = parse_needs(entry)
                    if not words and not stems:
                        raise ValueError(f"phrase {index} needs nothing: {fragments[index]!r}")
                    for word in words:
                        by_word.setdefault(word, []).append(index)
                    for stem in stems:
                        by_stem.setdefault(stem, []).append(index)
                self._stems = tuple(by_stem)
                self._words = frozenset(by_word)
                self._ones = (1 << len(fragments)) - 1
                self._offset = _register(by_word, by_stem, len(fragments))
            self._bare = [None] * len(fragments)
            self._fragments = fragments
        return self._fragments

    def gate(self) -> Gate | None:
        """All the needs together (None when not given): no match without one of them."""
        self.fragments  # noqa: B018 - loads the needs
        if self._words is None:
            return None
        return Gate(self._words, self._stems)

    def _alone(self, index: int) -> tuple[tuple[re.Pattern[str], str | None], ...]:
        """The phrase's lone searches (:func:`lone_sources`), each with its :func:`lead_word`."""
        rx = self._bare[index]
        if rx is None:
            source = fold_source(self.fragments[index])
            rx = self._bare[index] = tuple(
                (re.compile(part, re.UNICODE), lead_word(part)) for part in lone_sources(source)
            )
        return rx

    def _verifier(self, bits: int) -> re.Pattern[str]:
        """The alternation of the active phrases (``bits``), in order: in an email where the
        others cannot match, it matches where and as the whole alternation does. Compiling the
        whole one costs milliseconds (a one-email check compiles the few it needs); once a
        batch has asked for a few different sets, the whole alternation serves them all."""
        if self._full_ready or len(self._subsets) >= _SUBSETS:
            self._full_ready = True
            return self.full.folded
        rx = self._subsets.get(bits)
        if rx is None:
            fragments = self.fragments
            active = [fragments[i] for i in range(len(fragments)) if bits >> i & 1]
            source = phrase_source(active, self._head)
            rx = self._subsets[bits] = re.compile(fold_source(source), re.UNICODE)
        return rx

    def _pairs(self, bits: int) -> tuple[tuple[re.Pattern[str], str | None], ...]:
        """The lone searches (:func:`lone_sources`) of the phrases in ``bits``, in order,
        each with its :func:`lead_word` (one tuple per set of phrases, built once)."""
        pairs = self._by_bits.get(bits)
        if pairs is None:
            found: list[tuple[re.Pattern[str], str | None]] = []
            rest = bits
            while rest:
                low = rest & -rest
                rest ^= low
                found.extend(self._alone(low.bit_length() - 1))
            pairs = self._by_bits[bits] = tuple(found)
        return pairs

    def _plan(self, fold: Folding) -> _Plan:
        """What to search in the email folded as ``fold``: None for the whole alternation (no
        needs given), else the bits of the phrases that can occur (their needs are in the
        email) and their lone searches. A lone search whose lead word is not in the email
        cannot start a match (lead_word), so it is left out."""
        if self._words is None:
            self.fragments  # noqa: B018 - loads the needs
            if self._words is None:
                return None
        bits = (_phrase_bits(fold) >> self._offset) & self._ones
        if not bits:
            return 0, []
        vocab = fold.vocabulary
        return bits, [lone for lone, lead in self._pairs(bits) if lead is None or lead in vocab]

    def finditer(
        self, fold: Folding, body: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> list[re.Match[str]]:
        """As ``finditer`` of the whole alternation over the body (folded when it can be)."""
        text = fold.lower
        if text is None:
            return list(self.full.exact.finditer(body, pos, endpos))
        plan = self._plan(fold)
        # A window that ends inside a word needs the whole alternation: that word's start is
        # no word of the vocabulary.
        if plan is None or (0 < endpos < len(text) and text[endpos - 1 : endpos + 1].isalnum()):
            return list(self.full.folded.finditer(text, pos, endpos))
        bits, lones = plan
        if not lones:
            return []
        # Every position where some phrase alone matches (a superset of where the alternation,
        # with its word-edge tests, matches); then the alternation itself, left to right.
        starts: list[int] = []
        for lone in lones:
            search = lone.search
            at = pos
            while (m := search(text, at, endpos)) is not None:
                at = m.start()
                starts.append(at)
                at += 1
        if not starts:
            return []
        if len(lones) > 1:
            starts = sorted(set(starts))
        match = self._verifier(bits).match
        out: list[re.Match[str]] = []
        at = pos
        for start in starts:
            if start < at:
                continue
            m = match(text, start, endpos)
            if m is not None:
                out.append(m)
                at = m.end()
        return out

    def search(
        self, fold: Folding, body: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        """The first match, as ``search`` of the whole alternation over the body.

        The same candidate starts as :meth:`finditer`, tried in the same order, but a phrase's
        next start is searched for only once its earlier ones have failed: when an early
        candidate matches, the later occurrences are never looked for."""
        text = fold.lower
        if text is None:
            return self.full.exact.search(body, pos, endpos)
        plan = self._plan(fold)
        if plan is None or (0 < endpos < len(text) and text[endpos - 1 : endpos + 1].isalnum()):
            return self.full.folded.search(text, pos, endpos)
        bits, lones = plan
        heap: list[tuple[int, int, re.Pattern[str]]] = []
        for k, lone in enumerate(lones):
            m = lone.search(text, pos, endpos)
            if m is not None:
                heap.append((m.start(), k, lone))
        if not heap:
            return None
        heapq.heapify(heap)
        match = self._verifier(bits).match
        tried = -1
        while heap:
            start, k, lone = heap[0]
            if start != tried:
                found = match(text, start, endpos)
                if found is not None:
                    return found
                tried = start
            nxt = lone.search(text, start + 1, endpos)
            if nxt is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (nxt.start(), k, lone))
        return None

    def finditer_text(self, text: str) -> Iterator[re.Match[str]]:
        """Every match in any text (a subject); the matched text is ``text[m.start():m.end()]``."""
        return self.full.finditer_text(text)


class PhraseRule(PatternRule):
    """A PatternRule whose phrases also match across a line break (outreach is hard-wrapped).

    The word list's ``words`` say what each phrase needs (see :class:`PhraseList`): phrases
    whose words are not in the email are not searched at all. Hits are kept per
    document, so a strength that asks "any hype here?" does not search the text a second time.
    """

    @classmethod
    def phrases(cls) -> PhraseList:
        """The class's patterns and its word list's, with their ``words`` (see PhraseList)."""
        cached: PhraseList | None = cls.__dict__.get("_phrases")
        if cached is None:
            cached = PhraseList(cls._load_phrases)
            cls._phrases = cached  # type: ignore[attr-defined]
        return cached

    @classmethod
    def _load_phrases(cls) -> tuple[list[str], list[str] | None]:
        terms = load_terms(cls.terms) if cls.terms else {}
        pats = [*cls.patterns, *terms.get(cls.terms_key, [])]
        needs = terms.get("words") if not cls.patterns else None
        return [wrap_tolerant(p) for p in pats], needs

    @classmethod
    def regex(cls) -> re.Pattern[str]:
        return cls.phrases().full.exact

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        per_doc: dict[type[Rule], list[Hit]] | None = doc.__dict__.get("_phrase_hits")
        if per_doc is None:
            per_doc = doc.__dict__["_phrase_hits"] = {}
        key = type(self)
        hits = per_doc.get(key)
        if hits is None:
            hits = per_doc[key] = self.find(doc, ctx)
        return iter(hits)

    def find(self, doc: Document, ctx: Context) -> list[Hit]:
        """The phrase hits, in order (at most ``max_hits``)."""
        return self._scan(doc, folding(doc))

    def _scan(self, doc: Document, fold: Folding) -> list[Hit]:
        phrases = self.phrases()
        if self.region == "subject":
            subject = doc.subject or ""
            matches: Iterable[re.Match[str]] = itertools.islice(
                phrases.finditer_text(subject), self.max_hits
            )
            return [
                self.hit(
                    m.start(),
                    m.end(),
                    self.message.format(match=subject[m.start() : m.end()]),
                    in_subject=True,
                )
                for m in matches
            ]
        bounds = self.region_span(doc)
        if bounds is None:
            return []
        body = doc.body
        found = phrases.finditer(fold, body, *bounds)
        if not found:
            return []
        return [
            self.hit(a, b, self.message.format(match=body[a:b]))
            for a, b in (m.span() for m in found[: self.max_hits])
        ]
