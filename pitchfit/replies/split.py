"""Split the plain text of a reply into new text, signature and quoted history.

Mail clients mark the start of the quoted history in a handful of ways: an attribution line
("On Mon, 2 May 2016, Ann <ann@x.io> wrote:", "Le … a écrit :", "Am … schrieb …", "Op … het
volgende geschreven:"), a separator ("-----Original Message-----", "Begin forwarded
message:"), an Outlook header block ("From: / Sent: / To: / Subject:" in many languages) or
lines starting with ``>``. The text is read line by line and every test is bounded in length,
so a pathological message costs linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Verbs that end an attribution line, per language (wrote / a écrit / schrieb / escribió …).
_VERBS_END = (
    r"wrote|writes|sent|a\s+écrit|schrieb|escribió|escribio|geschreven|schreef|ha\s+scritto|"
    r"scrisse|napisał(?:\(a\))?|napisała|skrev|escreveu|написал(?:\(а\))?|написала|пише|"
    r"kirjoitti|đã\s+viết|yazdı|írta"
)
# Verbs that may be followed by the date before the final colon ("schrieb am Fr., 28. Apr.").
_VERBS_MID = r"schrieb|skrev|schreef|napisał|написал|escribió|a\s+écrit|ha\s+scritto"

_ATTRIBUTION_END = re.compile(
    rf"(?:^|[\s\"'>)\]])(?:{_VERBS_END})\s*[:：]?[\s\-*_]*$", re.IGNORECASE
)
_ATTRIBUTION_MID = re.compile(rf"(?:^|[\s\"'>)\]])(?:{_VERBS_MID})\b.*[:：][\s*_]*$", re.IGNORECASE)
_CJK_ATTRIBUTION = re.compile(r"(?:写道|寫道|のメッセージ|님이\s*작성)\s*[:：]?\s*$")
_LEAD = re.compile(
    r"^[\s\-*_]*(?:on|le|am|el|op|il|w\s+dniu|dnia|den|på|em|vào|at|в|在)\s", re.IGNORECASE
)
_DASH_WRAPPED = re.compile(r"^\s*-{2,}.*-{2,}\s*$")
_DATE_FIRST = re.compile(
    r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\S.*(?:GMT|UTC|[+-]\d{2}:?\d{2}|<|@)", re.IGNORECASE
)
_IN_LINE_ON = re.compile(r"^(?P<pre>.*?\S)[\s\-]*(?=\bOn\s+(?:\w{3}|\d))")
_SEPARATOR = re.compile(
    r"^[\s>*_]*(?:-{2,}|_{2,})\s*(?:original\s+message|reply\s+message|forwarded\s+message|"
    r"ursprüngliche\s+nachricht|antwort\s+nachricht|weitergeleitete\s+nachricht|"
    r"oprindelig\s+meddelelse|videresendt\s+meddelelse|mensaje\s+original|mensaje\s+reenviado|"
    r"message\s+d'origine|message\s+transféré|oorspronkelijk\s+bericht|doorgestuurd\s+bericht|"
    r"messaggio\s+originale|messaggio\s+inoltrato|originalmeddelande|opprinnelig\s+melding|"
    r"wiadomość\s+oryginalna|исходное\s+сообщение|пересылаемое\s+сообщение|mensagem\s+original|"
    r"alkuperäinen\s+viesti)\s*(?:-{2,}|_{2,})?[\s*_]*$",
    re.IGNORECASE,
)
_FORWARD_INTRO = re.compile(
    r"^[\s>]*(?:begin\s+forwarded\s+message|début\s+du\s+message\s+réexpédié|"
    r"anfang\s+der\s+weitergeleiteten\s+nachricht|inicio\s+del\s+mensaje\s+reenviado|"
    r"begin\s+doorgestuurd\s+bericht|inizio\s+messaggio\s+inoltrato)\s*[:：]\s*$",
    re.IGNORECASE,
)
_HEADER_KEYS = (
    r"from|sent|to|cc|bcc|subject|date|reply-to|von|gesendet|an|betreff|datum|kopie|de|"
    r"envoyé(?:\s+le)?|à|a|objet|para|enviado(?:\s+el)?|asunto|fecha|van|verzonden|aan|"
    r"onderwerp|da|data|inviato|oggetto|risposta|fra|sendt|til|emne|från|skickat|till|ämne|"
    r"od|wysłano|do|temat|от|отправлено|кому|тема|дата|assunto|enviada|lähettäjä|aihe"
)
_HEADER_LINE = re.compile(rf"^[\s>*_]*(?:{_HEADER_KEYS})[\s*_]*[:：]", re.IGNORECASE)
_FIRST_KEY = re.compile(
    r"^[\s>*_]*(?:from|date|sent|subject|von|de|van|da|fra|från|od|от|datum|data|fecha|"
    r"lähettäjä)[\s*_]*[:：]",
    re.IGNORECASE,
)
_DELIMITER = re.compile(r"^\s*(?:--\s*|([-_*#~=+])\1{1,}\s*)$")
_MOBILE = re.compile(
    r"^\s*(?:sent\s+(?:from|with|via|using)|envoyé\s+(?:de(?:puis)?|avec|à\s+partir)|"
    r"von\s+meinem|gesendet\s+(?:von|mit)|diese\s+nachricht\s+wurde\s+von|"
    r"enviado\s+(?:desde|de|con)|verzonden\s+(?:vanaf|met|van)|verstuurd\s+(?:vanaf|met|van)|"
    r"inviato\s+da|sendt\s+fra|skickat\s+från|wysłane\s+z|get\s+outlook\s+for|from\s+my\s)",
    re.IGNORECASE,
)
_DEVICE = re.compile(
    r"iphone|ipad|ipod|android|blackberry|mobile|mobil|móvil|mobiel|cell|phone|galaxy|samsung|"
    r"outlook|mail\b|mailbox|gmail|yahoo|windows|htc|nokia|huawei|pixel|tablet|handy|"
    r"airmail|sparrow|acompli|device|gerät|k-9|téléphone|telefoon|portable|celular|smartphone",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[^\W\d_][.!?]\s*$")
_DASH_NAME = re.compile(r"^-[A-ZÀ-ÖØ-Þ][^\W\d_]*(?: [A-ZÀ-ÖØ-Þ][^\W\d_.]*\.?){0,2}$")
_VALEDICTION = re.compile(
    r"^\s*(?:(?:best|kind|warm|many)?\s*(?:regards|wishes)|best|cheers|thanks|thank\s+you|"
    r"many\s+thanks|sincerely|yours(?:\s+(?:truly|sincerely))?|cordialement|bien\s+à\s+vous|"
    r"bonne\s+journée|merci|(?:mit\s+)?(?:freundlichen|besten|vielen|liebe[n]?)\s+grüße[n]?|"
    r"viele\s+grüße|beste\s+grüße|grüße|gruß|lg|vg|saludos(?:\s+cordiales)?|un\s+saludo|"
    r"atentamente|gracias|un\s+abrazo|(?:met\s+)?vriendelijke\s+groet(?:en)?|groet(?:en|jes)?|"
    r"hartelijke\s+groet(?:en)?|mvg|dank(?:\s+je(?:wel)?)?|bedankt)\s*[,.!]?\s*$",
    re.IGNORECASE,
)
_SIGNOFF_MAX_LINES = 6
_SIGNOFF_MAX_WIDTH = 70
_INVISIBLE = str.maketrans("", "", "\u1427\u200b\u200c\u200d\u2060\ufeff\xa0")
_MAX_LINE = 300
_WINDOW = 6


@dataclass(frozen=True)
class Split:
    """The three parts of a reply's text."""

    body: str
    signature: str | None
    quoted: str | None


