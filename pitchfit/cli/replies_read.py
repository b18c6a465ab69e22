"""``pitchfit replies parse`` and ``pitchfit replies classify``: thin shells over the library.

Every message is handled on its own: an unusable one (empty, truncated, unreadable) gets one
``pitchfit: error: <where>: <what>`` line on stderr and the rest is still processed; the exit
code is 2 when any input was unusable, else 0. Recoverable problems (an unknown charset that
was guessed) get a ``warning`` line and the message is used.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

import click

from ..errors import InputError

_TRUNCATED = ("CloseBoundaryNotFoundDefect", "StartBoundaryNotFoundDefect")
_DEFECT_TEXT = {
    "CloseBoundaryNotFoundDefect": "truncated message: a MIME part never ends",
    "StartBoundaryNotFoundDefect": "truncated message: MIME parts announced but missing",
    "MissingHeaderBodySeparatorDefect": "malformed header block",
}


class _Run:
    """Counts unusable inputs and prints one line per problem."""

    def __init__(self) -> None:
        self.failed = 0

    def error(self, err: InputError) -> None:
        self.failed += 1
        click.echo(f"pitchfit: error: {err}", err=True)

    def warn(self, where: str, message: str) -> None:
        click.echo(f"pitchfit: warning: {where}: {message}", err=True)


def _messages(files: tuple[str, ...], run: _Run) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """``(location, ParsedReply, jsonl fields)`` for every usable message."""
    from ..replies.parse import parse_reply
    from ..replies.sources import iter_records

    for name in files:
        for label, raw, meta in iter_records(name, on_error=run.error):
            try:
                parsed = parse_reply(raw)
            except (ValueError, TypeError, LookupError, UnicodeError) as exc:
                run.error(InputError(f"unreadable message ({type(exc).__name__})", where=label))
                continue
            fatal = [p for p in parsed.problems if p in _TRUNCATED]
            if fatal:
                run.error(InputError(_DEFECT_TEXT[fatal[0]], where=label))
                continue
            for problem in parsed.problems:
                if problem.endswith("Defect"):
                    problem = _DEFECT_TEXT.get(problem, f"malformed message ({problem})")
                run.warn(label, problem)
            if not parsed.body.strip() and not (parsed.quoted or "").strip():
                run.error(InputError("no readable text in the message", where=label))
                continue
            yield label, parsed, meta


@contextlib.contextmanager
def _out(path: str | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    from ..io import atomic_write

    with atomic_write(path) as handle:
        yield handle


def _finish(ctx: click.Context, run: _Run) -> None:
    if run.failed:
        ctx.exit(2)


_FILES = click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True))
_OUTPUT = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout."
)


@click.command()
@_FILES
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "jsonl"]),
    default="text",
    show_default=True,
)
@_OUTPUT
@click.pass_context
def parse(ctx: click.Context, files: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Show the new text of replies (text, .eml, mbox, Maildir, .jsonl with "text")."""
    run = _Run()
    rows: list[dict[str, Any]] = []
    with _out(output) as out:
        for label, parsed, _meta in _messages(files, run):
            row = {"location": label, **parsed.to_dict()}
            if fmt == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            elif fmt == "json":
                rows.append(row)
            else:
                sig = f"\n-- signature --\n{parsed.signature}" if parsed.signature else ""
                auto = " (auto-reply)" if parsed.is_auto_reply else ""
                out.write(f"==> {label}{auto} <==\n{parsed.body}{sig}\n\n")
        if fmt == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    _finish(ctx, run)


def _table(rows: list[dict[str, Any]]) -> str:
    head = ("location", "intent", "conf", "next_action", "detail")
    lines = [head]
    for r in rows:
        detail = ""
        if r["referral"]:
            ref = r["referral"]
            detail = " ".join(str(v) for v in (ref["name"], ref["email"], ref["role"]) if v)
        elif r["objection_type"]:
            detail = r["objection_type"]
        lines.append(
            (r["location"], r["intent"], f"{r['confidence']:.2f}", r["next_action"], detail)
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(head) - 1)]
    text = []
    for line in lines:
        cells = [str(c).ljust(w) for c, w in zip(line[:-1], widths, strict=True)]
        text.append("  ".join([*cells, str(line[-1])]).rstrip())
    return "\n".join(text) + "\n"


@click.command()
@_FILES
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "jsonl"]),
    default="table",
    show_default=True,
)
@click.option("--received-at", help="Date the replies arrived (ISO), when the mail has no Date.")
@click.option(
    "--asked-before", is_flag=True, help="We already asked these 'no's what would make them buy."
)
@click.option(
    "--semantic/--no-semantic",
    default=None,
    help="Add sentence embeddings to the classifier (default: when installed).",
)
@_OUTPUT
@click.pass_context
def classify(
    ctx: click.Context,
    files: tuple[str, ...],
    fmt: str,
    received_at: str | None,
    asked_before: bool,
    semantic: bool | None,
    output: str | None,
) -> None:
    """Classify reply intent and propose the next step (text, .eml, mbox, .jsonl with "text")."""
    from ..replies.classify import classify_reply
    from ..replies.features import semantic_available

    if semantic is None:
        semantic = semantic_available()
    run = _Run()
    rows: list[dict[str, Any]] = []
    with _out(output) as out:
        for label, parsed, meta in _messages(files, run):
            context: dict[str, Any] = {
                "headers": parsed.headers,
                "received_at": meta.get("received_at") or parsed.date or received_at,
                "from_address": parsed.from_address,
                "asked_before": asked_before,
                "semantic": semantic,
            }
            if isinstance(meta.get("language"), str):
                context["language"] = meta["language"]
            text = parsed.body or parsed.quoted or ""
            row = {"location": label, **classify_reply(text, context=context).to_dict()}
            if fmt == "jsonl":
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
        if fmt == "json":
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "table" and rows:
            out.write(_table(rows))
    _finish(ctx, run)
