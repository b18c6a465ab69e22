"""Reading asks: which sentences ask for something, and for what; whether an email is a
follow-up; the content lower-cased and flattened for the phrase patterns.

Shared by the ask rules (:mod:`.ask`), the value rules (is there an ask to give a reason for?)
and the homework rules.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..text.patterns import LazyPattern, lazy_compile
from .gate import WordGate

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document, Segment

_QUESTION = lazy_compile(r"\?[\s\"'”’)\]:;\-–—]*(?:[^\w\s]{0,4})\s*$")
ASK_CUE = lazy_compile(
    r"\b(?:let me know|please (?:let|reply|send|call|email|e-mail|contact|get in touch|reach out"
    r"|find|see|click|visit|share|forward|confirm|review|consider|issue|do|post|add|link|write)"
    r"|feel free to|reply (?:with|to|here)|hit reply|just reply|send me|email me|call me|drop me"
    r"|ping me|let[’']s|(?:would|[’']d) appreciate|if you could|few minutes of your time"
    r"|(?:i|we) would (?:love|like|welcome) (?:to|the|an?)|would love to (?:have|hear|get|see)"
    r"|happy to (?:share|send|walk|show|chat|talk|set up|jump|hop|pick|give"
    r"|introduce|help)|(?:i|we)[’']?d (?:really |truly |so )?(?:love|like|welcome) (?:to|the|an?)"
    r"|(?:i|we) (?:want|would like|wanted|need) to (?:schedule|set up|invite|meet|ask|request"
    r"|talk|speak|discuss|send)|book (?:a|some) time|grab (?:a|some) time|my calendar|calendly"
    r"|if (?:you[’']re|you are) interested|if (?:that|this|it) (?:would be|sounds|is|seems)"
    r" (?:useful|helpful|interesting|of interest)|interested\?|mind if|would you|could you"
    r"|can you|are you (?:free|open|available|up for)|do you have (?:time|\d+|a few|some)"
    r"|can (?:i|we) (?:send|show|share|set up|schedule|book|grab|get)|worth (?:a|it|\d+)"
    r"|open to)\b"
)
_FOLLOWUP = lazy_compile(
    r"\b(?:following up|follow(?:ing)?[ -]up on|circl(?:e|ing) back|checking in|bump(?:ing)?"
    r"|(?:i[’']ve|i have|we[’']ve|we have) (?:reached out|sent|emailed|written|tried)"
    r"|sent (?:you )?a (?:note|message|email)|my (?:previous|last|earlier) (?:email|note|message)"
    r"|closing (?:the loop|this out|the file)|close this out|haven[’']t heard back"
    r"|as (?:i|we) mentioned|any thoughts on (?:this|the below)|on the below"
    r"|(?:my|the) (?:note|email|message)s? below|one more (?:thing|note)|still stands"
    r"|(?:i[’']ll|i will) (?:stop|leave it) here|last (?:note|email|message) from me)\b"
)
# Words each alternative of _FOLLOWUP cannot match without (see gate.py), in its order.
_FOLLOWUP_GATE = WordGate(
    "following & up",
    "follow following & up & on",
    "back & circle circling",
    "checking & in",
    "bump bumping",
    "reached sent emailed written tried & i we & ve have",
    "sent & note message email & a",
    "previous last earlier & email note message & my",
    "closing & loop out file",
    "close & this & out",
    "heard & back & haven",
    "mentioned & as & i we",
    "thoughts & any & on",
    "below & on & the",
    "below & note notes email emails message messages & my the",
    "more & one & thing note",
    "stands & still",
    "here & stop leave & i",
    "last & from & me & note email message",
)
_KINDS: tuple[tuple[str, LazyPattern], ...] = (
    (
        "an introduction",
        lazy_compile(
            r"\b(?:introduc\w*|intro|point me|right person|refer me|put me in touch"
            r"|who (?:handles|owns|is responsible|should i)|connect me with)\b",
        ),
    ),
    (
        "information",
        lazy_compile(
            r"\b(?:send (?:me|us|over)|forward (?:me|us)|resume|cv|fill (?:out|in)|reply with"
            r"|provide|shipping address|phone number|your (?:details|information|address))\b",
        ),
    ),
    (
        "an action",
        lazy_compile(
            r"\b(?:sign up|register|join|click|download|try (?:it|our|the)|buy|order|publish"
            r"|post (?:a|an|it|something|my|about)|link (?:to|back)|write (?:a|an|about|up)|host"
            r"|share (?:this|it|our)|mention|subscribe|install|add (?:a|our|my))\b",
        ),
    ),
    (
        "a meeting",
        lazy_compile(
            r"\b(?:call|chat|meet\w*|demo|coffee|lunch|\d+[ -]?min\w*|calendar|schedule|available"
            r"|free (?:on|for|this|next)|talk|speak|zoom|a good time|catch up)\b",
        ),
    ),
)


def low(doc: Document, seg: Segment, *, flat: bool = True) -> str:
    """A part of the body lower-cased (same offsets): patterns here are lower-case and run
    without IGNORECASE, which is several times faster in ``re``. ``flat`` turns hard line
    wraps into spaces (same length), so a phrase wrapped at 60 columns still matches."""
    if not flat:
        return doc.lower[seg.start : seg.end]
    flattened: str | None = doc.__dict__.get("_low_flat")
    if flattened is None:  # once per email: a slice per sentence, not a slice and a replace
        flattened = doc.__dict__["_low_flat"] = doc.lower.replace("\n", " ")
    return flattened[seg.start : seg.end]


def is_english(doc: Document) -> bool:
    """The phrase rules read English: an email detected as another language is left alone
    rather than judged by words it does not use (short texts detect as None: checked)."""
    return doc.language in (None, "en")


def quote(text: str) -> str:
    """A matched phrase as the writer wrote it, on one line, for a message."""
    return repr(" ".join(text.split()))


def words_lower(doc: Document) -> list[str]:
    """The content's words, lower-cased, curly apostrophes straightened (once per email)."""
    return doc.lower_words


