"""The fast paths of the ask and homework rules answer exactly as the straightforward code
they replace: checked on many random strings drawn from the patterns themselves, mixed with
near misses, with seeded generators so a failure can be replayed."""

from __future__ import annotations

import random
import re

from regex_samples import draw

from pitchfit.rules import ask
from pitchfit.rules.kinds import compile_phrases, load_terms
from pitchfit.text.document import Document


def _flat(text: str) -> tuple[frozenset[str], str]:
    """A text's vocabulary and its lower-case text with line breaks flattened, as the
    vague-ask rule hands them to ``_vague_any`` (the whole text: a sample may read as a
    sign-off, which the content leaves out)."""
    doc = Document(text)
    return doc.vocabulary, doc.lower.replace("\n", " ")


def _phrase_matches(key: str, i: int, n: int, seed: int) -> list[str]:
    """Random lower-case texts that vague phrase ``i`` of ``key`` matches between word edges."""
    pattern = compile_phrases([load_terms("ask_vague")[key][i]], ignore_case=False)
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        text = rng.choice(["", "ok ", "x. "]) + draw(pattern, rng) + rng.choice(["", ".", " y"])
        low = text.lower()
        if len(low) == len(text) and "\n" not in low and pattern.search(low) is not None:
            texts.append(low)
    return texts


# ---- vague-ask: one plan for both gates, substrings looked for only when their words occur --


def test_every_vague_phrase_match_passes_its_plan_alternative() -> None:
    """Wherever a phrase matches, its alternative's first words occur and every other group
    passes, substrings included (their words are whole tokens there): the plan hides none."""
    keys, by_key, alts = ask._VAGUE_PLAN
    for n, (key, i, groups) in enumerate(alts):
        texts = _phrase_matches(key, i, 400, seed=100 + n)
        assert len(texts) >= 40, (key, i)
        for text in texts:
            vocabulary, flat = _flat(text)
            assert any(n in by_key[w] for w in keys & vocabulary), (key, i, text)
            assert ask._passes(groups, vocabulary, flat), (key, i, text)
            assert ask._vague_any(vocabulary, flat), (key, i, text)


def _straight(flat: str) -> bool:
    return (
        ask._vague("anywhere").search(flat) is not None
        or ask._vague("in_ask").search(flat) is not None
    )


def test_vague_any_agrees_with_the_full_patterns() -> None:
    """Phrase samples cut, joined and mixed with gate words: ``_vague_any`` says exactly
    what searching both full patterns says, both ways, many times."""
    rng = random.Random(21)
    phrases = [
        (k, i) for k in ("anywhere", "in_ask") for i in range(len(load_terms("ask_vague")[k]))
    ]
    pools = {p: _phrase_matches(*p, 60, seed=300 + n) for n, p in enumerate(phrases)}
    words = [*sorted(ask._VAGUE_PLAN[0]), "to", "our", "my", "see", "if", "more", "s", "about"]
    seen = {True: 0, False: 0}
    for _ in range(4000):
        parts = []
        for _ in range(rng.randint(1, 4)):
            roll = rng.random()
            if roll < 0.4:
                pool = pools[rng.choice(phrases)]
                sample = rng.choice(pool)
                cut = rng.randint(0, 4)
                parts.append(sample[cut:] if rng.random() < 0.5 else sample[: len(sample) - cut])
            elif roll < 0.8:
                parts.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 5))))
            else:
                parts.append(rng.choice(["theres", "let’s", "x\ny", "-", "'s", "see if there"]))
        text = rng.choice([" ", ". ", "\n", ""]).join(parts)
        vocabulary, flat = _flat(text)
        want = _straight(flat)
        assert ask._vague_any(vocabulary, flat) == want, text
        seen[want] += 1
    assert min(seen.values()) >= 500, seen


def test_see_if_theres_a_fit_is_still_found() -> None:
    """ "theres" is a token of its own: the "see if" substring needs only "see" and "if"."""
    vocabulary, flat = _flat("Happy to chat and see if theres a fit.")
    assert _straight(flat)
    assert ask._vague_any(vocabulary, flat)
    vocabulary, flat = _flat("I see. If there is anything, shout.")
    assert not ask._vague_any(vocabulary, flat)


def test_a_substring_is_skipped_when_its_words_are_missing() -> None:
    """The pruning is real: "to share" inside "go to shareholders" is not looked for unless
    "share" is a word, and then it is."""
    groups = ((frozenset({"nope"}), (("to share", frozenset({"to", "share"})),)),)
    assert not ask._passes(groups, frozenset({"go", "to", "shareholders"}), "go to shareholders")
    assert ask._passes(groups, frozenset({"to", "share"}), "go to share")
    assert not re.search(r"\bto share\b", "go to shareholders")


# ---- generic-flattery: "think it great" without the " great" group it implies --------------


def test_think_it_gate_answers_as_with_the_space_praise_group() -> None:
    """The "think it's great" alternative dropped " <praise>", which each "it [adverb]
    <praise>" substring holds: on drawn praise and near misses it passes exactly when the
    alternative with that group does, and the rule's triggers are its first words."""
    from pitchfit.rules import homework_match as hm
    from pitchfit.rules.gate import WordGate
    from pitchfit.rules.homework import GenericFlattery

    i = next(k for k, a in enumerate(hm._FLATTERY_ALTERNATIVES) if a.startswith("(?:think"))
    g = next(k for k, a in enumerate(hm.FLATTERY_GATE.alternatives) if "think" in a[0][0])
    fast = hm.FLATTERY_GATE.alternative(g)
    straight = WordGate(
        f"think thought found & it & think_it* thought_it* found_it* & {hm._SPACE_PRAISE} & "
        + hm._praise_subs("it's it’s it_is it", "very really so")
    )
    pattern = re.compile(r"\b(?:" + hm._FLATTERY_ALTERNATIVES[i] + ")", re.VERBOSE)
    rng = random.Random(31)
    filler = ["it", "is", "so", "very", "great", "think", "thought", "found", "it's", "greatly"]
    seen = {True: 0, False: 0}
    for _ in range(3000):
        text = draw(pattern, rng) if rng.random() < 0.5 else ""
        words = [rng.choice(filler) for _ in range(rng.randint(0, 6))]
        text = " ".join([*words[: len(words) // 2], text, *words[len(words) // 2 :]]).lower()
        vocabulary, flat = _flat(text)
        want = straight.could_match(vocabulary, flat)
        assert fast.could_match(vocabulary, flat) == want, text
        seen[want] += 1
    assert min(seen.values()) >= 500, seen
    assert GenericFlattery.triggers == hm.FLATTERY_GATE.triggers is not None


# ---- reasonless-intro-request: substring tests before the intro pattern ----------------------


def test_every_intro_match_holds_one_of_the_tested_substrings() -> None:
    rng = random.Random(41)
    pattern = ask._INTRO.compiled
    hits = 0
    for _ in range(3000):
        text = rng.choice(["", "hi, ", "so "]) + draw(pattern, rng) + rng.choice(["", "?", " x"])
        if pattern.search(text) is not None:
            hits += 1
            assert ask._may_intro(text), text
    near = ["connect with me", "introduced", "put me in the loop", "refer to me", "me to"]
    assert hits > 2500
    assert [ask._may_intro(t) for t in near] == [False, True, False, False, False]
