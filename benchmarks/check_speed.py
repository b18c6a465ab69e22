#!/usr/bin/env python3
"""How fast ``pitchfit check`` is, next to proselint on the same emails.

    python benchmarks/check_speed.py [--shared ../shared] [--n 2000] [--seed 42] [--cold-runs 7]
                                     [--passes 3] [--per-rule] [--profile]

Builds the synthetic corpus with ``<shared>/bench/make_corpus.py`` in a temporary folder and
measures, in one run:

- batch throughput in one process (emails/s; no prospect or offer; one Checker reused) and the
  p50/p99 time per email. Each tool first makes one untimed warm-up pass over the corpus, then
  ``--passes`` timed passes are taken in turn (pitchfit, proselint, pitchfit, ...) so both see
  the same machine load; the median pass is reported, with every pass's figure beside it;
- the cold wall time of ``pitchfit check one.txt`` (a fresh process each time; median of
  ``--cold-runs`` after one untimed run that warms the OS and bytecode caches; pitchfit and
  proselint take turns run by run, as the batch passes do). Judged with a
  bytecode cache (``PYTHONPYCACHEPREFIX`` in the temporary folder), as an installed package
  runs; also reported as run here, where ``PYTHONDONTWRITEBYTECODE`` makes an editable checkout
  recompile every module on every start while proselint's installed bytecode is still read;
- the same two figures for proselint: its library API (``LintFile(...).lint()``) over the same
  bodies, and ``proselint check one.txt``.

Both console scripts are run from this interpreter's ``bin`` folder (not a version-manager shim,
which would add its own start-up time to both). Prints the ratios against the targets
(throughput >= 10x proselint's; cold check no slower than proselint's) and writes
``benchmarks/results/check_speed.json``. ``--per-rule`` adds each rule's share of batch time;
``--profile`` prints the top of a cProfile of the batch.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("PITCHFIT_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "benchmarks" / "results" / "check_speed.json"
THROUGHPUT_TARGET = 10.0  # x proselint's emails/s
COLD_TARGET = 1.0  # pitchfit cold time / proselint cold time, at most


def build_corpus(shared: Path, n: int, seed: int, out: Path) -> list[dict[str, Any]]:
    script = shared / "bench" / "make_corpus.py"
    cmd = [sys.executable, str(script), "--n", str(n), "--seed", str(seed), "--out", str(out)]
    subprocess.run(cmd, check=True, capture_output=True)
    lines = (out / "emails.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def batch(
    run_one: Callable[[dict[str, Any]], object], emails: list[dict[str, Any]]
) -> dict[str, Any]:
    """Time each email of one pass; throughput over the whole pass."""
    times: list[float] = []
    start, cpu_start = time.perf_counter(), time.process_time()
    for email in emails:
        t0 = time.perf_counter()
        run_one(email)
        times.append(time.perf_counter() - t0)
    total, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"total_s": total, "cpu_s": cpu, "times": times}


def summarise(passes: list[dict[str, Any]], n: int) -> dict[str, Any]:
    """The median pass's throughput (wall and CPU) and p50/p99 over every timed email."""
    walls = sorted(p["total_s"] for p in passes)
    cpus = sorted(p["cpu_s"] for p in passes)
    times = [t for p in passes for t in p["times"]]
    return {
        "emails": n,
        "passes": len(passes),
        "total_s": round(statistics.median(walls), 4),
        "emails_per_s": round(n / statistics.median(walls), 1),
        "cpu_emails_per_s": round(n / statistics.median(cpus), 1),
        "pass_emails_per_s": [round(n / w, 1) for w in walls],
        "p50_ms": round(1000 * percentile(times, 0.50), 3),
        "p99_ms": round(1000 * percentile(times, 0.99), 3),
    }


def batches(
    runners: dict[str, Callable[[dict[str, Any]], object]],
    emails: list[dict[str, Any]],
    passes: int,
) -> dict[str, dict[str, Any]]:
    """One untimed warm-up pass per tool (lazy patterns, caches, the allocator), then
    ``passes`` timed passes taken in turn, so both tools see the same machine load."""
    for run_one in runners.values():
        for email in emails:
            run_one(email)
    timed: dict[str, list[dict[str, Any]]] = {name: [] for name in runners}
    for _ in range(passes):
        for name, run_one in runners.items():
            timed[name].append(batch(run_one, emails))
    return {name: summarise(runs, len(emails)) for name, runs in timed.items()}


