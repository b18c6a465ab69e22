"""How fast ``fit`` segments a prospect list: prospects/s, semantic and lexical, 1 and 2 workers.

Builds N synthetic prospects (seeded, every research sentence different, as in a real list)
for ``examples/offer.yaml`` and times ``pitchfit.fit.batch.fit_all`` end to end: worker
start-up and model loading included, because that is what a user waits for. The model's cold
load time is measured in a fresh process. Prints a table and writes JSON.

    python benchmarks/fit_speed.py [--n 1000] [--out benchmarks/results/fit_speed.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pitchfit.fit.batch import fit_all  # noqa: E402
from pitchfit.io import load_offer  # noqa: E402
from pitchfit.models import Prospect  # noqa: E402
from pitchfit.text import embed  # noqa: E402

TARGETS = {"semantic": 40.0, "lexical": 2000.0}
TITLES = [
    "VP Sales",
    "Head of Sales",
    "CRO",
    "Sales Director",
    "CFO",
    "Account Executive",
    "Head of Revenue",
    "Marketing Manager",
    "Co-founder & CEO",
    "Sr. Director of Sales",
]
INDUSTRIES = ["SaaS", "B2B software", "Fintech", "IT services", "Manufacturing", "Retail", ""]
FACTS = [
    "{c} is hiring {n} account executives in {city}.",
    "{c} opened a new sales office in {city} last {month}.",
    "On a podcast the VP said new reps take {n} months to ramp.",
    "{c} switched to usage-based pricing in {month}.",
    "Their win rate fell from {n}% to {m}% this year.",
    "{c} won a design award for its mobile app in {city}.",
    "The CEO spoke about data privacy at a conference in {city}.",
    "Each of their {n} sales managers leads {m} reps with no time for coaching.",
    "{c} raised a Series B of ${n}M to grow the team in {city}.",
    "{c} moved its headquarters to {city} in {month}.",
]
CITIES = ["Austin", "London", "Berlin", "Paris", "Denver", "Madrid", "Lisbon", "Oslo", "Leeds"]
MONTHS = ["January", "March", "May", "June", "September", "October", "November"]


def make_prospects(n: int, seed: int = 42) -> list[Prospect]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        company = f"Company{i:04d}"
        facts = []
        for _ in range(rng.randint(0, 3)):
            template = rng.choice(FACTS)
            text = template.format(
                c=company,
                n=rng.randint(2, 40),
                m=rng.randint(5, 60),
                city=rng.choice(CITIES),
                month=rng.choice(MONTHS),
            )
            facts.append({"text": text, "source": f"research #{i}"})
        out.append(
            Prospect.model_validate(
                {
                    "id": f"b{i:04d}",
                    "name": f"Person {i}",
                    "title": rng.choice(TITLES),
                    "company": company,
                    "industry": rng.choice(INDUSTRIES),
                    "company_size": rng.choice([None, 12, 80, 240, 900, 3000]),
                    "facts": facts,
                    "expertise": rng.sample(["sales hiring", "pricing", "SEO"], k=1),
                }
            )
        )
    return out


def model_load_seconds() -> float | None:
    """Cold load of tokenizer + ONNX session in a fresh interpreter."""
    code = (
        "import time; t=time.perf_counter(); from pitchfit.text import embed; "
        "ok=embed.available(); print(time.perf_counter()-t if ok else -1)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    value = float(out.stdout.strip())
    return None if value < 0 else round(value, 3)


def run_fresh(n: int, method: str, workers: int) -> dict[str, Any]:
    """One configuration in a fresh interpreter, so no run inherits another's loaded model."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); "
        f"import fit_speed as b; print(json.dumps(b.run_child({n}, {method!r}, {workers})))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def run_child(n: int, method: str, workers: int) -> dict[str, Any]:
    offer = load_offer(ROOT / "examples" / "offer.yaml")
    return run(make_prospects(n), offer, method, workers)


def run(prospects: list[Prospect], offer: Any, method: str, workers: int) -> dict[str, Any]:
    start = time.perf_counter()
    results = fit_all(prospects, offer, method=method, workers=workers)
    elapsed = time.perf_counter() - start
    segments = {s: sum(1 for r in results if r.segment == s) for s in "ABCX"}
    return {
        "method": method,
        "workers": workers,
        "prospects": len(prospects),
        "seconds": round(elapsed, 3),
        "prospects_per_s": round(len(prospects) / elapsed, 1),
        "segments": segments,
        "method_ran": sorted({r.method for r in results}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "fit_speed.json"))
    args = parser.parse_args()
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    load_before = os.getloadavg()
    semantic = embed.installed()
    load = model_load_seconds() if semantic else None
    runs = []
    for method in ("semantic", "lexical"):
        if method == "semantic" and not semantic:
            continue
        for workers in (1, 2):
            runs.append(run_fresh(args.n, method, workers))
    report = {
        "benchmark": "fit_speed",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_start": [round(x, 2) for x in load_before],
        },
        "model": embed.model_name() if semantic else None,
        "model_load_s": load,
        "targets_prospects_per_s": TARGETS,
        "runs": runs,
        "targets_met": {
            m: any(r["prospects_per_s"] >= t for r in runs if r["method"] == m)
            for m, t in TARGETS.items()
            if any(r["method"] == m for r in runs)
        },
    }
    print(
        f"fit speed: {args.n} prospects x 1 offer ({report['model'] or 'no model'}; "
        f"model load {load if load is not None else '-'} s)"
    )
    print(f"{'method':<10}{'workers':>8}{'seconds':>10}{'prospects/s':>14}{'target':>10}")
    for r in runs:
        print(
            f"{r['method']:<10}{r['workers']:>8}{r['seconds']:>10.2f}"
            f"{r['prospects_per_s']:>14.1f}{TARGETS[r['method']]:>10.0f}"
        )
    print("targets met:", report["targets_met"])
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    from pitchfit.io import atomic_write

    with atomic_write(out) as handle:
        json.dump(report, handle, indent=2)
        handle.write("\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
