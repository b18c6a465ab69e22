"""Fit many prospects, in one process or several (each worker builds its engine once)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models import Offer, Prospect, Suppression
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
    suppressions: Mapping[str, Suppression] | None = None,
) -> list[FitResult]:
    """Fit every prospect against ``offer``, in input order.

    ``suppressions`` is the ledger keyed by lower-cased e-mail (see
    :func:`load_ledger`): a listed person is an X whatever their CRM status says.
    """
    sups = suppressions or {}
    if workers <= 1 or len(prospects) <= chunk:
        engine = FitEngine(offer, method=method)
        out: list[FitResult] = []
        for part in _chunks(prospects, chunk):
            out.extend(engine.fit_many(list(part), suppressions=sups))
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
        jobs = [(list(c), _subset(c, sups)) for c in _chunks(prospects, chunk)]
        results = pool.map(_fit_chunk, jobs)
        return [r for part in results for r in part]


def _subset(
    prospects: Sequence[Prospect], sups: Mapping[str, Suppression]
) -> dict[str, Suppression]:
    """Only the ledger entries a chunk needs travel to its worker."""
    keys = (p.email.lower() for p in prospects if p.email)
    return {k: sups[k] for k in keys if k in sups}


def load_ledger(db: str | None = None) -> dict[str, Suppression]:
    """The suppression ledger keyed by lower-cased e-mail; empty when there is no store yet."""
    from ..store import resolve_db_url, sqlite_path

    path = sqlite_path(resolve_db_url(db))
    if path is not None and not path.is_file():
        return {}  # no store: nothing suppressed, and no database library imported
    from ..store.ledger import load_suppressions

    return {email.lower(): sup for email, sup in load_suppressions(db=db).items()}


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


def _fit_chunk(job: tuple[list[Prospect], dict[str, Suppression]]) -> list[FitResult]:
    assert _worker_engine is not None
    prospects, sups = job
    return _worker_engine.fit_many(prospects, suppressions=sups)
