"""scripts/calibrate.py builds the design it documents: signed features, capped sources,
truncated fragments at half weight, and a report that names its figures."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import cast

import numpy as np
import pytest

from pitchfit.rules.base import Rule, Severity
from pitchfit.scoring.dataset import LabelledEmail


@pytest.fixture(scope="module")
def calibrate(repo_root: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "calibrate", repo_root / "scripts" / "calibrate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rule(name: str, kind: str, severity: Severity = Severity.WARNING) -> type[Rule]:
    return cast(type[Rule], type("Stand", (), {"name": name, "kind": kind, "severity": severity}))


def _email(i: int, source: str, *, bad: bool, truncated: bool = False) -> LabelledEmail:
    return LabelledEmail(f"e{i}", None, "body", bad, source, False, truncated)


def test_design_signs_weights_and_priors(calibrate: ModuleType) -> None:
    rules = [
        _rule("hype", "finding"),
        _rule("short", "strength"),
        _rule("x", "finding", Severity.ERROR),
    ]
    emails = [_email(i, "big", bad=i % 2 == 0) for i in range(16)]
    emails += [_email(16, "small", bad=True, truncated=True), _email(17, "small", bad=False)]
    hits = [{"hype", "short"} if e.bad else {"short"} for e in emails]
    design = calibrate.build_design(emails, rules, hits)
    assert design.z[0].tolist() == [1.0, -1.0, 0.0]
    assert design.z[1].tolist() == [0.0, -1.0, 0.0]
    cap = calibrate.SOURCE_CAP
    assert design.weight[:16] == pytest.approx(np.full(16, cap / 16))
    assert design.weight[16] == pytest.approx(calibrate.TRUNCATED_WEIGHT)
    assert design.weight[17] == 1.0
    assert design.prior.tolist() == [10.0, 3.0, 30.0]
    assert design.y.tolist() == [float(e.bad) for e in emails]


def test_source_groups(calibrate: ModuleType) -> None:
    playbook = "https://github.com/SixtySecondsApp/use60/blob/HEAD/x.md"
    assert calibrate.group_of(_email(0, playbook, bad=True)) == "playbook"
    assert calibrate.group_of(_email(0, "examples/labelled/a.jsonl", bad=True)) == "own"
    assert calibrate.group_of(_email(0, "https://example.com/post", bad=True)) == "other-shared"
