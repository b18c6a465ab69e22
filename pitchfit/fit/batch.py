"""Fit many prospects, in one process or several (each worker builds its engine once)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..models import Offer, Prospect
from .engine import FitEngine
from .result import FitResult

CHUNK = 200

_worker_engine: FitEngine | None = None


def fit_all(
    prospects: Sequence[Prospect],
    offer: Offer,
    *,
    method: str = "auto",
    workers: int = 1,
    chunk: int = CHUNK,
) -> list[FitResult]:
    """Fit every prospect against ``offer``, in input order."""
    if workers <= 1 or len(prospects) <= chunk:
        engine = FitEngine(offer, method=method)
        out: list[FitResult] = []
        for part in _chunks(prospects, chunk):
            out.extend(engine.fit_many(list(part)))
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from ..errors import UsageError
    from ..text import embed

    if method == "semantic" and not embed.installed():
        raise UsageError("semantic matching is unavailable: model not installed", where="method")

    # fork starts workers in milliseconds; but a process whose onnxruntime already runs
    # threads must not be forked, so then the workers are spawned afresh.
    start = "spawn" if "onnxruntime" in sys.modules or sys.platform != "linux" else "fork"
    ctx = multiprocessing.get_context(start)
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(offer.model_dump(mode="json"), method),
    ) as pool:
        results = pool.map(_fit_chunk, [list(c) for c in _chunks(prospects, chunk)])
        return [r for part in results for r in part]


def _chunks(items: Sequence[Prospect], size: int) -> Iterator[Sequence[Prospect]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _init_worker(offer: dict[str, Any], method: str) -> None:
    """Build the worker's engine once; one onnxruntime thread per worker process."""
    global _worker_engine
    os.environ.setdefault("PITCHFIT_EMBED_THREADS", "1")
    from ..text import embed

    embed.set_threads(1)
    _worker_engine = FitEngine(Offer.model_validate(offer), method=method)


def _fit_chunk(prospects: list[Prospect]) -> list[FitResult]:
    assert _worker_engine is not None
    return _worker_engine.fit_many(prospects)
