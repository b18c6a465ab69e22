#!/usr/bin/env python3
"""Train the reply-intent classifier and write its weights and provenance into the package.

Training data: the shared development set ``<shared>/data/replies.jsonl`` read in place
(third-party texts; never copied into the repository) plus our own labelled replies in
``examples/replies/*.jsonl``. When the shared set is absent the model is trained on our own
examples only, and the script says so.

Evaluation is honest: repeated stratified k-fold over the *shared* set; each fold trains on
the other shared folds plus all our own examples and is scored on its held-out shared fold,
through the whole pipeline (rules first, then the model), exactly as ``classify_reply`` runs.

    python scripts/train_reply_classifier.py [--shared ../shared] [--folds 5] [--repeats 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pitchfit.replies import model as intent_model  # noqa: E402
from pitchfit.replies.classify import rule_intent  # noqa: E402
from pitchfit.replies.features import INTENTS, matrix  # noqa: E402
from pitchfit.replies.parse import parse_reply  # noqa: E402

HYPER = {"l2": 1e-3, "epochs": 400, "lr": 0.05}


def load_jsonl(path: Path) -> list[dict[str, Any]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def body_of(text: str) -> str:
    return parse_reply(text).body or text.strip()


def sha256(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for p in sorted(paths):
        digest.update(p.read_bytes())
    return digest.hexdigest()


def weights_for(y: np.ndarray) -> np.ndarray:
    counts = np.bincount(y, minlength=len(INTENTS)).astype(np.float32)
    return (1.0 / np.maximum(counts, 1.0))[y]


def train(texts: list[str], labels: list[int]) -> intent_model.Model:
    y = np.asarray(labels, dtype=np.int64)
    return intent_model.fit(matrix(texts), y, weights=weights_for(y), **HYPER)  # type: ignore[arg-type]


def predict(m: intent_model.Model, texts: list[str]) -> list[int]:
    out: list[int] = []
    probs = m.proba(matrix(texts))
    for text, row in zip(texts, probs, strict=True):
        ruled = rule_intent(text, auto_reply=False)
        out.append(INTENTS.index(ruled[0]) if ruled else int(row.argmax()))
    return out


def folds(labels: list[int], k: int, seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    buckets: list[list[int]] = [[] for _ in range(k)]
    for cls in range(len(INTENTS)):
        idx = [i for i, y in enumerate(labels) if y == cls]
        rng.shuffle(idx)
        offset = int(rng.integers(k))
        for j, i in enumerate(idx):
            buckets[(j + offset) % k].append(i)
    return buckets


def scores(gold: list[int], pred: list[int]) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for c, name in enumerate(INTENTS):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        table[name] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    return table


def macro(table: dict[str, dict[str, float]]) -> float:
    present = [row["f1"] for row in table.values() if row["support"]]
    return float(np.mean(present)) if present else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    default_shared = os.environ.get("PITCHFIT_SHARED", str(ROOT.parent / "shared"))
    ap.add_argument("--shared", default=default_shared, help="folder holding data/replies.jsonl")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dry-run", action="store_true", help="evaluate only; do not write weights")
    args = ap.parse_args()

    own_files = sorted((ROOT / "examples" / "replies").glob("*.jsonl"))
    own = [r for f in own_files for r in load_jsonl(f)]
    own_texts = [body_of(r["text"]) for r in own]
    own_labels = [INTENTS.index(r["label"]) for r in own]
    shared_file = Path(args.shared) / "data" / "replies.jsonl"
    info: dict[str, Any] = {
        "model": intent_model.NAME,
        "trained_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "hyperparameters": HYPER,
        "own_examples": {"files": [str(f.relative_to(ROOT)) for f in own_files], "n": len(own)},
        "own_examples_sha256": sha256(own_files) if own_files else None,
    }
    if not shared_file.exists():
        print(
            f"shared data not found at {shared_file}: training on our own examples only "
            f"({len(own)} replies); no cross-validated figure on the shared set."
        )
        info["shared"] = None
        fitted = train(own_texts, own_labels)
        if not args.dry_run:
            intent_model.save(fitted, info)
            print(f"wrote {intent_model.WEIGHTS.relative_to(ROOT)}")
        return 0

    shared = load_jsonl(shared_file)
    s_texts = [body_of(r["text"]) for r in shared]
    s_labels = [INTENTS.index(r["label"]) for r in shared]
    gold_all: list[int] = []
    pred_all: list[int] = []
    macros = []
    for rep in range(args.repeats):
        gold: list[int] = []
        pred: list[int] = []
        for held in folds(s_labels, args.folds, seed=rep):
            held_set = set(held)
            tr = [i for i in range(len(shared)) if i not in held_set]
            fitted = train(
                [s_texts[i] for i in tr] + own_texts, [s_labels[i] for i in tr] + own_labels
            )
            gold += [s_labels[i] for i in held]
            pred += predict(fitted, [s_texts[i] for i in held])
        macros.append(macro(scores(gold, pred)))
        gold_all += gold
        pred_all += pred
    table = scores(gold_all, pred_all)
    # Transfer check: trained on the shared set only, scored on our multilingual examples.
    transfer = scores(own_labels, predict(train(s_texts, s_labels), own_texts))
    info["shared"] = {
        "path": "<shared>/data/replies.jsonl (read in place, not copied)",
        "n": len(shared),
        "sha256": sha256([shared_file]),
    }
    info["cross_validation"] = {
        "scheme": f"{args.repeats}x stratified {args.folds}-fold on the shared set; train folds "
        "+ all own examples; scored on held-out shared folds through rules + model",
        "macro_f1_mean": round(float(np.mean(macros)), 4),
        "macro_f1_per_repeat": [round(m, 4) for m in macros],
        "per_intent": {k: {m: round(v, 3) for m, v in row.items()} for k, row in table.items()},
    }
    info["transfer_shared_to_own_examples_macro_f1"] = round(macro(transfer), 4)
    print(
        f"cross-validated macro-F1 (shared set, {args.repeats}x{args.folds}-fold): "
        f"{np.mean(macros):.3f}  per repeat {', '.join(f'{m:.3f}' for m in macros)}"
    )
    print(f"{'intent':16s} {'prec':>6s} {'rec':>6s} {'f1':>6s} {'n':>4s}")
    for name, row in table.items():
        print(
            f"{name:16s} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f} "
            f"{int(row['support'] / args.repeats):4d}"
        )
    print(
        f"transfer (train shared only -> own 5-language examples) macro-F1: {macro(transfer):.3f}"
    )
    fitted = train(s_texts + own_texts, s_labels + own_labels)
    if not args.dry_run:
        intent_model.save(fitted, info)
        print(
            f"wrote {intent_model.WEIGHTS.relative_to(ROOT)} and "
            f"{intent_model.PROVENANCE.relative_to(ROOT)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
