"""Campaign templates: one email or a YAML sequence of steps, rendered per prospect in a sandbox.

A merge field that is missing *or empty* for a row must never reach a prospect as "Hi ,": the
renderer marks where each such field would have printed, so the row gets a finding with the
exact position instead of a crash or a silent blank.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..models import Offer, Prospect

if TYPE_CHECKING:  # pragma: no cover
    import jinja2

_SUBJECT = re.compile(r"\A[ \t]*subject[ \t]*:[ \t]*(?P<subject>.*?)[ \t]*\r?\n", re.IGNORECASE)
_MARK = re.compile("\ue000(\\d+)\ue001")

#: Neutral values for the template's own check: plausible, specific to nobody.
SAMPLE_VALUES: dict[str, Any] = {
    "name": "Alex Morgan",
    "first_name": "Alex",
    "last_name": "Morgan",
    "email": "alex@example.com",
    "title": "Head of Operations",
    "company": "Example Ltd",
    "industry": "manufacturing",
    "company_size": 250,
    "country": "GB",
    "languages": ["en"],
    "expertise": [],
    "facts": [],
    "status": "active",
}


@dataclass(frozen=True)
class Step:
    """One email of a sequence: sent ``day`` days after the first, with its own text."""

    number: int
    day: int
    subject: str | None
    body: str
    ignores: tuple[str, ...] = ()


@dataclass(frozen=True)
class CampaignTemplate:
    """The campaign's text as the user wrote it (sources only: cheap to send to workers)."""

    path: str
    steps: tuple[Step, ...]

    @property
    def is_sequence(self) -> bool:
        """True when the template has more than one step."""
        return len(self.steps) > 1


@dataclass(frozen=True)
class EmptyField:
    """Where a missing or empty merge field would have printed (``where``: subject or body)."""

    field: str
    where: str
    pos: int
    missing: bool


@dataclass(frozen=True)
class Rendered:
    """One rendered email, or the reason it could not be rendered."""

    subject: str | None
    body: str
    empty: tuple[EmptyField, ...] = ()
    error: str | None = None


