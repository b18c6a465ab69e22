"""Whatever arrives in a mailbox, parsing and classifying answer without raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pitchfit import classify_reply, parse_reply

_LINES = st.sampled_from(
    [
        "Yes, Thursday works.",
        "> quoted line",
        ">>> deeply quoted",
        "On Mon, 7 Apr 2025 at 10:00, Sam <sam@us.example> wrote:",
        "From: Sam <sam@us.example>",
        "Sent: Monday, 7 April 2025 10:00",
        "-----Original Message-----",
        "-- ",
        "Sent from my iPhone",
        "Best regards,",
        "Content-Type: text/plain; charset=bogus",
        "",
        "```",
        "Le 7 avr. 2025 à 10:00, Sam a écrit :",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=80)), max_size=30))
def test_parse_never_raises_and_body_comes_from_the_input(lines: list[str]) -> None:
    text = "\n".join(lines)
    parsed = parse_reply(text)
    for line in parsed.body.splitlines():
        assert line.strip() in text


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_parse(data: bytes) -> None:
    assert isinstance(parse_reply(data).body, str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=60)), max_size=12))
def test_classify_always_gives_a_known_intent(lines: list[str]) -> None:
    out = classify_reply("\n".join(lines), context={"received_at": "2025-04-09"}).to_dict()
    assert out["intent"] in {
        "interested",
        "not_now",
        "not_interested",
        "wrong_person",
        "out_of_office",
        "unsubscribe",
        "question",
        "objection",
    }
    assert 0.0 <= out["confidence"] <= 1.0


def test_a_message_given_as_text_keeps_its_text() -> None:
    """Found by the property above: a message given as a str is text already, so a part that
    is not transfer-encoded is not turned into bytes and its charset guessed again."""
    text = "From: Sam <sam@us.example>\nFrom: Sam <sam@us.example>\n\n\x80"
    assert parse_reply(text).body.strip() == "\x80"
    german = "From: Jo <jo@us.example>\nSubject: Re: Termin\n\nGerne am Donnerstag. Grüße, Jürgen"
    assert "Grüße, Jürgen" in parse_reply(german).body
