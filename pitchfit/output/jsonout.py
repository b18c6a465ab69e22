"""JSON Lines: one ``pitchfit/1`` report per email, in input order (see docs/wire.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from ..engine import CheckedEmail


def write_json(results: Sequence[CheckedEmail], stream: TextIO) -> None:
    for item in results:
        stream.write(json.dumps(item.report.to_json_dict(), ensure_ascii=False) + "\n")
