"""The strengths' fast paths give what the straightforward versions give, on many generated
strings and emails: the rhetorical-question test spelled out as ``in`` tests, the single
question tested before the requests are looked for, the peer-tone style rules reordered."""

from __future__ import annotations

import random

from regex_samples import draw, phrase_sample

from pitchfit.config import Settings
from pitchfit.engine import Context
from pitchfit.rules import strengths
from pitchfit.rules.followup import GUILT
from pitchfit.rules.style import Deferential, FormalFiller, Hype
from pitchfit.rules.style_text import folding, own_end, own_sentences, own_word_count
from pitchfit.text.document import Document

# words around the rhetorical phrases, some of them parts of one
_FILLER = (
    "we cut freight audits for two retailers your size , right isn't it did I have I why not "
    "who doesn't are you ready wouldn't you agree Thursday 15 minutes 40% CFO Tom's team ok"
)
_WORDS = _FILLER.split()
_ODD = ("İ", "ı", "ſ", "ß", "Σ")


def _mess(text: str, rng: random.Random) -> str:
    """Random capitals, sometimes an odd character (one that lower-cases oddly or folds)."""
    chars = [c.upper() if rng.random() < 0.15 else c for c in text]
    if rng.random() < 0.15:
        chars.insert(rng.randint(0, len(chars)), rng.choice(_ODD))
    return "".join(chars)


def _question_texts() -> list[str]:
    rng = random.Random(11)
    pattern = strengths._RHETORICAL.exact
    out = []
    for _ in range(6000):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 8))]
        if rng.random() < 0.6:
            words.insert(rng.randint(0, len(words)), draw(pattern, rng))
        tail = rng.choice(("?", "?", " ?", "?!", "?)", "", "? ok"))
        out.append(_mess(" ".join(words) + tail, rng))
    return out


def test_rhetorical_is_the_whole_pattern() -> None:
    texts = _question_texts()
    found = 0
    for text in texts:
        expected = strengths._RHETORICAL.search_text(text) is not None
        assert strengths._rhetorical(text) == expected, text
        found += expected
    assert len(texts) // 10 < found < len(texts) * 9 // 10  # both outcomes well covered


# ---- whole rules on generated emails ----------------------------------------------------------
_SETTINGS = Settings()


def _sentence(rng: random.Random) -> str:
    """A statement, a question (clear, vague, long or rhetorical) or a request (clear, vague
    or long)."""
    kind = rng.randrange(7)
    if kind == 0:
        return "We audit carrier invoices line by line for retailers."
    if kind == 1:
        return rng.choice(("Worth 15 minutes on Thursday?", "Are you the right person?"))
    if kind == 2:
        return "Open to a quick call to go over how we can help?"
    if kind == 3:
        return "Would it make sense " + "to look at this " * rng.randint(5, 9) + "next week?"
    if kind == 4:
        return rng.choice(("Freight audits are a pain, right?", "Why not?", "Did I lose you?"))
    if kind == 5:
        fragment = rng.choice(strengths._IMPERATIVE_ASK.fragments)
        tail = rng.choice((" the rate sheet.", " if it fits.", " about it" * 12 + "."))
        return phrase_sample(fragment, rng).capitalize() + tail
    fragment = rng.choice(strengths._IMPERATIVE_ASK.fragments)
    return "Thanks, " + phrase_sample(fragment, rng) + " when it suits?"


