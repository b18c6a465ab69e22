"""Read prospect lists the way CRMs export them: any delimiter, any encoding, any header names.

Shared by ``campaign preflight`` and ``fit --prospects``. Every input row comes out as a
:class:`ProspectRow` holding either a :class:`~pitchfit.models.Prospect` or a row-numbered
error (bad e-mail address, duplicate, broken encoding, invalid field), so nothing is ever
silently dropped. Rows are streamed: memory stays flat however long the file is.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import InputError, pydantic_message
from .models import Prospect

__all__ = [
    "FIELD_ALIASES",
    "ProspectRow",
    "detect_encoding",
    "iter_prospect_rows",
    "parse_mapping",
    "read_prospects",
]

_CHUNK = 1 << 20
_ATOM = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_EMAIL = re.compile(rf"^[A-Za-z0-9.!#$%&'*+/=?^_`{{|}}~-]+@{_ATOM}(?:\.{_ATOM})*\.[A-Za-z]{{2,}}$")

#: Prospect field -> header names CRMs use for it (compared after :func:`_norm`).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    name: tuple(aliases.split("|"))
    for name, aliases in {
        "id": "id|record id|contact id|prospect id|lead id|external id",
        "name": "name|full name|contact name|contact|person|lead name",
        "first_name": "first name|firstname|given name|first|forename|prenom",
        "last_name": "last name|lastname|surname|family name|last|nom",
        "email": "email|e-mail|email address|e-mail address|work email|business email|mail"
        "|email 1|primary email|courriel",
        "title": "title|job title|jobtitle|position|role|job role|designation",
        "company": "company|company name|organization|organisation|organization name|account"
        "|account name|employer|societe|entreprise",
        "industry": "industry|sector|vertical|company industry",
        "company_size": "company size|employees|number of employees|no of employees"
        "|employee count|headcount|size|# employees|nb employees|company headcount",
        "country": "country|country/region|country region|location country|pays",
        "languages": "language|languages|lang|preferred language|locale|langue",
        "expertise": "expertise|topics|skills|areas of expertise|specialties",
        "facts": "facts|research|research notes|personalization|icebreaker notes",
        "status": "status|lead status|contact status|outreach status|email status",
        "declined_at": "declined at|declined on|unsubscribed at|opted out at",
    }.items()
}


def _table(spec: dict[str, str]) -> dict[str, str]:
    """``{"value": "alias|alias"}`` -> ``{alias: value}`` (keeps the tables readable)."""
    return {alias: value for value, aliases in spec.items() for alias in aliases.split("|")}


_STATUS = _table(
    {
        "active": "|active|new|open|lead|contacted|working|in progress|attempted|nurture"
        "|qualified|unqualified|prospect",
        "replied": "replied|engaged|in conversation|meeting booked|interested",
        "declined": "declined|not interested|do not contact|dnc|lost|closed lost|rejected",
        "unsubscribed": "unsubscribed|opted out|opt out|opt-out|unsubscribe",
        "bounced": "bounced|bounce|hard bounce|invalid",
    }
)

_LANGUAGES = _table(
    {
        "en": "english|anglais|englisch",
        "fr": "french|francais|français|französisch",
        "de": "german|deutsch|allemand",
        "es": "spanish|español|espanol",
        "it": "italian|italiano",
        "nl": "dutch|nederlands",
        "pt": "portuguese|português|portugues",
        "sv": "swedish|svenska",
        "da": "danish|dansk",
        "no": "norwegian|norsk",
        "fi": "finnish|suomi",
        "pl": "polish|polski",
        "ja": "japanese",
        "zh": "chinese",
        "ru": "russian",
        "tr": "turkish",
        "cs": "czech",
    }
)


@dataclass(frozen=True)
class ProspectRow:
    """One input row: a prospect, or why it could not be read (never both, never neither).

    ``row`` is the 1-based position among the data rows (the header is not counted);
    ``line`` is the line of the file where the row starts, for error messages; ``raw`` keeps
    the cells of a row that could not be read, so the report can show them.
    """

    row: int
    line: int
    prospect: Prospect | None = None
    error: str | None = None
    field: str | None = None
    email: str = ""
    raw: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when the row gave a usable prospect."""
        return self.prospect is not None


