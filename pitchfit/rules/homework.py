"""Homework rules: did the writer look at who they are writing to before pressing send?

Merge tags left behind, nothing (or only name/title/company) about the prospect, explaining
their own field to an expert, asking what their profile already answers, and praise that fits
anyone. The profile comparisons read ``ctx.prospect``; matching is lexical and cheap (word
stems, numbers, topic words), so it runs on every email of a campaign. The personalization
rules (H102/H103) live in :mod:`.homework_personal` and are re-exported here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from ..report import Edit
from .ask_text import is_english, low
from .base import Example, Hit, Rule, Severity
from .homework_match import (
    EMPTY_GREETING,
    EXPLAIN_CUE,
    EXPLAIN_GATE,
    FLATTERY_GATE,
    PRONOUN,
    QUALIFIES,
    TOKEN,
    YES_NO,
    answered_by,
    field_key,
    find_flattery,
    find_placeholders,
    may_match,
    specific,
    stems,
    topic_in,
    value_for,
)
from .homework_personal import NoPersonalization as NoPersonalization
from .homework_personal import ShallowPersonalization as ShallowPersonalization

if TYPE_CHECKING:
    from ..engine import Context
    from ..models import Fix
    from ..text.document import Document


class UnfilledPlaceholder(Rule):
    """A merge tag was never filled: the prospect reads ``{first_name}``.

    What it does
        Flags merge fields left in the subject or body in every common syntax: ``{first_name}``,
        ``{{company}}``, ``{{ contact.first_name }}``, ``[First Name]``, ``[[Company]]``,
        ``%FIRSTNAME%``, ``<NAME>``, ``*|FNAME|*``, and a greeting whose name came out empty
        ("Hi ,"). Braces in a JSON or code snippet and an author's ``[REDACTED]`` or ``[sic]``
        are not merge fields. When the prospect is known, the fix fills the field from it.

    Why it matters
        Nothing says "you are one of ten thousand" faster than a tag that did not render. It
        is the one mistake that no amount of good writing around it can survive.

    Principle
        Do your homework, starting with the recipient's name. 000_89adfda597195df7: the CMO
        jokes that "I or {firstname}" rarely need what is hawked, the mark of mail never meant
        for him; 002_a3c7499a1667f438: a pitch that shows no homework is not taken seriously.
    """

    code = "H101"
    name = "unfilled-placeholder"
    severity = Severity.ERROR
    needs = ()
    fix_title = "Fill the merge field from the prospect, or remove it"
    scope = "body"
    bad = (
        Example("Hi {first_name},\n\nSaw the Q3 hiring post. Worth a chat?", span="{first_name}"),
        Example(
            "Hi [First Name],\n\nQuick one about [Company Name]'s outbound.", span="[First Name]"
        ),
        Example("Hello *|FNAME|*,\n\nAre you free on Tuesday?", span="*|FNAME|*"),
        Example(
            "Hi ,\n\nSaw your talk at SaaStr on ramp time. Worth comparing notes?", span="Hi ,"
        ),
        Example(
            "Subject: idea for {{company}}\n\nHi Dana,\n\nA quick one on ramp time.",
            span="{{company}}",
        ),
        Example("Dear %FIRSTNAME%, we noticed <COMPANY> is hiring.", span="%FIRSTNAME%"),
        Example(
            "Hi {{ contact.first_name }}, saw the new pricing page.",
            span="{{ contact.first_name }}",
            prospect={"name": "Dana Reyes"},
        ),
    )
    good = (
        Example(
            'Hi Dana,\n\nThe webhook sends {"event": "reply", "id": 42} to your CRM, '
            "so reps see replies in one place. Want the field list?"
        ),
        Example(
            "Hi Dana,\n\nYour reviewer wrote that the tool [sic] was slow; we fixed that in "
            "March. The customer, [REDACTED], cut onboarding to 9 days."
        ),
        Example(
            "Hi Dana,\n\nOur docs use <b>bold</b> for settings and 40% fewer steps. "
            "See [the guide](https://example.com)."
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if doc.subject:
            for m in find_placeholders(doc.subject):
                yield self.hit(
                    m.start(),
                    m.end(),
                    self._message(m.group(0)),
                    fix=self._fill(ctx, m, subject=True),
                    in_subject=True,
                )
        g = EMPTY_GREETING.match(doc.body)
        if g:
            fix = self.advice("Write the prospect's first name after the greeting")
            if ctx.prospect is not None and ctx.prospect.first_name:
                fix = self.replace_fix(
                    f"Greet {ctx.prospect.first_name} by name",
                    g.start("gap"),
                    g.end("gap"),
                    f" {ctx.prospect.first_name}",
                    safe=True,
                )
            yield self.hit(
                g.start(),
                g.end(),
                "Greeting with an empty name (a merge field rendered blank)",
                fix=fix,
            )
        groups: dict[str, list[re.Match[str]]] = {}
        for m in find_placeholders(doc.body):
            groups.setdefault(m.group(0), []).append(m)
        for matches in list(groups.values())[:5]:  # one finding per distinct tag
            first = matches[0]
            fix = self._fill(ctx, first, subject=False)
            if fix.edits and len(matches) > 1:  # fill every occurrence of the same tag
                fix = fix.model_copy(
                    update={
                        "edits": [
                            Edit(start=m.start(), end=m.end(), replacement=fix.edits[0].replacement)
                            for m in matches
                        ]
                    }
                )
            yield self.hit(first.start(), first.end(), self._message(first.group(0)), fix=fix)

    @staticmethod
    def _message(tag: str) -> str:
        return f"Unfilled merge field {tag!r}: the prospect would read it as written"

    def _fill(self, ctx: Context, m: re.Match[str], *, subject: bool) -> Fix:
        raw = next(g for k, g in m.groupdict().items() if k.endswith("f") and g is not None)
        value = value_for(ctx.prospect, field_key(raw)) if ctx.prospect is not None else ""
        if not value:
            return self.advice("Fill the merge field by hand, or remove it")
        if subject:  # edits address the body; describe the subject fix instead
            return self.advice(f"Replace {m.group(0)} with {value!r}")
        return self.replace_fix(
            f"Fill {m.group(0)} with {value!r}", m.start(), m.end(), value, safe=True
        )


# ---- H104 talking-down ---------------------------------------------------------------------


class TalkingDown(Rule):
    """Explains to the prospect, or asks if they have heard of, their own field of expertise.

    What it does
        Flags a sentence that explains a topic ("X is a way to…", "X stands for…") or asks
        "have you heard of X?" / "are you familiar with X?" when X is one of the prospect's
        ``expertise`` topics. Mentioning their field without the lecture is fine.

    Why it matters
        Asking an early adopter who has written reports on a subject whether they have heard
        of it shows you did not look, and treats a peer as a beginner. The email is over at
        that sentence.

    Principle
        002_a3c7499a1667f438: a CIO pitched "have you heard of cloud disaster recovery?" after
        writing half a dozen reports on it; assume the reader has half a brain and keeps up.
    """

    code = "H104"
    name = "talking-down"
    severity = Severity.WARNING
    needs = ("prospect",)
    fix_title = "Drop the explanation; speak to them as the expert on the topic"
    _P: ClassVar[dict[str, Any]] = {
        "name": "Ana Ruiz",
        "title": "CIO",
        "company": "Helix",
        "expertise": ["cloud disaster recovery", "SEO"],
    }
    bad = (
        Example(
            "Hi Ana,\n\nHave you ever heard of cloud disaster recovery? It keeps a copy of "
            "your systems offsite. Worth a call?",
            span="Have you ever heard of cloud disaster recovery?",
            prospect=_P,
        ),
        Example(
            "Hi Ana,\n\nIn case you're not familiar, SEO stands for search engine "
            "optimisation. We do it for retailers.",
            span="SEO stands for",
            prospect=_P,
        ),
        Example(
            "Hi Ana,\n\nCloud disaster recovery is a way to keep a copy of your systems in "
            "another region.",
            prospect=_P,
        ),
    )
    good = (
        Example(
            "Hi Ana,\n\nYour report on cloud disaster recovery testing was the clearest I "
            "have read. How do you test failover at Helix today?",
            prospect=_P,
        ),
        Example(
            "Hi Ana,\n\nHave you heard about the new Helix office opening in Porto? We "
            "furnish offices.",
            prospect=_P,
        ),
        Example(
            "Hi Ana,\n\nHave you ever heard of cloud disaster recovery? Most retailers haven't.",
            prospect={"name": "Ana Ruiz", "expertise": []},
            note="no expertise on file: nothing to compare with",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        prospect = ctx.prospect
        if prospect is None or not prospect.expertise or not may_match(EXPLAIN_GATE, doc):
            return
        sents = doc.sentences
        for i, sent in enumerate(sents):
            cue = EXPLAIN_CUE.search(sent.text)
            if cue is None:
                continue
            text = sent.text
            if i and PRONOUN.match(text):  # "It is a way to…" explains the last sentence's topic
                text = f"{sents[i - 1].text} {text}"
            sent_stems = stems(text)
            for topic in prospect.expertise:
                if topic_in(topic, sent_stems, text):
                    yield self.hit(
                        sent.start,
                        sent.end,
                        f"Explains {topic!r} to someone whose expertise it is",
                        fix=self.advice(self.fix_title or ""),
                    )
                    break


# ---- H105 empty-discovery ------------------------------------------------------------------


class EmptyDiscovery(Rule):
    """Asks a yes/no question the prospect's profile already answers.

    What it does
        Flags a closed question ("Do you do outbound prospecting?", "Does your team use a
        CRM?") about an activity that the prospect's title, industry, expertise or research
        facts already settle, such as asking a VP Sales whether they prospect. Questions about
        priorities, pains or how they do it are real discovery and are left alone.

    Why it matters
        The answer is "yes, obviously", the reader has learned you did not read their
        profile, and you have learned nothing. Ask how they do it, or skip to why it matters.

    Principle
        004_adf2a3e1e6fa8705: "Do you need to do some sort of outbound prospecting?" put to a
        sales leader discovers nothing; they never asked how, who they target or what they
        would change.
    """

    code = "H105"
    name = "empty-discovery"
    severity = Severity.WARNING
    needs = ("prospect",)
    fix_title = "Ask how they do it (or what they would change), not whether they do it"
    _P: ClassVar[dict[str, Any]] = {
        "name": "Sam Lee",
        "title": "VP Sales",
        "company": "Orbit",
        "industry": "software",
    }
    bad = (
        Example(
            "Hi Sam,\n\nDo you do outbound prospecting to find new customers?",
            span="Do you do outbound prospecting",
            prospect=_P,
        ),
        Example("Hi Sam,\n\nQuick question: does your team use a CRM?", prospect=_P),
        Example(
            "Hi Mia,\n\nDo you hire engineers?",
            prospect={"name": "Mia Chen", "title": "Head of Talent", "expertise": []},
        ),
    )
    good = (
        Example(
            "Hi Sam,\n\nHow does your team split outbound prospecting between SDRs and AEs?",
            prospect=_P,
        ),
        Example("Hi Sam,\n\nIs outbound pipeline a priority for you this quarter?", prospect=_P),
        Example(
            "Hi Sam,\n\nDo you use Gong for call reviews?",
            prospect=_P,
            note="a tool the profile does not settle: real discovery",
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if not is_english(doc):
            return
        prospect = ctx.prospect
        if prospect is None:
            return
        for sent in doc.sentences:
            text = sent.text
            if not text.rstrip().endswith("?") or len(text) > 160:
                continue
            m = YES_NO.search(text)
            if m is None or QUALIFIES.search(text, m.end()) or QUALIFIES.search(m.group(0)):
                continue
            why = answered_by(prospect, text)
            if why:
                yield self.hit(
                    sent.start,
                    sent.end,
                    f"Yes/no question the profile already answers ({why})",
                    fix=self.advice(self.fix_title or ""),
                )


# ---- H106 generic-flattery -----------------------------------------------------------------


class GenericFlattery(Rule):
    """Praise that fits anyone: "big fan of your work", "I love your website".

    What it does
        Flags compliments on the prospect's work, site, blog or company that carry no detail
        (no named piece, number, quote or particular) in the sentence or the next one. Praise
        of a specific post, talk or result is research and is left alone.

    Why it matters
        Empty praise is the mail-merge version of interest: it reads as flattery from someone
        who has not looked, and it costs the sentence that could have shown they did.

    Principle
        000_89adfda597195df7: what earned a reply was a reference you had to have listened to
        the podcast to know, "not just some reference in the title"; generic praise is the
        opposite of that research.
    """

    code = "H106"
    name = "generic-flattery"
    severity = Severity.WARNING
    needs = ()
    fix_title = "Replace the compliment with one specific thing you read, heard or saw"
    triggers = FLATTERY_GATE.triggers  # no word of any first group: the engine skips the email
    bad = (
        Example(
            "Hi Dana,\n\nI love your website! We build booking tools for clinics. Worth a look?",
            span="I love your website",
        ),
        Example(
            "Hi Dana,\n\nBig fan of your work. I'd like to write a guest post for your readers.",
            span="Big fan of your work",
        ),
        Example(
            "Hi,\n\nI came across your site www.example.com and think it's awesome. "
            "Can I send an article?",
            span="think it's awesome",
        ),
        Example(
            "Hi Dana,\n\nI think your website is very good. Worth a chat about hiring?",
            span="your website is very good",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nBig fan of your post on ramp time, especially the 30-day "
            "shadowing rule. We built a checklist around it. Want it?"
        ),
        Example(
            "Hi Dana,\n\nI loved your SaaStr talk on pricing pages. One question on the "
            "enterprise tier: who owns it?"
        ),
        Example(
            "Hi Dana,\n\nYour team is growing fast; the 12 open SDR roles say so. Worth "
            "comparing onboarding notes?"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        content = low(doc, doc.content)
        if not FLATTERY_GATE.could_match(doc.vocabulary, content) or not is_english(doc):
            return  # none of the words any compliment here needs
        if find_flattery(content) is None:
            return
        sents = doc.sentences
        skip = {"i", "i'm", "i’m", "i've", "as", "big", "huge", "the", "your", "hi", "hello"}
        if ctx.prospect is not None:
            skip |= {
                w.lower()
                for w in TOKEN.findall(
                    f"{ctx.prospect.name} {ctx.prospect.first_name} {ctx.prospect.company}"
                )
            }
        for i, sent in enumerate(sents):
            m = find_flattery(low(doc, sent))
            if m is None:
                continue
            after = sent.text[m.end() :]
            nxt = sents[i + 1].text if i + 1 < len(sents) else ""
            if not re.search(r"\byour\b", nxt, re.IGNORECASE):
                nxt = ""
            if specific(after, skip) or specific(nxt, skip):
                continue
            yield self.hit(
                sent.start + m.start(),
                sent.start + m.end(),
                "Generic praise: nothing shows what you actually read or saw",
                fix=self.advice(self.fix_title or ""),
            )
            return
