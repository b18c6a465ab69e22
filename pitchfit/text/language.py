"""Which language a text is written in: fast, and silent when unsure.

A pitch in a language the prospect does not read is the first sign nobody did their homework
(seed 000). The check runs this on every email, so the common case must cost microseconds:
a profile of function words settles the usual European languages, the script settles
Greek, Hebrew, Korean, Japanese and Thai, and py3langid (loaded lazily, ~0.7 s once) is asked
only about what is left. Short or ambiguous texts give ``(None, confidence)``: no call is
better than a false one.
"""

from __future__ import annotations

import math
import re
import struct
import threading
import unicodedata
from collections import Counter
from typing import Any

from .ascii import ascii_table

MIN_WORDS = 4
MIN_LETTERS = 15

# Frequent function words per language, written for this module. Words shared by several
# languages count for each, split evenly, so only distinctive ones decide.
_PROFILES: dict[str, str] = {
    "en": "the and to of a in is you that it for on are with this be your we have as at "
    "not but or from they will can our would if about what there when which just so an "
    "was were do does been me my i how who them their thanks hi dear best regards",
    "fr": "le la les et des un une est pas que qui pour dans sur avec vous nous je ce "
    "cette du au aux mais ou plus votre vos notre nos sont être avoir bonjour merci "
    "très bien aussi comme il elle ils leur en se ne",
    "de": "der die das und ist nicht ein eine zu den mit sich von auf für im dem des "
    "sie wir ich auch es wie aber oder wenn bei nach ihr ihre ihnen unsere unser sind "
    "haben hallo danke gerne viele grüße freundlichen können werden kein",
    "nl": "de het een en van is dat niet je jij we wij ik op te voor met zijn maar ook "
    "als bij naar hoe wat er dan nog om uw jullie onze ons heb hebben graag groet "
    "groeten dank bedankt hallo goed",
    "es": "el la los las y de que en un una es por con para no se su sus lo como más "
    "pero le al del usted ustedes nuestro nuestra este esta está son muy hola gracias "
    "saludos también",
    "it": "il lo la gli le e di che è un una per non con del della dei sono ma come più "
    "anche se al nel nella suo sua vostro vostra nostro nostra questo questa ciao "
    "grazie saluti molto",
    "pt": "o a os as e de que em um uma é não para com do da dos das por mais como mas "
    "ao se seu sua você vocês nosso nossa este esta muito olá obrigado obrigada "
    "cumprimentos também",
    "sv": "och att det som en är på för med jag till av inte den har de om ett vi du "
    "men kan var så hej tack hälsningar vår våra er era också",
    "da": "og at det som en er på for med jeg til af ikke den har de om et vi du men kan "
    "var så hej tak hilsen vores jeres også meget",
    "no": "og at det som en er på for med jeg til av ikke den har de om et vi du men kan "
    "var så hei takk hilsen vår våre deres også mye",
    "pl": "i w na z że nie to się do jest jak o co ale po tak za od dla czy oraz są "
    "pan pani państwa dzień dobry dziękuję pozdrawiam bardzo",
}

_WEIGHTS: dict[str, dict[str, float]] = {}
for _lang, _words in _PROFILES.items():
    for _word in set(_words.split()):
        _WEIGHTS.setdefault(_word, {})[_lang] = 1.0
for _shared in _WEIGHTS.values():
    _share = 1.0 / len(_shared)
    for _lang in _shared:
        _shared[_lang] = _share

