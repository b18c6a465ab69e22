"""Campaign preflight speed: rows/s for generated prospects, 1 and 2 workers, and peak memory.

Usage: ``python benchmarks/campaign_speed.py [--sizes 10000,100000] [--workers 1,2]``.
Each measurement runs in a fresh process so its peak RSS is its own. Prints a table and
writes ``benchmarks/results/campaign_speed.json``. Target (issue 5): 100,000 rows with the
lexical fit in under a minute on 2 cores, peak memory under 1 GB.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "examples" / "campaign" / "template.txt.j2"
OFFER = ROOT / "examples" / "offer.yaml"
RESULTS = ROOT / "benchmarks" / "results" / "campaign_speed.json"

FIRST = ["Sarah", "Marcus", "Priya", "Tom", "Camille", "Daniel", "Hannah", "Lucas", "Grace"]
LAST = ["Chen", "Webb", "Raman", "Becker", "Martin", "Kim", "Fischer", "Almeida", "Liu"]
TITLES = [
    "VP Sales",
    "Head of Sales",
    "Chief Revenue Officer",
    "Sales Director",
    "CFO",
    "Head of Engineering",
    "Head of Sales Enablement",
    "Marketing Manager",
]
INDUSTRIES = ["SaaS", "Fintech", "B2B software", "IT services", "Manufacturing", "Retail"]
HOOKS = [
    "Saw {c} has {n} open AE roles on the careers page.",
    "Congrats on the new sales office in {city}.",
    "Saw {c} grew its sales team from {n} to {m} reps this year.",
    "",
]
CITIES = ["Austin", "London", "Munich", "Lyon", "Warsaw", "Lagos", "Osaka", "Denver"]


def generate(path: Path, n: int, seed: int = 5) -> None:
    """A realistic-looking CRM export: mostly fine rows, some flawed (~2% each kind)."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "Email Address",
                "Job Title",
                "Company Name",
                "Industry",
                "Employees",
                "Language",
                "Lead Status",
                "Research",
                "Hook",
            ]
        )
        for i in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            company = f"{rng.choice(LAST)}{rng.choice(['ly', 'io', 'soft', 'pay', 'cloud'])}{i}"
            email = f"{first}.{last}.{i}@{company.lower()}.com".lower()
            roll = rng.random()
            if roll < 0.02:
                email = email.replace("@", ".at.")
            elif roll < 0.04 and i:
                email = f"{first}.{last}.{i - 1}@x.com".lower()
            hook = rng.choice(HOOKS).format(
                c=company, n=rng.randint(3, 40), m=rng.randint(41, 80), city=rng.choice(CITIES)
            )
            writer.writerow(
                [
                    "" if rng.random() < 0.02 else first,
                    last,
                    email,
                    rng.choice(TITLES),
                    company,
                    rng.choice(INDUSTRIES),
                    rng.choice(["15", "120", "240", "51-200", "900", "3000"]),
                    "fr" if rng.random() < 0.05 else "en",
                    "Declined" if rng.random() < 0.02 else "Open",
                    f"Hiring {rng.randint(3, 40)} account executives in {rng.choice(CITIES)}.",
                    hook,
                ]
            )


def child(prospects: str, workers: int, out: str) -> None:
    """One measured run (in its own process); prints a JSON line with time and memory."""
    os.environ.setdefault("PITCHFIT_DB", f"sqlite:///{Path(out).parent / 'empty.db'}")
    from pitchfit.campaign import preflight

    started = time.perf_counter()
    result = preflight(
        prospects,
        TEMPLATE,
        OFFER,
        out=out,
        workers=workers,
        progress=False,
        force=True,
        start=datetime(2026, 11, 23, tzinfo=UTC),
    )
    elapsed = time.perf_counter() - started
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    parent_kb, child_kb = me.ru_maxrss, kids.ru_maxrss
    # CPU seconds of the whole tree: on a shared machine wall time depends on the neighbours,
    # CPU time per row does not.
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    rows = result.summary["rows"]
    print(
        json.dumps(
            {
                "rows": rows,
                "workers": workers,
                "seconds": round(elapsed, 2),
                "rows_per_s": round(rows / elapsed, 1),
                "cpu_seconds": round(cpu, 1),
                "rows_per_cpu_s": round(rows / cpu, 1),
                "load_avg_1m": round(os.getloadavg()[0], 2),
                "peak_rss_mb_parent": round(parent_kb / 1024, 1),
                "peak_rss_mb_worker": round(child_kb / 1024, 1),
                "peak_rss_mb_total": round(
                    (parent_kb + (child_kb * workers if workers > 1 else 0)) / 1024, 1
                ),
                "blocked": result.summary["blocked"],
                "to_send": result.summary["to_send"],
            }
        )
    )


def _line(run: dict[str, float]) -> str:
    return (
        f"{run['rows']:>7,} rows  {run['workers']} worker(s)  {run['seconds']:>7.1f} s  "
        f"{run['rows_per_s']:>6,.0f} rows/s  {run['rows_per_cpu_s']:>5,.0f} rows/CPU-s  "
        f"peak RSS {run['peak_rss_mb_total']:,.0f} MB (parent {run['peak_rss_mb_parent']:,.0f}, "
        f"worker {run['peak_rss_mb_worker']:,.0f})  load {run['load_avg_1m']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--child", nargs=3, metavar=("PROSPECTS", "WORKERS", "OUT"))
    parser.add_argument("--out", default=str(RESULTS))
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]), args.child[2])
        return
    runs = []
    with tempfile.TemporaryDirectory(prefix="pitchfit-bench-") as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            prospects = Path(tmp) / f"prospects-{size}.csv"
            generate(prospects, size)
            for workers in (int(w) for w in args.workers.split(",")):
                cmd = [
                    sys.executable,
                    __file__,
                    "--child",
                    str(prospects),
                    str(workers),
                    str(Path(tmp) / f"out-{size}-{workers}"),
                ]
                proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
                run = json.loads(proc.stdout.strip().splitlines()[-1])
                runs.append(run)
                print(_line(run), flush=True)
    report = {
        "benchmark": "campaign_speed",
        "date": datetime.now(UTC).replace(microsecond=0).isoformat(),
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(),
        },
        "template": str(TEMPLATE.relative_to(ROOT)),
        "fit_method": "lexical",
        "target": "100,000 rows in < 60 s on 2 cores, peak RSS < 1 GB",
        "runs": runs,
    }
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
