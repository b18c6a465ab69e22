"""The per-row function: render, fit, check, block. The same code runs locally and on Dask.

Each worker process builds one Checker, one FitEngine and one compiled template per run
(cached by the run's token) and reuses them for every row it is given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..config import Settings
from ..models import Finding, Fix, HistoryMessage, Offer, Prospect, Report, Span, Suppression
from ..text.document import line_col
from .template import CampaignTemplate, EmptyField, Renderer

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Checker

BLOCKING_STATUS = ("declined", "unsubscribed", "bounced")
_NO_INTENTS = {"not_interested", "unsubscribe", "not-interested", "declined", "no"}
_NO_RULES = {"ignores-no", "suppressed-contact"}


@dataclass(frozen=True)
class Spec:
    """Everything a worker needs besides the rows; small, picklable, sent once per chunk."""

    token: str
    template: CampaignTemplate
    offer: Offer
    settings: Settings
    fit_method: str
    start: datetime
    has_history: bool


@dataclass(frozen=True)
class Task:
    """One input row as the worker sees it (a prospect, or why the row could not be read)."""

    row: int
    line: int
    email: str
    prospect: Prospect | None = None
    error: str | None = None
    history: tuple[HistoryMessage, ...] = ()
    history_error: str | None = None
    suppression: Suppression | None = None


class _Worker:
    """Per-process state for one run."""

    def __init__(self, spec: Spec) -> None:
        from ..engine import Checker
        from ..rules.registry import get_rule

        self.spec = spec
        self.checkers = [step_checker(spec.settings, step.ignores) for step in spec.template.steps]
        self.renderer = Renderer(spec.template)
        self.fit_engine = _fit_engine(spec.offer, spec.fit_method)
        rule = get_rule("unfilled-placeholder")
        self.placeholder_code = rule.code if rule is not None else "H101"
        checker = self.checkers[0]
        self.placeholder_points = checker.scorer.points(rule) if rule is not None else 0.0
        #: Per step: whether empty merge fields are reported (a template may silence the rule).
        self.placeholder_on = [
            rule is None or rule in Checker.select(c.settings) for c in self.checkers
        ]


def step_checker(settings: Settings, ignores: Sequence[str]) -> Checker:
    """A checker for one step: the run's settings plus the step's inline ignore comments."""
    from ..engine import Checker

    if ignores:
        settings = settings.merged(ignore=(*settings.ignore, *ignores))
    return Checker(settings)


def _fit_engine(offer: Offer, method: str) -> Any:
    from ..fit import FitEngine

    return FitEngine(offer, method=method)


_WORKERS: dict[str, _Worker] = {}


def worker_for(spec: Spec) -> _Worker:
    """The cached state for this run in this process (built on first use)."""
    worker = _WORKERS.get(spec.token)
    if worker is None:
        _WORKERS.clear()
        worker = _WORKERS[spec.token] = _Worker(spec)
    return worker


def prospect_id(prospect: Prospect) -> str:
    """The prospect's id, else its e-mail address (as the fit engine names prospects)."""
    from ..fit import prospect_id as fit_id

    return fit_id(prospect)


def run_chunk(spec: Spec, tasks: Sequence[Task]) -> list[dict[str, Any]]:
    """Preflight a chunk of rows; results come back in the order given."""
    worker = worker_for(spec)
    return [preflight_row(worker, task) for task in tasks]


