"""Document structure: greeting, sign-off, content, sentences, spans."""

from __future__ import annotations

from pitchfit.text.document import Document
from pitchfit.text.inputs import html_to_text, parse_eml, split_subject

EMAIL = """Hi Sarah,

Saw your post about Acme hitting 10M ARR. Congrats!
We helped TechCorp cut their sales cycle from 90 to 62 days.

Are you free for 15 minutes on Tuesday?

Best,
John Smith
Head of Growth
"""


def test_parts_are_found_with_offsets() -> None:
    doc = Document(EMAIL)
    assert doc.greeting is not None and doc.greeting.text == "Hi Sarah,"
    assert doc.signoff is not None and doc.signoff.text.strip() == "Best,"
    assert doc.content.text.startswith("Saw your post")
    assert doc.content.text.endswith("Tuesday?")
    assert doc.body[doc.content.start : doc.content.end] == doc.content.text
    assert [p.text[:3] for p in doc.paragraphs] == ["Saw", "Are"]


def test_sentences_split_on_terminal_punctuation_not_on_hard_wraps() -> None:
    doc = Document("Hi Tom,\n\nWe built a tool that\nwraps lines. It is short!\n- one\n- two\n")
    texts = [s.text for s in doc.sentences]
    assert texts[0] == "We built a tool that\nwraps lines."
    assert "It is short!" in texts
    assert "- one" in texts and "- two" in texts


def test_line_col_is_one_based() -> None:
    doc = Document("ab\ncd\n")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(4) == (2, 2)


def test_line_col_counts_lines_at_every_offset() -> None:
    body = "\nHi Ana,\n\n\nline three\nx\n\n"
    doc = Document(body)
    line, column = 1, 1  # walked character by character
    for offset in range(len(body) + 1):
        assert doc.line_col(offset) == (line, column), offset
        if offset < len(body):
            line, column = (line + 1, 1) if body[offset] == "\n" else (line, column + 1)


def test_no_greeting_or_signoff_when_absent() -> None:
    doc = Document("Let's talk.")
    assert doc.greeting is None and doc.signoff is None
    assert doc.content.text == "Let's talk."


def test_merge_field_greeting_is_a_greeting() -> None:
    doc = Document("{{First_Name}} --\n\nAny thoughts on this?\n\n-- Sam\n")
    assert doc.greeting is not None
    assert doc.content.text == "Any thoughts on this?"


def test_subject_line_is_split_off() -> None:
    subject, body = split_subject("Subject: Idea for Acme\n\nHi Ana,\nbody")
    assert subject == "Idea for Acme"
    assert body == "Hi Ana,\nbody"
    assert split_subject("Hi Ana,\nSubject: not a header") == (
        None,
        "Hi Ana,\nSubject: not a header",
    )


def test_eml_prefers_plain_and_reads_html_only() -> None:
    raw = (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: Hello\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n<p>Hi Bo,</p><p>Short &amp; sweet.</p>"
    )
    subject, body = parse_eml(raw)
    assert subject == "Hello"
    assert "Hi Bo," in body and "Short & sweet." in body and "<p>" not in body
    assert html_to_text("a<br>b") == "a\nb\n"


def test_vocabulary_is_folded_like_a_case_insensitive_regex() -> None:
    doc = Document("Our AMAZING platform reached İstanbul and ıt ſells.", subject="Big News")
    assert {"amazing", "istanbul", "it", "sells", "big", "news"} <= doc.vocabulary
