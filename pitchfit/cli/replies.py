"""``pitchfit replies``: parse, classify and ingest replies."""

from __future__ import annotations

import click

from .lazy import LazyGroup


@click.group(
    cls=LazyGroup,
    lazy={
        "parse": ("pitchfit.cli.replies_read:parse", "Show the new text of replies."),
        "classify": ("pitchfit.cli.replies_read:classify", "Classify reply intent."),
        "ingest": ("pitchfit.cli.replies_store:ingest", "Store replies and suppress every no."),
    },
)
def replies() -> None:
    """Read replies: strip quotes and signatures, classify intent, store outcomes."""
