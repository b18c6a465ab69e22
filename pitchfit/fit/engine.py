"""The fit engine: one offer, many prospects, the same answer for ``fit`` and ``check``.

The offer's needs and signals are prepared once (term weights, and embeddings when the model
is there); each prospect's research sentences are matched against them. The semantic method
takes the better of the embedding and the lexical match for each pair, so it never misses
what the lexical fallback finds; the result names the method that ran.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..models import Offer, Prospect, Suppression
from . import lexical
from .market import industry_verdict, size_verdict
from .result import Evidence, FitResult, Segment
from .roles import RoleMatch, match_role

if TYPE_CHECKING:  # pragma: no cover
    import numpy

METHODS = ("auto", "semantic", "lexical")
STRONG = 0.6  # evidence strong enough to write "because ..."
PLAUSIBLE = 0.35  # worth checking, not enough to pitch on
# Cosine similarity of MiniLM sentence vectors mapped onto 0..1 evidence strength.
SIM_FLOOR = 0.42
SIM_FULL = 0.70
DISQUALIFY_SIM = 0.75
SOURCE_WEIGHT = {"facts": 1.0, "custom": 0.9, "expertise": 0.5}
EXECUTIVE_BUYS_BELOW = 200  # a CEO of a smaller company usually buys this herself


@dataclass(frozen=True)
class _Text:
    """A sentence of research about the prospect and where it came from."""

    source: str
    kind: str
    text: str


@dataclass(frozen=True)
class _Pattern:
    need_index: int
    text: str


class FitEngine:
    """Fits prospects against one offer; build one per offer (and per worker process)."""

    def __init__(self, offer: Offer, *, method: str = "auto") -> None:
        if method not in METHODS:
            raise UsageError(
                f"unknown fit method {method!r} (choose {', '.join(METHODS)})", where="method"
            )
        self.offer = offer
        self.requested = method
        self._patterns = [
            _Pattern(i, text)
            for i, need in enumerate(offer.needs)
            for text in (need.need, *need.signals)
            if text.strip()
        ]
        self._lex = lexical.LexicalIndex([p.text for p in self._patterns])
        self._disq = lexical.LexicalIndex(list(offer.disqualifiers))
        self._method: str | None = None
        self._pattern_vecs: Any = None
        self._disq_vecs: Any = None
        self._cache: dict[str, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        """Ship only the offer and the method: vectors are rebuilt in the worker."""
        return {"offer": self.offer, "requested": self.requested}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["offer"], method=state["requested"])  # type: ignore[misc]

    @property
    def method(self) -> str:
        """The method that runs: "semantic" or "lexical" (resolves "auto" on first use)."""
        if self._method is None:
            self._method = self._resolve()
        return self._method

    def _resolve(self) -> str:
        if self.requested == "lexical":
            return "lexical"
        from ..text import embed

        if embed.available():
            return "semantic"
        if self.requested == "semantic":
            raise UsageError(
                f"semantic matching is unavailable: {embed.unavailable_reason()}", where="method"
            )
        return "lexical"

    def fit(self, prospect: Prospect, *, suppression: Suppression | None = None) -> FitResult:
        """Fit one prospect (a ledger ``suppression`` for them makes it an X)."""
        sups = {prospect.email.lower(): suppression} if suppression else None
        return self.fit_many([prospect], suppressions=sups)[0]

    def fit_many(
        self, prospects: list[Prospect], *, suppressions: Mapping[str, Suppression] | None = None
    ) -> list[FitResult]:
        """Fit several prospects, embedding their research in shared batches.

        ``suppressions`` is the ledger keyed by lower-cased e-mail: no means no, whatever the
        CRM's status column says.
        """
        texts = [_research(p) for p in prospects]
        if self.method == "semantic":
            self._embed_missing([t.text for ts in texts for t in ts])
        sups = suppressions or {}
        return [
            self._fit_one(p, ts, sups.get(p.email.lower()) if p.email else None)
            for p, ts in zip(prospects, texts, strict=True)
        ]

    # -- semantic plumbing -------------------------------------------------------------
    def _embed_missing(self, texts: list[str]) -> None:
        from ..text import embed

        if self._pattern_vecs is None:
            self._pattern_vecs = embed.embed([p.text for p in self._patterns])
            self._disq_vecs = embed.embed(list(self.offer.disqualifiers))
        if len(self._cache) > 50_000:  # bound memory on huge lists; before, never mid-batch
            self._cache.clear()
        todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
        if not todo:
            return
        for text, vec in zip(todo, embed.embed(todo), strict=True):
            self._cache[text] = vec

    def _similarities(self, texts: list[_Text], vecs: Any) -> numpy.ndarray | None:
        if self.method != "semantic" or not texts or vecs is None or not len(vecs):
            return None
        import numpy as np

        matrix = np.stack([self._cache[t.text] for t in texts])
        result: numpy.ndarray = matrix @ vecs.T
        return result

    # -- the fit itself ----------------------------------------------------------------
    def _fit_one(
        self, prospect: Prospect, texts: list[_Text], suppression: Suppression | None
    ) -> FitResult:
        offer = self.offer
        disqualified, reasons = self._disqualifiers(prospect, texts)
        if suppression is not None and not any(d.startswith("status:") for d in disqualified):
            disqualified.insert(0, f"suppressed:{suppression.reason}")
            when = f" on {suppression.at:%Y-%m-%d}" if suppression.at else ""
            reasons.insert(
                0,
                f"The suppression ledger lists them ({suppression.reason}{when}): "
                "no means no, do not contact them again.",
            )
        industry = industry_verdict(prospect.industry, offer.industries)
        size = size_verdict(prospect.company_size, offer.company_size)
        if industry.inside is False:
            disqualified.append("industry")
            reasons.append(f"Outside the market: {industry.reason}.")
        if size.inside is False:
            disqualified.append("company_size")
            reasons.append(f"Wrong size: {size.reason}.")
        evidence = self._evidence(texts)
        role = match_role(prospect.title, offer.roles)
        unknowns = _unknowns(prospect, industry.inside, size.inside, role)
        segment = _segment(disqualified, evidence, role, prospect)
        wrong_person = role.status in ("wrong_function", "too_junior")
        ask_for = role.ask_for if wrong_person and segment != "X" else None
        note = referral_note(prospect, offer, role) if ask_for else None
        reasons += _explain(segment, evidence, role, prospect, offer)
        return FitResult(
            id=prospect_id(prospect),
            segment=segment,
            score=_score(segment, evidence, role, industry.inside, size.inside),
            evidence=tuple(evidence),
            reasons=tuple(reasons),
            disqualified_by=tuple(disqualified),
            wrong_person=wrong_person,
            ask_for=ask_for,
            unknowns=tuple(unknowns),
            method=self.method,
            referral_note=note,
        )

    def _disqualifiers(self, prospect: Prospect, texts: list[_Text]) -> tuple[list[str], list[str]]:
        """Status and the offer's own disqualifiers; each comes with its reason."""
        hits: list[str] = []
        reasons: list[str] = []
        if prospect.status in ("declined", "unsubscribed"):
            hits.append(f"status:{prospect.status}")
            when = f" on {prospect.declined_at:%Y-%m-%d}" if prospect.declined_at else ""
            verb = "said no" if prospect.status == "declined" else "unsubscribed"
            reasons.append(f"They {verb}{when}: no means no, do not contact them again.")
        elif prospect.status == "bounced":
            hits.append("status:bounced")
            reasons.append("Their email bounced: there is nobody to pitch at this address.")
        checked = [*texts, _Text("industry", "industry", prospect.industry)]
        checked = [t for t in checked if t.text.strip()]
        sims = self._similarities([t for t in checked if t.text in self._cache], self._disq_vecs)
        cached = [t for t in checked if t.text in self._cache]
        for d, disq in enumerate(self.offer.disqualifiers):
            for t in checked:
                lex = _disqualifier_match(disq, t.text)
                sem = 0.0
                if sims is not None and t in cached:
                    sem = float(sims[cached.index(t), d])
                    if _has_negation(disq) != _has_negation(t.text):
                        sem = 0.0
                if lex or sem >= DISQUALIFY_SIM:
                    hits.append(disq)
                    reasons.append(f"Disqualified: {disq} ({t.source}: “{_clip(t.text)}”).")
                    break
        return hits, reasons

    def _evidence(self, texts: list[_Text]) -> list[Evidence]:
        """The best piece of evidence per need, strongest first."""
        best: dict[int, Evidence] = {}
        sims = self._similarities(texts, self._pattern_vecs)
        for ti, t in enumerate(texts):
            weight = SOURCE_WEIGHT.get(t.kind, 0.5)
            for pi, pattern in enumerate(self._patterns):
                strength = self._lex.score(pi, t.text)
                if sims is not None:
                    sem = (float(sims[ti, pi]) - SIM_FLOOR) / (SIM_FULL - SIM_FLOOR)
                    strength = max(strength, min(max(sem, 0.0), 1.0))
                if strength <= 0 or lexical.negated_match(pattern.text, t.text):
                    continue
                strength *= weight
                current = best.get(pattern.need_index)
                if strength >= PLAUSIBLE and (current is None or strength > current.strength):
                    need = self.offer.needs[pattern.need_index].need
                    best[pattern.need_index] = Evidence(
                        need, pattern.text, t.source, t.text, round(strength, 3)
                    )
        return sorted(best.values(), key=lambda e: -e.strength)


