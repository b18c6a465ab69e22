"""What a rule is: code, name, severity, needs, doc, examples and a ``check``.

One rule is one small class. Its docstring *is* its documentation, under fixed headings
(``What it does`` / ``Why it matters`` / ``Principle``); its ``bad`` and ``good`` examples are
run by the test suite, and the rule reference in ``docs/rules.md`` is generated from them.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from ..report import Edit, Fix

if TYPE_CHECKING:
    from ..engine import Context
    from ..text.document import Document

NEEDS = ("prospect", "offer", "history")
FAMILIES = {
    "T": "targeting",
    "H": "homework",
    "A": "ask",
    "V": "value",
    "S": "style",
    "F": "followup",
    "G": "strengths",
}


class Severity(enum.IntEnum):
    """suggestion < warning < error; any error blocks the send."""

    SUGGESTION = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> Literal["suggestion", "warning", "error"]:
        return self.name.lower()  # type: ignore[return-value]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        """Read ``"warning"`` (or ``"WARNING"``) into a Severity; ValueError when unknown."""
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


@dataclass(frozen=True)
class Example:
    """An email a rule must flag (bad) or must leave alone (good).

    ``text`` may start with ``Subject: …`` and a blank line. ``span`` (bad examples) is a
    substring the finding must cover. ``prospect``/``offer``/``history`` are plain dicts in the
    wire format; ``now`` is an ISO datetime for follow-up timing; ``options`` override the
    rule's options for this example.
    """

    text: str
    span: str | None = None
    prospect: Mapping[str, Any] | None = None
    offer: Mapping[str, Any] | None = None
    history: tuple[Mapping[str, Any], ...] = ()
    now: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True, slots=True)
class Hit:
    """What ``check`` yields: a span of the body (or of the subject) and a message."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    in_subject: bool = False


class Rule:
    """Base class of every rule and strength. Subclasses set the class attributes and ``check``.

    ``name`` is kebab-case and names the pattern; ``code`` is the family letter plus three
    digits and never changes meaning once released (see ``codes.lock``). ``needs`` lists the
    inputs without which the rule is skipped (and reported as skipped).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    needs: ClassVar[tuple[str, ...]] = ()
    scope: ClassVar[str] = "content"
    since: ClassVar[str] = "0.1.0"
    kind: ClassVar[Literal["finding", "strength"]] = "finding"
    fix_title: ClassVar[str | None] = None
    options: ClassVar[Mapping[str, Any]] = {}
    # Lower-case words of which at least one must occur in the subject or body for the rule
    # to run at all (None: always run). A cheap set test that spares most rules most emails;
    # it must never hide a real hit, which the rule's bad examples check.
    triggers: ClassVar[frozenset[str] | None] = None
    bad: ClassVar[tuple[Example, ...]] = ()
    good: ClassVar[tuple[Example, ...]] = ()

    def check(self, doc: Document, ctx: Context) -> Iterable[Hit]:
        """Yield a Hit for each place the pattern occurs."""
        raise NotImplementedError

    # ---- helpers for subclasses -------------------------------------------------------------
    def option(self, ctx: Context, key: str) -> Any:
        """This rule's option ``key``: config/CLI override, else the rule's default."""
        return ctx.settings.rule_option(self.name, key, self.options[key])

    @staticmethod
    def hit(
        start: int, end: int, message: str, *, fix: Fix | None = None, in_subject: bool = False
    ) -> Hit:
        return Hit(start, end, message, fix, in_subject)

    @staticmethod
    def replace_fix(
        title: str, start: int, end: int, replacement: str, *, safe: bool = False
    ) -> Fix:
        """A fix that replaces body[start:end]; ``safe`` ones are applied by ``--fix``."""
        return Fix(
            title=title,
            applicability="safe" if safe else "unsafe",
            edits=[Edit(start=start, end=end, replacement=replacement)],
        )

    @staticmethod
    def advice(title: str) -> Fix:
        """A fix that can only be described (rewrite by hand)."""
        return Fix(title=title, applicability="display", edits=[])

    # ---- documentation ----------------------------------------------------------------------
    @classmethod
    def family(cls) -> str:
        return FAMILIES[cls.code[0]]

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring split under its headings: summary, what, why, principle, (more)."""
        text = _dedent(cls.__doc__ or "")
        parts = re.split(
            r"^(What it does|Why it matters|Principle|Options|Fix)\s*:?\s*$",
            text,
            flags=re.MULTILINE,
        )
        sections = {"summary": parts[0].strip()}
        for head, body in zip(parts[1::2], parts[2::2], strict=False):
            key = head.lower().replace(" it does", "").replace(" it matters", "")
            sections[key] = "\n".join(line.strip() for line in body.strip().splitlines())
        return sections

    @classmethod
    def describe(cls) -> dict[str, Any]:
        """The rule as data, for ``pitchfit rules --format json`` and the docs."""
        sec = cls.doc_sections()
        return {
            "code": cls.code,
            "name": cls.name,
            "kind": cls.kind,
            "family": cls.family(),
            "severity": cls.severity.label,
            "needs": list(cls.needs),
            "scope": cls.scope,
            "since": cls.since,
            "summary": sec.get("summary", ""),
            "doc": {
                "what": sec.get("what", ""),
                "why": sec.get("why", ""),
                "principle": sec.get("principle", ""),
            },
            "fix": cls.fix_title,
            "options": dict(cls.options),
            "examples": {
                "bad": [e.text for e in cls.bad],
                "good": [e.text for e in cls.good],
            },
        }


def _dedent(text: str) -> str:
    lines = text.expandtabs().splitlines()
    if not lines:
        return ""
    indent = min((len(ln) - len(ln.lstrip()) for ln in lines[1:] if ln.strip()), default=0)
    return "\n".join([lines[0].strip(), *(ln[indent:] for ln in lines[1:])]).strip()
