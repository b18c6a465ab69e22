"""Homework rules: did the writer look at who they are writing to before pressing send?

Merge tags left behind, nothing (or only name/title/company) about the prospect, explaining
their own field to an expert, asking what their profile already answers, and praise that fits
anyone. The profile comparisons read ``ctx.prospect``; matching is lexical and cheap (word
stems, numbers, topic words), so it runs on every email of a campaign.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from .base import Example, Hit, Rule, Severity
from .kinds import load_terms

if TYPE_CHECKING:
    from ..engine import Context
    from ..models import Fix, Prospect
    from ..text.document import Document, Segment

SEED_HOMEWORK = "002_a3c7499a1667f438"

_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
_STOP = frozenset(
    """a an the and or but of to in on at for from by with about into over after before your
    you our we they their them this that these those is are was were be been being has have had
    do does did it its as so if then than just very really also more most new recent recently
    company team teams inc ltd llc corp gmbh co plc group """.split()
)


def _stem(word: str) -> str:
    """Crude stem so "hiring", "hired" and "hires" meet; enough for profile matching."""
    w = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:6]


def _stems(text: str) -> set[str]:
    return {_stem(t) for t in _TOKEN.findall(text) if t.lower() not in _STOP}


def _distinctive(text: str, exclude: set[str]) -> tuple[set[str], set[str]]:
    """A fact's words worth matching: (stems of words of 4+ letters, numbers)."""
    words: set[str] = set()
    numbers: set[str] = set()
    for tok in _TOKEN.findall(text):
        low = tok.lower()
        if low in _STOP:
            continue
        if any(ch.isdigit() for ch in tok):
            numbers.add(low)
        elif len(tok) >= 4:
            stem = _stem(tok)
            if stem not in exclude:
                words.add(stem)
    return words, numbers


def identity_stems(prospect: Prospect) -> set[str]:
    """Stems of what a mail merge knows without research: name, company, title words."""
    out: set[str] = set()
    for text in (prospect.first_name, prospect.name, prospect.company):
        out |= _stems(text)
    return out


def used_facts(prospect: Prospect, text: str) -> list[str]:
    """The research facts the text refers to (a shared number or two shared words)."""
    exclude = identity_stems(prospect) | _stems(prospect.title)
    body_stems = _stems(text)
    body_numbers = {t.lower() for t in _TOKEN.findall(text) if any(c.isdigit() for c in t)}
    used = []
    for fact in prospect.facts:
        words, numbers = _distinctive(fact.text, exclude)
        shared = words & body_stems
        if numbers & body_numbers or len(shared) >= 2 or (shared and len(words) == 1):
            used.append(fact.text)
    return used


def _mentions(text: str, name: str) -> re.Match[str] | None:
    """Where a name (or its first distinctive word) appears as a whole word."""
    words = [w for w in _TOKEN.findall(name) if w.lower() not in _STOP and len(w) >= 2]
    if not words:
        return None
    pattern = r"(?<![\w])" + re.escape(words[0]) + r"(?![\w])"
    return re.search(pattern, text, re.IGNORECASE)


# ---- H101 unfilled-placeholder --------------------------------------------------------------