def _research(prospect: Prospect) -> list[_Text]:
    """What research found, one sentence per entry: facts, CRM notes and expertise."""
    out: list[_Text] = []
    for i, fact in enumerate(prospect.facts):
        source = fact.source or f"facts[{i}]"
        out.extend(_Text(source, "facts", s) for s in lexical.sentences(fact.text))
    for key, value in prospect.custom.items():
        if _looks_like_notes(value):
            out.extend(_Text(f"custom.{key}", "custom", s) for s in lexical.sentences(value))
    out.extend(_Text("expertise", "expertise", topic) for topic in prospect.expertise if topic)
    return out


def _looks_like_notes(value: str) -> bool:
    """A CRM column worth reading as research: words, not a URL, phone, id or date."""
    if len(value) < 15 or "://" in value or "@" in value:
        return False
    return len(re.findall(r"[^\W\d_]{2,}", value)) >= 3


def _disqualifier_match(disq: str, text: str) -> bool:
    """Lexical disqualifier hit: most of its terms present, with the same polarity."""
    wanted = lexical.terms(disq)
    if not wanted:
        return False
    found = dict(lexical.terms(text))
    hit = sum(1 for term, neg in wanted if term in found and found[term] == neg)
    return hit / len(wanted) >= 0.75 and hit >= min(2, len(wanted))


