"""Spread chunks of rows over processes (or a Dask cluster) and yield results in input order.

At most a few chunks per worker are in flight at once, so memory does not grow with the
number of rows; results come back in input order however the workers finish.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..errors import InputError
from .rows import Spec, Task, run_chunk

CHUNK_SIZE = 100
IN_FLIGHT_PER_WORKER = 3


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(islice(it, size)):
        yield chunk


def default_workers() -> int:
    """All the cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def run_local(
    spec: Spec, tasks: Iterable[Task], *, workers: int, chunk_size: int = CHUNK_SIZE
) -> Iterator[dict[str, Any]]:
    """Results in input order, from ``workers`` processes (1 = in this process)."""
    if workers <= 1:
        for chunk in _chunks(tasks, chunk_size):
            yield from run_chunk(spec, chunk)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=_ignore_sigint,
    )
    pending: deque[Future[list[dict[str, Any]]]] = deque()
    limit = workers * IN_FLIGHT_PER_WORKER
    try:
        for chunk in _chunks(tasks, chunk_size):
            pending.append(pool.submit(run_chunk, spec, chunk))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BaseException:
        # Ctrl-C, an error, or the consumer stopped early: do not wait for chunks in flight.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops cleanly and removes partial output."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_dask(
    spec: Spec, tasks: Iterable[Task], *, scheduler: Any, chunk_size: int = CHUNK_SIZE
) -> Iterator[dict[str, Any]]:
    """The same chunks on a Dask cluster: ``scheduler`` is an address or a ``Client``."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError(
            "the dask engine needs dask.distributed: pip install 'pitchfit[dask]'", where="--engine"
        ) from None
    own = not isinstance(scheduler, Client)
    if own:
        if not scheduler:
            raise InputError("--engine dask needs --scheduler ADDRESS", where="--scheduler")
        try:
            client = Client(  # type: ignore[no-untyped-call]
                scheduler, timeout="20s", set_as_default=False
            )
        except (OSError, TimeoutError) as exc:
            message = f"cannot reach the Dask scheduler: {exc}"
            raise InputError(message, where="--scheduler") from None
    else:
        client = scheduler
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        [spec_future] = client.scatter([spec], broadcast=True)  # type: ignore[no-untyped-call]
        pending: deque[Any] = deque()
        limit = workers * IN_FLIGHT_PER_WORKER
        try:
            for chunk in _chunks(tasks, chunk_size):
                pending.append(client.submit(run_chunk, spec_future, chunk, pure=False))
                while len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
    finally:
        if own:
            client.close()  # type: ignore[no-untyped-call]