_FIELD_WORDS = (
    r"name|first|last|surname|fname|lname|company|organi[sz]ation|account|title|job|role"
    r"|position|industry|city|country|e-?mail|phone|website|url|product|insert|prospect"
    r"|recipient|contact|sender|competitor|benefit|pain|claim|timeframe|result|metric"
)
_REDACTION = re.compile(
    r"redact|remov|withh[eo]ld|omit|delet|\bsic\b|blank|edited|anonym|censor|private|hidden"
    r"|confidential|protected|\.\.\.|…",
    re.IGNORECASE,
)
_HTML_TAGS = frozenset(
    "A B I U P BR HR LI UL OL TD TR TH DIV SPAN HTML BODY HEAD EM STRONG IMG TABLE PRE CODE"
    " H1 H2 H3 H4 H5 H6 SUB SUP".split()
)
_PLACEHOLDER = re.compile(
    r"""
      (?P<mc>\*\|\s*(?P<mcf>[A-Za-z0-9_:]{2,30})\s*\|\*)                       # *|FNAME|*
    | (?P<dbl>\{\{\s*(?P<dblf>[A-Za-z_][^{}\n]{0,60}?)\s*\}\})                # {{company}}
    | (?P<sq2>\[\[\s*(?P<sq2f>[^\[\]\n]{1,40}?)\s*\]\])                       # [[First Name]]
    | (?<![{$])(?P<one>\{\s?(?P<onef>[A-Za-z][A-Za-z0-9_.]{0,30}(?:\ [A-Z][A-Za-z0-9_]{0,20}){0,3})\s?\})(?!\})
    | (?P<sq>\[(?P<sqf>[^\[\]\n]{1,40})\])(?!\()                              # [First Name]
    | (?P<pct>%(?P<pctf>[A-Z][A-Z0-9_]{1,30}|[a-z]+_[a-z_]{1,30})%)           # %FIRSTNAME%
    | (?P<ang><(?P<angf>[A-Z][A-Z0-9_]{1,30}|[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,3})>)  # <NAME>
    """,
    re.VERBOSE,
)
_FIELD_RE = re.compile(rf"(?:{_FIELD_WORDS})", re.IGNORECASE)
_EMPTY_GREETING = re.compile(
    r"\A[ \t]*(?:hi|hey|hello|dear|good\s+(?:morning|afternoon))(?P<gap>[ \t]+)[,!:]",
    re.IGNORECASE,
)
_PREFIX = re.compile(r"^(?:contact|lead|prospect|recipient|person|account|user|sender)[._]", re.I)
_FIELD_MAP = {
    "first_name": "first_name",
    "firstname": "first_name",
    "fname": "first_name",
    "first": "first_name",
    "name": "name",
    "full_name": "name",
    "fullname": "name",
    "company": "company",
    "company_name": "company",
    "companyname": "company",
    "organization": "company",
    "organisation": "company",
    "title": "title",
    "job_title": "title",
    "jobtitle": "title",
    "industry": "industry",
    "country": "country",
}


def _field_key(raw: str) -> str:
    key = raw.split("|")[0].strip().lower()
    key = _PREFIX.sub("", key)
    return re.sub(r"[\s-]+", "_", key)


