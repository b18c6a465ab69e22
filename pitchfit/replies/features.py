"""Lexical features of a reply for the intent classifier (numpy only, no model download).

Hashed word unigrams and bigrams, hashed character 3–5-grams (they carry across
inflections and languages), and one feature per intent cue family from
:mod:`pitchfit.replies.cues` so that a phrase learnt in English transfers to the same cue in
French, German, Spanish or Dutch. Hashing uses CRC32, which is stable across runs.
"""

from __future__ import annotations

import itertools
import math
import re
import zlib
from typing import TYPE_CHECKING

from . import cues

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

BUCKETS = 1 << 14
INTENTS = (
    "interested",
    "not_now",
    "not_interested",
    "wrong_person",
    "out_of_office",
    "unsubscribe",
    "question",
    "objection",
)
DENSE = (
    *(f"cue:{intent}" for intent in INTENTS),
    "question_mark",
    "starts_negative",
    "has_email",
    "has_date",
    "short",
    "long",
    "bias",
)
DIM = BUCKETS + len(DENSE)
EMBED_DIM = 384
EMBED_SCALE = 2.0
SEMANTIC_DIM = DIM + EMBED_DIM
_WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")
_NEGATIVE_START = re.compile(r"^(?:no|nope|non|nein|nee|not|pas|kein|geen)\b")
_DATEISH = re.compile(
    r"\d{1,2}[/.-]\d{1,2}|\b\d{1,2}(?:st|nd|rd|th)?\s+[a-zé]{3,}|\b(?:19|20)\d\d\b"
)


def _bucket(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % BUCKETS


def _add_block(vec: NDArray[np.float32], grams: list[str], scale: float) -> None:
    if not grams:
        return
    counts: dict[int, float] = {}
    for gram in grams:
        idx = _bucket(gram)
        counts[idx] = counts.get(idx, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values()))
    for idx, value in counts.items():
        vec[idx] += scale * value / norm


def featurize(text: str) -> NDArray[np.float32]:
    """One reply's feature vector of length :data:`DIM`."""
    import numpy as np

    low = cues.normalise(text)
    vec = np.zeros(DIM, dtype=np.float32)
    words = _WORD.findall(low)
    _add_block(vec, [f"w:{w}" for w in words], 1.0)
    _add_block(vec, [f"b:{a} {b}" for a, b in itertools.pairwise(words)], 0.7)
    chars: list[str] = []
    for w in words[:400]:
        padded = f" {w} "
        for n in (3, 4, 5):
            chars.extend(f"c:{padded[i : i + n]}" for i in range(max(1, len(padded) - n + 1)))
    _add_block(vec, chars, 0.7)
    hit = cues.hits(low)
    dense = [min(hit[intent], 2) / 2.0 for intent in INTENTS]
    dense += [
        1.0 if "?" in low else 0.0,
        1.0 if _NEGATIVE_START.match(low) else 0.0,
        1.0 if "@" in low else 0.0,
        1.0 if _DATEISH.search(low) else 0.0,
        1.0 if len(words) <= 6 else 0.0,
        1.0 if len(words) >= 60 else 0.0,
        1.0,
    ]
    vec[BUCKETS:] = np.asarray(dense, dtype=np.float32) * 1.5
    return vec


def matrix(texts: list[str]) -> NDArray[np.float32]:
    """Feature rows for many replies."""
    import numpy as np

    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return np.vstack([featurize(t) for t in texts])


def semantic_available() -> bool:
    """True when the packaged sentence-embedding model can run here (cheap check)."""
    from ..text import embed

    return embed.installed()


def semantic_matrix(texts: list[str]) -> NDArray[np.float32]:
    """Lexical features followed by MiniLM sentence embeddings (needs the semantic extra)."""
    import numpy as np

    from ..text import embed

    vectors = embed.embed(texts) * EMBED_SCALE
    return np.hstack([matrix(texts), vectors.astype(np.float32)])