def preflight_row(worker: _Worker, task: Task) -> dict[str, Any]:
    """One row's result: emails, findings, score, band, fit, and why it is blocked (if it is)."""
    out: dict[str, Any] = {
        "row": task.row,
        "line": task.line,
        "id": None,
        "email": task.email,
        "segment": None,
        "score": None,
        "band": "block",
        "findings": [],
        "blocked_reason": None,
    }
    if task.prospect is None:
        out["blocked_reason"] = f"unreadable row: {task.error}"
        out["error"] = task.error
        return out
    spec, prospect = worker.spec, task.prospect
    out["id"] = prospect_id(prospect)  # the same id ``pitchfit fit`` gives
    out["name"] = prospect.name
    out["company"] = prospect.company
    fit = worker.fit_engine.fit(prospect) if worker.fit_engine is not None else None
    if fit is not None:
        out["segment"] = fit.segment
        out["fit"] = {"score": fit.score, "reasons": list(fit.reasons)}
        for key in ("wrong_person", "ask_for", "disqualified_by"):
            value = getattr(fit, key, None)
            out["fit"][key] = list(value) if isinstance(value, tuple) else value
    ctx = worker.renderer.context(prospect, spec.offer)
    history: list[HistoryMessage] = list(task.history)
    emails: list[dict[str, Any]] = []
    empty_fields: set[str] = set()
    reports: list[tuple[int, Report]] = []
    counts: list[int] = []
    findings: list[dict[str, Any]] = []
    for index, step in enumerate(spec.template.steps):
        sent_at = spec.start + timedelta(days=step.day)
        rendered = worker.renderer.render(index, ctx)
        email = {"step": step.number, "day": step.day, "subject": rendered.subject}
        email["body"] = rendered.body
        emails.append(email)
        if rendered.error:
            # Nothing sensible to check: the row is blocked with the template's error.
            report = Report(id=out["id"], score=0, band="block", chars=0, words=0)
            reports.append((step.number, report))
            data = _render_error(worker, rendered.error).model_dump(mode="json")
            findings.append(data | ({"step": step.number} if spec.template.is_sequence else {}))
            counts.append(1)
            continue
        report = worker.checkers[index].check(
            rendered.body,
            subject=rendered.subject,
            prospect=prospect,
            offer=spec.offer,
            history=history if (history or spec.has_history or index) else None,
            id=out["id"],
            now=sent_at,
            suppression=task.suppression,
            fit_result=fit,
        )
        empty = rendered.empty if worker.placeholder_on[index] else ()
        empty_fields.update(e.field or "(an expression)" for e in empty)
        step_findings = _merge_empty(worker, report, rendered.body, empty)
        counts.append(len(step_findings))
        if any(f.severity == "error" for f in step_findings):
            report = report.model_copy(update={"band": "block"})
        reports.append((step.number, report))
        for finding in step_findings:
            data = as_json(finding)
            if spec.template.is_sequence:
                data["step"] = step.number
            findings.append(data)
        if index + 1 < len(spec.template.steps):  # later steps see this one as sent
            history.append(
                HistoryMessage(
                    direction="out", sent_at=sent_at, subject=rendered.subject, body=rendered.body
                )
            )
    out["score"] = min(report.score for _, report in reports)
    out["band"] = _worst_band(report.band for _, report in reports)
    out["language"] = reports[0][1].language
    out["findings"] = findings
    if spec.template.is_sequence:
        out["steps"] = [
            {"step": n, "score": r.score, "band": r.band, "findings": count}
            for (n, r), count in zip(reports, counts, strict=True)
        ]
    out["emails"] = emails
    if empty_fields:
        out["empty_fields"] = sorted(empty_fields)
    reason, suppression = _blocked(task, out, findings)
    if reason:
        out["blocked_reason"] = reason
        out["band"] = "block"
    elif fit is not None and fit.wrong_person and out["band"] == "send":
        # Right company, wrong person: the seed's move is a short "who owns this?" note,
        # not the pitch, so the pitch itself never goes to send.csv.
        ask = f" (ask for the {fit.ask_for})" if fit.ask_for else ""
        out["band"] = "revise"
        out["revise_reason"] = f"wrong person: ask who owns the problem instead of pitching{ask}"
    if suppression:
        out["suppression"] = suppression
    return out


_FIELDS: dict[type, tuple[str, ...]] = {}