def _is_placeholder(m: re.Match[str]) -> bool:
    if m.group("sq") is not None:
        inner = m.group("sqf")
        if _REDACTION.search(inner):
            return False
        return bool(_FIELD_RE.search(inner)) or bool(re.fullmatch(r"[A-Za-z]+_[A-Za-z_]+", inner))
    if m.group("ang") is not None:
        inner = m.group("angf")
        if inner.upper() in _HTML_TAGS:
            return False
        return inner.isupper() or bool(_FIELD_RE.search(inner))
    if m.group("sq2") is not None:
        return not _REDACTION.search(m.group("sq2f"))
    return True


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
        Do your homework, starting with the recipient's name: the CMO in
        002_a3c7499a1667f438 and 000_89adfda597195df7 names the left-behind ``{firstname}``
        as the mark of mail that was never meant for them.
    """

    code = "H101"
    name = "unfilled-placeholder"
    severity = Severity.ERROR
    needs = ()
    fix_title = "Fill the merge field from the prospect, or remove it"
    scope = "body"
    bad = (
        Example("Hi {first_name},\n\nSaw the Q3 hiring post. Worth a chat?", span="{first_name}"),
        Example("Hi [First Name],\n\nQuick one about [Company Name]'s outbound.",
                span="[First Name]"),
        Example("Hello *|FNAME|*,\n\nAre you free on Tuesday?", span="*|FNAME|*"),
        Example("Hi ,\n\nSaw your talk at SaaStr on ramp time. Worth comparing notes?", span="Hi ,"),
        Example("Subject: idea for {{company}}\n\nHi Dana,\n\nA quick one on ramp time.",
                span="{{company}}"),
        Example("Dear %FIRSTNAME%, we noticed <COMPANY> is hiring.", span="%FIRSTNAME%"),
        Example("Hi {{ contact.first_name }}, saw the new pricing page.",
                span="{{ contact.first_name }}", prospect={"name": "Dana Reyes"}),
    )
    good = (
        Example('Hi Dana,\n\nThe webhook sends {"event": "reply", "id": 42} to your CRM, '
                "so reps see replies in one place. Want the field list?"),
        Example("Hi Dana,\n\nYour reviewer wrote that the tool [sic] was slow; we fixed that in "
                "March. The customer, [REDACTED], cut onboarding to 9 days."),
        Example("Hi Dana,\n\nOur docs use <b>bold</b> for settings and 40% fewer steps. "
                "See [the guide](https://example.com)."),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if doc.subject:
            for m in _PLACEHOLDER.finditer(doc.subject):
                if _is_placeholder(m):
                    yield self.hit(m.start(), m.end(), self._message(m.group(0)),
                                   fix=self._fill(ctx, m, subject=True),
                                   in_subject=True)
        g = _EMPTY_GREETING.match(doc.body)
        if g:
            fix = self.advice("Write the prospect's first name after the greeting")
            if ctx.prospect is not None and ctx.prospect.first_name:
                fix = self.replace_fix(f"Greet {ctx.prospect.first_name} by name",
                                       g.start("gap"), g.end("gap"),
                                       f" {ctx.prospect.first_name}", safe=True)
            yield self.hit(g.start(), g.end(), "Greeting with an empty name (a merge field "
                           "rendered blank)", fix=fix)
        seen: set[str] = set()
        for m in _PLACEHOLDER.finditer(doc.body):
            if _is_placeholder(m) and m.group(0) not in seen and len(seen) < 5:
                seen.add(m.group(0))  # one finding per distinct tag; the first is enough
                yield self.hit(m.start(), m.end(), self._message(m.group(0)),
                               fix=self._fill(ctx, m, subject=False))

    @staticmethod
    def _message(tag: str) -> str:
        return f"Unfilled merge field {tag!r}: the prospect would read it as written"

    def _fill(self, ctx: Context, m: re.Match[str], *, subject: bool) -> Fix:
        raw = next(g for k, g in m.groupdict().items() if k.endswith("f") and g is not None)
        value = _value_for(ctx.prospect, _field_key(raw)) if ctx.prospect is not None else ""
        if not value:
            return self.advice("Fill the merge field by hand, or remove it")
        if subject:  # edits address the body; describe the subject fix instead
            return self.advice(f"Replace {m.group(0)} with {value!r}")
        return self.replace_fix(
            f"Fill {m.group(0)} with {value!r}", m.start(), m.end(), value, safe=True
        )


def _value_for(prospect: Prospect, key: str) -> str:
    attr = _FIELD_MAP.get(key)
    if attr is not None:
        return str(getattr(prospect, attr) or "")
    for ckey, cval in prospect.custom.items():
        if _field_key(ckey) == key:
            return cval
    return ""


# ---- H102 / H103 personalization --------------------------------------------------------------

_RESEARCH_CUE = re.compile(
    r"\b(?:saw|seen|noticed|read|listened|watched|heard|came across|congrat\w*|your (?:post|talk"
    r"|article|podcast|episode|interview|book|report|launch|announcement|round|hire|hiring))\b",
    re.IGNORECASE,
)


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
        prospect = ctx.prospect
        assert prospect is not None
        text = f"{doc.subject or ''}\n{doc.body[: doc.content.end]}"
        found = [
            m
            for name in (prospect.first_name, prospect.name.split()[-1] if prospect.name else "",
                         prospect.company)
            if name and (m := _mentions(text, name)) is not None
        ]
        content = f"{doc.subject or ''}\n{doc.content.text}"
        if prospect.facts:
            specific = bool(used_facts(prospect, content))
        else:
            specific = bool(_RESEARCH_CUE.search(doc.content.text))
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
    _P = {"name": "Dana Reyes", "company": "Northwind", "title": "VP Sales",
          "facts": [{"text": "Opened a second warehouse in Leeds in May", "source": "press"}]}
    bad = (
        Example("Hello,\n\nOur platform helps sales teams book more meetings. Open to a call "
                "on Tuesday?", span="Our platform helps sales teams", prospect=_P),
        Example("Hi there,\n\nWe cut ramp time for SDR teams by a third. Worth 15 minutes?",
                prospect=_P),
    )
    good = (
        Example("Hi Dana,\n\nCongrats on the Leeds warehouse. Routing across two sites is "
                "where dispatch usually slips. Worth 15 minutes?", prospect=_P),
        Example("Hello,\n\nNorthwind's second warehouse means two dispatch queues. Worth a "
                "look at how others run them?", prospect=_P),
        Example("Hi,\n\nFollowing up on the below. Thx.", prospect=_P,
                history=({"direction": "out", "sent_at": "2026-01-05", "body": "Hi Dana"},)),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if ctx.is_followup or not doc.content.text:
            return
        found, specific = self.reading(doc, ctx)
        if found or specific:
            return
        assert ctx.prospect is not None
        first = doc.sentences[0] if doc.sentences else doc.content
        who = ctx.prospect.company or ctx.prospect.name or "the prospect"
        yield self.hit(first.start, first.end,
                       f"Nothing here is about {who}: the same text could go to anyone",
                       fix=self.advice(f"Open with {_fact_hint(ctx.prospect)}"))


class ShallowPersonalization(_Personalization):
    """Only the name, title or company is personal: nothing research would find.

    What it does
        On a first touch, flags an email whose only personal touches are what a mail merge
        knows (first name, company, title) while the research facts on the prospect
        (``prospect.facts``) go unused. With no facts on file it looks for any sign of
        research (something seen, read or noticed) instead.

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
    _P = {"name": "Dana Reyes", "company": "Northwind", "title": "VP Sales",
          "facts": [{"text": "Posted 12 SDR openings in March", "source": "LinkedIn"}]}
    bad = (
        Example("Hi Dana,\n\nAs VP Sales at Northwind you care about pipeline. We help teams "
                "book more meetings. Worth a call?", span="Northwind", prospect=_P),
        Example("Hi Dana,\n\nWe help companies like Northwind book more meetings. Open to a "
                "quick call?", prospect=_P),
    )
    good = (
        Example("Hi Dana,\n\nSaw the 12 SDR openings. Ramp is usually the bottleneck at that "
                "pace. Worth 15 minutes?", prospect=_P),
        Example("Hi Dana,\n\nThe SDR openings you posted in March will all need ramping at "
                "once. Want our ramp checklist?", prospect=_P),
        Example("Hi Dana,\n\nRead your post on SDR ramp; the 30-day shadowing idea is good. "
                "Worth comparing notes?", prospect={"name": "Dana Reyes", "company": "Northwind"},
                note="no facts on file: a sign of research is enough"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        if ctx.is_followup or not doc.content.text:
            return
        found, specific = self.reading(doc, ctx)
        if specific or not found:
            return
        assert ctx.prospect is not None
        m = _mentions(doc.body, ctx.prospect.company) if ctx.prospect.company else None
        if m is None and ctx.prospect.first_name:
            m = _mentions(doc.body, ctx.prospect.first_name)
        first = doc.sentences[0] if doc.sentences else doc.content
        start, end = (m.start(), m.end()) if m else (first.start, first.end)
        yield self.hit(start, end,
                       "Only the name/company is personalised; nothing shows research on them",
                       fix=self.advice(f"Refer to {_fact_hint(ctx.prospect)}"))


# ---- H104 talking-down ---------------------------------------------------------------------

_EXPLAIN_CUE = re.compile(
    r"\b(?:ha(?:ve|d) you (?:ever )?(?:heard|come across|learned)(?: of| about)?"
    r"|are you (?:familiar|aware) (?:with|of)|do you know (?:what|about|how)|not sure if you know"
    r"|what (?:is|are)|(?:is|are) (?:a|an|the) (?:way|method|practice|process|technique|approach"
    r"|type|kind|form|set|field|discipline) (?:of|to|for|that|where|in which)"
    r"|stands for|refers to|is defined as|simply (?:put|means)|basically means|in simple terms"
    r"|in a nutshell|let me explain|to explain|for those (?:not familiar|unfamiliar)"
    r"|in case you(?:'re|’re| are)? (?:not familiar|unfamiliar|new to)"
    r"|if you(?:'re|’re| are)? (?:not familiar|new to|unfamiliar)|if you haven[’']t heard)\b",
    re.IGNORECASE,
)


def _topic_in(topic: str, sentence_stems: set[str], sentence: str) -> bool:
    words = [w for w in _TOKEN.findall(topic) if w.lower() not in _STOP]
    if not words:
        return False
    if len(words) == 1 and len(words[0]) <= 4:  # an acronym such as "DR" or "SEO": exact word
        return re.search(rf"(?<![\w]){re.escape(words[0])}(?![\w])", sentence, re.I) is not None
    return all(_stem(w) in sentence_stems for w in words)


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
    _P = {"name": "Ana Ruiz", "title": "CIO", "company": "Helix",
          "expertise": ["cloud disaster recovery", "SEO"]}
    bad = (
        Example("Hi Ana,\n\nHave you ever heard of cloud disaster recovery? It keeps a copy of "
                "your systems offsite. Worth a call?", span="Have you ever heard of cloud "
                "disaster recovery?", prospect=_P),
        Example("Hi Ana,\n\nIn case you're not familiar, SEO stands for search engine "
                "optimisation. We do it for retailers.", span="SEO stands for", prospect=_P),
        Example("Hi Ana,\n\nCloud disaster recovery is a way to keep a copy of your systems in "
                "another region.", prospect=_P),
    )
    good = (
        Example("Hi Ana,\n\nYour report on cloud disaster recovery testing was the clearest I "
                "have read. How do you test failover at Helix today?", prospect=_P),
        Example("Hi Ana,\n\nHave you heard about the new Helix office opening in Porto? We "
                "furnish offices.", prospect=_P),
        Example("Hi Ana,\n\nHave you ever heard of cloud disaster recovery? Most retailers "
                "haven't.", prospect={"name": "Ana Ruiz", "expertise": []},
                note="no expertise on file: nothing to compare with"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        prospect = ctx.prospect
        if prospect is None or not prospect.expertise:
            return
        for sent in doc.sentences:
            cue = _EXPLAIN_CUE.search(sent.text)
            if cue is None:
                continue
            stems = _stems(sent.text)
            for topic in prospect.expertise:
                if _topic_in(topic, stems, sent.text):
                    yield self.hit(sent.start, sent.end,
                                   f"Explains {topic!r} to someone whose expertise it is")
                    break


# ---- H105 empty-discovery ------------------------------------------------------------------

def _functions() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    terms = load_terms("homework_functions")
    out = []
    for key, titles in terms.items():
        if not key.startswith("title_"):
            continue
        does = terms.get("does_" + key[len("title_"):], [])
        out.append((re.compile(r"\b(?:" + "|".join(titles) + r")\b", re.I),
                    re.compile(r"\b(?:" + "|".join(does) + r")\b", re.I)))
    return out


_YES_NO = re.compile(
    r"^(?:(?:quick|one|simple) question[:,\s–—-]*)?(?:so,?\s+)?"
    r"(?:(?:do|does) (?:you|your (?:team|company|org\w*|business|department|firm)|\w+)"
    r" (?:currently |already |ever |even |actually )?(?:do|use|have|need(?: to do)?|run|sell"
    r"|hire|employ|manage|handle|work with|rely on|send|make|offer|own|track|invest in)"
    r"|(?:are|is) (?:you|your (?:team|company|business)) (?:currently |already |actually )?"
    r"(?:doing|using|running|selling|hiring|sending|tracking|managing|investing in))\b",
    re.IGNORECASE,
)
_QUALIFIES = re.compile(
    r"\b(?:how|why|what|which|struggl\w*|still|priorit\w*|challeng\w*|problem|headache|pain\w*"
    r"|slow\w*|hard|difficult|enough|worr\w*|frustrat\w*|spend\w*|minutes|open to|interested"
    r"|want|mind|thoughts|plan\w*|this (?:quarter|year|month)|right now|next)\b",
    re.IGNORECASE,
)


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
    _P = {"name": "Sam Lee", "title": "VP Sales", "company": "Orbit", "industry": "software"}
    bad = (
        Example("Hi Sam,\n\nDo you do outbound prospecting to find new customers?",
                span="Do you do outbound prospecting", prospect=_P),
        Example("Hi Sam,\n\nQuick question: does your team use a CRM?", prospect=_P),
        Example("Hi Mia,\n\nDo you hire engineers?",
                prospect={"name": "Mia Chen", "title": "Head of Talent", "expertise": []}),
    )
    good = (
        Example("Hi Sam,\n\nHow does your team split outbound prospecting between SDRs and "
                "AEs?", prospect=_P),
        Example("Hi Sam,\n\nIs outbound pipeline a priority for you this quarter?", prospect=_P),
        Example("Hi Sam,\n\nDo you use Gong for call reviews?", prospect=_P,
                note="a tool the profile does not settle: real discovery"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        prospect = ctx.prospect
        if prospect is None:
            return
        for sent in doc.sentences:
            text = sent.text
            if not text.rstrip().endswith("?") or len(text) > 160:
                continue
            m = _YES_NO.search(text)
            if m is None or _QUALIFIES.search(text, m.end()) or _QUALIFIES.search(m.group(0)):
                continue
            why = _answered_by(prospect, text)
            if why:
                yield self.hit(sent.start, sent.end,
                               f"Yes/no question the profile already answers ({why})")


def _answered_by(prospect: Prospect, question: str) -> str:
    for titles, does in _FUNCTIONS:
        if prospect.title and titles.search(prospect.title) and does.search(question):
            return f"their title is {prospect.title}"
    q_stems = _stems(question)
    for topic in prospect.expertise:
        if _topic_in(topic, q_stems, question):
            return f"{topic} is their expertise"
    if prospect.industry and _topic_in(prospect.industry, q_stems, question):
        return f"their industry is {prospect.industry}"
    exclude = identity_stems(prospect)
    for fact in prospect.facts:
        words, _numbers = _distinctive(fact.text, exclude)
        if len(words & q_stems) >= 2:
            return f"research says {fact.text[:60]!r}"
    return ""


_FUNCTIONS = _functions()


# ---- H106 generic-flattery -----------------------------------------------------------------

_OBJECT = (
    r"(?:work|website|web\s?site|site|blog|content|company|business|brand|products?|pages?"
    r"|posts|postings|articles|podcast|newsletter|team|platform|approach|style|stuff)"
)
_PRAISE = (
    r"(?:awesome|amazing|great|beautiful|impressive|fantastic|incredible|inspiring"
    r"|an inspiration|excellent|wonderful|outstanding|brilliant|stunning|very good)"
)
_FLATTERY = re.compile(
    rf"""\b(?:
        (?:i|we)(?:[’']ve|\ have)?\ (?:really\ |truly\ |absolutely\ |just\ )?
            (?:love|loved|adore|admire|enjoy|enjoyed|like|liked)\ (?:your|the)\ {_OBJECT}
      | (?:big|huge|long-?time|great|avid)\ (?:fan|admirer|follower|reader)\ of\ (?:your|the)(?:\ {_OBJECT})?\b
      | as\ an?\ (?:big\ |huge\ |long-?time\ )?(?:fan|admirer|follower)(?:\ and\ (?:an?\ )?avid\ reader)?
      | (?:i\ am|i[’']m)\ (?:a\ )?(?:big\ |huge\ )?fan\b
      | (?:i[’']ve|i\ have)\ been\ following\ (?:your|you)\b
      | (?:really\ |very\ |so\ )?impressed\ (?:by|with|for)\ (?:your|the)(?:\ {_OBJECT})?\b
      | your\ {_OBJECT}(?:\ \w+)?\ (?:is|are|looks?)\ (?:very\ |really\ |so\ |truly\ |absolutely\ )?{_PRAISE}
      | (?:think|thought|found)\ (?:it[’']s|it\ is|it)\ (?:very\ |really\ |so\ )?{_PRAISE}
      | (?:the|your)\ content\ is\ an\ inspiration
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|co)\b", re.I)
_SPECIFIC = re.compile(
    r"\d|[\"“”«]|\b(?:especially|particularly|in particular|the part|the bit)\b"
    r"|\b(?:post|article|episode|talk|piece|video|book|thread|report|paper|essay|keynote"
    r"|interview|launch|case study)\s+(?:on|about|where|titled|called|with)\b",
    re.IGNORECASE,
)
_CAPWORD = re.compile(r"(?<=[\s(])[A-Z][a-z]+(?:[A-Z]\w*)?\b")


def _specific(text: str, skip: set[str]) -> bool:
    clean = _URL.sub(" ", text)
    if _SPECIFIC.search(clean):
        return True
    return any(w.group(0).lower() not in skip for w in _CAPWORD.finditer(clean))


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
    bad = (
        Example("Hi Dana,\n\nI love your website! We build booking tools for clinics. Worth "
                "a look?", span="I love your website"),
        Example("Hi Dana,\n\nBig fan of your work. I'd like to write a guest post for your "
                "readers.", span="Big fan of your work"),
        Example("Hi,\n\nI came across your site www.example.com and think it's awesome. "
                "Can I send an article?", span="think it's awesome"),
    )
    good = (
        Example("Hi Dana,\n\nBig fan of your post on ramp time, especially the 30-day "
                "shadowing rule. We built a checklist around it. Want it?"),
        Example("Hi Dana,\n\nI loved your SaaStr talk on pricing pages. One question on the "
                "enterprise tier: who owns it?"),
        Example("Hi Dana,\n\nYour team is growing fast; the 12 open SDR roles say so. Worth "
                "comparing onboarding notes?"),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        sents = doc.sentences
        skip = {"i", "i'm", "i’m", "i've", "as", "big", "huge", "the", "your", "hi", "hello"}
        if ctx.prospect is not None:
            skip |= {w.lower() for w in _TOKEN.findall(
                f"{ctx.prospect.name} {ctx.prospect.first_name} {ctx.prospect.company}")}
        for i, sent in enumerate(sents):
            m = _FLATTERY.search(sent.text)
            if m is None:
                continue
            after = sent.text[m.end():]
            nxt = sents[i + 1].text if i + 1 < len(sents) else ""
            if not re.search(r"\byour\b", nxt, re.IGNORECASE):
                nxt = ""
            if _specific(after, skip) or _specific(nxt, skip):
                continue
            yield self.hit(sent.start + m.start(), sent.start + m.end(),
                           "Generic praise: nothing shows what you actually read or saw")
            return
