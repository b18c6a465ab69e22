"""``preflight``: prospects x template x offer -> every email rendered, checked and explained.

The CLI's option names are this function's keyword arguments. Outputs are written to
temporary files and renamed at the end, so an interrupted run leaves no half-written file.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from ..config import Settings, load_settings
from ..errors import InputError
from ..io import atomic_write, load_offer
from ..models import Offer, Report, Suppression
from ..prospect_io import iter_prospect_rows, parse_mapping
from ..rules.base import Severity
from .history import HistorySource
from .outputs import RowWriter, Summary, is_sendable, prepare_out
from .report import render_report
from .rows import Spec, Task
from .runner import default_workers, run_dask, run_local
from .template import Renderer, Step, load_template

SCHEMA = "pitchfit-campaign/1"
FIT_METHODS = ("auto", "semantic", "lexical")


@dataclass(frozen=True)
class PreflightResult:
    """What a preflight wrote and found; ``exit_code`` is the CLI's (0 clean, 1 blocked)."""

    out: Path
    summary: dict[str, Any]
    template_reports: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """1 when any row is blocked or has a finding at or above ``fail_on``."""
        return int(self.summary["exit_code"])

    @property
    def report(self) -> Path:
        """Path of ``report.html``."""
        return self.out / "report.html"


def preflight(
    prospects: str | Path,
    template: str | Path,
    offer: str | Path | Offer,
    *,
    out: str | Path,
    history: str | Path | None = None,
    db: str | None = None,
    workers: int | None = None,
    engine: str = "local",
    scheduler: Any = None,
    fail_on: str | None = None,
    map: str | Mapping[str, str] | None = None,
    fit_method: str = "lexical",
    settings: Settings | None = None,
    encoding: str | None = None,
    start: datetime | None = None,
    force: bool = False,
    progress: bool | None = None,
    chunk_size: int = 100,
) -> PreflightResult:
    """Preflight a whole campaign and write results.jsonl, send.csv, summary.json, report.html.

    ``start`` is when the first step goes out (default: now); sequence steps go out
    ``day`` days later. ``progress`` defaults to a bar when stderr is a terminal.
    """
    _check_options(engine, scheduler, fit_method, workers)
    settings = settings if settings is not None else load_settings()
    if fail_on is not None:
        try:
            settings = settings.merged(fail_on=fail_on)
        except ValueError as exc:
            raise InputError(str(exc), where="--fail-on") from None
    if map is not None and not isinstance(map, str):
        map = ",".join(f"{field}={header}" for field, header in map.items())
    mapping = parse_mapping(map)
    offer_model = offer if isinstance(offer, Offer) else load_offer(offer)
    campaign = load_template(template)
    prospects_path = Path(prospects)
    if not prospects_path.is_file():
        raise InputError("no such file", where=str(prospects_path))
    histories = HistorySource(history) if history is not None else None
    suppressions = _suppressions(db or settings.store)
    start = (start or datetime.now(UTC)).replace(microsecond=0)
    if start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    spec = Spec(
        token=uuid.uuid4().hex,
        template=campaign,
        offer=offer_model,
        settings=settings,
        fit_method=fit_method,
        start=start,
        has_history=histories is not None,
    )
    template_reports = check_template(spec)
    out_dir = prepare_out(out, force=force)
    rows = iter_prospect_rows(prospects_path, mapping=mapping, encoding=encoding)
    tasks = _tasks(rows, histories, suppressions)
    if engine == "dask":
        results = run_dask(spec, tasks, scheduler=scheduler, chunk_size=chunk_size)
    else:
        n = workers or default_workers()
        results = run_local(spec, tasks, workers=n, chunk_size=chunk_size)
    show = sys.stderr.isatty() if progress is None else progress
    bar = _Progress(_estimate_rows(prospects_path) if show else 0, enabled=show)
    inputs = {
        "prospects": str(prospects),
        "template": str(template),
        "offer": str(offer) if not isinstance(offer, Offer) else offer.name,
        "history": str(history) if history is not None else None,
        "start": start.isoformat(),
        "fit_method": fit_method,
        "fail_on": Severity(settings.fail_on).label,
        "engine": engine,
    }
    data = _write_outputs(out_dir, results, spec, template_reports, inputs, bar)
    return PreflightResult(out_dir, data, template_reports)


def _check_options(engine: str, scheduler: Any, fit_method: str, workers: int | None) -> None:
    """Refuse bad option values before anything is read or written."""
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r} (local or dask)", where="--engine")
    if engine == "dask" and not scheduler:
        raise InputError("--engine dask needs --scheduler ADDRESS", where="--scheduler")
    if fit_method not in FIT_METHODS:
        raise InputError(f"unknown fit method {fit_method!r}", where="--fit-method")
    if workers is not None and workers < 1:
        raise InputError("must be at least 1", where="--workers")


