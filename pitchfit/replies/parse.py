"""``parse_reply``: the new text of a reply, apart from its signature and quoted history.

Accepts plain text or a whole RFC 5322 message (str or bytes, as read from an .eml file, an
mbox or a Maildir). Only the new text is what the classifier and the people reading the
inbox care about; headers are kept for the auto-reply and threading signals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .mime import decode_bytes, is_auto_reply, looks_like_message, read_message
from .split import split_reply

__all__ = ["ParsedReply", "parse_reply"]

_ADDRESS = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass(frozen=True)
class ParsedReply:
    """One reply, read: new text, signature, quoted history, headers and thread ids."""

    body: str
    signature: str | None = None
    quoted: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    is_auto_reply: bool = False
    message_id: str | None = None
    from_address: str | None = None
    from_name: str | None = None
    in_reply_to: str | None = None
    subject: str | None = None
    date: str | None = None
    problems: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for ``pitchfit replies parse --format json``)."""
        return {
            "body": self.body,
            "signature": self.signature,
            "quoted": self.quoted,
            "headers": dict(self.headers),
            "is_auto_reply": self.is_auto_reply,
            "message_id": self.message_id,
            "from_address": self.from_address,
            "from_name": self.from_name,
            "in_reply_to": self.in_reply_to,
            "subject": self.subject,
            "date": self.date,
            "problems": list(self.problems),
        }


def _get(headers: dict[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _from(headers: dict[str, str]) -> tuple[str | None, str | None]:
    from email.utils import parseaddr

    raw = _get(headers, "from")
    if not raw:
        return None, None
    name, addr = parseaddr(raw)
    if not addr or "@" not in addr:
        m = _ADDRESS.search(raw)
        addr = m.group(0) if m else ""
    return (name.strip() or None), (addr.lower() or None)


def _msgid(value: str | None) -> str | None:
    if not value:
        return None
    m = re.search(r"<[^<>\s]+>", value)
    return m.group(0) if m else value.strip() or None


def parse_reply(text_or_bytes: str | bytes) -> ParsedReply:
    """Read a reply (plain text or an RFC 5322 message) into its parts."""
    headers: dict[str, str] = {}
    problems: tuple[str, ...] = ()
    if isinstance(text_or_bytes, bytes):
        text_or_bytes = text_or_bytes.removeprefix(b"\xef\xbb\xbf")
    else:
        text_or_bytes = text_or_bytes.removeprefix("\ufeff")
    if isinstance(text_or_bytes, bytes):
        head = text_or_bytes[:4096].decode("latin-1")
        if looks_like_message(head.replace("\r\n", "\n")):
            mime = read_message(text_or_bytes)
            headers, text, problems = mime.headers, mime.text, mime.problems
        else:
            text, problem = decode_bytes(text_or_bytes, None)
            problems = (problem,) if problem else ()
    elif looks_like_message(text_or_bytes[:4096].replace("\r\n", "\n")):
        mime = read_message(text_or_bytes)
        headers, text, problems = mime.headers, mime.text, mime.problems
    else:
        text = text_or_bytes
    parts = split_reply(text)
    name, address = _from(headers)
    return ParsedReply(
        body=parts.body,
        signature=parts.signature,
        quoted=parts.quoted,
        headers=headers,
        is_auto_reply=is_auto_reply(headers) if headers else False,
        message_id=_msgid(_get(headers, "message-id")),
        from_address=address,
        from_name=name,
        in_reply_to=_msgid(_get(headers, "in-reply-to")),
        subject=_get(headers, "subject"),
        date=_get(headers, "date"),
        problems=problems,
    )
