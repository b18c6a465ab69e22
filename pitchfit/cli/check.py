"""``pitchfit check``: check emails (text, .eml, stdin, or a .jsonl batch)."""

from __future__ import annotations

import sys

import click

from .check_run import FORMATS, SEVERITIES, build_settings, run_check

__all__ = ["build_settings", "check"]


@click.command()
@click.argument("files", nargs=-1, type=str)
@click.option("--prospect", "prospect_file", metavar="FILE", help="Prospect profile (YAML/JSON).")
@click.option("--offer", "offer_file", metavar="FILE", help="The offer (YAML/JSON).")
@click.option(
    "--history", "history_file", metavar="FILE", help="Earlier messages (YAML/JSON list)."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Write the output to FILE (atomically).")
@click.option(
    "--select", multiple=True, metavar="RULES", help="Codes, prefixes, families or names."
)
@click.option("--ignore", multiple=True, metavar="RULES", help="Rules to leave out.")
@click.option("--min-severity", type=click.Choice(SEVERITIES), help="Hide findings below this.")
@click.option("--fail-on", type=click.Choice(SEVERITIES), help="Exit 1 at or above this [error].")
@click.option("--option", "option", multiple=True, metavar="RULE.KEY=VALUE", help="Rule option.")
@click.option("--weight", multiple=True, metavar="RULE=POINTS", help="Override a rule's points.")
@click.option("--config", metavar="FILE", help="pitchfit.toml or pyproject.toml to use.")
@click.option(
    "--fit-method", type=click.Choice(["auto", "semantic", "lexical"]), help="Fit engine."
)
@click.option("--db", metavar="URL", help="Store with the suppression ledger [PITCHFIT_DB].")
@click.option("--now", metavar="DATETIME", help="When the email goes out (ISO 8601) [now].")
@click.option("--fix", is_flag=True, help="Apply safe fixes to the files (atomically).")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a diff; change nothing.")
@click.option("--color/--no-color", default=None, help="Colour the text output [auto].")
def check(
    files: tuple[str, ...],
    prospect_file: str | None,
    offer_file: str | None,
    history_file: str | None,
    fmt: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str | None,
    fail_on: str | None,
    option: tuple[str, ...],
    weight: tuple[str, ...],
    config: str | None,
    fit_method: str | None,
    db: str | None,
    now: str | None,
    fix: bool,
    diff: bool,
    color: bool | None,
) -> None:
    """Check emails against the prospect, the offer and the history.

    FILES are plain-text emails (optional first line "Subject: ..."), .eml files, "-" for
    stdin, or .jsonl batches (one {"body", "id", "subject", "prospect", "offer", "history"}
    per line). Exit 0 clean, 1 a finding at or above --fail-on, 2 bad input.
    """
    sys.exit(
        run_check(
            files,
            prospect_file=prospect_file,
            offer_file=offer_file,
            history_file=history_file,
            fmt=fmt,
            output=output,
            select=select,
            ignore=ignore,
            min_severity=min_severity,
            fail_on=fail_on,
            option=option,
            weight=weight,
            config=config,
            fit_method=fit_method,
            db=db,
            now=now,
            fix=fix,
            diff=diff,
            color=color,
        )
    )
