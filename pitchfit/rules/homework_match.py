"""Profile matching, merge-tag syntax and cue phrases for the homework rules.

Kept apart from the rule classes so each module stays small.

Matching is lexical and cheap: crude stems, numbers and topic words, so it runs on every email
of a campaign. Word lists live in ``terms/homework_words.toml`` and
``terms/homework_functions.toml``.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..text.patterns import lazy_compile
from .gate import WordGate
from .kinds import load_terms
from .regex_parts import lone_sources

if TYPE_CHECKING:
    from ..models import Prospect
    from ..text.document import Document

TOKEN = lazy_compile(r"[^\W_]+(?:['’-][^\W_]+)*", re.UNICODE)
STOP = frozenset(load_terms("homework_words")["stop"])


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Crude stem so "hiring", "hired" and "hires" meet; enough for profile matching."""
    w = word.lower().replace("’", "'")
    for suffix in ("'s", "ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            w = w[: -len(suffix)]
            break
    return w[:6]


def stems(text: str) -> set[str]:
    return {stem(t) for t in TOKEN.findall(text) if t.lower() not in STOP}


def distinctive(text: str, exclude: set[str]) -> tuple[set[str], set[str]]:
    """A fact's words worth matching: (stems of words of 4+ letters, numbers)."""
    words: set[str] = set()
    numbers: set[str] = set()
    for tok in TOKEN.findall(text):
        low = tok.lower()
        if low in STOP:
            continue
        if any(ch.isdigit() for ch in tok):
            numbers.add(low)
        elif len(tok) >= 4:
            st = stem(tok)
            if st not in exclude:
                words.add(st)
    return words, numbers


def identity_stems(prospect: Prospect) -> set[str]:
    """Stems of what a mail merge knows without research: name, company, title words."""
    out: set[str] = set()
    for text in (prospect.first_name, prospect.name, prospect.company):
        out |= stems(text)
    return out


def _has_digit(token: str) -> bool:
    # a token of letters only has no digit: the C test spares the per-character loop
    return not token.isalpha() and any(c.isdigit() for c in token)


@lru_cache(maxsize=4096)
def _fact_exclude(first_name: str, name: str, company: str, title: str) -> frozenset[str]:
    """identity_stems | stems(title), for one prospect's fields (the same for every email)."""
    return frozenset(stems(first_name) | stems(name) | stems(company) | stems(title))


@lru_cache(maxsize=16384)
def _fact_terms(text: str, exclude: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    words, numbers = distinctive(text, set(exclude))
    return frozenset(words), frozenset(numbers)


def used_facts(prospect: Prospect, text: str) -> list[str]:
    """The research facts the text refers to (a shared number or two shared words)."""
    exclude = _fact_exclude(prospect.first_name, prospect.name, prospect.company, prospect.title)
    tokens = TOKEN.findall(text)
    body_stems = {stem(t) for t in tokens if t.lower() not in STOP}  # stems(text)
    body_numbers = {t.lower() for t in tokens if _has_digit(t)}
    used = []
    for fact in prospect.facts:
        words, numbers = _fact_terms(fact.text, exclude)
        shared = words & body_stems
        if numbers & body_numbers or len(shared) >= 2 or (shared and len(words) == 1):
            used.append(fact.text)
    return used


def mentions(text: str, name: str) -> re.Match[str] | None:
    """Where a name (or its first distinctive word) appears as a whole word.

    A capitalised name must match its case, so "Will" is not found in "we will".
    """
    word = _name_word(name)
    if not word:
        return None
    cased = word[0].isupper()
    if cased and word not in text:  # a case-sensitive whole word needs the substring
        return None
    pattern = r"(?<![\w])" + re.escape(word) + r"(?![\w])"
    return re.search(pattern, text, 0 if cased else re.IGNORECASE)


@lru_cache(maxsize=4096)
def _name_word(name: str) -> str:
    """The first distinctive word of a name ("" when none)."""
    words = [w for w in TOKEN.findall(name) if w.lower() not in STOP and len(w) >= 2]
    return words[0] if words else ""


# ---- H101 unfilled-placeholder --------------------------------------------------------------

_FIELD_WORDS = (
    r"name|first|last|surname|fname|lname|company|organi[sz]ation|account|title|job|role"
    r"|position|industry|city|country|e-?mail|phone|website|url|product|insert|prospect"
    r"|recipient|contact|sender|competitor|benefit|pain|claim|timeframe|result|metric|address"
)
_REDACTION = lazy_compile(
    r"redact|remov|withh[eo]ld|omit|delet|\bsic\b|blank|edited|anonym|censor|private|hidden"
    r"|confidential|protected|\.\.\.|…",
    re.IGNORECASE,
)
_HTML_TAGS = frozenset(load_terms("homework_words")["html_tags"])
PLACEHOLDER = lazy_compile(
    r"""
      (?P<mc>\*\|\s*(?P<mcf>[A-Za-z0-9_:]{2,30})\s*\|\*)                       # *|FNAME|*
    | (?P<dbl>\{\{\s*(?P<dblf>[A-Za-z_][^{}\n]{0,60}?)\s*\}\})                # {{company}}
    | (?P<sq2>\[\[\s*(?P<sq2f>[^\[\]\n]{1,40}?)\s*\]\])                       # [[First Name]]
    | (?<!\{)(?P<one>\{\s?                                                  # {first_name}
          (?P<onef>[A-Za-z][A-Za-z0-9_.]{0,30}(?:\ [A-Z][A-Za-z0-9_]{0,20}){0,3})\s?\})(?!\})
    | (?P<sq>\[(?P<sqf>[^\[\]\n]{1,40})\])(?!\()                              # [First Name]
    | (?P<pct>%(?P<pctf>[A-Z][A-Z0-9_]{1,30}|[a-z]+_[a-z_]{1,30})%)           # %FIRSTNAME%
    | (?P<ang><(?P<angf>[A-Z][A-Z0-9_]{1,30}|[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,3})>)  # <NAME>
    """,
    re.VERBOSE,
)
_FIELD_RE = lazy_compile(rf"(?:{_FIELD_WORDS})", re.IGNORECASE)
EMPTY_GREETING = lazy_compile(
    r"\A[ \t]*(?:hi|hey|hello|dear|good\s+(?:morning|afternoon))(?P<gap>[ \t]+)[,!:]",
    re.IGNORECASE,
)
_PREFIX = lazy_compile(r"^(?:contact|lead|prospect|recipient|person|account|user|sender)[._]", re.I)
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


def find_placeholders(text: str) -> list[re.Match[str]]:
    """Merge tags in ``text``: the full pattern is tried only where a tag can open (found by
    ``str.find``, many times faster than ``re`` scanning for a set of characters), which keeps
    clean emails cheap."""
    out: list[re.Match[str]] = []
    openers: list[int] = []
    for ch in "*{[%<":
        at = text.find(ch)
        while at >= 0:
            openers.append(at)
            at = text.find(ch, at + 1)
    if not openers:
        return out
    openers.sort()
    after = 0
    match = PLACEHOLDER.compiled.match
    for at in openers:
        if at < after:
            continue
        m = match(text, at)
        if m is not None and is_placeholder(m):
            out.append(m)
            after = m.end()
    return out


def field_key(raw: str) -> str:
    key = raw.split("|")[0].strip().lower()
    key = _PREFIX.sub("", key)
    return re.sub(r"[\s-]+", "_", key)


def is_placeholder(m: re.Match[str]) -> bool:
    if m.group("sq") is not None:
        inner = m.group("sqf")
        if _REDACTION.search(inner):
            return False
        return bool(_FIELD_RE.search(inner)) or bool(re.fullmatch(r"[A-Za-z]+_[A-Za-z_]+", inner))
    if m.group("ang") is not None:
        inner = m.group("angf")
        if inner.upper() in _HTML_TAGS:
            return False
        return bool(_FIELD_RE.search(inner))
    if m.group("pct") is not None:  # %APPDATA% in an IT email is not a merge field
        inner = m.group("pctf")
        return "_" in inner or bool(_FIELD_RE.search(inner))
    if m.group("sq2") is not None:
        return not _REDACTION.search(m.group("sq2f"))
    return True


def value_for(prospect: Prospect, key: str) -> str:
    attr = _FIELD_MAP.get(key)
    if attr is not None:
        return str(getattr(prospect, attr) or "")
    for ckey, cval in prospect.custom.items():
        if field_key(ckey) == key:
            return cval
    return ""


def topic_in(topic: str, sentence_stems: set[str], sentence: str) -> bool:
    words = [w for w in TOKEN.findall(topic) if w.lower() not in STOP]
    if not words:
        return False
    if len(words) == 1 and len(words[0]) <= 4:  # an acronym such as "DR" or "SEO": exact word
        return re.search(rf"(?<![\w]){re.escape(words[0])}(?![\w])", sentence, re.I) is not None
    return all(stem(w) in sentence_stems for w in words)


@cache
def _functions() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    terms = load_terms("homework_functions")
    out = []
    for key, titles in terms.items():
        if not key.startswith("title_"):
            continue
        does = terms.get("does_" + key[len("title_") :], [])
        out.append(
            (
                re.compile(r"\b(?:" + "|".join(titles) + r")\b", re.I),
                re.compile(r"\b(?:" + "|".join(does) + r")\b", re.I),
            )
        )
    return out


def answered_by(prospect: Prospect, question: str) -> str:
    for titles, does in _functions():
        if prospect.title and titles.search(prospect.title) and does.search(question):
            return f"their title is {prospect.title}"
    q_stems = stems(question)
    for topic in prospect.expertise:
        if topic_in(topic, q_stems, question):
            return f"{topic} is their expertise"
    if prospect.industry and topic_in(prospect.industry, q_stems, question):
        return f"their industry is {prospect.industry}"
    exclude = identity_stems(prospect)
    for fact in prospect.facts:
        words, _numbers = distinctive(fact.text, exclude)
        if len(words & q_stems) >= 2:
            return f"research says {fact.text[:60]!r}"
    return ""


# ---- cue phrases of the personalization, talking-down, discovery and flattery rules ----

RESEARCH_CUE = lazy_compile(
    r"\b(?:saw|seen|noticed|read|listened|watched|heard|came across|congrat\w*|according to"
    r"|going by|looks like you|you(?:[’']ve| have)? (?:posted|wrote|said|mentioned|published"
    r"|announced|launched|opened|hired|raised|added|moved|switched|cover)"
    r"|your (?:[\w-]+ ){0,3}(?:post|talk|article|podcast|episode|interview|book|report|paper"
    r"|piece|review|launch|announcement|round|hire|hiring|careers page|job ad|integrations page"
    r"|pricing page|contract|tender|reviews|blog|rebrand))\b",
    re.IGNORECASE,
)


EXPLAIN_CUE = lazy_compile(
    r"\b(?:ha(?:ve|d) you (?:ever )?(?:heard|come across|learned)(?: of| about)?"
    r"|are you (?:familiar|aware) (?:with|of)|do you know (?:what|about|how)|not sure if you know"
    r"|what (?:is|are)|(?:is|are|[’']s) (?:a|an|the) (?:[\w-]+ )?(?:way|method|practice|process"
    r"|technique|approach|strategy|framework|model"
    r"|type|kind|form|set|field|discipline) (?:of|to|for|that|where|in which)"
    r"|stands for|refers to|is defined as|simply (?:put|means)|basically means|in simple terms"
    r"|in a nutshell|let me explain|to explain|for those (?:not familiar|unfamiliar)"
    r"|in case you(?:'re|’re| are)? (?:not familiar|unfamiliar|new to)"
    r"|if you(?:'re|’re| are)? (?:not familiar|new to|unfamiliar)|if you haven[’']t heard)\b",
    re.IGNORECASE,
)

# Words RESEARCH_CUE and EXPLAIN_CUE cannot match without (see gate.py and may_match).
RESEARCH_GATE = WordGate(
    "saw seen noticed read listened watched heard",
    "came & across",
    "according & to",
    "going & by",
    "looks & like & you",
    "posted wrote said mentioned published announced launched opened hired raised added moved"
    " switched cover & you",
    "post talk article podcast episode interview book report paper piece review launch"
    " announcement round hire hiring page ad contract tender reviews blog rebrand & your",
    "congrat*",
)
EXPLAIN_GATE = WordGate(
    "heard come learned & you & have had",
    "familiar aware & are & you & with of",
    "know & do & you & what about how",
    "know & sure & not",
    "what & is are",
    "way method practice process technique approach strategy framework model type kind form"
    " set field discipline & a an the & of to for that where in",
    "stands & for",
    "refers & to",
    "defined & is",
    "simply & put means",
    "basically & means",
    "terms & simple",
    "nutshell",
    "explain",
    "familiar unfamiliar & those",
    "familiar unfamiliar new & case",
    "familiar unfamiliar new & if",
    "heard & haven",
)


def may_match(gate: WordGate, doc: Document) -> bool:
    """Whether an IGNORECASE cue pattern of ASCII words can match the email. The word gate
    decides when the body is ASCII (lower-casing is then exactly what IGNORECASE compares);
    any other body goes to the regex (``re`` also folds ı, İ and ſ onto i and s)."""
    return not doc.body.isascii() or gate.could_match(doc.vocabulary, doc.lower)


PRONOUN = lazy_compile(r"(?:it|this|that|they)(?:[’']s|\b)", re.IGNORECASE)


YES_NO = lazy_compile(
    r"^(?:(?:quick|one|simple) question[:,\s–—-]*)?(?:so,?\s+)?"
    r"(?:(?:do|does) (?:you|your (?:team|company|org\w*|business|department|firm)|\w+)"
    r" (?:currently |already |ever |even |actually )?(?:do|use|have|need(?: to do)?|run|sell"
    r"|hire|employ|manage|handle|work with|rely on|send|make|offer|own|track|invest in)"
    r"|(?:are|is) (?:you|your (?:team|company|business)) (?:currently |already |actually )?"
    r"(?:doing|using|running|selling|hiring|sending|tracking|managing|investing in))\b",
    re.IGNORECASE,
)
QUALIFIES = lazy_compile(
    r"\b(?:how|why|what|which|struggl\w*|still|priorit\w*|challeng\w*|problem|headache|pain\w*"
    r"|slow\w*|hard|difficult|enough|worr\w*|frustrat\w*|spend\w*|minutes|open to|interested"
    r"|want|mind|thoughts|plan\w*|this (?:quarter|year|month)|right now|next)\b",
    re.IGNORECASE,
)


_OBJECT = (
    r"(?:work|website|web\s?site|site|blog|content|company|business|brand|products?|pages?"
    r"|posts|postings|articles|podcast|newsletter|team|platform|approach|style|stuff)"
)
_PRAISE = (
    r"(?:awesome|amazing|great|beautiful|impressive|fantastic|incredible|inspiring"
    r"|an\ inspiration|excellent|wonderful|outstanding|brilliant|stunning|very\ good)"
)
_FLATTERY_ALTERNATIVES = (
    rf"""(?:i|we)(?:[’']ve|\ have)?\ (?:really\ |truly\ |absolutely\ |just\ )?
            (?:love|loved|adore|admire|enjoy|enjoyed|like|liked)\ (?:your|the)\ {_OBJECT}""",
    rf"""(?:big|huge|long-?time|great|avid)\ (?:fan|admirer|follower|reader)
            \ of\ (?:your|the)(?:\ {_OBJECT})?\b""",
    r"""as\ an?\ (?:big\ |huge\ |long-?time\ )?(?:fan|admirer|follower)
            (?:\ and\ (?:an?\ )?avid\ reader)?""",
    r"(?:i\ am|i[’']m)\ (?:a\ )?(?:big\ |huge\ )?fan\b",
    r"(?:i[’']ve|i\ have)\ been\ following\ (?:your|you)\b",
    rf"(?:really\ |very\ |so\ )?impressed\ (?:by|with|for)\ (?:your|the)(?:\ {_OBJECT})?\b",
    rf"""your\ {_OBJECT}(?:\ \w+)?\ (?:is|are|looks?)
            \ (?:very\ |really\ |so\ |truly\ |absolutely\ )?{_PRAISE}""",
    rf"(?:think|thought|found)\ (?:it[’']s|it\ is|it)\ (?:very\ |really\ |so\ )?{_PRAISE}",
    r"(?:the|your)\ content\ is\ an\ inspiration",
    r"""you(?:\ guys|\ all)?\ (?:are|[’']re)\ (?:clearly\ |really\ |truly\ |so\ )?(?:doing\ )?
            (?:amazing|great|awesome|incredible|fantastic|impressive|leaders|killing\ it)\b""",
)
FLATTERY = lazy_compile(
    r"\b(?:" + "\n      | ".join(_FLATTERY_ALTERNATIVES) + "\n    )",
    re.VERBOSE,
)
# Each alternative alone, without the word edge, split to open with a literal (style_text's
# _lone_sources): together they match wherever FLATTERY does, and ``re`` runs through them
# many times faster than through the whole alternation (see find_flattery).
_FLATTERY_LONE = tuple(
    lazy_compile(part, re.VERBOSE) for alt in _FLATTERY_ALTERNATIVES for part in lone_sources(alt)
)


def find_flattery(text: str) -> re.Match[str] | None:
    """``FLATTERY.search(text)``: the whole pattern is tried only where an alternative alone
    matches (a superset of where it can), leftmost first."""
    starts: set[int] = set()
    for lone in _FLATTERY_LONE:
        search = lone.compiled.search
        at = 0
        while (m := search(text, at)) is not None:
            at = m.start()
            starts.add(at)
            at += 1
    match = FLATTERY.compiled.match
    for start in sorted(starts):
        m = match(text, start)
        if m is not None:
            return m
    return None


# Per alternative of FLATTERY (same order), the words it cannot match without; praise words
# are substrings ("great" also runs on into "greater": the pattern has no word end there),
# and "I love your…" needs the verb and "your"/"the" side by side (one gate alternative per
# verb, so only the verbs of the email cost a scan). Test it against the content with line
# breaks flattened (``ask.low``), the text FLATTERY searches.
# Praise as FLATTERY writes it after a space, with what must come right before it:
# "is/are/look(s) [adverb] great", "it's/it is/it [adverb] great". ``_`` stands for a space;
# the gate tests these substrings.
_PRAISE_WORDS = [
    "awesome",
    "amazing",
    "great",
    "beautiful",
    "impressive",
    "fantastic",
    "incredible",
    "inspiring",
    "an_inspiration",
    "excellent",
    "wonderful",
    "outstanding",
    "brilliant",
    "stunning",
    "very_good",
]


def _praise_subs(heads: str, adverbs: str) -> str:
    """Gate substrings "head_[adverb_]praise*": praise alone (" great") is in far more emails."""
    return " ".join(
        f"{head}_{adverb}{praise}*"
        for head in heads.split()
        for adverb in ("", *(f"{a}_" for a in adverbs.split()))
        for praise in _PRAISE_WORDS
    )


# What FLATTERY writes right after "your " in "your website is great" (a word may run on:
# "product" in "products"; "web" in "web site" and "website"), and each praise word after
# the space before it: both come before the head-adverb-praise substrings, which are many.
_OBJECT_OPENINGS = (
    "work web site blog content company business brand product page posts postings articles"
    " podcast newsletter team platform approach style stuff"
)
_YOUR_OBJECT = " ".join(f"your_{o}*" for o in _OBJECT_OPENINGS.split())
_SPACE_PRAISE = " ".join(f"_{p}*" for p in _PRAISE_WORDS)
_LOVE = "love loved adore admire enjoy enjoyed like liked"
FLATTERY_GATE = WordGate(
    *(f"{v} & i we & {v}_your_* {v}_the_*" for v in _LOVE.split()),
    "fan admirer follower reader & of & your the & big huge time longtime great avid",
    "as & a an & fan* admirer* follower*",
    "fan & i & am m",
    "following & been & i",
    "impressed & by with for & your the",
    f"your & is are look looks & {_YOUR_OBJECT} & {_SPACE_PRAISE} & "
    + _praise_subs("is are look looks", "very really so truly absolutely"),
    # "it [adverb] great" holds " great" and is one search (all open with "it"): cheaper
    # than " great" alone or the three "think it" scans, so it comes first
    "think thought found & it & "
    + _praise_subs("it's it’s it_is it", "very really so")
    + " & think_it* thought_it* found_it*",
    "content & inspiration & is",
    "amazing great awesome incredible fantastic impressive leaders killing & "
    + " ".join(f"{w}_{v}*" for w in ("you", "guys", "all") for v in ("are", "'re", "’re")),
)
_URL = lazy_compile(r"(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|io|co)\b", re.I)
_SPECIFIC = lazy_compile(
    r"\d|[\"“”«]|\b(?:especially|particularly|in particular|the part|the bit)\b"
    r"|\b(?:post|article|episode|talk|piece|video|book|thread|report|paper|essay|keynote"
    r"|interview|launch|case study)\s+(?:on|about|where|titled|called|with)\b",
    re.IGNORECASE,
)
_CAPWORD = lazy_compile(r"(?<=[\s(])[A-Z][a-z]+(?:[A-Z]\w*)?\b")


def specific(text: str, skip: set[str]) -> bool:
    """Whether praise carries a detail (a number, quote, named piece or proper noun)."""
    clean = _URL.sub(" ", text)
    if _SPECIFIC.search(clean):
        return True
    return any(w.group(0).lower() not in skip for w in _CAPWORD.finditer(clean))
