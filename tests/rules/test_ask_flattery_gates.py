"""The ask and flattery pre-tests never hide a match: random strings each pattern matches
(drawn from the pattern itself, as in test_gates.py) pass every cheap test put before it."""

from __future__ import annotations

import random
import re

from regex_samples import draw

from pitchfit.rules import homework_match
from pitchfit.rules.gate import WordGate, _split_subs
from pitchfit.text.document import Document


def _matching_texts(pattern: re.Pattern[str], n: int, seed: int) -> list[str]:
    """Random lower-case texts ``pattern`` matches, as ``ask.low`` hands them to it (line
    breaks flattened), drawn from the pattern's own parse tree."""
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        drawn = draw(pattern, rng)
        text = rng.choice(["", " ", "x ", ". "]) + drawn + rng.choice(["", " ", ".", " y"])
        low = text.lower().replace("\n", " ")
        if len(low) == len(text) and pattern.search(low) is not None:
            texts.append(low)
    return texts


# ---- generic-flattery ---------------------------------------------------------------------


def _flattery_alternative(i: int) -> re.Pattern[str]:
    alt = homework_match._FLATTERY_ALTERNATIVES[i]
    return re.compile(r"\b(?:" + alt + ")", re.VERBOSE)


def _subs(spec: str) -> list[str]:
    return [w[:-1].replace("_", " ") for w in spec.split()]


def test_praise_after_a_head_follows_your_object_and_a_space() -> None:
    """'your website is great': "your <object>" and " <praise>" are in every match of the
    sixth alternative, and " <praise>" and "think it"/... in every match of the seventh."""
    your_object = _subs(homework_match._YOUR_OBJECT)
    space_praise = _subs(homework_match._SPACE_PRAISE)
    think_it = ["think it", "thought it", "found it"]
    head_praise = _flattery_alternative(6)
    it_praise = _flattery_alternative(7)
    assert "your" in head_praise.pattern and "think" in it_praise.pattern
    texts = _matching_texts(head_praise, 3000, seed=11)
    assert len(texts) >= 500
    for text in texts:
        assert any(s in text for s in your_object), text
        assert any(s in text for s in space_praise), text
    texts = _matching_texts(it_praise, 3000, seed=12)
    assert len(texts) >= 500
    for text in texts:
        assert any(s in text for s in think_it), text
        assert any(s in text for s in space_praise), text


def test_praise_runs_on_and_objects_run_on() -> None:
    """No word edge after the praise or inside "web site"/"products": substrings, not words."""
    gate = homework_match.FLATTERY_GATE
    for text in (
        "your website is greatest",
        "your web site looks very goodish",
        "your products are amazingly",
        "i think it's an inspirational",
    ):
        doc = Document(text)
        assert homework_match.FLATTERY.search(text) is not None
        assert gate.could_match(doc.vocabulary, text), text


def test_flattery_gate_passes_whatever_flattery_matches() -> None:
    texts = _matching_texts(homework_match.FLATTERY.compiled, 4000, seed=13)
    assert len(texts) >= 1000
    for text in texts:
        doc = Document(text)
        flat = doc.lower.replace("\n", " ")
        assert homework_match.FLATTERY_GATE.could_match(doc.vocabulary, flat), text


# ---- word gates: substring searches ---------------------------------------------------------


def test_split_subs_finds_a_substring_when_any_occurs() -> None:
    """Two or three substrings opening with three same characters become one search: what it
    finds, with the ones tested one by one, is whether any substring occurs."""
    rng = random.Random(5)
    openings = ["like ", "lik", "li", "you ", "you", "is ", "x", ""]
    tails = ["your ", "the ", "", "re ", "’re ", "a", "k"]
    alphabet = "likeyourthe ’axk"
    seen = [0, 0]
    for _ in range(600):
        subs = tuple(
            sub
            for sub in (rng.choice(openings) + rng.choice(tails) for _ in range(rng.randint(1, 5)))
            if sub
        )
        if not subs:
            continue
        few, many = _split_subs(subs)
        assert sorted(few + tuple(s for m in many for s in m._subs)) == sorted(subs)
        for _ in range(6):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            if rng.random() < 0.5:
                piece = rng.choice(subs)
                at = rng.randint(0, len(text))
                text = text[:at] + piece[: rng.randint(0, len(piece))] + text[at:]
            want = any(s in text for s in subs)
            got = any(s in text for s in few) or any(m.search(text) for m in many)
            assert got == want, (subs, text)
            seen[want] += 1
    assert min(seen) > 300


def test_gate_with_a_searched_group_of_two() -> None:
    gate = WordGate("like & like_your* like_the*")
    assert gate.could_match(frozenset({"like"}), "i like the site")
    assert not gate.could_match(frozenset({"like"}), "i like this site")
    assert not gate.could_match(frozenset({"likes"}), "i like the site")


# ---- vague-ask --------------------------------------------------------------------------------


def test_vague_presenting_needs_its_verb_and_our_or_my_as_words() -> None:
    """'discuss our services': the verb's last word and "our"/"my" stand as whole words."""
    from pitchfit.rules import ask
    from pitchfit.rules.kinds import compile_phrases, load_terms

    phrases = load_terms("ask_vague")["anywhere"]
    i = next(k for k, p in enumerate(phrases) if p.startswith("(?:discuss|talk about|go over"))
    pattern = compile_phrases([phrases[i]], ignore_case=False)
    texts = _matching_texts(pattern, 2000, seed=14)
    assert len(texts) >= 300
    gate = ask._VAGUE_ANYWHERE.alternative(i)
    for text in texts:
        vocabulary = Document(text).vocabulary
        assert not vocabulary.isdisjoint({"discuss", "about", "over", "present"}), text
        assert not vocabulary.isdisjoint({"our", "my"}), text
        assert gate.could_match(vocabulary, text), text
