"""``pitchfit`` entry point: error handling and the list of command groups."""

from __future__ import annotations

import sys
from typing import Any

import click

from .guard import guarded
from .lazy import LazyGroup

COMMANDS = {
    "check": ("pitchfit.cli.check:check", "Check emails against the prospect, offer and history."),
    "rules": ("pitchfit.cli.rules:rules", "List the rule catalogue."),
    "rule": ("pitchfit.cli.rules:rule", "Show one rule's documentation and examples."),
    "fit": ("pitchfit.cli.fit:fit", "Score prospect-offer fit with the evidence behind it."),
    "campaign": (
        "pitchfit.cli.campaign:campaign",
        "Preflight a whole campaign before it goes out.",
    ),
    "replies": ("pitchfit.cli.replies:replies", "Parse, classify and store replies."),
    "suppress": ("pitchfit.cli.suppress:suppress", "Manage the suppression ledger (no means no)."),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pitchfit", prog_name="pitchfit")
def cli() -> None:
    """pitchfit: outreach worth answering.

    Check a pitch against the prospect and the offer, score fit, preflight a campaign,
    read the replies and keep "no means no".
    """


def main(argv: list[str] | None = None) -> Any:
    """Run the CLI; a PitchfitError becomes one line on stderr and exit code 2."""
    return guarded(lambda: _main(argv))


def _main(argv: list[str] | None) -> Any:
    try:
        return cli.main(args=argv, prog_name="pitchfit", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("pitchfit: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if exc.exit_code not in (0, 1) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


def run() -> None:
    """Run the click CLI and turn ``main``'s return value into the exit code."""
    code = main()
    sys.exit(code if isinstance(code, int) else 0)
