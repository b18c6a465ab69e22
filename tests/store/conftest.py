"""Store fixtures: a fresh SQLite file, and a real PostgreSQL server for the test session.

The server is started with the Debian binaries (``initdb`` + ``pg_ctl``) in a temporary folder
on a free loopback port, with password authentication so the tests can check that the password
never shows up in output. ``initdb`` refuses to run as root, so as root the server runs as the
``postgres`` user in a folder that user owns.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from pitchfit.store import engine as store_engine

PG_USER = "pitchfit"
PG_PASSWORD = "s3cret-Pw0rd"


def find_pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (newest Debian version first), or None."""
    candidates = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
        reverse=True,
    )
    found = shutil.which("initdb")
    if found:
        candidates.append(found)
    for initdb in candidates:
        folder = Path(initdb).parent
        if (folder / "pg_ctl").is_file():
            return folder
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PostgresServer:
    """A throw-away PostgreSQL cluster; :meth:`new_database` gives each test its own database."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.root = Path(tempfile.mkdtemp(prefix="pitchfit-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            try:
                user = pwd.getpwnam("postgres")
            except KeyError:
                pytest.skip("running as root and no 'postgres' user to run the server as")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            runuser = shutil.which("runuser")
            self.prefix = [runuser, "-u", "postgres", "--"] if runuser else []
            if not self.prefix:
                pytest.skip("running as root and runuser is missing")
        pwfile = self.root / "pw"
        pwfile.write_text(PG_PASSWORD + "\n")
        if os.geteuid() == 0:
            os.chown(pwfile, user.pw_uid, user.pw_gid)

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [*self.prefix, *args], capture_output=True, text=True, timeout=120, check=False
        )
        if result.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{args[0]} failed: {result.stderr or result.stdout}\n{tail}")

    def start(self) -> None:
        self._run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-U",
            PG_USER,
            f"--pwfile={self.root / 'pw'}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
        )
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "server.log"),
            "-w",
            "-t",
            "60",
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{PG_USER}:{PG_PASSWORD}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        dsn = f"host=127.0.0.1 port={self.port} user={PG_USER} password={PG_PASSWORD}"
        with psycopg.connect(dsn + " dbname=postgres", autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A running PostgreSQL server, or a visible skip when no PostgreSQL binary exists."""
    bindir = find_pg_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL server binary (initdb/pg_ctl); apt-get install postgresql")
    server = PostgresServer(bindir)
    try:
        server.start()
    except BaseException:
        server.stop()
        raise
    try:
        yield server
    finally:
        store_engine.dispose_all()
        server.stop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A database URL for a fresh SQLite file (not yet created)."""
    return f"sqlite:///{tmp_path / 'store' / 'pitchfit.db'}"


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database on the session's server."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Both backends: each store test runs once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(name)
    return url


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test touches the real user data folder or inherits $PITCHFIT_DB."""
    monkeypatch.delenv("PITCHFIT_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield
    store_engine.dispose_all()


@dataclass
class Ran:
    """What a user would see: exit code, stdout and stderr."""

    code: int
    out: str
    err: str


RunCli = Callable[..., Ran]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """``cli("suppress", "list")`` runs the real ``pitchfit`` entry point in-process."""
    from pitchfit.cli.main import main

    def run(*args: str) -> Ran:
        capsys.readouterr()
        code = 0
        try:
            returned = main(list(args))
            code = returned if isinstance(returned, int) else 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


@pytest.fixture
def pg_password() -> str:
    """The PostgreSQL test server's password (tests check it never leaks)."""
    return PG_PASSWORD