def as_json(value: Any) -> Any:
    """A report object as plain JSON data, fast: field names are looked up once per class.

    Findings are dumped for every row of every campaign, so this is on the hot path.
    """
    names = _FIELDS.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: as_json(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [as_json(item) for item in value]
    if isinstance(value, dict):
        return {key: as_json(item) for key, item in value.items()}
    if hasattr(value, "model_dump"):
        return value.model_dump(mode="json")
    return value


def _worst_band(bands: Iterable[str]) -> str:
    order = {"send": 0, "revise": 1, "block": 2}
    return max(bands, key=lambda b: order[b])


def _merge_empty(
    worker: _Worker, report: Report, body: str, empty: Sequence[EmptyField]
) -> list[Finding]:
    """The checker's findings plus one per empty merge field (replacing overlapping ones)."""
    findings = list(report.findings)
    for item in empty:
        in_subject = item.where == "subject"
        findings = [
            f
            for f in findings
            if not (
                f.name == "unfilled-placeholder"
                and (f.span.line == 0) == in_subject
                and f.span.start <= item.pos <= f.span.end
            )
        ]
        line, column = (0, item.pos + 1) if in_subject else line_col(body, item.pos)
        label = f"merge field '{item.field}'" if item.field else "a merge field"
        state = "is missing" if item.missing else "is empty"
        findings.append(
            Finding(
                code=worker.placeholder_code,
                name="unfilled-placeholder",
                severity="error",
                message=f"{label} {state} for this prospect, so the {item.where} has a gap here",
                span=Span(start=item.pos, end=item.pos, line=line, column=column),
                fix=Fix(
                    title=f"fill in {item.field or 'the field'} for this row, or give the template "
                    "a fallback such as `| default('there', true)`"
                ),
                points=worker.placeholder_points,
            )
        )
    findings.sort(key=lambda f: (f.span.line > 0, f.span.start, f.code))
    return findings


def _render_error(worker: _Worker, message: str) -> Finding:
    return Finding(
        code=worker.placeholder_code,
        name="unfilled-placeholder",
        severity="error",
        message=message,
        span=Span(start=0, end=0, line=1, column=1),
        points=worker.placeholder_points,
    )


def _date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value is not None else None


def _blocked(
    task: Task, out: dict[str, Any], findings: list[dict[str, Any]]
) -> tuple[str | None, dict[str, Any] | None]:
    """Why this row must not be sent (no means no first), and the suppression behind it."""
    prospect = task.prospect
    assert prospect is not None
    if prospect.status in BLOCKING_STATUS:
        at = _date(prospect.declined_at)
        when = f" on {at}" if at else ""
        sup = {"reason": prospect.status, "at": at, "evidence": "", "source": "prospects file"}
        return f"status {prospect.status}{when} in the prospects file", sup
    if task.suppression is not None:
        s = task.suppression
        at = _date(s.at)
        quote = f': "{_short(s.evidence)}"' if s.evidence else ""
        sup = {"reason": s.reason, "at": at, "evidence": s.evidence, "source": s.source or "ledger"}
        return f"suppressed ({s.reason}) on {at or 'an unknown date'}{quote}", sup
    if task.history_error:
        return f"history could not be read: {task.history_error}", None
    said_no = _history_no(task.history, findings)
    if said_no is not None:
        at = _date(said_no.sent_at)
        sup = {"reason": "declined", "at": at, "evidence": said_no.body, "source": "history"}
        return f'said no on {at}: "{_short(said_no.body)}"', sup
    if out.get("segment") == "X":
        reasons = out.get("fit", {}).get("reasons") or []
        why = f": {reasons[0]}" if reasons else ""
        return f"disqualified (segment X){why}", None
    errors = sorted({f["name"] for f in findings if f["severity"] == "error"})
    if errors:
        return f"error finding: {', '.join(errors)}", None
    return None, None


def _short(text: str, limit: int = 140) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _history_no(
    history: Sequence[HistoryMessage], findings: list[dict[str, Any]]
) -> HistoryMessage | None:
    """The inbound message that said no, by the reply classifier or the checker's rules."""
    inbound = sorted((m for m in history if m.direction == "in"), key=lambda m: m.sent_at)
    if not inbound:
        return None
    from ..replies.classify import classify_reply

    for message in reversed(inbound):
        result = classify_reply(message.body, context={"received_at": message.sent_at})
        if result.intent.lower() in _NO_INTENTS:
            return message
    if any(f["name"] in _NO_RULES for f in findings):
        return inbound[-1]
    return None
