#!/usr/bin/env python3
"""CPU cost of each rule over the synthetic corpus, in milliseconds per email.

    python benchmarks/rule_costs.py [--shared ../shared] [--n 2000] [--seed 42] [--repeat 3]
                                    [--rule NAME ...] [--history] [--out FILE]

Builds the corpus with ``<shared>/bench/make_corpus.py`` (or reads ``--corpus DIR`` made by it),
then for each email builds one Document, computes its shared parts up front (timed as
"(document)", so no rule is charged for the sentences, words or language it happens to ask
for first) and runs every selected rule the way the engine does: skipped when its ``needs``
are missing or none of its ``triggers`` occurs (the trigger test is charged to the rule), otherwise
``check`` is drained. Time is ``time.process_time()`` (CPU: the machine is shared, wall time is
noise); each rule's figure is the minimum over ``--repeat`` passes. ``--history`` gives every
email a one-message outbound history so the follow-up rules run too.

Prints the table and writes ``benchmarks/results/rule_costs.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("PITCHFIT_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "results" / "rule_costs.json"
DOC_PARTS = ("content", "paragraphs", "sentences", "lower_words", "lower", "vocabulary", "language")


def load_corpus(corpus: Path) -> list[dict[str, Any]]:
    lines = (corpus / "emails.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def build_corpus(shared: Path, n: int, seed: int, out: Path) -> list[dict[str, Any]]:
    script = shared / "bench" / "make_corpus.py"
    cmd = [sys.executable, str(script), "--n", str(n), "--seed", str(seed), "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    return load_corpus(out)


def one_pass(
    emails: list[dict[str, Any]], names: set[str] | None, history: bool
) -> dict[str, float]:
    """CPU seconds per rule (and for the document parts) over one pass of the corpus."""
    from pitchfit.config import Settings
    from pitchfit.engine import Checker, Context
    from pitchfit.text.document import Document

    settings = Settings()
    rules = [r for r in Checker(settings).rules if names is None or type(r).name in names]
    hist = None
    if history:
        from pitchfit.io import parse_history

        hist = parse_history(
            [{"direction": "out", "sent_at": "2025-03-10T09:00:00Z", "body": "Hi, earlier."}],
            where="rule_costs",
        )
    now = datetime(2025, 3, 14, 9, tzinfo=UTC)
    clock = time.process_time
    spent: dict[str, float] = {type(r).name: 0.0 for r in rules}
    spent["(document)"] = 0.0
    for email in emails:
        t0 = clock()
        doc = Document(email["body"], email.get("subject"))
        for part in DOC_PARTS:
            getattr(doc, part)
        spent["(document)"] += clock() - t0
        ctx = Context(settings=settings, history=hist, now=now)
        for rule in rules:
            cls = type(rule)
            if cls.needs and not all(ctx.has(need) for need in cls.needs):
                continue
            t0 = clock()
            if cls.triggers is None or not cls.triggers.isdisjoint(doc.vocabulary):
                for _ in rule.check(doc, ctx):
                    pass
            spent[cls.name] += clock() - t0
    return spent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--corpus", type=Path, help="a folder made by make_corpus.py (skips building)")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repeat", type=int, default=3, help="passes; the minimum is kept")
    ap.add_argument("--rule", action="append", help="only this rule (name; repeatable)")
    ap.add_argument("--history", action="store_true", help="give every email a history")
    ap.add_argument("--out", type=Path, default=RESULTS)
    args = ap.parse_args()
    if args.corpus is not None:
        emails = load_corpus(args.corpus)
    else:
        if not (args.shared / "bench" / "make_corpus.py").is_file():
            print(f"no {args.shared}/bench/make_corpus.py (use --shared)", file=sys.stderr)
            return 2
        with tempfile.TemporaryDirectory(prefix="pitchfit-rules-") as tmp:
            emails = build_corpus(args.shared, args.n, args.seed, Path(tmp))
    names = set(args.rule) if args.rule else None
    passes = [one_pass(emails, names, args.history) for _ in range(max(1, args.repeat))]
    best = {name: min(p[name] for p in passes) for name in passes[0]}
    n = len(emails)
    per_email = {
        name: round(1000 * s / n, 4) for name, s in sorted(best.items(), key=lambda kv: -kv[1])
    }
    rules_total = sum(v for k, v in best.items() if not k.startswith("("))
    result = {
        "schema": "pitchfit-rule-costs/1",
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "corpus": {"n": n, "seed": args.seed, "history": args.history},
        "repeat": args.repeat,
        "unit": "ms CPU per email (minimum over passes)",
        "rules_total_ms": round(1000 * rules_total / n, 4),
        "ms_per_email": per_email,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(f"corpus: {n} emails (seed {args.seed}), CPU ms per email, min of {args.repeat} passes")
    for name, ms in per_email.items():
        print(f"  {ms:8.4f}  {name}")
    print(f"  {result['rules_total_ms']:8.4f}  (all rules)")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
