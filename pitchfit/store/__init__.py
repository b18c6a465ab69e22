"""The store: replies, outcomes and the suppression ledger that keeps "no means no".

This package's top level stays cheap to import (no SQLAlchemy): ``check`` imports it on every
run to ask the ledger about one address. The database layer lives in :mod:`.engine`,
:mod:`.schema` and :mod:`.ledger`, which import SQLAlchemy only when they touch a database.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..errors import ConfigError

__all__ = ["ENV_VAR", "default_db_path", "mask_url", "resolve_db_url", "sqlite_path"]

ENV_VAR = "PITCHFIT_DB"

_SCHEMES = {
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
    "postgres": "postgresql+psycopg",
    "postgresql": "postgresql+psycopg",
    "postgresql+psycopg": "postgresql+psycopg",
}
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_USERINFO_RE = re.compile(
    r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^:/@]*):(?P<pw>[^/]*)@"
)


def default_db_path() -> Path:
    """``platformdirs.user_data_dir("pitchfit")/pitchfit.db``: one ledger per user by default."""
    import platformdirs

    return Path(platformdirs.user_data_dir("pitchfit")) / "pitchfit.db"


def mask_url(url: str) -> str:
    """The URL with its password replaced by ``***``, for every message and log line."""
    match = _USERINFO_RE.match(url)
    if match is None:
        return url
    return f"{match['scheme']}{match['user']}:***@{url[match.end() :]}"


def url_password(url: str) -> str | None:
    """The password inside ``url``, if any (so messages can be scrubbed of it)."""
    match = _USERINFO_RE.match(url)
    return match["pw"] if match is not None and match["pw"] else None


def scrub(text: str, url: str) -> str:
    """Remove the URL's password from any text (driver messages may quote the DSN)."""
    from urllib.parse import unquote

    password = url_password(url)
    if password:
        for secret in {password, unquote(password)}:
            if secret:
                text = text.replace(secret, "***")
    return text


def resolve_db_url(db: str | None) -> str:
    """The database URL to use: ``--db`` flag, else ``$PITCHFIT_DB``, else the default path.

    A bare path (no ``scheme://``) means an SQLite file; ``postgresql://`` and ``postgres://``
    use psycopg 3. Other schemes are a configuration error naming where the URL came from.
    """
    where = "--db"
    if not db:
        db = os.environ.get(ENV_VAR) or None
        where = ENV_VAR
    if not db:
        return f"sqlite:///{default_db_path()}"
    db = db.strip()
    match = _SCHEME_RE.match(db)
    if match is None:
        return f"sqlite:///{Path(db).expanduser().resolve()}"
    scheme = match[1].lower()
    target = _SCHEMES.get(scheme)
    if target is None:
        known = "sqlite:///PATH or postgresql://USER@HOST/DB"
        raise ConfigError(f"unsupported database URL {mask_url(db)!r} (use {known})", where=where)
    return target + db[len(scheme) :]


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for other backends and in-memory databases."""
    if not url.startswith("sqlite"):
        return None
    rest = url.split("://", 1)[1]
    if not rest.startswith("/"):
        return None
    path = rest[1:].split("?", 1)[0]
    if path in ("", ":memory:"):
        return None
    return Path(path)
