"""What ``pitchfit check`` does, without click: the command parses its options into
:func:`run_check`, and a plain ``pitchfit check FILE...`` calls it directly, so the most common
one-email run does not pay for importing click (see :func:`pitchfit.cli.run`)."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import InputError, UsageError

FORMATS = ("text", "json", "sarif", "github")
SEVERITIES = ("suggestion", "warning", "error")


@dataclass
class _Input:
    path: str
    body: str
    subject: str | None
    line_offset: int = 0
    id: str | None = None
    prospect: Any = None
    offer: Any = None
    history: Any = None
    fixable: bool = False
    prefix: str = ""


@dataclass
class _Broken:
    path: str
    error: InputError


def _split_list(values: tuple[str, ...]) -> tuple[str, ...] | None:
    items = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    return items or None


def _parse_value(raw: str) -> Any:
    import tomllib

    try:
        return tomllib.loads(f"v = {raw}")["v"]
    except tomllib.TOMLDecodeError:
        return raw


def build_settings(
    config: str | None,
    *,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    min_severity: str | None = None,
    fail_on: str | None = None,
    option: tuple[str, ...] = (),
    weight: tuple[str, ...] = (),
    fit_method: str | None = None,
    db: str | None = None,
) -> Any:
    """Config file settings with the command line's flags on top (flags win)."""
    from ..config import load_settings, validate_rule_keys, validate_rule_options
    from ..rules.registry import all_rules, matches

    settings = load_settings(config)
    sel, ign = _split_list(select), _split_list(ignore)
    for selector in (sel or ()) + (ign or ()):
        if not any(matches(selector, cls) for cls in all_rules()):
            raise UsageError(
                f"--select/--ignore: {selector!r} matches no rule (see `pitchfit rules`)"
            )
    options: dict[str, dict[str, Any]] = {}
    for item in option:
        key, eq, raw = item.partition("=")
        rule, dot, name = key.partition(".")
        if not eq or not dot:
            raise UsageError(
                f"--option {item!r}: expected RULE.OPTION=VALUE, e.g. too-long.max-chars=500"
            )
        options.setdefault(rule, {})[name] = _parse_value(raw)
    weights: dict[str, float] = {}
    for item in weight:
        key, eq, raw = item.partition("=")
        try:
            weights[key] = float(raw)
        except ValueError:
            raise UsageError(f"--weight {item!r}: expected RULE=POINTS") from None
        if not eq:
            raise UsageError(f"--weight {item!r}: expected RULE=POINTS")
    validate_rule_keys([*options, *weights], where="command line")
    validate_rule_options(options, where="command line")
    from ..config import normalise_rule_options

    return settings.merged(
        select=sel,
        ignore=ign,
        min_severity=min_severity,
        fail_on=fail_on,
        rule_options=normalise_rule_options(options) if options else None,
        weights=weights or None,
        fit_method=fit_method,
        store=db,
    )


def _iter_inputs(paths: tuple[str, ...], defaults: dict[str, Any]) -> Iterator[_Input | _Broken]:
    from ..text.inputs import parse_email_bytes

    for path in paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                subject, body = parse_email_bytes(data, where="<stdin>")
                yield _Input("<stdin>", body, subject, _offset(data, body), **defaults)
                continue
            p = Path(path)
            if p.suffix.lower() == ".jsonl":
                yield from _iter_jsonl(p, defaults)
                continue
            try:
                data = p.read_bytes()
            except FileNotFoundError:
                raise InputError("no such file", where=path) from None
            except IsADirectoryError:
                raise InputError("is a directory (give the email files)", where=path) from None
            except OSError as exc:
                raise InputError(exc.strerror or str(exc), where=path) from None
            is_eml = p.suffix.lower() == ".eml"
            subject, body = parse_email_bytes(data, where=path, eml=is_eml)
            text = data.decode("utf-8-sig", "replace")
            fixable = not is_eml and text.endswith(body)
            prefix = text[: len(text) - len(body)] if fixable else ""
            offset = prefix.count("\n") if fixable else 0
            item = _Input(path, body, subject, offset, fixable=fixable, prefix=prefix, **defaults)
            item.id = path
            yield item
        except InputError as exc:
            yield _Broken(path, exc)


def _offset(data: bytes, body: str) -> int:
    text = data.decode("utf-8-sig", "replace")
    return text[: len(text) - len(body)].count("\n") if text.endswith(body) else 0


def _iter_jsonl(path: Path, defaults: dict[str, Any]) -> Iterator[_Input | _Broken]:
    from ..io import parse_history, validate
    from ..models import Offer, Prospect

    try:
        handle = path.open(encoding="utf-8-sig")
    except FileNotFoundError:
        yield _Broken(str(path), InputError("no such file", where=str(path)))
        return
    with handle:
        for lineno, line in enumerate(handle, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            try:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"invalid JSON: {exc.msg}", where=where) from None
                if not isinstance(rec, dict):
                    raise InputError("expected a JSON object", where=where)
                body = rec.get("body")
                if not isinstance(body, str):
                    raise InputError("missing field 'body' (a string)", where=where)
                item = _Input(where, body, rec.get("subject"), id=rec.get("id"), **defaults)
                if rec.get("id") is None:
                    item.id = where
                if "prospect" in rec:
                    item.prospect = validate(Prospect, rec["prospect"], where=f"{where}: prospect")
                if "offer" in rec:
                    item.offer = validate(Offer, rec["offer"], where=f"{where}: offer")
                if "history" in rec:
                    item.history = parse_history(rec["history"], where=f"{where}: history")
                yield item
            except InputError as exc:
                yield _Broken(where, exc)


