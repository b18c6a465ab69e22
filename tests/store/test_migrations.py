"""Alembic migrations: an empty database upgrades to head on both backends, matching the models."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from pitchfit.store import resolve_db_url
from pitchfit.store.engine import current_revision, dispose_all, get_engine, upgrade

TABLES = {"prospects", "campaigns", "messages", "replies", "outcomes", "suppressions"}


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from pitchfit.store.engine import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_empty_database_upgrades_to_head_and_matches_models(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import inspect

    from pitchfit.store.schema import Base

    url = resolve_db_url(db_url)
    assert current_revision(url) is None
    upgrade(url)
    assert current_revision(url) == _head()
    with get_engine(url).connect() as connection:
        assert set(inspect(connection).get_table_names()) >= TABLES
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    upgrade(url)  # a second run is a no-op
    assert current_revision(url) == _head()


def test_downgrade_to_base_and_back(db_url: str) -> None:
    from sqlalchemy import inspect

    url = resolve_db_url(db_url)
    upgrade(url)
    from alembic import command
    from alembic.config import Config

    from pitchfit.store.engine import migrations_dir

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    with get_engine(url).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with get_engine(url).connect() as connection:
        assert not TABLES & set(inspect(connection).get_table_names())
    upgrade(url)
    assert current_revision(url) == _head()


def _migrate(url: str) -> None:
    dispose_all()
    upgrade(url)


def test_two_processes_migrating_a_fresh_database_both_succeed(db_url: str) -> None:
    url = resolve_db_url(db_url)
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_migrate, args=(url,)) for _ in range(2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
    assert [proc.exitcode for proc in procs] == [0, 0]
    assert current_revision(url) == _head()


def test_migrations_ship_inside_the_package() -> None:
    from pitchfit.store.engine import migrations_dir

    folder = migrations_dir()
    assert (folder / "env.py").is_file()
    assert list((folder / "versions").glob("0001_*.py"))
    assert folder.is_relative_to(Path(__import__("pitchfit").__file__).parent)


@pytest.mark.parametrize("url", ["sqlite:///relative.db"])
def test_relative_sqlite_urls_are_left_alone(url: str) -> None:
    assert resolve_db_url(url) == url


def test_a_store_from_a_newer_pitchfit_is_a_clear_error(db_url: str) -> None:
    from sqlalchemy import text

    from pitchfit.errors import ConfigError

    url = resolve_db_url(db_url)
    upgrade(url)
    with get_engine(url).begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(ConfigError, match="newer pitchfit"):
        upgrade(url)
