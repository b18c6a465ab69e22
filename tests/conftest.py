"""Shared test helpers: where the third-party development data lives (read in place)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PITCHFIT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` (or $PITCHFIT_SHARED); tests that need it skip cleanly when absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"shared data not found at {SHARED} (set PITCHFIT_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT
