"""One error type for everything the user can get wrong, printed as one line.

The CLI turns a :class:`PitchfitError` into ``pitchfit: error: <where>: <what>`` and exit code
2; the HTTP API turns it into ``{"error": {"code", "message", "where"}}``. Never a traceback.
"""

from __future__ import annotations

from typing import Any


class PitchfitError(Exception):
    """A usage, configuration or input problem, with where it happened."""

    code = "input"

    def __init__(self, message: str, *, where: str | None = None, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        if code is not None:
            self.code = code

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape used by the API and ``--format json`` errors."""
        return {"error": {"code": self.code, "message": self.message, "where": self.where}}


class InputError(PitchfitError):
    """A file, row or field the user gave could not be read or is invalid."""

    code = "input"


class ConfigError(PitchfitError):
    """``pitchfit.toml`` / ``[tool.pitchfit]`` or a flag is invalid."""

    code = "config"


class UsageError(PitchfitError):
    """The command was called wrongly (unknown rule, conflicting flags)."""

    code = "usage"


def pydantic_message(exc: Any) -> tuple[str, str]:
    """Turn a pydantic ``ValidationError`` into (field path, message) for its first error."""
    errors = exc.errors()
    if not errors:
        return "", str(exc)
    first = errors[0]
    loc = ".".join(str(part) for part in first.get("loc", ()))
    msg = first.get("msg", "invalid")
    more = len(errors) - 1
    if more:
        msg += f" (and {more} more problem{'s' if more > 1 else ''})"
    return loc, msg
