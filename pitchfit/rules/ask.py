"""Ask rules: one clear, specific thing the prospect can say yes to.

A sentence "asks" when it is a question or a request ("let me know", "would you", "I'd love
to…"); :mod:`.ask_text` holds that reading (``ask_sentences``, ``ask_kind``,
``looks_like_followup``), which the value and homework families share.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from ..text.patterns import lazy_compile
from .ask_text import (
    ask_kind,
    ask_sentences,
    is_ask,
    is_english,
    looks_like_followup,
    low,
    quote,
)
from .base import Example, Hit, Rule, Severity
from .gate import WordGate
from .kinds import compile_phrases, load_terms

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document

# ---- A101 vague-ask ------------------------------------------------------------------------


@cache
def _vague(key: str) -> re.Pattern[str]:
    """The ``anywhere`` or ``in_ask`` phrases of ``terms/ask_vague.toml``, compiled on first use."""
    return compile_phrases(load_terms("ask_vague")[key], ignore_case=False)


# Per pattern of ask_vague.toml (same order), the words it cannot match without; ``a_b*``
# are words side by side in the content with line breaks flattened (``low``).
_VAGUE_ANYWHERE = WordGate(
    "help assist support add work partner benefit & how & can could might may would & we our i",
    "share discuss talk tell present introduce & call chat meeting demo time minutes"
    " & our my us what & to_share* to_discuss* to_talk* to_tell* to_present* to_introduce*",
    "introduce & our my & company services solutions product products platform offering team",
    "synergy synergies",
    "opportunity & business partnership collaboration & speak talk chat & you & about",
    "opportunity opportunities & potential possible exciting & between for & us our",
    "learn & more & about",
    "there theres & see_if*",
    "interest & something & that & you",
    "meet & need want like wanted & you",
    "brain & pick",
    "base & touch",
    "connecting & interested look looking",
    "services solutions product products platform offering company capabilities"
    " & discuss about over present & our my & discuss_our* discuss_my* about_our* about_my*"
    " over_our* over_my* present_our* present_my*",
    "together & work & discuss explore see",
)
_VAGUE_IN_ASK = WordGate(
    "help & how & can could might & we i",
    "connect & love like want wanted hope time opportunity & to_connect*",
    "value & add",
    "opportunity & business partnership collaboration & a an",
    "partnership partnerships collaboration collaborations & explor* discuss*",
    "let & talk chat connect meet & s_talk* s_chat* s_connect* s_meet*",
    "more & learn_more* hear_more* out_more* know_more*",
)


# One substring of a group with the words it is made of: "to share" is only looked for in
# the text when "to" and "share" are both words of the email.
_Sub = tuple[str, frozenset[str]]
_Group = tuple[frozenset[str], tuple[_Sub, ...]]
_Plan = tuple[
    frozenset[str], dict[str, tuple[int, ...]], tuple[tuple[str, int, tuple[_Group, ...]], ...]
]


def _sub_words(sub: str) -> frozenset[str]:
    """The words a substring of two words or more needs in the vocabulary (none for one word,
    which may run on: "explor" in "exploring"). Every vague phrase puts a word edge after the
    last word of each such substring, so each word is a whole token wherever it matches (the
    tests check it against the phrases)."""
    parts = sub.split(" ")
    return frozenset(parts) if len(parts) > 1 else frozenset()


def _plan(gates: dict[str, WordGate]) -> _Plan:
    """Both vague gates as one plan: per alternative its first group of whole words (the
    rarest: one set intersection finds the alternatives worth testing) and its other groups,
    each substring with the words it needs (a set test spares most scans of the text)."""
    by_key: dict[str, list[int]] = {}
    alts: list[tuple[str, int, tuple[_Group, ...]]] = []
    for key, gate in gates.items():
        for i, alt in enumerate(gate.alternatives):
            (first, first_subs), *rest = alt
            if first_subs:
                raise ValueError(f"vague gate {key} alternative {i} opens with a substring")
            for word in first:
                by_key.setdefault(word, []).append(len(alts))
            groups = tuple((words, tuple((s, _sub_words(s)) for s in subs)) for words, subs in rest)
            alts.append((key, i, groups))
    return frozenset(by_key), {w: tuple(ids) for w, ids in by_key.items()}, tuple(alts)


_VAGUE_PLAN = _plan({"anywhere": _VAGUE_ANYWHERE, "in_ask": _VAGUE_IN_ASK})


@cache
def _vague_one(key: str, i: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Phrase ``i`` of ``key`` alone: bare (it opens with letters, which ``re`` can skip to)
    and as ``_vague`` compiles it, between word edges."""
    phrase = load_terms("ask_vague")[key][i]
    return re.compile(phrase), compile_phrases([phrase], ignore_case=False)


