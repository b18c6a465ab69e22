"""What the value rules share: the result test, the offer's proof, the product nouns,
``_led`` (a pattern's fast-starting form) and ``_Next``, which lets a per-sentence loop visit
only the sentences a pattern can match in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text.patterns import LazyPattern, lazy_compile

if TYPE_CHECKING:
    from ..models import Offer
    from ..text.document import Document

_PRODUCT = r"(?:platform|product|solution|tool|software|suite|app|service|system|agent|engine)"
_PRODUCT_WORDS = " ".join(f"{w} {w}s" for w in _PRODUCT[3:-1].split("|"))  # "s?" follows


def _led(*words: str) -> str:
    r"""``\b(?:word|…)`` with each word's first character taken out and the ``\b`` before it
    tested after it: ``(?<!\w.)`` after a letter, ``(?<=\w.)`` after "#". The same matches,
    but ``re`` then jumps to the characters the words open with instead of trying every
    position."""
    out = []
    for w in words:
        if not (w[:1].isalpha() or w[:1] == "#") or w[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"not a word to lead with: {w!r}")
        out.append(w[0] + (r"(?<!\w.)" if w[0].isalpha() else r"(?<=\w.)") + w[1:])
    return "(?:" + "|".join(out) + ")"


def _word_first(word: str) -> str:
    r"""``\bword`` written ``word(?<!\w…)`` (``(?<=\w…)`` for a word opening with "#"): the
    ``\b`` tested after the word, so that a pattern opening with it has a literal prefix, which
    ``re`` scans for several times faster than for a set of first letters (see _led)."""
    if not (word[:1].isalpha() or word[:1] == "#") or not all(
        c.isalnum() or c in " #-" for c in word
    ):
        raise ValueError(f"not a word to lead with: {word!r}")
    behind = "\\w" + "." * len(word)
    return word + (f"(?<!{behind})" if word[0].isalpha() else f"(?<={behind})")


_RESULT = lazy_compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|x\b|×|hours?\b|hrs?\b|days?\b|weeks?\b|months?\b|quarters?\b)"
    r"|\bfrom \$?\d[\d,.]*\w* to \$?\d|\b(?:doubled|tripled|halved)\b|\$\d"
)
# _RESULT's four alternatives one by one, each with a fast start (the ``\b`` before a digit
# tested after it, as in _led; literal words first): it is only ever asked whether it matches,
# and it does where one of them does.
_RESULT_NUMBER = lazy_compile(
    r"\d(?<!\w.)\d*(?:[.,]\d+)?\s?(?:%|x\b|×|hours?\b|hrs?\b|days?\b|weeks?\b|months?\b"
    r"|quarters?\b)"
)
_RESULT_FROM = lazy_compile(_word_first("from") + r" \$?\d[\d,.]*\w* to \$?\d")
_RESULT_WORD = lazy_compile(_led("doubled", "tripled", "halved") + r"\b")
_DOLLAR_DIGIT = lazy_compile(r"\$\d")
_WORD = lazy_compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_RESULT_WORDS = frozenset({"doubled", "tripled", "halved"})


def _result(doc: Document, text: str) -> bool:
    """Whether _RESULT matches in ``text`` (a part of the body): whether one of its
    alternatives does, each with a fast start and looked for only when the email holds its
    words."""
    vocab = doc.vocabulary
    return (
        _RESULT_NUMBER.search(text) is not None
        or ("$" in text and _DOLLAR_DIGIT.search(text) is not None)
        or ("from" in vocab and _RESULT_FROM.search(text) is not None)
        or (not _RESULT_WORDS.isdisjoint(vocab) and _RESULT_WORD.search(text) is not None)
    )


def _proof_backs(offer: Offer | None, sentence: str) -> bool:
    """Whether one of the offer's proof points (with evidence) is what the sentence claims."""
    if offer is None:
        return False
    words = {w.lower()[:6] for w in _WORD.findall(sentence) if len(w) >= 4}
    numbers = {w for w in _WORD.findall(sentence) if any(c.isdigit() for c in w)}
    for proof in offer.proof:
        pw = {w.lower()[:6] for w in _WORD.findall(proof.claim) if len(w) >= 4}
        pn = {w for w in _WORD.findall(proof.claim) if any(c.isdigit() for c in w)}
        if (pn & numbers) or len(pw & words) >= 2:
            return True
    return False


_NEVER = 1 << 62


class _Next:
    """Where a pattern next matches in the flattened content, so that a per-sentence loop
    searches only the sentences a match starts in. Sound for patterns that assert nothing past
    their match's end but ``\\b``: a sentence is bounded by spaces in the content, so a match
    inside the sentence alone is a match of the content at the same place."""

    __slots__ = ("at", "pattern", "text")

    def __init__(self, pattern: LazyPattern, text: str, possible: bool = True) -> None:
        self.pattern = pattern
        self.text = text
        self.at = -1 if possible else _NEVER  # -1: not searched yet

    def found(self) -> bool:
        """Whether the pattern matches anywhere in the text."""
        return self.within(0, _NEVER)

    def within(self, start: int, end: int) -> bool:
        """Whether a match of the text starts in [start, end) (offsets into the text); the
        starts asked about must not go backwards."""
        if self.at < start:
            m = self.pattern.search(self.text, start)
            self.at = _NEVER if m is None else m.start()
        return self.at < end
