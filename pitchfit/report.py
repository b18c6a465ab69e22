"""What ``check`` produces: findings, strengths and the scored report.

Plain dataclasses, not pydantic: they are built by the engine from trusted values (thousands
per second in a campaign) and checking one email should not pay for importing a validation
library. ``model_dump``/``model_copy``/``to_json_dict`` give the wire shape of docs/wire.md;
the input types (Prospect, Offer, …) stay pydantic in :mod:`pitchfit.models`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

SCHEMA = "pitchfit/1"

Severity = Literal["suggestion", "warning", "error"]
Band = Literal["send", "revise", "block"]
Applicability = Literal["safe", "unsafe", "display"]

T = TypeVar("T", bound="_Wire")


class _Wire:
    """pydantic-like helpers so callers can treat these like the input models."""

    def model_dump(self, *, mode: str = "json") -> dict[str, Any]:
        """The object as plain data (``mode`` is accepted for pydantic compatibility)."""
        return _plain(self)  # type: ignore[no-any-return]

    def model_copy(self: T, *, update: dict[str, Any] | None = None) -> T:
        """A shallow copy with ``update`` applied."""
        return dataclasses.replace(self, **(update or {}))  # type: ignore[type-var]


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass(slots=True)
class Span(_Wire):
    """Where a finding sits in the body: character offsets plus 1-based line and column."""

    start: int
    end: int
    line: int
    column: int


@dataclass(slots=True)
class Edit(_Wire):
    """Replace body[start:end] with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(slots=True)
class Fix(_Wire):
    """A remedy: its title and, when it can be applied mechanically, the edits."""

    title: str
    applicability: Applicability = "display"
    edits: list[Edit] = field(default_factory=list)


@dataclass(slots=True)
class Finding(_Wire):
    """One problem a rule found."""

    code: str
    name: str
    severity: Severity
    message: str
    span: Span
    fix: Fix | None = None
    points: float = 0.0


@dataclass(slots=True)
class Strength(_Wire):
    """Something the email does well (reported so writers keep doing it)."""

    name: str
    message: str
    points: float = 0.0


@dataclass(slots=True, frozen=True)
class Skipped(_Wire):
    """A rule that could not run, and the inputs it needs (frozen: the checker hands the
    same entries to every report with the same inputs missing)."""

    name: str
    needs: list[str]


@dataclass(slots=True)
class Report(_Wire):
    """The result of checking one email (``schema`` is ``pitchfit/1``)."""

    score: int
    band: Band
    chars: int
    words: int
    id: str | None = None
    language: str | None = None
    findings: list[Finding] = field(default_factory=list)
    strengths: list[Strength] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    fit: dict[str, Any] | None = None
    schema: str = SCHEMA

    def model_dump(self, *, mode: str = "json", by_alias: bool = True) -> dict[str, Any]:
        return self.to_json_dict(keep_fit=True)

    def to_json_dict(self, *, keep_fit: bool = False) -> dict[str, Any]:
        """The JSON shape of ``docs/wire.md`` (``schema`` first; ``fit`` only when present)."""
        data: dict[str, Any] = {
            "schema": self.schema,
            "id": self.id,
            "score": self.score,
            "band": self.band,
            "language": self.language,
            "chars": self.chars,
            "words": self.words,
            "findings": [_plain(f) for f in self.findings],
            "strengths": [_plain(s) for s in self.strengths],
            "skipped": [_plain(s) for s in self.skipped],
        }
        if self.fit is not None or keep_fit:
            data["fit"] = self.fit
        return data
