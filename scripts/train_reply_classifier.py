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
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pitchfit.replies import model as intent_model  # noqa: E402
from pitchfit.replies.classify import rule_intent  # noqa: E402
from pitchfit.replies.features import (  # noqa: E402
    BUCKETS,
    INTENTS,
    matrix,
    semantic_available,
    semantic_matrix,
)
from pitchfit.replies.parse import parse_reply  # noqa: E402
from pitchfit.text.embed import model_name as embed_model_name  # noqa: E402

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


Featurize = Callable[[list[str]], np.ndarray]


def train(texts: list[str], labels: list[int], featurize: Featurize = matrix) -> intent_model.Model:
    y = np.asarray(labels, dtype=np.int64)
    return fit_rows(featurize(texts), y)


def fit_rows(X: np.ndarray, y: np.ndarray) -> intent_model.Model:
    return intent_model.fit(X, y, weights=weights_for(y), **HYPER)  # type: ignore[arg-type]


def predict(
    m: intent_model.Model, texts: list[str], featurize: Featurize = matrix, rules: bool = True
) -> list[int]:
    return predict_rows(m, featurize(texts), texts, rules=rules)


def predict_rows(
    m: intent_model.Model, X: np.ndarray, texts: list[str], *, rules: bool = True
) -> list[int]:
    out: list[int] = []
    for text, row in zip(texts, m.proba(X), strict=True):
        ruled = rule_intent(text, auto_reply=False) if rules else None
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
    ap.add_argument("--lexical-only", action="store_true", help="skip the embeddings variant")
    ap.add_argument(
        "--ablation", action="store_true", help="also score without cue features and rules"
    )
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
            if semantic_available() and not args.lexical_only:
                info = {**info, "model": intent_model.SEMANTIC_NAME}
                intent_model.save(
                    train(own_texts, own_labels, semantic_matrix), info, semantic=True
                )
        return 0

    shared = load_jsonl(shared_file)
    s_texts = [body_of(r["text"]) for r in shared]
    s_labels = [INTENTS.index(r["label"]) for r in shared]
    info["shared"] = {
        "path": "<shared>/data/replies.jsonl (read in place, not copied)",
        "n": len(shared),
        "sha256": sha256([shared_file]),
    }
    variants: list[tuple[str, Featurize, bool]] = [(intent_model.NAME, matrix, False)]
    if semantic_available() and not args.lexical_only:
        variants.append((intent_model.SEMANTIC_NAME, semantic_matrix, True))
    else:
        print("sentence embeddings not installed: training the lexical model only")
    for name, featurize, semantic in variants:
        print(f"== {name}")
        XS, XO = featurize(s_texts), featurize(own_texts)
        result = cross_validate(XS, s_labels, s_texts, XO, own_labels, args.folds, args.repeats)
        vinfo = {**info, "model": name, "cross_validation": result}
        if semantic:
            vinfo["embedding_model"] = embed_model_name()
        if args.ablation:
            bare_s, bare_o = XS.copy(), XO.copy()
            cue_cols = slice(BUCKETS, BUCKETS + len(INTENTS))
            bare_s[:, cue_cols] = 0.0
            bare_o[:, cue_cols] = 0.0
            bare = cross_validate(
                bare_s,
                s_labels,
                s_texts,
                bare_o,
                own_labels,
                args.folds,
                args.repeats,
                rules=False,
                quiet=True,
            )
            vinfo["ablation_no_cues_no_rules_macro_f1"] = bare["macro_f1_mean"]
            print(f"ablation (no cue features, no rules): macro-F1 {bare['macro_f1_mean']:.3f}")
        transfer = scores(
            own_labels, predict_rows(fit_rows(XS, np.asarray(s_labels)), XO, own_texts)
        )
        vinfo["transfer_shared_to_own_examples_macro_f1"] = round(macro(transfer), 4)
        print(f"transfer (train shared only -> own 5-language examples): {macro(transfer):.3f}")
        fitted = fit_rows(np.vstack([XS, XO]), np.asarray(s_labels + own_labels))
        if not args.dry_run:
            intent_model.save(fitted, vinfo, semantic=semantic)
            print(f"wrote weights and provenance for {name}")
    return 0


def cross_validate(
    XS: np.ndarray,
    s_labels: list[int],
    s_texts: list[str],
    XO: np.ndarray,
    own_labels: list[int],
    k: int,
    repeats: int,
    *,
    rules: bool = True,
    quiet: bool = False,
) -> dict[str, Any]:
    """Repeated stratified k-fold over the shared rows; own rows always join training."""
    gold_all: list[int] = []
    pred_all: list[int] = []
    macros = []
    for rep in range(repeats):
        gold: list[int] = []
        pred: list[int] = []
        for held in folds(s_labels, k, seed=rep):
            held_set = set(held)
            tr = [i for i in range(len(s_labels)) if i not in held_set]
            X = np.vstack([XS[tr], XO])
            y = np.asarray([s_labels[i] for i in tr] + own_labels)
            fitted = fit_rows(X, y)
            gold += [s_labels[i] for i in held]
            pred += predict_rows(fitted, XS[held], [s_texts[i] for i in held], rules=rules)
        macros.append(macro(scores(gold, pred)))
        gold_all += gold
        pred_all += pred
    table = scores(gold_all, pred_all)
    if not quiet:
        print(
            f"cross-validated macro-F1 (shared set, {repeats}x{k}-fold): {np.mean(macros):.3f}  "
            f"per repeat {', '.join(f'{m:.3f}' for m in macros)}"
        )
        print(f"{'intent':16s} {'prec':>6s} {'rec':>6s} {'f1':>6s} {'n':>4s}")
        for name, row in table.items():
            print(
                f"{name:16s} {row['precision']:6.2f} {row['recall']:6.2f} {row['f1']:6.2f} "
                f"{int(row['support'] / repeats):4d}"
            )
    return {
        "scheme": f"{repeats}x stratified {k}-fold on the shared set; train folds + all own "
        "examples; scored on held-out shared folds through rules + model",
        "macro_f1_mean": round(float(np.mean(macros)), 4),
        "macro_f1_per_repeat": [round(m, 4) for m in macros],
        "per_intent": {n: {m: round(v, 3) for m, v in row.items()} for n, row in table.items()},
    }


if __name__ == "__main__":
    sys.exit(main())