def _blank(line: str) -> bool:
    return not line.translate(_INVISIBLE).strip()


def _is_quote(line: str) -> bool:
    return line.lstrip().startswith(">")


def _unquote(line: str) -> str:
    return re.sub(r"^(?:\s*>)+\s?", "", line) if _is_quote(line) else line


def _attribution_start(line: str) -> bool:
    if len(line) > _MAX_LINE:
        return False
    return bool(
        _LEAD.match(line)
        or _DASH_WRAPPED.match(line)
        or any(ch.isdigit() for ch in line)
        or "@" in line
        or "<" in line
    )


def _attribution_text(text: str, *, first: str) -> bool:
    if _ATTRIBUTION_END.search(text):
        # "wrote" at the very end with no colon only counts when dashes wrap the line.
        stripped = text.rstrip(" -*_")
        return stripped.endswith((":", "：")) or bool(_DASH_WRAPPED.match(first))
    return bool(_ATTRIBUTION_MID.search(text) or _CJK_ATTRIBUTION.search(text))


def _from_block(lines: list[str], i: int) -> int | None:
    """End of an Outlook-style header block starting at ``i`` (two or more header keys)."""
    if not _FIRST_KEY.match(lines[i]) and not _HEADER_LINE.match(lines[i]):
        return None
    keys, end = 0, i
    for j in range(i, min(len(lines), i + _WINDOW)):
        if _blank(_unquote(lines[j])):
            break
        if _HEADER_LINE.match(lines[j]) and len(lines[j]) <= _MAX_LINE * 2:
            keys += 1
            end = j + 1
        elif j == i:
            return None
    return end if (keys >= 2 and _FIRST_KEY.match(lines[i])) or keys >= 3 else None


