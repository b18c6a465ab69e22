"""Turn a raw RFC 5322 message into headers and readable text.

Real mailboxes hold multipart mail, HTML-only mail, wrong or unknown charsets and truncated
files. Everything here degrades gracefully: an unknown charset is guessed, undecodable bytes
are replaced, and HTML becomes text with ``>`` marking blockquotes so the quote detector in
:mod:`pitchfit.replies.split` sees the same shape as in plain-text mail.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from email.message import Message
from html.parser import HTMLParser
from typing import ClassVar

_KNOWN_HEADERS = {
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "content-type",
    "delivered-to",
    "in-reply-to",
    "references",
    "reply-to",
    "auto-submitted",
    "x-autoreply",
    "precedence",
    "sender",
    "x-mailer",
}
_HEADER_NAME = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):[ \t]?")
_AUTO_SUBJECT = re.compile(
    r"^\s*(?:auto(?:matic)?\s*(?:reply|response)|autoreply|out\s+of\s+(?:the\s+)?office|"
    r"ooo\b|réponse\s+automatique|absence|automatische\s+antwort|abwesenheit|"
    r"respuesta\s+automática|fuera\s+de\s+la\s+oficina|automatisch\s+antwoord|"
    r"afwezig|niet\s+aanwezig|risposta\s+automatica)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MimeText:
    """What :func:`read_message` found: decoded headers, the text and any problems."""

    headers: dict[str, str]
    text: str
    problems: tuple[str, ...] = field(default=())


def looks_like_message(text: str) -> bool:
    """True when ``text`` starts with an RFC 5322 header block (or an mbox ``From `` line)."""
    lines = text.lstrip("\ufeff").split("\n", 60)[:60]
    if lines and lines[0].startswith("From ") and not lines[0].startswith("From: "):
        lines = lines[1:]
    if not lines or not _HEADER_NAME.match(lines[0]):
        return False
    known = 0
    for line in lines:
        if not line.strip():
            break
        m = _HEADER_NAME.match(line)
        if m is None and not line[:1].isspace():
            return False
        if m and m.group(1).lower() in _KNOWN_HEADERS:
            known += 1
    return known >= 2


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, str | None]:
    """Decode with the declared charset, else a guess; returns (text, problem or None)."""
    problem = None
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            problem = f"unknown charset {charset!r}, guessed"
            charset = None
    if charset:
        try:
            return data.decode(charset), None
        except UnicodeDecodeError:
            problem = f"text is not valid {charset}, guessed"
    try:
        return data.decode("utf-8"), problem
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), problem
    return data.decode("utf-8", errors="replace"), problem or "undecodable bytes replaced"


def _header_value(raw: object) -> str:
    from email.header import decode_header, make_header

    text = str(raw)
    try:
        return str(make_header(decode_header(text)))
    except (LookupError, UnicodeError, ValueError, TypeError):
        return text


def _headers(msg: Message) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in msg.items():
        if name not in out:
            out[name] = " ".join(_header_value(value).split())
    return out


def _part_text(part: Message, problems: list[str], from_text: bool = False) -> str:
    if from_text:  # a message given as text: a part not transfer-encoded is text already
        raw = part.get_payload()
        cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
        if isinstance(raw, str) and cte in ("", "7bit", "8bit", "binary"):
            return raw
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    text, problem = decode_bytes(payload, part.get_content_charset())
    if problem:
        problems.append(problem)
    return text


def _body_text(msg: Message, problems: list[str], from_text: bool = False) -> str:
    plain: str | None = None
    html: str | None = None
    for part in msg.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        ctype = part.get_content_type()
        if ctype == "text/plain" and plain is None:
            plain = _part_text(part, problems, from_text)
        elif ctype == "text/html" and html is None:
            html = _part_text(part, problems, from_text)
    if plain is not None and plain.strip():
        return plain
    if html is not None:
        return html_to_text(html)
    return plain or ""


def read_message(raw: str | bytes) -> MimeText:
    """Parse an RFC 5322 message: decoded headers and its best readable text part."""
    import email
    from email import policy

    problems: list[str] = []
    if isinstance(raw, bytes):
        if raw.startswith(b"From ") and not raw.startswith(b"From: "):
            raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
        msg = email.message_from_bytes(raw, policy=policy.compat32)
    else:
        if raw.startswith("From ") and not raw.startswith("From: "):
            raw = raw.split("\n", 1)[1] if "\n" in raw else ""
        msg = email.message_from_string(raw, policy=policy.compat32)
    for defect in msg.defects:
        problems.append(type(defect).__name__)
    text = _body_text(msg, problems, from_text=not isinstance(raw, bytes))
    return MimeText(headers=_headers(msg), text=text, problems=tuple(problems))


def is_auto_reply(headers: dict[str, str]) -> bool:
    """Auto-Submitted, X-Autoreply, Precedence and friends, plus auto-reply subject prefixes."""
    low = {k.lower(): v.strip().lower() for k, v in headers.items()}
    auto = low.get("auto-submitted")
    if auto and auto != "no":
        return True
    if any(
        k in low for k in ("x-autoreply", "x-autorespond", "x-autoreply-from", "x-mail-autoreply")
    ):
        return True
    if low.get("precedence") in {"auto_reply", "auto-reply", "bulk", "junk"}:
        return True
    if low.get("x-autogenerated") == "reply":
        return True
    return bool(_AUTO_SUBJECT.match(headers.get("Subject", low.get("subject", ""))))


class _HtmlText(HTMLParser):
    """Collect visible text; blockquotes and Gmail quote divs become ``>`` lines."""

    _BLOCK: ClassVar[set[str]] = {
        "p",
        "div",
        "br",
        "tr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "table",
    }
    _SKIP: ClassVar[set[str]] = {"script", "style", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.depth: list[int] = []  # 1 for a quoting element, 0 for a plain div
        self.quote = 0
        self.skip = 0

    def _newline(self) -> None:
        self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
            return
        cls = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        quoting = tag == "blockquote" or "gmail_quote" in cls or "yahoo_quoted" in cls
        if tag in ("blockquote", "div"):
            self.depth.append(1 if quoting else 0)
            self.quote += 1 if quoting else 0
        if tag in self._BLOCK:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("blockquote", "div") and self.depth:
            self.quote -= self.depth.pop()
        if tag in self._BLOCK:
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        text = " ".join(data.split())
        if not text:
            return
        if not self.lines[-1]:
            self.lines[-1] = "> " * self.quote
        has_words = bool(self.lines[-1].replace(">", "").strip())
        self.lines[-1] += (" " if has_words else "") + text


def html_to_text(html: str) -> str:
    """Readable text from HTML mail, without any third-party parser."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    out: list[str] = []
    for line in parser.lines:
        line = line.rstrip()
        if not line and out and not out[-1]:
            continue
        out.append(line)
    return "\n".join(out).strip("\n")
