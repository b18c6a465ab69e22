"""Read messages from wherever replies are kept: a file, an .eml, an mbox, a Maildir, .jsonl.

Mailboxes are streamed message by message (a 50 MB mbox is never loaded whole). A broken
message (an empty file, a bad JSON line, an unreadable file) becomes one
:class:`~pitchfit.errors.InputError` naming its location, handed to ``on_error``; the rest is
still read. Without ``on_error`` the first such error is raised.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError

__all__ = ["Record", "iter_messages", "iter_records"]

Record = tuple[str, bytes | str, dict[str, Any]]
OnError = Callable[[InputError], None] | None

_MAX_JSONL_LINE = 5_000_000
# An mbox "From " separator carries a sender and a time: "From ann@x Mon Mar  3 10:00:00 2025".
_FROM_LINE = re.compile(rb"^From \S+ .*\b\d{1,2}:\d{2}")


def _fail(err: InputError, on_error: OnError) -> None:
    if on_error is None:
        raise err
    on_error(err)


def _is_maildir(path: Path) -> bool:
    return (path / "cur").is_dir() or (path / "new").is_dir()


def _looks_like_mbox(path: Path) -> bool:
    if path.suffix.lower() in (".mbox", ".mbx"):
        return True
    try:
        with path.open("rb") as handle:
            return bool(_FROM_LINE.match(handle.readline(1000)))
    except OSError:
        return False


def _iter_mbox(path: Path, on_error: OnError) -> Iterator[Record]:
    """Split an mbox on ``From `` lines that follow a blank line; unescape ``>From``."""
    count = 0
    current: list[bytes] = []
    previous_blank = True

    def flush() -> Iterator[Record]:
        nonlocal count
        if not current:
            return
        count += 1
        label = f"{path}#{count}"
        data = b"".join(current)
        if not data.strip():
            _fail(InputError("empty message", where=label), on_error)
            return
        yield label, data, {}

    with path.open("rb") as handle:
        for line in handle:
            if previous_blank and _FROM_LINE.match(line):
                yield from flush()
                current = [line]
            else:
                if line.startswith(b">") and line.lstrip(b">").startswith(b"From "):
                    line = line[1:]
                current.append(line)
            previous_blank = not line.strip()
    yield from flush()
    if count == 0:
        _fail(InputError("empty mailbox", where=str(path)), on_error)


def _iter_jsonl(path: Path, on_error: OnError) -> Iterator[Record]:
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            label = f"{path}:{number}"
            if not raw_line.strip():
                continue
            if len(raw_line) > _MAX_JSONL_LINE:
                _fail(InputError("line too long", where=label), on_error)
                continue
            try:
                row = json.loads(raw_line.decode("utf-8-sig"))
            except (UnicodeDecodeError, json.JSONDecodeError) as exc:
                reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
                _fail(InputError(f"invalid JSON: {reason}", where=label), on_error)
                continue
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                _fail(InputError('expected an object with a "text" string', where=label), on_error)
                continue
            if not row["text"].strip():
                _fail(InputError("empty text", where=label), on_error)
                continue
            meta = {k: v for k, v in row.items() if k != "text"}
            yield label, row["text"], meta


def _iter_file(path: Path, on_error: OnError) -> Iterator[Record]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        _fail(InputError(exc.strerror or str(exc), where=str(path)), on_error)
        return
    if not data.strip():
        _fail(InputError("empty file", where=str(path)), on_error)
        return
    yield str(path), data, {}


def _iter_dir(path: Path, on_error: OnError) -> Iterator[Record]:
    if _is_maildir(path):
        folders = [path / "cur", path / "new"]
        files = [f for d in folders if d.is_dir() for f in sorted(d.iterdir())]
    else:
        files = sorted(
            p
            for p in path.rglob("*")
            if not any(s.startswith(".") for s in p.relative_to(path).parts)
        )
    for file in files:
        if file.is_file() and not file.name.startswith("."):
            yield from iter_records(file, on_error=on_error)


def iter_records(path: str | Path, *, on_error: OnError = None) -> Iterator[Record]:
    """Like :func:`iter_messages`, plus the other fields of a .jsonl row (e.g. received_at)."""
    p = Path(path)
    if p.is_dir():
        yield from _iter_dir(p, on_error)
    elif not p.exists():
        _fail(InputError("no such file", where=str(p)), on_error)
    elif p.suffix.lower() == ".jsonl":
        yield from _iter_jsonl(p, on_error)
    elif _looks_like_mbox(p):
        yield from _iter_mbox(p, on_error)
    else:
        yield from _iter_file(p, on_error)


def iter_messages(
    path: str | Path, *, on_error: OnError = None
) -> Iterator[tuple[str, bytes | str]]:
    """Yield ``(location, raw message)`` from a text/.eml file, mbox, Maildir or .jsonl.

    Locations read ``file.mbox#12``, ``replies.jsonl:3`` or the file path.
    """
    for label, raw, _meta in iter_records(path, on_error=on_error):
        yield label, raw
