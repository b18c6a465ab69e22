"""Alembic environment: runs on the connection the caller passes (no alembic.ini, no logging).

:func:`pitchfit.store.engine.upgrade` opens the transaction and puts the connection in
``config.attributes["connection"]``; running outside it (plain ``alembic`` CLI) is refused so
nobody migrates with a URL typed into a config file.
"""

from __future__ import annotations

from alembic import context

from pitchfit.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached through the alembic CLI
    raise RuntimeError("run migrations through pitchfit.store.engine.upgrade()")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