def _passes(groups: tuple[_Group, ...], vocabulary: frozenset[str], text: str) -> bool:
    """Whether each group has a word in ``vocabulary`` or a substring in ``text`` (looked for
    only when its words are in ``vocabulary``)."""
    for words, subs in groups:
        if words.isdisjoint(vocabulary):
            for sub, needs in subs:  # a loop, not any(): no generator per group
                if needs <= vocabulary and sub in text:
                    break
            else:
                return False
    return True


def _vague_any(vocabulary: frozenset[str], text: str) -> bool:
    """Whether ``_vague("anywhere")`` or ``_vague("in_ask")`` matches ``text``: one does
    where one of its phrases does, and only the phrases whose gate alternative the email
    passes are searched, each on its own (bare first: no match without the word edges, none
    with them). The alternatives tried are those one of whose first words occurs."""
    keys, by_key, alts = _VAGUE_PLAN
    present = keys.intersection(vocabulary)
    if not present:
        return False
    if len(present) == 1:
        ids: tuple[int, ...] | set[int] = by_key[next(iter(present))]
    else:
        ids = set()
        for word in present:
            ids.update(by_key[word])
    for n in ids:
        key, i, groups = alts[n]
        if _passes(groups, vocabulary, text):
            bare, edged = _vague_one(key, i)
            if bare.search(text) is not None and edged.search(text) is not None:
                return True
    return False


