"""The scorer: the points table adds up to the score, errors always block, config [weights]
overrides the fitted points, and rules without fitted points fall back to their prior."""

from __future__ import annotations

import random
from typing import cast

import pytest

from pitchfit.config import settings_from_mapping
from pitchfit.engine import Checker
from pitchfit.report import Finding, Span, Strength
from pitchfit.rules.base import Rule, Severity
from pitchfit.rules.examples import run_example
from pitchfit.rules.registry import all_rules
from pitchfit.scoring import PRIOR_POINTS, PRIOR_STRENGTH, Scorer
from pitchfit.text.inputs import split_subject


def _rule(code: str, name: str, severity: Severity, kind: str = "finding") -> type[Rule]:
    """A stand-in with a rule's attributes, kept out of the registry (not a Rule subclass)."""
    attrs = {"code": code, "name": name, "severity": severity, "kind": kind}
    return cast(type[Rule], type("Stand", (), attrs))


def _finding(name: str, points: float, severity: str = "warning") -> Finding:
    return Finding(
        code="X999",
        name=name,
        severity=severity,  # type: ignore[arg-type]
        message=f"{name} hit",
        span=Span(start=0, end=1, line=1, column=1),
        points=points,
    )


def test_points_table_adds_up_to_the_score() -> None:
    rng = random.Random(7)
    scorer = Scorer(threshold=60)
    for _ in range(300):
        findings = [
            _finding(rng.choice("abcdefg"), rng.choice([0.0, 2.5, 4, 10, 17.25, 30]))
            for _ in range(rng.randint(0, 9))
        ]
        strengths = [
            Strength(name=n, message="", points=rng.choice([0.0, 3, 6.5, 40]))
            for n in rng.sample("uvwxyz", rng.randint(0, 4))
        ]
        rows = scorer.table(findings, strengths)
        score, _ = scorer.score(findings, strengths)
        assert sum(r.points for r in rows) == pytest.approx(score)
        assert 0 <= score <= 100
        assert sum(r.points for r in rows if r.name != "cap") == pytest.approx(
            100
            - sum({f.name: f.points for f in reversed(findings)}.values())
            + sum(s.points for s in strengths)
        )


def test_a_rule_costs_its_points_once_however_often_it_hits() -> None:
    scorer = Scorer()
    findings = [_finding("too-long", 10), _finding("hype", 4), _finding("too-long", 10)]
    score, _ = scorer.score(findings, [])
    assert score == 86
    assert [f.points for f in findings] == [10, 4, 0]


def test_an_error_finding_always_blocks() -> None:
    scorer = Scorer(threshold=50)
    big = [Strength(name=n, message="", points=40) for n in ("short", "peer-tone")]
    for points in (0.0, 1.0, 30.0):
        score, band = scorer.score([_finding("unfilled-placeholder", points, "error")], big)
        assert band == "block"
        assert score >= 50  # the score alone would have sent it
    assert scorer.score([_finding("hype", 1.0, "warning")], big)[1] == "send"


def test_band_follows_the_threshold() -> None:
    scorer = Scorer(threshold=80)
    assert scorer.score([_finding("a", 20)], []) == (80, "send")
    assert scorer.score([_finding("a", 21)], []) == (79, "revise")


def test_fitted_points_then_prior_by_severity() -> None:
    scorer = Scorer(weights={"too-long": 7.0})
    assert scorer.points(_rule("S101", "too-long", Severity.WARNING)) == 7.0
    for sev, prior in PRIOR_POINTS.items():
        assert scorer.points(_rule("S999", "never-seen", sev)) == prior
    assert scorer.points(_rule("G999", "new-strength", Severity.WARNING, "strength")) == (
        PRIOR_STRENGTH
    )


def test_overrides_by_name_or_code_beat_fitted_points() -> None:
    too_long = _rule("S101", "too-long", Severity.WARNING)
    assert Scorer(weights={"too-long": 7.0}, overrides={"too-long": 2.0}).points(too_long) == 2.0
    assert Scorer(weights={"too-long": 7.0}, overrides={"S101": 0.0}).points(too_long) == 0.0


def _plain_rules(severity: Severity | None = None) -> list[type[Rule]]:
    """Finding rules whose first bad example is plain text (no context, options or clock)."""
    return [
        cls
        for cls in all_rules()
        if cls.kind == "finding"
        and not cls.needs
        and cls.bad
        and not (cls.bad[0].options or cls.bad[0].now or cls.bad[0].prospect)
        and not (cls.bad[0].offer or cls.bad[0].history)
        and (severity is None or cls.severity == severity)
    ]


@pytest.mark.parametrize("cls", _plain_rules(), ids=lambda c: c.name)
def test_config_weights_override_reaches_the_report(cls: type[Rule]) -> None:
    settings = settings_from_mapping(
        {"select": [cls.code], "weights": {cls.name: 17.0}}, where="test.toml"
    )
    subject, body = split_subject(cls.bad[0].text)
    report = Checker(settings).check(body, subject=subject)
    hits = [f for f in report.findings if f.name == cls.name]
    assert hits, "the rule's bad example must hit"
    assert hits[0].points == 17.0
    assert sum(f.points for f in hits) == 17.0
    assert report.score == round(Scorer.load().base - 17.0)


@pytest.mark.parametrize(
    "cls",
    [c for c in all_rules() if c.kind == "finding" and c.severity == Severity.ERROR],
    ids=lambda c: c.name,
)
def test_every_error_rule_blocks_on_its_bad_examples(cls: type[Rule]) -> None:
    blocked = 0
    for example in cls.bad:
        report = run_example(cls, example)
        if any(f.name == cls.name for f in report.findings):
            assert report.band == "block"
            blocked += 1
    assert blocked, "at least one bad example must hit and block"
