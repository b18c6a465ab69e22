"""Style rules: short, plain, written as a peer (seed 003: "short as a tweet", "be their equal").

Phrase rules are data (``terms/style_*.toml``) over :class:`PatternRule`; length, layout and
subject checks are small classes. Text quoted from an earlier message (a forwarded original,
"On … wrote:", "> " lines) is not the writer's own and is left out of length checks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ..text.ascii import WORD_CHARS
from ..text.patterns import lazy_compile
from .base import Example, Hit, Rule, Severity
from .style_text import START, FoldedPattern, PhraseRule, own_end

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document

SEED = "003_56500c1ee79e2572"

_JOHN_BAD = (
    "Hi John, I'm writing to set up some time with you this week. I am preparing our quarterly "
    "review and we are trying to pin down a few details about our potential partnership. I know "
    "that you are extremely busy, but it would be greatly appreciated if you could spare a few "
    "minutes so that we can go through the details of the agreement together. Please let me know "
    "the best way to set up a call with you and your team. Kind regards."
)


class TooLong(Rule):
    """The body is longer than a tweet-sized email (400 characters by default).

    What it does
        Counts the characters of the writer's own content (between greeting and sign-off,
        without quoted earlier messages) and flags it when it is over ``max_chars``.

    Why it matters
        A busy buyer reads a cold email on a phone in a few seconds. Past about 400 characters
        it needs scrolling and reads like a brochure; a short note reads like a peer asking a
        question.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs"): write emails as short as tweets;
        imagine a counter from 400 that will not let you send past zero.
    """

    code = "S101"
    name = "too-long"
    severity = Severity.WARNING
    fix_title = "Cut to one point and one ask"
    options: ClassVar[dict[str, int]] = {"max_chars": 400}
    bad = (
        Example(_JOHN_BAD, span="Hi John"),
        Example(
            "Hi Priya,\n\nYour team rolled out the new partner portal in March, and from the "
            "release notes it looks like onboarding partners still goes through a manual "
            "spreadsheet. We built a tool that imports partner records from any CRM and checks "
            "them for duplicates before they land, so your partner managers stop cleaning data "
            "by hand. Two logistics companies your size moved their whole partner list over in "
            "a week and cut their onboarding time in half.\n\nWorth a look next Tuesday?\n\n"
            "Best,\nOmar"
        ),
        Example(
            "Hi Lena,\n\nQuick one: can we talk about your renewal next week?\n\n-- Tom",
            options={"max_chars": 40},
            note="a tighter limit set in config",
        ),
    )
    good = (
        Example(
            "Hi John, have 10 mins to talk this week? Have a budget review coming up and need to "
            "agree on two small points first. Thx."
        ),
        Example(
            "Hi Priya,\n\nSaw the partner portal launch in March. Are partner records still "
            "cleaned by hand before import? We cut that step to minutes for two logistics teams "
            "your size.\n\nWorth a look next Tuesday?\n\nOmar\n\nOn Mon, 3 Mar 2025 at 09:12, "
            "Omar Haddad wrote:\n> Hi Priya, a much longer earlier note that went on about the "
            "product, its features, the pricing, the roadmap, the integrations, the security "
            "review, the references and everything else a buyer might ask about in a first "
            "meeting, which is exactly why it is quoted here and not counted.\n"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        limit = int(self.option(ctx, "max_chars"))
        start, end = doc.content.start, own_end(doc)
        n = end - start
        if n > limit:
            yield self.hit(
                start,
                end,
                f"{n} characters of body, {n - limit} over the {limit}-character bar",
                fix=self.advice(self.fix_title or ""),
            )


class Deferential(PhraseRule):
    """Deferential wording puts the writer beneath the reader.

    What it does
        Flags phrases that beg for time or apologise for writing: "I know that you are
        extremely busy", "it would be greatly appreciated if you could spare a few minutes",
        "sorry to bother you", "I don't mean to pester you".

    Why it matters
        Deference signals that the email is a favour asked, not value offered. Buyers answer
        peers who bring something useful; they deprioritise people who act like salespeople.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 5 "Be their equal", and "Don't Be
        A Salesperson"): write as a peer, not deferentially; you both have something to offer.
    """

    code = "S102"
    name = "deferential"
    severity = Severity.WARNING
    terms = "style_deferential"
    fix_title = "Drop the apology and ask plainly, as an equal"
    message = "deferential: {match!r} — write as a peer"
    bad = (
        Example(_JOHN_BAD, span="I know that you are extremely busy"),
        Example(
            "Hi Marta,\n\nSorry to bother you again. Could you spare a few minutes this week to "
            "look at the pilot results?\n\nThanks,\nLeo",
            span="Sorry to bother",
        ),
        Example(
            "Hi Sam, I know you get bombarded with vendor emails, so I would be very grateful "
            "for a reply.",
            span="I would be very grateful",
        ),
    )
    good = (
        Example(
            "Hi Marta,\n\nThe pilot cut your pick errors by a third. Have 10 minutes on Thursday "
            "to decide on the rollout?\n\nLeo"
        ),
        Example(
            "Hi Sam,\n\nI know your team is hiring four SDRs this quarter. Want the ramp plan we "
            "used at Fernhill? Happy to send it.\n\nThx,\nAna"
        ),
    )


class FormalFiller(PhraseRule):
    """Formal filler and ceremony that a peer would not write.

    What it does
        Flags stock formalities: "I'm writing to…", "I hope this email finds you well", "please
        do not hesitate to contact me", "at your earliest convenience", "thanks in advance",
        "Kind regards", "Dear Sir/Madam", "I wanted to reach out".

    Why it matters
        Ceremony costs the reader time and makes the email read like a template. People who
        do big deals write short and plain; marketers polish.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 2): don't worry about grammar
        and formalities; write short, quick and to the point.
    """

    code = "S103"
    name = "formal-filler"
    severity = Severity.SUGGESTION
    terms = "style_formal"
    region = "body"
    fix_title = "Delete the formality; start with the point"
    message = "formal filler: {match!r}"
    bad = (
        Example(_JOHN_BAD, span="I'm writing to"),
        Example(
            "Hi Dan,\n\nI hope this email finds you well. Could we move the review to "
            "Friday?\n\nKind regards,\nEva",
            span="I hope this email finds you well",
        ),
        Example(
            "Hi Dan,\n\nMoving the review to Friday works for us.\n\nBest regards,\nEva",
            span="Best regards",
        ),
    )
    good = (
        Example("Hi Dan,\n\nCan we move the review to Friday? Board prep is Thursday.\n\nEva"),
        Example(
            "Hi John, hope all is well. Following up on the below. Thx.\n\n"
            "On Tue, 4 Mar 2025, Eva wrote:\n> Can we move the review to Friday?"
        ),
    )


# A capital first, so that re only tries the pattern at capitals; the look-behind after it
# checks the character before that capital.
_CAPS_WORD = lazy_compile(r"[A-Z](?<![\w@/.{%\[<$|*][A-Z])[A-Z'’]{4,}(?![\w@/.}%\]>|*])")
_ACRONYMS = frozenset(
    {
        "HIPAA",
        "NASDAQ",
        "FINRA",
        "OSHA",
        "GAAP",
        "IFRS",
        "COBOL",
        "UNESCO",
        "NATO",
        "FIFA",
        "ASAP",
        "SAAS",
        "CISSP",
        "CCPA",
    }
)
_ASCII_CAPS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ'"
# Capitals and apostrophes as "U", anything else as ".": in ASCII text a shouted word is a run
# of five "U"s, which ``bytes.find`` spots many times faster than ``re`` scans for capitals.
_UPPER_RUNS = bytes(ord("U") if chr(b) in _ASCII_CAPS else ord(".") for b in range(256))


# The same for UTF-8 text, where "’" is the three bytes E2 80 99: those bytes count as "U"
# too. Other characters holding them can only add runs, so a text without a run of five still
# has no shouted word; with one, the offset is of bytes, not characters, and is not used.
_UPPER_RUNS_UTF8 = bytes(
    ord("U") if chr(b) in _ASCII_CAPS or b in (0xE2, 0x80, 0x99) else ord(".") for b in range(256)
)


def _shouting_from(body: str, start: int, end: int) -> int:
    """Where the first match of _CAPS_WORD could start (``end``: nowhere)."""
    if not body.isascii():
        runs = body[start:end].encode().translate(_UPPER_RUNS_UTF8)
        return end if runs.find(b"UUUUU") < 0 else start
    at = body[start:end].encode().translate(_UPPER_RUNS).find(b"UUUUU")
    return end if at < 0 else start + at


_BANGS = lazy_compile(r"[!?]*!{2,}[!?]*|\?+!+[!?]*")


class Hype(PhraseRule):
    """Hype: superlatives, pressure and shouting instead of proof.

    What it does
        Flags buzzwords and superlatives ("revolutionize", "game-changing", "world-class"),
        pressure ("limited time offer", "act now"), words shouted in capitals ("AMAZING") and
        stacked exclamation marks ("!!!").

    Why it matters
        Buyers have the information to check any claim; hype reads as a lack of substance and
        marks the sender as a salesperson to filter out, not a professional to answer.

    Principle
        002_a3c7499a1667f438 (avoid throwback mass-marketing tactics; be intentional and
        credible, not scammy) and 003_56500c1ee79e2572 (be a professional, not a salesperson).
    """

    code = "S104"
    name = "hype"
    severity = Severity.WARNING
    terms = "style_hype"
    fix_title = "Replace the superlative with a number or a customer's result"
    message = "hype: {match!r}"
    bad = (
        Example(
            "Hi Ines,\n\nOur game-changing platform will revolutionize your month-end close.\n\n"
            "Worth a call?\n\nKai",
            span="game-changing",
        ),
        Example(
            "Hi Ines,\n\nThis is a LIMITED offer for finance teams, ends FRIDAY!!!\n\nKai",
            span="LIMITED",
        ),
        Example(
            "Hi Ines,\n\nour world-class team can help you close faster.\n\nKai",
            span="world-class",
        ),
    )
    good = (
        Example(
            "Hi Ines,\n\nYour close takes 9 days per the last 10-K. Two CFO teams your size got "
            "theirs to 4 with our reconciliation tool.\n\nWorth 15 minutes on Thursday?\n\nKai"
        ),
        Example(
            "Hi Ines, we're HIPAA and SOC 2 audited, so your security review should be short. "
            "Call on Friday? Kai"
        ),
    )

    def find(self, doc: Document, ctx: Context) -> list[Hit]:
        hits = super().find(doc, ctx)
        content = doc.content
        first = _shouting_from(doc.body, content.start, content.end)
        for m in _CAPS_WORD.finditer(doc.body, first, content.end):
            word = m.group(0).rstrip("'’")
            if word in _ACRONYMS:
                continue
            hits.append(self.hit(m.start(), m.end(), f"hype: {word!r} shouted in capitals"))
        body, start, end = doc.body, content.start, content.end
        # every match holds "!!" or "?!" (one "!" after "?"): two fast substring tests
        if body.find("!!", start, end) != -1 or body.find("?!", start, end) != -1:
            for m in _BANGS.finditer(body, start, end):
                hits.append(self.hit(m.start(), m.end(), f"hype: {m.group(0)!r}"))
        hits.sort(key=lambda h: h.start)
        return hits[: self.max_hits]


# A line break after terminal punctuation (or before a bullet) is a visual break; a break in
# the middle of a sentence is hard wrapping and does not make the block any easier to read.
_VISUAL_BREAK = lazy_compile(r"(?<=[.!?:…)\"”])[ \t]*\n|\n(?=[ \t]*(?:[-*•·]|\d{1,2}[.)])[ \t])")


class WallOfText(Rule):
    """A long unbroken block of text.

    What it does
        Splits the content into visual blocks (blank lines, or line breaks after a full stop)
        and flags any block longer than ``max_block_chars`` that holds several sentences.

    Why it matters
        A dense block is skipped on a phone. Short blocks, each one thought, let the reader see
        the point and the ask at a glance.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 1): short enough to read on a
        phone without scrolling, like a tweet.
    """

    code = "S105"
    name = "wall-of-text"
    severity = Severity.SUGGESTION
    fix_title = "Break it into two or three short paragraphs, one thought each"
    options: ClassVar[dict[str, int]] = {"max_block_chars": 400, "min_sentences": 3}
    bad = (
        Example(
            "Hi Noor, we run payroll for restaurant groups and I think there is a fit because "
            "your group opened four new sites this year and every new site adds a payroll "
            "entity that someone in finance has to set up and reconcile by hand each month. Our "
            "customers in hospitality tell us that work takes a few days per site per quarter. "
            "We connect to the point-of-sale system, pull hours and tips automatically and file "
            "the returns for every entity in one go. Groups like yours usually recover most of "
            "that time within the first quarter. Could we show your controller how it works "
            "next week?",
            span="we run payroll",
        ),
        Example(
            "Noor -- short intro below.\n\nWe run payroll for restaurant groups. Every new site "
            "you open adds an entity that finance sets up and reconciles by hand each month, and "
            "our customers in hospitality say that costs days per site per quarter. We connect "
            "to the point-of-sale system, pull hours and tips and file the returns for every "
            "entity at once, and most groups of your size recover all of that time in the first "
            "quarter after switching.\n\nNext "
            "week?",
            span="We run payroll",
        ),
    )
    good = (
        Example(
            "Hi Noor,\n\nFour new sites this year means four more payroll entities to reconcile "
            "by hand.\n\nWe pull hours and tips from the POS and file every entity at once; "
            "hospitality groups recover that time in a quarter.\n\nShow your controller next "
            "week?\n\n-- Kai"
        ),
        Example(
            "Hi Noor,\nFour new sites this year means four more payroll entities to reconcile by "
            "hand each month, and each one takes someone in finance most of a day.\nWe connect "
            "to the point-of-sale system, pull hours and tips and file every entity at once, so "
            "the monthly close stops depending on one person.\nHospitality groups your size "
            "recover most of that time within a quarter.\nWorth showing your controller next "
            "week?\nKai"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        limit = int(self.option(ctx, "max_block_chars"))
        min_sentences = int(self.option(ctx, "min_sentences"))
        end = own_end(doc)
        body = doc.body
        for para in doc.paragraphs:
            if para.start >= end or para.end - para.start <= limit:
                continue
            pos = para.start
            stop = min(para.end, end)
            cuts = [stop]
            if body.find("\n", para.start, stop) != -1:  # every visual break holds one
                cuts[:0] = [m.start() for m in _VISUAL_BREAK.finditer(body, para.start, stop)]
            for cut in cuts:
                block = body[pos:cut]
                lead = len(block) - len(block.lstrip())
                a, b = pos + lead, pos + len(block.rstrip())
                if b - a > limit:
                    sentences = doc.sentences
                    n = bisect_left(sentences, b, key=START) - bisect_left(sentences, a, key=START)
                    if n >= min_sentences:
                        yield self.hit(
                            a,
                            b,
                            f"a {b - a}-character block of {n} sentences with no break",
                            fix=self.advice(self.fix_title or ""),
                        )
                        return
                pos = cut + 1


_GENERIC_SUBJECT = lazy_compile(
    r"(?:(?:re|fwd?)\s*:\s*)*(?:(?:a\s+)?quick\s+(?:question|q|chat|call|note|one)|question"
    r"|(?:just\s+)?(?:checking|touching)\s+(?:in|base)|touch\s+base|following\s+up|follow[- ]up"
    r"|hello|hi|hey|hi\s+there|hello\s+there|introduction|intro|meeting(?:\s+request)?"
    r"|(?:business|partnership|exciting|great)\s+opportunity|partnership|collaboration"
    r"|important|request|(?:a\s+)?proposal|time[- ]sensitive|thoughts|connecting)"
    r"[\s?!.…]*",
    re.IGNORECASE,
)
# A word every generic subject holds (as a whole word, whatever its case): a subject of
# plain ASCII holding none of them is not generic, which a split tells faster than the pattern.
_GENERIC_WORDS = frozenset(
    [
        "quick",
        "question",
        "checking",
        "touching",
        "touch",
        "following",
        "follow",
        "hello",
        "hi",
        "hey",
        "introduction",
        "intro",
        "meeting",
        "opportunity",
        "partnership",
        "collaboration",
        "important",
        "request",
        "proposal",
        "time",
        "thoughts",
        "connecting",
    ]
)


def _maybe_generic(subject: str) -> bool:
    """Whether _GENERIC_SUBJECT could match the whole subject."""
    if not subject.isascii():
        return True
    words = subject.encode().translate(WORD_CHARS).decode().split()
    return not _GENERIC_WORDS.isdisjoint(words)


_CLICKBAIT = FoldedPattern(  # searched folded: see style_text.FoldedPattern
    r"(?<!\w)(?:urgent|asap|act\s+now|limited[- ]time|last\s+chance|don[’']?t\s+miss"
    r"|you\s+won[’']?t\s+believe|free\s+(?:trial|offer|gift|money)|guaranteed|100%\s+free"
    r"|open\s+(?:me|immediately)|final\s+notice|exclusive\s+offer|congratulations,?\s+you)"
    r"(?!\w)|!{2,}|\${2,}",
)
# A word each alternative of _CLICKBAIT cannot match without (as Document.vocabulary splits
# and folds it: "don't" gives "don"); the two runs of symbols are tested as substrings.
_CLICKBAIT_WORDS = frozenset(
    [
        "urgent",
        "asap",
        "act",
        "limited",
        "last",
        "don",
        "dont",
        "believe",
        "free",
        "guaranteed",
        "open",
        "final",
        "exclusive",
        "congratulations",
    ]
)
_FAKE_THREAD = lazy_compile(
    r"\s*((?:re|fwd?)\s*:|following up|circling back|as (?:promised|discussed)"
    r"|per our (?:conversation|call|chat))",
    re.IGNORECASE,
)
_SUBJECT_WORD = lazy_compile(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "via",
        "vs",
        "with",
        "your",
        "our",
        "my",
    ]
)


class SubjectLine(Rule):
    """A weak subject line: shouting, clickbait, generic, headline-cased or over-long.

    What it does
        Flags a subject in ALL CAPS; with urgency or clickbait ("URGENT", "limited time",
        "!!!"); that says nothing ("Quick question", "Following up", "Partnership opportunity");
        written in Title Case Like An Ad; or longer than ``max_length`` characters. With
        ``require_subject`` it also flags a missing subject, and with history given it flags a
        first touch that pretends to a conversation ("Re:", "Following up on our call").

    Why it matters
        The subject decides whether the email is opened. A buyer filters out what looks like
        mass marketing; a plain, specific subject about their business reads like a note from
        a peer.

    Principle
        002_a3c7499a1667f438 (mass-marketing tactics are over; be intentional and credible) and
        003_56500c1ee79e2572 (short, plain, written as an equal).
    """

    code = "S106"
    name = "subject-line"
    severity = Severity.WARNING
    fix_title = "Name the prospect's topic in a few plain lower-case words"
    options: ClassVar[dict[str, object]] = {"max_length": 60, "require_subject": False}
    bad = (
        Example("Subject: URGENT: your Q3 pipeline\n\nHi Ana, got 5 mins?", span="URGENT"),
        Example("Subject: Quick question\n\nHi Ana, got 5 mins?", span="Quick question"),
        Example("Subject: SAVE ON FREIGHT TODAY\n\nHi Ana, got 5 mins?", span="SAVE ON FREIGHT"),
        Example("Subject: Streamline Your Freight Operations\n\nHi Ana, got 5 mins?"),
        Example(
            "Subject: A few thoughts on how our platform could help your freight team cut "
            "costs this year\n\nHi Ana, got 5 mins?"
        ),
        Example("Hi Ana, got 5 mins?", options={"require_subject": True}),
    )
    good = (
        Example("Subject: quick question about Fernhill's Rotterdam lane\n\nHi Ana, got 5 mins?"),
        Example("Subject: Q3 freight costs at Fernhill\n\nHi Ana, got 5 mins?"),
        Example("Hi Ana, got 5 mins?", note="no subject given and none required"),
        Example("Subject: IFRS 16 and your DHL leases\n\nHi Ana, got 5 mins?"),
        Example(
            "Subject: Idea for Blue Harbor Freight Lines\n\nHi Ana, got 5 mins?",
            prospect={"name": "Ana Ruiz", "company": "Blue Harbor Freight Lines"},
            note="capitalised because it is their name",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        subject = doc.subject
        if not subject:
            if self.option(ctx, "require_subject"):
                yield self.hit(
                    0, 0, "no subject line", in_subject=True, fix=self.advice(self.fix_title or "")
                )
            return
        yield from self._weaknesses(subject, doc.vocabulary, ctx)

    def _weaknesses(self, subject: str, vocabulary: frozenset[str], ctx: Context) -> Iterator[Hit]:
        found = self._spans(subject, vocabulary, ctx)
        if found:
            fix = self.advice(self.fix_title or "")  # one advice for them all
            for start, end, message in found:
                yield self.hit(start, end, message, in_subject=True, fix=fix)

    def _spans(
        self, subject: str, vocabulary: frozenset[str], ctx: Context
    ) -> list[tuple[int, int, str]]:
        """Each weakness of the subject: where it is and what to say. ``vocabulary`` holds
        the words of the subject (and body): a clickbait phrase is searched for only when one
        of the words it needs is there."""
        n = len(subject)
        out: list[tuple[int, int, str]] = []
        if _shouted(subject):
            out.append((0, n, "subject in capitals reads as shouting"))
        bait = not _CLICKBAIT_WORDS.isdisjoint(vocabulary) or "!!" in subject or "$$" in subject
        m = _CLICKBAIT.search_text(subject) if bait else None
        if m is not None:
            found = subject[m.start() : m.end()]
            out.append((m.start(), m.end(), f"clickbait/urgency in subject: {found!r}"))
        if _maybe_generic(subject) and _GENERIC_SUBJECT.fullmatch(subject.strip()):
            out.append((0, n, f"generic subject {subject!r} says nothing about them"))
        elif _headline_case(subject, _names(ctx)):
            out.append((0, n, "subject in Title Case reads like an ad"))
        limit = int(self.option(ctx, "max_length"))
        if n > limit:
            out.append((0, n, f"subject is {n} characters (over {limit})"))
        if ctx.history is not None and not ctx.outbound and not ctx.inbound:
            fake = _FAKE_THREAD.match(subject)
            if fake:
                out.append(
                    (
                        fake.start(1),
                        fake.end(1),
                        f"{fake.group(1)!r} on a first email pretends to a conversation",
                    )
                )
        return out


_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()


def _shouted(subject: str) -> bool:
    """Eight letters or more, over 80% of them capitals (ASCII: counted by deleting bytes)."""
    if subject.isascii():
        raw = subject.encode()
        n_letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
        n_upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
    else:
        letters = "".join(filter(str.isalpha, subject))
        n_letters, n_upper = len(letters), sum(map(str.isupper, letters))
    return n_letters >= 8 and n_upper / n_letters > 0.8


def _names(ctx: Context) -> frozenset[str]:
    """Lower-cased words of the prospect's name and company: capitalised for a reason."""
    p = ctx.prospect
    if p is None:
        return frozenset()
    return frozenset(w.lower() for w in _SUBJECT_WORD.findall(f"{p.name} {p.company}"))


def _headline_case(subject: str, names: frozenset[str] = frozenset()) -> bool:
    """Written Like An Ad: a small word capitalised mid-subject ("Transform Your Sales"), or
    three or more capitalised words after the first (names of the prospect excepted)."""
    words = _SUBJECT_WORD.findall(subject)
    if len(words) < 3 or subject.isupper():
        return False
    rest = [w for w in words[1:] if w.lower() not in names]
    if any(w[0].isupper() and w.lower() in _SMALL_WORDS for w in rest):
        return True
    caps = [w for w in rest if w[0].isupper() and not w.isupper() and w.lower() not in _SMALL_WORDS]
    return len(caps) >= 3
