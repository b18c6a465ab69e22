"""Engines and sessions: SQLite in WAL mode with a busy timeout, or PostgreSQL via psycopg 3.

Writers on SQLite start with ``BEGIN IMMEDIATE`` so two processes queue for the write lock
instead of failing on a lock upgrade; the busy timeout makes the wait bounded. Every error that
leaves this module names the database with its password masked.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from . import mask_url, resolve_db_url, scrub, sqlite_path

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_MS = 30_000
_ENGINES: dict[tuple[str, bool], Engine] = {}
_MIGRATED: set[str] = set()
_LOCK = threading.Lock()


def db_error(exc: BaseException, url: str) -> ConfigError:
    """A one-line ConfigError for a database failure, naming the (masked) database."""
    orig = getattr(exc, "orig", None) or exc
    first = (str(orig).strip().splitlines() or [type(orig).__name__])[0]
    return ConfigError(f"database error: {scrub(first, url)}", where=mask_url(url))


def _sqlite_listeners(engine: Engine, *, write: bool) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if write:
                cursor.execute("PRAGMA journal_mode = WAL")
                cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def get_engine(url: str, *, write: bool = True) -> Engine:
    """A cached engine for ``url`` (already resolved); ``write`` picks the SQLite begin mode."""
    key = (url, write)
    with _LOCK:
        engine = _ENGINES.get(key)
        if engine is not None:
            return engine
        from sqlalchemy import create_engine
        from sqlalchemy.exc import ArgumentError, NoSuchModuleError

        path = sqlite_path(url)
        kwargs: dict[str, Any] = {}
        if path is not None:
            if write:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise ConfigError(
                        f"cannot create folder {path.parent}: {exc.strerror}", where=mask_url(url)
                    ) from None
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            engine = create_engine(url, hide_parameters=True, **kwargs)
        except (ArgumentError, NoSuchModuleError, ImportError) as exc:
            raise ConfigError(
                f"cannot use database URL: {scrub(str(exc), url)}", where=mask_url(url)
            ) from None
        if path is not None:
            _sqlite_listeners(engine, write=write)
        _ENGINES[key] = engine
        return engine


def dispose_all() -> None:
    """Close every cached engine (tests, and before a process forks)."""
    with _LOCK:
        for engine in _ENGINES.values():
            engine.dispose()
        _ENGINES.clear()
        _MIGRATED.clear()


def migrations_dir() -> Path:
    """Where the Alembic scripts ship inside the package."""
    return Path(__file__).with_name("migrations")


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the database at ``url`` to ``revision`` in one transaction, safe to race.

    On SQLite the transaction starts with ``BEGIN IMMEDIATE`` and on PostgreSQL it takes an
    advisory lock first, so two processes opening a fresh database migrate it exactly once.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.util.exc import CommandError
    from sqlalchemy import text
    from sqlalchemy.exc import SQLAlchemyError

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    engine = get_engine(url, write=True)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(724917301)"))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except SQLAlchemyError as exc:
        raise db_error(exc, url) from None
    except CommandError as exc:  # e.g. a revision this version of pitchfit does not know
        raise ConfigError(
            f"cannot migrate the store: {scrub(str(exc), url)} (was it created by a newer "
            "pitchfit? upgrade pitchfit)",
            where=mask_url(url),
        ) from None


def current_revision(url: str) -> str | None:
    """The Alembic revision the database is at (None when never migrated)."""
    from alembic.runtime.migration import MigrationContext

    path = sqlite_path(url)
    if path is not None and not path.is_file():
        return None
    with get_engine(url, write=False).connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_store(db: str | None) -> str:
    """Resolve ``db``, create the database if needed and migrate it to head; return the URL."""
    url = resolve_db_url(db)
    if url not in _MIGRATED:
        upgrade(url)
        _MIGRATED.add(url)
    return url


@contextlib.contextmanager
def session_scope(url: str, *, write: bool = True) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back if it raises."""
    from sqlalchemy.orm import Session

    with Session(get_engine(url, write=write), expire_on_commit=False) as session, session.begin():
        yield session
