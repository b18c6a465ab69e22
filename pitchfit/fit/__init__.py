"""Prospect ↔ offer fit with the evidence behind it: segment A/B/C/X, right company but
wrong person, and the referral ask instead of a pitch.

``fit(prospect, offer)`` for one; ``FitEngine(offer)`` for many (the offer is prepared once).
"""

from __future__ import annotations

from .engine import (
    METHODS,
    FitEngine,
    engine_for,
    fit,
    prospect_id,
    referral_note,
    referral_question,
)
from .result import SEGMENT_MEANING, Evidence, FitResult, Segment

__all__ = [
    "METHODS",
    "SEGMENT_MEANING",
    "Evidence",
    "FitEngine",
    "FitResult",
    "Segment",
    "engine_for",
    "fit",
    "prospect_id",
    "referral_note",
    "referral_question",
]
