"""Homework rules beyond their examples: every merge-tag syntax, near-misses, fixes, needs."""

from __future__ import annotations

from typing import Any

import pytest

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.models import Finding, HistoryMessage, Prospect, Report

DANA = Prospect(
    name="Dana Reyes",
    company="Northwind",
    title="VP Sales",
    industry="logistics",
    expertise=["cloud disaster recovery"],
    facts=[{"text": "Opened a second warehouse in Leeds in May", "source": "press"}],
)


def run(code: str, body: str, **kw: Any) -> Report:
    return Checker(Settings(select=(code,))).check(body, **kw)


def hits(code: str, body: str, **kw: Any) -> list[Finding]:
    return [f for f in run(code, body, **kw).findings if f.code == code]


def apply(body: str, finding: Finding) -> str:
    assert finding.fix is not None
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        body = body[: edit.start] + edit.replacement + body[edit.end :]
    return body


@pytest.mark.parametrize(
    "tag",
    [
        "{first_name}",
        "{{company}}",
        "{{ contact.first_name }}",
        "{{first_name | default: 'there'}}",
        "[First Name]",
        "[Company Name]",
        "[[Company]]",
        "%FIRSTNAME%",
        "<NAME>",
        "*|FNAME|*",
        "{First Name}",
        "${first_name}",
    ],
)
def test_every_merge_tag_syntax_is_an_error(tag: str) -> None:
    body = f"Hi Dana,\n\nA quick one about {tag} and your Q3 ramp. Worth 15 minutes?"
    found = hits("H101", body)
    assert len(found) == 1
    assert found[0].severity == "error"
    assert body[found[0].span.start : found[0].span.end] == tag.lstrip("$")


def test_empty_greeting_is_an_error_and_the_fix_greets_by_name() -> None:
    body = "Hi ,\n\nSaw the Leeds warehouse opening. Worth 15 minutes?"
    (finding,) = hits("H101", body, prospect=DANA)
    assert finding.fix is not None and finding.fix.applicability == "safe"
    assert apply(body, finding).startswith("Hi Dana,")


@pytest.mark.parametrize(
    "body",
    [
        'Our webhook posts {"event": "reply", "id": 42} to your CRM.',
        "The config block is { retries: 3 } and nothing else.",
        "The reviewer called it [sic] slow; the customer, [REDACTED], disagreed.",
        "Details are in [the guide](https://example.com/guide).",
        "Use <b>bold</b> for headings.",
        "Write to me at <dana@example.com> any time.",
        "Our margin went up 40% and churn down 5%.",
        "[name removed] from [company redacted] asked us to write.",
        "Set %APPDATA% and <DEBUG> before the first run.",
        "See footnote [1] and the [Link] below.",
    ],
)
def test_near_misses_are_not_merge_fields(body: str) -> None:
    assert hits("H101", f"Hi Dana,\n\n{body}") == []


def test_fix_fills_every_occurrence_from_the_prospect() -> None:
    body = "Hi {first_name},\n\n{company} and {first_name}: worth a chat?"
    found = hits("H101", body, prospect=DANA)
    assert {f.fix.applicability for f in found if f.fix} == {"safe"}
    fixed = body
    for finding in sorted(found, key=lambda f: f.span.start, reverse=True):
        fixed = apply(fixed, finding)
    assert fixed == "Hi Dana,\n\nNorthwind and Dana: worth a chat?"


def test_unknown_field_gets_advice_not_an_edit() -> None:
    (finding,) = hits("H101", "Hi Dana,\n\nLoved {recent_post_title}. Worth a chat?", prospect=DANA)
    assert finding.fix is not None
    assert finding.fix.applicability == "display" and finding.fix.edits == []


def test_placeholder_in_subject_is_reported_on_the_subject() -> None:
    (finding,) = hits("H101", "Hi Dana,\n\nWorth a chat?", subject="Idea for {{company}}")
    assert finding.span.line == 0


