"""Reading what the user gives (YAML/JSON profiles, history) and writing outputs safely.

Every reader names the file and the field when something is wrong; every writer writes to a
temporary file in the same folder and renames it, so no output is ever half-written.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import InputError, pydantic_message
from .models import HistoryMessage, Offer, Prospect

M = TypeVar("M", bound=BaseModel)


def read_structured(path: str | Path) -> Any:
    """Load a YAML or JSON file (by extension; YAML also reads JSON)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", where=str(p)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=str(p)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=str(p)) from None
    if p.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", where=f"{p}:{exc.lineno}") from None
    import yaml

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark is not None else str(p)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(str(problem), where=where) from None


def validate(model: type[M], data: Any, *, where: str) -> M:
    """Validate ``data`` as ``model``; the error names ``where`` and the field."""
    if not isinstance(data, dict):
        raise InputError(f"expected a mapping for {model.__name__}", where=where)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        field, msg = pydantic_message(exc)
        raise InputError(f"{field}: {msg}" if field else msg, where=where) from None


def load_prospect(path: str | Path) -> Prospect:
    """Read one prospect profile (YAML or JSON)."""
    return validate(Prospect, read_structured(path), where=str(path))


def load_offer(path: str | Path) -> Offer:
    """Read one offer (YAML or JSON)."""
    return validate(Offer, read_structured(path), where=str(path))


_HISTORY = TypeAdapter(list[HistoryMessage])


def parse_history(data: Any, *, where: str) -> list[HistoryMessage]:
    """Validate a list of earlier messages."""
    if isinstance(data, dict) and "messages" in data:
        data = data["messages"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise InputError("history must be a list of messages", where=where)
    try:
        return _HISTORY.validate_python(data)
    except ValidationError as exc:
        field, msg = pydantic_message(exc)
        return_where = f"{where}: message {field}" if field else where
        raise InputError(msg, where=return_where) from None


def load_history(path: str | Path) -> list[HistoryMessage]:
    """Read a history file: a YAML/JSON list of ``{direction, sent_at, subject, body}``."""
    return parse_history(read_structured(path), where=str(path))


@contextlib.contextmanager
def atomic_write(
    path: str | Path, mode: str = "w", encoding: str | None = "utf-8"
) -> Iterator[IO[Any]]:
    """Write to a temporary file beside ``path`` and rename it into place on success."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        kwargs: dict[str, Any] = {} if "b" in mode else {"encoding": encoding, "newline": ""}
        with os.fdopen(fd, mode, **kwargs) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise
