"""V104 unproven-claim: superlatives, scale and number claims with nothing to back them.

Split from :mod:`pitchfit.rules.value` (which re-exports it) to keep modules small; the patterns
come in a whole form (what the rule reports) and a fast-starting form (where a claim can be).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..text.patterns import lazy_compile
from .ask_text import (
    is_english,
    low,
    quote,
    words_lower,
)
from .base import Example, Hit, Rule, Severity
from .gate import WordGate

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document
from .value_shared import (
    _PRODUCT,
    _PRODUCT_WORDS,
    _led,
    _Next,
    _proof_backs,
    _result,
    _word_first,
)

# ---- V104 unproven-claim -------------------------------------------------------------------

_SUP_BY = r"the|our|we[’']re|we are"  # "we are the best platform"
_SUP_CLAIM = (
    r"\s+(?:the\s+|an?\s+)?"
    r"(?:(?:world|industry|market)[- ]leading|leading"
    r"|best|#1|number one|no\.?\s?1|fastest|most (?:advanced|powerful|accurate|trusted|complete"
    r"|innovative|reliable|effective)|only)\s+(?:[\w-]+\s+){0,3}?"
    rf"\(?(?:{_PRODUCT}|provider|agency|company|vendor|partner|firm|organi[sz]ation)s?\b"
)
_SUP_RANK_BY = "best|#1|number one|leading"  # "best in the industry"
_SUP_RANK_CLAIM = (
    r"\b[^.?!\n]{0,30}?\b(?:on the market|in the (?:industry|market|world|country|space"
    r"|business))\b"
)
_SUP_WORDS = (  # "world-class"
    "world-class|best-in-class|industry-leading|market-leading|unmatched|unbeatable"
    "|unrivall?ed|second to none|guaranteed results|proven results|proven track record"
)
_SUPERLATIVE = lazy_compile(
    rf"\b(?:{_SUP_BY}){_SUP_CLAIM}|\b(?:{_SUP_RANK_BY}){_SUP_RANK_CLAIM}|\b(?:{_SUP_WORDS})\b"
)
_SCALE_BY = "helped|help|helping|work with|worked with|served|serve"
_SCALE_CLAIM = (
    r"\s+(?:over\s+|more\s+than\s+)?"
    r"(?:\d[\d,]*\+?|thousands|hundreds|millions|dozens|countless)\s+(?:of\s+)?(?:other\s+)?"
    r"(?:companies|businesses|customers|clients|teams|brands|organi[sz]ations|firms)\b"
)
_SCALE = lazy_compile(rf"\b(?:{_SCALE_BY}){_SCALE_CLAIM}")
_MULTIPLIER_BY = r"our\s+(?:platform|product|tool|solution|software|app|service|clients|customers)"
_MULT_WORDS = "more|faster|higher|better|increase|growth|lift|roi|return"
_MULTIPLIER_CLAIM = rf"\b[^.?!\n]{{0,60}}?\b\d+(?:\.\d+)?(?:x|%)\s+(?:{_MULT_WORDS})\b"
_MULTIPLIER = lazy_compile(rf"\b(?:{_MULTIPLIER_BY}|we){_MULTIPLIER_CLAIM}")


# For finding where a claim can be (see _Next): the claim patterns with a fast start, and the
# literal text a match of the other parts cannot be without. The rule searches all but the last
# in parts (_SUPERLATIVE_PARTS and below); the tests hold the parts to these.
_SUPERLATIVE_LED = lazy_compile(_led(*_SUP_BY.split("|")) + _SUP_CLAIM)
_SUP_RANK_RE = lazy_compile(_led(*_SUP_RANK_BY.split("|")) + _SUP_RANK_CLAIM)
_SUP_RANK_TEXT = ("on the market", "in the ")
_SUP_WORD_RE = lazy_compile(_led(*_SUP_WORDS.split("|")) + r"\b")
# A word of each: a set test before the substring scans.
# _SUP_WORD_RE by its words, each with a literal start, looked for only where the content holds
# it: (pattern, the word).
_SUP_WORD_PARTS = tuple(
    (lazy_compile(_word_first(w) + r"\b"), w)
    for w in _SUP_WORDS.replace("unrivall?ed", "unrivaled|unrivalled").split("|")
)
_SUP_WORD_VOCAB = frozenset(
    {"class", "leading", "unmatched", "unbeatable", "unrivaled", "unrivalled", "none",
     "guaranteed", "proven"}
)  # fmt: skip
# _SUP_WORD_PARTS with the word of each that _SUP_WORD_VOCAB holds: a part matches only in an
# email holding it, so a set test spares most of the scans of the content for the parts.
_SUP_WORD_NEEDS = tuple(
    (rx, w, next(t for t in re.split(r"[^a-z]+", w) if t in _SUP_WORD_VOCAB))
    for rx, w in _SUP_WORD_PARTS
)
_SCALE_LED = lazy_compile(_led(*_SCALE_BY.split("|")) + _SCALE_CLAIM)
# The same patterns split by the word they open with, each with a literal start (see
# value_shared._word_first) and the word the email must hold for it: (pattern, word). A match of
# the whole at a place is a match of one part there, so the parts' nearest match is the whole's.
_SUPERLATIVE_PARTS = (
    (lazy_compile(_word_first("the") + _SUP_CLAIM), "the"),
    (lazy_compile(_word_first("our") + _SUP_CLAIM), "our"),
    (lazy_compile(_word_first("we") + r"(?:[’']re| are)" + _SUP_CLAIM), "we"),
)
_SUP_RANK_PARTS = (
    (lazy_compile(_word_first("best") + _SUP_RANK_CLAIM), "best"),
    (lazy_compile(_word_first("#1") + _SUP_RANK_CLAIM), "1"),
    (lazy_compile(_word_first("number one") + _SUP_RANK_CLAIM), "number"),
    (lazy_compile(_word_first("leading") + _SUP_RANK_CLAIM), "leading"),
)
_SCALE_PARTS = (
    (
        lazy_compile(_word_first("help") + "(?:ed|ing)?" + _SCALE_CLAIM),
        frozenset({"help", "helped", "helping"}),
    ),
    (
        lazy_compile(_word_first("work") + "(?:ed)? with" + _SCALE_CLAIM),
        frozenset({"work", "worked"}),
    ),
    (lazy_compile(_word_first("serve") + "d?" + _SCALE_CLAIM), frozenset({"serve", "served"})),
)
_MULTIPLIER_LED = lazy_compile(_led(_MULTIPLIER_BY, "we") + _MULTIPLIER_CLAIM)
_EVIDENCE = lazy_compile(
    r"\b(?:case study|according to|source|study|survey|audited|verified|benchmark|https?://"
    r"|in \d+ (?:days|weeks|months)|within \d+|from \d[\d,.]*\w* to \d)"
)
_CLAIM_WORDS = frozenset(
    {"best", "leading", "1", "fastest", "most", "only", "world-class", "best-in-class",
     "industry-leading", "market-leading", "unmatched", "unbeatable", "unrivaled", "unrivalled",
     "none", "guaranteed", "proven", "number", "helped", "help", "helping", "serve", "served",
     "work", "worked"}
)  # fmt: skip
# Words _SUPERLATIVE, _SCALE and _MULTIPLIER cannot match without (see gate.py).
_CLAIM_NOUNS = "provider agency company vendor partner firm organisation organization"
_CLAIM_NOUNS = " ".join(f"{w} {w}s" for w in _CLAIM_NOUNS.split(" "))
_CLAIM_THINGS = f"{_PRODUCT_WORDS} {_CLAIM_NOUNS}"
_SUPERLATIVE_GATE = WordGate(  # per superlative of each alternative ("#1*": a substring)
    f"leading best fastest only & {_CLAIM_THINGS} & the our we",
    "most & advanced powerful accurate trusted complete innovative reliable effective"
    f" & {_CLAIM_THINGS} & the our we",
    f"number & one & {_CLAIM_THINGS} & the our we",
    f"no1 & {_CLAIM_THINGS} & the our we",
    f"1 & no #1* & {_CLAIM_THINGS} & the our we",
    "market industry world country space business & best 1 number leading & the & on in",
    "class & world best",
    "leading & industry market",
    "unmatched unbeatable unrivaled unrivalled",
    "none & second & to",
    "results & guaranteed proven",
    "record & proven & track",
)
_SCALE_GATE = WordGate(
    "companies businesses customers clients teams brands organisations organizations firms"
    " & helped help helping work worked served serve"
)
_MULTIPLIER_GATE = WordGate("more faster higher better increase growth lift roi return & our we")
_DIGIT_TIMES = lazy_compile(r"\d[x%]")  # in every _MULTIPLIER match ("3x", "40%")
# What every _MULTIPLIER match ends with, from the digit before "x" or "%" on ("3x more"): a
# search for the rarest part of the claim, which decides whether the rest is looked for.
_DIGIT_TIMES_MORE = lazy_compile(rf"\d[x%]\s+(?:{_MULT_WORDS})\b")
# The same for each of "x" and "%", the digit tested after it: a literal start, several times
# faster to scan for than a digit (whether one matches is all that is asked).
_TIMES_MORE = lazy_compile(rf"x(?<=\dx)\s+(?:{_MULT_WORDS})\b")
_PERCENT_MORE = lazy_compile(rf"%(?<=\d%)\s+(?:{_MULT_WORDS})\b")


def _word_groups(gate: WordGate) -> tuple[frozenset[str], frozenset[str]]:
    """The two word groups of a gate of one alternative: its test in two set tests, without
    the general machinery of ``could_match``."""
    (alt,) = gate.alternatives
    if len(alt) != 2 or any(subs for _words, subs in alt):
        raise ValueError("not a gate of two word groups")
    return alt[0][0], alt[1][0]


_SCALE_NOUNS, _SCALE_VERBS = _word_groups(_SCALE_GATE)
_MULT_WORDS_GATE, _MULT_BY = _word_groups(_MULTIPLIER_GATE)
_TIMES = lazy_compile(r"\d+(?:\.\d+)?x")
_DIGIT_X = lazy_compile(r"\d[xX]")  # in the content wherever a word is _TIMES
# A word of _CLAIM_WORDS in the content puts it (or, hyphenated, its last part) in the
# email's vocabulary: a set test before reading the words.
_CLAIM_VOCAB = frozenset(w.rsplit("-", 1)[-1] for w in _CLAIM_WORDS)


def _claim_word(doc: Document, content: str) -> bool:
    """Whether a word of the content is a claim word or a multiplier ("3x")."""
    words = words_lower(doc)
    if not _CLAIM_VOCAB.isdisjoint(doc.vocabulary) and not _CLAIM_WORDS.isdisjoint(words):
        return True
    return _DIGIT_X.search(content) is not None and any(_TIMES.fullmatch(w) for w in words)


_NAMED = lazy_compile(r"(?<=[\s(])[A-Z][a-z]+[A-Z]?\w*\b")


class UnprovenClaim(Rule):
    """A superlative or a number nobody can check: "the best platform", "helped 500 companies".

    What it does
        Flags self-praise ("the leading provider", "best on the market", "world-class"),
        scale claims with no outcome ("helped thousands of companies achieve results") and
        multipliers with no customer, timeframe or source ("our platform generates 3x more
        leads"). A claim one of the offer's ``proof`` points backs, or that names the
        customer and result, is left alone.

    Why it matters
        Information-rich buyers check; an unsupported claim makes the seller look less
        credible, not more. One named result with a timeframe does the work of ten adjectives.

    Principle
        002_a3c7499a1667f438: it is "seller beware" now; tell them how it solves their
        problem "and offer me some proof".
    """

    code = "V104"
    name = "unproven-claim"
    severity = Severity.WARNING
    fix_title = "Back the claim with a named customer, a number and a timeframe, or cut it"
    bad = (
        Example(
            "Hi Dana,\n\nWe are the leading provider of fleet software in Europe. Worth a call?",
            span="the leading provider",
        ),
        Example(
            "Hi Dana,\n\nWe've helped over 500 companies increase their revenue. Free on Tuesday?",
            span="helped over 500 companies",
        ),
        Example(
            "Hi Dana,\n\nOur platform helps marketing teams generate 3x more qualified "
            "leads. Open to a demo?",
            span="3x more",
        ),
    )
    good = (
        Example(
            "Hi Dana,\n\nWe helped Orbit cut SDR ramp from 90 to 45 days last spring. Worth "
            "comparing notes?"
        ),
        Example(
            "Hi Dana,\n\nOur platform helps marketing teams generate 3x more qualified "
            "leads. Open to a demo?",
            offer={
                "name": "Leadly",
                "proof": [
                    {"claim": "3x more qualified leads", "evidence": "Orbit case study, 2025"}
                ],
            },
            note="the offer's proof backs the claim",
        ),
        Example(
            "Hi Dana,\n\nWe've helped 30 post-Series B companies cut ramp time by 40%. "
            "Worth a chat about your hiring plan?"
        ),
    )

    def check(self, doc: Document, ctx: Context) -> Iterator[Hit]:
        vocab = doc.vocabulary
        content = low(doc, doc.content)
        sup = _SUPERLATIVE_GATE.could_match(vocab, content)
        scale = not _SCALE_NOUNS.isdisjoint(vocab) and not _SCALE_VERBS.isdisjoint(vocab)
        mult = (
            not _MULT_WORDS_GATE.isdisjoint(vocab)
            and not _MULT_BY.isdisjoint(vocab)
            and (
                _TIMES_MORE.search(content) is not None
                or ("%" in content and _PERCENT_MORE.search(content) is not None)
            )
        )
        if not (sup or scale or mult) or not is_english(doc):
            return  # none of the words a claim pattern needs: no regex at all
        if "%" not in content and not _claim_word(doc, content):
            return  # no superlative, scale word or multiplier anywhere
        # _SUPERLATIVE in its parts (a match of it is a match of one), each looked for only when
        # the email holds the word it opens with; none without ``sup`` (no substring scans then)
        sup_at: list[_Next] = []
        if sup:
            sup_at = [_Next(rx, content) for rx, w in _SUPERLATIVE_PARTS if w in vocab]
            if any(t in content for t in _SUP_RANK_TEXT):
                sup_at += [_Next(rx, content) for rx, w in _SUP_RANK_PARTS if w in vocab]
            if not _SUP_WORD_VOCAB.isdisjoint(vocab):
                sup_at += [
                    _Next(rx, content)
                    for rx, w, t in _SUP_WORD_NEEDS
                    if t in vocab and w in content
                ]
        scale_at = (
            [_Next(rx, content) for rx, w in _SCALE_PARTS if not w.isdisjoint(vocab)]
            if scale
            else []
        )
        mult_at = [_Next(_MULTIPLIER_LED, content)] if mult else []
        nexts = sup_at + scale_at + mult_at
        if not any(n.found() for n in nexts):
            return
        nearest = min(n.at for n in nexts)  # no match starts before (-1: some not searched)
        sents = doc.sentences
        base = doc.content.start
        count = 0
        for i, sent in enumerate(sents):
            a, b = sent.start - base, sent.end - base
            if b <= nearest:
                continue  # every pattern's next match starts past this sentence
            in_sup = any(n.within(a, b) for n in sup_at)
            in_scale = any(n.within(a, b) for n in scale_at)
            in_mult = any(n.within(a, b) for n in mult_at)
            if not (in_sup or in_scale or in_mult):
                nearest = min(n.at for n in nexts)  # each searched from ``a`` on, none before b
                continue  # no claim pattern matches in this sentence
            text = low(doc, sent)
            m = _SUPERLATIVE.search(text) if in_sup else None
            what = "Superlative with no proof"
            if m is None:
                m = _SCALE.search(text) if in_scale else None
                what = "Scale claim with no result"
                if m is not None and _result(doc, text[m.end() :]):
                    m = None
            if m is None:
                m = _MULTIPLIER.search(text) if in_mult else None
                what = "Number claim with no customer, timeframe or source"
                if m is not None:
                    nxt = low(doc, sents[i + 1]) if i + 1 < len(sents) else ""
                    if _NAMED.search(sent.text) or _EVIDENCE.search(nxt):
                        m = None
            if m is None or _proof_backs(ctx.offer, text) or _EVIDENCE.search(text):
                continue
            start = m.start()
            if what.startswith("Number"):
                num = re.search(r"\d+(?:\.\d+)?(?:x|%)\s+\w+", m.group(0))
                start = m.start() + (num.start() if num else 0)
            yield self.hit(
                sent.start + start,
                sent.start + m.end(),
                f"{what}: {quote(sent.text[start : m.end()])}",
                fix=self.advice(self.fix_title or ""),
            )
            count += 1
            if count >= 2:
                return
