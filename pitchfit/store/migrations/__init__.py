"""Alembic migrations for the store, run in code by :func:`pitchfit.store.engine.upgrade`."""