def _run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, int, bytes]:
    """Wall time, CPU time (user + sys of the child) and exit code of one fresh process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    err = proc.stderr.read() if proc.stderr else b""
    if proc.stderr:
        proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, proc.returncode, err


def bytecode_env(cache: Path) -> dict[str, str]:
    """The environment with a bytecode cache (in ``cache``, outside the repository).

    An installed package ships compiled bytecode (pip compiles it on install); an editable
    checkout run with ``PYTHONDONTWRITEBYTECODE`` set recompiles every module on every start.
    Cold runs are measured both ways; the targets are judged with the cache, as users run it.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def colds(
    cmds: dict[str, list[str]], runs: int, env: dict[str, str] | None = None
) -> dict[str, dict[str, Any]]:
    """Median wall and CPU time of a fresh process per command, after one untimed warm-up run
    of each. The commands take turns, run by run, so that they all see the same machine load
    (this VM's speed drifts by a tenth from minute to minute).

    CPU time (user + sys) is reported too because it barely moves when other work shares the
    machine, while wall time does.
    """
    for cmd in cmds.values():
        _run(cmd, env)
    walls: dict[str, list[float]] = {name: [] for name in cmds}
    cpus: dict[str, list[float]] = {name: [] for name in cmds}
    codes: dict[str, int] = {}
    for _ in range(runs):
        for name, cmd in cmds.items():
            wall, cpu, code, err = _run(cmd, env)
            if code not in (0, 1):
                raise SystemExit(f"{' '.join(cmd)} failed ({code}): {err.decode()[-400:]}")
            walls[name].append(wall)
            cpus[name].append(cpu)
            codes[name] = code
    return {
        name: {
            "command": " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)),
            "runs": runs,
            "median_s": round(statistics.median(walls[name]), 4),
            "min_s": round(min(walls[name]), 4),
            "cpu_median_s": round(statistics.median(cpus[name]), 4),
            "exit_code": codes[name],
        }
        for name, cmd in cmds.items()
    }


