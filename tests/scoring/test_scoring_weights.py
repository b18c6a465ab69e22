"""The shipped ``weights.json``: provenance complete, points consistent with the rule table,
unexercised rules at their prior, and fitted on the data that is here now."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from pitchfit.rules.registry import all_rules, get_rule
from pitchfit.scoring import PRIOR_POINTS, PRIOR_STRENGTH, Scorer, fitted
from pitchfit.scoring.dataset import data_hash, own_data_files


@pytest.fixture(scope="module")
def weights() -> dict[str, Any]:
    data = fitted()
    assert data, "pitchfit/scoring/weights.json is missing: run scripts/calibrate.py"
    return data


def test_provenance_is_complete(weights: dict[str, Any]) -> None:
    prov = weights["provenance"]
    assert re.fullmatch(r"[0-9a-f]{64}", prov["data_hash"])
    assert datetime.strptime(prov["date"], "%Y-%m-%dT%H:%M:%SZ")
    assert "logistic" in prov["method"] and "prior" in prov["method"]
    assert 0 < prov["target_fp_rate"] < 1
    assert prov["n_good"] > 0 and prov["n_bad"] > 0
    assert any(f.endswith("emails.jsonl") for f in prov["data_files"])
    cv = prov["cv"]
    assert "fold" in cv["scheme"] and "repeats" in cv["scheme"]
    assert 0 <= cv["auc_mean"] <= 1 and cv["auc_sd"] >= 0
    assert cv["auc_by_source"] and cv["auc_by_group"]
    assert prov["fp_rate_cv"] <= prov["target_fp_rate"]


def test_threshold_and_base_are_on_the_scale(weights: dict[str, Any]) -> None:
    assert 0 < weights["threshold"] <= 100
    assert weights["base"] == weights["threshold"] - weights["provenance"]["boundary_net_points"]
    scorer = Scorer.load()
    assert (scorer.threshold, scorer.base) == (weights["threshold"], weights["base"])


def test_points_match_the_rule_table_and_signs(weights: dict[str, Any]) -> None:
    for name, points in weights["points"].items():
        assert get_rule(name) is not None, f"{name} is not a rule"
        assert points >= 0
        assert weights["rules"][name]["points"] == points
        assert weights["rules"][name]["source"] == "fitted"


def test_rules_the_data_never_exercised_keep_their_prior(weights: dict[str, Any]) -> None:
    scorer = Scorer.load()
    for name, row in weights["rules"].items():
        if row["source"] != "prior":
            continue
        assert row["hits_good"] == row["hits_bad"] == 0
        cls = get_rule(name)
        if cls is None:
            continue
        prior = PRIOR_STRENGTH if cls.kind == "strength" else PRIOR_POINTS[cls.severity]
        assert row["points"] == prior
        assert scorer.points(cls) == prior


def test_every_current_rule_is_calibrated(weights: dict[str, Any]) -> None:
    missing = sorted(cls.name for cls in all_rules() if cls.name not in weights["rules"])
    assert not missing, f"re-run scripts/calibrate.py: {missing}"


def test_weights_were_fitted_on_the_data_here(
    weights: dict[str, Any], shared_dir: Path, repo_root: Path
) -> None:
    files = [shared_dir / "data" / "emails.jsonl", *own_data_files(repo_root)]
    assert weights["provenance"]["data_hash"] == data_hash(files)


def test_check_mode_agrees(shared_dir: Path, repo_root: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(repo_root / "scripts" / "calibrate.py"),
            "--check",
            "--shared",
            str(shared_dir),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_mode_skips_cleanly_without_shared_data(tmp_path: Path, repo_root: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(repo_root / "scripts" / "calibrate.py"),
            "--check",
            "--shared",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "skipped" in done.stdout
