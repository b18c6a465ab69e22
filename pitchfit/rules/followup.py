"""Follow-up rules: brief, a few days apart, forward the original, and stop at "no".

All of them need the thread's history (earlier messages out and in); without it they are
skipped and say so. Timing uses ``ctx.now`` and business days (Monday to Friday).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from ..text.patterns import lazy_compile
from .base import Example, Hit, Rule, Severity
from .kinds import load_terms
from .style_text import (
    QUOTE_START,
    FoldedPattern,
    Gate,
    PhraseList,
    folding,
    own_end,
    own_text,
    wrap_tolerant,
)

if TYPE_CHECKING:
    from ..engine import Context
    from ..models import HistoryMessage
    from ..text.document import Document

SEED = "003_56500c1ee79e2572"
NO_INTENTS = frozenset({"not_interested", "unsubscribe"})
REOPEN_INTENTS = frozenset({"interested", "question"})

_FIRST = "Hi Omar,\n\nYour warehouse in Ghent ships 40% more parcels since May. We cut pick errors by a third for two 3PLs that size. Worth 15 minutes on Thursday?\n\nLea"  # noqa: E501


def _out(when: str, body: str = _FIRST, **extra: Any) -> dict[str, Any]:
    return {"direction": "out", "sent_at": when, "body": body, **extra}


def _in(when: str, body: str, **extra: Any) -> dict[str, Any]:
    return {"direction": "in", "sent_at": when, "body": body, **extra}


def business_days_between(start: datetime, end: datetime) -> int:
    """Weekdays after ``start``'s date up to and including ``end``'s date (Mon→Wed = 2)."""
    a, b = start.date(), end.date()
    if b <= a:
        return 0
    days = (b - a).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    day = a + timedelta(days=weeks * 7)
    for _ in range(rest):
        day += timedelta(days=1)
        if day.weekday() < 5:
            count += 1
    return count


def _unanswered(ctx: Context) -> list[HistoryMessage]:
    """Outbound messages since their last reply (all of them when they never replied)."""
    last_in = ctx.inbound[-1].sent_at if ctx.inbound else None
    return [m for m in ctx.outbound if last_in is None or m.sent_at > last_in]


def _lead(doc: Document) -> tuple[int, int]:
    """A span to hang a whole-email finding on: the first sentence, else the body."""
    if doc.sentences:
        first = doc.sentences[0]
        return first.start, first.end
    return 0, len(doc.body.rstrip())


class FollowupTooSoon(Rule):
    """A follow-up sent less than two business days after the last email.

    What it does
        Counts business days between the last outbound message and now; flags a follow-up
        under ``min_business_days`` (2 by default). A reply to something they wrote is not a
        follow-up and is left alone.

    Why it matters
        Chasing the next morning reads as pressure and as a robot. Busy people answer
        professionals in their own time; a few days' gap is what a peer would leave.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 3): if you don't hear back,
        give it a few days, then resend.
    """

    code = "F101"
    name = "followup-too-soon"
    severity = Severity.WARNING
    needs = ("history",)
    fix_title = "Wait a few business days before following up"
    options: ClassVar[dict[str, int]] = {"min_business_days": 2}
    bad = (
        Example(
            "Hi Omar, following up on the below. Thx.",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-04T09:00:00Z",
            note="Monday, then Tuesday",
        ),
        Example(
            "Hi Omar,\n\nAny thoughts on the below?\n\nLea",
            history=(_out("2025-03-07T16:00:00Z"),),
            now="2025-03-10T08:00:00Z",
            note="Friday, then Monday: one business day",
        ),
        Example(
            "Hi Omar,\n\nAny thoughts on the below?\n\nLea",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-06T09:00:00Z",
            options={"min_business_days": 5},
        ),
    )
    good = (
        Example(
            "Hi Omar,\n\nAny thoughts on the below?\n\nLea",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-06T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nThursday 10:00 works, invite sent.\n\nLea",
            history=(
                _out("2025-03-03T09:00:00Z"),
                _in("2025-03-03T11:00:00Z", "Sure, Thursday morning?"),
            ),
            now="2025-03-03T12:00:00Z",
            note="answering their reply the same day is fine",
        ),
        Example("Hi Omar,\n\nFirst note, no history yet.\n\nLea", now="2025-03-03T09:00:00Z"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        pending = _unanswered(ctx)
        if not pending:
            return
        minimum = int(self.option(ctx, "min_business_days"))
        days = business_days_between(pending[-1].sent_at, ctx.now)
        if days < minimum:
            start, end = _lead(doc)
            yield self.hit(
                start,
                end,
                f"follow-up {days} business day(s) after the last email (wait at least {minimum})",
                fix=self.advice(self.fix_title or ""),
            )


class TooManyTouches(Rule):
    """Too many unanswered emails: more than four touches with no reply.

    What it does
        Counts outbound emails since their last reply (or ever, if they never replied); flags
        this email when it would be touch number ``max_touches + 1`` or later.

    Why it matters
        Past a few polite follow-ups, silence is an answer. Each further touch costs goodwill
        and marks the sender as a salesperson pushing an agenda, not a professional.

    Principle
        003_56500c1ee79e2572 ("Don't Be A Salesperson"): the harder you push your agenda, the
        less interested the prospect becomes; walk away from people who aren't interested.
    """

    code = "F102"
    name = "too-many-touches"
    severity = Severity.WARNING
    needs = ("history",)
    fix_title = "Stop here; move them to a later nurture list or ask once if it is a no"
    options: ClassVar[dict[str, int]] = {"max_touches": 4}
    bad = (
        Example(
            "Hi Omar,\n\nFollowing up on the below.\n\nLea",
            history=tuple(_out(f"2025-03-{d:02d}T09:00:00Z") for d in (3, 6, 11, 14)),
            now="2025-03-19T09:00:00Z",
            note="fifth touch, never a reply",
        ),
        Example(
            "Hi Omar,\n\nFollowing up on the below.\n\nLea",
            history=(
                _out("2025-02-03T09:00:00Z"),
                _in("2025-02-04T09:00:00Z", "Let's talk in March."),
                *(_out(f"2025-03-{d:02d}T09:00:00Z") for d in (3, 6, 11)),
            ),
            now="2025-03-19T09:00:00Z",
            options={"max_touches": 3},
        ),
    )
    good = (
        Example(
            "Hi Omar,\n\nFollowing up on the below.\n\nLea",
            history=tuple(_out(f"2025-03-{d:02d}T09:00:00Z") for d in (3, 6, 11)),
            now="2025-03-19T09:00:00Z",
            note="fourth touch",
        ),
        Example(
            "Hi Omar,\n\nGreat, sending the contract now.\n\nLea",
            history=(
                *(_out(f"2025-03-{d:02d}T09:00:00Z") for d in (3, 6, 11, 14)),
                _in("2025-03-17T09:00:00Z", "OK, send the contract."),
            ),
            now="2025-03-19T09:00:00Z",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        touch = len(_unanswered(ctx)) + 1
        limit = int(self.option(ctx, "max_touches"))
        if touch > limit:
            start, end = _lead(doc)
            yield self.hit(
                start,
                end,
                f"touch {touch} with no reply (limit {limit})",
                fix=self.advice(self.fix_title or ""),
            )


_STOP_WORDS = """about after again also been before being below between both could does doing from
have having here into just know last more most much need next only other over same some still
such than that their them then there these they this those through under very want wanted were
what when where which while will with would your yours you're thanks hope week weeks"""
_STOP = frozenset(_STOP_WORDS.split())
_CONTENT_WORD = lazy_compile(r"[^\W\d_]{4,}")
_RESTATE = PhraseList.of(
    [
        (
            "as I (?:mentioned|said|wrote|explained)(?: (?:in|before|earlier|last))?",
            "mentioned said wrote explained",
        ),
        ("(?:just )?to (?:recap|reiterate|remind you)", "recap reiterate remind"),
        ("as a (?:quick )?reminder,? (?:we|our)", "reminder"),
        ("in case you missed (?:it|my (?:last|previous) (?:email|note)),? (?:we|our)", "missed"),
    ]
)


