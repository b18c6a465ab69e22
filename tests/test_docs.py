"""The generated docs match the code, and every command and setting is documented."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_generated_docs_are_current() -> None:
    proc = subprocess.run(
        [sys.executable, "scripts/gen_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_config_key_is_documented() -> None:
    from pitchfit.config import _TOP_KEYS

    text = (ROOT / "docs" / "configuration.md").read_text("utf-8")
    for key in _TOP_KEYS:
        assert f"`{key}`" in text, f"config key {key} undocumented"


def test_readme_quickstart_names_the_test_command_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "python -m pytest" in readme and "python -m pytest" in ci
