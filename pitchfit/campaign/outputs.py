"""Streaming writers for results.jsonl and send.csv, and the running summary of a preflight.

Rows are written as they arrive and forgotten; only counts, the blocked list (capped) and the
few worst emails are kept, so memory stays flat however many rows there are.
"""

from __future__ import annotations

import csv
import heapq
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError

OUTPUTS = ("results.jsonl", "send.csv", "summary.json", "report.html")
BLOCKED_KEPT = 2000
WORST_KEPT = 10
_SEVERITY = {"suggestion": 1, "warning": 2, "error": 3}


def prepare_out(out: str | Path, *, force: bool) -> Path:
    """The output folder, refusing one that holds files we did not write (unless ``force``)."""
    path = Path(out)
    if path.exists() and not path.is_dir():
        raise InputError("exists and is not a folder", where=str(path))
    if path.is_dir() and not force:
        others = sorted(
            p.name
            for p in path.iterdir()
            if p.name not in OUTPUTS and not (p.name.startswith(".") and p.name.endswith(".tmp"))
        )
        if others:
            shown = ", ".join(others[:3]) + (" …" if len(others) > 3 else "")
            raise InputError(
                f"holds other files ({shown}); choose an empty folder or pass --force",
                where=str(path),
            )
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass
class Summary:
    """Running totals over every row, plus the rows worth showing in the report."""

    fail_on: int
    rows: int = 0
    unreadable: int = 0
    blocked: int = 0
    to_send: int = 0
    bands: Counter[str] = field(default_factory=Counter)
    segments: Counter[str] = field(default_factory=Counter)
    histogram: list[int] = field(default_factory=lambda: [0] * 10)
    score_total: int = 0
    scored: int = 0
    rule_rows: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    rule_hits: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    blocked_rows: list[dict[str, Any]] = field(default_factory=list)
    blocked_reasons: Counter[str] = field(default_factory=Counter)
    at_or_above_fail_on: int = 0
    empty_fields: Counter[str] = field(default_factory=Counter)
    _worst: list[tuple[int, int, str]] = field(default_factory=list)  # (-score, -row, id)
    _worst_rows: dict[int, dict[str, Any]] = field(default_factory=dict)

    def add(self, result: dict[str, Any], *, sendable: bool) -> None:
        """Count one row's result."""
        self.rows += 1
        if result.get("error"):
            self.unreadable += 1
        self.bands[result["band"]] += 1
        self.segments[result.get("segment") or "unreadable"] += 1
        if sendable:
            self.to_send += 1
        score = result.get("score")
        if isinstance(score, int):
            self.histogram[min(score // 10, 9)] += 1
            self.score_total += score
            self.scored += 1
        seen: set[tuple[str, str, str]] = set()
        worst = 0
        for finding in result["findings"]:
            key = (finding["code"], finding["name"], finding["severity"])
            self.rule_hits[key] += 1
            seen.add(key)
            worst = max(worst, _SEVERITY.get(finding["severity"], 0))
        for key in seen:
            self.rule_rows[key] += 1
        self.empty_fields.update(result.get("empty_fields", ()))
        if worst >= self.fail_on:
            self.at_or_above_fail_on += 1
        reason = result.get("blocked_reason")
        if reason:
            self.blocked += 1
            self.blocked_reasons[_reason_kind(reason)] += 1
            if len(self.blocked_rows) < BLOCKED_KEPT:
                self.blocked_rows.append(
                    {
                        "row": result["row"],
                        "id": result.get("id"),
                        "email": result.get("email"),
                        "reason": reason,
                        "suppression": result.get("suppression"),
                    }
                )
        if isinstance(score, int) and result.get("emails"):
            self._keep_worst(result, score)

    def _keep_worst(self, result: dict[str, Any], score: int) -> None:
        item = (-score, -result["row"], result.get("id") or "")
        if len(self._worst) < WORST_KEPT:
            heapq.heappush(self._worst, item)
        elif item > self._worst[0]:
            dropped = heapq.heapreplace(self._worst, item)
            self._worst_rows.pop(-dropped[1], None)
        else:
            return
        self._worst_rows[result["row"]] = result

    def worst(self) -> list[dict[str, Any]]:
        """The lowest-scoring rendered emails, worst first."""
        return [self._worst_rows[-row] for _, row, _ in sorted(self._worst, reverse=True)]

    @property
    def exit_code(self) -> int:
        """1 when any row is blocked or has a finding at or above ``fail_on``."""
        return 1 if self.blocked or self.at_or_above_fail_on else 0

    def to_dict(self) -> dict[str, Any]:
        """The ``summary.json`` body (without the run's inputs, which the caller adds)."""
        keys = sorted(self.rule_hits, key=lambda k: (-self.rule_rows[k], k[0]))
        rules = [
            {"code": c, "name": n, "severity": s, "rows": self.rule_rows[(c, n, s)]}
            | {"hits": self.rule_hits[(c, n, s)]}
            for c, n, s in keys
        ]
        return {
            "rows": self.rows,
            "unreadable": self.unreadable,
            "blocked": self.blocked,
            "to_send": self.to_send,
            "bands": dict(sorted(self.bands.items())),
            "segments": dict(sorted(self.segments.items())),
            "score": {
                "mean": round(self.score_total / self.scored, 1) if self.scored else None,
                "histogram": [
                    {"from": i * 10, "to": i * 10 + 9 + (i == 9), "rows": n}
                    for i, n in enumerate(self.histogram)
                ],
            },
            "findings_by_rule": rules,
            "blocked_reasons": dict(self.blocked_reasons.most_common()),
            "empty_fields": dict(self.empty_fields.most_common()),
            "blocked_rows": self.blocked_rows,
            "blocked_rows_truncated": self.blocked > len(self.blocked_rows),
            "exit_code": self.exit_code,
        }


def _reason_kind(reason: str) -> str:
    for prefix, kind in (
        ("unreadable", "unreadable row"),
        ("status", "status in prospects file"),
        ("suppressed", "suppression ledger"),
        ("said no", "said no (history)"),
        ("history", "unreadable history"),
        ("disqualified", "disqualified (X)"),
        ("error finding", "error finding"),
    ):
        if reason.startswith(prefix):
            return kind
    return "other"


class RowWriter:
    """Writes each result as it comes: one JSON line per row, a CSV line per sendable row."""

    def __init__(self, results: IO[str], send: IO[str], *, steps: int) -> None:
        self.results = results
        self.steps = steps
        self.csv = csv.writer(send)
        header = ["row", "id", "email", "name", "company", "segment", "score"]
        if steps == 1:
            header += ["subject", "body"]
        else:
            for n in range(1, steps + 1):
                header += [f"day_{n}", f"subject_{n}", f"body_{n}"]
        self.csv.writerow(header)

    def write(self, result: dict[str, Any], *, sendable: bool) -> None:
        """Append one row's result (and its emails to send.csv when it may be sent)."""
        self.results.write(json.dumps(result, ensure_ascii=False, separators=(",", ":")))
        self.results.write("\n")
        if not sendable:
            return
        cells: list[Any] = [
            result["row"],
            result["id"],
            result["email"],
            result.get("name", ""),
            result.get("company", ""),
            result.get("segment") or "",
            result["score"],
        ]
        for email in result.get("emails", []):
            if self.steps > 1:
                cells.append(email["day"])
            cells += [email["subject"] or "", email["body"]]
        self.csv.writerow(cells)


def is_sendable(result: dict[str, Any]) -> bool:
    """Only rows in band ``send`` with nothing blocking them go to send.csv."""
    return result["band"] == "send" and not result.get("blocked_reason")
