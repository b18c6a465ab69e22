"""``pitchfit replies ingest``: store replies and suppress every "no", one message at a time."""

from __future__ import annotations

import json

import click

from ..store.ingest import Outcome, ingest_paths


def _line(outcome: Outcome) -> str:
    if outcome.status == "error":
        return f"error: {outcome.where}: {outcome.error}"
    label = "already stored" if outcome.status == "duplicate" else outcome.status
    text = f"{label}: {outcome.where}: {outcome.from_address or '-'}"
    if outcome.intent:
        text += f" ({outcome.intent})"
    for entry in outcome.suppressed:
        text += f"; suppressed {entry.email} ({entry.reason})"
    return text


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--db",
    metavar="URL",
    default=None,
    help="Store URL or SQLite path [default: pitchfit.toml store, $PITCHFIT_DB, user data folder].",
)
@click.option("--campaign", default=None, help="Campaign the replies answer (created if new).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "jsonl"]),
    default="text",
    show_default=True,
    help="One line per message: text, or one JSON object per line.",
)
@click.pass_context
def ingest(
    ctx: click.Context, files: tuple[str, ...], db: str | None, campaign: str | None, fmt: str
) -> None:
    """Store replies and suppress every no.

    FILES are .eml or text files, mbox files, Maildir folders or .jsonl.

    The same Message-ID twice is stored once. A reply that says no, unsubscribes or bounces
    suppresses that address in every campaign. A bad message is reported on its own line and
    the rest are still stored; the exit code is 2 when any message failed.
    """

    def show(outcome: Outcome) -> None:
        if fmt == "jsonl":
            click.echo(json.dumps(outcome.to_dict(), ensure_ascii=False))
        else:
            click.echo(_line(outcome), err=outcome.status == "error")
            for warning in outcome.warnings:
                click.echo(f"warning: {outcome.where}: {warning}", err=True)

    if not db:
        from ..config import load_settings

        db = load_settings().store  # pitchfit.toml `store`, else $PITCHFIT_DB
    summary = ingest_paths(files, db=db, campaign=campaign, on_outcome=show)
    click.echo(
        f"{summary.stored} stored, {summary.duplicate} already stored, "
        f"{summary.error} failed, {summary.suppressed} newly suppressed",
        err=True,
    )
    if summary.error:
        ctx.exit(2)