def _has_negation(text: str) -> bool:
    return any(neg for _, neg in lexical.terms(text))


def _segment(
    disq: list[str], evidence: list[Evidence], role: RoleMatch, prospect: Prospect
) -> Segment:
    if disq:
        return "X"
    best = evidence[0].strength if evidence else 0.0
    buyer = role.status == "buyer" or (
        role.status == "executive"
        and (prospect.company_size is None or prospect.company_size < EXECUTIVE_BUYS_BELOW)
    )
    if best >= STRONG and buyer:
        return "A"
    if best >= PLAUSIBLE:
        return "B"
    return "C"


def _score(
    segment: Segment,
    evidence: list[Evidence],
    role: RoleMatch,
    industry: bool | None,
    size: bool | None,
) -> int:
    """0-100: need evidence 55, buyer 25, market 20. X never scores above 10."""
    miss = 1.0
    for e in evidence[:3]:
        miss *= 1.0 - min(e.strength, 1.0)
    need = 55.0 * (1.0 - miss)
    person = {"buyer": 25, "executive": 18, "unknown": 10, "too_junior": 8, "wrong_function": 3}[
        role.status
    ]
    market = {True: 10, None: 5, False: 0}
    total = round(need + person + market[industry] + market[size])
    return min(total, 10) if segment == "X" else max(0, min(100, total))


def _unknowns(
    prospect: Prospect, industry: bool | None, size: bool | None, role: RoleMatch
) -> list[str]:
    out = []
    if industry is None:
        out.append("industry")
    if size is None:
        out.append("company_size")
    if role.status == "unknown":
        out.append("title")
    if not prospect.facts:
        out.append("facts")
    return out


