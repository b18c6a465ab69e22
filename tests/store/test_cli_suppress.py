"""``pitchfit suppress``: add, list, remove, export and import through the real CLI."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from pitchfit.store import ledger

if TYPE_CHECKING:
    from conftest import PostgresServer, RunCli


def test_add_list_remove(cli: RunCli, db_url: str) -> None:
    ran = cli(
        "suppress", "add", "Ann@Acme.io", "--reason", "declined",
        "--evidence", "No thanks.", "--campaign", "spring", "--at", "2026-03-01T10:00:00Z",
        "--db", db_url,
    )  # fmt: skip
    assert ran.code == 0, ran.err
    assert "suppressed: ann@acme.io (declined)" in ran.out
    again = cli("suppress", "add", "ann@acme.io", "--db", db_url)
    assert "already suppressed: ann@acme.io (declined, 2026-03-01)" in again.out
    listed = cli("suppress", "list", "--db", db_url)
    assert listed.out.strip() == '2026-03-01  declined  ann@acme.io  [spring]  "No thanks."'
    as_json = json.loads(cli("suppress", "list", "--format", "json", "--db", db_url).out)
    assert as_json[0]["email"] == "ann@acme.io" and as_json[0]["evidence"] == "No thanks."
    removed = cli("suppress", "remove", "ann@acme.io", "nobody@x.io", "--db", db_url)
    assert "removed: ann@acme.io" in removed.out
    assert "not suppressed: nobody@x.io" in removed.err
    assert ledger.lookup("ann@acme.io", db=db_url) is None


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_export_then_import_round_trips(
    cli: RunCli, tmp_path: Path, db_url: str, suffix: str
) -> None:
    ledger.suppress("a@x.io", reason="declined", evidence='He said "no", twice,\nthen left.',
                    campaign="c1", db=db_url)  # fmt: skip
    ledger.suppress("b@x.io", reason="bounced", db=db_url)
    target = tmp_path / f"ledger{suffix}"
    assert cli("suppress", "export", str(target), "--db", db_url).code == 0
    assert not list(tmp_path.glob(".ledger*"))  # no temporary file left behind
    fresh = str(tmp_path / "fresh.db")
    ran = cli("suppress", "import", str(target), "--db", fresh)
    assert ran.code == 0, ran.err
    assert "imported 2 entries (2 new)" in ran.out
    original = ledger.load_suppressions(db=db_url)
    copied = ledger.load_suppressions(db=fresh)
    assert copied == original


def test_import_a_crm_list_with_only_emails(cli: RunCli, tmp_path: Path) -> None:
    source = tmp_path / "optouts.csv"
    source.write_text("Email\nx@y.io\n\nZ@Y.io\n")
    db = str(tmp_path / "s.db")
    ran = cli("suppress", "import", str(source), "--reason", "unsubscribed", "--db", db)
    assert ran.code == 0, ran.err
    assert sorted(ledger.load_suppressions(db=db)) == ["x@y.io", "z@y.io"]
    assert {s.reason for s in ledger.list_suppressions(db=db)} == {"unsubscribed"}


@pytest.mark.parametrize(
    ("content", "suffix", "where", "message"),
    [
        ("email,reason\nok@x.io,declined\nnot-an-address,declined\n", ".csv", ":3", "not an email"),
        ("email,reason\nok@x.io,sulking\n", ".csv", ":2", "unknown reason 'sulking'"),
        ("name\nAnn\n", ".csv", ":1", "'email' column"),
        ('[{"email": "ok@x.io"}, {"email": "b@x.io", "at": "yesterday"}]', ".json", ": item 2",
         "not an ISO 8601 date"),
        ('{"email": ', ".json", ":1", "invalid JSON"),
    ],
)  # fmt: skip
def test_bad_import_is_one_line_and_stores_nothing(
    cli: RunCli,
    tmp_path: Path,
    content: str,
    suffix: str,
    where: str,
    message: str,
) -> None:
    source = tmp_path / f"in{suffix}"
    source.write_text(content)
    db = str(tmp_path / "s.db")
    ran = cli("suppress", "import", str(source), "--db", db)
    assert ran.code == 2
    lines = ran.err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"pitchfit: error: {source}{where}: ")
    assert message in lines[0]
    assert ledger.load_suppressions(db=db) == {}


def test_bad_address_on_add_is_one_line(cli: RunCli, tmp_path: Path) -> None:
    ran = cli("suppress", "add", "nobody", "--db", str(tmp_path / "s.db"))
    assert ran.code == 2
    assert ran.err.strip() == "pitchfit: error: nobody: not an email address: 'nobody'"


def test_password_is_never_printed_or_logged(
    cli: RunCli,
    caplog: pytest.LogCaptureFixture,
    pg_server: PostgresServer,
    pg_password: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong_db = pg_server.url("no_such_database")
    wrong_pw = pg_server.url().replace(pg_password, pg_password + "-wrong")
    for url in (wrong_db, wrong_pw):
        for args in (("add", "a@x.io"), ("list",), ("export", "-")):
            ran = cli("suppress", *args, "--db", url)
            assert ran.code == 2, (args, ran.out, ran.err)
            assert ran.err.startswith(
                "pitchfit: error: postgresql+psycopg://pitchfit:***@127.0.0.1"
            )
            assert pg_password not in ran.out + ran.err
            assert "Traceback" not in ran.err
    good = pg_server.new_database()
    assert cli("suppress", "add", "a@x.io", "--db", good).code == 0
    assert pg_password not in caplog.text


def test_without_db_the_config_store_then_the_env_var_is_used(
    cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    monkeypatch.setenv("PITCHFIT_DB", str(tmp_path / "env.db"))
    assert cli("suppress", "add", "env@x.io").code == 0
    assert ledger.lookup("env@x.io", db=str(tmp_path / "env.db")) is not None
    (project / "pitchfit.toml").write_text(f'store = "{tmp_path / "conf.db"}"\n')
    assert cli("suppress", "add", "conf@x.io").code == 0
    assert ledger.lookup("conf@x.io", db=str(tmp_path / "conf.db")) is not None
    assert ledger.lookup("conf@x.io", db=str(tmp_path / "env.db")) is None
    listed = cli("suppress", "list", "--db", str(tmp_path / "env.db"))
    assert "env@x.io" in listed.out and "conf@x.io" not in listed.out
