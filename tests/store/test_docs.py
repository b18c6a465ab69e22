"""docs/store.md must name every store command and option (it fails when one is added silently)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from pitchfit.cli.replies_store import ingest
from pitchfit.cli.suppress import suppress

DOC = Path(__file__).resolve().parents[2] / "docs" / "store.md"


def _commands() -> list[tuple[str, click.Command]]:
    found: list[tuple[str, click.Command]] = [("pitchfit replies ingest", ingest)]
    for name, command in sorted(suppress.commands.items()):
        found.append((f"pitchfit suppress {name}", command))
    return found


@pytest.mark.parametrize(("name", "command"), _commands(), ids=lambda v: getattr(v, "name", v))
def test_every_command_and_option_is_documented(name: str, command: click.Command) -> None:
    text = DOC.read_text(encoding="utf-8")
    assert name in text
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                if flag.startswith("--"):
                    assert flag in text, f"{name} {flag} is not in docs/store.md"
