"""Campaign test helpers: an isolated suppression store and the example campaign's paths."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "campaign"
OFFER = ROOT / "examples" / "offer.yaml"


@pytest.fixture(autouse=True)
def _isolated_store(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read the developer's own suppression ledger: each test gets an empty store."""
    db = tmp_path_factory.mktemp("store") / "pitchfit.db"
    monkeypatch.setenv("PITCHFIT_DB", f"sqlite:///{db}")
