"""``classify_reply``: the intent of a reply, what it asks of us, and the next step.

Certain cases are decided by rules (auto-reply headers, unsubscribe wording, absence
notices); the rest by a small logistic regression on lexical features whose weights ship with
the package (see :mod:`pitchfit.replies.model`). The result always says which of the two ran
in ``method``. Dates and referrals are then read from the text, and
:mod:`pitchfit.replies.actions` turns the intent into the next step the seeds ask for.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from . import cues
from .actions import guess_language, plan
from .dates import follow_up_date, return_date
from .features import INTENTS
from .referral import Referral, find_referral

__all__ = ["INTENTS", "ReplyIntent", "classify_reply", "classify_text"]

_OOO_CERTAIN = re.compile(
    r"out\s+of\s+(?:the\s+)?office|auto(?:matic)?[- ]?reply|on\s+(?:annual|parental|maternity|"
    r"paternity|sick)\s+leave|on\s+sabbatical|abwesenheitsnotiz|nicht\s+im\s+büro|"
    r"message\s+d'absence|absente?\s+du\s+bureau|fuera\s+de\s+la\s+oficina|"
    r"respuesta\s+automática|automatisch\s+antwoord|niet\s+op\s+kantoor|réponse\s+automatique",
    re.IGNORECASE,
)
_LEFT_COMPANY = re.compile(
    r"no\s+longer\s+(?:with|at|works?|employed|part\s+of|monitored|in\s+use|active)|"
    r"left\s+the\s+(?:company|business|firm)|(?:mailbox|address)\s+is\s+not\s+monitored|"
    r"ya\s+no\s+forma\s+parte|n'est\s+plus\s+(?:consultée|active)|wird\s+nicht\s+mehr\s+gelesen|"
    r"ne\s+fait\s+plus\s+partie|n'est\s+plus\s+(?:chez|dans)|nicht\s+mehr\s+(?:bei|im\s+unternehmen)|"
    r"ya\s+no\s+trabaja|werkt\s+(?:hier\s+)?niet\s+meer|niet\s+meer\s+(?:werkzaam|in\s+dienst)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReplyIntent:
    """A classified reply: intent, confidence, what it names, and what to do next."""

    intent: str
    confidence: float
    referral: Referral | None
    return_date: date | None
    objection_type: str | None
    next_action: str
    suggested_reply: str
    method: str
    language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of issue 6 (``language`` is not part of it)."""
        return {
            "intent": self.intent,
            "confidence": round(self.confidence, 3),
            "referral": self.referral.to_dict() if self.referral else None,
            "return_date": self.return_date.isoformat() if self.return_date else None,
            "objection_type": self.objection_type,
            "next_action": self.next_action,
            "suggested_reply": self.suggested_reply,
            "method": self.method,
        }


def _as_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        text = value.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            return None
    return None


def rule_intent(text: str, *, auto_reply: bool) -> tuple[str, float, str] | None:
    """The intent when a rule is certain of it: ``(intent, confidence, rule name)``."""
    low = cues.normalise(text)
    if auto_reply:
        if _LEFT_COMPANY.search(low):
            return "wrong_person", 0.95, "auto-reply-header+left-company"
        return "out_of_office", 0.97, "auto-reply-header"
    if cues.UNSUBSCRIBE.search(low):
        return "unsubscribe", 0.95, "unsubscribe-phrase"
    if _OOO_CERTAIN.search(low) and not cues.INTERESTED.search(low):
        if _LEFT_COMPANY.search(low):
            return "wrong_person", 0.9, "left-company-phrase"
        return "out_of_office", 0.93, "absence-phrase"
    return None


def _cue_fallback(text: str) -> tuple[str, float]:
    """Without a trained model: the intent with most cue hits (``question`` on a tie)."""
    hit = cues.hits(cues.normalise(text))
    best = max(INTENTS, key=lambda i: (hit[i], i == "question"))
    return best, 0.5 if hit[best] else 0.3


