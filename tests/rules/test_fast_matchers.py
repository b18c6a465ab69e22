"""The rule helpers' fast matchers find exactly what the plain searches they replaced find.

* ``gate._SubstringSearch``: one regex over a tree of shared openings, versus ``any(s in text)``;
* ``homework_match.find_flattery``: lone alternatives, then FLATTERY at their starts, versus
  ``FLATTERY.search``;
* ``style_text.PhraseList.finditer`` with a search window that starts or ends inside a word
  (the whole-range comparison is ``test_style.test_phrase_lists_find_what_the_whole_alternation
  _finds``), versus the whole folded alternation.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import pkgutil
import random
from pathlib import Path
from typing import Any

import pytest
from regex_samples import phrase_sample as _sample

import pitchfit.rules
from pitchfit.rules.gate import _SubstringSearch
from pitchfit.rules.homework_match import FLATTERY, find_flattery
from pitchfit.rules.style_text import PhraseList, PhraseRule, folding
from pitchfit.text.document import Document


# ---- gate._SubstringSearch ----------------------------------------------------------------------
def test_substring_search_finds_a_substring_when_any_occurs() -> None:
    rng = random.Random(21)
    openings = ["is a", "is an", "is the", "is great", "are ", "are re", "it's", "it’s", "i"]
    tails = ["", "", "n", " great", "lly", " very good", ".", "*", "(", "\\", "’s", " "]
    alphabet = "aeinrst '’.*(\\gvyo"
    found = 0
    for case in range(400):
        subs = [rng.choice(openings) + rng.choice(tails) for _ in range(rng.randint(1, 12))]
        if case % 5 == 0:  # prefixes of the others, and duplicates
            subs += [s[: rng.randint(1, len(s))] for s in rng.sample(subs, min(3, len(subs)))]
        if case % 50 == 0:
            subs.append("")
        rng.shuffle(subs)
        search = _SubstringSearch(subs)
        for _ in range(8):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
            if rng.random() < 0.5:  # embed a near or exact occurrence
                piece = rng.choice(subs)
                cut = piece[: rng.randint(0, len(piece))] if rng.random() < 0.4 else piece
                at = rng.randint(0, len(text))
                text = text[:at] + cut + text[at:]
            want = any(s in text for s in subs)
            assert (search.search(text) is not None) == want, (subs, text)
            found += want
    assert 500 < found < 2900  # both outcomes well represented


# ---- homework_match.find_flattery ---------------------------------------------------------------
_PRAISE_PHRASES = (
    "i really love your website",
    "i love your work",
    "we've truly enjoyed the posts",
    "i’ve just liked your blog",
    "big fan of your work",
    "huge admirer of the newsletter",
    "long-time reader of your blog",
    "longtime follower of the podcast",
    "as a big fan",
    "as an admirer and an avid reader",
    "i'm a huge fan",
    "i am a fan",
    "i’m fan",
    "i've been following your",
    "i have been following you",
    "really impressed by your team",
    "impressed with the platform",
    "so impressed for your",
    "your blog is very good",
    "your website looks really great",
    "your team here is truly an inspiration",
    "your products are amazing",
    "think it's amazing",
    "thought it is very excellent",
    "found it so stunning",
    "i think it’s greater than ever",
    "the content is an inspiration",
    "your content is an inspiration",
    "you guys are killing it",
    "you all ’re doing amazing",
    "you are clearly great",
    "you are leaders",
    # one compliment starting inside another (a lone match that FLATTERY does not confirm)
    "i love your website is amazing",
    "big fan of your blog looks great",
    "i love the content is an inspiration",
    "i love your work is great",
    "impressed by your team is brilliant",
    "i've been following you guys are killing it",
)
_NEAR_MISSES = (
    "i really love your",
    "i love yours",
    "hi love your website",
    "ai love your website",
    "big fan of",
    "big fans of your work",
    "as a fanatic",
    "i'm not a fan",
    "impressed by",
    "unimpressed by your team",
    "your blog is good",
    "your blog was great",
    "your team at acme is great",
    "think its amazing",
    "you guys were killing it",
    "you are killing",
    "youre great",
    "you're clearly great",
    "the contents is an inspiration",
    "i   love your website",
    "i\tlove your website",
    "i love your\nwebsite",
)
_FILLER = (
    "hi dana,",
    "we help sales teams ramp faster.",
    "honestly",
    "and",
    "—",
    "(",
    '"',
    "x",
    "2024",
    "so",
    "your",
    "i",
    "the",
    "great",
    "it",
    "you",
    "fan",
    "'",
    "a",
    "_",
    "9",
)


def _flat_lower(text: str) -> str:
    """What the flattery rule searches: the text lower-cased, line breaks as spaces."""
    return text.lower().replace("\n", " ")


def _assert_same(text: str) -> bool:
    want = FLATTERY.compiled.search(text)
    got = find_flattery(text)
    assert (got is None) == (want is None), text
    if got is not None and want is not None:
        assert got.span() == want.span(), text
        return True
    return False


def test_find_flattery_matches_like_the_whole_pattern() -> None:
    rng = random.Random(22)
    pieces = _PRAISE_PHRASES + _NEAR_MISSES
    hits = 0
    for _ in range(500):
        parts = [rng.choice(_FILLER) for _ in range(rng.randint(0, 6))]
        for _ in range(rng.randint(0, 2)):
            parts.insert(rng.randint(0, len(parts)), rng.choice(pieces))
        seps = (" ", " ", "", "", "\n", ", ", ". ", "-")
        text = "".join(p + rng.choice(seps) for p in parts)
        if rng.random() < 0.3:
            text = text.title()
        hits += _assert_same(_flat_lower(text))
    for phrase in _PRAISE_PHRASES:
        assert _assert_same(_flat_lower(f"hi dana, {phrase}.")), phrase
    assert hits > 200


def _corpus_script() -> Path:
    root = Path(__file__).resolve().parents[2]
    shared = Path(os.environ.get("PITCHFIT_SHARED", root.parent / "shared"))
    return shared / "bench" / "make_corpus.py"


def test_find_flattery_on_corpus_sentences() -> None:
    script = _corpus_script()
    if not script.is_file():
        pytest.skip(f"corpus generator not found at {script}")
    spec = importlib.util.spec_from_file_location("_pitchfit_make_corpus", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    emails: list[dict[str, Any]] = module.generate(300, 23)
    rng = random.Random(23)
    checked = 0
    for email in emails:
        doc = Document(str(email["body"]), str(email.get("subject") or ""))
        low = _flat_lower(doc.body)
        _assert_same(low[doc.content.start : doc.content.end])
        for sent in doc.sentences:
            _assert_same(low[sent.start : sent.end])
            # and with a compliment put in the sentence
            at = rng.randint(0, sent.end - sent.start)
            text = low[sent.start : sent.end]
            _assert_same(f"{text[:at]} {rng.choice(_PRAISE_PHRASES)} {text[at:]}")
            checked += 1
    assert checked > 1000


# ---- style_text.PhraseList ----------------------------------------------------------------------
def _phrase_lists() -> list[tuple[str, PhraseList]]:
    """Every PhraseList of the rule modules (module attributes, and PhraseRule classes')."""
    found: dict[int, tuple[str, PhraseList]] = {}
    for info in pkgutil.iter_modules(pitchfit.rules.__path__, "pitchfit.rules."):
        module = importlib.import_module(info.name)
        for name, value in sorted(vars(module).items()):
            if isinstance(value, PhraseList):
                found.setdefault(id(value), (f"{info.name}.{name}", value))
            elif (
                isinstance(value, type)
                and issubclass(value, PhraseRule)
                and value is not PhraseRule
            ):
                phrases = value.phrases()
                found.setdefault(id(phrases), (f"{info.name}.{name}", phrases))
    return sorted(found.values(), key=lambda item: item[0])


_LISTS = _phrase_lists()


def test_every_phrase_list_is_found() -> None:
    names = [name.rsplit(".", 1)[1] for name, _ in _LISTS]
    for expected in ("Deferential", "FormalFiller", "Hype", "GUILT", "SILENCE", "_RESTATE"):
        assert expected in names
    for expected in ("_EAGER", "_REASON", "_IMPERATIVE_ASK", "_RESULT_VERB", "_OBSERVED_ANY"):
        assert expected in names


@pytest.mark.parametrize(("name", "phrases"), _LISTS, ids=[n for n, _ in _LISTS])
def test_phrase_list_window_inside_words(name: str, phrases: PhraseList) -> None:
    """Matches in a window [pos, endpos) that may start or end inside a word: those of the
    whole folded alternation over the lower-cased body, in the same window."""
    rng = random.Random(24)
    pieces = [_sample(f, rng) for f in phrases.fragments for _ in range(2)]
    pieces += ["the", "we", "can", "to", "I", "your", "Acme", "_x", "2024", "it's", "Hi Ana,"]
    seps = [" ", " ", "\n", "  ", "-", ", ", ". ", "'", "’", "\n\n"]
    matched = cut_inside = 0
    for _ in range(60):
        text = "".join(
            rng.choice((str.upper, str.title, str.lower, str))(rng.choice(pieces))
            + rng.choice(seps)
            for _ in range(rng.randint(1, 25))
        )
        doc = Document(text)
        fold = folding(doc)
        assert fold.lower is not None  # ASCII-ish text: the folded branch
        n = len(doc.body)
        windows = [(0, n), (0, rng.randint(0, n)), (rng.randint(0, n), n)]
        for _ in range(3):
            a, b = rng.randint(0, n), rng.randint(0, n)
            windows.append((min(a, b), max(a, b)))
        # a window that ends one character into a match of the whole alternation
        for m in phrases.full.folded.finditer(fold.lower):
            windows.append((0, m.start() + 1))
            windows.append((m.start() + 1, n))
            windows.append((0, m.end() - 1))
        # a phrase glued to more letters, the window ending (or starting) at the phrase
        piece = rng.choice(pieces).lower()
        at = len(doc.body) + 1
        glued = f"{doc.body} {piece}{rng.choice(('zz', 's', 'ing', '9', '_x'))} we can"
        doc = Document(glued)
        fold = folding(doc)
        assert fold.lower is not None
        n = len(doc.body)
        windows += [(0, at + len(piece)), (at, at + len(piece)), (at, n), (at + 1, n)]
        for pos, endpos in windows:
            got = [m.span() for m in phrases.finditer(fold, doc.body, pos, endpos)]
            want = [m.span() for m in phrases.full.folded.finditer(fold.lower, pos, endpos)]
            assert got == want, (name, text, pos, endpos)
            first = phrases.search(fold, doc.body, pos, endpos)  # stops at the first match
            assert (first.span() if first else None) == (want[0] if want else None)
            matched += bool(want)
            cut_inside += 0 < endpos < n and fold.lower[endpos - 1 : endpos + 1].isalnum()
    assert matched > 20 and cut_inside > 10
    # search: a phrase's first occurrence glued inside a word (no match there), a later one
    # standing alone; the first match is found past the failed candidate
    later = 0
    for piece in pieces[:40]:
        low = piece.lower()
        doc = Document(f"Hi Ana,\n\nzz{low}zz, then {low} it is.\n")
        fold = folding(doc)
        assert fold.lower is not None
        want_m = phrases.full.folded.search(fold.lower)
        got_m = phrases.search(fold, doc.body)
        assert (got_m.span() if got_m else None) == (want_m.span() if want_m else None), piece
        later += want_m is not None and want_m.start() > fold.lower.index(low)
    assert later > 0
