"""Output formats for checked emails: text, json, sarif, github.

Each writer takes the same list of :class:`~pitchfit.engine.CheckedEmail` and a stream.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import CheckedEmail

FORMATS = ("text", "json", "sarif", "github")


def write(
    results: Sequence[CheckedEmail], fmt: str, stream: IO[str], *, color: bool = False
) -> None:
    """Write ``results`` in ``fmt`` to ``stream``."""
    if fmt == "text":
        from .text import write_text

        write_text(results, stream, color=color)
    elif fmt == "json":
        from .jsonout import write_json

        write_json(results, stream)
    elif fmt == "sarif":
        from .sarif import write_sarif

        write_sarif(results, stream)
    elif fmt == "github":
        from .github import write_github

        write_github(results, stream)
    else:
        raise ValueError(f"unknown format {fmt!r}")
