"""``pitchfit fit``: segment prospects against an offer, with the evidence behind each call."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from ..fit import FitResult
    from ..models import Offer, Prospect

FORMATS = ("text", "json", "jsonl", "csv")
CSV_COLUMNS = (
    "id",
    "segment",
    "score",
    "name",
    "company",
    "title",
    "wrong_person",
    "ask_for",
    "top_reason",
    "reasons",
    "disqualified_by",
    "evidence",
    "unknowns",
    "method",
)


@click.command("fit")
@click.option(
    "--offer",
    "offer_path",
    required=True,
    type=click.Path(dir_okay=False),
    help="The offer (YAML/JSON).",
)
@click.option(
    "--prospect",
    "prospect_path",
    type=click.Path(dir_okay=False),
    help="One prospect profile (YAML/JSON).",
)
@click.option(
    "--prospects",
    "prospects_path",
    type=click.Path(dir_okay=False),
    help="Many prospects: CSV (any CRM export), JSON, JSONL or YAML list.",
)
@click.option(
    "--map",
    "mapping",
    metavar="FIELD=Header,...",
    help="Map CRM columns to prospect fields, e.g. title=Job Title.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the output to FILE (atomically)."
)
@click.option(
    "--method",
    type=click.Choice(("auto", "semantic", "lexical")),
    default=None,
    help="Semantic (embedding model) or lexical matching [fit-method in pitchfit.toml, else auto].",
)
@click.option("--fast", is_flag=True, help="Lexical matching only (same as --method lexical).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for large files.",
)
@click.option(
    "--sort",
    type=click.Choice(("input", "segment", "score")),
    default="input",
    show_default=True,
    help="Row order: as in the file, by segment (A first, then score), or by score.",
)
@click.option("--config", metavar="FILE", help="pitchfit.toml or pyproject.toml to use.")
@click.option(
    "--db",
    metavar="URL",
    help="Store with the suppression ledger [PITCHFIT_DB]: listed people are X.",
)
@click.option(
    "--segment", "segments", metavar="A,B,...", help="Only show these segments (e.g. A,B)."
)
def fit(
    offer_path: str,
    prospect_path: str | None,
    prospects_path: str | None,
    mapping: str | None,
    fmt: str,
    output: str | None,
    method: str | None,
    fast: bool,
    workers: int,
    sort: str,
    config: str | None,
    db: str | None,
    segments: str | None,
) -> None:
    """Score prospect-offer fit: segment A/B/C/X, the evidence, and the wrong person.

    A = strong evidence of a need and the person buys; B = plausible need, thin evidence (or
    the right company but the wrong person: ask who owns it); C = in the market, no evidence
    yet; X = disqualified, never pitch.
    """
    from ..fit.batch import fit_all, load_ledger
    from ..io import atomic_write, load_offer, load_prospect

    if (prospect_path is None) == (prospects_path is None):
        raise UsageError("give exactly one of --prospect FILE or --prospects FILE", where="fit")
    from ..config import load_settings

    settings = load_settings(config)  # the same fit-method and store as `check`
    if fast:
        method = "lexical"
    method = method or settings.fit_method
    db = db or settings.store
    wanted = _parse_segments(segments)
    offer = load_offer(offer_path)
    if not offer.needs:
        click.echo(
            f"pitchfit: warning: {offer_path}: the offer lists no needs, so no prospect "
            "can show evidence of one (A and B are out of reach)",
            err=True,
        )
    if prospect_path is not None:
        prospects = [load_prospect(prospect_path)]
    else:
        assert prospects_path is not None
        prospects = _read_many(prospects_path, mapping)
    ledger = load_ledger(db)
    results = fit_all(prospects, offer, method=method, workers=workers, suppressions=ledger)
    pairs = [
        (p, r)
        for p, r in zip(prospects, results, strict=True)
        if wanted is None or r.segment in wanted
    ]
    if sort == "segment":
        pairs.sort(key=lambda pr: ("ABCX".index(pr[1].segment), -pr[1].score))
    elif sort == "score":
        pairs.sort(key=lambda pr: -pr[1].score)
    single = prospect_path is not None
    text = _render(pairs, offer, fmt, single=single)
    if output:
        with atomic_write(output) as handle:
            handle.write(text)
    else:
        click.echo(text, nl=False)


def _parse_segments(spec: str | None) -> set[str] | None:
    if not spec:
        return None
    out = {s.strip().upper() for s in spec.split(",") if s.strip()}
    bad = out - {"A", "B", "C", "X"}
    if bad:
        raise UsageError(f"unknown segment {sorted(bad)[0]!r} (A, B, C or X)", where="--segment")
    return out


def _read_many(path: str, mapping_spec: str | None) -> list[Prospect]:
    """Read every usable row; report unusable ones on stderr with their line (never silently)."""
    from ..errors import InputError
    from ..prospect_io import iter_prospect_rows, parse_mapping

    prospects: list[Prospect] = []
    errors = 0
    for row in iter_prospect_rows(path, mapping=parse_mapping(mapping_spec), require_email=False):
        if row.prospect is not None:
            prospects.append(row.prospect)
        else:
            errors += 1
            click.echo(
                f"pitchfit: warning: {path}:{row.line}: row {row.row} skipped: {row.error}",
                err=True,
            )
    if not prospects:
        raise InputError(
            "no usable prospects" + (f" ({errors} rows had errors)" if errors else ""),
            where=str(Path(path)),
        )
    return prospects


def _render(
    pairs: list[tuple[Prospect, FitResult]], offer: Offer, fmt: str, *, single: bool
) -> str:
    if fmt == "json":
        data: Any = [r.to_dict() for _, r in pairs]
        if single and len(data) == 1:
            data = data[0]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for _, r in pairs)
    if fmt == "csv":
        return _csv(pairs)
    if single and len(pairs) == 1:
        return _detail(*pairs[0], offer)
    return _table(pairs, offer)


def _csv(pairs: list[tuple[Prospect, FitResult]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p, r in pairs:
        top = r.evidence[0].quote if r.evidence else ""
        writer.writerow(
            [
                r.id,
                r.segment,
                r.score,
                p.name,
                p.company,
                p.title,
                str(r.wrong_person).lower(),
                r.ask_for or "",
                r.top_reason,
                " | ".join(r.reasons),
                ";".join(r.disqualified_by),
                top,
                ";".join(r.unknowns),
                r.method,
            ]
        )
    return buf.getvalue()


def _cell(text: str, width: int) -> str:
    if text.strip().isdigit():
        return text.strip().rjust(width)
    text = " ".join(text.split())
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def _table(pairs: list[tuple[Prospect, FitResult]], offer: Offer) -> str:
    width = shutil.get_terminal_size((160, 24)).columns if sys.stdout.isatty() else 160
    cols = [("SEG", 3), ("SCORE", 5), ("NAME", 18), ("COMPANY", 16), ("TITLE", 22)]
    fixed = sum(w + 2 for _, w in cols)
    why = max(30, width - fixed)
    lines = ["  ".join(_cell(h, w) for h, w in cols) + "  WHY"]
    for p, r in pairs:
        row = [r.segment, str(r.score), p.name or r.id, p.company, p.title]
        lines.append(
            "  ".join(_cell(v, w) for v, (_, w) in zip(row, cols, strict=True))
            + "  "
            + _cell(r.top_reason, why).rstrip()
        )
    lines.append("")
    lines.append(_summary([r for _, r in pairs], offer))
    return "\n".join(lines) + "\n"


def _summary(results: list[FitResult], offer: Offer) -> str:
    counts = {s: sum(1 for r in results if r.segment == s) for s in "ABCX"}
    wrong = sum(1 for r in results if r.wrong_person and r.segment != "X")
    methods = sorted({r.method for r in results}) or ["-"]
    parts = " · ".join(f"{s} {n}" for s, n in counts.items())
    return (
        f"{len(results)} prospects for {offer.name}: {parts} · wrong person {wrong} · "
        f"method {', '.join(methods)}"
    )


def _detail(p: Prospect, r: FitResult, offer: Offer) -> str:
    from ..fit import SEGMENT_MEANING

    who = " · ".join(x for x in (p.name, p.title, p.company) if x) or r.id
    lines = [
        f"{who}",
        f"segment {r.segment} ({SEGMENT_MEANING[r.segment]}) · score "
        f"{r.score}/100 · method {r.method}",
        "",
    ]
    lines += [f"  - {reason}" for reason in r.reasons]
    if r.evidence:
        lines += ["", "evidence:"]
        lines += [f"  {e.strength:.2f}  {e.need} ← “{e.quote}” ({e.source})" for e in r.evidence]
    if r.wrong_person and r.referral_note:
        lines += [
            "",
            f"ask for: {r.ask_for}",
            "instead of the pitch, send:",
            f"  {r.referral_note}",
        ]
    if r.unknowns:
        lines += ["", f"unknown: {', '.join(r.unknowns)}"]
    return "\n".join(lines) + "\n"
