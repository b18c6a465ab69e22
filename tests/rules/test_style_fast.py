"""The subject line's clickbait search runs only when the email holds a word it needs: every
random match of the pattern (any case, curly apostrophes, dotted and dotless i, long s) puts
one of those words in the Document's vocabulary, or holds "!!" or "$$"."""

from __future__ import annotations

import random

from regex_samples import draw

from pitchfit.rules import style
from pitchfit.text.document import Document

_ODD = {"i": "İı", "s": "ſ", "'": "’"}


def _vary(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        if ch in _ODD and rng.random() < 0.2:
            ch = rng.choice(_ODD[ch])
        out.append(ch.upper() if rng.random() < 0.3 else ch)
    return "".join(out)


def test_every_clickbait_match_passes_the_word_test() -> None:
    rng = random.Random(17)
    pattern = style._CLICKBAIT.exact
    passed = 0
    for _ in range(4000):
        subject = _vary(rng.choice(["", "re: ", "a "]) + draw(pattern, rng), rng)
        subject = subject + rng.choice(["", " today", "?"])
        if not subject.strip() or pattern.search(subject) is None:
            continue
        vocabulary = Document("Hi Ana,\n\nok.", subject).vocabulary
        words = not style._CLICKBAIT_WORDS.isdisjoint(vocabulary)
        assert words or "!!" in subject or "$$" in subject, subject
        passed += 1
    assert passed > 3000


def test_subjects_without_the_words_are_not_searched_and_not_flagged() -> None:
    quiet = ["Q3 freight costs at Fernhill", "idea for your Rotterdam lane", "Actual numbers"]
    for subject in quiet:
        doc = Document("Hi Ana,\n\nGot 5 mins?", subject)
        assert style._CLICKBAIT_WORDS.isdisjoint(doc.vocabulary)
        assert style._CLICKBAIT.search_text(subject) is None


def test_shouting_pre_test_never_skips_a_shouted_word() -> None:
    """Hype looks for words in capitals from where the byte pre-test says one could start: in
    ASCII and in UTF-8 text (curly apostrophes, dashes, accents) the words found are those a
    search of the whole text finds."""
    rng = random.Random(29)
    pieces = ["SHOUT", "DON’T", "IT’S", "DON'T", "AB", "’", "'", " ", "word", "—", "é", "É", "\n"]
    found = 0
    for _ in range(6000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        if rng.random() < 0.3:
            body = body.encode("ascii", "ignore").decode()
        start = rng.randint(0, len(body))
        end = rng.randint(start, len(body))
        want = [m.span() for m in style._CAPS_WORD.finditer(body, start, end)]
        first = style._shouting_from(body, start, end)
        assert start <= first <= end
        assert [m.span() for m in style._CAPS_WORD.finditer(body, first, end)] == want, body
        found += bool(want)
    assert found > 400


def test_generic_subject_pre_test_never_skips_a_generic_subject() -> None:
    """Every subject the generic pattern matches whole (drawn from it, in any case) passes the
    word pre-test; subjects that fail the pre-test are never generic."""
    rng = random.Random(31)
    pattern = style._GENERIC_SUBJECT.compiled
    generic = 0
    for _ in range(4000):
        subject = draw(pattern, rng) if rng.random() < 0.8 else rng.choice(["Q3 costs", "x"])
        subject = _vary(subject, rng) + rng.choice(["", " ", "?", " at Acme"])
        whole = pattern.fullmatch(subject.strip()) is not None
        if whole:
            generic += 1
            assert style._maybe_generic(subject), subject
        if not style._maybe_generic(subject):
            assert not whole, subject
    assert generic > 2000


def test_quote_start_pre_test_agrees_with_the_pattern() -> None:
    """With the lower-cased body at hand, plain ASCII text holding none of the quote words is
    not searched; everywhere else the answer is the pattern's, from any window."""
    from pitchfit.rules import style_text

    rng = random.Random(37)
    pieces = [
        "On Tue, Ana wrote:", "ON MON BOB WROTE:", "> quoted", ">", "-- Original Message --",
        "Begin forwarded message:", "From: Ana\nSent: Monday", "FROM: x\nDate: y", "Hi Ana,",
        "We cut ramp by half.", "message me", "wrote", "from", "\n", "\n\n", "  ", "é",
    ]  # fmt: skip
    quoted = 0
    for _ in range(5000):
        body = "".join(rng.choice(pieces) + rng.choice(["\n", " ", ""]) for _ in range(6))
        start = rng.randint(0, len(body))
        end = rng.randint(start, len(body))
        m = style_text.QUOTE_START.search(body, start, end)
        want = -1 if m is None else m.start()
        assert style_text._quote_start(body, start, end, body.lower()) == want, (body, start)
        assert style_text._quote_start(body, start, end) == want, (body, start)
        quoted += want >= 0
    assert quoted > 400