def header_at(lines: list[str], i: int) -> int | None:
    """If a quote header starts at line ``i``, the index just past it."""
    line = _unquote(lines[i]).translate(_INVISIBLE)
    if _blank(line) or len(line) > _MAX_LINE:
        return None
    if not _LEAD.match(line) and _IN_LINE_ON.match(line) and _inline_split(line):
        return None
    if _SEPARATOR.match(line) or _FORWARD_INTRO.match(line):
        return i + 1
    block = _from_block([_unquote(x) for x in lines[i : i + _WINDOW]], 0)
    if block is not None:
        return i + block
    if _DATE_FIRST.match(line) and len(line) < 200:
        return _extend_to_colon(lines, i)
    if not _attribution_start(line):
        return None
    if _SENTENCE_END.search(line) and not _LEAD.match(line):
        return None
    parts: list[str] = []
    for k in range(i, min(len(lines), i + _WINDOW)):
        piece = _unquote(lines[k]).strip()
        if len(piece) > _MAX_LINE or (k > i and _LEAD.match(piece)):
            return None
        parts.append(piece)
        if _attribution_text(" ".join(p for p in parts if p), first=line):
            return k + 1
    return None


def _extend_to_colon(lines: list[str], i: int) -> int:
    """A date-first attribution ("2014-10-17 11:28 GMT+03:00 Ann <") may wrap onto a line."""
    if lines[i].rstrip().endswith("<") and i + 1 < len(lines):
        return i + 2
    return i + 1


def _inline_split(line: str) -> tuple[str, int] | None:
    """ "reply On Wed, Apr 4, 2012 at 3:59 PM, bob@example.com wrote:" shares one line."""
    if len(line) > _MAX_LINE or _is_quote(line):
        return None
    m = _IN_LINE_ON.match(line)
    if not m:
        return None
    rest = line[m.end() :]
    if _attribution_text(rest, first=rest) and _attribution_start(rest):
        return m.group("pre").rstrip(" -"), 1
    return None


def _quote_end(lines: list[str], i: int) -> int:
    """End of a ``>`` block: quote and blank lines, and single lines wedged between quotes."""
    last = i
    j = i
    n = len(lines)
    while j < n:
        line = lines[j]
        if _is_quote(line):
            last = j
        elif _blank(line) or (
            j + 1 < n and _is_quote(lines[j + 1]) and j > 0 and _is_quote(lines[j - 1])
        ):
            pass
        else:
            break
        j += 1
    return last + 1


