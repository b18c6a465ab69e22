"""Shared fixtures: the example offer and prospects every fit test reads."""

from __future__ import annotations

from pathlib import Path

import pytest

from pitchfit.io import load_offer, read_structured, validate
from pitchfit.models import Offer, Prospect
from pitchfit.text import embed

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"

requires_model = pytest.mark.skipif(not embed.installed(), reason="embedding model not installed")


def load_prospects(path: Path) -> list[Prospect]:
    data = read_structured(path)
    return [validate(Prospect, d, where=f"{path}[{i}]") for i, d in enumerate(data)]


@pytest.fixture(scope="session")
def offer() -> Offer:
    return load_offer(EXAMPLES / "offer.yaml")


@pytest.fixture(scope="session")
def prospects() -> list[Prospect]:
    return load_prospects(EXAMPLES / "prospects.yaml")


@pytest.fixture(scope="session")
def by_id(prospects: list[Prospect]) -> dict[str, Prospect]:
    return {p.id or "": p for p in prospects}
