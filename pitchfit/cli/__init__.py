"""Command-line interface: thin shells over the library functions, same parameter names."""

from __future__ import annotations

import sys


def run() -> None:
    """The ``pitchfit`` console script.

    A plain ``pitchfit check FILE…`` (files only, no options) runs :func:`check_run.run_check`
    with its defaults straight away: the one-email check is the command people run most, and
    importing click would be a fifth of its start-up time. Anything else goes to the click CLI
    (:mod:`pitchfit.cli.main`), whose ``check`` command calls the same function.
    """
    args = sys.argv[1:]
    if len(args) >= 2 and args[0] == "check" and all(_plain(arg) for arg in args[1:]):
        from .check_run import run_check
        from .guard import guarded

        sys.exit(guarded(lambda: run_check(tuple(args[1:]))))
    from .main import run as run_click

    run_click()


def _plain(arg: str) -> bool:
    """A file argument click would take as one too (``-`` is stdin; ``-x``/``--x`` are options)."""
    return arg == "-" or not arg.startswith("-")
