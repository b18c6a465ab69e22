"""Pure-Python matching of an offer's need signals against research text.

The fallback when the embedding model is absent (and the fast path with ``--fast``): text is
cut into terms, synonyms fold onto one concept ("hiring", "recruiting", "open roles" ->
hire), a light stemmer joins word forms, and a signal matches a sentence by the share of its
IDF-weighted terms the sentence contains. Negated terms ("we don't manufacture anything")
never count as evidence: a wrong "because" is worse than none.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

PARTIAL_CAP = 0.55  # below the engine's "strong" (0.6): a partial match never makes an A


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP = _words(
    """a an the and or but of to in on at for from by with as is are was were be been being
    this that these those it its their they them we our us you your i my me he she his her
    has have had do does did will would can could should may might must not no so than too
    very just also more most less many much some any all each every other such into over
    under about after before while when where which who whom what why how there here out up
    down off again then once new now per via across within without company team teams people
    business businesses year years month months week weeks last next one two three four five
    six seven eight nine ten get got make made use using used need needs needed want like
    take takes taking took done doing happen happens happened among between against since
    until still only already fast quickly rapidly"""
)
NEGATIONS = _words(
    """not no never none nothing without don't doesn't didn't isn't aren't wasn't won't
    can't cannot dont doesnt didnt isnt arent nor neither"""
)

# Phrases that mean the same thing, folded onto the first word's concept before stemming.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "hire": (
        # research is often in the prospect's language: French, German, Dutch, Spanish, Italian
        "recrute",
        "recrutent",
        "recrutement",
        "embauche",
        "sucht",
        "suchen",
        "einstellen",
        "zoekt",
        "zoeken",
        "vacatures",
        "contrata",
        "contratando",
        "assume",
        "assumendo",
        "hiring",
        "hired",
        "hires",
        "recruit",
        "recruiting",
        "recruitment",
        "recruiter",
        "open roles",
        "open positions",
        "job openings",
        "job posts",
        "job postings",
        "headcount",
        "new hires",
        "vacancies",
        "vacancy",
        "staffing up",
    ),
    "salesrep": (
        "business development representative",
        "business development representatives",
        "sales development representative",
        "sales development representatives",
        "commerciaux",
        "vendeurs",
        "vertriebler",
        "vertriebsmitarbeiter",
        "verkopers",
        "accountmanagers",
        "vendedores",
        "comerciales",
        "venditori",
        "commerciali",
        "account executive",
        "account executives",
        "sdr",
        "sdrs",
        "bdr",
        "bdrs",
        "sales rep",
        "sales reps",
        "salesperson",
        "salespeople",
        "sellers",
        "sales development",
        "sales representatives",
        "aes",
        "sales hires",
        "reps",
        "rep",
    ),
    "ramp": (
        "ramp",
        "ramp-up",
        "ramp time",
        "ramping",
        "onboarding",
        "onboard",
        "time to productivity",
        "time-to-productivity",
        "time to first deal",
        "become productive",
        "productive",
        "first deal",
        "first deals",
        "first closed deal",
        "full productivity",
        "fully productive",
    ),
    "quota": (
        "quota",
        "quotas",
        "attainment",
        "sales target",
        "sales targets",
        "missed target",
        "revenue target",
        "revenue targets",
        "its number",
        "their number",
        "the number",
        "sales number",
        "sales numbers",
    ),
    "region": (
        "region",
        "regions",
        "territory",
        "territories",
        "country",
        "countries",
        "market",
        "markets",
        "emea",
        "apac",
        "dach",
        "latam",
        "nordics",
        "benelux",
        "europe",
        "asia",
        "southeast asia",
        "north america",
        "south america",
        "middle east",
        "africa",
    ),
    "change": (
        "changed",
        "changes",
        "changing",
        "switched",
        "switch",
        "switching",
        "moved to",
        "overhauled",
        "revamped",
        "introduced",
        "new pricing",
    ),
    "pipeline": ("pipeline", "pipe", "opportunities", "deal flow"),
    "churn": ("churn", "attrition", "turnover", "leaving", "quit", "resigned", "retention"),
    "expand": (
        "ouvre",
        "ouverture",
        "eröffnet",
        "eröffnung",
        "opent",
        "abre",
        "apertura",
        "apre",
        "expand",
        "expanding",
        "expansion",
        "opening",
        "opened",
        "opens",
        "entering",
        "launch",
        "launched",
        "launching",
    ),
    "funding": (
        "funding",
        "raised",
        "series a",
        "series b",
        "series c",
        "investment",
        "investors",
        "funding round",
        "seed round",
    ),
    "forecast": ("forecast", "forecasting", "forecasts", "predictability"),
    "crm": ("crm", "salesforce", "hubspot", "pipedrive", "dynamics"),
    "coach": (
        "coach",
        "coaching",
        "training",
        "enablement",
        "playbook",
        "playbooks",
        "call reviews",
        "call recordings",
    ),
    "manufacture": (
        "manufacture",
        "manufacturing",
        "manufacturer",
        "factory",
        "factories",
        "plant",
        "plants",
        "production line",
        "production lines",
        "assembly",
    ),
    "logistics": (
        "logistics",
        "shipping",
        "freight",
        "shipments",
        "carriers",
        "delivery",
        "deliveries",
        "fulfilment",
        "fulfillment",
        "warehouse",
        "warehouses",
    ),
    "inventory": ("inventory", "stock", "stockouts", "stock-outs", "overstock", "sku", "skus"),
    "supplier": ("supplier", "suppliers", "vendors", "sourcing", "procurement"),
    "employee": ("employees", "staff", "workforce", "headcount", "people"),
    "grow": ("growing", "growth", "grew", "scale", "scaling", "doubled", "tripled"),
    "payroll": ("payroll", "benefits", "compensation"),
    "compliance": ("compliance", "gdpr", "regulation", "regulatory", "audit", "audits"),
    "drop": (
        "dropped",
        "drops",
        "fell",
        "fallen",
        "falling",
        "declined",
        "decreased",
        "down from",
        "lower",
    ),
    "slow": ("slow", "slower", "slowdown", "delays", "delayed", "lagging", "stalled"),
}


