"""``replies ingest`` as a library: read, parse, classify and store replies one at a time.

Messages are streamed (a 50 MB mbox is never held in memory) and each one is stored in its
own transaction, so a bad message is reported and skipped while the rest go in, and no
message is ever half-stored. Parsing and classifying come from :mod:`pitchfit.replies`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parseaddr, parsedate_to_datetime
from pathlib import Path
from typing import Any, Literal

from ..errors import InputError, PitchfitError
from ..models import Suppression
from .bounce import find_bounce
from .records import ReplyRecord, StoreResult

MAX_ERROR_CHARS = 300


@dataclass
class Outcome:
    """The result for one message (or one unreadable file): what was stored, or the error."""

    where: str
    status: Literal["stored", "duplicate", "error"]
    message_id: str = ""
    from_address: str = ""
    intent: str = ""
    error: str = ""
    suppressed: list[Suppression] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON form for ``--format json``."""
        return {
            "where": self.where,
            "status": self.status,
            "message_id": self.message_id or None,
            "from": self.from_address or None,
            "intent": self.intent or None,
            "error": self.error or None,
            "suppressed": [s.model_dump(mode="json") for s in self.suppressed],
            "warnings": self.warnings,
        }


@dataclass
class Summary:
    """Counts over a whole ingest run."""

    stored: int = 0
    duplicate: int = 0
    error: int = 0
    suppressed: int = 0

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        self.suppressed += len(outcome.suppressed)


def _short(exc: BaseException) -> str:
    if isinstance(exc, PitchfitError):
        text = exc.message
    else:
        text = str(exc).strip() or type(exc).__name__
        if isinstance(exc, (LookupError, UnicodeError)):
            text = f"{type(exc).__name__}: {text}"
    text = " ".join(text.split())
    return text[:MAX_ERROR_CHARS]


def _date(text: str | None) -> datetime | None:
    """A Date: header as aware UTC, or None when it is missing or unreadable."""
    if not text:
        return None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _address(value: str | None) -> str:
    address = parseaddr(value or "")[1].strip().lower()
    return address if "@" in address else ""


def _meta(meta: dict[str, Any], *names: str) -> str:
    for name in names:
        value = meta.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _meta_date(meta: dict[str, Any]) -> datetime | None:
    text = _meta(meta, "received_at", "date")
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def synthetic_id(raw: bytes | str) -> str:
    """A stable Message-ID for a message without one (same bytes, same id: still idempotent)."""
    data = raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else raw
    return f"<sha256-{hashlib.sha256(data).hexdigest()[:40]}@pitchfit.invalid>"


#: parser problems that mean the message cannot be trusted: refused, nothing stored.
_TRUNCATED = {
    "CloseBoundaryNotFoundDefect": "closing MIME boundary missing",
    "StartBoundaryNotFoundDefect": "MIME boundary never found",
    "InvalidBase64PaddingDefect": "base64 text cut short",
    "MissingHeaderBodySeparatorDefect": "headers run into the body",
}
_ADVICE = "not stored; fix the file, or record a 'no' with `pitchfit suppress add`"


def refuse(problems: list[str]) -> None:
    """Raise an InputError for a truncated message or an unknown charset (see ``_TRUNCATED``)."""
    for problem in problems:
        if problem in _TRUNCATED:
            raise InputError(f"truncated or malformed message: {_TRUNCATED[problem]} ({_ADVICE})")
        if problem.startswith("unknown charset"):
            charset = problem.removeprefix("unknown charset").split(",")[0].strip()
            raise InputError(f"unknown charset {charset} ({_ADVICE})")