def load_template(path: str | Path) -> CampaignTemplate:
    """Read a single template (optional ``Subject:`` line) or a YAML sequence of steps."""
    p = Path(path)
    if p.suffix.lower() in {".yaml", ".yml"}:
        return _load_sequence(p)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("no such file", where=str(p)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", where=str(p)) from None
    subject, body = split_subject(text)
    template = CampaignTemplate(str(p), (_step(1, 0, subject, body),))
    Renderer(template)  # syntax errors surface now, as input errors, not per row
    return template


def split_subject(text: str) -> tuple[str | None, str]:
    """``Subject: …`` on the first line (then an optional blank line) -> (subject, body)."""
    match = _SUBJECT.match(text)
    if not match:
        return None, text
    rest = text[match.end() :]
    rest = re.sub(r"\A[ \t]*\r?\n", "", rest, count=1)
    return match.group("subject"), rest


def _load_sequence(path: Path) -> CampaignTemplate:
    from ..io import read_structured

    data = read_structured(path)
    steps_data = data.get("steps") if isinstance(data, dict) else data
    if not isinstance(steps_data, list) or not steps_data:
        raise InputError("a sequence needs a non-empty list of steps", where=f"{path}: steps")
    steps: list[Step] = []
    last_day = -1
    for number, item in enumerate(steps_data, start=1):
        where = f"{path}: steps[{number}]"
        if not isinstance(item, dict) or not isinstance(item.get("body"), str):
            raise InputError("each step needs a body (text)", where=where)
        unknown = set(item) - {"day", "subject", "body", "name"}
        if unknown:
            raise InputError(f"unknown key {sorted(unknown)[0]!r}", where=where)
        day = item.get("day", 0 if number == 1 else None)
        if not isinstance(day, int) or isinstance(day, bool) or day < 0:
            raise InputError("day must be a whole number of days after the first step", where=where)
        if day < last_day:
            raise InputError(f"day {day} comes before the previous step's day", where=where)
        last_day = day
        subject = item.get("subject")
        if subject is not None and not isinstance(subject, str):
            raise InputError("subject must be text", where=where)
        steps.append(_step(number, day, subject, item["body"]))
    template = CampaignTemplate(str(path), tuple(steps))
    Renderer(template)
    return template


def _step(number: int, day: int, subject: str | None, body: str) -> Step:
    """A step, with the rules its ``{# pitchfit: ignore[rule] reason #}`` comments silence.

    Jinja drops comments when rendering, so the directives are read from the source here and
    applied to every email rendered from this step.
    """
    from ..engine import strip_directives

    ignores = {*strip_directives(subject or "")[1], *strip_directives(body)[1]}
    return Step(number, day, subject, body, tuple(sorted(ignores)))


class _Empty(str):
    """A blank value that remembers its field, so printing it can be traced to a position."""

    field: str
    missing: bool

    def __new__(cls, field: str, *, missing: bool = False) -> _Empty:
        obj = super().__new__(cls, "")
        obj.field = field
        obj.missing = missing
        return obj


class _AnyKey(dict[str, Any]):
    """Sample custom columns: whatever ``custom.<name>`` the template reads has a value."""

    def __missing__(self, key: str) -> str:
        return "example"


@dataclass
class _Trace:
    fields: list[tuple[str, bool]] = field(default_factory=list)


class Renderer:
    """Compiled templates for every step; one per worker, reused for every row."""

    def __init__(self, template: CampaignTemplate) -> None:
        import jinja2
        from jinja2 import meta
        from jinja2.sandbox import ImmutableSandboxedEnvironment

        self.template = template
        self._trace = _Trace()
        self._offer: tuple[Offer, dict[str, Any]] | None = None
        # Immutable: a template cannot change the offer or a row for the rows after it.
        self.env = ImmutableSandboxedEnvironment(
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            finalize=self._finalize,
        )
        self.compiled: list[tuple[jinja2.Template | None, jinja2.Template]] = []
        names: set[str] = set()
        for step in template.steps:
            parts: list[jinja2.Template | None] = []
            for label, source in (("subject", step.subject), ("body", step.body)):
                if source is None:
                    parts.append(None)
                    continue
                try:
                    names |= meta.find_undeclared_variables(self.env.parse(source))
                    parts.append(self.env.from_string(source))
                except jinja2.TemplateSyntaxError as exc:
                    where = f"{template.path}: step {step.number} {label} line {exc.lineno}"
                    raise InputError(f"template syntax error: {exc.message}", where=where) from None
            body = parts[1]
            assert body is not None
            self.compiled.append((parts[0], body))
        #: Every top-level name the template reads (merge fields).
        self.fields = frozenset(names)

    def _finalize(self, value: Any) -> Any:
        if isinstance(value, _Empty):
            self._trace.fields.append((value.field, value.missing))
        elif value is None or value == "":
            self._trace.fields.append(("", False))
        else:
            return value
        return f"\ue000{len(self._trace.fields) - 1}\ue001"

    def context(self, prospect: Prospect, offer: Offer | None) -> dict[str, Any]:
        """Merge fields for one prospect: its fields, its custom columns, and the offer."""
        data = prospect.model_dump(mode="json")
        custom = data.pop("custom", {}) or {}
        ctx: dict[str, Any] = {}
        for key, value in {**custom, **data}.items():
            ctx[key] = _Empty(key) if value in ("", None, []) else value
        ctx["custom"] = {k: _Empty(k) if v in ("", None) else v for k, v in custom.items()}
        ctx["prospect"] = dict(ctx)
        if offer is not None:
            ctx["offer"] = self._offer_fields(offer)
        for name in self.fields - set(ctx):
            ctx[name] = _Empty(name, missing=True)
        return ctx

    def _offer_fields(self, offer: Offer) -> dict[str, Any]:
        """The offer as merge fields, dumped once per run rather than once per row."""
        if self._offer is None or self._offer[0] is not offer:
            self._offer = (offer, offer.model_dump(mode="json"))
        return self._offer[1]

    def sample_context(self, offer: Offer | None) -> dict[str, Any]:
        """Neutral values for every merge field, for checking the template on its own."""
        ctx: dict[str, Any] = {name: SAMPLE_VALUES.get(name, "example") for name in self.fields}
        ctx.update(SAMPLE_VALUES)
        ctx["custom"] = _AnyKey(dict.fromkeys(self.fields, "example"))
        ctx["prospect"] = dict(ctx)
        if offer is not None:
            ctx["offer"] = offer.model_dump(mode="json")
        return ctx

    def render(self, step: int, ctx: dict[str, Any]) -> Rendered:
        """Render step ``step`` (0-based); empty fields come back with their positions."""
        import jinja2

        subject_t, body_t = self.compiled[step]
        try:
            subject, subject_empty = self._run(subject_t, ctx, "subject")
            body, body_empty = self._run(body_t, ctx, "body")
        except (jinja2.TemplateError, TypeError, ValueError) as exc:
            return Rendered(None, "", error=f"template could not be rendered: {exc}")
        return Rendered(subject, body or "", (*subject_empty, *body_empty))

    def _run(
        self, template: jinja2.Template | None, ctx: dict[str, Any], where: str
    ) -> tuple[str | None, list[EmptyField]]:
        if template is None:
            return None, []
        self._trace = _Trace()
        text = template.render(ctx)
        trace = self._trace.fields
        empty: list[EmptyField] = []
        parts: list[str] = []
        pos = 0
        out_len = 0
        for match in _MARK.finditer(text):
            parts.append(text[pos : match.start()])
            out_len += match.start() - pos
            name, missing = trace[int(match.group(1))]
            empty.append(EmptyField(name, where, out_len, missing))
            pos = match.end()
        parts.append(text[pos:])
        out = "".join(parts)
        if where == "subject":
            lead = len(out) - len(out.lstrip())
            out = out.strip()
            empty = [
                EmptyField(e.field, e.where, min(len(out), max(0, e.pos - lead)), e.missing)
                for e in empty
            ]
        return out, empty