def _stem(word: str) -> str:
    """A light suffix stripper: enough to join 'hires', 'hired' and 'hiring'."""
    for suffix, repl in (
        ("ies", "y"),
        ("ations", "ate"),
        ("ation", "ate"),
        ("ings", ""),
        ("ing", ""),
        ("edly", ""),
        ("ed", ""),
        ("ers", ""),
        ("er", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: len(word) - len(suffix)] + repl
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _build_phrase_table() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for concept, phrases in _SYNONYMS.items():
        for phrase in (concept, *phrases):
            table.setdefault(phrase, "~" + concept)
    ordered = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(p) for p in ordered) + r")(?![\w-])")
    return pattern, table


_PHRASES, _PHRASE_TABLE = _build_phrase_table()
_OPEN_ROLES = re.compile(
    r"\b(open|opened|new|posted|lists|listed|advertised|advertises)\s+(?:[\w-]+\s+){0,3}?"
    r"(roles|positions|jobs|reqs|requisitions|openings|vacancies)\b"
)
_TOKEN_OR_BREAK = re.compile(r"~?[^\W_][\w'&+]*|[.,;:!?()]")
# Single words of other languages read as their English counterpart before stemming.
_TRANSLATE = {
    "bureau": "office",
    "büro": "office",
    "kantoor": "office",
    "oficina": "office",
    "ufficio": "office",
    "commercial": "sales",
    "commerciale": "sales",
    "vertrieb": "sales",
    "verkoop": "sales",
    "ventas": "sales",
    "vendite": "sales",
    "ventes": "sales",
    "nouveau": "new",
    "nouvelle": "new",
    "neue": "new",
    "neues": "new",
    "nieuwe": "new",
    "q1": "quarter",
    "q2": "quarter",
    "q3": "quarter",
    "q4": "quarter",
    "quarters": "quarter",
    "nuevo": "new",
    "nueva": "new",
    "nuovo": "new",
    "nuova": "new",
}
_CLAUSE_BREAKS = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "and", "but", "while"})


