"""The suppression ledger: who must never be contacted again, since when, and why.

``check`` calls :func:`lookup` for one address and campaign preflight calls
:func:`load_suppressions` once for all rows. Reading never creates a database: with no store
yet there is nothing suppressed. SQLAlchemy is imported inside the functions so that importing
this module costs nothing at CLI start-up.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..models import Suppression
from . import resolve_db_url, sqlite_path

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from .schema import SuppressionRow

__all__ = [
    "REASONS",
    "list_suppressions",
    "load_suppressions",
    "lookup",
    "normalize_email",
    "suppress",
    "unsuppress",
]

REASONS = ("declined", "unsubscribed", "bounced", "wrong_person", "manual")
EVIDENCE_CHARS = 2000


def normalize_email(email: str, *, where: str = "email") -> str:
    """Lower-case, trimmed address (``Name <a@b>`` accepted); an InputError when it is not one."""
    from email.utils import parseaddr

    raw = (email or "").strip()
    address = parseaddr(raw)[1] if "<" in raw else raw
    address = address.strip().lower()
    local, _, domain = address.partition("@")
    if not local or not domain or " " in address or "@" in domain:
        raise InputError(f"not an email address: {email!r}", where=where)
    return address


def as_utc(when: datetime) -> datetime:
    """An aware UTC datetime; a naive one is taken to be UTC already."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _to_model(row: SuppressionRow) -> Suppression:
    return Suppression(
        email=row.email,
        reason=row.reason,
        at=row.at,
        evidence=row.evidence,
        source=row.source,
        campaign=row.campaign,
    )


def _readable(db: str | None) -> str | None:
    """The URL to read from, or None when the store does not exist (nothing is suppressed)."""
    url = resolve_db_url(db)
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return None
    return url


def _missing_table(exc: BaseException) -> bool:
    """The store exists but was never migrated (a missing database is an error instead)."""
    orig = getattr(exc, "orig", exc)
    if getattr(orig, "sqlstate", None) == "42P01":  # PostgreSQL undefined_table
        return True
    return "no such table" in str(orig).lower()


def _read(db: str | None, query: Any) -> list[Suppression] | None:
    from sqlalchemy.exc import OperationalError, ProgrammingError, SQLAlchemyError

    from .engine import db_error, session_scope

    url = _readable(db)
    if url is None:
        return None
    try:
        with session_scope(url, write=False) as session:
            return [_to_model(row) for row in session.scalars(query)]
    except (OperationalError, ProgrammingError) as exc:
        if _missing_table(exc):
            return None
        raise db_error(exc, url) from None
    except SQLAlchemyError as exc:
        raise db_error(exc, url) from None


def lookup(email: str, *, db: str | None = None) -> Suppression | None:
    """The ledger entry for ``email`` (any case), or None; never creates a database."""
    try:
        address = normalize_email(email)
    except InputError:
        return None
    if _readable(db) is None:  # no store yet: answer without importing SQLAlchemy
        return None
    from sqlalchemy import select

    from .schema import SuppressionRow

    rows = _read(db, select(SuppressionRow).where(SuppressionRow.email == address))
    return rows[0] if rows else None


def load_suppressions(*, db: str | None = None) -> dict[str, Suppression]:
    """Every entry, keyed by lower-cased email (one query for a whole campaign)."""
    from sqlalchemy import select

    from .schema import SuppressionRow

    rows = _read(db, select(SuppressionRow).order_by(SuppressionRow.email))
    return {row.email: row for row in rows or []}


def list_suppressions(
    *, db: str | None = None, reason: str | None = None, campaign: str | None = None
) -> list[Suppression]:
    """Entries ordered by date then email, optionally filtered by reason or campaign."""
    from sqlalchemy import select

    from .schema import SuppressionRow

    query = select(SuppressionRow).order_by(SuppressionRow.at, SuppressionRow.email)
    if reason:
        query = query.where(SuppressionRow.reason == reason)
    if campaign:
        query = query.where(SuppressionRow.campaign == campaign)
    return _read(db, query) or []


