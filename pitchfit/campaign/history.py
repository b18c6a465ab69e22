"""Earlier messages per prospect, from a folder of files or one file keyed by e-mail or id.

A folder holds ``<email>.yaml`` (or ``.yml``/``.json``, or ``<id>.yaml``) files, each a list of
``{direction, sent_at, subject, body}``; a single file maps each e-mail (or id) to such a list.
A history that cannot be read blocks its row (we cannot tell whether they said no) rather
than stopping the whole campaign.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputError, PitchfitError
from ..io import parse_history, read_structured
from ..models import HistoryMessage, Prospect

_SUFFIXES = (".yaml", ".yml", ".json")


class HistorySource:
    """Finds a prospect's history; the folder is indexed once, files are read on demand."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._files: dict[str, Path] = {}
        self._data: dict[str, Any] = {}
        if self.path.is_dir():
            for item in sorted(self.path.iterdir()):
                if item.is_file() and item.suffix.lower() in _SUFFIXES:
                    self._files[item.stem.lower()] = item
        elif self.path.is_file():
            data = read_structured(self.path)
            if not isinstance(data, dict):
                raise InputError(
                    "expected a mapping from e-mail address (or id) to a list of messages",
                    where=str(self.path),
                )
            self._data = {str(key).strip().lower(): value for key, value in data.items()}
        else:
            raise InputError("no such file or folder", where=str(self.path))

    def __len__(self) -> int:
        return len(self._files) or len(self._data)

    def lookup(self, prospect: Prospect) -> tuple[tuple[HistoryMessage, ...], str | None]:
        """(messages, error): the prospect's earlier messages, or why they could not be read."""
        keys = [k.lower() for k in (prospect.email, prospect.id or "") if k]
        try:
            for key in keys:
                if key in self._files:
                    file = self._files[key]
                    return tuple(parse_history(read_structured(file), where=str(file))), None
                if key in self._data:
                    where = f"{self.path}: {key}"
                    return tuple(parse_history(self._data[key], where=where)), None
        except PitchfitError as exc:
            return (), str(exc)
        return (), None
