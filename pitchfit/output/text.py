"""Human output: each finding under its line with a caret span, then the points table."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import CheckedEmail
    from ..models import Finding, Report

_COLORS = {
    "error": "31",
    "warning": "33",
    "suggestion": "36",
    "dim": "2",
    "bold": "1",
    "send": "32",
    "revise": "33",
    "block": "31",
    "good": "32",
}


class _Paint:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled

    def __call__(self, text: str, style: str) -> str:
        if not self.enabled:
            return text
        return f"\x1b[{_COLORS[style]}m{text}\x1b[0m"


_WIDTH = 96


def _snippet(item: CheckedEmail, f: Finding, paint: _Paint) -> list[str]:
    if f.span.line == 0:
        subject = item.subject or ""
        gutter = "subj"
        underline = " " * f.span.start + "^" * max(1, f.span.end - f.span.start)
        return [
            f"  {paint(gutter, 'dim')} | {subject}",
            f"  {' ' * len(gutter)} | {paint(underline, f.severity)}",
        ]
    body = item.body
    line_start = body.rfind("\n", 0, f.span.start) + 1
    line_end = body.find("\n", f.span.start)
    line_end = len(body) if line_end == -1 else line_end
    text = body[line_start:line_end]
    number = str(f.span.line + item.line_offset)
    col = f.span.start - line_start
    width = max(1, min(f.span.end, line_end) - f.span.start)
    more = "…" if f.span.end > line_end else ""
    if len(text) > _WIDTH:  # show a window of the line around the span
        left = max(0, min(col - 20, len(text) - _WIDTH))
        cut = text[left : left + _WIDTH]
        text = ("…" if left else "") + cut + ("…" if left + _WIDTH < len(text) else "")
        col = col - left + (1 if left else 0)
        if col + width > len(text):
            width, more = max(1, len(text) - col), "…"
    underline = " " * col + "^" * width
    return [
        f"  {paint(number, 'dim')} | {text}",
        f"  {' ' * len(number)} | {paint(underline + more, f.severity)}",
    ]


def _summary(report: Report, paint: _Paint) -> list[str]:
    counts: dict[str, int] = {}
    for f in report.findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
    parts = [f"{n} {sev}{'s' if n > 1 else ''}" for sev, n in sorted(counts.items())]
    found = ", ".join(parts) if parts else "no findings"
    lang = f" · language {report.language}" if report.language else ""
    head = (
        f"score {paint(str(report.score), 'bold')}/100 · band {paint(report.band, report.band)}"
        f" · {found}{lang} · {report.chars} chars, {report.words} words"
    )
    lines = [head]
    from ..scoring import Scorer

    base = Scorer.load().base
    rows = [(base, "", "base", "where every email starts (fitted on labelled emails)")]
    rows += [(-f.points, f.code, f.name, f.message) for f in report.findings if f.points]
    rows += [(s.points, "", s.name, s.message) for s in report.strengths if s.points]
    raw = sum(r[0] for r in rows)
    if round(raw) != report.score:
        rows.append((report.score - raw, "", "cap", "the score stays within 0-100"))
    if rows:
        lines.append(paint("  points  code  name                        why", "dim"))
        for points, code, name, message in rows:
            sign = f"{points:+6.1f}"
            lines.append(
                f"  {paint(sign, 'good' if points > 0 else 'error')}  {code:4}  {name:27} {message}"
            )
    if report.skipped:
        by_need: dict[str, list[str]] = {}
        for s in report.skipped:
            by_need.setdefault(" and ".join(s.needs), []).append(s.name)
        for need, names in sorted(by_need.items()):
            lines.append(paint(f"  skipped (needs {need}): {', '.join(names)}", "dim"))
    return lines


def write_text(results: Sequence[CheckedEmail], stream: IO[str], *, color: bool = False) -> None:
    paint = _Paint(color)
    for n, item in enumerate(results):
        if n:
            stream.write("\n")
        report = item.report
        for f in report.findings:
            line = f.span.line + item.line_offset if f.span.line else 0
            where = f"{item.path}:{line}:{f.span.column}" if f.span.line else f"{item.path}:subject"
            stream.write(
                f"{paint(where, 'bold')}: {paint(f.code, f.severity)} "
                f"[{f.severity}] {f.name}: {f.message}\n"
            )
            for row in _snippet(item, f, paint):
                stream.write(row + "\n")
            if f.fix is not None:
                tag = " (safe: --fix applies it)" if f.fix.applicability == "safe" else ""
                stream.write(f"  {paint('= fix:', 'dim')} {f.fix.title}{tag}\n")
        if report.findings:
            stream.write("\n")
        stream.write(f"{paint(item.path, 'bold')}: ")
        stream.write("\n".join(_summary(report, paint)) + "\n")
