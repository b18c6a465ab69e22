"""From findings to a 0-100 score and a band, with the points each finding cost.

score = base - points of findings + points of strengths, within 0..100; band block on any
error finding, else send at or above the threshold, else revise. Points and the base come
from ``weights.json``, written by ``scripts/calibrate.py`` from labelled emails
(its provenance records the data hash, date, method and target false-positive rate). A rule
the data never exercised falls back to the documented prior for its severity. Config
``[weights]`` overrides either. As in SpamAssassin, the rules never carry their own weights:
the report explains a score as a points table (:meth:`Scorer.table`) that adds up to it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..report import Band, Finding, Strength
from ..rules.base import Rule, Severity

if TYPE_CHECKING:
    from ..config import Settings

# Prior points by severity, used only for rules the calibration data never exercised
# (and as the centre the calibration shrinks towards). Documented in docs/scoring.md.
PRIOR_POINTS = {Severity.ERROR: 30.0, Severity.WARNING: 10.0, Severity.SUGGESTION: 4.0}
PRIOR_STRENGTH = 3.0
DEFAULT_THRESHOLD = 70
DEFAULT_BASE = 100.0


def weights_path() -> Path:
    """Where the calibration file lives (inside the package, shipped with it)."""
    return Path(__file__).with_name("weights.json")


@cache
def fitted() -> dict[str, Any]:
    """The calibration file shipped with the package (empty when never calibrated)."""
    try:
        text = weights_path().read_text("utf-8")
    except FileNotFoundError:
        return {}
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True)
class PointsRow:
    """One line of the explained score: ``points code name message`` (base and cap included)."""

    points: float
    code: str
    name: str
    message: str


@dataclass
class Scorer:
    """Points per rule and the send/revise threshold."""

    weights: dict[str, float] = field(default_factory=dict)
    overrides: dict[str, float] = field(default_factory=dict)
    threshold: float = DEFAULT_THRESHOLD
    base: float = DEFAULT_BASE

    @classmethod
    def load(cls, settings: Settings | None = None) -> Scorer:
        data = fitted()
        return cls(
            weights={k: float(v) for k, v in data.get("points", {}).items()},
            overrides=dict(settings.weights) if settings is not None else {},
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
            base=float(data.get("base", DEFAULT_BASE)),
        )

    def points(self, rule: type[Rule]) -> float:
        """What one occurrence of ``rule`` costs (or, for a strength, earns)."""
        for key in (rule.name, rule.code):
            if key in self.overrides:
                return self.overrides[key]
        if rule.name in self.weights:
            return self.weights[rule.name]
        if rule.kind == "strength":
            return PRIOR_STRENGTH
        return PRIOR_POINTS[rule.severity]

    def table(self, findings: Sequence[Finding], strengths: Sequence[Strength]) -> list[PointsRow]:
        """The score explained: base, -points per finding, +points per strength, and a last
        ``cap`` row when the total left 0..100 or needed rounding. The rows sum to the score.

        A rule costs its points once however often it hits: its later findings show 0.
        """
        rows = [PointsRow(self.base, "", "base", "where every email starts (fitted)")]
        seen: set[str] = set()
        for finding in findings:
            if finding.name in seen:
                finding.points = 0.0
            seen.add(finding.name)
            rows.append(PointsRow(-finding.points, finding.code, finding.name, finding.message))
        for strength in strengths:
            rows.append(
                PointsRow(strength.points, _code_of(strength.name), strength.name, strength.message)
            )
        raw = sum(r.points for r in rows)
        final = round(max(0.0, min(100.0, raw)))
        if final != raw:
            rows.append(PointsRow(final - raw, "", "cap", "the score stays within 0-100, whole"))
        return rows

    def score(self, findings: Sequence[Finding], strengths: Sequence[Strength]) -> tuple[int, Band]:
        """The score (the sum of :meth:`table`) and its band: block on any error finding,
        else send at or above the fitted threshold, else revise."""
        # The same sum as :meth:`table` in the same order (its rows add up to the capped,
        # rounded total), without building the rows: this runs once per email.
        raw = self.base
        seen: set[str] = set()
        for finding in findings:
            if finding.name in seen:
                finding.points = 0.0
            seen.add(finding.name)
            raw += -finding.points
        for strength in strengths:
            raw += strength.points
        score = round(max(0.0, min(100.0, raw)))
        if any(f.severity == "error" for f in findings):
            return score, "block"
        return score, ("send" if score >= self.threshold else "revise")


@cache
def _code_of(name: str) -> str:
    """A strength's code for the table (strengths carry only their name)."""
    from ..rules.registry import get_rule

    cls = get_rule(name)
    return cls.code if cls is not None else ""


__all__ = [
    "DEFAULT_THRESHOLD",
    "PRIOR_POINTS",
    "PRIOR_STRENGTH",
    "PointsRow",
    "Scorer",
    "fitted",
    "weights_path",
]