def _norm(header: str) -> str:
    """Header key for matching: lower case, accents folded, punctuation as single spaces."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode()
    folded = folded.replace("#", " # ")
    return " ".join(re.sub(r"[^a-z0-9#/]+", " ", folded.lower().replace("_", " ")).split())


def _slug(header: str) -> str:
    """A header as a template-friendly name: ``Recent Funding`` -> ``recent_funding``."""
    slug = re.sub(r"[^0-9a-zA-Z]+", "_", _norm(header)).strip("_")
    return slug if slug and not slug[0].isdigit() else f"field_{slug}"


_ALIAS_INDEX = {_norm(alias): name for name, aliases in FIELD_ALIASES.items() for alias in aliases}


def parse_mapping(spec: str | None) -> dict[str, str]:
    """Parse ``--map title=Job Title,company=Account`` into ``{field: header}``.

    Field names are Prospect fields (plus ``last_name``); headers are matched without regard
    to case or punctuation. Raises InputError naming the bad part.
    """
    mapping: dict[str, str] = {}
    if not spec:
        return mapping
    known = set(FIELD_ALIASES)
    for part in spec.split(","):
        if not part.strip():
            continue
        name, sep, header = part.partition("=")
        name, header = name.strip(), header.strip()
        if not sep or not name or not header:
            raise InputError(f"expected FIELD=Header, got {part.strip()!r}", where="--map")
        if name not in known:
            raise InputError(
                f"unknown prospect field {name!r} (one of: {', '.join(sorted(known))})",
                where="--map",
            )
        mapping[name] = header
    return mapping


def _resolve_headers(
    headers: list[str], mapping: Mapping[str, str], *, strict: bool = True
) -> dict[str, str]:
    """Map each header to a Prospect field name, or to ``custom:<slug>`` when unknown."""
    wanted = {_norm(header): name for name, header in mapping.items()}
    resolved: dict[str, str] = {}
    taken: set[str] = set()
    for header in headers:
        key = _norm(header)
        if key in wanted:
            resolved[header] = wanted[key]
            taken.add(wanted[key])
    missing = {_norm(h) for h in mapping.values()} - {_norm(h) for h in headers}
    if missing and headers and strict:
        field = next(n for n, h in mapping.items() if _norm(h) in missing)
        raise InputError(f"no column {mapping[field]!r} to map {field} from", where="--map")
    for header in headers:
        if header in resolved:
            continue
        name = _ALIAS_INDEX.get(_norm(header))
        if name is not None and name not in taken:
            resolved[header] = name
            taken.add(name)
        else:
            resolved[header] = f"custom:{_slug(header)}"
    return resolved


def detect_encoding(path: str | Path) -> str:
    """The text encoding of a file as a CRM wrote it (BOMs, UTF-16, UTF-8, cp1252 and kin).

    A file that is valid UTF-8 except for a few bytes stays UTF-8 so those rows can be
    reported as broken; a file with no valid multi-byte UTF-8 at all is a legacy code page,
    chosen by charset-normalizer (cp1252 when it cannot tell).
    """
    p = Path(path)
    with p.open("rb") as handle:
        head = handle.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        handle.seek(0)
        sample = handle.read(64 * 1024)
        if sample.count(b"\x00") > len(sample) // 8:
            return _guess_legacy(sample, default="utf-16-le")
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="surrogateescape")
        good = bad = 0
        while chunk := handle.read(_CHUNK):
            text = decoder.decode(chunk)
            if text.isascii():
                continue
            broken = len(_BROKEN.findall(text))
            bad += broken
            good += len(_NON_ASCII.findall(text)) - broken
    if bad == 0 or good > 0:
        return "utf-8"
    return _guess_legacy(sample, default="cp1252")


_BROKEN = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _guess_legacy(sample: bytes, *, default: str) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    encoding = str(best.encoding) if best is not None else ""
    # Detectors guess wildly between Latin code pages on short samples, and Western CRM
    # exports are cp1252 far more often than anything else: trust them only for other scripts.
    return encoding if encoding in _OTHER_SCRIPTS else default


_SCRIPTS = (
    "cp1251 koi8_r koi8_u mac_cyrillic cp866 cp1253 cp1255 cp1256 iso8859_5 iso8859_7 iso8859_8"
    " shift_jis cp932 euc_jp gb18030 gb2312 gbk big5 cp950 euc_kr cp949 utf_16 utf_16_le"
    " utf_16_be utf_32"
)
_OTHER_SCRIPTS = frozenset(_SCRIPTS.split())


def _sniff_delimiter(first_line: str) -> str:
    counts = {delim: first_line.count(delim) for delim in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_records(
    path: Path, encoding: str | None
) -> Iterator[tuple[int, list[str] | None, str | None]]:
    """Yield (start line, cells or None, encoding error) for each CSV record, header first."""
    encoding = encoding or detect_encoding(path)
    errors = "surrogateescape" if encoding == "utf-8" else "replace"
    with path.open("r", encoding=encoding, errors=errors, newline="") as handle:
        first = handle.readline()
        handle.seek(0)
        reader = csv.reader(handle, delimiter=_sniff_delimiter(first))
        start = 1
        try:
            for cells in reader:
                if not "".join(cells).isascii() and _BROKEN.search("".join(cells)):
                    yield start, None, "broken encoding: bytes that are not valid UTF-8"
                else:
                    yield start, cells, None
                start = reader.line_num + 1
        except csv.Error as exc:
            raise InputError(f"unreadable CSV: {exc}", where=f"{path}:{start}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not {encoding} text: {exc.reason}", where=str(path)) from None


def _table_records(
    path: Path, encoding: str | None
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Yield (line, record, error) from CSV/XLSX (with a header row)."""
    suffix = path.suffix.lower()
    rows: Iterator[tuple[int, list[Any] | None, str | None]]
    rows = _xlsx_records(path) if suffix in {".xlsx", ".xlsm"} else _csv_records(path, encoding)
    headers: list[str] | None = None
    for line, cells, error in rows:
        if headers is None:
            if cells is None:
                raise InputError(error or "unreadable header", where=f"{path}:{line}")
            headers = [str(c).strip() if c is not None else "" for c in cells]
            yield 0, {"__headers__": headers}, None
            continue
        if cells is not None and all(c is None or str(c).strip() == "" for c in cells):
            continue  # blank line: not a record
        if cells is None:
            yield line, None, error
            continue
        if len(cells) > len(headers) and any(str(c).strip() for c in cells[len(headers) :]):
            yield line, None, f"{len(cells)} cells but {len(headers)} columns in the header"
            continue
        record = {h: cells[i] if i < len(cells) else "" for i, h in enumerate(headers) if h}
        yield line, record, None