def model_intent(text: str, *, semantic: bool = False) -> tuple[str, float, str]:
    """The classifier's intent, its probability and the method name.

    ``semantic`` asks for the variant with sentence embeddings; it is used only when that
    model is installed and its weights ship, else the lexical model answers.
    """
    from . import model
    from .features import matrix, semantic_available, semantic_matrix

    if semantic and semantic_available():
        fitted = model.load(semantic=True)
        if fitted is not None:
            try:
                probs = fitted.proba(semantic_matrix([text]))[0]
            except RuntimeError:  # the embedding model failed to load: stay lexical
                pass
            else:
                best = int(probs.argmax())
                return INTENTS[best], float(probs[best]), model.SEMANTIC_NAME
    lexical = model.load()
    if lexical is None:
        intent, confidence = _cue_fallback(text)
        return intent, confidence, "rules:cue-count (no trained model)"
    probs = lexical.proba(matrix([text]))[0]
    best = int(probs.argmax())
    return INTENTS[best], float(probs[best]), model.NAME


def classify_text(
    text: str, *, auto_reply: bool = False, semantic: bool = False
) -> tuple[str, float, str]:
    """Intent of already-extracted new text: rules first, then the classifier."""
    ruled = rule_intent(text, auto_reply=auto_reply)
    if ruled is not None:
        intent, confidence, rule = ruled
        return intent, confidence, f"rules:{rule}"
    return model_intent(text, semantic=semantic)


def classify_reply(text: str, *, context: dict[str, Any] | None = None) -> ReplyIntent:
    """Classify one reply (plain text or a raw message) and propose the next step.

    ``context`` may hold ``received_at`` (ISO date/datetime; resolves "until Monday"),
    ``headers`` (a dict; auto-reply headers decide out-of-office), ``from_address`` (never
    taken as the referral), ``language`` (force the suggested reply's language),
    ``asked_before`` (True once we asked a "no" what would make them buy: then we stop) and
    ``semantic`` (True: add sentence embeddings when installed; default from
    ``PITCHFIT_REPLY_SEMANTIC=1``, else lexical only, which starts faster).
    """
    from .parse import parse_reply

    ctx = dict(context or {})
    parsed = parse_reply(text)
    headers = {**parsed.headers, **(ctx.get("headers") or {})}
    from .mime import is_auto_reply

    auto = parsed.is_auto_reply or (bool(headers) and is_auto_reply(headers))
    body = parsed.body
    subject = headers.get("Subject") or headers.get("subject") or ""
    basis = f"{subject}\n{body}" if auto and subject else body
    if not basis.strip():
        return ReplyIntent(
            intent="question",
            confidence=0.0,
            referral=None,
            return_date=None,
            objection_type=None,
            next_action="review",
            suggested_reply="",
            method="rules:empty-reply",
        )
    semantic = bool(ctx.get("semantic", os.environ.get("PITCHFIT_REPLY_SEMANTIC") == "1"))
    intent, confidence, method = classify_text(basis, auto_reply=auto, semantic=semantic)
    received = _as_date(ctx.get("received_at")) or _as_date(parsed.date) or datetime.now().date()
    exclude = {a for a in (parsed.from_address, ctx.get("from_address")) if isinstance(a, str)}
    referral = (
        find_referral(body, exclude=exclude)
        if intent in ("wrong_person", "out_of_office")
        else None
    )
    back = return_date(body, received) if intent == "out_of_office" else None
    follow = follow_up_date(body, received) if intent == "not_now" else None
    objection = cues.objection_type(body) if intent == "objection" else None
    lang = ctx.get("language") or guess_language(body)
    action, suggestion = plan(
        intent,
        lang=str(lang),
        referral=referral,
        return_date=back,
        follow_up=follow,
        objection_type=objection,
        asked_before=bool(ctx.get("asked_before")),
    )
    return ReplyIntent(
        intent=intent,
        confidence=confidence,
        referral=referral,
        return_date=back,
        objection_type=objection,
        next_action=action,
        suggested_reply=suggestion,
        method=method,
        language=str(lang),
    )
