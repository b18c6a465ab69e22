"""The ledger API on both backends: add, look up, list, remove, and never create on read."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from pitchfit.errors import ConfigError, InputError
from pitchfit.models import Suppression
from pitchfit.store import ledger, resolve_db_url


def test_lookup_without_a_database_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "here.db"
    assert ledger.lookup("ann@example.com", db=str(path)) is None
    assert ledger.load_suppressions(db=str(path)) == {}
    assert ledger.list_suppressions(db=str(path)) == []
    assert ledger.unsuppress("ann@example.com", db=str(path)) == []
    assert not path.exists()
    assert not path.parent.exists()


def test_lookup_with_the_default_database_missing_creates_nothing(tmp_path: Path) -> None:
    assert ledger.lookup("ann@example.com") is None
    assert not (tmp_path / "xdg-data").exists()


def test_suppress_then_lookup_any_case(db_url: str) -> None:
    said_no = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    entry = ledger.suppress(
        "Ann.Lee@Example.COM",
        reason="declined",
        at=said_no,
        evidence="No thanks, we are not interested.",
        source="reply:<abc@mail>",
        campaign="spring",
        db=db_url,
    )
    assert entry.email == "ann.lee@example.com"
    found = ledger.lookup("ANN.LEE@example.com", db=db_url)
    assert isinstance(found, Suppression)
    assert found.reason == "declined"
    assert found.at == said_no
    assert found.evidence == "No thanks, we are not interested."
    assert found.campaign == "spring"
    assert ledger.lookup("bob@example.com", db=db_url) is None


def test_first_no_stays_on_record(db_url: str) -> None:
    first = datetime(2026, 1, 1, tzinfo=UTC)
    ledger.suppress("a@x.io", reason="declined", at=first, evidence="no", db=db_url)
    again = ledger.suppress(
        "a@x.io", reason="unsubscribed", at=datetime(2026, 2, 1, tzinfo=UTC), db=db_url
    )
    assert again.reason == "declined"
    assert again.at == first
    replaced = ledger.suppress(
        "a@x.io", reason="manual", evidence="by hand", db=db_url, replace=True
    )
    assert replaced.reason == "manual"
    assert len(ledger.list_suppressions(db=db_url)) == 1


def test_load_list_and_remove(db_url: str) -> None:
    for i, reason in enumerate(["declined", "bounced", "unsubscribed"]):
        ledger.suppress(
            f"P{i}@x.io",
            reason=reason,
            at=datetime(2026, 1, 3 - i, tzinfo=UTC),
            campaign="c1" if i else "c2",
            db=db_url,
        )
    everyone = ledger.load_suppressions(db=db_url)
    assert sorted(everyone) == ["p0@x.io", "p1@x.io", "p2@x.io"]
    assert everyone["p1@x.io"].reason == "bounced"
    listed = [s.email for s in ledger.list_suppressions(db=db_url)]
    assert listed == ["p2@x.io", "p1@x.io", "p0@x.io"]  # oldest first
    assert [s.email for s in ledger.list_suppressions(db=db_url, campaign="c2")] == ["p0@x.io"]
    assert [s.email for s in ledger.list_suppressions(db=db_url, reason="bounced")] == ["p1@x.io"]
    assert ledger.unsuppress(["p1@X.io", "nobody@x.io"], db=db_url) == ["p1@x.io"]
    assert ledger.lookup("p1@x.io", db=db_url) is None
    assert ledger.lookup("p0@x.io", db=db_url) is not None


def test_naive_datetimes_are_read_as_utc(sqlite_url: str) -> None:
    entry = ledger.suppress("n@x.io", reason="manual", at=datetime(2026, 5, 6, 7, 8), db=sqlite_url)
    assert entry.at == datetime(2026, 5, 6, 7, 8, tzinfo=UTC)
    found = ledger.lookup("n@x.io", db=sqlite_url)
    assert found is not None and found.at == datetime(2026, 5, 6, 7, 8, tzinfo=UTC)


@pytest.mark.parametrize("bad", ["", "no-at-sign", "@x.io", "a@", "a b@x.io"])
def test_bad_address_is_an_input_error(bad: str, sqlite_url: str) -> None:
    with pytest.raises(InputError, match="not an email address"):
        ledger.suppress(bad, reason="manual", db=sqlite_url)
    assert ledger.lookup(bad, db=sqlite_url) is None


def test_unknown_reason_is_an_input_error(sqlite_url: str) -> None:
    with pytest.raises(InputError, match="unknown reason 'meh'"):
        ledger.suppress("a@x.io", reason="meh", db=sqlite_url)


def test_env_var_and_flag_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PITCHFIT_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None) == f"sqlite:///{tmp_path / 'env.db'}"
    assert resolve_db_url(str(tmp_path / "flag.db")) == f"sqlite:///{tmp_path / 'flag.db'}"
    ledger.suppress("e@x.io", reason="manual")
    assert (tmp_path / "env.db").is_file()
    assert ledger.lookup("e@x.io", db=str(tmp_path / "flag.db")) is None
    monkeypatch.delenv("PITCHFIT_DB")
    assert resolve_db_url(None).endswith("/xdg-data/pitchfit/pitchfit.db")


def test_postgres_urls_use_psycopg_and_unknown_schemes_are_refused() -> None:
    assert resolve_db_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert resolve_db_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(ConfigError) as info:
        resolve_db_url("mysql://root:hunter2@db/x")
    assert "hunter2" not in str(info.value)
    assert "root:***@db/x" in str(info.value)


def test_postgres_lookup_on_an_unmigrated_database_is_none(pg_url: str) -> None:
    assert ledger.lookup("a@x.io", db=pg_url) is None
    assert ledger.load_suppressions(db=pg_url) == {}


def test_postgres_lookup_on_a_missing_database_is_an_error(pg_url: str) -> None:
    missing = pg_url.rsplit("/", 1)[0] + "/no_such_database"
    with pytest.raises(ConfigError, match="no_such_database"):
        ledger.lookup("a@x.io", db=missing)


def test_lookup_is_cheap_to_import_and_call_without_a_store(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from pitchfit.store.ledger import lookup; "
        f"assert lookup('a@x.io', db={str(tmp_path / 'none.db')!r}) is None; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sqlite_store_is_in_wal_mode(sqlite_url: str) -> None:
    import sqlite3

    ledger.suppress("w@x.io", reason="manual", db=sqlite_url)
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