def wordset(doc: Document) -> frozenset[str]:
    """The content's words as a set (once per email): a cheap gate before regexes."""
    memo: frozenset[str] | None = doc.__dict__.get("_wordset")
    if memo is None:
        memo = frozenset(words_lower(doc))
        doc.__dict__["_wordset"] = memo
    return memo


@lru_cache(maxsize=8192)
def is_ask(sentence: str) -> bool:
    """Whether a (lower-cased) sentence asks for something: a question or a request."""
    return bool(_QUESTION.search(sentence)) or bool(ASK_CUE.search(sentence))


def ask_sentences(doc: Document) -> list[Segment]:
    """The sentences of the content that ask for something (computed once per email)."""
    memo: list[Segment] | None = doc.__dict__.get("_ask_sentences")
    if memo is None:
        low(doc, doc.content)  # builds the flattened body once
        flattened: str = doc.__dict__["_low_flat"]
        memo = [s for s in doc.sentences if is_ask(flattened[s.start : s.end])]
        doc.__dict__["_ask_sentences"] = memo
    return memo


def looks_like_followup(doc: Document, ctx: Context) -> bool:
    """A follow-up by the history, or (no history given) by its own words or a Re: subject."""
    memo: tuple[int, bool] | None = doc.__dict__.get("_followup")
    if memo is not None and memo[0] == id(ctx):
        return memo[1]
    answer = _followup(doc, ctx)
    doc.__dict__["_followup"] = (id(ctx), answer)
    return answer


def _followup(doc: Document, ctx: Context) -> bool:
    if ctx.is_followup:
        return True
    if ctx.history is not None:
        return False
    if not _FOLLOWUP_GATE.could_match(doc.vocabulary):  # none of its words: only Re:/Fwd:
        return bool(doc.subject and re.match(r"\s*(?:re|fwd?|aw)\s*:", doc.subject, re.I))
    if doc.subject and (
        re.match(r"\s*(?:re|fwd?|aw)\s*:", doc.subject, re.IGNORECASE)
        or _FOLLOWUP.search(doc.subject.lower())
    ):
        return True
    return bool(_FOLLOWUP.search(low(doc, doc.content)))


_OFFER = lazy_compile(
    r"(?:happy|glad|more than happy|i[’']d be happy|i[’']m happy|i can|i could|we can|we could"
    r"|i[’']ll|we[’']ll|i will|we will)\b"
)


@lru_cache(maxsize=8192)
def ask_kind(sentence: str) -> str | None:
    """What an ask sentence asks for: a meeting, information, an action, an introduction.

    An offer ("happy to share the data", "I can send it first") asks nothing of the reader.
    """
    if _OFFER.match(sentence):
        return None
    best: tuple[int, str] | None = None
    for kind, pattern in _KINDS:
        m = pattern.search(sentence)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else None
