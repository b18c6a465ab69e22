"""Value rules beyond their examples: benefits vs features, reasons, proof, self-focus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.models import Finding, Offer


def hits(code: str, body: str, settings: Settings | None = None, **kw: Any) -> list[Finding]:
    report = Checker(settings or Settings(select=(code,))).check(body, **kw)
    return [f for f in report.findings if f.code == code]


def test_feature_list_without_benefit_but_not_with_one() -> None:
    features = (
        "Hi Dana,\n\nOur platform includes:\n- lead scoring\n- sequences\n- dashboards\n\n"
        "Free on Tuesday?"
    )
    assert len(hits("V101", features)) == 1
    with_benefit = features.replace("Free on", "Teams your size cut ramp by 40%. Free on")
    assert hits("V101", with_benefit) == []


def test_a_sentence_stringing_features_together() -> None:
    body = (
        "Hi Dana,\n\nSignalhub is a platform that records calls, transcribes them, scores "
        "deals, syncs with Salesforce, and offers dashboards. Free for a demo?"
    )
    assert len(hits("V101", body)) == 1


def test_because_is_a_reason_and_a_followup_needs_none() -> None:
    assert len(hits("V102", "Hi Dana,\n\nFree for a call on Tuesday?")) == 1
    assert hits("V102", "Hi Dana,\n\nFree on Tuesday? Because the bids close Friday.") == []
    assert hits("V102", "Hi Dana,\n\nFollowing up on the below. Free on Tuesday?") == []


def test_the_better_email_to_john_has_a_reason() -> None:
    better = (
        "Hi John, have 5 mins to chat this week? Have a board meeting coming up and need to "
        "get on the same page on two quick things. Thx."
    )
    assert hits("V102", better) == []


def test_logo_dropping_unless_a_result_comes_with_the_names() -> None:
    drop = "Hi Dana,\n\nMicrosoft, Google and Amazon trust us. Free for a demo?"
    proof = "Hi Dana,\n\nMicrosoft, Google and Amazon use us; Google cut close time by 40%."
    assert len(hits("V103", drop)) == 1
    assert hits("V103", proof) == []


def test_unproven_claim_is_backed_by_the_offers_proof() -> None:
    body = "Hi Dana,\n\nWe are the leading provider of fleet software. Worth a call?"
    assert len(hits("V104", body)) == 1
    offer = Offer(
        name="Fleetly",
        proof=[{"claim": "leading provider of fleet software", "evidence": "Gartner 2025"}],
    )
    assert hits("V104", body, offer=offer) == []


def test_a_scale_claim_with_a_result_is_proof_enough() -> None:
    assert len(hits("V104", "Hi Dana,\n\nWe've helped thousands of companies grow.")) == 1
    assert hits("V104", "Hi Dana,\n\nWe've helped 30 companies cut ramp time by 40%.") == []


def test_self_centered_thresholds_and_option() -> None:
    body = (
        "Hi Dana,\n\nWe are proud of our new release. Our team built it and we love it. "
        "I think our customers will too. Can we show you?"
    )
    assert len(hits("V105", body)) == 1
    lenient = Settings(select=("V105",), rule_options={"self-centered": {"min_self": 20}})
    assert hits("V105", body, settings=lenient) == []
    balanced = (
        "Hi Dana,\n\nYour Q3 hires will ramp faster with your playbook; we can help. Want it?"
    )
    assert hits("V105", balanced) == []


def test_self_centered_counts_the_reader_words_it_sees() -> None:
    """The two word sets share nothing: the rule counts "you" words as pronouns minus self."""
    from pitchfit.rules.value import _SELF_WORDS, _YOU_WORDS

    assert _SELF_WORDS.isdisjoint(_YOU_WORDS)
    body = (
        "Hi Dana,\n\nWe built our tool and we ship it. Our team and I think our users like "
        "it. We love our work. You and your team will see."
    )
    (finding,) = hits("V105", body)
    assert "8 I/we/our against 2 you/your" in finding.message


def test_a_self_introduction_opening_is_self_centered() -> None:
    assert len(hits("V105", "Hi Dana,\n\nMy name is Jake from Leadly. Worth a chat?")) == 1
    assert len(hits("V105", "Hi Dana,\n\nI'm Jake from Leadly. Worth a chat?")) == 1
    assert hits("V105", "Hi Dana,\n\nI'm writing because your Q3 bids open Monday. A chat?") == []


def test_precision_on_the_shared_labelled_emails(shared_dir: Path) -> None:
    """Precision before recall: these families stay quiet on the authors' good emails."""
    from pitchfit.scoring.dataset import load_shared_emails

    checker = Checker(Settings(select=("H", "A", "V")))
    emails = list(load_shared_emails(shared_dir))
    on_good = [
        (e.id, f.name)
        for e in emails
        if not e.bad
        for f in checker.check(e.body, subject=e.subject).findings
    ]
    on_bad = {e.id for e in emails if e.bad and checker.check(e.body, subject=e.subject).findings}
    assert len(on_good) <= 1, on_good
    assert len(on_bad) >= 20, "the families should still catch half the bad emails"