# The same shares, exact: each word's share of ``_SCALE`` (every share's denominator divides
# it) in one 32-bit field per language, all packed into one int. A text's scores are then the
# fields of one sum of ints, unpacked in one call.
_LANGS = tuple(_PROFILES)
_SCALE = math.lcm(*range(1, len(_LANGS) + 1))
assert 80 * _SCALE < 1 << 32  # the profile reads 80 words: a 32-bit field never carries
_UNPACK = struct.Struct(f"<{len(_LANGS)}I")  # the fields, read back in one call
_PACKED = {
    w: sum((_SCALE // len(s)) << (32 * i) for i, lang in enumerate(_LANGS) if lang in s)
    for w, s in _WEIGHTS.items()
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)
_SCRIPT_LANG = {
    "GREEK": "el",
    "HEBREW": "he",
    "HANGUL": "ko",
    "HIRAGANA": "ja",
    "KATAKANA": "ja",
    "THAI": "th",
    "ARMENIAN": "hy",
    "GEORGIAN": "ka",
}

_identifier: Any = None
_lock = threading.Lock()


def detect(text: str) -> tuple[str | None, float]:
    """Return ``(ISO 639-1 code, confidence)``, or ``(None, confidence)`` when unsure."""
    words = _lower_words(text)
    if len(words) < MIN_WORDS or sum(map(len, words)) < MIN_LETTERS:
        return None, 0.0
    script = _script(text)
    if script in _SCRIPT_LANG:
        return _SCRIPT_LANG[script], 0.95
    if script == "LATIN":
        lang, conf = _profile(words[:80])  # 80 words settle it; longer texts cost more
        if lang is not None:
            return lang, conf
        if len(words) < 8:
            return None, conf
    return _langid(text)


_ASCII_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")  # _WORD on lower-cased ASCII, several times faster
# _ASCII_WORD's tokens without a match object each (see _ascii_words): digits are no part of
# them, apostrophes are.
_WORD_BYTES = ascii_table("'", digits=False)
_LOOSE_APOSTROPHE = re.compile(r"'(?:(?<![a-z]')|(?![a-z]))")
_TWO_APOSTROPHES = re.compile(r"'[a-z]+'")  # "rock'n'roll": _ASCII_WORD splits it after "n"
_HEAD = 640  # characters that usually hold the 80 words the profile reads


def _lower_words(text: str) -> list[str]:
    """The words :func:`detect` reads: those of the first 3,000 characters, lower-cased; or,
    when the first ``_HEAD`` characters already hold more than 80 words, just those. Of ASCII
    text only the first 81 are split off: the profile reads 80, and every other test only asks
    whether there are a handful (or more than 80)."""
    head = text[:_HEAD].lower()
    words = _ascii_words(head, 81) if head.isascii() else _WORD.findall(head)
    if len(words) > 80 or len(text) <= _HEAD:
        return words
    low = text[:3000].lower()
    return _ascii_words(low, 81) if low.isascii() else _WORD.findall(low)


def _ascii_words(low: str, limit: int = -1) -> list[str]:
    """``_ASCII_WORD.findall(low)`` for lower-cased ASCII text (its first ``limit`` words, or
    more, when a limit is given): every character that is no letter or apostrophe becomes a
    space, then every apostrophe not between two letters, and the text is split. A word with
    two apostrophes inside is left to the pattern."""
    spaced = low.encode().translate(_WORD_BYTES).decode()
    if "'" in spaced:
        spaced = _LOOSE_APOSTROPHE.sub(" ", spaced)
        if _TWO_APOSTROPHES.search(spaced) is not None:
            found: list[str] = _ASCII_WORD.findall(low)
            return found
    if limit < 0:
        return spaced.split()
    words = spaced.split(None, limit)  # the last item may be the unsplit rest
    return words[:limit] if len(words) > limit else words


# Anything outside Latin letters, punctuation, symbols and emoji: only then count scripts.
_NOT_LATIN = re.compile(
    "[^\x00-\u024f\u1e00-\u1eff\u2000-\u2bff\u3000-\u303f\ufe00-\ufe0f"
    "\ufeff\uff00-\uff0f\U0001f000-\U0001faff]"
)


_SYMBOLS = re.compile("[\u2000-\u2bff\u3000-\u303f]")  # the ranges above that hold a few letters


def _script(text: str) -> str:
    """The script most letters are written in (LATIN, CYRILLIC, GREEK, CJK, ...)."""
    sample = text[:2000]
    if sample.isascii() or not (
        _NOT_LATIN.search(sample) or any(ch.isalpha() for ch in _SYMBOLS.findall(sample))
    ):  # no letter but Latin ones (letter-like symbols such as "ℌ" are counted by name)
        return "LATIN" if any(ch.isalpha() for ch in sample) else "NONE"
    counts: Counter[str] = Counter()
    for ch in sample:
        if ch.isalpha():
            if ch < "\u0250":
                counts["LATIN"] += 1
            else:
                name = unicodedata.name(ch, "")
                counts[name.split(" ")[0] if name else "OTHER"] += 1
    return counts.most_common(1)[0][0] if counts else "NONE"


def _profile(words: list[str]) -> tuple[str | None, float]:
    """Score the function-word profile (each word's shares summed per language, exactly)."""
    packed = list(filter(None, map(_PACKED.get, words)))  # one int per function word
    hits = len(packed)
    if hits < 3:
        return None, 0.0
    scores = _UNPACK.unpack(sum(packed).to_bytes(_UNPACK.size, "little"))
    ranked = sorted(scores)
    best, second = ranked[-1], ranked[-2]
    return _decide(
        _LANGS[scores.index(best)],  # the first language with the best score
        best / _SCALE,
        second / _SCALE,
        hits,  # every word's shares add up to one
        hits,
        len(words),
    )


def _decide(
    best: str, best_score: float, second: float, total: float, hits: int, words: int
) -> tuple[str | None, float]:
    """The call from the profile's scores: only with enough hits and a clear margin."""
    confidence = round(best_score / total, 3)
    if best in ("da", "no", "sv") and best_score - second < 1.5:
        return None, confidence  # the Scandinavian languages share most function words
    if best_score >= 2.0 and best_score >= 1.6 * second and hits / words >= 0.15:
        return best, confidence
    return None, confidence


def _langid(text: str) -> tuple[str | None, float]:
    """Ask py3langid (lazily loaded once per process); keep only confident answers."""
    global _identifier
    with _lock:
        if _identifier is None:
            try:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier
            except ImportError:
                return None, 0.0
            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lang, prob = _identifier.classify(text)
    prob = float(prob)
    return (str(lang), round(prob, 3)) if prob >= 0.9 else (None, round(prob, 3))
