"""Personalization (H102/H103): is anything in a first touch about the prospect, and is it
more than a mail merge knows? Split from :mod:`.homework`, which re-exports the rules."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from .ask_text import is_english, looks_like_followup
from .base import Example, Hit, Rule, Severity
from .homework_match import RESEARCH_CUE, RESEARCH_GATE, may_match, mentions, used_facts

if TYPE_CHECKING:
    from ..engine import Context
    from ..models import Prospect
    from ..text.document import Document


# ---- H102 / H103 personalization --------------------------------------------------------------


def _fact_hint(prospect: Prospect) -> str:
    if not prospect.facts:
        return "something specific research found about them"
    text = prospect.facts[0].text
    return f"e.g. {text[:80]!r}"


class _Personalization(Rule):
    """Shared reading of how personal a first touch is (not a rule itself)."""

    needs = ("prospect",)

    @staticmethod
    def reading(doc: Document, ctx: Context) -> tuple[list[re.Match[str]], bool]:
        """(where name/company appear, whether anything research-specific appears)."""
        memo: tuple[int, list[re.Match[str]], bool] | None = doc.__dict__.get("_personal")
        if memo is not None and memo[0] == id(ctx):
            return memo[1], memo[2]
        prospect = ctx.prospect
        assert prospect is not None
        text = f"{doc.subject or ''}\n{doc.body[: doc.content.end]}"
        found = [
            m
            for name in (
                prospect.first_name,
                prospect.name.split()[-1] if prospect.name else "",
                prospect.company,
            )
            if name and (m := mentions(text, name)) is not None
        ]
        content = f"{doc.subject or ''}\n{doc.content.text}"
        specific = bool(
            may_match(RESEARCH_GATE, doc) and RESEARCH_CUE.search(doc.content.text)
        ) or bool(prospect.facts and used_facts(prospect, content))
        doc.__dict__["_personal"] = (id(ctx), found, specific)
        return found, specific


class NoPersonalization(_Personalization):
    """Nothing in the email is about the prospect: not their name, company or situation.

    What it does
        On a first touch, flags an email that mentions neither the prospect's name nor their
        company nor anything research found about them (``prospect.facts``): the same text
        could go to anyone. Follow-ups are left alone.

    Why it matters
        A message that could have been sent to anybody is read as if it was: deleted. Buyers
        reply to the email that shows someone looked at *them*.

    Principle
        Do your homework. 002_a3c7499a1667f438 calls untargeted pitches lazy and asks sellers
        to target the pitch; 000_89adfda597195df7 replied only because the sender had clearly
        done research on him.
    """

    code = "H102"
    name = "no-personalization"
    severity = Severity.WARNING
    fix_title = "Open with something specific about the prospect that research found"
    _P: ClassVar[dict[str, Any]] = {
        "name": "Dana Reyes",
        "company": "Northwind",
        "title": "VP Sales",
        "facts": [{"text": "Opened a second warehouse in Leeds in May", "source": "press"}],
    }
    bad = (
        Example(
            "Hello,\n\nOur platform helps sales teams book more meetings. Open to a call "
            "on Tuesday?",
            span="Our platform helps sales teams",
            prospect=_P,
        ),
        Example(
            "Hi there,\n\nWe cut ramp time for SDR teams by a third. Worth 15 minutes?", prospect=_P
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nCongrats on the Leeds warehouse. Routing across two sites is "
            "where dispatch usually slips. Worth 15 minutes?",
            prospect=_P,
        ),
        Example(
            "Hello,\n\nNorthwind's second warehouse means two dispatch queues. Worth a "
            "look at how others run them?",
            prospect=_P,
        ),
        Example(
            "Hi,\n\nFollowing up on the below. Thx.",
            prospect=_P,
            history=({"direction": "out", "sent_at": "2026-01-05", "body": "Hi Dana"},),
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        if not doc.content.text or looks_like_followup(doc, ctx):
            return
        found, specific = self.reading(doc, ctx)
        if found or specific:
            return
        assert ctx.prospect is not None
        first = doc.sentences[0] if doc.sentences else doc.content
        who = ctx.prospect.company or ctx.prospect.name or "the prospect"
        yield self.hit(
            first.start,
            first.end,
            f"Nothing here is about {who}: the same text could go to anyone",
            fix=self.advice(f"Open with {_fact_hint(ctx.prospect)}"),
        )


class ShallowPersonalization(_Personalization):
    """Only the name, title or company is personal: nothing research would find.

    What it does
        On a first touch, flags an email whose only personal touches are what a mail merge
        knows (first name, company, title) while the research facts on the prospect
        (``prospect.facts``) go unused. Any other visible sign of research (a post read, a
        page noticed, "according to…") also counts. With no facts on file it stays silent:
        there was nothing the email could have used.

    Why it matters
        "Hi Dana, I see Northwind is a logistics company" proves only that a spreadsheet had
        two columns. A reference that takes reading or listening to find is what earns a
        reply.

    Principle
        000_89adfda597195df7: the email that got an answer referred to something you had to
        have listened to the podcast to know, not the title or the show notes.
    """

    code = "H103"
    name = "shallow-personalization"
    severity = Severity.SUGGESTION
    fix_title = "Refer to something specific research found (a post, a hire, a launch)"
    _P: ClassVar[dict[str, Any]] = {
        "name": "Dana Reyes",
        "company": "Northwind",
        "title": "VP Sales",
        "facts": [{"text": "Posted 12 SDR openings in March", "source": "LinkedIn"}],
    }
    bad = (
        Example(
            "Hi Dana,\n\nAs VP Sales at Northwind you care about pipeline. We help teams "
            "book more meetings. Worth a call?",
            span="Northwind",
            prospect=_P,
        ),
        Example(
            "Hi Dana,\n\nWe help companies like Northwind book more meetings. Open to a "
            "quick call?",
            prospect=_P,
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nSaw the 12 SDR openings. Ramp is usually the bottleneck at that "
            "pace. Worth 15 minutes?",
            prospect=_P,
        ),
        Example(
            "Hi Dana,\n\nThe SDR openings you posted in March will all need ramping at "
            "once. Want our ramp checklist?",
            prospect=_P,
        ),
        Example(
            "Hi Dana,\n\nRead your post on SDR ramp; the 30-day shadowing idea is good. "
            "Worth comparing notes?",
            prospect={"name": "Dana Reyes", "company": "Northwind"},
            note="no facts on file: nothing to compare with",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        if not ctx.prospect or not ctx.prospect.facts or not doc.content.text:
            return  # with no research on file there is nothing to say it could have used
        if looks_like_followup(doc, ctx):
            return
        found, specific = self.reading(doc, ctx)
        if specific or not found:
            return
        assert ctx.prospect is not None
        m = mentions(doc.body, ctx.prospect.company) if ctx.prospect.company else None
        if m is None and ctx.prospect.first_name:
            m = mentions(doc.body, ctx.prospect.first_name)
        first = doc.sentences[0] if doc.sentences else doc.content
        start, end = (m.start(), m.end()) if m else (first.start, first.end)
        yield self.hit(
            start,
            end,
            "Only the name/company is personalised; nothing shows research on them",
            fix=self.advice(f"Refer to {_fact_hint(ctx.prospect)}"),
        )
