"""Wire types: what pitchfit reads (prospects, offers, history) and writes (reports).

These are pydantic models because they sit at the boundary (files, CLI, HTTP); the field
names are the public contract documented in ``docs/wire.md``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .report import (
    SCHEMA,
    Applicability,
    Band,
    Edit,
    Finding,
    Fix,
    Report,
    Severity,
    Skipped,
    Span,
    Strength,
)

ProspectStatus = Literal["active", "replied", "declined", "unsubscribed", "bounced"]

__all__ = [
    "SCHEMA",
    "Applicability",
    "Band",
    "Edit",
    "Fact",
    "Finding",
    "Fix",
    "HistoryMessage",
    "Message",
    "Need",
    "Offer",
    "Proof",
    "Prospect",
    "ProspectStatus",
    "Report",
    "Severity",
    "SizeRange",
    "Skipped",
    "Span",
    "Strength",
    "Suppression",
]


class _Strict(BaseModel):
    """Inputs reject unknown fields so a typo ("titel") is an error, not silence."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Fact(_Strict):
    """Something research found about the prospect, with where it was found."""

    text: str
    source: str = ""


class Prospect(_Strict):
    """The person an email goes to, and what we know about them and their company."""

    id: str | None = None
    name: str = ""
    first_name: str = ""
    email: str = ""
    title: str = ""
    company: str = ""
    industry: str = ""
    company_size: int | None = Field(default=None, ge=0)
    country: str = ""
    languages: list[str] = Field(default_factory=list)
    expertise: list[str] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    status: ProspectStatus = "active"
    declined_at: datetime | None = None
    custom: dict[str, str] = Field(default_factory=dict)

    @field_validator("languages", mode="before")
    @classmethod
    def _split_languages(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part for part in re.split(r"[\s,;/|]+", value) if part]
        return value

    @field_validator("languages")
    @classmethod
    def _iso_codes(cls, value: list[str]) -> list[str]:
        out = []
        for code in value:
            low = code.strip().lower().replace("_", "-")
            if not re.fullmatch(r"[a-z]{2}(-[a-z0-9]{2,8})?", low):
                raise ValueError(f"not an ISO 639-1 language code: {code!r}")
            out.append(low[:2])
        return out

    @field_validator("expertise", mode="before")
    @classmethod
    def _split_expertise(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part.strip() for part in re.split(r"[;,|]", value) if part.strip()]
        return value

    @field_validator("facts", mode="before")
    @classmethod
    def _facts_from_strings(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [part for part in value.split("\n") if part.strip()]
        if isinstance(value, list):
            return [{"text": item} if isinstance(item, str) else item for item in value]
        return value

    @field_validator("declined_at", mode="before")
    @classmethod
    def _date_to_datetime(cls, value: Any) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            return datetime(value.year, value.month, value.day, tzinfo=UTC)
        return value

    @model_validator(mode="after")
    def _derive_first_name(self) -> Prospect:
        if not self.first_name and self.name:
            first = self.name.split()[0]
            if first.rstrip(".").lower() in {"mr", "mrs", "ms", "dr", "prof", "mx"}:
                parts = self.name.split()
                first = parts[1] if len(parts) > 1 else ""
            self.first_name = first
        return self


class Need(_Strict):
    """A problem the offer solves, and the observable signals that reveal it."""

    need: str
    signals: list[str] = Field(default_factory=list)


class SizeRange(_Strict):
    """Company size in employees; either end may be open."""

    min: int | None = Field(default=None, ge=0)
    max: int | None = Field(default=None, ge=0)

    def contains(self, size: int) -> bool:
        """True when ``size`` lies inside the range (open ends always match)."""
        return (self.min is None or size >= self.min) and (self.max is None or size <= self.max)


class Proof(_Strict):
    """A claim the seller can back up, and the evidence behind it."""

    claim: str
    evidence: str = ""


class Offer(_Strict):
    """What is being sold, to whom, and why anyone would need it."""

    name: str
    one_liner: str = ""
    needs: list[Need] = Field(default_factory=list)
    industries: list[str] = Field(default_factory=list)
    company_size: SizeRange | None = None
    roles: list[str] = Field(default_factory=list)
    disqualifiers: list[str] = Field(default_factory=list)
    proof: list[Proof] = Field(default_factory=list)
    language: str = "en"

    @field_validator("proof", mode="before")
    @classmethod
    def _proof_from_strings(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{"claim": item} if isinstance(item, str) else item for item in value]
        return value


class HistoryMessage(_Strict):
    """An earlier message in the thread, or in any earlier campaign to the same person."""

    direction: Literal["out", "in"]
    sent_at: datetime
    subject: str | None = None
    body: str = ""
    campaign: str | None = None

    @field_validator("sent_at", mode="before")
    @classmethod
    def _date_to_datetime(cls, value: Any) -> Any:
        if isinstance(value, date) and not isinstance(value, datetime):
            return datetime(value.year, value.month, value.day, tzinfo=UTC)
        return value

    @field_validator("sent_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        return value if value.tzinfo else value.replace(tzinfo=UTC)


class Message(_Strict):
    """One outreach email: what is checked."""

    subject: str | None = None
    body: str
    step: int = 1
    sent_at: datetime | None = None
    thread_id: str | None = None


class Suppression(BaseModel):
    """Why a person must not be contacted again: the ledger's entry (no means no).

    ``reason`` is one of declined, unsubscribed, bounced, wrong_person or manual; ``evidence``
    quotes the reply that said it, so a blocked row can show the words and the date.
    """

    email: str
    reason: str
    at: datetime | None = None
    evidence: str = ""
    source: str = ""
    campaign: str | None = None