class VagueAsk(Rule):
    """An ask with no topic: "a quick call to go over how we can help", "explore synergies".

    What it does
        Flags asks for a meeting or a connection about nothing in particular: "discuss how we
        can help your business", "explore potential synergies", "learn more about our
        services", "I'd love to connect", a bare "Let's talk.". An ask about a named problem
        ("15 minutes on your SDR ramp plan?") is specific and left alone.

    Why it matters
        A busy buyer protects their calendar; a meeting with no stated purpose is the easiest
        thing in their inbox to ignore. Say what the conversation is about and why it is worth
        their time.

    Principle
        002_a3c7499a1667f438 ("vaguebooking"): "a quick call… to go over how we can help" with
        "your IT infrastructure" is a big pot of nothing; target the pitch.
    """

    code = "A101"
    name = "vague-ask"
    severity = Severity.WARNING
    fix_title = "Name the specific problem or result the conversation is about"
    bad = (
        Example(
            "Hi Dana,\n\nWould you have time for a quick call next week to go over how we "
            "can help?",
            span="go over how we can help",
        ),
        Example(
            "Hi Dana,\n\nI'd love to find a time to connect and explore potential synergies "
            "between our teams.",
            span="explore potential synergies",
        ),
        Example(
            "Hi Dana,\n\nCan we schedule a demo so you can learn more about how we can help "
            "your business?",
            span="learn more about how we",
        ),
        Example("Hi Dana,\n\nLet's talk.", span="Let's talk."),
    )
    good = (
        Example(
            "Hi Dana,\n\nSaw the 12 SDR openings. Would 15 minutes on how you plan to ramp "
            "them be useful? Happy to share the checklist we use."
        ),
        Example(
            "Hi Dana,\n\nWe cut month-end close from 14 days to 2 for Carta. Worth a look "
            "at how that could work for your finance team?"
        ),
        Example(
            "Hi Dana,\n\nHere is how we can help: we take the bank runs off your managers' "
            "plates. Is cash handling on your list this quarter?",
            note="'how we can help' as a lead-in, not as the ask",
        ),
    )
    triggers = (
        _VAGUE_ANYWHERE.triggers | _VAGUE_IN_ASK.triggers
        if _VAGUE_ANYWHERE.triggers is not None and _VAGUE_IN_ASK.triggers is not None
        else None
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        text = low(doc, doc.content)
        vocabulary = doc.vocabulary
        if not _vague_any(vocabulary, text) or not is_english(doc):
            return  # no vague phrase (a phrase needs its gate alternative): no per-sentence work
        anywhere = _VAGUE_ANYWHERE.could_match(vocabulary, text)
        in_ask = _VAGUE_IN_ASK.could_match(vocabulary, text)
        count = 0
        for sent in doc.sentences:
            lowered = low(doc, sent)
            m = _vague("anywhere").search(lowered) if anywhere else None
            if m is None and in_ask and is_ask(lowered):
                m = _vague("in_ask").search(lowered)
            if m is None:
                continue
            yield self.hit(
                sent.start + m.start(),
                sent.start + m.end(),
                f"Vague ask: {quote(sent.text[m.start() : m.end()])} says nothing about what you "
                "would discuss or why",
                fix=self.advice(self.fix_title or ""),
            )
            count += 1
            if count >= 2:
                return


# ---- A102 multiple-asks --------------------------------------------------------------------


class MultipleAsks(Rule):
    """Asks for two different things at once (a call and a referral, a reply and a download).

    What it does
        Reads each asking sentence for what it asks for (a meeting, information, an action,
        an introduction) and flags the email when two different kinds of ask compete. Asking
        for the same meeting twice ("a call?… Tuesday or Thursday?") is one ask.

    Why it matters
        Each extra ask is another decision, and the reader who does not want to do one of
        them answers neither. Put each ask in its own email so one can move without the other.

    Principle
        003_56500c1ee79e2572 (tips for emailing CEOs): make it easy to reply; if there are
        multiple asks, separate them into multiple emails.
    """

    code = "A102"
    name = "multiple-asks"
    severity = Severity.WARNING
    fix_title = "Keep the one ask that matters most; send the others separately"
    bad = (
        Example(
            "Hi Dana,\n\nAre you free for a 20-minute call on Tuesday? Also, could you "
            "introduce me to whoever runs finance?",
            span="introduce me",
        ),
        Example(
            "Hi Dana,\n\nPlease send me your current price list. And would you be open to "
            "a demo next week?"
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nWould a 20-minute call on Tuesday work? If Tuesday is bad, is "
            "Thursday at 10 free?"
        ),
        Example(
            "Hi Dana,\n\nWould you mind pointing me to whoever owns onboarding? Happy to "
            "take it from there."
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        first: str | None = None
        for start, end, text in _ask_parts(doc):
            kind = ask_kind(text)
            if kind is None:
                continue
            if first is None:
                first = kind
            elif kind != first:
                yield self.hit(
                    start,
                    end,
                    f"A second ask: {kind} on top of {first}",
                    fix=self.advice(self.fix_title or ""),
                )
                return


_JOINED_ASK = lazy_compile(r",? (?:and|also|plus),? (?=(?:could|would|can|will) you\b)")


def _ask_parts(doc: Document) -> Iterator[tuple[int, int, str]]:
    """Each ask, with "…Tuesday, and could you send the deck?" split into its two asks."""
    for sent in ask_sentences(doc):
        text = low(doc, sent)
        if " you" not in text or not (" and" in text or " also" in text or " plus" in text):
            yield sent.start, sent.end, text  # no joined ask without these words
            continue
        pos = 0
        for cut in _JOINED_ASK.finditer(text):
            yield sent.start + pos, sent.start + cut.start(), text[pos : cut.start()]
            pos = cut.end()
        yield sent.start + pos, sent.end, text[pos:]


# ---- A103 no-ask ---------------------------------------------------------------------------

_SHARED_LINK = lazy_compile(
    r"^[ \t]*(?:https?://|www\.)\S+[ \t]*$|\bhere[’']s (?:what|how) (?!we\b|i\b)",
    re.MULTILINE,
)


class NoAsk(Rule):
    """A first touch that never says what the reader should do next.

    What it does
        On a first email (no earlier message sent in the history) flags a body with no
        question and no request at all. Follow-ups and drip content may inform without
        asking; with no history given, an email that says it is a follow-up ("following up on
        the below", a ``Re:`` subject) counts as one.

    Why it matters
        An email without an ask leaves the work of deciding what happens next to the buyer,
        who will not do it. A single easy question makes the reply one line long.

    Principle
        003_56500c1ee79e2572: "have 5 mins to chat this week?" is the better email because it
        ends in one clear, answerable ask; 004_adf2a3e1e6fa8705 adds that it is not the
        buyer's job to work out what you want.
    """

    code = "A103"
    name = "no-ask"
    severity = Severity.WARNING
    fix_title = "End with one specific question the prospect can answer in a line"
    bad = (
        Example(
            "Hi Dana,\n\nWe help logistics teams cut dispatch time. Our customers include "
            "regional carriers.\n\nBest,\nSam",
            span="Our customers include regional carriers.",
        ),
        Example(
            "Hi Dana,\n\nI'm starting a company in fashion retail and saw your profile "
            "through a friend."
        ),
    )
    good = (
        Example("Hi Dana,\n\nWe help logistics teams cut dispatch time. Worth 15 minutes?"),
        Example(
            "Hi Dana,\n\nWe just published the dispatch benchmark I mentioned.\n\n"
            "https://example.com/report",
            history=({"direction": "out", "sent_at": "2026-01-05", "body": "Hi Dana"},),
            note="a follow-up sharing content may carry no ask",
        ),
        Example(
            "Hi Dana,\n\nNoticed your pricing page has no sales contact. Happy to share "
            "what we have seen work if that would be useful."
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        if not doc.sentences or ask_sentences(doc) or looks_like_followup(doc, ctx):
            return
        if doc.subject and is_ask(doc.subject.lower()):
            return
        if _SHARED_LINK.search(
            low(doc, doc.content, flat=False)
        ):  # drip content: a resource, not a request
            return
        last = next((s for s in reversed(doc.sentences) if s.text.count(" ") >= 2), None)
        last = last or doc.sentences[-1]
        yield self.hit(
            last.start,
            last.end,
            "No ask: the email never says what you want the reader to do",
            fix=self.advice(self.fix_title or ""),
        )


# ---- A104 info-update-request --------------------------------------------------------------

_INFO_UPDATE = lazy_compile(
    r"\b(?:information|info|data|contact|record|profile|details) (?:update|verification|check)"
    r"|\b(?:update|confirm|verify|validate)"
    r" (?:your|the|some|a few|our)(?: (?:contact|company|account|business|personal|current))?"
    r" (?:information|info|details|data|records?|profile|listing|entry"
    r"|e-?mail address|phone number|mailing address|address)\b"
    r"|\b(?:update|confirm|verify) (?:the|your) names?(?: and (?:e-?mail|phone|title)s?)?"
    r"|\b(?:we are|we[’']re|i am|i[’']m) updating (?:our|my) (?:records|database|files|list|crm)"
    r"|\bkeep (?:our|my) (?:records|database|files|list) (?:up to date|current|accurate)"
    r"|\bupdate (?:our|my) (?:records|database|files|crm|list)\b"
)
_INFO_NOUNS = ("information", "info", "data", "contact", "record", "profile", "details")
_INFO_UPDATE_GATE = WordGate(  # a_b*: side by side in the flattened content
    " ".join(_INFO_NOUNS)
    + " & "
    + " ".join(f"{n}_{v}*" for n in _INFO_NOUNS for v in ("update", "verification", "check")),
    "update confirm verify validate & information info details data records record profile"
    " listing entry address number & "
    + " ".join(
        f"{v}_{d}*"
        for v in ("update", "confirm", "verify", "validate")
        for d in ("your", "the", "some", "a_few", "our")
    ),
    "update confirm verify & the your",
    "updating & our my & we i",
    "keep & keep_our* keep_my*",
    "update & our my & records database files crm list",
)


class InfoUpdateRequest(Rule):
    """Asks a stranger to update or confirm their information.

    What it does
        Flags requests to "update your information", "confirm your contact details", "verify
        your email address" or help "keep our records up to date" in a cold email. Describing
        a product that keeps records current is not a request and is left alone.

    Why it matters
        Nobody owes a stranger an "information update", and in an age of phishing it is
        exactly what a scam asks for: it costs trust and gets no reply.

    Principle
        002_a3c7499a1667f438: do not ask for "a few minutes of your time to update your
        information"; why would anyone give that to someone they do not know?
    """

    code = "A104"
    name = "info-update-request"
    severity = Severity.WARNING
    fix_title = "Drop the request; ask about their problem instead"
    triggers = _INFO_UPDATE_GATE.triggers
    bad = (
        Example(
            "Hi Dana,\n\nDo you have a few minutes to update your contact information for "
            "our records?",
            span="update your contact information",
        ),
        Example(
            "Hello,\n\nCould you please confirm your email address and phone number so we "
            "can keep our records up to date?",
            span="confirm your email address",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nOur sync keeps your CRM's contact data current without anyone "
            "typing. Worth a look for your ops team?"
        ),
        Example(
            "Hi Dana,\n\nI'll confirm the room for Tuesday's workshop once you reply. Does "
            "10am suit?"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        content = low(doc, doc.content)
        if not _INFO_UPDATE_GATE.could_match(doc.vocabulary, content) or not is_english(doc):
            return
        if _INFO_UPDATE.search(content) is None:
            return
        for sent in doc.sentences:
            lowered = low(doc, sent)
            m = _INFO_UPDATE.search(lowered)
            if m is None:
                continue
            if not (
                is_ask(lowered)
                or m.group(0).split()[0]
                in {"information", "info", "data", "contact", "record", "profile", "details"}
            ):
                continue
            yield self.hit(
                sent.start + m.start(),
                sent.start + m.end(),
                f"Information-update request ({quote(sent.text[m.start() : m.end()])}) from a "
                "stranger",
                fix=self.advice(self.fix_title or ""),
            )
            return


# ---- A105 reasonless-intro-request ---------------------------------------------------------

_INTRO = lazy_compile(
    r"\b(?:(?:could|can|would|will) you (?:please |kindly )?)?(?:introduce me|intro me"
    r"|connect me (?:to|with)|put me in touch(?: with)?|refer me to)\b"
    r"|\b(?:an?|the) (?:warm |quick |brief )?intro(?:duction)? (?:to|with)\b"
)


def _may_intro(text: str) -> bool:
    """Whether _INTRO could match the (lower-case, flattened) text: every match of it holds
    one of these (each "intro…" form holds "intro"). A few fast substring tests before a
    pattern that, opening with an optional part, is tried at every position."""
    return (
        "intro" in text
        or "connect me" in text
        or "put me in touch" in text
        or "refer me to" in text
    )


_INTRO_GATE = WordGate(
    "introduce & me",
    "intro & me",
    "connect & me & to with",
    "touch & me & put & in",
    "refer & me & to",
    "intro introduction & to with & a an the",
)
_REASON = lazy_compile(
    r"\b(?:because|since|given|so that|as (?:they|their|he|she|it)|they(?:[’']re|[’']ve| are"
    r"| have| just| recently| might| may| could| would| need| said| told| posted| mentioned)"
    r"|(?:their|his|her) (?:[\w-]+ ){0,2}(?:is|are|has|have|had|just|recently|needs?|wants?"
    r"|struggl\w*|spend\w*|los\w*|plans?|hiring|takes?)"
    r"|(?:he|she)(?:[’']s| is| has| just| recently| might| may| could| would| needs?)"
    r"|which (?:would|could|might)|could (?:save|help|cut|use|benefit)"
    r"|would (?:save|help|cut|benefit)"
    r"|(?:your|the|their) [\w-]+ (?:said|told|mentioned|posted|wrote|just|recently|needs?))\b"
    r"|\b\d+(?:\.\d+)?\s?(?:%|x\b|hours?\b|days?\b|weeks?\b)"
)


class ReasonlessIntroRequest(Rule):
    """Asks for an introduction without saying why the other side would want it.

    What it does
        Flags requests to "introduce me to", "put me in touch with" or "connect me with"
        someone when neither that sentence nor the ones around it give a reason the third
        party would care (their situation, what it would save them). Asking who the right
        person is, after a wrong-role guess, is not an introduction request.

    Why it matters
        An introducer spends their own credibility; they need the line to say when they pass
        you on. Without a reason for the other side, the request cannot be granted.

    Principle
        004_adf2a3e1e6fa8705: board members asked for intros reply "why do you think they have
        a need for this? what should I be saying when I suggest they talk to you?"
    """

    code = "A105"
    name = "reasonless-intro-request"
    severity = Severity.WARNING
    fix_title = "Say why the person you want to meet would care (their problem, your result)"
    triggers = _INTRO_GATE.triggers
    bad = (
        Example(
            "Hi Dana,\n\nI see you sit on the board of Helix. Could you introduce me to "
            "the right people there? We sell logistics software.",
            span="Could you introduce me",
        ),
        Example(
            "Hi Dana,\n\nWould you put me in touch with your CFO? Thanks!",
            span="put me in touch with",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nHelix just opened two new warehouses, and their dispatch team is "
            "hiring fast. Could you introduce me to their COO? We cut dispatch errors by "
            "a third for Orbit."
        ),
        Example(
            "Hi Dana,\n\nWould you mind pointing me to whoever owns payments at Helix? "
            "Happy to take it from there."
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not _INTRO_GATE.could_match(doc.vocabulary) or not is_english(doc):
            return
        content = low(doc, doc.content)
        if not _may_intro(content) or _INTRO.search(content) is None:
            return
        sents = doc.sentences
        for i, sent in enumerate(sents):
            m = _INTRO.search(low(doc, sent))
            if m is None:
                continue
            around = " ".join(low(doc, s) for s in sents[max(0, i - 2) : i + 2])
            around = around.replace(m.group(0), " ")
            if _REASON.search(around):
                continue
            yield self.hit(
                sent.start + m.start(),
                sent.start + m.end(),
                "Introduction request with no reason the other side would care",
                fix=self.advice(self.fix_title or ""),
            )
            return
