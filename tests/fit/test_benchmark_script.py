"""The benchmark script keeps working (its figures are measured by hand, never asserted)."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from pitchfit.io import load_offer

from .conftest import EXAMPLES, ROOT


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_speed", ROOT / "benchmarks" / "fit_speed.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_synthetic_prospects_are_varied_and_seeded() -> None:
    bench = _load()
    first, again = bench.make_prospects(50), bench.make_prospects(50)
    assert first == again
    assert len({p.id for p in first}) == 50
    assert len({f.text for p in first for f in p.facts}) > 40


def test_a_run_reports_its_figures() -> None:
    bench = _load()
    offer = load_offer(EXAMPLES / "offer.yaml")
    result = bench.run(bench.make_prospects(40), offer, "lexical", 1)
    assert result["prospects"] == 40 and result["method_ran"] == ["lexical"]
    assert sum(result["segments"].values()) == 40
    assert set(result) >= {"seconds", "prospects_per_s", "workers"}
