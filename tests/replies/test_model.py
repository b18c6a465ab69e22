"""The packaged classifier: provenance, honest cross-validation, and training without /shared."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from pitchfit.replies import model
from pitchfit.replies.features import DIM, INTENTS


def _script(repo_root: Path) -> ModuleType:
    path = repo_root / "scripts" / "train_reply_classifier.py"
    spec = importlib.util.spec_from_file_location("train_reply_classifier", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_packaged_weights_load_with_provenance() -> None:
    fitted = model.load()
    assert fitted is not None
    assert fitted.W.shape == (len(INTENTS), DIM)
    info = json.loads(model.PROVENANCE.read_text(encoding="utf-8"))
    assert len(info["own_examples_sha256"]) == 64
    assert info["trained_at"].endswith("Z")
    if info.get("shared"):
        assert info["cross_validation"]["macro_f1_mean"] >= 0.8
        assert set(info["cross_validation"]["per_intent"]) == set(INTENTS)


def test_own_examples_cover_every_intent_in_five_languages(repo_root: Path) -> None:
    rows = [
        json.loads(line)
        for f in (repo_root / "examples" / "replies").glob("*.jsonl")
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    seen = {(r["lang"], r["label"]) for r in rows}
    assert {(lang, intent) for lang in ("en", "fr", "de", "es", "nl") for intent in INTENTS} <= seen


@pytest.mark.slow
def test_cross_validated_macro_f1_on_held_out_shared_folds(
    shared_dir: Path, repo_root: Path
) -> None:
    """One 5-fold pass: own examples join training, scores come from held-out shared folds."""
    s = _script(repo_root)
    shared = s.load_jsonl(shared_dir / "data" / "replies.jsonl")
    own = [r for f in (repo_root / "examples" / "replies").glob("*.jsonl") for r in s.load_jsonl(f)]
    texts = [s.body_of(r["text"]) for r in shared]
    labels = [INTENTS.index(r["label"]) for r in shared]
    own_texts = [s.body_of(r["text"]) for r in own]
    own_labels = [INTENTS.index(r["label"]) for r in own]
    gold: list[int] = []
    pred: list[int] = []
    for held in s.folds(labels, 5, seed=11):
        train = [i for i in range(len(texts)) if i not in set(held)]
        fitted = s.train(
            [texts[i] for i in train] + own_texts, [labels[i] for i in train] + own_labels
        )
        gold += [labels[i] for i in held]
        pred += s.predict(fitted, [texts[i] for i in held])
    assert s.macro(s.scores(gold, pred)) >= 0.8


@pytest.mark.slow
def test_training_script_runs_without_shared_data(repo_root: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(repo_root / "scripts" / "train_reply_classifier.py"),
            "--dry-run",
            "--shared",
            str(tmp_path / "absent"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "our own examples only" in result.stdout
