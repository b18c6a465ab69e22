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


def test_batches_warm_up_then_time_passes_in_turn(bench: ModuleType) -> None:
    order: list[str] = []
    emails = [{"body": f"Hi {n}, worth a chat?"} for n in range(25)]
    runners = {
        "a": lambda e: order.append("a"),
        "b": lambda e: order.append("b"),
    }
    result = bench.batches(runners, emails, 3)
    # one warm-up pass each, then passes alternate a, b, a, b, a, b
    passes = [order[i] for i in range(0, len(order), 25)]
    assert passes == ["a", "b", "a", "b", "a", "b", "a", "b"]
    assert len(order) == 25 * 8
    for name in ("a", "b"):
        figures = result[name]
        assert figures["emails"] == 25 and figures["passes"] == 3
        assert len(figures["pass_emails_per_s"]) == 3
        assert figures["p50_ms"] <= figures["p99_ms"]
        assert figures["emails_per_s"] > 0 and figures["cpu_emails_per_s"] > 0


def test_summarise_reports_the_median_pass(bench: ModuleType) -> None:
    passes = [
        {"total_s": 2.0, "cpu_s": 2.0, "times": [0.001] * 10},
        {"total_s": 1.0, "cpu_s": 1.0, "times": [0.002] * 10},
        {"total_s": 4.0, "cpu_s": 4.0, "times": [0.003] * 10},
    ]
    figures = bench.summarise(passes, 10)
    assert figures["emails_per_s"] == 5.0  # 10 emails in the median 2.0 s
    assert figures["pass_emails_per_s"] == [10.0, 5.0, 2.5]
    assert figures["p50_ms"] == pytest.approx(2.0)


def test_pitchfit_runner_checks_with_one_checker(bench: ModuleType) -> None:
    run_one, setup = bench.pitchfit_runner()
    report = run_one({"subject": "hi", "body": "Hi Ana, have 5 mins this week? Thx."})
    assert setup["rules"] > 0
    assert 0 <= report.score <= 100


def test_cold_runs_a_fresh_process_and_reports_failures(bench: ModuleType) -> None:
    result = bench.cold([sys.executable, "-c", "pass"], 2)
    assert result["runs"] == 2 and result["exit_code"] == 0
    assert 0 < result["min_s"] <= result["median_s"]
    with pytest.raises(SystemExit):
        bench.cold([sys.executable, "-c", "raise SystemExit(3)"], 1)


def test_colds_takes_turns_and_keeps_each_command_apart(bench: ModuleType, tmp_path: Path) -> None:
    log = tmp_path / "order.txt"
    append = "import sys; open(sys.argv[1], 'a').write(sys.argv[2])"
    cmds = {
        "a": [sys.executable, "-c", append, str(log), "a"],
        "b": [sys.executable, "-c", append + "; raise SystemExit(1)", str(log), "b"],
    }
    result = bench.colds(cmds, 2)
    assert log.read_text() == "ab" + "abab"  # one warm-up each, then turn by turn
    assert result["a"]["exit_code"] == 0 and result["b"]["exit_code"] == 1
    assert result["a"]["runs"] == result["b"]["runs"] == 2
