"""benchmarks/check_speed.py keeps working (its figures are measured, never asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def bench(repo_root: Path) -> ModuleType:
    path = repo_root / "benchmarks" / "check_speed.py"
    spec = importlib.util.spec_from_file_location("check_speed", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_percentiles_interpolate(bench: ModuleType) -> None:
    values = [float(v) for v in range(1, 101)]
    assert bench.percentile(values, 0.5) == pytest.approx(50.5)
    assert bench.percentile(values, 0.99) == pytest.approx(99.01)
    assert bench.percentile([3.0], 0.99) == 3.0


def test_batch_reports_every_email(bench: ModuleType) -> None:
    seen: list[str] = []
    emails = [{"body": f"Hi {n}, worth a chat?"} for n in range(25)]
    result = bench.batch(lambda e: seen.append(e["body"]), emails)
    assert seen == [e["body"] for e in emails]
    assert result["emails"] == 25
    assert result["p50_ms"] <= result["p99_ms"]
    assert result["emails_per_s"] > 0 and result["cpu_emails_per_s"] > 0


def test_pitchfit_batch_checks_with_one_checker(bench: ModuleType) -> None:
    emails = [{"subject": "hi", "body": "Hi Ana, have 5 mins this week? Thx."}] * 3
    result = bench.pitchfit_batch(emails)
    assert result["emails"] == 3 and result["rules"] > 0


def test_cold_runs_a_fresh_process_and_reports_failures(bench: ModuleType) -> None:
    result = bench.cold([sys.executable, "-c", "pass"], 2)
    assert result["runs"] == 2 and result["exit_code"] == 0
    assert 0 < result["min_s"] <= result["median_s"]
    with pytest.raises(SystemExit):
        bench.cold([sys.executable, "-c", "raise SystemExit(3)"], 1)
