"""Follow-up rules beyond their examples: business days, reply resets, no means no, guilt."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.models import HistoryMessage, Report
from pitchfit.rules.followup import _explicit_no, business_days_between

FOLLOWUP = ("F101", "F102", "F103", "F104", "F105")
BUMP = "Hi Omar, hope all is well. Following up on the below. Thx."


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _msg(
    direction: str, when: str, body: str = "Hi Omar, a short note.", **kw: Any
) -> HistoryMessage:
    return HistoryMessage.model_validate(
        {"direction": direction, "sent_at": when, "body": body, **kw}
    )


def _check(
    body: str,
    history: list[HistoryMessage] | None,
    now: str,
    *,
    select: tuple[str, ...] = FOLLOWUP,
    subject: str | None = None,
) -> Report:
    return Checker(Settings(select=select)).check(
        body, subject=subject, history=history, now=_at(now)
    )


def _names(report: Report) -> list[str]:
    return [f.name for f in report.findings]


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("2025-03-03T09:00:00Z", "2025-03-05T08:00:00Z", 2),  # Mon -> Wed
        ("2025-03-07T17:00:00Z", "2025-03-10T08:00:00Z", 1),  # Fri -> Mon
        ("2025-03-07T17:00:00Z", "2025-03-14T08:00:00Z", 5),  # Fri -> next Fri
        ("2025-03-08T10:00:00Z", "2025-03-09T10:00:00Z", 0),  # Sat -> Sun
        ("2025-03-03T09:00:00Z", "2025-03-03T18:00:00Z", 0),  # same day
        ("2025-03-03T09:00:00Z", "2025-03-31T09:00:00Z", 20),  # four weeks
    ],
)
def test_business_days(start: str, end: str, days: int) -> None:
    assert business_days_between(_at(start), _at(end)) == days


def test_skipped_without_history() -> None:
    report = _check(BUMP, None, "2025-03-04T09:00:00Z")
    assert report.findings == []
    assert {s.name for s in report.skipped} == {
        "followup-too-soon",
        "too-many-touches",
        "followup-repitch",
        "ignores-no",
        "guilt-trip",
    }
    assert all(s.needs == ["history"] for s in report.skipped)


def test_too_soon_uses_the_last_unanswered_email() -> None:
    history = [_msg("out", "2025-02-03T09:00:00Z"), _msg("out", "2025-03-03T09:00:00Z")]
    assert "followup-too-soon" in _names(_check(BUMP, history, "2025-03-04T09:00:00Z"))
    assert "followup-too-soon" not in _names(_check(BUMP, history, "2025-03-05T09:00:00Z"))


def test_touches_are_counted_since_their_last_reply() -> None:
    old = [_msg("out", f"2025-01-{d:02d}T09:00:00Z") for d in (6, 9, 14, 17, 22)]
    reply = _msg("in", "2025-01-23T09:00:00Z", "Let's talk in March, busy until then.")
    recent = [_msg("out", "2025-03-03T09:00:00Z")]
    assert "too-many-touches" not in _names(
        _check(BUMP, [*old, reply, *recent], "2025-03-10T09:00:00Z")
    )
    assert "too-many-touches" in _names(_check(BUMP, old, "2025-03-10T09:00:00Z"))


def test_no_in_an_earlier_campaign_blocks_the_email() -> None:
    history = [
        _msg("out", "2024-10-01T09:00:00Z", campaign="autumn"),
        _msg(
            "in",
            "2024-10-02T09:00:00Z",
            "We're not interested, please remove me.",
            campaign="autumn",
        ),
    ]
    report = _check(
        "Hi Omar,\n\nNew this spring: a 2-minute audit. Want it?\n\nLea",
        history,
        "2025-04-01T09:00:00Z",
    )
    finding = next(f for f in report.findings if f.name == "ignores-no")
    assert finding.severity == "error" and "autumn" in finding.message
    assert report.band == "block"


def test_reply_after_the_no_reopens_the_door() -> None:
    history = [
        _msg("out", "2025-01-06T09:00:00Z"),
        _msg("in", "2025-01-07T09:00:00Z", "Not interested, thanks."),
        _msg(
            "in", "2025-03-01T09:00:00Z", "Actually, we are interested now. Can you send pricing?"
        ),
    ]
    assert "ignores-no" not in _names(
        _check("Hi Omar,\n\nPricing attached.\n\nLea", history, "2025-03-03T09:00:00Z")
    )


def test_explicit_no_ignores_their_quote_of_our_footer() -> None:
    reply = "Thursday works.\n\nOn Mon, 3 Mar 2025, Lea wrote:\n> To unsubscribe, reply STOP."
    assert not _explicit_no(reply)
    assert _explicit_no("Please remove me from your list.")


def test_forwarded_followup_is_not_a_repitch_but_a_rewrite_is() -> None:
    first = (
        "Hi Omar,\n\nYour Ghent warehouse ships 40% more parcels since May; we cut pick errors "
        "by a third for two 3PLs that size. Worth 15 minutes on Thursday?\n\nLea"
    )
    history = [_msg("out", "2025-03-03T09:00:00Z", first)]
    forwarded = BUMP + "\n\n-----Original Message-----\n" + first
    assert _names(_check(forwarded, history, "2025-03-07T09:00:00Z")) == []
    rewrite = (
        "Hi Omar,\n\nSince May your Ghent warehouse ships 40% more parcels. Two 3PLs that "
        "size cut pick errors by a third with us. 15 minutes on Thursday?\n\nLea"
    )
    assert "followup-repitch" in _names(_check(rewrite, history, "2025-03-07T09:00:00Z"))


@pytest.mark.parametrize(
    ("body", "guilty"),
    [
        ("Hi Omar,\n\nDid you receive my previous email?\n\nLea", True),
        ("Hi Omar,\n\nI've sent you three emails now. Still keen.\n\nLea", True),
        ("Hi Omar,\n\nYou'll never hear from me again after this one.\n\nLea", True),
        ("Hi Omar,\n\nHaven't heard back, so I wanted to make sure you saw it.\n\nLea", True),
        ("Hi Omar,\n\nHaven't heard back, no worries at all. I'll close this out.\n\nLea", False),
        (BUMP, False),
    ],
)
def test_guilt_trip(body: str, guilty: bool) -> None:
    history = [_msg("out", "2025-03-03T09:00:00Z")]
    report = _check(body, history, "2025-03-10T09:00:00Z", select=("F105",))
    assert bool(report.findings) is guilty


def test_guilt_trip_in_subject_points_into_the_subject() -> None:
    history = [_msg("out", "2025-03-03T09:00:00Z")]
    subject = "Did you get my email?"
    report = _check(BUMP, history, "2025-03-10T09:00:00Z", select=("F105",), subject=subject)
    (finding,) = report.findings
    assert finding.span.line == 0
    assert subject[finding.span.start : finding.span.end] == "Did you get my email"
