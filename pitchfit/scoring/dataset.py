"""Labelled emails for calibration and rule statistics, read in place from ``../shared``.

Records marked ``is_template`` hold merge fields *by design* (data/README.md): they are filled
with neutral values before checking, so a template's ``{{First_Name}}`` is not counted as a
mail-merge failure while a real email's left-over ``[First Name]`` still is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_FILL = {  # most specific first: "similar company" is not "company", "your name" not "name"
    "similar": "Contoso",
    "your": "Sam",
    "colleague": "Robin",
    "link": "https://example.com/report",
    "function": "sales operations",
    "specific": "expanded the sales team to 15 reps",
    "observation": "expanded the sales team to 15 reps",
    "first": "Dana",
    "company": "Northwind",
    "name": "Dana",
    "industry": "logistics",
    "me": "Sam",
}
_MERGE = re.compile(
    r"\{\{\s*([^{}]{1,60}?)\s*\}\}|\{([A-Za-z_][\w ]{0,40})\}|\[\[([^\]\n]{1,40})\]\]"
    r"|\[([A-Za-z][^\]\n]{0,160})\]|%([A-Z_]{2,30})%|<([A-Z][A-Z _]{1,30})>"
)


@dataclass(frozen=True)
class LabelledEmail:
    id: str
    subject: str | None
    body: str
    bad: bool
    source: str
    is_template: bool
    truncated: bool


def fill_merge_fields(text: str) -> str:
    """Replace merge fields with neutral values (only for records that are templates)."""

    def repl(m: re.Match[str]) -> str:
        field = next(g for g in m.groups() if g is not None).lower()
        for key, value in _FILL.items():
            if key in field:
                return value
        return "Dana" if "name" in field else "the team"

    return _MERGE.sub(repl, text)


def load_shared_emails(shared: Path) -> Iterator[LabelledEmail]:
    """``data/emails.jsonl`` as LabelledEmail (``mixed`` verdicts are left out: no label)."""
    path = shared / "data" / "emails.jsonl"
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        if rec["verdict"] not in ("good", "bad"):
            continue
        body, subject = rec["body"], rec.get("subject")
        if rec.get("is_template"):
            body = fill_merge_fields(body)
            subject = fill_merge_fields(subject) if subject else subject
        yield LabelledEmail(
            id=rec["id"],
            subject=subject,
            body=body,
            bad=rec["verdict"] == "bad",
            source=rec.get("source_url", ""),
            is_template=bool(rec.get("is_template")),
            truncated=bool(rec.get("truncated")),
        )


def own_data_files(root: Path) -> list[Path]:
    """Our own labelled files, ``examples/labelled/*.jsonl``, in a stable order."""
    return sorted((root / "examples" / "labelled").glob("*.jsonl"))


def load_own_emails(root: Path) -> Iterator[LabelledEmail]:
    """Our own labelled emails: ``examples/labelled/*.jsonl`` (id, subject, body, verdict).

    ``source`` is the file, so a whole file counts as one source when weighting by source.
    """
    for path in own_data_files(root):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            if rec["verdict"] not in ("good", "bad"):
                continue
            yield LabelledEmail(
                id=rec.get("id", f"{path.stem}-{n}"),
                subject=rec.get("subject"),
                body=rec["body"],
                bad=rec["verdict"] == "bad",
                source=f"examples/labelled/{path.name}",
                is_template=False,
                truncated=bool(rec.get("truncated")),
            )


def data_hash(paths: list[Path]) -> str:
    """sha256 over the files' bytes, for the calibration's provenance."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