def _words(text: str) -> set[str]:
    return set(map(str.lower, _CONTENT_WORD.findall(text))) - _STOP


@lru_cache(maxsize=512)
def _sent_words(body: str) -> frozenset[str]:
    """The key words of an earlier message's own text (a campaign checks the same ones often)."""
    return frozenset(_words(own_text(_document(body))))


class FollowupRepitch(Rule):
    """A follow-up that pitches again instead of forwarding the original.

    What it does
        On a follow-up (an earlier email had no reply), flags the writer's own text when it
        restates the earlier pitch (most of its words again, or "as I mentioned…") or runs
        longer than ``max_chars``. Text quoted from the original does not count.

    Why it matters
        A second pitch is a second thing to read and decide on. Forwarding the original with
        one line keeps the context in one place and costs the reader seconds.

    Principle
        003_56500c1ee79e2572 ("5 Tips For Emailing CEOs", tip 3): forward the initial email
        and say something like "Hope all is well. Following up on the below. Thx."
    """

    code = "F103"
    name = "followup-repitch"
    severity = Severity.WARNING
    needs = ("history",)
    fix_title = "Forward the original with one line: 'Following up on the below.'"
    options: ClassVar[dict[str, int]] = {"max_chars": 300}
    bad = (
        Example(
            "Hi Omar,\n\nYour warehouse in Ghent ships 40% more parcels since May, and we cut pick "
            "errors by a third for two 3PLs that size. Worth 15 minutes on Thursday?\n\nLea",
            span="Your warehouse in Ghent",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-07T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nAs I mentioned in my last note, we help 3PLs cut pick errors. Thursday?"
            "\n\nLea",
            span="As I mentioned",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-07T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nOne more thing: our scanners also integrate with every major WMS, "
            "support offline mode on the floor, come with a two-year warranty, ship with "
            "training for your team leads, include a dashboard for error trends per shift and "
            "per picker, and can be rented per month in peak season so you never pay for idle "
            "hardware in the quiet months.\n\nLea",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-07T09:00:00Z",
        ),
    )
    good = (
        Example(
            "Hi Omar, hope all is well. Following up on the below. Thx.\n\n"
            f"On Mon, 3 Mar 2025, Lea wrote:\n> {_FIRST.replace(chr(10), ' ')}",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-07T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nThursday works, see you at the Ghent site at 10.\n\nLea",
            history=(
                _out("2025-03-03T09:00:00Z"),
                _in("2025-03-04T09:00:00Z", "Yes, come by Thursday."),
            ),
            now="2025-03-05T09:00:00Z",
            note="a reply to their answer, not a follow-up",
        ),
        Example(
            "Hi Omar,\n\nThe peak-season error report we put together for 3PLs came out today, "
            "thought it might help: https://example.com/report\n\nLea",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-07T09:00:00Z",
            note="something new, briefly",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        pending = _unanswered(ctx)
        if not pending:
            return
        start, end = doc.content.start, own_end(doc)
        if end <= start:
            return
        text = doc.body[start:end]
        fix = self.advice(self.fix_title or "")
        # (the own text starts after white space: as a search of ``text`` alone would)
        m = _RESTATE.search(folding(doc), doc.body, start, end)
        if m:
            yield self.hit(m.start(), m.end(), "follow-up restates the pitch", fix=fix)
            return
        mine = _words(text)
        before: set[str] = set()
        for msg in pending:
            before |= _sent_words(msg.body)
        shared = mine & before
        if len(shared) >= 6 and len(shared) >= 0.5 * len(mine):
            yield self.hit(
                start,
                end,
                f"follow-up repeats the earlier pitch ({len(shared)} of its {len(mine)} key words)",
                fix=fix,
            )
            return
        limit = int(self.option(ctx, "max_chars"))
        if end - start > limit:
            yield self.hit(
                start,
                end,
                f"a {end - start}-character follow-up pitches again "
                f"(keep it under {limit} and forward the original)",
                fix=fix,
            )


def _document(body: str) -> Document:
    from ..text.document import Document

    return Document(body)


_NO_FALLBACK = lazy_compile(
    r"(?<!\w)(?:not interested|no,? thanks?|no thank you|unsubscribe|remove me|take me off"
    r"|stop (?:emailing|contacting|sending)|please stop|don[’']?t (?:email|contact) me"
    r"|do not (?:email|contact) me|we[’']?re not (?:looking|buying|interested))(?!\w)",
    re.IGNORECASE,
)


def _intents(ctx: Context) -> list[tuple[HistoryMessage, str]]:
    """Each inbound message with its intent, from the reply classifier.

    An explicit "not interested" / "unsubscribe" / "remove me" always counts as a no, whatever
    the classifier thinks: a missed no costs far more than a held email. Until the classifier
    module is installed, that phrase list stands in for it.
    """
    try:
        pairs = [(m, str(d.get("intent", ""))) for m, d in ctx.reply_intents]
    except ModuleNotFoundError as exc:
        if exc.name != "pitchfit.replies.classify":
            raise
        pairs = [(m, "") for m in ctx.inbound]
    return [
        (m, "not_interested" if intent not in NO_INTENTS and _explicit_no(m.body) else intent)
        for m, intent in pairs
    ]


def _explicit_no(body: str) -> bool:
    """An explicit no in their own words (quoted text, e.g. our footer, is left out)."""
    quote = QUOTE_START.search(body)
    return bool(_NO_FALLBACK.search(body[: quote.start()] if quote else body))


class IgnoresNo(Rule):
    """Writing again to someone who said no.

    What it does
        Classifies their earlier replies (the reply classifier); when one said no (not
        interested, or unsubscribe) and nothing they wrote since reopened the door, any
        further email is an error — in this thread or through another campaign.

    Why it matters
        A "no" must end the outreach. Writing again, even from a misconfigured robot or a new
        campaign, tells the buyer you don't listen and costs you every future contact.

    Principle
        002_a3c7499a1667f438 ("Never, ever, going away": a misconfigured CRM robot that keeps
        writing after a no makes you look bad) and 000_89adfda597195df7 (a polite no is data:
        ask once what would make them buy, then stop).
    """

    code = "F104"
    name = "ignores-no"
    severity = Severity.ERROR
    needs = ("history",)
    fix_title = "Do not send: they said no; suppress the contact in every campaign"
    bad = (
        Example(
            "Hi Omar,\n\nFollowing up on the below. Thx.\n\nLea",
            history=(
                _out("2025-03-03T09:00:00Z"),
                _in("2025-03-04T09:00:00Z", "Thanks, but we're not interested. Please remove me."),
            ),
            now="2025-03-10T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nNew this spring: our pick-error dashboard. Worth a look?\n\nLea",
            history=(
                _out("2024-10-01T09:00:00Z", campaign="autumn"),
                _in("2024-10-02T09:00:00Z", "Not interested, thanks.", campaign="autumn"),
            ),
            now="2025-04-01T09:00:00Z",
            note="a new campaign does not reset a no",
        ),
    )
    good = (
        Example(
            "Hi Omar,\n\nThursday at 10 it is.\n\nLea",
            history=(
                _out("2025-03-03T09:00:00Z"),
                _in("2025-03-04T09:00:00Z", "Sounds interesting. Can you do Thursday at 10?"),
            ),
            now="2025-03-05T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nFollowing up on the below.\n\nLea",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-07T09:00:00Z",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        last_no: HistoryMessage | None = None
        for msg, intent in _intents(ctx):
            if intent in NO_INTENTS:
                last_no = msg
            elif intent in REOPEN_INTENTS and last_no is not None and msg.sent_at > last_no.sent_at:
                last_no = None
        if last_no is None:
            return
        where = f" (campaign {last_no.campaign})" if last_no.campaign else ""
        start, end = _lead(doc)
        yield self.hit(
            start,
            end,
            f"they said no on {last_no.sent_at.date().isoformat()}{where}: no means no",
            fix=self.advice(self.fix_title or ""),
        )


def _guilt(key: str, needs: str) -> Callable[[], tuple[list[str], list[str] | None]]:
    def make() -> tuple[list[str], list[str] | None]:
        terms = load_terms("followup_guilt")
        return [wrap_tolerant(p) for p in terms[key]], terms[needs]

    return make


GUILT = PhraseList(_guilt("patterns", "words"))
SILENCE = PhraseList(_guilt("silence", "silence_words"))
_RELEASE = FoldedPattern(
    lambda: "|".join(f"(?:{p})" for p in load_terms("followup_guilt")["release"])
)


def guilt_gate() -> Gate:
    """What every guilt pattern needs: when none occurs, there is no guilt trip."""
    gate = GUILT.gate()
    assert gate is not None
    return gate


class GuiltTrip(Rule):
    """Guilt trips and pressure in a follow-up.

    What it does
        Flags "did you get my email?", "did I do something wrong?", "I've sent you several
        emails", "this is my last attempt", "you'll never hear from me again", and "I haven't
        heard back" unless the same sentence lets them off the hook ("totally understand").

    Why it matters
        Silence is not a debt. Guilt and breakup pressure make the reader the problem, and a
        professional who is made to feel guilty stops answering for good.

    Principle
        003_56500c1ee79e2572 ("Don't Be A Salesperson": pushing your agenda harder makes the
        prospect less interested; resend briefly instead, tip 3 of "5 Tips For Emailing CEOs").
    """

    code = "F105"
    name = "guilt-trip"
    severity = Severity.WARNING
    needs = ("history",)
    fix_title = "Drop the reproach; forward the original with one line"
    bad = (
        Example(
            "Hi Omar,\n\nDid you get my email last week? Would love your thoughts.\n\nLea",
            span="Did you get my email",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-10T09:00:00Z",
        ),
        Example(
            "Hi Omar,\n\nI haven't heard back, so I wanted to make sure this reached you.\n\nLea",
            span="haven't heard back",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-10T09:00:00Z",
        ),
        Example(
            "Subject: did I do something wrong?\n\nHi Omar,\n\nThis is my last email, promise.\n\n"
            "Lea",
            span="did I do something wrong",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-10T09:00:00Z",
        ),
    )
    good = (
        Example(
            "Hi Omar,\n\nI haven't heard back -- totally understand, timing may be off. I'll "
            "close this out on my side.\n\nLea",
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-10T09:00:00Z",
        ),
        Example(
            "Hi Omar, hope all is well. Following up on the below. Thx.\n\n> " + _FIRST,
            history=(_out("2025-03-03T09:00:00Z"),),
            now="2025-03-10T09:00:00Z",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        fold = folding(doc)
        fix = self.advice(self.fix_title or "")
        subject = doc.subject
        if subject and guilt_gate().admits(fold):
            for m in GUILT.finditer_text(subject):
                yield self.hit(
                    m.start(),
                    m.end(),
                    f"guilt trip in subject: {subject[m.start() : m.end()]!r}",
                    in_subject=True,
                    fix=fix,
                )
                break
        body, start, end = doc.body, doc.content.start, own_end(doc)
        for count, m in enumerate(GUILT.finditer(fold, body, start, end), 1):
            found = body[m.start() : m.end()]
            yield self.hit(m.start(), m.end(), f"guilt trip: {found!r}", fix=fix)
            if count >= 2:
                return
        for m in SILENCE.finditer(fold, body, start, end):
            sentence = next((s for s in doc.sentences if s.start <= m.start() < s.end), None)
            context = sentence.text if sentence else body[m.start() : m.end() + 80]
            if not _RELEASE.exact.search(context):
                found = body[m.start() : m.end()]
                yield self.hit(m.start(), m.end(), f"guilt trip: {found!r}", fix=fix)
                return
