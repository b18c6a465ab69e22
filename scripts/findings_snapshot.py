#!/usr/bin/env python3
"""Every report the checker gives on a fixed set of emails, to prove a refactor changed nothing.

    python scripts/findings_snapshot.py write FILE [--shared ../shared] [--n 2000]
    python scripts/findings_snapshot.py compare FILE [--shared ../shared] [--n 2000]

The set: the synthetic benchmark corpus (seed 42, built with ``<shared>/bench/make_corpus.py``),
a second corpus with seed 7 whose bodies are lower-cased or run through small mutations
(no greeting, curly apostrophes, CRLF, hard wraps), the shared labelled emails and replies
when ``<shared>`` is present, and every rule's bad and good example run through the full
catalogue. ``compare`` prints the first differences and exits 1 when any report differs.
Speed work on the hot path (``Document``, gates, rule internals) must leave this unchanged.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("PITCHFIT_SHARED", ROOT.parent / "shared"))


def _corpus(shared: Path, n: int, seed: int) -> list[dict[str, Any]]:
    script = shared / "bench" / "make_corpus.py"
    if not script.exists():
        return []
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, str(script), "--n", str(n), "--seed", str(seed), "--out", tmp]
        subprocess.run(cmd, check=True, capture_output=True)
        lines = (Path(tmp) / "emails.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _mutations(body: str, i: int) -> str:
    """Small, deterministic variants that reach the less common code paths."""
    kind = i % 6
    if kind == 0:
        return body.lower()
    if kind == 1:
        return body.replace("'", "’")
    if kind == 2:
        return body.replace("\n", "\r\n")
    if kind == 3:
        return body.split("\n", 1)[-1]  # greeting dropped
    if kind == 4:  # hard-wrapped at 60 columns
        out: list[str] = []
        for line in body.split("\n"):
            while len(line) > 60:
                cut = line.rfind(" ", 0, 60)
                cut = cut if cut > 0 else 60
                out.append(line[:cut])
                line = line[cut:].lstrip()
            out.append(line)
        return "\n".join(out)
    return body.upper()


def cases(shared: Path, n: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(key, keyword arguments for ``Checker.check``) for every email of the set."""
    for email in _corpus(shared, n, 42):
        yield f"corpus42/{email['id']}", {"body": email["body"], "subject": email.get("subject")}
    for i, email in enumerate(_corpus(shared, max(n // 4, 1), 7)):
        body = _mutations(email["body"], i)
        yield f"corpus7/{email['id']}", {"body": body, "subject": email.get("subject")}
    for name in ("emails.jsonl", "replies.jsonl"):
        path = shared / "data" / name
        if not path.exists():
            continue
        for line_no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            record = json.loads(line)
            body = record.get("body") or record.get("text") or ""
            yield f"{name}:{line_no}", {"body": body, "subject": record.get("subject")}


def example_cases() -> Iterator[tuple[str, Any, Any]]:
    """Every rule example, as (key, rule class, example)."""
    from pitchfit.rules.registry import all_rules

    for cls in all_rules():
        for kind in ("bad", "good"):
            for i, example in enumerate(getattr(cls, kind)):
                yield f"example/{cls.name}/{kind}/{i}", cls, example


def snapshot(shared: Path, n: int) -> dict[str, Any]:
    from datetime import UTC, datetime

    from pitchfit.config import Settings
    from pitchfit.engine import Checker
    from pitchfit.io import parse_history, validate
    from pitchfit.models import Offer, Prospect
    from pitchfit.text.inputs import split_subject

    now = datetime(2026, 6, 1, tzinfo=UTC)
    checker = Checker()
    out: dict[str, Any] = {}
    for key, kwargs in cases(shared, n):
        out[key] = checker.check(**kwargs, now=now).to_json_dict()
    full = Checker(Settings())
    for key, _cls, ex in example_cases():
        subject, body = split_subject(ex.text)
        prospect = validate(Prospect, dict(ex.prospect), where=key) if ex.prospect else None
        offer = validate(Offer, dict(ex.offer), where=key) if ex.offer else None
        history = parse_history([dict(h) for h in ex.history], where=key) if ex.history else None
        when = datetime.fromisoformat(ex.now) if ex.now else now
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        report = full.check(
            body, subject=subject, prospect=prospect, offer=offer, history=history, now=when
        )
        out[key] = report.to_json_dict()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=("write", "compare"))
    parser.add_argument("file", type=Path)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args(argv)
    current = snapshot(args.shared, args.n)
    if args.mode == "write":
        args.file.write_text(json.dumps(current, sort_keys=True), "utf-8")
        print(f"wrote {len(current)} reports to {args.file}")
        return 0
    saved = json.loads(args.file.read_text("utf-8"))
    differ = [k for k in sorted(saved.keys() | current.keys()) if saved.get(k) != current.get(k)]
    for key in differ[:10]:
        print(f"--- {key}\n  before: {json.dumps(saved.get(key))[:1500]}")
        print(f"  after:  {json.dumps(current.get(key))[:1500]}")
    print(f"{len(current)} reports, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
