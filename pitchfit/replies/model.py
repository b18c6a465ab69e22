"""Multinomial logistic regression in numpy: fit, save with provenance, load, predict.

The fitted weights ship inside the package (``intent_model.npz`` plus
``intent_model.json`` for provenance: data hash, date, cross-validated figures), so
classifying needs numpy and nothing downloaded. ``scripts/train_reply_classifier.py`` writes
both files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .features import DIM, INTENTS

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

HERE = Path(__file__).resolve().parent
WEIGHTS = HERE / "intent_model.npz"
PROVENANCE = HERE / "intent_model.json"
NAME = "logreg-lexical-v1"
# The optional variant that adds MiniLM sentence embeddings (pitchfit.text.embed).
SEMANTIC_WEIGHTS = HERE / "intent_model_semantic.npz"
SEMANTIC_PROVENANCE = HERE / "intent_model_semantic.json"
SEMANTIC_NAME = "logreg-lexical+minilm-v1"


@dataclass
class Model:
    """Weights ``W`` (classes x features) and bias ``b``; rows follow :data:`INTENTS`."""

    W: NDArray[np.float32]
    b: NDArray[np.float32]
    info: dict[str, Any] = field(default_factory=dict)

    def proba(self, X: NDArray[np.float32]) -> NDArray[np.float32]:
        """Class probabilities, one row per input row."""
        import numpy as np

        z = X @ self.W.T + self.b
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        out: NDArray[np.float32] = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
        return out


def fit(
    X: NDArray[np.float32],
    y: NDArray[np.int64],
    *,
    weights: NDArray[np.float32] | None = None,
    l2: float = 1e-3,
    epochs: int = 400,
    lr: float = 0.05,
) -> Model:
    """Full-batch Adam on the weighted cross-entropy with an L2 penalty (deterministic).

    Only the columns some row uses are optimised (hashed features are sparse); the others
    keep weight zero, which is where the L2 penalty would leave them anyway.
    """
    import numpy as np

    full_d = X.shape[1]
    active = np.flatnonzero(np.abs(X).sum(axis=0) > 0)
    X = np.ascontiguousarray(X[:, active])
    n, d = X.shape
    k = len(INTENTS)
    w = np.ones(n, dtype=np.float32) if weights is None else weights.astype(np.float32)
    w = w / w.sum()
    Y = np.zeros((n, k), dtype=np.float32)
    Y[np.arange(n), y] = 1.0
    W = np.zeros((k, d), dtype=np.float32)
    b = np.zeros(k, dtype=np.float32)
    mW, vW = np.zeros_like(W), np.zeros_like(W)
    mb, vb = np.zeros_like(b), np.zeros_like(b)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for t in range(1, epochs + 1):
        P = Model(W, b).proba(X)
        G = (P - Y) * w[:, None]
        gW = G.T @ X + l2 * W
        gb = G.sum(axis=0)
        mW = beta1 * mW + (1 - beta1) * gW
        vW = beta2 * vW + (1 - beta2) * gW * gW
        mb = beta1 * mb + (1 - beta1) * gb
        vb = beta2 * vb + (1 - beta2) * gb * gb
        step = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
        W -= step * mW / (np.sqrt(vW) + eps)
        b -= step * mb / (np.sqrt(vb) + eps)
    full = np.zeros((k, full_d), dtype=np.float32)
    full[:, active] = W
    return Model(full, b.astype(np.float32))


def _paths(semantic: bool) -> tuple[Path, Path]:
    return (SEMANTIC_WEIGHTS, SEMANTIC_PROVENANCE) if semantic else (WEIGHTS, PROVENANCE)


def save(model: Model, info: dict[str, Any], *, semantic: bool = False) -> None:
    """Write weights and provenance beside this module, atomically."""
    import numpy as np

    from ..io import atomic_write

    weights, provenance = _paths(semantic)
    with atomic_write(weights, "wb") as handle:
        np.savez_compressed(handle, W=model.W.astype(np.float16), b=model.b)
    with atomic_write(provenance) as handle:
        handle.write(json.dumps(info, indent=2, ensure_ascii=False) + "\n")
    for path in (weights, provenance):
        path.chmod(0o644)  # package data: readable by everyone, like the rest of the tree


@lru_cache(maxsize=2)
def load(semantic: bool = False) -> Model | None:
    """The packaged model (lexical, or lexical + embeddings), or None when not trained."""
    import numpy as np

    from .features import SEMANTIC_DIM

    weights, provenance = _paths(semantic)
    if not weights.exists():
        return None
    with np.load(weights) as data:
        W = data["W"].astype(np.float32)
        b = data["b"].astype(np.float32)
    if W.shape != (len(INTENTS), SEMANTIC_DIM if semantic else DIM):
        return None
    info = json.loads(provenance.read_text(encoding="utf-8")) if provenance.exists() else {}
    return Model(W, b, info)
