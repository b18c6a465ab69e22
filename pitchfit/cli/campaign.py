"""``pitchfit campaign preflight``: a thin shell over :func:`pitchfit.campaign.preflight`."""

from __future__ import annotations

import json
from typing import Any

import click

SEVERITIES = ("suggestion", "warning", "error")


@click.group()
def campaign() -> None:
    """Check a whole campaign before it goes out."""


@campaign.command()
@click.option("--prospects", required=True, help="CSV/TSV, JSONL, JSON/YAML list or XLSX.")
@click.option(
    "--template", required=True, help="Jinja2 email (optional Subject: line) or YAML sequence."
)
@click.option("--offer", required=True, help="The offer (YAML or JSON).")
@click.option(
    "--history", default=None, help="Folder of <email>.yaml files, or one file keyed by email."
)
@click.option(
    "--db",
    default=None,
    help="Suppression store URL (default: config `store`, else env PITCHFIT_DB).",
)
@click.option(
    "--out", required=True, help="Folder for results.jsonl, send.csv, summary.json, report.html."
)
@click.option(
    "--workers", type=click.IntRange(min=1), default=None, help="Processes (default: all cores)."
)
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", default=None, help="Dask scheduler address (with --engine dask).")
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default=None,
    help="Exit 1 on a finding at or above this (default from config: error).",
)
@click.option(
    "--map", "mapping", default=None, help="Column mapping, e.g. 'title=Job Title,company=Account'."
)
@click.option(
    "--fit-method",
    type=click.Choice(["lexical", "semantic", "auto"]),
    default="lexical",
    show_default=True,
)
@click.option(
    "--encoding", default=None, help="Encoding of the prospects file (default: detected)."
)
@click.option(
    "--start", type=click.DateTime(), default=None, help="When step 1 goes out (default: now)."
)
@click.option("--config", default=None, help="pitchfit.toml to use (default: the nearest one).")
@click.option("--select", multiple=True, help="Rules to run (codes, prefixes, names).")
@click.option("--ignore", multiple=True, help="Rules to skip.")
@click.option("--force", is_flag=True, help="Write into --out even if it holds other files.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="How to print the summary.",
)
def preflight(
    prospects: str,
    template: str,
    offer: str,
    history: str | None,
    db: str | None,
    out: str,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    fail_on: str | None,
    mapping: str | None,
    fit_method: str,
    encoding: str | None,
    start: Any,
    config: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    force: bool,
    quiet: bool,
    fmt: str,
) -> int:
    """Render, check and fit every email of a campaign; block what must not go out.

    Exit code 0 when every row may be sent, 1 when a row is blocked (or has a finding at or
    above --fail-on), 2 when an input is unusable.
    """
    from ..campaign import preflight as run
    from .check_run import build_settings

    settings = build_settings(config, select=select, ignore=ignore, fail_on=fail_on)
    result = run(
        prospects,
        template,
        offer,
        out=out,
        history=history,
        db=db,
        workers=workers,
        engine=engine,
        scheduler=scheduler,
        fail_on=fail_on,
        map=mapping,
        fit_method=fit_method,
        settings=settings,
        encoding=encoding,
        start=start,
        force=force,
        progress=None if not quiet else False,
    )
    if fmt == "json":
        click.echo(json.dumps(_short(result.summary), indent=2, ensure_ascii=False))
    elif not quiet:
        click.echo(_text_summary(result.summary, str(result.report)))
    ctx = click.get_current_context()
    ctx.exit(result.exit_code)
    return result.exit_code


def _short(summary: dict[str, Any]) -> dict[str, Any]:
    keys = ("rows", "to_send", "bands", "blocked", "unreadable", "segments", "blocked_reasons")
    return {key: summary[key] for key in keys} | {"exit_code": summary["exit_code"]}


def _text_summary(summary: dict[str, Any], report: str) -> str:
    bands = summary["bands"]
    lines = [
        f"{summary['rows']} rows: {summary['to_send']} ready to send, "
        f"{bands.get('revise', 0)} to revise, {summary['blocked']} blocked "
        f"({summary['unreadable']} unreadable)",
    ]
    if summary["score"]["mean"] is not None:
        lines.append(f"mean score {summary['score']['mean']}")
    if summary["segments"]:
        segs = ", ".join(f"{k} {v}" for k, v in sorted(summary["segments"].items()))
        lines.append(f"segments: {segs}")
    for item in summary["template"]:
        names = sorted({f["name"] for f in item["findings"]})
        what = ", ".join(names) if names else "no findings"
        step = f" step {item['step']}" if len(summary["template"]) > 1 else ""
        if item.get("note"):
            lines.append(f"template{step}: {item['note']}")
        else:
            lines.append(f"template{step}: score {item['score']} ({item['band']}): {what}")
    if summary["empty_fields"]:
        empty = ", ".join(f"{k} {v}" for k, v in summary["empty_fields"].items())
        lines.append(f"empty merge fields (rows): {empty}")
    if summary["findings_by_rule"]:
        top = ", ".join(f"{r['name']} {r['rows']}" for r in summary["findings_by_rule"][:5])
        lines.append(f"top findings (rows): {top}")
    for reason, count in summary["blocked_reasons"].items():
        lines.append(f"blocked: {count} × {reason}")
    for item in summary["blocked_rows"][:10]:
        lines.append(f"  row {item['row']} {item.get('email') or ''}: {item['reason']}")
    if summary["blocked"] > 10:
        lines.append(f"  … and {summary['blocked'] - 10} more (see results.jsonl)")
    lines.append(f"report: {report}")
    return "\n".join(lines)
