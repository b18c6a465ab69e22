"""Value rules: say why *this* prospect needs it, in their terms, with proof.

Feature lists, asks with no reason, famous logos instead of relevance, claims nobody can
check, and emails about the sender rather than the reader. All lexical and cheap; the offer's
``proof`` points, when given, vouch for a claim. V104 unproven-claim lives in
:mod:`.value_claims` and the helpers the two share in :mod:`.value_shared`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from operator import itemgetter
from typing import TYPE_CHECKING, Any, ClassVar

from ..text.document import Segment
from ..text.patterns import lazy_compile
from .ask_text import (
    ask_sentences,
    is_english,
    looks_like_followup,
    low,
    words_lower,
)
from .base import Example, Hit, Rule, Severity
from .gate import WordGate
from .value_claims import (  # noqa: F401 - V104 lives there; re-exported for the registry and tests
    _DIGIT_TIMES,
    _MULTIPLIER,
    _MULTIPLIER_GATE,
    _SCALE,
    _SCALE_GATE,
    _SUPERLATIVE,
    _SUPERLATIVE_GATE,
    UnprovenClaim,
)
from .value_shared import _PRODUCT, _PRODUCT_WORDS, _led, _result, _word_first

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document

# ---- V101 features-not-benefits ------------------------------------------------------------

_FEATURE_INTRO = lazy_compile(
    rf"\b(?:our|the|this)\s+(?:[\w-]+\s+){{0,3}}?{_PRODUCT}s?\b[^.?!\n]{{0,40}}?"
    r"\b(?:includes|offers|features|provides|comes with|supports|boasts|has)\b"
)
_STACK_BY = "uses|leverages|powered by|built on|combines|harnesses"
_STACK_LIST = r"\s+(?:[\w-]+\s+){0,3}[\w-]+,\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s+and\s+"
_TECH_STACK = lazy_compile(rf"\b(?:{_STACK_BY}){_STACK_LIST}")
# Its fast-starting form (see value_shared._led), searched once over the flattened content: a
# match in a sentence is one there too (the char before a sentence is a space), so no match
# there, no sentence to search.
_TECH_STACK_LED = lazy_compile(_led(*_STACK_BY.split("|")) + _STACK_LIST)
# And that by the word it opens with, each with a literal start (see value_shared._word_first),
# looked for only when the email holds the word: (pattern, word).
_TECH_STACK_PARTS = tuple(
    (lazy_compile(_word_first(by) + _STACK_LIST), by.split()[0]) for by in _STACK_BY.split("|")
)
_BULLET = lazy_compile(r"^[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)
_WILL = r"(?:[’']ll| will| can| could) (?:save|cut|get|close|book|see|stop|spend|hit|grow|win)"
# \b(?:so (?:that )?(?:you|your)|which means …|(?:you|your team){_WILL}|sav(?:e|es|ed|ing) …)\b,
# only ever asked whether it matches: in its fast-starting form (see value_shared._led).
_BENEFIT = lazy_compile(
    _led(
        "so (?:that )?(?:you|your)",
        "which means (?:you|your)",
        f"you{_WILL}",
        f"your team{_WILL}",
        "sav(?:e|es|ed|ing) (?:you|your)",
    )
    + r"\b"
)
# _BENEFIT by the word each alternative opens with, as _TECH_STACK_PARTS: (pattern, word).
_BENEFIT_PARTS = (
    (lazy_compile(_word_first("so") + r" (?:that )?(?:you|your)\b"), frozenset({"so"})),
    (lazy_compile(_word_first("which means") + r" (?:you|your)\b"), frozenset({"which"})),
    (lazy_compile(_word_first("you") + _WILL + r"\b"), frozenset({"you"})),
    (lazy_compile(_word_first("your team") + _WILL + r"\b"), frozenset({"team"})),
    (
        lazy_compile(_word_first("sav") + r"(?:e|es|ed|ing) (?:you|your)\b"),
        frozenset({"save", "saves", "saved", "saving"}),
    ),
)


def _benefit(doc: Document, content: str) -> bool:
    """Whether _BENEFIT matches in ``content`` (a part of the body): whether a part of it
    does whose words the email holds."""
    vocab = doc.vocabulary
    return any(
        rx.search(content) is not None for rx, w in _BENEFIT_PARTS if not w.isdisjoint(vocab)
    )


_PRODUCT_RE = lazy_compile(_PRODUCT)
# _BULLET's lines in one search for a literal newline (one put first stands for ``^``).
_BULLET_LINE = lazy_compile(r"\n[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t]+\S")


def _bullets(doc: Document) -> int:
    """How many matches _BULLET finds in the (lower-case) content."""
    return len(_BULLET_LINE.findall("\n" + low(doc, doc.content, flat=False)))


_FEATURE_WORDS = frozenset(
    {"includes", "offers", "features", "provides", "comes", "supports", "boasts", "has",
     "uses", "leverages", "powered", "built", "combines", "harnesses"}
)  # fmt: skip
# Words _FEATURE_INTRO and _TECH_STACK cannot match without (see gate.py).
_FEATURE_INTRO_GATE = WordGate(
    f"includes offers features provides comes supports boasts has & {_PRODUCT_WORDS} & our the this"
)
_TECH_STACK_GATE = WordGate("uses leverages powered built combines harnesses & and")
_SECOND = lazy_compile(r"\b(?:you|your|you[’']re|you[’']ve)\b")


_WE = lazy_compile(r"\b(?:we|our|us)\b")


def _line_before(doc: Document, pos: int) -> Segment:
    """The line above ``pos`` inside the content (empty when there is none)."""
    end = max(doc.body.rfind("\n", doc.content.start, pos), doc.content.start)
    start = max(doc.body.rfind("\n", doc.content.start, end) + 1, doc.content.start)
    return Segment(start, end, doc.body[start:end])


class FeaturesNotBenefits(Rule):
    """A list of what the product does, with nothing on what it does for this prospect.

    What it does
        Flags feature lists ("Our platform includes: …", a bullet list of capabilities, a
        sentence that strings four features together, "uses machine learning, NLP and
        predictive analytics") when the email never turns them into a result for the reader
        (a number, "so your team can…").

    Why it matters
        Features make the buyer do the work of figuring out why they would care; most will
        not. One outcome in their terms beats ten capabilities.

    Principle
        004_adf2a3e1e6fa8705: asked why the company needs it, sellers reply with "more
        features and functions"; 002_a3c7499a1667f438: fail to address the business benefit
        and "forget about it".
    """

    code = "V101"
    name = "features-not-benefits"
    severity = Severity.WARNING
    fix_title = "Replace the feature list with one result it would get this prospect"
    bad = (
        Example(
            "Hi Dana,\n\nOur platform includes:\n- lead scoring\n- email sequences\n"
            "- CRM sync\n- dashboards\n\nFree for a demo on Tuesday?",
            span="Our platform includes",
        ),
        Example(
            "Hi Dana,\n\nWe are an AI platform that uses machine learning, language models, "
            "and predictive analytics to streamline workflows. Open to a demo?",
            span="uses machine learning",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nOur platform includes a lane benchmark, so your team can see which "
            "six lanes cost 11% above market. Worth a look before the Q3 bids?"
        ),
        Example(
            "Hi Dana,\n\nYour store managers drive to the bank every day. Our safe ends the "
            "bank run; Contoso got back 11 hours per store per week. Worth a call?"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        has_intro = _FEATURE_INTRO_GATE.could_match(doc.vocabulary)
        content = low(doc, doc.content)
        has_stack = _TECH_STACK_GATE.could_match(doc.vocabulary) and any(
            rx.search(content) is not None for rx, w in _TECH_STACK_PARTS if w in doc.vocabulary
        )
        commas = content.count(",") >= 4  # else no sentence has four
        bullets = -1
        if not (has_intro or has_stack) and not (
            commas
            and any(  # the loop's third test: a sentence listing four things of a product
                sent.text.count(",") >= 4 and _PRODUCT_RE.search(low(doc, sent))
                for sent in doc.sentences
            )
        ):
            bullets = _bullets(doc)
            if bullets < 3:
                return  # no feature phrase, no list of four, no bullet list: nothing to flag
        if not is_english(doc):
            return
        if (
            not commas
            and (bullets if bullets >= 0 else _bullets(doc)) < 3
            and (
                _FEATURE_WORDS.isdisjoint(doc.vocabulary)  # (a set test first)
                or _FEATURE_WORDS.isdisjoint(words_lower(doc))
            )
        ):
            return  # nothing that could be a feature list: skip the regexes
        if _benefit(doc, content) or _result(doc, content):
            return
        for sent in doc.sentences:
            text = low(doc, sent)
            m = _FEATURE_INTRO.search(text) if has_intro else None
            if m and (text.rstrip().endswith(":") or text.count(",") >= 2):
                yield self._hit(sent, m.start(), m.end())
                return
            m = _TECH_STACK.search(text) if has_stack else None
            if m:
                yield self._hit(sent, m.start(), m.end())
                return
            if text.count(",") >= 4 and _PRODUCT_RE.search(text) and not _SECOND.search(text):
                yield self._hit(sent, 0, len(text))
                return
        if bullets < 0:
            bullets = _bullets(doc)
        if bullets < 3:
            return  # _bullets counts each line _BULLET finds (and the content's first line)
        found = list(_BULLET.finditer(doc.body, doc.content.start, doc.content.end))
        if len(found) >= 3:
            intro = _line_before(doc, found[0].start())
            text = low(doc, intro)
            if text.rstrip().endswith(":") and _WE.search(text):
                yield self._hit(intro, 0, len(text.rstrip()))

    def _hit(self, sent: Segment, a: int, b: int) -> Hit:
        return self.hit(
            sent.start + a,
            sent.start + b,
            "Feature list with no benefit for this prospect",
            fix=self.advice(self.fix_title or ""),
        )


# ---- V102 no-reason ------------------------------------------------------------------------

_REASON = lazy_compile(
    r"\b(?:because|since|given|so (?:that|you|your|we can)|which means|that means|that[’']s why"
    r"|usually means|the reason|as you|now that|after|noticed|saw|seen|read|heard|congrat\w*"
    r"|(?:need|have|got) to (?!meet|talk|speak|chat|connect|see you)|coming up|ahead of|deadline"
    r"|in time for|before (?:the|our|your|we|you)"
    r"|when (?:teams|you|companies|your)|if you|typically|most (?:teams|companies|[\w-]+ (?:leaders"
    r"|teams))|helped|cut|saved|reduced|increased|grew|built)\b"
)
_ABOUT_THEM = lazy_compile(
    r"\b(?:your|you(?:[’']re|[’']ve| are| have| had| were| recently| just| manage| run| lead"
    r"| own| use| sell| cover| wrote| posted| said| mentioned| might| may))\b"
    r"|\b(?:it|this|that) (?:helps|would help|saves|means)\b|\bthat way\b|\bwrong person\b"
    r"|\b(?:might|may|could) be (?:useful|helpful|relevant|of interest)"
)

# _REASON and _ABOUT_THEM by the word each alternative opens with, each with a literal start
# (see value_shared._word_first), looked for only when the email holds the word: the check
# only asks whether either matches in the content, and it does where one of these does. A
# match's word is a token of the vocabulary: its ends are \b, and lower-casing keeps a
# character a word character or not (the content is lower-cased in place or not at all).
# (word, pattern), the words the corpus' reasons most often hold first.
_REASON_PARTS = tuple(
    (w.split()[0], lazy_compile(_word_first(w) + rest))
    for w, rest in (
        ("your", r"\b"),
        (
            "you",
            r"(?:[’']re|[’']ve| are| have| had| were| recently| just| manage| run| lead"
            r"| own| use| sell| cover| wrote| posted| said| mentioned| might| may)\b",
        ),
        ("because", r"\b"),
        ("since", r"\b"),
        ("given", r"\b"),
        ("so", r" (?:that|you|your|we can)\b"),
        ("which means", r"\b"),
        ("that", r"(?: means|[’']s why| (?:helps|would help|saves|means)| way)\b"),
        ("usually means", r"\b"),
        ("the reason", r"\b"),
        ("as you", r"\b"),
        ("now that", r"\b"),
        ("after", r"\b"),
        ("noticed", r"\b"),
        ("saw", r"\b"),
        ("seen", r"\b"),
        ("read", r"\b"),
        ("heard", r"\b"),
        ("need", r" to (?!meet|talk|speak|chat|connect|see you)\b"),
        ("have", r" to (?!meet|talk|speak|chat|connect|see you)\b"),
        ("got", r" to (?!meet|talk|speak|chat|connect|see you)\b"),
        ("coming up", r"\b"),
        ("ahead of", r"\b"),
        ("deadline", r"\b"),
        ("in time for", r"\b"),
        ("before", r" (?:the|our|your|we|you)\b"),
        ("when", r" (?:teams|you|companies|your)\b"),
        ("if you", r"\b"),
        ("typically", r"\b"),
        ("most", r" (?:teams|companies|[\w-]+ (?:leaders|teams))\b"),
        ("helped", r"\b"),
        ("cut", r"\b"),
        ("saved", r"\b"),
        ("reduced", r"\b"),
        ("increased", r"\b"),
        ("grew", r"\b"),
        ("built", r"\b"),
        ("it", r" (?:helps|would help|saves|means)\b"),
        ("this", r" (?:helps|would help|saves|means)\b"),
        ("wrong person", r"\b"),
        ("might", r" be (?:useful|helpful|relevant|of interest)"),
        ("may", r" be (?:useful|helpful|relevant|of interest)"),
        ("could", r" be (?:useful|helpful|relevant|of interest)"),
    )
)
# "congrat\w*" opens with a part of a word: asked when the content holds the letters.
_CONGRAT = lazy_compile(_word_first("congrat") + r"\w*\b")


def _reason_or_about_them(doc: Document, text: str) -> bool:
    """Whether _REASON or _ABOUT_THEM matches in ``text`` (the lower-cased content): whether
    one of their parts whose word the email holds does."""
    vocab = doc.vocabulary
    for word, rx in _REASON_PARTS:
        if word in vocab and rx.search(text) is not None:
            return True
    return "congrat" in text and _CONGRAT.search(text) is not None


class NoReason(Rule):
    """Asks without a "because": no reason the prospect should care or say yes.

    What it does
        Flags an email that asks for something but never gives a reason: no "because",
        "since", "given", no observation about the prospect, no result or problem that would
        explain why this is worth their reply. Follow-ups that point back to an earlier email
        are left alone.

    Why it matters
        People say yes far more often to a request that comes with a reason, even a thin one.
        An ask with no why reads as "do this for me" and gets no answer.

    Principle
        003_56500c1ee79e2572 (the photocopier effect): adding "because…" to a request moved
        compliance from 60% to 94%, and even an obvious reason worked.
    """

    code = "V102"
    name = "no-reason"
    severity = Severity.SUGGESTION
    fix_title = 'Add the reason: why them, why now ("because…")'
    bad = (
        Example("Hi Dana,\n\nLet's talk.", span="Let's talk."),
        Example(
            "Hi Dana,\n\nI need to meet you regarding a brand promotion. I'm based in "
            "Leeds, so any place works for me. Free on Tuesday?",
            span="Free on Tuesday?",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nCan we talk on Tuesday? Because your Q3 bids go out on the 14th, "
            "and our benchmark is ready now."
        ),
        Example(
            "Hi Dana,\n\nSaw the 12 SDR openings on your careers page. Worth 15 minutes "
            "on how to ramp them?"
        ),
        Example(
            "Hi Dana,\n\nFollowing up on the below. Free on Tuesday?",
            note="a follow-up leans on the first email's reason",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        asks = ask_sentences(doc)  # shared with the ask rules, usually known already
        if not asks:
            return
        text = low(doc, doc.content)
        if _reason_or_about_them(doc, text) or _result(doc, text):
            return  # (the dearest last)
        if looks_like_followup(doc, ctx):
            return
        subject = (doc.subject or "").lower()
        if _REASON.search(subject) or _ABOUT_THEM.search(subject):
            return
        last = asks[-1]
        yield self.hit(
            last.start,
            last.end,
            "No reason given: nothing says why this matters to them",
            fix=self.advice(self.fix_title or ""),
        )


# ---- V103 logo-dropping --------------------------------------------------------------------

_LOGO = r"(?:[A-Z][\w&.'’-]*(?:\s(?:[A-Z][\w&.'’-]*|&))?)"
_LOGOS = (
    rf"(?:{_LOGO}(?:,\s*{_LOGO})*,?\s+(?:and|&)\s+{_LOGO}|{_LOGO}(?:,\s*{_LOGO})+"
    r"|(?i:fortune)\s+\d+)"
)
_LOGO_WORDS = frozenset(
    {"use", "uses", "trust", "trusted", "rely", "love", "loved", "chose", "chosen", "used",
     "work", "worked", "partner", "partnered", "include", "includes", "backed", "relied",
     "fortune", "serve", "serving"}
)  # fmt: skip
_LOGO_ANCHOR = lazy_compile(
    r"\b(?:(?:we|i) (?:work|partner|have worked|worked|have partnered) with|include"
    r"|(?:trusted|used|loved|chosen|relied on|backed) by|fortune \d"
    r"|(?:use|trust|rely on|love|chose|work with|are (?:our )?(?:customers|clients)) (?:us|our|it)"
    r")\b"
)
# Words _LOGO_ANCHOR cannot match without; ``a_b*``: side by side in the flattened content.
_LOGO_ANCHOR_GATE = WordGate(
    "work partner worked partnered & work_with* partner_with* worked_with* partnered_with*",
    "include",
    "trusted used loved chosen relied backed"
    " & trusted_by* used_by* loved_by* chosen_by* on_by* backed_by*",
    "fortune",
    "use trust rely love chose work customers clients & "
    + " ".join(
        f"{verb}_{obj}*"
        for verb in ("use", "trust", "on", "love", "chose", "with", "customers", "clients")
        for obj in ("us", "our", "it")
    ),
)
_LOGO_LEAD = (  # "we work with", "trusted by (industry leaders such as)"
    r"(?i:\b(?:(?:we|i)\s+(?:work|partner|have\s+worked|worked|have\s+partnered)\s+with"
    r"|(?:our\s+)?(?:clients|customers|partners|users)\s+include|trusted\s+by|used\s+by|loved\s+by"
    r"|chosen\s+by|relied\s+on\s+by|backed\s+by)"
    r"(?:\s+(?:industry\s+|market\s+)?(?:leaders|giants|brands|companies|names|teams|the\s+likes\s+of)"
    r"(?:\s+(?:like|such\s+as|including))?)?)"
)
_LOGO_TAIL = (  # "use us", "are our customers"
    r"\s+(?i:(?:all\s+)?(?:use|trust|rely\s+on|love|chose|work\s+with"
    r"|are\s+(?:our\s+)?(?:customers|clients))\s+(?:us|our|it)\b)"
)
_LOGO_DROP = lazy_compile(rf"{_LOGO_LEAD}\s+(?P<a>{_LOGOS})|(?P<b>{_LOGOS}){_LOGO_TAIL}")
# Each _LOGO_DROP match holds a match of one of these, with the logo list cut to its first
# or last character (a capital, "&", a digit, "fortune"): much cheaper to rule a sentence out.
_LOGO_DROP_A = lazy_compile(rf"{_LOGO_LEAD}\s+(?:[A-Z]|(?i:fortune))")
_LOGO_DROP_B = lazy_compile(rf"(?:[A-Z][\w&.'’-]*|&|\d){_LOGO_TAIL}")
# The phrase every _LOGO_DROP match contains (its lead-in, or its "… use us" tail), lower-case
# and searched once over the folded content (see _fold): only the sentences it touches need
# the costly logo-list pattern. Written as ``\b(?:…)`` with each phrase's first letter taken
# out (``\b`` becomes ``(?<!\w.)`` after it): ``re`` then jumps to the letters a phrase can
# start with. No two phrases match at one position, so grouping them by letter changes nothing.
# The rule searches only those of its phrases an email can hold (_CUE_UNITS); the whole is
# what the tests hold that to.
_WITH = r"\s+(?:work|partner|have\s+worked|worked|have\s+partnered)\s+with"
_US = r"\s+(?:us|our|it)\b"
_LOGO_CUE = lazy_compile(
    rf"w(?<!\w.)(?:e{_WITH}|ork\s+with{_US})|i(?<!\w.){_WITH}"
    rf"|c(?<!\w.)(?:(?:lients|ustomers)\s+include|hosen\s+by|hose{_US})"
    r"|p(?<!\w.)artners\s+include"
    rf"|u(?<!\w.)(?:sers\s+include|sed\s+by|se{_US})"
    rf"|t(?<!\w.)(?:rusted\s+by|rust{_US})"
    rf"|l(?<!\w.)(?:oved\s+by|ove{_US})"
    r"|b(?<!\w.)acked\s+by"
    rf"|r(?<!\w.)(?:elied\s+on\s+by|ely\s+on{_US})"
    rf"|a(?<!\w.)re\s+(?:our\s+)?(?:customers|clients){_US}"
)


# The same phrases one by one: (first word, the rest, what else it needs), each first word
# opening one phrase. Per email only the phrases whose words all occur are searched for (a
# phrase that cannot match changes nothing where at most one matches at a position), written
# ``word(?<!\w..)``: the ``\b`` before the word tested after it, so ``re`` scans for the word
# itself. What else a phrase needs: groups of words (see gate.py), one of each a token of the
# email, and ``text*``: a substring of the folded content (a last word ``\b`` does not end).
_CUE_UNITS = (
    ("we", _WITH, "work partner worked partnered & with*"),
    ("work", rf"\s+with{_US}", "with & us our it"),
    ("i", _WITH, "work partner worked partnered & with*"),
    ("clients", r"\s+include", "include*"),
    ("customers", r"\s+include", "include*"),
    ("chosen", r"\s+by", "by*"),
    ("chose", _US, "us our it"),
    ("partners", r"\s+include", "include*"),
    ("users", r"\s+include", "include*"),
    ("used", r"\s+by", "by*"),
    ("use", _US, "us our it"),
    ("trusted", r"\s+by", "by*"),
    ("trust", _US, "us our it"),
    ("loved", r"\s+by", "by*"),
    ("love", _US, "us our it"),
    ("backed", r"\s+by", "by*"),
    ("relied", r"\s+on\s+by", "on & by*"),
    ("rely", rf"\s+on{_US}", "on & us our it"),
    ("are", rf"\s+(?:our\s+)?(?:customers|clients){_US}", "customers clients & us our it"),
)
# The phrases _LOGO_LEAD opens with; the others are _LOGO_TAIL's.
_LEAD_UNITS = frozenset(
    {"we", "i", "clients", "customers", "chosen", "partners", "users", "used", "trusted",
     "loved", "backed", "relied"}
)  # fmt: skip


def _unit_groups(spec: str) -> tuple[frozenset[str] | str, ...]:
    """A phrase's other needs: a set of words (one must occur) or a substring."""
    return tuple(
        g.strip()[:-1] if g.strip().endswith("*") else frozenset(g.split()) for g in spec.split("&")
    )


_CUE_BY_WORD = {
    w: (i, w + rf"(?<!\w{'.' * len(w)})" + rest, _unit_groups(spec), w in _LEAD_UNITS)
    for i, (w, rest, spec) in enumerate(_CUE_UNITS)
}
_CUE_WORDS = frozenset(_CUE_BY_WORD)
_CUE_RX = {w: lazy_compile(rx) for w, (_i, rx, _groups, _lead) in _CUE_BY_WORD.items()}


def _cue_words(vocabulary: frozenset[str], folded: str) -> tuple[list[str], int]:
    """The first words of the cue phrases that can occur in ``folded`` (the folded content),
    and which kinds they are: 1 a lead-in, 2 a tail, 3 both (0: none can occur)."""
    picked: list[str] = []
    kinds = 0
    for w in _CUE_WORDS.intersection(vocabulary):
        _i, _rx, groups, lead = _CUE_BY_WORD[w]
        for g in groups:
            if g.isdisjoint(vocabulary) if isinstance(g, frozenset) else g not in folded:
                break
        else:
            picked.append(w)
            kinds |= 1 if lead else 2
    return picked, kinds


def _cue_spans(words: list[str], folded: str) -> list[tuple[int, int]]:
    """The spans one alternation of ``words``' phrases finds in ``folded``, each phrase
    searched for on its own: its literal first word lets ``re`` skip ahead, where the
    alternation of several phrases is tried at every position. The same spans because no two
    phrases match at one position: the nearest match of any is the alternation's, as long as
    each phrase is searched again from where the last match ended when its own match started
    before."""
    if len(words) == 1:
        return [m.span() for m in _CUE_RX[words[0]].finditer(folded)]
    pending: list[tuple[int, int, str]] = []  # each phrase's next match: start, end, word
    for w in words:
        m = _CUE_RX[w].search(folded)
        if m is not None:
            pending.append((m.start(), m.end(), w))
    spans: list[tuple[int, int]] = []
    while pending:
        start, end, _w = min(pending)
        spans.append((start, end))
        ahead: list[tuple[int, int, str]] = []
        for item in pending:
            if item[0] < end:  # overlapped (or just taken): what it matches from ``end`` on
                m = _CUE_RX[item[2]].search(folded, end)
                if m is None:
                    continue
                item = (m.start(), m.end(), item[2])
            ahead.append(item)
        pending = ahead
    return spans


_END = itemgetter(1)  # a Segment's end


def _fold(text: str) -> str:
    """``text`` lower-cased, same length, such that what an IGNORECASE pattern of ASCII words
    matches in ``text`` its lower-case twin matches here: the three letters ``re`` folds onto
    i or s that ``str.lower`` does not (İ, ı, ſ) are mapped first."""
    if not text.isascii():
        text = text.replace("İ", "i").replace("ı", "i").replace("ſ", "s")
    return text.lower()


class LogoDropping(Rule):
    """Famous customer names offered instead of relevance: "Microsoft and Google use us".

    What it does
        Flags lists of customer logos ("trusted by Microsoft, Google and Amazon", "our
        clients include…", "Fortune 500 companies use us") when neither that sentence nor
        the one before says what those customers got (a result, a number). A named customer
        with a result ("we cut Datadog's ramp from 90 to 51 days") is proof and is left alone.

    Why it matters
        The buyer is not Microsoft or Google; big names without a result like theirs say
        nothing about why *they* need it, and read as borrowed credibility.

    Principle
        004_adf2a3e1e6fa8705: "Microsoft and Google are big customers…" - "But we're not
        Microsoft or Google, why do we need this?"
    """

    code = "V103"
    name = "logo-dropping"
    severity = Severity.WARNING
    fix_title = "Name one customer like them and the result they got, or drop the logos"
    triggers = _LOGO_ANCHOR_GATE.triggers
    bad = (
        Example(
            "Hi Dana,\n\nMicrosoft and Google use us every day. Free for a demo on Tuesday?",
            span="Microsoft and Google use us",
        ),
        Example(
            "Hi Dana,\n\nWe work with industry leaders such as Siemens, Bosch and Philips. "
            "Open to a call?",
            span="Siemens, Bosch and Philips",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nWe cut Datadog's new-rep ramp from 90 days to 51. Worth a call on "
            "how your Q3 hires could get the same?"
        ),
        Example(
            "Hi Dana,\n\nMonth-end close went from 14 days to 2. That is what we built for "
            "Lattice and Carta. Worth a look?"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if _LOGO_WORDS.isdisjoint(doc.vocabulary) or not is_english(doc):
            return  # (the content's words are read only for a logo list found: see below)
        c = doc.content
        folded = _fold(doc.body[c.start : c.end])
        words, kinds = _cue_words(doc.vocabulary, folded)
        if not words:
            return  # no cue phrase can occur: no sentence a logo list could be in
        cues = _cue_spans(words, folded)
        if not cues:
            return  # no sentence a logo list could be in
        lead, tail = kinds & 1, kinds & 2  # _LOGO_DROP_A needs a lead-in, _B a tail
        sents = doc.sentences
        touched: set[int] = set()  # the sentences a cue overlaps
        for a, b in cues:  # (offsets into the content)
            i = bisect.bisect_right(sents, c.start + a, key=_END)  # the first to end after a
            while i < len(sents) and sents[i].start < c.start + b:
                touched.add(i)
                i += 1
        for i in sorted(touched):
            sent = sents[i]
            text = sent.text
            if (not lead or _LOGO_DROP_A.search(text) is None) and (
                not tail or _LOGO_DROP_B.search(text) is None
            ):
                continue  # no logo list next to the cue
            m = _LOGO_DROP.search(text)
            if m is None:
                continue
            before = low(doc, sents[i - 1]) if i else ""
            if _result(doc, low(doc, sent)) or _result(doc, before):
                continue
            content = low(doc, c)
            if (
                _LOGO_WORDS.isdisjoint(words_lower(doc))
                or not _LOGO_ANCHOR_GATE.could_match(doc.vocabulary, content)
                or not _LOGO_ANCHOR.search(content)
            ):
                return  # whole-email tests, the dearest last: no logo drop at all then
            yield self.hit(
                sent.start + m.start(),
                sent.start + m.end(),
                "Big customer names with nothing on why they matter to this prospect",
                fix=self.advice(self.fix_title or ""),
            )
            return


# ---- V105 self-centered --------------------------------------------------------------------

_SELF = lazy_compile(
    r"\b(?:i|i[’']m|i[’']ve|i[’']d|i[’']ll|me|my|mine|myself|we|we[’']re|we[’']ve|we[’']d"
    r"|we[’']ll|us|our|ours|ourselves)\b",
    re.IGNORECASE,
)
_SELF_WORDS = frozenset(
    {
        "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself",
        "we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves",
    }
)  # fmt: skip
_YOU_WORDS = frozenset(
    {"you", "you're", "you've", "you'd", "you'll", "your", "yours", "yourself", "yourselves"}
)
_PRONOUNS = _SELF_WORDS | _YOU_WORDS


_OPENER = lazy_compile(
    r"(?:(?:hello|hi|hey|dear)[ ,]+)?(?:my name is|(?:i am|i[’']m) (?!writing|reaching|based"
    r"|excited|sure|hoping|looking)\S+(?: \S+)? (?:from|with|at|of)\b|(?:i|we) (?:wanted|want)"
    r" to (?:reach out (?:to|and) )?introduce (?:myself|us|our)|(?:allow|let) me (?:to )?introduce"
    r"|i am writing to introduce|(?:we are|we[’']re) an? (?!\S+ (?:of )?(?:you|your)\b))"
)

_OPENER_FIRST = frozenset("hdmiwal")  # the letters an _OPENER match can start with


class SelfCentered(Rule):
    """The email is about the sender: many we/our/I, few you/your.

    What it does
        Counts first-person words (I, me, my, we, us, our) against second-person ones (you,
        your) and mentions of the prospect's company in the content. Flags the email when
        there are at least ``min_self`` first-person words, they outnumber the reader's
        ``ratio`` times or more, and by at least four. "We" in a sentence about the
        prospect's result still counts, so the bar is set well above what a peer note uses.
        An opening that introduces the sender ("My name is…", "I'm Jake from…", "We are
        a…") is flagged on its own.

    Why it matters
        Buyers read for what is in it for them. An email that talks about "our platform, our
        team, our mission" tells them the sender's success is the point and theirs is
        incidental.

    Principle
        001_fa86a06d8cce9a86: pitches "always focus on how great they are and what they do",
        never on the issues the reader may be facing.

    Options
        ``min_self`` (5): first-person words needed before the ratio is looked at;
        ``ratio`` (2.0): how many times the reader's words they must outnumber.
    """

    code = "V105"
    name = "self-centered"
    severity = Severity.WARNING
    fix_title = "Rewrite around the reader: their problem, their result (you/your)"
    options: ClassVar[Mapping[str, Any]] = {"min_self": 5, "ratio": 2.0}
    bad = (
        Example(
            "Hi there,\n\nWe are thrilled to share that we just raised our Series B. Our "
            "team has doubled and we are expanding. We would love for you to see what we "
            "have built.",
            span="We are thrilled",
        ),
        Example(
            "Hello,\n\nI am writing because I run an agency. My team and I build websites, "
            "and we think our designs are great. I would like to show you our portfolio."
        ),
        Example(
            "Hi Dana,\n\nMy name is Jake and I'm with Leadly. Your Q3 plan looks bold; "
            "worth a chat?",
            span="My name is Jake",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nWe helped your peers at Orbit cut ramp by half; we think your Q3 "
            "hires are the same case. Would you want the playbook we used? Your call."
        ),
        Example(
            "Hi Dana,\n\nYou're adding 12 SDRs, so your ramp plan matters more than ever. "
            "We cut ramp from 90 to 45 days for Orbit. Worth 15 minutes?"
        ),
        Example(
            "Hi Dana,\n\nWe have a small data team at Orbit and your post on dedup keys is "
            "the exact problem we hit. Would you be up for a chat?",
            note="'we' opening about a shared problem, not a self-introduction",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        for sent in doc.sentences[:2]:
            if doc.lower[sent.start] in _OPENER_FIRST and _OPENER.match(low(doc, sent)):
                yield self.hit(
                    sent.start,
                    sent.end,
                    "Opens with who you are instead of with them",
                    fix=self.advice(self.fix_title or ""),
                )
                return
        text = doc.content.text
        # One pass over the words keeps both kinds (the two sets share no word); then the
        # short list is counted. len(filter) over sum(map): sum adds bools on its slow path.
        pronouns = list(filter(_PRONOUNS.__contains__, words_lower(doc)))
        n_self = len(list(filter(_SELF_WORDS.__contains__, pronouns)))
        if n_self < int(self.option(ctx, "min_self")):
            return
        n_you = len(pronouns) - n_self
        if ctx.prospect is not None and ctx.prospect.company:
            n_you += len(re.findall(rf"\b{re.escape(ctx.prospect.company)}\b", text, re.I))
        if n_self < float(self.option(ctx, "ratio")) * max(n_you, 1) or n_self - n_you < 4:
            return  # a few "I"s in a short peer note are conversation, not self-focus
        first = next((s for s in doc.sentences if _SELF.match(s.text)), None)
        if first is None:
            first = next((s for s in doc.sentences if _SELF.search(s.text)), doc.content)
        yield self.hit(
            first.start,
            first.end,
            f"About you, not them: {n_self} I/we/our against {n_you} you/your",
            fix=self.advice(self.fix_title or ""),
        )
