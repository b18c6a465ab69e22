"""From findings to a 0-100 score and a band, with the points each finding cost.

Points come from ``weights.json``, written by ``scripts/calibrate.py`` from labelled emails
(its provenance records the data hash, date, method and target false-positive rate). A rule
the data never exercised falls back to the documented prior for its severity. Config
``[weights]`` overrides either.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from ..models import Band, Finding, Strength
from ..rules.base import Rule, Severity

if TYPE_CHECKING:
    from ..config import Settings

# Prior points by severity, used only for rules the calibration data never exercised.
PRIOR_POINTS = {Severity.ERROR: 30.0, Severity.WARNING: 10.0, Severity.SUGGESTION: 4.0}
PRIOR_STRENGTH = 3.0
DEFAULT_THRESHOLD = 70


@cache
def fitted() -> dict[str, Any]:
    """The calibration file shipped with the package (empty when never calibrated)."""
    try:
        text = resources.files("pitchfit.scoring").joinpath("weights.json").read_text("utf-8")
    except FileNotFoundError:
        return {}
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass
class Scorer:
    """Points per rule and the send/revise threshold."""

    weights: dict[str, float] = field(default_factory=dict)
    overrides: dict[str, float] = field(default_factory=dict)
    threshold: float = DEFAULT_THRESHOLD

    @classmethod
    def load(cls, settings: Settings | None = None) -> Scorer:
        data = fitted()
        return cls(
            weights={k: float(v) for k, v in data.get("points", {}).items()},
            overrides=dict(settings.weights) if settings is not None else {},
            threshold=float(data.get("threshold", DEFAULT_THRESHOLD)),
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

    def score(self, findings: Sequence[Finding], strengths: Sequence[Strength]) -> tuple[int, Band]:
        """Each rule costs its points once however often it hits; strengths add theirs.

        Findings after the first of the same rule are set to 0 points so the points table
        adds up to the score.
        """
        seen: set[str] = set()
        lost = 0.0
        for finding in findings:
            if finding.name in seen:
                finding.points = 0.0
                continue
            seen.add(finding.name)
            lost += finding.points
        gained = sum(s.points for s in strengths)
        score = int(round(max(0.0, min(100.0, 100.0 - lost + gained))))
        if any(f.severity == "error" for f in findings):
            return score, "block"
        return score, ("send" if score >= self.threshold else "revise")
