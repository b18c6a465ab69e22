"""Document: one email's body split once into the parts every rule needs.

Built once per email and shared by all rules: greeting, sign-off and signature, the content in
between, paragraphs, sentences and words, each with character offsets into the body so a
finding can point at exactly what it means.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from operator import itemgetter
from typing import Any, Generic, NamedTuple, TypeVar, overload

from .ascii import WORD_CHARS, ascii_table

_GREETING = re.compile(
    r"""\A[ \t]*(?:
        (?:hi|hey|hello|dear|hiya|greetings|good\s+(?:morning|afternoon|evening)|
           bonjour|salut|hallo|guten\s+tag|hola|buongiorno|ciao|beste|geachte|moin)
        (?:\b[^\n]{0,60}?)?[,!.:;\-–—]*[ \t]*$
      | [A-Z][\w'’.-]{1,30}(?:\s[A-Z][\w'’.-]{1,30})?[ \t]*(?:,|--|–|—|-)[ \t]*$
      | (?:\{\{[^}\n]{1,40}\}\}|\[[^\]\n]{1,40}\]|\{[^}\n]{1,40}\})[ \t]*(?:,|--|–|—|-)?[ \t]*$
    )""",
    re.IGNORECASE | re.VERBOSE | re.MULTILINE,
)

_SIGNOFF_LINE = r"""[ \t]*(?:
        (?:best|kind|warm|warmest|many|all\s+the)?[ \t]*(?:regards|wishes|best|thanks?)[^\n]{0,20}
      | cheers|thanks?(?:\s+(?:so\s+much|again|in\s+advance|for\s+your\s+time))?[^\n]{0,40}|thx|ty
      | sincerely(?:\s+yours)?|yours(?:\s+(?:truly|sincerely))?|respectfully
      | talk\s+soon|speak\s+soon
      | looking\s+forward[^\n]{0,60}|have\s+a\s+(?:great|good|nice)[^\n]{0,30}
      | cordialement|bien\s+à\s+vous|mit\s+freundlichen\s+grüßen|viele\s+grüße|beste\s+grüße
      | saludos|un\s+saludo|atentamente|met\s+vriendelijke\s+groet(?:en)?|groeten|groetjes
      | (?-i:--[ \t]*[A-Z{\[][^\n]{0,40}|—[ \t]*[A-Z{\[][^\n]{0,40})
      | (?-i:-[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)|--[ \t]*$
    )[ \t]*[,.!]?[ \t]*$"""
_SIGNOFF_FLAGS = re.IGNORECASE | re.VERBOSE | re.MULTILINE
_SIGNOFF = re.compile("^" + _SIGNOFF_LINE, _SIGNOFF_FLAGS)
# The same after a line break: a literal first lets ``re`` jump from line to line.
_SIGNOFF_AFTER_BREAK = re.compile(r"\n" + _SIGNOFF_LINE, _SIGNOFF_FLAGS)

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+")


# For ASCII text, where ``[^\W_]`` is just a letter or a digit, vocabulary tokens are the
# runs between other characters (``WORD_CHARS`` turns those into spaces, then a split).
# _WORD's tokens there, without a match object each: every character that is no part of a
# word becomes a space, then every apostrophe, dot or hyphen that is not between two letters
# or digits (a sentence's full stop, a dash), then the text is split. One pattern per joiner,
# each opening with its literal (``re`` jumps to it; a set of three is tried at every
# character): whether a joiner is loose depends only on whether its neighbours are letters or
# digits, which turning other joiners into spaces does not change, so the order is free.
_WORD_BYTES = ascii_table("'.-")
_LOOSE_JOINERS = tuple(
    re.compile(rf"{re.escape(j)}(?:(?<![a-z0-9]{re.escape(j)})|(?![a-z0-9]))") for j in ".'-"
)
_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")
# A sentence ends after terminal punctuation (and any closing quote or bracket) followed by
# spaces and a capital or digit, or by a line break. Written to start with the punctuation,
# not a lookbehind, so ``re`` scans for those few characters instead of trying every position.
_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*(?:[ \t]+(?=[\"'“‘(\[]?[A-Z0-9¿¡])|[ \t]*\n)")
# A bullet line, found from its newline (a literal ``re`` can scan for); the content's first
# line needs no cut of its own, it starts a paragraph.
_BULLET = re.compile(r"\n[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+")


_START = itemgetter(0)
T = TypeVar("T")


class cached_property(Generic[T]):
    """``functools.cached_property`` without its per-instance lock (Python 3.11 takes an RLock
    on every first access; a Document has a dozen parts and is built per email, by one thread).
    """

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> cached_property[T]: ...
    @overload
    def __get__(self, obj: object, owner: type | None = None) -> T: ...
    def __get__(self, obj: object | None, owner: type | None = None) -> T | cached_property[T]:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.func(obj)
        return value


class Segment(NamedTuple):
    """A stretch of the body: [start, end) and its text (a tuple: cheap to build by the
    thousand, since every word of every email is one)."""

    start: int
    end: int
    text: str


class Document:
    """An email body (and optional subject) with its structure computed once, lazily."""

    def __init__(self, body: str, subject: str | None = None) -> None:
        self.body = body.replace("\r\n", "\n").replace("\r", "\n")
        self.subject = subject.strip() if subject else None

    # ---- positions -------------------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        return line_col(self.body, offset)

    # ---- structure ---------------------------------------------------------------------------
    @cached_property
    def greeting(self) -> Segment | None:
        """The salutation line ("Hi Sarah,", "{{First_Name}} --"), if the email opens with one."""
        start = len(self.body) - len(self.body.lstrip())
        end = self.body.find("\n", start)
        end = len(self.body) if end == -1 else end
        first = self.body[start:end]
        if not first.strip() or len(first) > 80:
            return None
        if _GREETING.match(first):
            return Segment(start, end, first)
        return None

    @cached_property
    def signoff(self) -> Segment | None:
        """The closing ("Best,", "Thanks,", "-- Jake") that starts the signature block."""
        body = self.body
        lower_bound = self.greeting.end if self.greeting else 0
        # Only look in the last lines: a sign-off is near the end.
        tail_start = max(lower_bound, _nth_line_from_end(body, 8))
        for start, end in _signoff_lines(body, tail_start):
            line = body[start:end]
            if start < lower_bound or len(line.strip()) > 60:
                continue
            rest = body[end:].strip()
            if len(rest) <= 200 and rest.count("\n") <= 6:
                return Segment(start, end, line)
        return None

    @cached_property
    def content(self) -> Segment:
        """The message between greeting and sign-off: what the reader actually reads."""
        start = self.greeting.end if self.greeting else 0
        end = self.signoff.start if self.signoff else len(self.body)
        while start < end and self.body[start].isspace():
            start += 1
        while end > start and self.body[end - 1].isspace():
            end -= 1
        return Segment(start, end, self.body[start:end])

    @cached_property
    def signature(self) -> Segment | None:
        """Sign-off onwards (name, title, phone)."""
        if self.signoff is None:
            return None
        end = len(self.body.rstrip())
        return Segment(self.signoff.start, end, self.body[self.signoff.start : end])

    @cached_property
    def paragraphs(self) -> list[Segment]:
        """Blank-line separated blocks of the content."""
        content = self.content
        out: list[Segment] = []
        pos = content.start
        for brk in _PARA_BREAK.finditer(self.body, content.start, content.end):
            if brk.start() > pos:
                out.append(Segment(pos, brk.start(), self.body[pos : brk.start()]))
            pos = brk.end()
        if pos < content.end:
            out.append(Segment(pos, content.end, self.body[pos : content.end]))
        return out

    @cached_property
    def sentences(self) -> list[Segment]:
        """Sentences of the content; bullets and paragraph ends also end a sentence.

        Hard-wrapped lines inside a paragraph do not end a sentence (outreach is often wrapped
        at 60-70 characters), unless the line is a bullet or ends with terminal punctuation.
        """
        body = self.body
        c = self.content
        # One pass over the whole content; a cut that falls in the blank lines between two
        # paragraphs only delimits whitespace, which is dropped below (as are repeated cuts).
        cuts = [m.end() for m in _SENT_END.finditer(body, c.start, c.end)]
        cuts += [m.start() + 1 for m in _BULLET.finditer(body, c.start, c.end)]
        for para in self.paragraphs:
            cuts.append(para.start)
            cuts.append(para.end)
        cuts.sort()
        out: list[Segment] = []
        a = c.start
        for b in cuts:
            if b == a:
                continue
            seg = body[a:b]
            stripped = seg.strip()
            if stripped:
                lead = a + seg.index(stripped[0]) if seg[0].isspace() else a
                out.append(Segment(lead, lead + len(stripped), stripped))
            a = b
        return out

    @cached_property
    def words(self) -> list[Segment]:
        """Word tokens of the content (letters and digits, inner apostrophes/hyphens kept),
        with offsets. Rules that need only the words read :attr:`lower_words` (no offsets,
        several times cheaper to build)."""
        c = self.content
        return [
            Segment(m.start(), m.end(), m.group(0))
            for m in _WORD.finditer(self.body, c.start, c.end)
        ]

    @cached_property
    def lower_words(self) -> list[str]:
        """The content's words lower-cased, curly apostrophes straightened: the same tokens
        as :attr:`words`, found in one pass over the lower-cased content."""
        c = self.content
        # Word by word where lower-casing the whole text differs from lower-casing each word:
        # "İ" lengthens (``lower`` is then the body itself) and a capital sigma lower-cases by
        # what follows it (final "ς" or "σ").
        if (self.lower is self.body and self.body.lower() != self.body) or "Σ" in c.text:
            return [w.text.lower().replace("’", "'") for w in self.words]
        text = self.lower[c.start : c.end]
        if text.isascii():
            spaced = text.encode().translate(_WORD_BYTES).decode()
            for loose in _LOOSE_JOINERS:
                spaced = loose.sub(" ", spaced)
            return spaced.split()
        return _WORD.findall(text.replace("’", "'"))

    def words_before(self, offset: int) -> int:
        """How many words of the content start before ``offset``."""
        c = self.content
        if offset <= c.start:
            return 0
        if offset >= c.end:
            return self.word_count
        if "words" in self.__dict__:
            return bisect.bisect_left(self.words, offset, key=_START)
        return len(_WORD.findall(self.body, c.start, min(offset, c.end)))

    @cached_property
    def lower(self) -> str:
        """The body lower-cased (same offsets), for case-insensitive searches."""
        low = self.body.lower()
        return low if len(low) == len(self.body) else self.body

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every lower-case word of the subject and body (apostrophes split words), for the
        rules' trigger test."""
        text = f"{self.subject}\n{self.body}" if self.subject else self.body
        # Fold what a case-insensitive regex treats as i/s too, so a trigger never hides a hit.
        if text.isascii():  # lower-cased, every other character a space, split: no regex
            return frozenset(text.encode().translate(WORD_CHARS).decode().split())
        folded = text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")
        return frozenset(_TOKEN.findall(folded))

    @cached_property
    def language(self) -> str | None:
        """ISO 639-1 code of the content's language, or None when too short or unsure."""
        from .language import detect

        code, _confidence = detect(self.content.text)
        return code

    @property
    def char_count(self) -> int:
        """Characters of the content, the number the ≈400-character bar is about."""
        return len(self.content.text)

    @property
    def word_count(self) -> int:
        """Words of the content (the lower-cased list: the cheapest to build)."""
        if "words" in self.__dict__:
            return len(self.words)
        return len(self.lower_words)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``: counted for the few findings of an
    email, not a table of every line start built for each."""
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _signoff_lines(body: str, pos: int) -> Iterator[tuple[int, int]]:
    """Where ``_SIGNOFF.finditer(body, pos)`` matches: at ``pos`` if a line starts there, then
    after each line break (``^`` matches nowhere else), found by jumping to the breaks."""
    m = _SIGNOFF.match(body, pos)
    if m is not None:
        yield m.start(), m.end()
        pos = m.end()
    while (m := _SIGNOFF_AFTER_BREAK.search(body, pos)) is not None:
        yield m.start() + 1, m.end()
        pos = m.end()


def _nth_line_from_end(text: str, n: int) -> int:
    pos = len(text)
    for _ in range(n):
        pos = text.rfind("\n", 0, pos)
        if pos <= 0:
            return 0
    return pos + 1
