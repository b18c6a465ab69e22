"""The targeting rules in ``check`` agree with ``fit`` and keep "no means no"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.fit import FitEngine
from pitchfit.models import HistoryMessage, Offer, Prospect, Suppression

PITCH = (
    "Hi there,\n\nSaw the news about your sales team. We get new reps to quota in 3.5 "
    "months instead of 6. Worth a look on Tuesday?\n\nTom"
)


def _codes(
    prospect: Prospect | None, offer: Offer | None = None, body: str = PITCH, **kwargs: object
) -> set[str]:
    checker = Checker(Settings(select=("T",), fit_method="lexical"))
    report = checker.check(body, prospect=prospect, offer=offer, **kwargs)  # type: ignore[arg-type]
    return {f.name for f in report.findings}


def test_check_and_fit_agree_on_every_example(offer: Offer, prospects: list[Prospect]) -> None:
    results = FitEngine(offer, method="lexical").fit_many(prospects)
    for prospect, result in zip(prospects, results, strict=True):
        names = _codes(prospect, offer)
        assert ("wrong-role" in names) == (result.wrong_person and result.segment != "X"), (
            prospect.id
        )
        assert ("no-need-evidence" in names) == (result.segment != "X" and not result.evidence), (
            prospect.id
        )
        status_x = {"status:declined", "status:unsubscribed"}
        own_x = set(result.disqualified_by) - status_x
        assert ("disqualified" in names) == bool(own_x), prospect.id
        assert ("suppressed-contact" in names) == bool(status_x & set(result.disqualified_by)), (
            prospect.id
        )


def test_wrong_role_fix_replaces_the_pitch_with_the_question(
    offer: Offer, by_id: dict[str, Prospect]
) -> None:
    checker = Checker(Settings(select=("T102",), fit_method="lexical"))
    report = checker.check(PITCH, prospect=by_id["p11"], offer=offer)
    (finding,) = report.findings
    assert finding.fix is not None and finding.fix.edits
    replacement = finding.fix.edits[0].replacement
    assert "who at Brightloop owns" in replacement and "VP Sales" in replacement


def test_ledger_suppression_blocks(by_id: dict[str, Prospect]) -> None:
    sup = Suppression(
        email="sarah.chen@brightloop.io",
        reason="unsubscribed",
        at=datetime(2026, 3, 1, tzinfo=UTC),
        evidence="please take me off",
    )
    checker = Checker(Settings(select=("T106",), fit_method="lexical"))
    report = checker.check(PITCH, prospect=by_id["p01"], suppression=sup)
    assert [f.name for f in report.findings] == ["suppressed-contact"]
    assert report.band == "block"
    assert "2026-03-01" in report.findings[0].message
    assert "suppressed-contact" not in _codes(by_id["p01"])


def test_a_no_in_an_earlier_campaign_blocks(by_id: dict[str, Prospect]) -> None:
    said_no = [
        HistoryMessage(
            direction="in",
            sent_at=datetime(2026, 1, 5, tzinfo=UTC),
            body="No thanks, we're not interested.",
            campaign="q1",
        )
    ]
    not_now = [
        HistoryMessage(
            direction="in",
            sent_at=datetime(2026, 1, 5, tzinfo=UTC),
            body="Not now, ask me again after the summer.",
        )
    ]
    assert "suppressed-contact" in _codes(by_id["p01"], history=said_no)
    assert "suppressed-contact" not in _codes(by_id["p01"], history=not_now)


@pytest.mark.parametrize(
    ("body", "fields", "hit"),
    [
        (
            "As a fast-growing manufacturer, you know hiring is hard.",
            {"industry": "Software", "company_size": 15},
            True,
        ),
        ("As a cyber security vendor, you need to stand out.", {"industry": "Marketing"}, True),
        ("Onboarding your 500 engineers takes months.", {"company_size": 40}, True),
        ("As an enterprise, you need a process.", {"company_size": 30}, True),
        ("Your plants lose hours to changeovers.", {"industry": "SaaS"}, True),
        ("As a fast-growing software company, you hire fast.", {"industry": "SaaS"}, False),
        ("Onboarding your 30 engineers takes months.", {"company_size": 40}, False),
        ("Your plants lose hours to changeovers.", {"industry": "Automotive"}, False),
        ("As a manufacturer, you know this.", {"industry": ""}, False),
        ("As a fellow SaaS founder, I know the pain.", {"industry": "Manufacturing"}, False),
        ("As a former CTO, I learned this the hard way.", {"industry": "SaaS"}, False),
        ("As a CMO, you care about the brand.", {"industry": "SaaS"}, True),
    ],
)
def test_false_premise(body: str, fields: dict[str, object], hit: bool) -> None:
    prospect = Prospect(name="Sam Lee", title="VP Sales", company="Acme", **fields)  # type: ignore[arg-type]
    names = _codes(prospect, body=f"Hi Sam,\n\n{body} Worth a look?\n\nTom")
    assert ("false-premise" in names) is hit


def test_language_rule_uses_the_prospect_languages(by_id: dict[str, Prospect]) -> None:
    assert "wrong-language" in _codes(by_id["p05"])  # English to a French speaker
    assert "wrong-language" not in _codes(by_id["p06"])  # Dutch first, reads English
    dutch = (
        "Hallo Sarah,\n\nIk zag dat jullie twaalf nieuwe accountmanagers zoeken. Zullen "
        "we dinsdag even bellen over het inwerken?\n\nTom"
    )
    assert "wrong-language" in _codes(by_id["p01"], body=dutch)
    assert "wrong-language" not in _codes(by_id["p06"], body=dutch.replace("Sarah", "Jan"))