def _xlsx_records(path: Path) -> Iterator[tuple[int, list[Any] | None, str | None]]:
    try:
        import openpyxl
    except ImportError:
        raise InputError(
            "reading .xlsx needs openpyxl: pip install 'pitchfit[xlsx]'", where=str(path)
        ) from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise InputError(f"unreadable spreadsheet: {exc}", where=str(path)) from None
    try:
        for number, values in enumerate(book.active.iter_rows(values_only=True), start=1):
            yield number, ["" if v is None else v for v in values], None
    finally:
        book.close()


def _json_records(
    path: Path, encoding: str | None
) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """JSONL streams line by line; a JSON or YAML list is read whole (small by nature)."""
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        enc = encoding or detect_encoding(path)
        with path.open("r", encoding=enc, errors="surrogateescape") as handle:
            for number, text in enumerate(handle, start=1):
                if not text.strip():
                    continue
                try:
                    value = json.loads(text)
                except json.JSONDecodeError as exc:
                    yield number, None, f"invalid JSON: {exc.msg}"
                    continue
                if not isinstance(value, dict):
                    yield number, None, "expected one JSON object per line"
                    continue
                yield number, value, None
        return
    from .io import read_structured

    data = read_structured(path)
    if isinstance(data, dict) and isinstance(data.get("prospects"), list):
        data = data["prospects"]
    if not isinstance(data, list):
        raise InputError("expected a list of prospects", where=str(path))
    for number, value in enumerate(data, start=1):
        if isinstance(value, dict):
            yield number, value, None
        else:
            yield number, None, "expected a mapping for each prospect"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _size(value: Any) -> int | None:
    """``1,200`` / ``51-200`` (midpoint) / ``10k`` / ``500+`` -> employees."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    text = _text(value).lower().replace(",", "").replace(" ", "").replace("employees", "")
    if not text:
        return None
    numbers = []
    for part in re.split(r"-|–|to", text.rstrip("+")):
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m)?", part)
        if not match:
            raise ValueError(f"not a number of employees: {_text(value)!r}")
        scale = {"k": 1_000, "m": 1_000_000}.get(match.group(2) or "", 1)
        numbers.append(float(match.group(1)) * scale)
    return int(sum(numbers) / len(numbers))


def _languages(value: Any) -> Any:
    if isinstance(value, list):
        return value
    parts = [p for p in re.split(r"[,;/|]+|\s+and\s+", _text(value)) if p.strip()]
    return [_LANGUAGES.get(p.strip().lower(), p.strip()) for p in parts]


def _status(value: Any) -> str:
    key = " ".join(_text(value).lower().replace("_", " ").split())
    if key not in _STATUS:
        raise ValueError(f"unknown status {_text(value)!r}")
    return _STATUS[key]


def _to_fields(record: Mapping[str, Any], resolved: Mapping[str, str]) -> dict[str, Any]:
    """Turn one record into Prospect keyword arguments (unknown columns go to ``custom``)."""
    data: dict[str, Any] = {}
    custom: dict[str, str] = {}
    for header, value in record.items():
        target = resolved.get(header)
        if target is None:
            continue
        if target.startswith("custom:"):
            custom[target[7:]] = _text(value)
        elif target in {"facts", "expertise", "custom"} and isinstance(value, list | dict):
            data[target] = value
        else:
            data[target] = value
    last = _text(data.pop("last_name", ""))
    if last:
        custom.setdefault("last_name", last)
    if not _text(data.get("name")) and _text(data.get("first_name")):
        data["name"] = f"{_text(data.get('first_name'))} {last}".strip()
    elif not _text(data.get("name")) and last:
        # Keep the name, but never let Prospect derive a first name from a surname.
        data["name"] = last
        data["first_name"] = ""
        custom["__no_first_name__"] = "1"
    for key in list(data):
        if key == "company_size":
            data[key] = _size(data[key])
        elif key == "languages":
            data[key] = _languages(data[key])
        elif key == "status":
            data[key] = _status(data[key])
        elif key in {"declined_at", "id"}:
            data[key] = _text(data[key]) or None
        elif key in {"facts", "expertise"} and isinstance(data[key], list | dict):
            continue
        elif key == "custom" and isinstance(data[key], dict):
            custom.update({str(k): _text(v) for k, v in data[key].items()})
            del data[key]
        else:
            data[key] = _text(data[key])
    if custom:
        data["custom"] = custom
    return data


def iter_prospect_rows(
    path: str | Path,
    *,
    mapping: Mapping[str, str] | None = None,
    require_email: bool = True,
    encoding: str | None = None,
) -> Iterator[ProspectRow]:
    """Stream every data row of a prospects file as a :class:`ProspectRow`, in file order.

    Formats: CSV/TSV/TXT (any delimiter and encoding), JSONL, JSON or YAML lists, XLSX.
    Raises InputError only when the file as a whole is unusable (missing, no header,
    unknown ``--map`` column); a bad row becomes a row error instead. ``encoding`` overrides
    detection; ``require_email`` makes a row with no address an error (a campaign needs one).
    """
    p = Path(path)
    if not p.is_file():
        raise InputError("no such file", where=str(p))
    suffix = p.suffix.lower()
    records: Iterable[tuple[int, dict[str, Any] | None, str | None]]
    if suffix in {".jsonl", ".ndjson", ".json", ".yaml", ".yml"}:
        records = _json_records(p, encoding)
        tabular = False
    else:
        records = _table_records(p, encoding)
        tabular = True
    resolved: dict[str, str] | None = None
    seen: dict[str, int] = {}
    number = 0
    for line, record, error in records:
        if tabular and resolved is None:
            assert record is not None
            resolved = _resolve_headers(record["__headers__"], mapping or {})
            continue
        number += 1
        if record is None:
            yield ProspectRow(number, line, error=error or "unreadable row")
            continue
        keys = (
            resolved
            if resolved is not None
            else _resolve_headers(list(record), mapping or {}, strict=False)
        )
        yield _make_row(number, line, record, keys, seen, require_email)


def _make_row(
    number: int,
    line: int,
    record: Mapping[str, Any],
    resolved: Mapping[str, str],
    seen: dict[str, int],
    require_email: bool,
) -> ProspectRow:
    emails = (_text(record[h]) for h, f in resolved.items() if f == "email" and h in record)
    email = next(emails, "")

    def bad(error: str, field: str | None = "email") -> ProspectRow:
        return ProspectRow(number, line, None, error, field, email, dict(record))

    try:
        data = _to_fields(record, resolved)
        prospect = Prospect.model_validate(data)
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            where, message = pydantic_message(exc)
            return bad(f"invalid {where}: {message}", where)
        return bad(f"invalid field: {exc}", None)
    if not prospect.email:
        if require_email:
            return bad("no e-mail address")
    elif not _EMAIL.match(prospect.email) or ".." in prospect.email:
        return bad(f"bad e-mail address {prospect.email!r}")
    if prospect.custom.pop("__no_first_name__", None):
        prospect = prospect.model_copy(update={"first_name": ""})
    key = prospect.email.lower() or (f"id:{prospect.id}" if prospect.id else "")
    if key:
        if key in seen:
            what = "e-mail address" if prospect.email else "id"
            return bad(f"duplicate prospect: same {what} as row {seen[key]}")
        seen[key] = number
    return ProspectRow(number, line, prospect, email=email)


def read_prospects(
    path: str | Path, *, mapping: Mapping[str, str] | None = None, require_email: bool = False
) -> list[ProspectRow]:
    """All rows of a (small) prospects file as a list; prefer :func:`iter_prospect_rows`."""
    return list(iter_prospect_rows(path, mapping=mapping, require_email=require_email))
