"""Reading an email to check: plain text (optional ``Subject:`` line), .eml, or stdin."""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..errors import InputError

_SUBJECT = re.compile(r"\A[ \t]*subject[ \t]*:[ \t]*(.*?)[ \t]*(?:\r?\n|\Z)", re.IGNORECASE)


def split_subject(text: str) -> tuple[str | None, str]:
    """``Subject: …`` on the first line (then a blank line) -> (subject, body)."""
    text = text.lstrip("\ufeff")
    m = _SUBJECT.match(text)
    if not m:
        return None, text
    rest = text[m.end() :]
    rest = re.sub(r"\A[ \t]*\r?\n", "", rest, count=1)
    return m.group(1) or None, rest


def html_to_text(markup: str) -> str:
    """Visible text of an HTML body: block tags become line breaks, entities decoded."""
    markup = re.sub(r"(?is)<(script|style|head)\b.*?</\1\s*>", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>", "\n", markup)
    markup = re.sub(r"(?i)</(p|div|li|tr|h[1-6]|blockquote)\s*>", "\n\n", markup)
    markup = re.sub(r"(?i)<li\b[^>]*>", "- ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\n\s*\n\s*(\n\s*)+", "\n\n", text).strip() + "\n"


def parse_eml(data: bytes, *, where: str = "<eml>") -> tuple[str | None, str]:
    """Subject and text body of an RFC 5322 message (text/plain preferred, else HTML)."""
    import email
    import email.policy
    from email.message import EmailMessage

    if not data.strip():
        raise InputError("empty message", where=where)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage):
        raise InputError("not an email message", where=where)
    subject = msg.get("Subject")
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise InputError("no text or HTML body in the message", where=where)
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        raise InputError("body is not text", where=where)
    if part.get_content_subtype() == "html":
        content = html_to_text(content)
    return (str(subject).strip() or None) if subject else None, content


def read_email(path: str | Path) -> tuple[str | None, str]:
    """Read one email file (``.eml`` or text with an optional Subject line)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", where=str(p)) from None
    except IsADirectoryError:
        raise InputError("is a directory", where=str(p)) from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc), where=str(p)) from None
    return parse_email_bytes(data, where=str(p), eml=p.suffix.lower() == ".eml")


def parse_email_bytes(data: bytes, *, where: str, eml: bool = False) -> tuple[str | None, str]:
    """Bytes of a plain-text email or an .eml message -> (subject, body)."""
    if eml or _looks_like_rfc822(data):
        return parse_eml(data, where=where)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError("cannot decode the text (unknown encoding)", where=where) from None
        text = str(best)
    return split_subject(text)


def _looks_like_rfc822(data: bytes) -> bool:
    head = data[:2000].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = {ln.split(b":", 1)[0].strip().lower() for ln in head.splitlines() if b":" in ln}
    return (
        {b"from", b"mime-version"} <= names
        or {b"from", b"message-id"} <= names
        or (b"content-type" in names and b"from" in names)
    )
