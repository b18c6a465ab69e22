"""false-premise must not cry wolf: "enterprise" about a product or their customers is no
claim that the prospect is large."""

from __future__ import annotations

import pytest

from pitchfit.fit.premise import contradictions
from pitchfit.models import Prospect

SMALL = Prospect(name="Ana Ruiz", company="Brightwave", company_size=95)


@pytest.mark.parametrize(
    "text",
    [
        "Congrats on the enterprise tier launch last week.",
        "We help teams that sell to enterprise customers ramp faster.",
        "As an enterprise customer of ours, Northwind cut ramp time in half.",
    ],
)
def test_enterprise_as_a_product_or_market_word_is_not_a_premise(text: str) -> None:
    assert list(contradictions(text, SMALL)) == []


@pytest.mark.parametrize(
    "text",
    ["As an enterprise, you need a process.", "A Fortune 500 company like yours needs this."],
)
def test_calling_a_small_company_large_is_a_premise(text: str) -> None:
    (found,) = contradictions(text, SMALL)
    assert "95 employees" in found[2]
