"""Targeting rules: is this the right email to the right person at all?

Wrong language, wrong person, no sign of a need, a disqualified company, claims the profile
contradicts, and people who said no. Every rule that judges fit reads ``ctx.fit_result``,
the same :mod:`pitchfit.fit` engine ``pitchfit fit`` runs, so ``check`` and ``fit`` never
disagree about a prospect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ..text.patterns import lazy_compile
from .base import Example, Hit, Rule, Severity

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document

SEED_000 = "000_89adfda597195df7"
SEED_001 = "001_fa86a06d8cce9a86"
SEED_004 = "004_adf2a3e1e6fa8705"

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "nl": "Dutch",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "pl": "Polish",
    "fi": "Finnish",
    "ru": "Russian",
    "uk": "Ukrainian",
    "el": "Greek",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "ar": "Arabic",
    "he": "Hebrew",
    "tr": "Turkish",
    "cs": "Czech",
    "hu": "Hungarian",
    "ro": "Romanian",
}

OFFER: dict[str, Any] = {
    "name": "RampUp",
    "one_liner": "Onboarding and deal coaching that gets new sales reps to quota faster.",
    "needs": [
        {
            "need": "New sales reps take too long to reach quota",
            "signals": [
                "hiring account executives or SDRs",
                "new reps take six months or more to ramp",
            ],
        }
    ],
    "industries": ["B2B software", "SaaS"],
    "company_size": {"min": 50, "max": 2000},
    "roles": ["VP Sales", "Head of Sales", "Chief Revenue Officer"],
    "disqualifiers": ["company-wide hiring freeze"],
}
_HIRING = [
    {"text": "The careers page lists 12 open Account Executive roles.", "source": "careers page"}
]


def _prospect(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "name": "Sarah Chen",
        "title": "VP Sales",
        "company": "Brightloop",
        "industry": "B2B software",
        "company_size": 240,
        "languages": ["en"],
        "facts": _HIRING,
    }
    base.update(fields)
    return base


_PITCH = (
    "Hi Sarah,\n\nSaw the 12 open AE roles on your careers page. We get new reps to "
    "quota in 3.5 months instead of 6. Worth a look on Tuesday?\n\nTom"
)


def _first_sentence(doc: Document) -> tuple[int, int]:
    sentences = doc.sentences
    if sentences:
        return sentences[0].start, sentences[0].end
    return doc.content.start, doc.content.end


class WrongLanguage(Rule):
    """The email is written in a language the prospect does not list.

    What it does
        Detects the language of the content (short or ambiguous texts make no call) and
        compares it with the prospect's ``languages``; flags it when it is none of them.

    Why it matters
        An email in a language the reader does not speak says, before a word is read, that
        nobody looked at who they were writing to.

    Principle
        000_89adfda597195df7 ("Sometimes When You Lose, You Really Win"): pitches so far off
        they arrive in Dutch or French to someone who speaks neither.
    """

    code = "T101"
    name = "wrong-language"
    severity = Severity.ERROR
    needs = ("prospect",)
    fix_title = "Write in the prospect's language"
    bad = (
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            prospect=_prospect(name="Amélie Durand", languages=["fr"]),
            note="an English email to a French-speaking prospect",
        ),
        Example(
            "Hallo Sarah,\n\nIk zag dat jullie twaalf nieuwe accountmanagers zoeken. Wij "
            "helpen nieuwe verkopers sneller op quota te komen. Zullen we dinsdag even "
            "bellen?\n\nTom",
            span="Ik zag dat",
            prospect=_prospect(),
            note="a Dutch email to an English-speaking prospect",
        ),
    )
    good = (
        Example(
            "Bonjour Amélie,\n\nJ'ai vu que Factura recrute quatre commerciaux à Paris et "
            "à Lyon. Nous aidons les nouveaux commerciaux à atteindre leur quota plus vite. "
            "Un échange mardi ?\n\nTom",
            prospect=_prospect(name="Amélie Durand", languages=["fr"]),
        ),
        Example(
            "Hi Amélie, merci!\n\nTom",
            prospect=_prospect(languages=["fr"]),
            note="too short to tell: no call",
        ),
        Example(
            _PITCH,
            prospect=_prospect(languages=["nl", "en"]),
            note="English is the prospect's second language",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        prospect = ctx.prospect
        if prospect is None or not prospect.languages:
            return
        lang = doc.language  # detect(content) once per email, shared with the report
        if lang is None or lang in prospect.languages:
            return
        wanted = LANGUAGE_NAMES.get(prospect.languages[0], prospect.languages[0])
        found = LANGUAGE_NAMES.get(lang, lang)
        who = prospect.first_name or "The prospect"
        start, end = _first_sentence(doc)
        yield self.hit(
            start,
            end,
            f"Written in {found}, but {who} reads "
            f"{', '.join(LANGUAGE_NAMES.get(c, c) for c in prospect.languages)}.",
            fix=self.advice(f"Rewrite it in {wanted}"),
        )


class WrongRole(Rule):
    """The prospect's title is outside the roles that buy the offer.

    What it does
        Uses the fit engine's role matching (title variants and seniority: "VP Sales", "Head
        of Revenue", "CRO", "Sr. Director of …") and flags a pitch to someone who neither
        owns the problem nor buys. A note that asks who owns the problem is left alone.

    Why it matters
        The wrong person deletes the pitch; the same person asked a short question often
        points to the right one, and a well-researched miss earns a reply.

    Principle
        000_89adfda597195df7 ("Sometimes When You Lose, You Really Win"): right company,
        wrong person; the move is to ask who owns it, not to pitch harder.
    """

    code = "T102"
    name = "wrong-role"
    severity = Severity.WARNING
    needs = ("prospect", "offer")
    fix_title = "Ask who owns the problem instead of pitching"
    bad = (
        Example(
            _PITCH.replace("Sarah", "Maria"),
            span="Saw the 12 open AE roles",
            prospect=_prospect(name="Maria Lopez", title="CFO"),
            offer=OFFER,
            note="a CFO, for an offer sold to sales leaders",
        ),
        Example(
            _PITCH.replace("Sarah", "Kevin"),
            span="Saw the 12 open AE roles",
            prospect=_prospect(name="Kevin O'Brien", title="Account Executive"),
            offer=OFFER,
            note="right team, but an account executive does not buy",
        ),
    )
    good = (
        Example(
            _PITCH,
            prospect=_prospect(title="Sr. Director of Sales"),
            offer=OFFER,
            note="a title variant of a buyer role",
        ),
        Example(
            "Hi Maria,\n\nI think I have the wrong person: who at Brightloop owns "
            "onboarding for new sales reps? A name is all I need.\n\nTom",
            prospect=_prospect(name="Maria Lopez", title="CFO"),
            offer=OFFER,
            note="the seed's move: asking who owns it",
        ),
        Example(_PITCH, prospect=_prospect(title="Head of Revenue"), offer=OFFER),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        result = ctx.fit_result
        if result is None or not result.wrong_person or ctx.prospect is None:
            return
        if _asks_who_owns(doc.content.text):
            return
        from ..fit import referral_question

        prospect, offer = ctx.prospect, ctx.offer
        assert offer is not None
        who = prospect.first_name or prospect.name or "The prospect"
        owner = result.ask_for or (offer.roles[0] if offer.roles else "buyer")
        start, end = doc.content.start, doc.content.end
        fix = self.replace_fix(
            "Ask who owns the problem instead of pitching",
            start,
            end,
            referral_question(prospect, offer),
        )
        yield self.hit(
            *_first_sentence(doc),
            f"{who} is {prospect.title}; {offer.name} is bought by the {owner}. "
            f"Ask who owns the problem instead of pitching.",
            fix=fix,
        )


_WHO_OWNS = lazy_compile(
    r"\b(who (?:at \S+ )?(?:owns|handles|runs|looks after|is (?:responsible|in charge))"
    r"|(?:the )?right person|point me to|wrong person)\b",
    re.IGNORECASE,
)


def _asks_who_owns(text: str) -> bool:
    return bool(_WHO_OWNS.search(text))


class NoNeedEvidence(Rule):
    """Nothing known about the prospect shows a need the offer solves.

    What it does
        Reads the fit engine's evidence: when no research fact, note or expertise matches
        any need or signal of the offer, the pitch rests on nothing but a list.

    Why it matters
        "Why do you think we need this?" is the question every buyer asks. Without a sign of
        the need, the email can only describe the product and leave the work to the reader.

    Principle
        004_adf2a3e1e6fa8705 ("Why Do You Think We Need This?"): most outreach cannot say why
        the prospect would need it; do the homework before asking for their time.
    """

    code = "T103"
    name = "no-need-evidence"
    severity = Severity.WARNING
    needs = ("prospect", "offer")
    fix_title = "Find a sign of the need before writing"
    _award: ClassVar[list[dict[str, str]]] = [
        {"text": "Brightloop won a design award for its mobile app.", "source": "web"}
    ]
    bad = (
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            prospect=_prospect(facts=_award),
            offer=OFFER,
            note="the research shows no need",
        ),
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            prospect=_prospect(facts=[]),
            offer=OFFER,
            note="no research at all",
        ),
    )
    good = (
        Example(_PITCH, prospect=_prospect(), offer=OFFER),
        Example(
            _PITCH,
            prospect=_prospect(
                facts=[{"text": "On a podcast she said new reps take seven months to ramp."}]
            ),
            offer=OFFER,
            note="the need in other words than the signal",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        result = ctx.fit_result
        if result is None or result.segment == "X" or result.evidence or ctx.offer is None:
            return
        signals = [s for need in ctx.offer.needs for s in need.signals][:2]
        hint = f" (look for: {'; '.join(signals)})" if signals else ""
        yield self.hit(
            *_first_sentence(doc),
            f"Nothing in the research shows they need this: the email can't say why them.{hint}",
            fix=self.advice(f"Find a sign of the need{hint}"),
        )


_NO_MEANS_NO = ("They said no", "They unsubscribed", "The suppression ledger")


class Disqualified(Rule):
    """The company is outside the offer's market or hits one of its disqualifiers.

    What it does
        Flags an email to a prospect the fit engine puts in segment X for an industry or a
        company size outside the offer, one of the offer's ``disqualifiers``, or a bounced
        address. (People who said no are suppressed-contact's job.)

    Why it matters
        A disqualified prospect never gets a pitch: supply-chain software to a company that
        makes nothing is a wasted email and a lasting impression of not caring.

    Principle
        001_fa86a06d8cce9a86 ("It's Not Their Job To Understand Me"): "we don't manufacture
        anything … we only have 15 people, so our HR needs are very easy".
    """

    code = "T104"
    name = "disqualified"
    severity = Severity.ERROR
    needs = ("prospect", "offer")
    fix_title = "Remove the prospect from this campaign"
    bad = (
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            offer=OFFER,
            prospect=_prospect(industry="Manufacturing"),
            note="industry outside",
        ),
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            offer=OFFER,
            prospect=_prospect(company_size=15),
            note="a 15-person firm",
        ),
    )
    good = (
        Example(
            _PITCH,
            offer=OFFER,
            prospect=_prospect(industry="Computer Software"),
            note="the same sector in other words",
        ),
        Example(
            _PITCH,
            offer=OFFER,
            prospect=_prospect(company_size=None),
            note="size unknown is not a disqualifier",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        result = ctx.fit_result
        if result is None or result.segment != "X":
            return
        own = [
            d
            for d in result.disqualified_by
            if d not in ("status:declined", "status:unsubscribed") and not d.startswith("suppr")
        ]
        if not own:
            return
        reason = next((r for r in result.reasons if not r.startswith(_NO_MEANS_NO)), "disqualified")
        yield self.hit(
            *_first_sentence(doc),
            f"Do not pitch: {reason}",
            fix=self.advice("Remove the prospect from this campaign"),
        )


class FalsePremise(Rule):
    """The email asserts something about the prospect that their profile contradicts.

    What it does
        Compares claims with the profile: headcounts ("your 500 engineers") larger than the
        company, an industry ("as a fast-growing manufacturer", "your plants") the company is
        not in, a role ("as a CTO") the person does not hold, "as an enterprise" to a small
        firm.

    Why it matters
        A wrong premise in the first line tells the reader the rest was not researched either;
        one look at the profile would have caught it.

    Principle
        000_89adfda597195df7 ("Sometimes When You Lose, You Really Win"): "as a cyber
        security vendor, we need to stand out (not one of those)"; a glance would have solved it.
    """

    code = "T105"
    name = "false-premise"
    severity = Severity.ERROR
    needs = ("prospect",)
    fix_title = "Check the claim against the profile, or drop it"
    bad = (
        Example(
            "Hi Sarah,\n\nAs a fast-growing manufacturer, you know how hard hiring is. "
            "Worth a look?\n\nTom",
            span="As a fast-growing manufacturer",
            prospect=_prospect(industry="Software", company_size=15),
        ),
        Example(
            "Hi Sarah,\n\nOnboarding your 500 engineers takes months. Worth a look?\n\nTom",
            span="your 500 engineers",
            prospect=_prospect(company_size=40),
        ),
        Example(
            "Hi Sarah,\n\nAs a CTO, you know hiring developers is hard. Worth a look?\n\nTom",
            span="As a CTO",
            prospect=_prospect(title="CMO"),
        ),
    )
    good = (
        Example(
            "Hi Sarah,\n\nAs a fast-growing software company, you are hiring fast. Worth a "
            "look?\n\nTom",
            prospect=_prospect(industry="SaaS"),
        ),
        Example(
            "Hi Sarah,\n\nOnboarding your 30 engineers takes months. Worth a look?\n\nTom",
            prospect=_prospect(company_size=40),
        ),
        Example(
            "Hi Sarah,\n\nAs a manufacturer, you may know Hartmann Tools. Worth a look?\n\nTom",
            prospect=_prospect(industry=""),
            note="industry unknown: no claim can be contradicted",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        prospect = ctx.prospect
        if prospect is None:
            return
        text = doc.content.text
        base = doc.content.start
        from ..fit.premise import contradictions  # the fit package loads only when needed

        for start, end, message in contradictions(text, prospect):
            yield self.hit(
                base + start,
                base + end,
                message,
                fix=self.advice("Check the claim against the profile, or drop it"),
            )


_SAID_NO = lazy_compile(
    r"\b(not interested|no thanks|no, thanks|no thank you|unsubscribe|remove me|take me off|"
    r"stop (?:emailing|contacting|sending)|do not (?:contact|email)|don't (?:contact|email)|"
    r"please stop|not a fit for us|we'?ll pass|we are going to pass)\b",
    re.IGNORECASE,
)
_NO_INTENTS = ("not_interested", "unsubscribe")


class SuppressedContact(Rule):
    """The person said no, unsubscribed, or is on the suppression ledger.

    What it does
        Blocks the email when the prospect's status is declined or unsubscribed, when the
        ledger holds a suppression for their address (``ctx.suppression``), or when the
        history shows a reply that said no, in this campaign or any earlier one.

    Why it matters
        No means no. Writing again through another campaign or a misconfigured robot turns a
        polite "no thanks" into a complaint, and burns the chance of a later yes.

    Principle
        000_89adfda597195df7 ("Sometimes When You Lose, You Really Win"): the good seller
        took the no, asked what would make them buy, and did not pitch again.
    """

    code = "T106"
    name = "suppressed-contact"
    severity = Severity.ERROR
    fix_title = "Do not send: they said no"
    bad = (
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            prospect=_prospect(status="declined", declined_at="2026-06-12"),
        ),
        Example(
            _PITCH,
            span="Saw the 12 open AE roles",
            prospect=_prospect(),
            history=(
                {
                    "direction": "in",
                    "sent_at": "2026-05-02",
                    "body": "Thanks, but we're not interested. Please remove me.",
                },
            ),
            note="a no in an earlier campaign",
        ),
        Example(_PITCH, span="Saw the 12 open AE roles", prospect=_prospect(status="unsubscribed")),
    )
    good = (
        Example(
            _PITCH,
            prospect=_prospect(status="replied"),
            history=(
                {
                    "direction": "in",
                    "sent_at": "2026-05-02",
                    "body": "Not now, we're mid-quarter. Try me in January?",
                },
            ),
            note="'not now' is not 'no'",
        ),
        Example(
            _PITCH,
            prospect=_prospect(),
            history=(
                {
                    "direction": "in",
                    "sent_at": "2026-05-02",
                    "body": "No problem at all, Tuesday works. Send the invite.",
                },
            ),
            note="'no problem' is a yes",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        reason = _suppression_reason(ctx)
        if reason:
            yield self.hit(
                *_first_sentence(doc),
                f"Do not send: {reason}. No means no.",
                fix=self.advice("Do not send; keep them suppressed"),
            )


def _suppression_reason(ctx: Context) -> str | None:
    prospect = ctx.prospect
    if prospect is not None and prospect.status in ("declined", "unsubscribed"):
        when = f" on {prospect.declined_at:%Y-%m-%d}" if prospect.declined_at else ""
        return f"they {'said no' if prospect.status == 'declined' else 'unsubscribed'}{when}"
    if ctx.suppression is not None:
        sup = ctx.suppression
        when = f" on {sup.at:%Y-%m-%d}" if sup.at else ""
        quote = f" (“{sup.evidence[:80]}”)" if sup.evidence else ""
        return f"the suppression ledger lists them: {sup.reason}{when}{quote}"
    for message in ctx.history or ():
        if message.direction == "in" and _said_no(message.body):
            return f"they said no on {message.sent_at:%Y-%m-%d}"
    return None


def _said_no(body: str) -> bool:
    """A reply that says no: the reply classifier when present, else a short phrase list."""
    if not _SAID_NO.search(body):
        return False
    try:
        from ..replies.classify import classify_reply
    except ImportError:  # pragma: no cover - classifier not installed
        return True
    try:
        intent = classify_reply(body).intent
    except Exception:  # a classifier failure must not hide a "no"
        return True
    return intent in _NO_INTENTS or intent not in ("interested", "question", "not_now")


__all__ = [
    "Disqualified",
    "FalsePremise",
    "NoNeedEvidence",
    "SuppressedContact",
    "WrongLanguage",
    "WrongRole",
]