def _explain(
    segment: Segment,
    evidence: list[Evidence],
    role: RoleMatch,
    prospect: Prospect,
    offer: Offer,
) -> list[str]:
    """Reasons a salesperson would accept, the most decisive first."""
    if segment == "X":
        return []
    who = prospect.first_name or prospect.name or "They"
    reasons: list[str] = []
    first_need = offer.needs[0].need if offer.needs else offer.one_liner or offer.name
    if role.status in ("wrong_function", "too_junior"):
        owner = evidence[0].need if evidence else first_need
        reasons.append(
            f"Right company, wrong person: {who} is {prospect.title}, and "
            f"{offer.name} is bought by the {role.ask_for}. Don't pitch; ask {who} "
            f"who owns “{owner}”."
        )
    for e in evidence[:2]:
        word = "likely" if e.strength >= STRONG else "may"
        said = (
            f"they list “{e.quote}” among their topics"
            if e.source == "expertise"
            else f"“{_clip(e.quote)}” ({e.source})"
        )
        reasons.append(
            f"They {word} need {offer.name} because {said}; that points to: {_lower_first(e.need)}."
        )
    if not evidence:
        reasons.append(
            f"In the target market, but the research shows none of the problems "
            f"{offer.name} solves (such as “{first_need}”): find a signal before "
            f"writing."
        )
    elif segment == "B" and evidence[0].strength < STRONG:
        reasons.append("The evidence is thin: confirm the need before pitching.")
    if role.status == "buyer" and role.matched_role:
        same = prospect.title.strip().lower() == role.matched_role.strip().lower()
        as_role = "" if same else f" (counts as {role.matched_role})"
        reasons.append(f"{prospect.title} is a buyer for {offer.name}{as_role}.")
    elif role.status == "executive":
        reasons.append(role.explanation[0].upper() + role.explanation[1:] + ".")
    elif role.status == "unknown":
        reasons.append("Title unknown: check who owns this before writing.")
    return reasons


def referral_note(prospect: Prospect, offer: Offer, role: RoleMatch | None = None) -> str:
    """The seed's move for the wrong person: a short note asking who owns the problem."""
    hello = f"Hi {prospect.first_name}," if prospect.first_name else "Hi,"
    return f"{hello} {referral_question(prospect, offer, role)}"


def referral_question(prospect: Prospect, offer: Offer, role: RoleMatch | None = None) -> str:
    """The body of :func:`referral_note`, without the greeting (a check fix replaces the pitch)."""
    role = role or match_role(prospect.title, offer.roles)
    owner = role.ask_for or (offer.roles[0] if offer.roles else "person responsible")
    problem = _lower_first(offer.needs[0].need) if offer.needs else offer.name
    company = prospect.company or "your company"
    return (
        f"I think I have the wrong person, so a short question instead of a pitch: who at "
        f"{company} owns this problem: {problem}? Usually it's the {owner}. A name is all "
        f"I need. Thanks either way."
    )


def prospect_id(prospect: Prospect) -> str:
    """A stable id: the given id, else the email, else name @ company."""
    if prospect.id:
        return prospect.id
    if prospect.email:
        return prospect.email
    return " @ ".join(x for x in (prospect.name, prospect.company) if x) or "prospect"


def _clip(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lower_first(text: str) -> str:
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def fit(
    prospect: Prospect,
    offer: Offer,
    *,
    method: str = "auto",
    suppression: Suppression | None = None,
) -> FitResult:
    """Fit one prospect against one offer (engines are cached per offer; FitEngine for many)."""
    return engine_for(offer, method).fit(prospect, suppression=suppression)


_ENGINES: dict[tuple[str, str], FitEngine] = {}


def engine_for(offer: Offer, method: str = "auto") -> FitEngine:
    """A cached engine per (offer, method), so repeated calls embed the offer once."""
    key = (offer.model_dump_json(), method)
    engine = _ENGINES.get(key)
    if engine is None:
        if len(_ENGINES) > 32:
            _ENGINES.clear()
        engine = _ENGINES[key] = FitEngine(offer, method=method)
    return engine