def to_record(
    raw: bytes | str,
    *,
    where: str,
    said_no_before: Callable[[str], bool] | None = None,
    meta: dict[str, Any] | None = None,
) -> ReplyRecord:
    """Parse and classify one raw message into what the store keeps.

    ``meta`` holds the other fields of a ``.jsonl`` row (``from``, ``message_id``,
    ``received_at``), used where the text itself has no headers.

    ``said_no_before(sender)`` tells the classifier this person already said no once (and
    was asked what would make them buy), so the next step is silence.
    """
    from ..replies.classify import classify_reply
    from ..replies.parse import parse_reply

    if not (raw.strip() if isinstance(raw, (bytes, str)) else raw):
        raise ValueError("empty message")
    parsed = parse_reply(raw)
    problems = list(parsed.problems)
    refuse(problems)
    extra = meta or {}
    message_id = (
        (parsed.message_id or "").strip()
        or _meta(extra, "message_id", "message-id", "id")
        or synthetic_id(raw)
    )
    sender = _address(parsed.from_address or _meta(extra, "from_address", "from", "email"))
    body = parsed.body or ""
    bounce = find_bounce(raw)
    if not sender and not (bounce and bounce.recipients):
        raise InputError(
            "no From address: not an email message, or its headers are cut off", where=where
        )
    if not body.strip() and not (bounce and bounce.recipients):
        raise InputError("no text in the message (empty or truncated)", where=where)
    record = ReplyRecord(
        message_id=message_id,
        from_address=sender,
        body=body,
        subject=" ".join((parsed.subject or "").split()),
        in_reply_to=(parsed.in_reply_to or "").strip() or None,
        received_at=_date(parsed.date) or _meta_date(extra),
        signature=parsed.signature or "",
        quoted=parsed.quoted or "",
        is_auto_reply=parsed.is_auto_reply,
        source=where,
        warnings=problems,
    )
    if bounce is not None and bounce.recipients:
        record.intent = "bounce"
        record.bounced = bounce.recipients
        record.classification = {
            "intent": "bounce",
            "status": bounce.status,
            "diagnostic": bounce.diagnostic,
            "method": "delivery-status",
        }
        if not record.body.strip():
            record.body = bounce.diagnostic
        return record
    context: dict[str, Any] = {
        "headers": dict(parsed.headers),
        "from_address": sender,
        "asked_before": bool(said_no_before and sender and said_no_before(sender)),
    }
    if record.received_at is not None:
        context["received_at"] = record.received_at.isoformat()
    intent = classify_reply(body, context=context)
    data = intent.to_dict()
    record.intent = str(data.get("intent") or "")
    confidence = data.get("confidence")
    record.confidence = float(confidence) if isinstance(confidence, (int, float)) else None
    record.classification = data
    return record


def store_record(url: str, record: ReplyRecord, *, campaign: str | None) -> StoreResult:
    """Store one record in its own transaction; a concurrent duplicate counts as a duplicate."""
    from sqlalchemy.exc import IntegrityError

    from .engine import session_scope
    from .records import already_stored, store_reply

    attempts = 3  # PostgreSQL: a parallel writer may add the same prospect or campaign first
    for attempt in range(attempts):
        try:
            with session_scope(url) as session:
                return store_reply(session, record, campaign=campaign)
        except IntegrityError:
            with session_scope(url, write=False) as session:
                if already_stored(session, record.message_id):
                    return StoreResult("duplicate", record.message_id)
            if attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _messages(
    path: Path, on_error: Callable[[InputError], None]
) -> Iterator[tuple[str, bytes | str, dict[str, Any]]]:
    from ..replies.sources import iter_records

    yield from iter_records(path, on_error=on_error)


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    db: str | None = None,
    campaign: str | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> Summary:
    """Ingest every message of every file; errors are reported per message, never fatal.

    Database errors (the store cannot be opened or written) are fatal and raise a
    ConfigError naming the database with its password masked.
    """
    from sqlalchemy.exc import SQLAlchemyError

    from .engine import db_error, open_store
    from .ledger import lookup

    url = open_store(db)
    summary = Summary()

    def declined(email: str) -> bool:
        entry = lookup(email, db=url)
        return entry is not None and entry.reason == "declined"

    def emit(outcome: Outcome) -> None:
        summary.add(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    for path in map(Path, paths):
        count = 0
        where = str(path)
        errors_before = summary.error

        def source_error(exc: InputError, fallback: str = str(path)) -> None:
            emit(Outcome(exc.where or fallback, "error", error=_short(exc)))

        try:
            for label, raw, meta in _messages(path, source_error):
                count += 1
                where = label or f"{path}#{count}"
                try:
                    record = to_record(raw, where=where, said_no_before=declined, meta=meta)
                    result = store_record(url, record, campaign=campaign)
                except SQLAlchemyError as exc:
                    raise db_error(exc, url) from None
                except Exception as exc:  # one bad message must not stop the others
                    emit(Outcome(where, "error", error=_short(exc)))
                    continue
                emit(
                    Outcome(
                        where,
                        result.status,
                        message_id=record.message_id,
                        from_address=record.from_address,
                        intent=record.intent,
                        suppressed=result.suppressed,
                        warnings=record.warnings,
                    )
                )
            if count == 0 and summary.error == errors_before:
                raise ValueError("no messages found")
        except PitchfitError as exc:
            if exc.code == "config":
                raise
            emit(Outcome(where, "error", error=_short(exc)))
        except Exception as exc:  # an unreadable file is reported; the next file still runs
            message = exc.strerror if isinstance(exc, OSError) and exc.strerror else _short(exc)
            emit(Outcome(where, "error", error=str(message)))
    return summary
