"""docs/replies.md must name every reply-reading command, option, intent and next action."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from pitchfit.cli.replies_read import classify, parse
from pitchfit.replies.features import INTENTS

DOC = Path(__file__).resolve().parents[2] / "docs" / "replies.md"


@pytest.mark.parametrize("command", [parse, classify], ids=lambda c: c.name)
def test_every_option_is_documented(command: click.Command) -> None:
    text = DOC.read_text(encoding="utf-8")
    assert f"pitchfit replies {command.name}" in text
    for param in command.params:
        if isinstance(param, click.Option):
            for flag in param.opts:
                assert flag in text, f"{command.name} {flag} is not in docs/replies.md"
        if isinstance(param, click.Option) and isinstance(param.type, click.Choice):
            for choice in param.type.choices:
                assert str(choice) in text


def test_every_intent_and_action_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for intent in INTENTS:
        assert f"`{intent}`" in text or intent in text
    for action in (
        "ask_once_then_stop",
        "stop",
        "write_to_referral",
        "ask_for_referral",
        "hold_until",
        "suppress",
        "follow_up_after",
        "book_meeting",
        "answer_question",
    ):
        assert f"`{action}" in text, action
