#!/usr/bin/env python3
"""How often each rule fires on good vs bad labelled emails (precision before recall).

    python scripts/rule_hits.py [--shared ../shared] [--rule NAME] [--show]

A rule that fires on good emails cries wolf: look at those hits first (``--show``).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pitchfit.config import Settings  # noqa: E402
from pitchfit.engine import Checker  # noqa: E402
from pitchfit.scoring.dataset import load_own_emails, load_shared_emails  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--rule", action="append", default=[])
    ap.add_argument("--show", action="store_true", help="print each hit on a good email")
    args = ap.parse_args()
    emails = list(load_shared_emails(args.shared)) if (args.shared / "data").is_dir() else []
    emails += list(load_own_emails(ROOT))
    checker = Checker(Settings(select=tuple(args.rule) or ("ALL",)))
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown = []
    for em in emails:
        report = checker.check(em.body, subject=em.subject)
        for name in {f.name for f in report.findings} | {s.name for s in report.strengths}:
            hits[name][em.bad] += 1
        if args.show:
            for f in report.findings:
                if not em.bad:
                    snippet = em.body[f.span.start : f.span.end] if f.span.line else em.subject
                    shown.append(f"  {f.name:26} good:{em.id}: {snippet!r} — {f.message}")
    n_bad = sum(e.bad for e in emails)
    print(f"{len(emails)} emails ({n_bad} bad, {len(emails) - n_bad} good)")
    print(f"{'rule':28} {'on bad':>7} {'on good':>8}")
    for name, (good, bad) in sorted(hits.items(), key=lambda kv: (-kv[1][1], kv[0])):
        print(f"{name:28} {bad:7d} {good:8d}")
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
