"""Strengths: what a good outreach email does, credited so writers keep doing it.

A strength's ``check`` yields one Hit when the email earns it (the engine keeps the first).
Its ``good`` examples earn it; its ``bad`` examples are near-misses that must not.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ..text.patterns import lazy_compile
from .base import Example, Hit, Rule
from .followup import GUILT
from .style import Deferential, FormalFiller, Hype
from .style_text import (
    _ODD,
    START,
    FoldedPattern,
    Folding,
    PhraseList,
    folding,
    own_end,
    own_sentences,
    own_word_count,
)

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document, Segment


# ---- specific research ------------------------------------------------------------------------
_OBJ = r"(?:your|you|about|that|the|how|(?-i:[A-Z]))"
# (phrase, what it needs); "{obj}" is what was read or heard (a capital: a name)
_OBSERVED_PARTS = (
    ("saw", "saw"),
    ("seen", "seen"),
    ("noticed", "noticed"),
    ("caught", "caught"),
    ("came across", "came"),
    ("congrats on", "congrats"),
    ("congratulations on", "congratulations"),
    ("looks like", "looks"),
    (
        "(?:read|heard|listened to|watched|looked at|looking at|mentioned(?: that)?) {obj}",
        "read heard listened watched looked looking mentioned",
    ),
    ("I know (?:you|your team) (?:cover|run|manage|lead|write|built|are)", "know"),
    (
        "your (?:recent |latest |last )?(?:blog post|post|podcast|article|talk|episode|interview"
        "|keynote|paper|tweet|thread|report|launch|announcement|webinar|newsletter|book)",
        "post podcast article talk episode interview keynote paper tweet thread report launch "
        "announcement webinar newsletter book",
    ),
)
_OBSERVED = lazy_compile(
    r"(?<!\w)(?:" + "|".join(p.format(obj=_OBJ) for p, _ in _OBSERVED_PARTS) + r")(?!\w)",
    re.IGNORECASE,
)
# Where _OBSERVED could match (any letter for the capital): it cannot be searched folded, so
# this finds the sentences worth searching.
_OBSERVED_ANY = PhraseList.of(
    (p.format(obj="(?:your|you|about|that|the|how|[A-Z])"), needs) for p, needs in _OBSERVED_PARTS
)
_PLACEHOLDER = lazy_compile(r"\[[^\]\n]{1,60}\]|\{[^}\n]{1,60}\}|%[A-Z_]{2,}%|<[A-Z][A-Z _]{1,30}>")


def _placeholder(text: str) -> bool:
    """Whether _PLACEHOLDER matches: each of its forms opens with one of four characters, which
    most sentences lack (four substring tests, not a pattern tried at every character)."""
    return ("[" in text or "{" in text or "%" in text or "<" in text) and bool(
        _PLACEHOLDER.search(text)
    )


_CAP_TOKEN = lazy_compile(r"(?<![\w.@/])([A-Z][\w&'’.-]*[A-Za-z0-9])")
# _CAP_TOKEN with its look-behind tested after the capital (the same matches and groups): a
# pattern opening with a character set, not a look-behind, lets ``re`` jump to the capitals.
_CAP_FAST = lazy_compile(r"([A-Z](?<![\w.@/].)[\w&'’.-]*[A-Za-z0-9])")
_GENERIC_NAMES = """I I'm I’m I've I’ve I'd I’d LinkedIn Twitter Facebook Instagram GitHub
Github Google YouTube Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
March April May June July August September October November December Hi Hey Hello Dear CEO CTO
CFO CMO COO VP"""
_NOT_SPECIFIC = frozenset(_GENERIC_NAMES.split())
_DIGIT = lazy_compile(r"\d")
_QUOTED = lazy_compile(r"[\"“][^\"”\n]{8,80}[\"”]")
_FACT_WORD = lazy_compile(r"[^\W_]{4,}")


def _specific(text: str, after: int) -> bool:
    """A number, a quoted phrase or a proper name after the observation verb."""
    tail = text[after:]
    if _DIGIT.search(tail) or (('"' in tail or "“" in tail) and _QUOTED.search(tail)):
        return True
    return any(m.group(1) not in _NOT_SPECIFIC for m in _CAP_FAST.finditer(tail))


class SpecificResearch(Rule):
    """Refers to something specific that only research would find.

    What it does
        Credits a sentence that reports an observation ("saw", "noticed", "your podcast on…",
        "congrats on…") followed by a specific detail: a number, a proper name or a quoted
        phrase; or that repeats a fact from the prospect's research notes. Placeholders and
        generic objects ("your website", "your profile") do not count.

    Why it matters
        Specific research is what earns a reply: it shows the sender spent time on this person
        and gives them a reason to feel they owe a polite answer.

    Principle
        000_89adfda597195df7 (the one email the author answered referred to something in his
        podcast that you had to have listened to, not the title or show notes).
    """

    code = "G101"
    name = "specific-research"
    kind = "strength"
    bad = (
        Example("Hi Rosa,\n\nI came across your website and loved it. Open to a chat?\n\nBen"),
        Example("Hi Rosa,\n\nI noticed that {{company}} is growing fast. Open to a chat?\n\nBen"),
        Example("Hi Rosa,\n\nI saw your LinkedIn profile and wanted to connect.\n\nBen"),
    )
    good = (
        Example(
            "Hi Rosa,\n\nHeard your episode with Tom Ruiz on pricing pilots, especially the bit "
            "about annual-only plans. Want our churn numbers on that?\n\nBen"
        ),
        Example(
            "Hi Rosa,\n\nSaw you opened 3 new stores in Lyon this spring. How do you staff the "
            "weekend shifts?\n\nBen"
        ),
        Example(
            "Hi Rosa,\n\nYour team is moving the warehouse to the new site, so returns will be "
            "tricky for a while. Want our checklist?\n\nBen",
            prospect={
                "name": "Rosa Diaz",
                "facts": [{"text": "moving the warehouse to a new site", "source": "press"}],
            },
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        facts = [
            words
            for f in (ctx.prospect.facts if ctx.prospect else [])
            if len(words := {w.lower() for w in _FACT_WORD.findall(f.text)}) >= 2
        ]
        sentences = own_sentences(doc)
        if not sentences:
            return
        # Sentences where _OBSERVED could match: a match cannot run from one sentence into the
        # next, so a sentence without a candidate start has none.
        starts = _starts_in(_OBSERVED_ANY, doc, sentences)
        if not facts and not starts:
            return
        if not facts:  # only the sentences holding a candidate: same outcome, fewer visited
            for sent, at in _holding(sentences, starts):
                text = sent.text
                # no match of _OBSERVED starts before the first of _OBSERVED_ANY's
                m = _OBSERVED.search(text, at - sent.start)
                if m and not _placeholder(text) and _specific(text, m.end()):
                    yield self.hit(sent.start, sent.end, "refers to something specific about them")
                    return
            return
        for sent in sentences:
            text = sent.text
            observed = _starts_within(starts, sent)
            if _placeholder(text):
                continue
            lowered = {w.lower() for w in _FACT_WORD.findall(text)}
            if any(len(words & lowered) >= max(2, int(0.6 * len(words))) for words in facts):
                yield self.hit(sent.start, sent.end, "refers to what research found about them")
                return
            m = _OBSERVED.search(text) if observed else None
            if m and _specific(text, m.end()):
                yield self.hit(sent.start, sent.end, "refers to something specific about them")
                return


def _starts_within(starts: list[int], seg: Segment) -> int | None:
    """The first of the sorted offsets ``starts`` inside the segment, or None."""
    i = bisect_left(starts, seg.start)
    return starts[i] if i < len(starts) and starts[i] < seg.end else None


def _starts_in(phrases: PhraseList, doc: Document, sentences: list[Segment]) -> list[int]:
    """Where the list's phrases match from the first sentence to the last, in order. A phrase
    cannot run from one sentence into the next, so each start falls in its sentence."""
    first, last = sentences[0].start, sentences[-1].end
    return [m.start() for m in phrases.finditer(folding(doc), doc.body, first, last)]


def _holding(sentences: list[Segment], starts: list[int]) -> Iterator[tuple[Segment, int]]:
    """Each sentence holding one of the sorted offsets ``starts``, in order, with the first
    of them: what ``_starts_within`` finds, visiting only those sentences."""
    last = -1
    for at in starts:
        i = bisect_right(sentences, at, key=START) - 1
        if i > last and at < sentences[i].end:
            last = i
            yield sentences[i], at


# ---- single clear ask -------------------------------------------------------------------------
_IMPERATIVE_ASK = PhraseList.of(
    [
        ("(?:please |just )?let me know", "let"),
        (
            "please (?:send|reply|call|share|confirm|book|schedule|get back|forward|introduce)",
            "please",
        ),
        ("reply with", "reply"),
        ("grab a (?:time|slot)", "grab"),
        ("book a (?:time|slot)", "book"),
        (
            "(?:if|could|would|can) you (?:could |please )?(?:spare|send|share|introduce|forward"
            "|reply|call|book|schedule|point me)",
            "spare send share introduce forward reply call book schedule point",
        ),
    ]
)
_VAGUE_ASK = FoldedPattern(
    r"(?<!\w)(?:go over|discuss how|learn more|explore|synerg\w*|touch base|pick your brain"
    r"|how (?:we|our \w+) (?:can|could|might) help|your needs|opportunit\w+|connect and"
    r"|when (?:you(?:'re|’re| are)|you have) (?:free|available|time)|availability|hear more"
    r"|interested in (?:a|an|learning|hearing)|let me know (?:if|what|when|your thoughts)"
    r"|(?:open|available) (?:to|for) a (?:quick )?(?:chat|call)|(?:a|quick) demo"
    r"|continue the conversation)(?!\w)",
)


_RHETORICAL = FoldedPattern(
    r"(?:,\s*right|,\s*isn[’']t it|,\s*don[’']t you(?: think)?|wouldn[’']t you agree)\W*$"
    r"|(?<!\w)(?:are you ready|did I|have I|what if I told you|who doesn[’']t|why not)(?!\w)"
)
# Its three parts, each searched only when the words it needs occur (folded text): most
# questions hold none, and a literal first part lets ``re`` jump to where it could start.
_RHETORICAL_TAG = lazy_compile(r",\s*(?:right|isn[’']t it|don[’']t you(?: think)?)\W*$")
_RHETORICAL_AGREE = lazy_compile(r"wouldn[’']t you agree\W*$")
_RHETORICAL_OPENER = lazy_compile(
    r"(?<!\w)(?:are you ready|did i|have i|what if i told you|who doesn[’']t|why not)(?!\w)"
)


def _rhetorical(text: str) -> bool:
    """Whether ``_RHETORICAL.search_text(text)`` finds something."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(c in text for c in _ODD)):
        return _RHETORICAL.exact.search(text) is not None
    # Spelled out, not looped over (parts, needs) pairs: this runs for every question, and
    # a chain of ``in`` tests costs a third of the loop with its generators.
    return (
        ("," in low and _RHETORICAL_TAG.search(low) is not None)
        or ("wouldn" in low and _RHETORICAL_AGREE.search(low) is not None)
        or (
            (
                "are you ready" in low
                or "did i" in low
                or "have i" in low
                or "what if i told you" in low
                or "who doesn" in low
                or "why not" in low
            )
            and _RHETORICAL_OPENER.search(low) is not None
        )
    )


