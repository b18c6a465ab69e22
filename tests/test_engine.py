"""The checker: inline suppression, skipped rules, selection, spans mapped to the original."""

from __future__ import annotations

from pitchfit.config import Settings
from pitchfit.engine import Checker, strip_directives
from pitchfit.models import Prospect

LONG = (
    "Hi Ana,\n\n" + " ".join(["We help revenue teams forecast better with less work."] * 12) + "\n"
)


def test_directive_alone_on_a_line_is_removed_with_its_line() -> None:
    body = "Hi Ana,\n{# pitchfit: ignore[too-long] long on purpose #}\nShort text.\n"
    clean, ignored, to_original = strip_directives(body)
    assert clean == "Hi Ana,\nShort text.\n"
    assert ignored == {"too-long": "long on purpose"}
    at = clean.index("Short")
    assert body[to_original(at) :].startswith("Short")


def test_inline_html_comment_keeps_the_surrounding_text() -> None:
    clean, ignored, _ = strip_directives("One <!-- pitchfit: ignore[S104,hype] quoting --> two")
    assert clean == "One  two"
    assert set(ignored) == {"S104", "hype"}


def test_inline_suppression_silences_the_named_rule_only() -> None:
    checker = Checker(Settings())
    plain = checker.check(LONG)
    assert "too-long" in {f.name for f in plain.findings}
    suppressed = checker.check("{# pitchfit: ignore[too-long] case study #}\n" + LONG)
    assert "too-long" not in {f.name for f in suppressed.findings}


def test_rules_needing_a_prospect_are_skipped_and_say_so() -> None:
    report = Checker(Settings()).check("Hi Ana, worth a chat?")
    skipped = {s.name: s.needs for s in report.skipped}
    assert "prospect" in skipped.get("wrong-language", [])
    with_prospect = Checker(Settings()).check(
        "Hi Ana, worth a chat?", prospect=Prospect(name="Ana")
    )
    assert "wrong-language" not in {s.name for s in with_prospect.skipped}


def test_select_and_ignore_most_specific_wins() -> None:
    chosen = {c.name for c in Checker.select(Settings(select=("style",), ignore=("S101",)))}
    assert "too-long" not in chosen and "hype" in chosen
    back = {c.name for c in Checker.select(Settings(select=("ALL", "too-long"), ignore=("style",)))}
    assert "too-long" in back and "hype" not in back


def test_error_finding_blocks_and_spans_point_into_the_body() -> None:
    body = "Hi {first_name},\n\nWorth a quick look at your Q3 hiring plan?\n"
    report = Checker(Settings()).check(body)
    finding = next(f for f in report.findings if f.name == "unfilled-placeholder")
    assert report.band == "block"
    assert body[finding.span.start : finding.span.end] == "{first_name}"
    assert (finding.span.line, finding.span.column) == (1, 4)


def test_points_table_adds_up_to_the_score() -> None:
    checker = Checker(Settings())
    report = checker.check(LONG)
    assert report.findings
    lost = sum(f.points for f in report.findings)
    gained = sum(s.points for s in report.strengths)
    expected = max(0, min(100, round(checker.scorer.base - lost + gained)))
    assert report.score == expected