def _write_outputs(
    out_dir: Path,
    results: Iterator[dict[str, Any]],
    spec: Spec,
    template_reports: list[dict[str, Any]],
    inputs: dict[str, Any],
    bar: _Progress,
) -> dict[str, Any]:
    """Stream every result to disk, then write the summary and the report; all or nothing."""
    summary = Summary(fail_on=int(spec.settings.fail_on))
    with contextlib.ExitStack() as stack:
        results_file = stack.enter_context(atomic_write(out_dir / "results.jsonl"))
        send_file = stack.enter_context(atomic_write(out_dir / "send.csv"))
        writer = RowWriter(results_file, send_file, steps=len(spec.template.steps))
        try:
            for result in results:
                sendable = is_sendable(result)
                writer.write(result, sendable=sendable)
                summary.add(result, sendable=sendable)
                bar.update(summary.rows)
        finally:
            bar.close()
            with contextlib.suppress(Exception):
                results.close()  # type: ignore[attr-defined]
        data = {
            "schema": SCHEMA,
            "generated": datetime.now(UTC).replace(microsecond=0).isoformat(),
            "inputs": inputs,
            "template": [_short_template(t) for t in template_reports],
            **summary.to_dict(),
        }
        _write_text(out_dir / "summary.json", json.dumps(data, indent=2, ensure_ascii=False))
        _write_text(out_dir / "report.html", render_report(data, template_reports, summary.worst()))
    return data


def _write_text(path: Path, text: str) -> None:
    with atomic_write(path) as handle:
        handle.write(text if text.endswith("\n") else text + "\n")


def _short_template(report: dict[str, Any]) -> dict[str, Any]:
    keys = ("step", "day", "score", "band", "findings", "note")
    return {key: report[key] for key in keys if key in report}


def _suppressions(db: str | None) -> dict[str, Suppression]:
    from ..store.ledger import load_suppressions

    return {email.lower(): item for email, item in load_suppressions(db=db).items()}


def _tasks(
    rows: Iterator[Any],
    histories: HistorySource | None,
    suppressions: Mapping[str, Suppression],
) -> Iterator[Task]:
    for row in rows:
        if row.prospect is None:
            yield Task(row.row, row.line, row.email, error=row.error)
            continue
        messages, error = histories.lookup(row.prospect) if histories is not None else ((), None)
        yield Task(
            row.row,
            row.line,
            row.prospect.email,
            prospect=row.prospect,
            history=messages,
            history_error=error,
            suppression=suppressions.get(row.prospect.email.lower()),
        )


def check_template(spec: Spec) -> list[dict[str, Any]]:
    """Each step checked once with neutral sample values (offer only, earlier steps as history)."""
    from ..models import HistoryMessage
    from .rows import step_checker

    renderer = Renderer(spec.template)
    ctx = renderer.sample_context(spec.offer)
    history: list[HistoryMessage] = []
    reports = []
    for index, step in enumerate(spec.template.steps):
        rendered = renderer.render(index, ctx)
        sent_at = spec.start + timedelta(days=step.day)
        if rendered.error:
            # Sample values cannot stand in for everything (``facts[0].text`` with no facts):
            # say so, and let each row show whether its own values render.
            note = f"not checked on its own: with sample values, the {rendered.error}"
            reports.append(_step_report(step, None, "", None, []) | {"note": note})
            continue
        report = step_checker(spec.settings, step.ignores).check(
            rendered.body,
            subject=rendered.subject,
            offer=spec.offer,
            history=history if index else None,
            now=sent_at,
        )
        findings = [f.model_dump(mode="json") for f in report.findings]
        reports.append(_step_report(step, rendered.subject, rendered.body, report, findings))
        history.append(
            HistoryMessage(
                direction="out", sent_at=sent_at, subject=rendered.subject, body=rendered.body
            )
        )
    return reports


def _step_report(
    step: Step, subject: str | None, body: str, report: Report | None, findings: list[Any]
) -> dict[str, Any]:
    return {
        "step": step.number,
        "day": step.day,
        "subject": subject,
        "body": body,
        "score": report.score if report is not None else None,
        "band": report.band if report is not None else None,
        "findings": findings,
    }


def _estimate_rows(path: Path) -> int:
    """Lines in the file minus the header: a cheap total for the progress bar (0: unknown)."""
    if path.suffix.lower() in {".xlsx", ".xlsm", ".json", ".yaml", ".yml"}:
        return 0
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            count += chunk.count(b"\n")
    return max(0, count - (0 if path.suffix.lower() in {".jsonl", ".ndjson"} else 1))


class _Progress:
    """A one-line progress bar on stderr, only on a terminal, redrawn at most 10 times a second."""

    def __init__(self, total: int, *, enabled: bool, stream: IO[str] | None = None) -> None:
        self.total = total
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.last = 0.0
        self.done = 0

    def update(self, done: int) -> None:
        self.done = done
        now = time.monotonic()
        if not self.enabled or now - self.last < 0.1:
            return
        self.last = now
        rate = done / max(now - self.started, 1e-6)
        if self.total:
            frac = min(1.0, done / self.total)
            bar = "#" * int(frac * 30)
            text = f"\rpreflight [{bar:<30}] {done:,}/~{self.total:,} rows  {rate:,.0f} rows/s"
        else:
            text = f"\rpreflight {done:,} rows  {rate:,.0f} rows/s"
        self.stream.write(text)
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.last = 0.0
            self.update(self.done)
            self.stream.write("\n")
            self.stream.flush()


__all__ = ["PreflightResult", "check_template", "preflight"]
