"""Applying fixes: the edits of ``safe`` fixes, non-overlapping, applied back to front."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .report import Edit, Finding


def safe_edits(findings: Iterable[Finding], *, unsafe: bool = False) -> list[Edit]:
    """Edits of safe fixes (and unsafe ones when asked), without overlaps (first wins)."""
    chosen: list[Edit] = []
    for f in findings:
        if f.fix is None or not f.fix.edits or f.span.line == 0:
            continue
        if f.fix.applicability != "safe" and not (unsafe and f.fix.applicability == "unsafe"):
            continue
        edits = sorted(f.fix.edits, key=lambda e: e.start)
        if any(_overlaps(e, c) for e in edits for c in chosen):
            continue
        chosen.extend(edits)
    return sorted(chosen, key=lambda e: e.start)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with ``edits`` applied (they must not overlap)."""
    out = text
    for e in sorted(edits, key=lambda e: e.start, reverse=True):
        out = out[: e.start] + e.replacement + out[e.end :]
    return out


def unified_diff(before: str, after: str, path: str) -> str:
    """A unified diff of the fix, for ``--diff``."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def _overlaps(a: Edit, b: Edit) -> bool:
    return (a.start < b.end and b.start < a.end) or (a.start == b.start == a.end == b.end)
