"""``pitchfit suppress``: the ledger by hand (add, list, remove, export, import)."""

from __future__ import annotations

import json
from datetime import datetime

import click

from ..errors import InputError
from ..models import Suppression
from ..store import ledger, transfer

DB_HELP = "Store URL or SQLite path [default: pitchfit.toml store, $PITCHFIT_DB, user data folder]."


def _store(db: str | None) -> str | None:
    """``--db``, else ``store`` in pitchfit.toml, else $PITCHFIT_DB (the same ledger as check)."""
    if db:
        return db
    from ..config import load_settings

    return load_settings().store


def _with_store(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    return _store(value)


db_option = click.option("--db", metavar="URL", default=None, help=DB_HELP, callback=_with_store)


@click.group()
def suppress() -> None:
    """Manage the suppression ledger: who must not be contacted again, in any campaign."""


def _parse_at(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return ledger.as_utc(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        raise InputError(f"not an ISO 8601 date: {value!r}", where="--at") from None


@suppress.command("add")
@click.argument("emails", nargs=-1, required=True)
@click.option(
    "--reason",
    type=click.Choice(ledger.REASONS),
    default="manual",
    show_default=True,
    help="Why they must not be contacted.",
)
@click.option("--evidence", default="", help="What they said (quoted in blocked rows).")
@click.option("--campaign", default=None, help="Campaign where they said it.")
@click.option("--at", "at", default=None, help="When (ISO 8601; default now).")
@click.option("--replace", is_flag=True, help="Overwrite an existing entry instead of keeping it.")
@db_option
def add(
    emails: tuple[str, ...],
    reason: str,
    evidence: str,
    campaign: str | None,
    at: str | None,
    replace: bool,
    db: str | None,
) -> None:
    """Suppress EMAILS in every campaign.

    An address already on the ledger keeps its first date and reason unless --replace.
    """
    when = _parse_at(at)
    for email in emails:
        address = ledger.normalize_email(email, where=email)
        before = ledger.lookup(address, db=db)
        entry = ledger.suppress(
            address,
            reason=reason,
            at=when,
            evidence=evidence,
            source="manual",
            campaign=campaign,
            db=db,
            replace=replace,
        )
        if before is not None and not replace:
            click.echo(f"already suppressed: {entry.email} ({entry.reason}, {_date(entry)})")
        else:
            click.echo(f"suppressed: {entry.email} ({entry.reason})")


def _date(entry: Suppression) -> str:
    return entry.at.date().isoformat() if entry.at else "-"


def _excerpt(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


@suppress.command("list")
@click.option("--reason", type=click.Choice(ledger.REASONS), default=None, help="Only this reason.")
@click.option("--campaign", default=None, help="Only entries recorded in this campaign.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "csv"]),
    default="text",
    show_default=True,
)
@db_option
def list_(reason: str | None, campaign: str | None, fmt: str, db: str | None) -> None:
    """List the ledger: date, reason, address, campaign, their words."""
    entries = ledger.list_suppressions(db=db, reason=reason, campaign=campaign)
    if fmt in ("json", "csv"):
        transfer.write(entries, "-", "json" if fmt == "json" else "csv")
        return
    if not entries:
        click.echo("no suppressed addresses", err=True)
        return
    for entry in entries:
        parts = [_date(entry), entry.reason, entry.email]
        if entry.campaign:
            parts.append(f"[{entry.campaign}]")
        if entry.evidence:
            parts.append(json.dumps(_excerpt(entry.evidence), ensure_ascii=False))
        click.echo("  ".join(parts))


@suppress.command("remove")
@click.argument("emails", nargs=-1, required=True)
@db_option
def remove(emails: tuple[str, ...], db: str | None) -> None:
    """Take EMAILS off the ledger.

    Only for people who asked to hear from you again: no means no.
    """
    wanted = [ledger.normalize_email(e, where=e) for e in emails]
    removed = set(ledger.unsuppress(wanted, db=db))
    for address in wanted:
        if address in removed:
            click.echo(f"removed: {address}")
        else:
            click.echo(f"not suppressed: {address}", err=True)


@suppress.command("export")
@click.argument("path", default="-")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default=None,
    help="Default: from the file extension, else CSV.",
)
@db_option
def export(path: str, fmt: str | None, db: str | None) -> None:
    """Write the ledger to PATH as CSV or JSON.

    PATH defaults to - (stdout); a file is written to a temporary name and renamed.
    """
    entries = ledger.list_suppressions(db=db)
    transfer.write(entries, path, transfer.guess_format(path, fmt))
    if path != "-":
        click.echo(f"exported {len(entries)} entries to {path}", err=True)


@suppress.command("import")
@click.argument("path")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default=None,
    help="Default: from the file extension, else CSV.",
)
@click.option(
    "--reason",
    type=click.Choice(ledger.REASONS),
    default="manual",
    show_default=True,
    help="Reason for rows that give none.",
)
@click.option("--replace", is_flag=True, help="Overwrite existing entries with the file's.")
@db_option
def import_(path: str, fmt: str | None, reason: str, replace: bool, db: str | None) -> None:
    """Add entries from a CSV or JSON file (all or nothing).

    A CSV needs an email column; reason, at, evidence, source and campaign are optional.
    """
    entries = transfer.read(path, transfer.guess_format(path, fmt), default_reason=reason)
    new = ledger.import_entries(entries, db=db, replace=replace)
    click.echo(f"imported {len(entries)} entries ({new} new)")
