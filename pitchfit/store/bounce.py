"""Recognise delivery failures (bounces) so the failed address is suppressed, not the robot.

A bounce comes from ``MAILER-DAEMON``; suppressing that sender would be useless. What matters is
the recipient that failed permanently: read from the RFC 3464 ``message/delivery-status`` part
(``Action: failed``, ``Status: 5.x.x``) or, for servers that skip it, ``X-Failed-Recipients``.
Temporary failures (``4.x.x``, ``Action: delayed``) are not bounces for the ledger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import message_from_bytes, message_from_string, policy
from email.message import Message

_ROBOT = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.I)
_ADDRESS = re.compile(r"[^\s<>;,\"']+@[^\s<>;,\"']+")


@dataclass(frozen=True)
class Bounce:
    """A permanent delivery failure: who failed, the status code and the server's words."""

    recipients: tuple[str, ...]
    status: str = ""
    diagnostic: str = ""
    permanent: bool = True
    notes: list[str] = field(default_factory=list, compare=False)


def _address(value: str | None) -> str | None:
    if not value:
        return None
    text = value.split(";", 1)[1] if ";" in value else value
    match = _ADDRESS.search(text)
    return match.group(0).strip(".").lower() if match else None


def _recipient_blocks(msg: Message) -> list[Message]:
    blocks: list[Message] = []
    for part in msg.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        payload = part.get_payload()
        if isinstance(payload, list):
            blocks.extend(p for p in payload[1:] if isinstance(p, Message))
    return blocks


def _from_report(msg: Message) -> Bounce | None:
    failed: list[str] = []
    status = diagnostic = ""
    seen_block = False
    for block in _recipient_blocks(msg):
        seen_block = True
        action = str(block.get("Action", "")).strip().lower()
        code = str(block.get("Status", "")).strip()
        if action != "failed" and not code.startswith("5"):
            continue
        if code and not code.startswith("5"):
            continue
        address = _address(block.get("Final-Recipient")) or _address(
            block.get("Original-Recipient")
        )
        if address and address not in failed:
            failed.append(address)
            status = status or code
            diagnostic = diagnostic or " ".join(str(block.get("Diagnostic-Code", "")).split())
    if failed:
        return Bounce(tuple(failed), status=status, diagnostic=diagnostic[:500])
    if seen_block:
        return Bounce((), permanent=False)
    return None


def find_bounce(raw: bytes | str) -> Bounce | None:
    """The permanent failure ``raw`` reports, a non-permanent Bounce, or None if not a bounce."""
    try:
        if isinstance(raw, bytes):
            msg = message_from_bytes(raw, policy=policy.compat32)
        else:
            msg = message_from_string(raw, policy=policy.compat32)
    except Exception:  # a message the parser cannot read is not recognisably a bounce
        return None
    report = _from_report(msg)
    if report is not None:
        return report
    sender = _address(str(msg.get("From", ""))) or ""
    failed_header = msg.get_all("X-Failed-Recipients") or []
    if failed_header and (_ROBOT.match(sender) or msg.get("Auto-Submitted")):
        found: list[str] = []
        for value in failed_header:
            for match in _ADDRESS.finditer(str(value)):
                address = match.group(0).lower()
                if address not in found:
                    found.append(address)
        if found:
            return Bounce(tuple(found), status="5.0.0")
    return None