def cold(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> dict[str, Any]:
    """:func:`colds` of one command."""
    return colds({"one": cmd}, runs, env)["one"]


# The stages of a plain ``pitchfit check one.txt``, which does not import click
# (``pitchfit.cli.run``); click's own cost is listed last, for commands that do use it.
COLD_STAGES = (
    ("python", "pass"),
    ("+ pitchfit.engine", "import pitchfit.cli.check_run, pitchfit.engine"),
    (
        "+ Checker() (rules)",
        "import pitchfit.cli.check_run; from pitchfit.engine import Checker; Checker()",
    ),
    (
        "+ one check",
        "import sys, pitchfit.cli.check_run; from pitchfit.engine import Checker; "
        "Checker().check(open(sys.argv[1]).read())",
    ),
    ("(click, for other commands)", "import click"),
    ("(input models, if given)", "import pitchfit.engine, pitchfit.models"),
)


def cold_breakdown(one: Path, runs: int, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Where a cold check spends its time: each stage is a fresh process doing a bit more."""
    out = []
    for label, code in COLD_STAGES:
        r = cold([sys.executable, "-c", code, str(one)], runs, env)
        out.append({"stage": label, "median_s": r["median_s"], "cpu_median_s": r["cpu_median_s"]})
    return out


def pitchfit_runner() -> tuple[Callable[[dict[str, Any]], object], dict[str, Any]]:
    """One Checker reused for every email (no prospect or offer), and its set-up figures."""
    from pitchfit.engine import Checker

    t0 = time.perf_counter()
    checker = Checker()
    setup = time.perf_counter() - t0

    def run_one(email: dict[str, Any]) -> object:
        return checker.check(email["body"], subject=email.get("subject"))

    return run_one, {"setup_s": round(setup, 4), "rules": len(checker.rules)}


def proselint_runner() -> tuple[Callable[[dict[str, Any]], object], dict[str, Any]]:
    """proselint 0.16's library API, registry filled once as its CLI does."""
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    t0 = time.perf_counter()
    registry = CheckRegistry()
    if not registry.checks:
        registry.register_many(__register__)
    setup = time.perf_counter() - t0

    def run_one(email: dict[str, Any]) -> object:
        return LintFile("<email>", email["body"]).lint(DEFAULT)

    return run_one, {"setup_s": round(setup, 4), "checks": len(registry.checks)}


DOC_PARTS = ("content", "paragraphs", "sentences", "lower_words", "lower", "vocabulary", "language")


def per_rule(emails: list[dict[str, Any]]) -> list[tuple[str, float]]:
    """CPU seconds each rule's ``check`` takes over the corpus (a separate pass).

    The document's parts are computed up front (and timed as "(document)") so that a rule is
    not charged for the sentences or words it happens to ask for first.
    """
    import pitchfit.engine as engine
    from pitchfit.text.document import Document

    checker = engine.Checker()
    spent: dict[str, float] = {}
    clock = time.process_time

    def timed(name: str, fn: Callable[..., Iterable[Any]]) -> Callable[..., list[Any]]:
        def wrapper(*args: Any) -> list[Any]:
            t0 = clock()
            out = list(fn(*args))
            spent[name] = spent.get(name, 0.0) + clock() - t0
            return out

        return wrapper

    class EagerDocument(Document):
        def __init__(self, body: str, subject: str | None = None) -> None:
            t0 = clock()
            super().__init__(body, subject)
            for part in DOC_PARTS:
                getattr(self, part)
            spent["(document)"] = spent.get("(document)", 0.0) + clock() - t0

    for rule in checker.rules:
        rule.check = timed(type(rule).name, rule.check)  # type: ignore[method-assign]
    setattr(engine, "Document", EagerDocument)  # noqa: B010 - the engine builds documents
    try:
        t0 = clock()
        for email in emails:
            checker.check(email["body"], subject=email.get("subject"))
        total = clock() - t0
    finally:
        setattr(engine, "Document", Document)  # noqa: B010
    spent["(engine, scoring)"] = total - sum(spent.values())
    return sorted(spent.items(), key=lambda kv: -kv[1])


def profile(emails: list[dict[str, Any]]) -> None:
    from pitchfit.engine import Checker

    checker = Checker()
    prof = cProfile.Profile()
    prof.enable()
    for email in emails:
        checker.check(email["body"], subject=email.get("subject"))
    prof.disable()
    pstats.Stats(prof).sort_stats("cumulative").print_stats(25)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--cold-runs", type=int, default=7)
    ap.add_argument("--passes", type=int, default=3, help="timed batch passes per tool")
    ap.add_argument("--out", type=Path, default=RESULTS)
    ap.add_argument("--per-rule", action="store_true", help="CPU time per rule (extra pass)")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    if not (args.shared / "bench" / "make_corpus.py").is_file():
        print(f"no {args.shared}/bench/make_corpus.py (use --shared)", file=sys.stderr)
        return 2
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="pitchfit-bench-") as tmp:
        corpus = Path(tmp)
        emails = build_corpus(args.shared, args.n, args.seed, corpus)
        digest = hashlib.sha256((corpus / "emails.jsonl").read_bytes()).hexdigest()
        one = corpus / "txt" / "00000.txt"
        pf_run, pf_setup = pitchfit_runner()
        ps_run, ps_setup = proselint_runner()
        timed = batches({"pitchfit": pf_run, "proselint": ps_run}, emails, args.passes)
        pf_batch = {**timed["pitchfit"], **pf_setup}
        ps_batch = {**timed["proselint"], **ps_setup}
        cached = bytecode_env(corpus / "pycache")
        pf_cmd = [str(bindir / "pitchfit"), "check", str(one)]
        ps_cmd = [str(bindir / "proselint"), "check", str(one)]
        both = {"pitchfit": pf_cmd, "proselint": ps_cmd}
        with_cache = colds(both, args.cold_runs, cached)
        pf_cold, ps_cold = with_cache["pitchfit"], with_cache["proselint"]
        without_cache = colds(both, args.cold_runs)
        pf_cold_env, ps_cold_env = without_cache["pitchfit"], without_cache["proselint"]
        api = "import sys, pitchfit; pitchfit.check(open(sys.argv[1]).read())"
        pf_api_cold = cold([sys.executable, "-c", api, str(one)], args.cold_runs, cached)
        stages = cold_breakdown(one, args.cold_runs, cached)
        rules = per_rule(emails) if args.per_rule else []
        if args.profile:
            profile(emails)

    throughput_ratio = pf_batch["emails_per_s"] / ps_batch["emails_per_s"]
    cold_ratio = pf_cold["median_s"] / ps_cold["median_s"]
    cpu_throughput_ratio = pf_batch["cpu_emails_per_s"] / ps_batch["cpu_emails_per_s"]
    cpu_cold_ratio = pf_cold["cpu_median_s"] / ps_cold["cpu_median_s"]
    result = {
        "schema": "pitchfit-bench/1",
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "corpus": {"n": len(emails), "seed": args.seed, "sha256": digest, "cold_file": one.name},
        "pitchfit": {
            "batch": pf_batch,
            "cold_cli": pf_cold,
            "cold_cli_no_bytecode_cache": pf_cold_env,
            "cold_api": pf_api_cold,
            "cold_stages": stages,
        },
        "proselint": {
            "version": _version("proselint"),
            "batch": ps_batch,
            "cold_cli": ps_cold,
            "cold_cli_no_bytecode_cache": ps_cold_env,
        },
        "ratios": {
            "throughput": round(throughput_ratio, 2),
            "cold": round(cold_ratio, 3),
            "throughput_cpu": round(cpu_throughput_ratio, 2),
            "cold_cpu": round(cpu_cold_ratio, 3),
            "cold_without_bytecode_cache": round(
                pf_cold_env["median_s"] / ps_cold_env["median_s"], 3
            ),
        },
        "targets": {
            "throughput_min": THROUGHPUT_TARGET,
            "cold_max": COLD_TARGET,
            "throughput_met": throughput_ratio >= THROUGHPUT_TARGET,
            "cold_met": cold_ratio <= COLD_TARGET,
            "throughput_met_cpu": cpu_throughput_ratio >= THROUGHPUT_TARGET,
            "cold_met_cpu": cpu_cold_ratio <= COLD_TARGET,
        },
        "per_rule_s": {name: round(s, 4) for name, s in rules},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(_summary(result))
    print(f"wrote {args.out}")
    return 0


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def _summary(r: dict[str, Any]) -> str:
    pf, ps, t = r["pitchfit"], r["proselint"], r["targets"]
    lines = [
        f"corpus: {r['corpus']['n']} emails (seed {r['corpus']['seed']}), python {r['python']}",
        f"{'':22}{'emails/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'cold s':>9}"
        f"{'cpu em/s':>10}{'cold cpu':>10}",
        f"{'pitchfit':22}{pf['batch']['emails_per_s']:>10}{pf['batch']['p50_ms']:>9}"
        f"{pf['batch']['p99_ms']:>9}{pf['cold_cli']['median_s']:>9}"
        f"{pf['batch']['cpu_emails_per_s']:>10}{pf['cold_cli']['cpu_median_s']:>10}",
        f"{'proselint ' + ps['version']:22}{ps['batch']['emails_per_s']:>10}"
        f"{ps['batch']['p50_ms']:>9}{ps['batch']['p99_ms']:>9}{ps['cold_cli']['median_s']:>9}"
        f"{ps['batch']['cpu_emails_per_s']:>10}{ps['cold_cli']['cpu_median_s']:>10}",
        f"cold without a bytecode cache (PYTHONDONTWRITEBYTECODE, editable source): pitchfit "
        f"{pf['cold_cli_no_bytecode_cache']['median_s']} s, proselint "
        f"{ps['cold_cli_no_bytecode_cache']['median_s']} s (ratio "
        f"{r['ratios']['cold_without_bytecode_cache']})",
        f"pitchfit.check via python -c: {pf['cold_api']['median_s']} s; cold stages "
        "(fresh process each, cumulative):",
        *(
            f"  {st['stage']:24} {st['median_s']:.3f} s wall  {st['cpu_median_s']:.3f} s cpu"
            for st in pf["cold_stages"]
        ),
        f"throughput ratio {r['ratios']['throughput']}x wall, {r['ratios']['throughput_cpu']}x cpu"
        f" (target >= {t['throughput_min']}x): "
        f"{'met' if t['throughput_met'] else 'NOT met'}",
        f"cold ratio {r['ratios']['cold']} wall, {r['ratios']['cold_cpu']} cpu"
        f" (target <= {t['cold_max']}): "
        f"{'met' if t['cold_met'] else 'NOT met'}",
    ]
    n = r["corpus"]["n"]
    if r["per_rule_s"]:
        lines.append("CPU per email, by part (--per-rule):")
    for name, s in list(r["per_rule_s"].items())[:20]:
        lines.append(f"  {1000 * s / n:7.3f} ms  {name}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