@lru_cache(maxsize=65536)
def terms(text: str) -> tuple[tuple[str, bool], ...]:
    """Content terms of ``text`` in order, each with whether a negation governs it."""
    low = _OPEN_ROLES.sub(lambda m: m.group(0)[: -len(m.group(2))] + " ~hire", text.lower())
    low = _PHRASES.sub(lambda m: " " + _PHRASE_TABLE[m.group(1)] + " ", low)
    out: list[tuple[str, bool]] = []
    scope = 0  # content terms still governed by the last negation in this clause
    for raw in _TOKEN_OR_BREAK.findall(low):
        tok = raw.strip("'-")
        if tok in _CLAUSE_BREAKS:
            scope = 0
            continue
        if tok in NEGATIONS or (tok in ("or", "nor") and out and out[-1][1]):
            scope = 2  # "we don't have X or Y": the negation carries over the "or"
            continue
        if tok in STOP or len(tok) < 2:
            continue
        tok = _TRANSLATE.get(tok, tok)
        if tok in STOP:
            continue
        term = tok if tok.startswith("~") else _stem(tok)
        out.append((term, scope > 0))
        scope = max(scope - 1, 0)
    return tuple(out)


def sentences(text: str) -> list[str]:
    """Split research text into sentences so a quote is one sentence, not a paragraph."""
    parts = re.split(r"(?<=[.!?;])\s+|\n+", text.strip())
    return [p.strip() for p in parts if len(p.strip()) > 2]


@dataclass(frozen=True)
class Pattern:
    """One signal (or need) as weighted terms, each with its polarity (negated or not)."""

    text: str
    weights: dict[str, float]
    polarity: dict[str, bool]
    total: float


class LexicalIndex:
    """The offer's signals as IDF-weighted term sets, built once per offer."""

    def __init__(self, texts: list[str]) -> None:
        found = [dict(terms(text)) for text in texts]
        df: Counter[str] = Counter(t for bag in found for t in bag)
        n = max(len(found), 1)
        self.patterns: list[Pattern] = []
        for text, bag in zip(texts, found, strict=True):
            weights = {t: 1.0 + math.log((n + 1) / (df[t] + 0.5)) for t in bag}
            self.patterns.append(Pattern(text, weights, bag, sum(weights.values()) or 1.0))

    def score(self, i: int, text: str) -> float:
        """How well ``text`` shows pattern ``i`` (0..1): its weighted terms found with the
        same polarity, sharpened so partial matches stay below a full one.

        Two terms must match unless the pattern has only one, so a single shared word
        ("sales", "hiring") is never evidence on its own; a term the text denies while the
        pattern asserts it rules the match out.
        """
        pattern = self.patterns[i]
        found = dict(terms(text))
        matched = []
        for term, negated in pattern.polarity.items():
            if term in found:
                if found[term] and not negated:
                    return 0.0
                if found[term] == negated:
                    matched.append(term)
        if len(matched) < min(2, len(pattern.weights)):
            return 0.0
        share = sum(pattern.weights[t] for t in matched) / pattern.total
        if len(matched) < len(pattern.weights):
            return min(float(share**1.5), PARTIAL_CAP)  # part of a signal is thin evidence
        return 1.0


def negated_match(pattern_text: str, text: str) -> bool:
    """True when ``text`` denies something ``pattern_text`` asserts ("we make nothing")."""
    wanted = dict(terms(pattern_text))
    return any(neg and t in wanted and not wanted[t] for t, neg in terms(text))


def overlap(a: str, b: str) -> float:
    """Share of ``a``'s content terms also in ``b`` (for short labels such as industries)."""
    ta = {t for t, _ in terms(a)}
    tb = {t for t, _ in terms(b)}
    return len(ta & tb) / len(ta) if ta else 0.0