def _asks(doc: Document, limit: int | None = None) -> list[Segment]:
    """Questions and requests of the writer's own text; rhetorical questions are not asks.

    With ``limit``, stops once that many are found.
    """
    sentences = own_sentences(doc)
    if not sentences:
        return []
    return _with_requests(doc, sentences, *_questions(doc, sentences), limit)


def _questions(doc: Document, sentences: list[Segment]) -> tuple[list[Segment], set[int]]:
    """The sentences that end with a "?" (closing quotes aside) and are not rhetorical, and
    the starts of all that end with one: found from the "?"s, not by visiting every sentence."""
    out: list[Segment] = []
    ended: set[int] = set()
    body = doc.body
    end = sentences[-1].end
    at = body.find("?", sentences[0].start, end)
    while at >= 0:
        sent = sentences[bisect_right(sentences, at, key=START) - 1]
        if at < sent.end:
            text = sent.text.rstrip("\"'”’) ")
            if text.endswith("?"):
                ended.add(sent.start)
                if not _rhetorical(text):
                    out.append(sent)
            at = body.find("?", sent.end, end)
        else:
            at = body.find("?", at + 1, end)
    return out, ended


def _with_requests(
    doc: Document,
    sentences: list[Segment],
    questions: list[Segment],
    ended: set[int],
    limit: int | None,
) -> list[Segment]:
    """The questions and the other sentences holding a request, in order (``limit`` first)."""
    # A request cannot run from one sentence into the next (its words are one space apart),
    # so the requests of the whole text, found at once, fall in their sentences.
    requests = _starts_in(_IMPERATIVE_ASK, doc, sentences)
    asked = [sent for sent, _at in _holding(sentences, requests) if sent.start not in ended]
    out = sorted([*questions, *asked]) if asked and questions else questions or asked
    return out if limit is None else out[:limit]


