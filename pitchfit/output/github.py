"""GitHub Actions workflow commands: one annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import CheckedEmail

_LEVEL = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def write_github(results: Sequence[CheckedEmail], stream: IO[str]) -> None:
    for item in results:
        for f in item.report.findings:
            line = max(f.span.line, 1) + item.line_offset if f.span.line else 1
            end_line = line + item.body[f.span.start : f.span.end].count("\n") if f.span.line else 1
            props = [
                f"file={_escape(item.path, prop=True)}",
                f"line={line}",
                f"col={f.span.column}",
                f"endLine={end_line}",
                f"title={_escape(f'{f.code} {f.name}', prop=True)}",
            ]
            stream.write(f"::{_LEVEL[f.severity]} {','.join(props)}::{_escape(f.message)}\n")
