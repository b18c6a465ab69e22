"""Run one rule alone on one of its examples: what the example test and ``pitchfit rule`` use."""

from __future__ import annotations

from datetime import UTC, datetime

from ..config import Settings
from ..io import parse_history, validate
from ..models import Finding, Offer, Prospect, Report
from ..text.inputs import split_subject
from .base import Example, Rule


def run_example(rule: type[Rule], example: Example) -> Report:
    """Check ``example`` with only ``rule`` selected (and its example options)."""
    from ..engine import Checker

    settings = Settings(
        select=(rule.code,),
        rule_options={rule.name: dict(example.options)} if example.options else {},
    )
    subject, body = split_subject(example.text)
    prospect = (
        validate(Prospect, dict(example.prospect), where=f"{rule.name} example prospect")
        if example.prospect is not None
        else None
    )
    offer = (
        validate(Offer, dict(example.offer), where=f"{rule.name} example offer")
        if example.offer is not None
        else None
    )
    history = (
        parse_history([dict(h) for h in example.history], where=f"{rule.name} example history")
        if example.history or "history" in rule.needs
        else None
    )
    now = datetime.fromisoformat(example.now) if example.now else None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return Checker(settings).check(
        body, subject=subject, prospect=prospect, offer=offer, history=history, now=now
    )


def covers(finding: Finding, body: str, subject: str | None, needle: str) -> bool:
    """Whether the finding's span covers the first occurrence of ``needle``."""
    text = (subject or "") if finding.span.line == 0 else body
    at = text.find(needle)
    if at == -1:
        return False
    return finding.span.start <= at and at + len(needle) <= finding.span.end