class SingleClearAsk(Rule):
    """Exactly one ask, and a specific one.

    What it does
        Credits an email whose own text holds exactly one ask (a question or a request such as
        "let me know…") that is short and specific, not "a quick call to go over how we can
        help".

    Why it matters
        One ask is one decision, answerable in a line from a phone. Several asks stall on the
        one the reader doesn't want to answer; a vague ask gives them nothing to say yes to.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 4): make it easy to reply; one
        ask per email, and 002_a3c7499a1667f438 (no vague "quick call to go over how we help").
    """

    code = "G102"
    name = "single-clear-ask"
    kind = "strength"
    options: ClassVar[dict[str, int]] = {"max_words": 30}
    bad = (
        Example(
            "Hi Theo,\n\nAre you free Tuesday at 10? Also, could you introduce me to your CFO?"
            "\n\nMia"
        ),
        Example(
            "Hi Theo,\n\nWould you have time for a quick call to go over how we can help your "
            "team?\n\nMia"
        ),
        Example("Hi Theo,\n\nWe rebuilt the freight audit for two of your competitors.\n\nMia"),
        Example(
            "Hi Theo,\n\nFreight audits are a pain, right? We rebuilt them for two of your "
            "competitors.\n\nMia",
            note="a rhetorical question is not an ask",
        ),
    )
    good = (
        Example(
            "Hi Theo, have 5 mins to chat this week? Need to agree two points before our "
            "launch. Thx."
        ),
        Example(
            "Hi Theo,\n\nYour Q3 freight invoices are audited by hand. We automate that for "
            "Dutch 3PLs. Worth 15 minutes on Thursday?\n\nMia"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        sentences = own_sentences(doc)
        if not sentences:
            return
        questions, ended = _questions(doc, sentences)
        if len(questions) > 1:  # two asks already: no need to look for requests
            return
        max_words = int(self.option(ctx, "max_words"))
        # One question: it is the single ask or there are two, so when it is too long or vague
        # there is no credit either way, and the requests need not be looked for.
        if questions and not _clear_ask(questions[0].text, max_words):
            return
        asks = _with_requests(doc, sentences, questions, ended, 2)
        if len(asks) != 1:
            return
        ask = asks[0]  # the question (tested above) when there is one
        if questions or _clear_ask(ask.text, max_words):
            yield self.hit(ask.start, ask.end, "one clear, specific ask")


# A piece of text every alternative of _VAGUE_ASK holds (lower case): an ask holding none of
# them is not vague, and a few substring tests are cheaper than the pattern, which opens with
# a look-behind and so is tried at every position.
_VAGUE_PIECES = (
    "go over",
    "discuss how",
    "learn more",
    "explore",
    "synerg",
    "touch base",
    "pick your brain",
    "help",
    "your needs",
    "opportunit",
    "connect and",
    "when you",
    "availability",
    "hear more",
    "interested in",
    "let me know",
    "chat",
    "call",
    "demo",
    "continue the conversation",
)


def _vague(text: str) -> bool:
    """Whether ``_VAGUE_ASK.search_text(text)`` finds something."""
    low = text.lower()
    if len(low) == len(text) and text.isascii():  # lower-casing kept every letter in place
        for piece in _VAGUE_PIECES:
            if piece in low:
                return _VAGUE_ASK.folded.search(low) is not None
        return False
    return _VAGUE_ASK.search_text(text) is not None


def _clear_ask(text: str, max_words: int) -> bool:
    """Short enough (at most ``max_words`` words) and not vague."""
    return len(text.split()) <= max_words and not _vague(text)


# ---- reason given -----------------------------------------------------------------------------
_REASON = PhraseList.of(
    [
        ("because", "because"),
        ("(?:which|that|usually|often|typically) means", "means"),
        ("since (?:you|your|we|our|the|it|I|they|their|this)", "since"),
        (
            "so (?:that )?(?:you|we|I|your|our|they|the team) (?:can|could|don[’']?t|won[’']?t"
            "|will|stop|get|never|no longer)",
            "so",
        ),
        ("which (?:is why|means)", "why means"),
        ("that(?:[’']s| is) why", "why"),
        ("that means", "means"),
        ("the reason", "reason"),
        ("given (?:your|that|the|how)", "given"),
        ("ahead of (?:your|our|the)", "ahead"),
        (
            r"(?:have|has|got) an? (?:\w+ ){0,3}(?:meeting|deadline|review|launch|audit|renewal)"
            " coming up",
            "coming",
        ),
    ]
)


class ReasonGiven(Rule):
    """Gives a reason: "because…", "so that…", "ahead of our board meeting".

    What it does
        Credits an email whose own text gives a reason for the request or the claim, in any
        of the usual forms ("because", "since you…", "so your team can…", "which means",
        "have a board meeting coming up").

    Why it matters
        People say yes far more often to a request that comes with a reason, even a thin one.
        A reason also answers the buyer's first question: why me, why now?

    Principle
        003_56500c1ee79e2572 ("The Photocopier Effect": adding "because" raised compliance
        from 60% to over 90%) and 004_adf2a3e1e6fa8705 ("why do you think we need this?").
    """

    code = "G103"
    name = "reason-given"
    kind = "strength"
    bad = (
        Example("Hi Jo,\n\nWe have been in business since 2009. Can we talk on Monday?\n\nSam"),
        Example("Hi Jo,\n\nI wanted to introduce myself and our company. Call Monday?\n\nSam"),
    )
    good = (
        Example(
            "Hi Jo,\n\nWriting because your renewal with your payroll provider is due in June. "
            "Call Monday?\n\nSam"
        ),
        Example(
            "Hi Jo, have 5 mins this week? Have a budget review coming up and need to agree "
            "two things. Thx."
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        m = _REASON.search(folding(doc), doc.body, doc.content.start, own_end(doc))
        if m:
            yield self.hit(m.start(), m.end(), "gives a reason")


# ---- peer tone --------------------------------------------------------------------------------
_EAGER = PhraseList.of(
    [
        ("I(?:[’']d| would) (?:love|like) to", "love like"),
        ("we(?:[’']d| would) love to", "love"),
        ("please", "please"),
        ("I was wondering", "wondering"),
        ("if you (?:have|get|find) (?:the |some )?time", "time"),
        ("hope to hear", "hear"),
        ("looking forward", "forward"),
        ("my name is", "name"),
        ("introduce (?:myself|ourselves)", "introduce"),
        ("thank you for your time", "time"),
        (r"happy \w+day", "happy"),
        ("regarding", "regarding"),
    ]
)

# The style rules whose hits rule out peer tone, most often found first: in the corpus formal
# filler and hype each turn up in about half the emails, deferential wording in one in twelve,
# so most emails are settled by the first one or two (each asked once, its hits kept).
_NOT_PEER = (FormalFiller(), Hype(), Deferential())


class PeerTone(Rule):
    """Written as a peer: plain, direct, no apology, ceremony or hype.

    What it does
        Credits an email of at least ``min_words`` words with no deferential phrase, formal
        filler, hype, guilt trip or eager-salesperson wording ("I'd love to", "please",
        "looking forward"), whose sentences average at most ``max_sentence_words`` words.

    Why it matters
        Buyers answer professionals and screen out salespeople. Short, direct sentences with
        no deference read like one equal writing to another.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 5 "Be their equal", and "Don't
        Be A Salesperson": be a professional bringing value, on a level playing field).
    """

    code = "G104"
    name = "peer-tone"
    kind = "strength"
    options: ClassVar[dict[str, int]] = {"min_words": 8, "max_sentence_words": 20}
    bad = (
        Example(
            "Hi Eli,\n\nSorry to bother you, I know you're busy. Could we talk about your Q3 "
            "hiring plan?\n\nNina"
        ),
        Example(
            "Hi Eli,\n\nI'd love to schedule a call to walk you through our platform. Looking "
            "forward to hearing from you.\n\nKind regards,\nNina"
        ),
        Example("Hi Eli,\n\nThoughts?\n\nNina"),
    )
    good = (
        Example(
            "Hi Eli, have 5 mins to chat this week? Have a planning meeting coming up and need "
            "to line up two things. Thx."
        ),
        Example(
            "Hi Eli,\n\nYou're hiring 6 SDRs this quarter. We cut ramp time in half for two "
            "teams your size. Want the plan?\n\nNina"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        # Every test below must pass; the cheap ones go first, then the phrase rules (whose
        # hits are kept for the style rules that report them), then the searches of its own.
        end = own_end(doc)
        words = own_word_count(doc)
        sentences = len(own_sentences(doc))
        if words < int(self.option(ctx, "min_words")) or not sentences:
            return
        if words / sentences > int(self.option(ctx, "max_sentence_words")):
            return
        body, start = doc.body, doc.content.start
        if body.count("!", start, end) >= 2:
            return
        for rule in _NOT_PEER:
            for _ in rule.check(doc, ctx):
                return
        fold = folding(doc)
        if _EAGER.search(fold, body, start, len(body)):
            return
        if GUILT.search(fold, body, start, len(body)):
            return
        yield self.hit(start, end, "written as a peer: plain and direct")


# ---- benefit with proof -----------------------------------------------------------------------
_RESULT_VERBS = [
    "helped",
    "cut",
    "reduced",
    "saved",
    "increased",
    "grew",
    "doubled",
    "tripled",
    "halved",
    "boosted",
    "improved",
    "lifted",
    "raised",
    "went",
    "got",
    "booked",
    "recovered",
    "drove",
    "generated",
    "added",
    "shortened",
    "lowered",
    "dropped",
    "saw",
]
# A past-tense outcome verb, not after "can", "will", "to"… (a promise, not a result).
_RESULT_VERB = PhraseList.of(
    ((verb, verb) for verb in _RESULT_VERBS),
    head=r"(?<!can )(?<!will )(?<!could )(?<!would )(?<!to )(?<!may )(?<!might )",
)
_METRIC = FoldedPattern(
    r"(?<![\w.])(?:\d+(?:[.,]\d+)?\s?(?:%|x\b|percent|per ?cent|hours?|hrs?|days?|weeks?|months?"
    r"|minutes?|mins?|meetings?|points?|k\b|m\b|million|thousand|deals?|leads?|opportunities)"
    r"|from \$?\d[\d.,]*\w* to \$?\d|by (?:half|a third|a quarter|two thirds)"
    r"|in half|\$\d[\d.,]*\s?(?:k|m|million)?)"
)


def _metric_from(fold: Folding, sent: Segment, pos: int) -> bool:
    """A measured figure in the sentence at or after ``pos`` (as ``search(sent.text, pos)``)."""
    if fold.lower is not None:
        return _METRIC.folded.search(fold.lower[sent.start : sent.end], pos) is not None
    return _METRIC.exact.search(sent.text, pos) is not None


class BenefitWithProof(Rule):
    """A benefit with proof: a result achieved, with a number.

    What it does
        Credits a sentence that reports a result already achieved (a past-tense outcome verb:
        "helped", "cut", "saved", "went from") together with a measured figure ("by 40%",
        "from 5 days to 4 hours", "11 hours per week").

    Why it matters
        A claim is cheap; a measured result for a customer like them is evidence. It tells the
        buyer what the offer does for their business goals, not what it is.

    Principle
        002_a3c7499a1667f438 ("Fail To Address Business Benefit": say how it advances business
        goals and offer proof) and 004_adf2a3e1e6fa8705 (features are not a reason to buy).
    """

    code = "G105"
    name = "benefit-with-proof"
    kind = "strength"
    bad = (
        Example("Hi Ada,\n\nWe help finance teams close faster with automation. Demo?\n\nLuc"),
        Example("Hi Ada,\n\nWe have 500 customers and 20 years of experience. Demo?\n\nLuc"),
        Example("Hi Ada,\n\nOur tool can cut your close by 50%. Demo?\n\nLuc"),
    )
    good = (
        Example(
            "Hi Ada,\n\nWe helped Brightline cut their month-end close from 9 days to 4. "
            "Worth 15 minutes?\n\nLuc"
        ),
        Example(
            "Hi Ada,\n\nTwo retailers your size saved 11 hours per store per week after "
            "switching. Worth a look?\n\nLuc"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        sentences = own_sentences(doc)
        if not sentences:
            return
        # A verb is one word, so the verbs of the whole text, found at once, fall in their
        # sentences; the first in a sentence is the one a search of the sentence finds.
        fold = folding(doc)
        verbs = _starts_in(_RESULT_VERB, doc, sentences)
        for sent, verb in _holding(sentences, verbs):
            if not _placeholder(sent.text) and _metric_from(fold, sent, verb - sent.start):
                yield self.hit(sent.start, sent.end, "a benefit backed by a measured result")
                return


# ---- short ------------------------------------------------------------------------------------
class Short(Rule):
    """Short: tweet-sized, with enough words to say something.

    What it does
        Credits an email whose own text (between greeting and sign-off, quotes excluded) is at
        most ``max_chars`` characters and at least ``min_words`` words.

    Why it matters
        A short email is read in full on a phone and answered in a line; it respects the
        reader's time without saying so.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 1): emails should be as short as
        tweets, under about 400 characters.
    """

    code = "G106"
    name = "short"
    kind = "strength"
    options: ClassVar[dict[str, int]] = {"max_chars": 400, "min_words": 8}
    bad = (
        Example("Hi Kim,\n\nLet's talk.\n\nRaj", note="short, but says nothing"),
        Example(
            "Hi Kim,\n\nWe run a logistics analytics platform for mid-sized retailers. It "
            "connects to your carriers, pulls every invoice, checks each line against the "
            "contracted rate and flags overcharges, duplicate fees and missed discounts. Most "
            "teams we work with find between two and four percent of freight spend that can "
            "be recovered in the first quarter, and they keep finding it every month after "
            "that. Could we show your team how it works on Thursday?\n\nRaj",
            note="just over the bar",
        ),
    )
    good = (
        Example(
            "Hi Kim, have 5 mins to chat this week? Need to agree two points before our "
            "launch. Thx."
        ),
        Example(
            "Hi Kim,\n\nYour carriers overbill 2-4% on average. We find it for you. Thursday?"
            "\n\nRaj"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        start, end = doc.content.start, own_end(doc)
        if end - start <= int(self.option(ctx, "max_chars")) and own_word_count(doc) >= int(
            self.option(ctx, "min_words")
        ):
            yield self.hit(start, end, f"short: {end - start} characters")
