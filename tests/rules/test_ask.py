"""Ask rules beyond their examples: the phrasings users rely on, and first touch vs follow-up."""

from __future__ import annotations

from typing import Any

import pytest

from pitchfit.config import Settings
from pitchfit.engine import Checker
from pitchfit.models import Finding, HistoryMessage


def hits(code: str, body: str, **kw: Any) -> list[Finding]:
    report = Checker(Settings(select=(code,))).check(body, **kw)
    return [f for f in report.findings if f.code == code]


@pytest.mark.parametrize(
    "ask",
    [
        "Do you have time for a quick call next week to go over how we can help?",
        "I'd love to find a time to explore synergies between our teams.",
        "I'd love to connect.",
        "Would you like a demo to learn more about how we can help your business?",
        "I would like to speak to you about a business opportunity.",
        "Let's talk.",
    ],
)
def test_vague_asks(ask: str) -> None:
    assert len(hits("A101", f"Hi Dana,\n\n{ask}")) == 1


@pytest.mark.parametrize(
    "ask",
    [
        "Worth 15 minutes on how you plan to ramp the 12 new SDRs?",
        "Would a call on your Q3 carrier bids help before they go out?",
        "Let's talk about the Leeds routing numbers on Tuesday.",
        "Here is how we can help: we take the bank run off your managers.",
    ],
)
def test_specific_asks_are_not_vague(ask: str) -> None:
    assert hits("A101", f"Hi Dana,\n\n{ask}") == []


def test_two_kinds_of_ask_are_multiple_but_one_meeting_twice_is_not() -> None:
    two = "Hi Dana,\n\nFree for a call on Tuesday? Also, could you send me your rate card?"
    same = "Hi Dana,\n\nFree for a call on Tuesday? If not, is Thursday at 10 free?"
    assert len(hits("A102", two)) == 1
    assert hits("A102", same) == []


def test_no_ask_only_on_a_first_touch() -> None:
    body = "Hi Dana,\n\nWe published the dispatch benchmark for regional carriers."
    assert len(hits("A103", body)) == 1
    sent = [HistoryMessage(direction="out", sent_at="2026-01-05T09:00:00Z", body="Hi Dana")]
    assert hits("A103", body, history=sent) == []
    # a reply from them is not a touch of ours: still our first email
    got = [HistoryMessage(direction="in", sent_at="2026-01-05T09:00:00Z", body="Send info")]
    assert len(hits("A103", body, history=got)) == 1


def test_no_ask_reads_a_followup_from_the_text_when_history_is_unknown() -> None:
    assert hits("A103", "Hi Dana,\n\nFollowing up on the below.") == []
    assert hits("A103", "Hi Dana,\n\nThe report is attached.", subject="Re: the report") == []


def test_a_question_or_request_is_an_ask() -> None:
    assert hits("A103", "Hi Dana,\n\nCurious how you handle routing at Leeds?") == []
    assert hits("A103", "Hi Dana,\n\nIf that sounds useful, let me know.") == []


def test_info_update_request_but_not_a_product_that_updates() -> None:
    ask = "Hi Dana,\n\nCould you confirm your contact details so we can update our records?"
    product = "Hi Dana,\n\nOur sync keeps your CRM contact data current. Worth a look?"
    assert len(hits("A104", ask)) == 1
    assert hits("A104", product) == []


def test_intro_request_needs_a_reason_for_the_other_side() -> None:
    bare = "Hi Dana,\n\nCould you introduce me to your CFO? Thanks."
    reasoned = (
        "Hi Dana,\n\nYour CFO said closing the books takes 12 days; we cut that to 5 at two "
        "firms your size. Could you introduce me to her?"
    )
    assert len(hits("A105", bare)) == 1
    assert hits("A105", reasoned) == []


def test_help_with_a_concrete_outcome_or_topic_is_not_vague() -> None:
    assert (
        hits("A101", "Hi Dana,\n\nCan we discuss how we can help your team cut ramp by half?") == []
    )
    assert hits("A101", "Hi Dana,\n\nI'd love to connect on your Q3 ramp plan. Free Tuesday?") == []
    assert len(hits("A101", "Hi Dana,\n\nCan we discuss how we can help your business?")) == 1


def test_phrases_match_across_hard_line_wraps() -> None:
    wrapped = (
        "Hi Dana,\n\nWould you like a demo to learn more about how\n"
        "our safes can help your business?"
    )
    assert len(hits("A101", wrapped)) == 1


def test_an_offer_is_not_a_second_ask() -> None:
    body = "Hi Dana,\n\nWould you be up for a 20-minute call? Happy to share our test data."
    assert hits("A102", body) == []


def test_their_role_alone_is_not_a_reason() -> None:
    body = "Hi Dana,\n\nCould you put me in touch with their CTO? We build developer tools."
    assert len(hits("A105", body)) == 1


def test_a_bare_learn_more_close_is_vague() -> None:
    assert len(hits("A101", "Hi Dana,\n\nLet me know if you'd like to learn more!")) == 1
    assert hits("A101", "Hi Dana,\n\nWant to learn more about the Leeds pilot results?") == []


def test_two_asks_joined_in_one_sentence_are_two() -> None:
    body = "Hi Dana,\n\nAre you free on Tuesday, and could you send me the rate card first?"
    (finding,) = hits("A102", body)
    assert body[finding.span.start : finding.span.end].startswith("could you send")


def test_an_email_in_another_language_is_not_judged_by_english_phrases() -> None:
    french = (
        "Bonjour Claire,\n\nFélicitations pour le nouveau bureau de Lyon. Nous aidons les équipes "
        "commerciales à recruter plus vite. N'hésitez pas à me contacter.\n\nSam"
    )
    report = Checker(Settings(select=("A", "V"))).check(french)
    assert report.language == "fr"
    assert report.findings == []