def _emails(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences = [_sentence(rng) for _ in range(rng.randint(0, 4))]
        out.append("Hi Theo,\n\n" + " ".join(sentences) + "\n\nMia")
    return out


def _single_clear_ask_reference(doc: Document) -> tuple[int, int] | None:
    """All the asks first, then the one ask's length and vagueness (the rule before it tested
    a lone question first)."""
    asks = strengths._asks(doc)
    if len(asks) != 1:
        return None
    ask = asks[0]
    max_words = int(strengths.SingleClearAsk.options["max_words"])
    if len(ask.text.split()) > max_words or strengths._VAGUE_ASK.search_text(ask.text):
        return None
    return ask.start, ask.end


def test_single_clear_ask_as_straightforward() -> None:
    rule = strengths.SingleClearAsk()
    ctx = Context(settings=_SETTINGS)
    credited = 0
    for body in _emails(3000, 5):
        hits = [(h.start, h.end) for h in rule.check(Document(body), ctx)]
        expected = _single_clear_ask_reference(Document(body))
        assert hits == ([] if expected is None else [expected]), body
        credited += expected is not None
    assert 300 < credited < 2700


def _styled_sentence(rng: random.Random) -> str:
    """Plain, or holding a phrase of a rule that rules out peer tone."""
    kind = rng.randrange(6)
    if kind < 2:
        return rng.choice(("We cut ramp time in half.", "Want the plan?", "You hire 6 SDRs."))
    if kind == 2:
        return "We're excited to share news!"
    rules = (
        FormalFiller.phrases(),
        Hype.phrases(),
        Deferential.phrases(),
        strengths._EAGER,
    )
    fragment = rng.choice(rng.choice(rules).fragments)
    return "Also " + phrase_sample(fragment, rng) + " for you."


def _peer_tone_reference(doc: Document, ctx: Context) -> bool:
    """Every test of the rule, in the order first written (deferential wording first)."""
    words, sentences = own_word_count(doc), len(own_sentences(doc))
    body, start, end = doc.body, doc.content.start, own_end(doc)
    fold = folding(doc)
    return (
        words >= 8
        and sentences > 0
        and words / sentences <= 20
        and body.count("!", start, end) < 2
        and not any(list(rule.check(doc, ctx)) for rule in (Deferential(), FormalFiller(), Hype()))
        and strengths._EAGER.search(fold, body, start, len(body)) is None
        and GUILT.search(fold, body, start, len(body)) is None
    )


def test_peer_tone_as_straightforward() -> None:
    rule = strengths.PeerTone()
    ctx = Context(settings=_SETTINGS)
    rng = random.Random(3)
    credited = 0
    for _ in range(1500):
        body = "Hi Eli,\n\n" + " ".join(_styled_sentence(rng) for _ in range(rng.randint(1, 4)))
        got = bool(list(rule.check(Document(body + "\n\nNina"), ctx)))
        expected = _peer_tone_reference(Document(body + "\n\nNina"), ctx)
        assert got == expected, body
        credited += expected
    assert 100 < credited < 1400


def test_vague_is_the_whole_pattern() -> None:
    """The substring pre-test never hides a vague ask: drawn from the pattern itself, in any
    case, inside other words (no word edge) and next to near misses."""
    rng = random.Random(23)
    pattern = strengths._VAGUE_ASK.exact
    near = ["Worth a call?", "Can we talk Tuesday?", "How do you staff it?", "Helpful?", "x"]
    outcomes = {True: 0, False: 0}
    for _ in range(5000):
        text = draw(pattern, rng) if rng.random() < 0.7 else rng.choice(near)
        text = rng.choice(["", "So, ", "Would you ", "re"]) + text + rng.choice(["", "?", "s?"])
        if rng.random() < 0.3:
            text = text.upper() if rng.random() < 0.5 else text.title()
        want = strengths._VAGUE_ASK.search_text(text) is not None
        assert strengths._vague(text) == want, text
        outcomes[want] += 1
    assert min(outcomes.values()) > 1000


def test_placeholder_pre_test_is_the_pattern() -> None:
    rng = random.Random(43)
    pattern = strengths._PLACEHOLDER.compiled
    pieces = ["[First Name]", "{{company}}", "%FNAME%", "<NAME>", "[x", "{", "%", "<b>", "50%"]
    found = 0
    for _ in range(4000):
        text = " ".join(rng.choice([*pieces, "Hi", "we saw", "your post"]) for _ in range(4))
        if rng.random() < 0.3:
            text = draw(pattern, rng)
        want = pattern.search(text) is not None
        assert strengths._placeholder(text) == want, text
        found += want
    assert found > 1000
