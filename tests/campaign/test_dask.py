"""The Dask engine runs the same per-row function on a real LocalCluster: same results.jsonl."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .conftest import OFFER
from .test_preflight import ROWS, START, TEMPLATE, make_campaign


def test_dask_results_equal_local_results(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    from pitchfit.campaign import preflight

    prospects = make_campaign(tmp_path, ROWS * 3)  # duplicates too: row errors travel as well
    common: dict[str, Any] = {
        "history": tmp_path / "history",
        "start": START,
        "progress": False,
        "chunk_size": 5,
    }
    local = preflight(prospects, TEMPLATE, OFFER, out=tmp_path / "local", workers=1, **common)
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        remote = preflight(
            prospects,
            TEMPLATE,
            OFFER,
            out=tmp_path / "dask",
            engine="dask",
            scheduler=cluster.scheduler_address,
            **common,
        )
    local_lines = (local.out / "results.jsonl").read_text("utf-8")
    dask_lines = (remote.out / "results.jsonl").read_text("utf-8")
    assert len(dask_lines.splitlines()) == len(ROWS) * 3
    for n, (a, b) in enumerate(zip(local_lines.splitlines(), dask_lines.splitlines(), strict=True)):
        assert a == b, f"line {n + 1} differs:\nlocal: {a}\ndask:  {b}"
    assert remote.summary["blocked"] == local.summary["blocked"]
    assert (remote.out / "send.csv").read_bytes() == (local.out / "send.csv").read_bytes()


def test_dask_engine_without_scheduler_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from pitchfit.campaign import preflight
    from pitchfit.errors import InputError

    prospects = make_campaign(tmp_path, ROWS[:1])
    with pytest.raises(InputError, match="--scheduler"):
        preflight(prospects, TEMPLATE, OFFER, out=tmp_path / "out", engine="dask", progress=False)
    assert not (tmp_path / "out" / "results.jsonl").exists()
