"""Every rule alone on each of its examples: bad ones must hit (covering the named span),
good ones must not. For strengths it is the other way round: good examples earn the strength,
bad ones (near-misses) must not. One parametrised test, so a rule is tested by its examples."""

from __future__ import annotations

import pytest

from pitchfit.rules.base import Example, Rule
from pitchfit.rules.examples import covers, run_example
from pitchfit.rules.registry import all_rules
from pitchfit.text.inputs import split_subject


def _cases(kind: str) -> list[tuple[type[Rule], int, Example]]:
    return [(cls, i, ex) for cls in all_rules() for i, ex in enumerate(getattr(cls, kind))]


def _hits(cls: type[Rule], example: Example) -> list[str]:
    report = run_example(cls, example)
    if cls.kind == "strength":
        return [s.message for s in report.strengths if s.name == cls.name]
    return [f.message for f in report.findings if f.name == cls.name]


@pytest.mark.parametrize(
    ("cls", "index", "example"),
    _cases("bad"),
    ids=[f"{c.name}-bad{i}" for c, i, _ in _cases("bad")],
)
def test_bad_example_hits(cls: type[Rule], index: int, example: Example) -> None:
    report = run_example(cls, example)
    assert not [s for s in report.skipped if s.name == cls.name], "example lacks needed inputs"
    if cls.kind == "strength":
        assert not [s for s in report.strengths if s.name == cls.name], (
            f"{cls.name} credited its bad example {index}"
        )
        return
    found = [f for f in report.findings if f.name == cls.name]
    assert found, f"{cls.name} did not flag its bad example {index}"
    if example.span is not None:
        subject, body = split_subject(example.text)
        assert any(covers(f, body, subject, example.span) for f in found), (
            f"no finding covers {example.span!r}: {[f.span for f in found]}"
        )


@pytest.mark.parametrize(
    ("cls", "index", "example"),
    _cases("good"),
    ids=[f"{c.name}-good{i}" for c, i, _ in _cases("good")],
)
def test_good_example(cls: type[Rule], index: int, example: Example) -> None:
    hits = _hits(cls, example)
    if cls.kind == "strength":
        assert hits, f"{cls.name} did not credit its good example {index}"
    else:
        assert hits == [], f"{cls.name} flagged its good example {index}: {hits}"


def test_covers_reads_body_spans_from_the_body_even_with_a_subject() -> None:
    from pitchfit.report import Finding, Span

    body, subject = "Hi {first_name}, worth a look?", "idea for you"
    at = body.index("{first_name}")
    in_body = Finding("H101", "unfilled-placeholder", "error", "m", Span(at, at + 12, 1, at + 1))
    assert covers(in_body, body, subject, "{first_name}")
    in_subject = Finding("S106", "subject-line", "warning", "m", Span(0, 4, 0, 1))
    assert covers(in_subject, body, subject, "idea")
    assert not covers(in_subject, body, subject, "{first_name}")
