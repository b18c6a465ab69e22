"""JSON Lines: one ``pitchfit/1`` report per email, in input order (see docs/wire.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import CheckedEmail


def write_json(results: Sequence[CheckedEmail], stream: IO[str]) -> None:
    for item in results:
        stream.write(json.dumps(item.report.to_json_dict(), ensure_ascii=False) + "\n")