def _quote_has_header(lines: list[str], i: int, end: int) -> bool:
    seen = 0
    for k in range(i, end):
        if _blank(_unquote(lines[k])):
            continue
        if header_at(lines, k) is not None:
            return True
        seen += 1
        if seen >= 3:
            return False
    return False


def _skip_blank(lines: list[str], j: int) -> int:
    while j < len(lines) and _blank(lines[j]):
        j += 1
    return j


def _with_delimiter_before(lines: list[str], start: int, floor: int) -> int:
    """Include an Outlook rule line ("_____" or "-----") just above a header block."""
    k = start - 1
    while k >= floor and _blank(lines[k]):
        k -= 1
    if k >= floor and _DELIMITER.match(lines[k]) and not lines[k].strip().startswith("#"):
        return k
    return start


def _signoff_start(lines: list[str]) -> int | None:
    """After a closing line ("Best regards,", "Mit freundlichen Grüßen") a short block at the
    very end is the sender's name and details: a signature without a delimiter."""
    content = [k for k, line in enumerate(lines) if not _blank(line)]
    for pos, k in enumerate(content):
        if not _VALEDICTION.match(lines[k]) or pos == 0:
            continue
        rest = content[pos + 1 :]
        short = all(len(lines[j].strip()) <= _SIGNOFF_MAX_WIDTH for j in rest)
        if rest and len(rest) <= _SIGNOFF_MAX_LINES and short:
            return k + 1
    return None


def _signature_start(lines: list[str]) -> int | None:
    fence = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = not fence
            continue
        if fence:
            continue
        if (_DELIMITER.match(line) or _DASH_NAME.match(stripped)) and k > 0:
            return k
        if _MOBILE.match(line) and len(stripped) < 120:
            words = stripped.split(",")[0]
            if _DEVICE.search(words) or len(stripped.split()) <= 5:
                return k
    return None


def split_reply(text: str) -> Split:
    """Split plain reply text into new text, trailing signature and quoted history."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body: list[str] = []
    quoted: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        has_text = any(not _blank(b) for b in body)
        end = header_at(lines, i)
        if end is None:
            inline = _inline_split(lines[i])
            if inline is not None:
                body.append(inline[0])
                end = i + 1
                quoted.append(lines[i][len(inline[0]) :].strip())
                i += 1
        if end is not None:
            start = _with_delimiter_before(lines, i, 0)
            if start < i:
                del body[len(body) - (i - start) :]
            j = _skip_blank(lines, end)
            if j < n and _is_quote(lines[j]):
                q_end = _quote_end(lines, j)
                quoted.extend(lines[start:q_end])
                i = q_end
                continue
            if has_text or j >= n:
                quoted.extend(lines[start:])
                break
            # A header at the very top with plain text under it: a forward; keep the text.
            quoted.extend(lines[start:end])
            i = end
            continue
        if _is_quote(lines[i]):
            q_end = _quote_end(lines, i)
            rest_blank = all(_blank(x) for x in lines[q_end:])
            if _quote_has_header(lines, i, q_end) or (rest_blank and has_text):
                quoted.extend(lines[i:q_end])
            else:
                body.extend(lines[i:q_end])
            i = q_end
            continue
        body.append(lines[i])
        i += 1
    return _finish(body, quoted)


def _finish(body: list[str], quoted: list[str]) -> Split:
    signature: str | None = None
    sig_at = _signature_start(body)
    if sig_at is None:
        sig_at = _signoff_start(body)
    if sig_at is not None:
        signature = _trim(body[sig_at:]) or None
        body = body[:sig_at]
    return Split(body=_trim(body), signature=signature, quoted=_trim(quoted) or None)


def _trim(lines: list[str]) -> str:
    cleaned = ["" if _blank(line) else line.rstrip() for line in lines]
    return "\n".join(cleaned).strip("\n")