def check_reason(reason: str, *, where: str = "reason") -> str:
    """The reason, validated against :data:`REASONS`."""
    value = (reason or "").strip().lower()
    if value not in REASONS:
        raise InputError(
            f"unknown reason {reason!r} (use one of {', '.join(REASONS)})", where=where
        )
    return value


def add_in_session(
    session: Session,
    entry: Suppression,
    *,
    reply_id: int | None = None,
    replace: bool = False,
) -> tuple[Suppression, bool]:
    """Insert ``entry`` in an open transaction; return (the entry in force, whether it is new).

    The first "no" is the one on record: an address already suppressed keeps its original
    date and evidence unless ``replace`` is set (a hand edit).
    """
    from sqlalchemy import select

    from .schema import SuppressionRow

    existing = session.scalars(
        select(SuppressionRow).where(SuppressionRow.email == entry.email)
    ).first()
    if existing is not None and not replace:
        return _to_model(existing), False
    row = existing or SuppressionRow(email=entry.email)
    row.reason = entry.reason
    row.at = as_utc(entry.at) if entry.at else datetime.now(UTC)
    row.evidence = entry.evidence[:EVIDENCE_CHARS]
    row.source = entry.source
    row.campaign = entry.campaign
    if reply_id is not None:
        row.reply_id = reply_id
    if existing is None:
        session.add(row)
    session.flush()
    return _to_model(row), existing is None


def suppress(
    email: str,
    *,
    reason: str,
    at: datetime | None = None,
    evidence: str = "",
    source: str = "",
    campaign: str | None = None,
    db: str | None = None,
    replace: bool = False,
) -> Suppression:
    """Record that ``email`` must not be contacted again (in any campaign); idempotent."""
    from sqlalchemy.exc import IntegrityError, SQLAlchemyError

    from .engine import db_error, open_store, session_scope

    entry = Suppression(
        email=normalize_email(email),
        reason=check_reason(reason),
        at=at,
        evidence=evidence,
        source=source,
        campaign=campaign or None,
    )
    url = open_store(db)
    for attempt in range(2):
        try:
            with session_scope(url) as session:
                return add_in_session(session, entry, replace=replace)[0]
        except IntegrityError:
            if attempt:  # another writer inserted the same address between our read and write
                raise
        except SQLAlchemyError as exc:
            raise db_error(exc, url) from None
    raise AssertionError("unreachable")  # pragma: no cover


def unsuppress(emails: str | list[str], *, db: str | None = None) -> list[str]:
    """Remove addresses from the ledger; returns those that were there."""
    from sqlalchemy import delete
    from sqlalchemy.exc import SQLAlchemyError

    from .engine import db_error, session_scope
    from .schema import SuppressionRow

    wanted = [normalize_email(e) for e in ([emails] if isinstance(emails, str) else emails)]
    url = _readable(db)
    if url is None or not wanted:
        return []
    try:
        with session_scope(url) as session:
            removed = session.scalars(
                delete(SuppressionRow)
                .where(SuppressionRow.email.in_(wanted))
                .returning(SuppressionRow.email)
            ).all()
    except SQLAlchemyError as exc:
        if _missing_table(exc):
            return []
        raise db_error(exc, url) from None
    return sorted(removed)


def import_entries(
    entries: list[Suppression], *, db: str | None = None, replace: bool = False
) -> int:
    """Add many entries in one transaction (all or nothing); returns how many were new."""
    from sqlalchemy.exc import SQLAlchemyError

    from .engine import db_error, open_store, session_scope

    url = open_store(db)
    try:
        with session_scope(url) as session:
            return sum(add_in_session(session, entry, replace=replace)[1] for entry in entries)
    except SQLAlchemyError as exc:
        raise db_error(exc, url) from None