def test_profile_rules_are_skipped_without_a_prospect() -> None:
    report = Checker(Settings(select=("H102", "H103", "H104", "H105"))).check(
        "Hello, worth a call?"
    )
    assert {s.name for s in report.skipped} == {
        "no-personalization",
        "shallow-personalization",
        "talking-down",
        "empty-discovery",
    }


def test_personalization_levels_are_exclusive() -> None:
    generic = "Hello,\n\nWe help teams book more meetings. Worth a call?"
    shallow = "Hi Dana,\n\nWe help Northwind book more meetings. Worth a call?"
    researched = "Hi Dana,\n\nCongrats on the Leeds warehouse. Worth a call on routing?"
    for body, expected in ((generic, {"H102"}), (shallow, {"H103"}), (researched, set())):
        report = Checker(Settings(select=("H102", "H103"))).check(body, prospect=DANA)
        assert {f.code for f in report.findings} == expected, body


def test_personalization_is_not_asked_of_a_followup() -> None:
    history = [HistoryMessage(direction="out", sent_at="2026-01-05T09:00:00Z", body="Hi Dana")]
    body = "Hello,\n\nWe help teams book more meetings. Worth a call?"
    assert hits("H102", body, prospect=DANA, history=history) == []


def test_talking_down_needs_the_topic_to_be_their_expertise() -> None:
    body = "Hi Dana,\n\nHave you heard of cloud disaster recovery? Worth a call?"
    assert len(hits("H104", body, prospect=DANA)) == 1
    other = DANA.model_copy(update={"expertise": ["pricing"]})
    assert hits("H104", body, prospect=other) == []


def test_empty_discovery_depends_on_the_title() -> None:
    body = "Hi Dana,\n\nDo you do outbound prospecting to find new customers?"
    assert len(hits("H105", body, prospect=DANA)) == 1
    cfo = DANA.model_copy(update={"title": "CFO"})
    assert hits("H105", body, prospect=cfo) == []
    how = "Hi Dana,\n\nHow do you split outbound prospecting between SDRs and AEs?"
    assert hits("H105", how, prospect=DANA) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("I love your website! Worth a call?", 1),
        ("Big fan of your work. Can I send a draft?", 1),
        ("Big fan of your post on ramp time, especially the shadowing rule.", 0),
        ("I loved your SaaStr talk on pricing. Worth a call?", 0),
        ("We love the idea of a shorter ramp. Worth a call?", 0),
        ("You guys are clearly leaders in your space! Open to a call?", 1),
    ],
)
def test_generic_flattery_wants_a_specific(body: str, expected: int) -> None:
    assert len(hits("H106", f"Hi Dana,\n\n{body}")) == expected


def test_talking_down_follows_it_to_the_topic_of_the_sentence_before() -> None:
    zt = DANA.model_copy(update={"expertise": ["zero-trust security"]})
    body = (
        "Hi Dana,\n\nZero-trust security is getting popular. It's a new approach where no "
        "device is trusted by default. Worth a call?"
    )
    (finding,) = hits("H104", body, prospect=zt)
    assert body[finding.span.start : finding.span.end].startswith("It's a new approach")


def test_custom_fields_fill_from_the_prospects_custom_values() -> None:
    prospect = DANA.model_copy(update={"custom": {"crm": "HubSpot"}})
    body = "Hi Dana,\n\nYour {{ contact.crm }} sync drops replies. Worth a look?"
    (finding,) = hits("H101", body, prospect=prospect)
    assert apply(body, finding) == "Hi Dana,\n\nYour HubSpot sync drops replies. Worth a look?"


def test_a_name_that_is_also_a_word_must_match_its_case() -> None:
    will = Prospect(name="Will Park", company="Orbit", facts=[{"text": "Opened a Leeds office"}])
    body = "Hello,\n\nWe will help teams book more meetings. Worth a call?"
    assert len(hits("H102", body, prospect=will)) == 1
