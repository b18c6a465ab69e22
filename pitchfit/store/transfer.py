"""Ledger export and import as CSV or JSON, so a ledger can move between tools and stores.

Exports are written atomically (temporary file, then rename). Imports are validated whole
before anything is stored, and each problem names the file and the line or item.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError
from ..io import atomic_write
from ..models import Suppression
from .ledger import as_utc, check_reason, normalize_email

Format = Literal["csv", "json"]
FIELDS = ("email", "reason", "at", "evidence", "source", "campaign")


def guess_format(path: str, fmt: str | None) -> Format:
    """``--format`` if given, else the file extension, else CSV."""
    if fmt in ("csv", "json"):
        return fmt  # type: ignore[return-value]
    return "json" if path.lower().endswith(".json") else "csv"


def _row(entry: Suppression) -> dict[str, str]:
    return {
        "email": entry.email,
        "reason": entry.reason,
        "at": entry.at.isoformat() if entry.at else "",
        "evidence": entry.evidence,
        "source": entry.source,
        "campaign": entry.campaign or "",
    }


def render(entries: list[Suppression], fmt: Format) -> str:
    """The entries as CSV (header + rows) or a JSON array."""
    if fmt == "json":
        rows = [entry.model_dump(mode="json") for entry in entries]
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(_row(entry) for entry in entries)
    return out.getvalue()


def write(entries: list[Suppression], path: str, fmt: Format) -> None:
    """Write to ``path`` atomically, or to stdout for ``-``."""
    text = render(entries, fmt)
    if path == "-":
        sys.stdout.write(text)
        return
    with atomic_write(path) as handle:
        handle.write(text)


def _entry(data: dict[str, Any], *, where: str, default_reason: str) -> Suppression:
    if not isinstance(data, dict):
        raise InputError("expected an object with an email field", where=where)
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise InputError(f"unknown field {unknown[0]!r} (use {', '.join(FIELDS)})", where=where)
    email = normalize_email(str(data.get("email") or ""), where=where)
    reason = check_reason(str(data.get("reason") or default_reason), where=where)
    at_text = str(data.get("at") or "").strip()
    at: datetime | None = None
    if at_text:
        try:
            at = as_utc(datetime.fromisoformat(at_text.replace("Z", "+00:00")))
        except ValueError:
            raise InputError(f"at: not an ISO 8601 date: {at_text!r}", where=where) from None
    return Suppression(
        email=email,
        reason=reason,
        at=at,
        evidence=str(data.get("evidence") or ""),
        source=str(data.get("source") or ""),
        campaign=str(data.get("campaign") or "") or None,
    )


def read(path: str, fmt: Format, *, default_reason: str = "manual") -> list[Suppression]:
    """Read and validate every entry of a CSV or JSON ledger file."""
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", where=path) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=path) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=path) from None
    if fmt == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", where=f"{path}:{exc.lineno}") from None
        if isinstance(data, dict) and "suppressions" in data:
            data = data["suppressions"]
        if not isinstance(data, list):
            raise InputError("expected a JSON array of entries", where=path)
        return [
            _entry(item, where=f"{path}: item {i}", default_reason=default_reason)
            for i, item in enumerate(data, start=1)
        ]
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "email" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputError("the CSV needs a header row with an 'email' column", where=f"{path}:1")
    entries = []
    for row in reader:
        where = f"{path}:{reader.line_num}"
        if None in row:
            raise InputError("more values than header columns", where=where)
        clean = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
        if not any(clean.values()):
            continue
        entries.append(_entry(clean, where=where, default_reason=default_reason))
    return entries
