"""What a fit says: the segment, the score and the evidence behind them (frozen, picklable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Segment = Literal["A", "B", "C", "X"]
SEGMENT_MEANING = {
    "A": "strong evidence of a need, and the person buys",
    "B": "plausible need, thin evidence (or the wrong person at the right company)",
    "C": "in the target market, no evidence of need yet",
    "X": "disqualified: do not pitch",
}


@dataclass(frozen=True)
class Evidence:
    """One reason to believe they need the offer: which need, which signal, where it was seen."""

    need: str
    signal: str
    source: str
    quote: str
    strength: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "need": self.need,
            "signal": self.signal,
            "source": self.source,
            "quote": self.quote,
            "strength": round(self.strength, 2),
        }


@dataclass(frozen=True)
class FitResult:
    """The answer to "why do you think they need this?" for one prospect and one offer."""

    id: str
    segment: Segment
    score: int
    evidence: tuple[Evidence, ...] = ()
    reasons: tuple[str, ...] = ()
    disqualified_by: tuple[str, ...] = ()
    wrong_person: bool = False
    ask_for: str | None = None
    unknowns: tuple[str, ...] = ()
    method: str = "lexical"
    referral_note: str | None = field(default=None, compare=False)

    @property
    def top_reason(self) -> str:
        return self.reasons[0] if self.reasons else ""

    def to_dict(self) -> dict[str, Any]:
        """The wire shape of ``docs/fit.md`` (the issue's field list, in that order)."""
        return {
            "id": self.id,
            "segment": self.segment,
            "score": self.score,
            "evidence": [e.to_dict() for e in self.evidence],
            "reasons": list(self.reasons),
            "disqualified_by": list(self.disqualified_by),
            "wrong_person": self.wrong_person,
            "ask_for": self.ask_for,
            "unknowns": list(self.unknowns),
            "method": self.method,
        }
