"""``pitchfit rules`` (the catalogue) and ``pitchfit rule NAME|CODE`` (one rule's doc)."""

from __future__ import annotations

import json

import click

from ..errors import UsageError


@click.command()
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--family",
    help="Only this family (targeting, homework, ask, value, style, followup, strengths).",
)
def rules(fmt: str, family: str | None) -> None:
    """List the rule catalogue: code, name, severity, what each rule needs."""
    from ..rules.registry import all_rules

    chosen = [cls for cls in all_rules() if family is None or cls.family() == family]
    if family is not None and not chosen:
        raise UsageError(f"no family {family!r}")
    if fmt == "json":
        click.echo(json.dumps([cls.describe() for cls in chosen], indent=2, ensure_ascii=False))
        return
    current = None
    for cls in chosen:
        if cls.family() != current:
            current = cls.family()
            click.echo(f"\n{current}")
        needs = f"  (needs {', '.join(cls.needs)})" if cls.needs else ""
        sev = "strength" if cls.kind == "strength" else cls.severity.label
        summary = cls.doc_sections().get("summary", "")
        click.echo(f"  {cls.code}  {cls.name:26} {sev:10} {summary}{needs}")


@click.command()
@click.argument("key")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def rule(key: str, fmt: str) -> None:
    """Show one rule's documentation and examples (by name or code)."""
    from ..rules.registry import get_rule

    cls = get_rule(key)
    if cls is None:
        raise UsageError(f"no rule {key!r} (see `pitchfit rules`)")
    info = cls.describe()
    if fmt == "json":
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
        return
    kind = "strength" if cls.kind == "strength" else info["severity"]
    click.echo(f"{cls.code} {cls.name} ({info['family']}, {kind}, since {cls.since})")
    click.echo(f"\n{info['summary']}")
    for head, key_ in (
        ("What it does", "what"),
        ("Why it matters", "why"),
        ("Principle", "principle"),
    ):
        click.echo(f"\n{head}\n{info['doc'][key_]}")
    if cls.needs:
        click.echo(f"\nNeeds: {', '.join(cls.needs)} (skipped without)")
    if cls.fix_title:
        click.echo(f"\nFix: {cls.fix_title}")
    if cls.options:
        opts = ", ".join(f"{k.replace('_', '-')} = {v!r}" for k, v in cls.options.items())
        click.echo(f"\nOptions ([rules.{cls.name}] in pitchfit.toml): {opts}")
    flagged, fine = (
        ("Earns it", "Does not") if cls.kind == "strength" else ("Flagged", "Not flagged")
    )
    for title, examples in (
        (flagged, cls.good if cls.kind == "strength" else cls.bad),
        (fine, cls.bad if cls.kind == "strength" else cls.good),
    ):
        click.echo(f"\n{title}:")
        for ex in examples:
            text = ex.text.strip().replace("\n", "\n    ")
            click.echo(f"  - {text}")