def _suppression(prospect: Any, settings: Any) -> Any:
    if prospect is None or not getattr(prospect, "email", ""):
        return None
    from ..store.ledger import lookup  # cheap: SQLAlchemy loads only when a store exists

    return lookup(prospect.email, db=settings.store)


def run_check(
    files: tuple[str, ...],
    *,
    prospect_file: str | None = None,
    offer_file: str | None = None,
    history_file: str | None = None,
    fmt: str = "text",
    output: str | None = None,
    select: tuple[str, ...] = (),
    ignore: tuple[str, ...] = (),
    min_severity: str | None = None,
    fail_on: str | None = None,
    option: tuple[str, ...] = (),
    weight: tuple[str, ...] = (),
    config: str | None = None,
    fit_method: str | None = None,
    db: str | None = None,
    now: str | None = None,
    fix: bool = False,
    diff: bool = False,
    color: bool | None = None,
) -> int:
    """Check ``files`` and write the results; returns the exit code (0 clean, 1 a finding at
    or above ``fail_on``, 2 an input that could not be read)."""
    from ..engine import CheckedEmail, Checker

    if not files:
        if sys.stdin.isatty():
            raise UsageError("no input: give email files, a .jsonl batch, or - for stdin")
        files = ("-",)
    if fix and diff:
        raise UsageError("--fix and --diff do not go together (--diff shows, --fix writes)")
    settings = build_settings(
        config,
        select=select,
        ignore=ignore,
        min_severity=min_severity,
        fail_on=fail_on,
        option=option,
        weight=weight,
        fit_method=fit_method,
        db=db,
    )
    send_time = _parse_now(now)
    if prospect_file or offer_file or history_file:
        from ..io import load_history, load_offer, load_prospect  # pydantic only when needed
    defaults = {
        "prospect": load_prospect(prospect_file) if prospect_file else None,
        "offer": load_offer(offer_file) if offer_file else None,
        "history": load_history(history_file) if history_file else None,
    }
    checker = Checker(settings)
    results: list[CheckedEmail] = []
    broken = 0
    diffs: list[str] = []
    for item in _iter_inputs(files, defaults):
        if isinstance(item, _Broken):
            broken += 1
            echo(f"pitchfit: error: {item.error}", err=True)
            continue
        kwargs = {
            "subject": item.subject,
            "prospect": item.prospect,
            "offer": item.offer,
            "history": item.history,
            "id": item.id,
            "now": send_time,
            "suppression": _suppression(item.prospect, settings),
        }
        report = checker.check(item.body, **kwargs)
        if (fix or diff) and item.fixable:
            from ..fixes import apply_edits, safe_edits, unified_diff

            edits = safe_edits(report.findings)
            if edits:
                new_body = apply_edits(item.body, edits)
                if diff:
                    diffs.append(
                        unified_diff(item.prefix + item.body, item.prefix + new_body, item.path)
                    )
                else:
                    from ..io import atomic_write

                    with atomic_write(item.path) as handle:
                        handle.write(item.prefix + new_body)
                    echo(f"pitchfit: fixed {len(edits)} in {item.path}", err=True)
                    item.body = new_body
                    report = checker.check(new_body, **kwargs)
        results.append(CheckedEmail(item.path, item.body, item.subject, report, item.line_offset))
    if diff:
        echo("".join(diffs), nl=False)
    else:
        _emit(results, fmt, output, color)
    if broken:
        return 2
    threshold = settings.fail_on
    from ..rules.base import Severity

    failing = any(
        Severity.parse(f.severity) >= threshold for r in results for f in r.report.findings
    )
    return 1 if failing else 0


def _emit(results: list[Any], fmt: str, output: str | None, color: bool | None) -> None:
    from ..output import write

    if output:
        from ..io import atomic_write

        with atomic_write(output) as handle:
            write(results, fmt, handle, color=False)
        return
    use_color = (
        color
        if color is not None
        else (sys.stdout.isatty() and "NO_COLOR" not in os.environ and fmt == "text")
    )
    buffer = io.StringIO()
    write(results, fmt, buffer, color=use_color)
    echo(buffer.getvalue(), nl=False)


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--now {value!r}: expected an ISO 8601 date or datetime") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def echo(text: str, *, err: bool = False, nl: bool = True) -> None:
    """Write to stdout (or stderr) as ``click.echo`` does for text: a stream that cannot
    encode the text (``PYTHONIOENCODING=ascii``) gets it as UTF-8 rather than a traceback."""
    stream = sys.stderr if err else sys.stdout
    data = f"{text}\n" if nl else text
    try:
        stream.write(data)
    except UnicodeEncodeError:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:
            raise
        stream.flush()
        buffer.write(data.encode("utf-8", "replace"))
    stream.flush()
