"""The checker: selected rules x one Document x its context -> a scored Report.

``Checker`` is built once (rules selected, weights loaded) and reused for many emails, which
is what batch checks and campaigns do; :func:`check` is the one-call convenience.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from .config import Settings
from .report import Edit, Finding, Fix, Report, Skipped, Span, Strength
from .report import Severity as SeverityLabel
from .rules.base import Hit, Rule, Severity
from .rules.registry import all_rules, matches
from .text.document import Document

if TYPE_CHECKING:  # the input models are pydantic: imported only when a caller has them
    from .models import HistoryMessage, Offer, Prospect, Suppression

_DIRECTIVE = re.compile(
    r"\{#-?\s*pitchfit:\s*ignore\[(?P<a>[^\]]*)\]\s*(?P<ra>.*?)\s*-?#\}"
    r"|<!--\s*pitchfit:\s*ignore\[(?P<b>[^\]]*)\]\s*(?P<rb>.*?)\s*-->",
    re.DOTALL,
)


@dataclass
class Context:
    """What a rule may know besides the text: prospect, offer, history, settings, time."""

    settings: Settings
    prospect: Prospect | None = None
    offer: Offer | None = None
    history: Sequence[HistoryMessage] | None = None
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    suppression: Suppression | None = None
    precomputed_fit: Any = None

    def has(self, need: str) -> bool:
        """Whether the input a rule ``needs`` was given."""
        if need == "prospect":
            return self.prospect is not None
        if need == "offer":
            return self.offer is not None
        if need == "history":
            return self.history is not None
        raise ValueError(f"unknown need {need!r}")

    @cached_property
    def fit_result(self) -> Any:
        """The fit of prospect and offer (the same engine ``pitchfit fit`` uses), or None."""
        if self.precomputed_fit is not None:
            return self.precomputed_fit
        if self.prospect is None or self.offer is None:
            return None
        from .fit import fit

        return fit(self.prospect, self.offer, method=self.settings.fit_method)

    @cached_property
    def outbound(self) -> list[HistoryMessage]:
        """Earlier messages we sent, oldest first."""
        return sorted(
            (m for m in self.history or () if m.direction == "out"), key=lambda m: m.sent_at
        )

    @cached_property
    def inbound(self) -> list[HistoryMessage]:
        """Earlier messages they sent, oldest first."""
        return sorted(
            (m for m in self.history or () if m.direction == "in"), key=lambda m: m.sent_at
        )

    @cached_property
    def reply_intents(self) -> list[tuple[HistoryMessage, dict[str, Any]]]:
        """Each inbound message with its classified intent (the reply classifier's dict)."""
        if not self.inbound:
            return []
        from .replies.classify import classify_reply

        return [
            (m, classify_reply(m.body, context={"received_at": m.sent_at}).to_dict())
            for m in self.inbound
        ]

    @property
    def is_followup(self) -> bool:
        return bool(self.outbound)

    @property
    def step(self) -> int:
        """1 for a first touch, 2 for the first follow-up, …"""
        return len(self.outbound) + 1


@dataclass(frozen=True)
class CheckedEmail:
    """One checked email with what output formats need to show it in place."""

    path: str
    body: str
    subject: str | None
    report: Report
    line_offset: int = 0  # lines in the file before the body (e.g. a "Subject:" header)


class _OffsetMap:
    """Maps offsets in the cleaned body (directives removed) back to the original body."""

    def __init__(self, removed: list[tuple[int, int]]) -> None:
        self.clean_pos: list[int] = []
        self.shift: list[int] = []
        total = 0
        for clean_at, length in removed:
            total += length
            self.clean_pos.append(clean_at)
            self.shift.append(total)

    def __call__(self, pos: int, *, is_end: bool = False) -> int:
        i = (bisect.bisect_left if is_end else bisect.bisect_right)(self.clean_pos, pos)
        return pos + (self.shift[i - 1] if i else 0)


_NO_SHIFT = _OffsetMap([])  # nothing removed (shared: an _OffsetMap is never changed)


def strip_directives(body: str) -> tuple[str, dict[str, str], _OffsetMap]:
    """Remove ``{# pitchfit: ignore[rule] reason #}`` / ``<!-- … -->`` comments.

    Returns the clean body, {selector: reason} and a map back to original offsets.
    """
    if "pitchfit:" not in body:
        return body, {}, _NO_SHIFT
    ignored: dict[str, str] = {}
    removed: list[tuple[int, int]] = []
    parts: list[str] = []
    pos = clean_len = 0
    for m in _DIRECTIVE.finditer(body):
        cut_start, cut_end = m.start(), m.end()
        line_start = body.rfind("\n", 0, cut_start) + 1
        line_end = body.find("\n", cut_end)
        line_end = len(body) if line_end == -1 else line_end
        if not body[line_start:cut_start].strip() and not body[cut_end:line_end].strip():
            # alone on its line: the whole line goes, so no blank line is left behind
            cut_start, cut_end = line_start, min(line_end + 1, len(body))
        parts.append(body[pos:cut_start])
        clean_len += cut_start - pos
        removed.append((clean_len, cut_end - cut_start))
        pos = cut_end
        selectors = m.group("a") if m.group("a") is not None else m.group("b")
        reason = (m.group("ra") if m.group("a") is not None else m.group("rb")) or ""
        for sel in (selectors or "").split(","):
            if sel.strip():
                ignored[sel.strip()] = reason.strip()
    parts.append(body[pos:])
    return "".join(parts), ignored, _OffsetMap(removed)


class _Step(NamedTuple):
    """One rule as the per-email loop runs it, with everything per-rule looked up once."""

    rule: Rule
    cls: type[Rule]
    triggers: frozenset[str] | None
    is_strength: bool
    points: float
    severity: SeverityLabel  # looked up once: an enum's name, lower-cased, is slow per finding


class Checker:
    """Selected rules plus fitted weights; call :meth:`check` for each email."""

    def __init__(self, settings: Settings | None = None) -> None:
        from .scoring import Scorer

        self.settings = settings if settings is not None else Settings()
        self.rules: list[Rule] = [cls() for cls in self.select(self.settings)]
        self.scorer = Scorer.load(self.settings)
        # Which rules run and which are skipped depends only on which inputs were given:
        # worked out once per combination, not once per email.
        self._plans: dict[tuple[bool, bool, bool], tuple[tuple[_Step, ...], tuple[Skipped, ...]]]
        self._plans = {}

    @staticmethod
    def select(settings: Settings) -> list[type[Rule]]:
        """Rules chosen by select/ignore; the more specific selector wins (ties: ignore)."""
        chosen = []
        for cls in all_rules():
            sel = max((matches(s, cls) for s in settings.select), default=0)
            ign = max((matches(s, cls) for s in settings.ignore), default=0)
            if sel and sel > ign:
                chosen.append(cls)
        return chosen

    def _plan(self, ctx: Context) -> tuple[tuple[_Step, ...], tuple[Skipped, ...]]:
        """The rules to run for this combination of inputs, and the ones skipped for lack of
        them (in catalogue order)."""
        key = (ctx.prospect is not None, ctx.offer is not None, ctx.history is not None)
        plan = self._plans.get(key)
        if plan is None:
            steps: list[_Step] = []
            skipped: list[Skipped] = []
            min_severity = self.settings.min_severity
            for rule in self.rules:
                cls = type(rule)
                missing = [need for need in cls.needs if not ctx.has(need)]
                if missing:
                    skipped.append(Skipped(name=cls.name, needs=missing))
                    continue
                strength = cls.kind == "strength"
                if not strength and cls.severity < min_severity:
                    continue
                points = self.scorer.points(cls)
                steps.append(_Step(rule, cls, cls.triggers, strength, points, cls.severity.label))
            plan = self._plans[key] = (tuple(steps), tuple(skipped))
        return plan

    def check(
        self,
        body: str,
        *,
        subject: str | None = None,
        prospect: Prospect | None = None,
        offer: Offer | None = None,
        history: Sequence[HistoryMessage] | None = None,
        id: str | None = None,
        now: datetime | None = None,
        suppression: Suppression | None = None,
        fit_result: Any = None,
    ) -> Report:
        """Check one email and return its scored, explained Report."""
        clean, ignored, to_original = strip_directives(body)
        doc = Document(clean, subject)
        ctx = Context(
            settings=self.settings,
            prospect=prospect,
            offer=offer,
            history=history,
            now=now or datetime.now(UTC),
            suppression=suppression,
            precomputed_fit=fit_result,
        )
        steps, skipped = self._plan(ctx)
        findings: list[Finding] = []
        strengths: list[Strength] = []
        local_ignore = self._ignored_classes(ignored) if ignored else ()
        vocabulary = doc.vocabulary
        for rule, cls, triggers, is_strength, points, severity in steps:
            if triggers is not None and triggers.isdisjoint(vocabulary):
                continue
            if local_ignore and cls in local_ignore:
                continue
            if is_strength:
                for hit in rule.check(doc, ctx):
                    strengths.append(Strength(cls.name, hit.message, points))
                    break
                continue
            for hit in rule.check(doc, ctx):
                findings.append(self._finding(cls, hit, doc, to_original, points, severity))
        if len(findings) > 1:
            findings.sort(key=_finding_order)
        score, band = self.scorer.score(findings, strengths)
        fit_dict = None
        if prospect is not None and offer is not None and "fit_result" in ctx.__dict__:
            result = ctx.fit_result
            fit_dict = result.to_dict() if hasattr(result, "to_dict") else None
        return Report(
            id=id,
            score=score,
            band=band,
            language=doc.language,
            chars=doc.char_count,
            words=doc.word_count,
            findings=findings,
            strengths=strengths,
            skipped=list(skipped),
            fit=fit_dict,
        )

    def _ignored_classes(self, ignored: dict[str, str]) -> list[type[Rule]]:
        return [cls for cls in all_rules() if any(matches(sel, cls) for sel in ignored)]

    @staticmethod
    def _finding(
        cls: type[Rule],
        hit: Hit,
        doc: Document,
        to_original: _OffsetMap,
        points: float,
        severity: SeverityLabel,
    ) -> Finding:
        fix = hit.fix
        if hit.in_subject:
            span = Span(hit.start, hit.end, 0, hit.start + 1)
        elif not to_original.shift:  # no inline directives: offsets are the original's
            line, column = doc.line_col(hit.start)
            span = Span(hit.start, hit.end, line, column)
        else:
            start, end = to_original(hit.start), to_original(hit.end, is_end=True)
            line, column = doc.line_col(hit.start)
            span = Span(start, end, line, column)
            if fix is not None and fix.edits:
                edits = [
                    Edit(to_original(e.start), to_original(e.end, is_end=True), e.replacement)
                    for e in fix.edits
                ]
                fix = Fix(fix.title, fix.applicability, edits)
        return Finding(cls.code, cls.name, severity, hit.message, span, fix, points)


def _finding_order(finding: Finding) -> tuple[bool, int, str]:
    """Subject findings (line 0) first, then by position, then by code."""
    return (finding.span.line > 0, finding.span.start, finding.code)


def check(
    body: str,
    *,
    subject: str | None = None,
    prospect: Prospect | None = None,
    offer: Offer | None = None,
    history: Sequence[HistoryMessage] | None = None,
    settings: Settings | None = None,
    id: str | None = None,
    now: datetime | None = None,
    suppression: Suppression | None = None,
    fit_result: Any = None,
) -> Report:
    """Check one email against the prospect, offer and history it goes with."""
    return _checker(settings).check(
        body,
        subject=subject,
        prospect=prospect,
        offer=offer,
        history=history,
        id=id,
        now=now,
        suppression=suppression,
        fit_result=fit_result,
    )


_DEFAULT: Checker | None = None
_LAST: tuple[Settings, Checker] | None = None


def _checker(settings: Settings | None) -> Checker:
    """Reuse a Checker across calls: the default one, or the last one built for ``settings``."""
    global _DEFAULT, _LAST
    if settings is None:
        if _DEFAULT is None:
            _DEFAULT = Checker(Settings())
        return _DEFAULT
    if _LAST is None or _LAST[0] is not settings:
        _LAST = (settings, Checker(settings))
    return _LAST[1]


__all__ = ["CheckedEmail", "Checker", "Context", "Severity", "check", "strip_directives"]
