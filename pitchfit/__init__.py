"""pitchfit: outreach worth answering.

The public API is small and imported lazily so ``import pitchfit`` (and the CLI) start fast:

- :func:`check` one email against a prospect, an offer and the history -> :class:`Report`
- :func:`fit` a prospect against an offer -> segment, score and the evidence behind it
- :func:`preflight` a whole campaign (prospects x template x offer)
- :func:`parse_reply` / :func:`classify_reply` read what prospects answer
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "check": "pitchfit.engine",
    "Checker": "pitchfit.engine",
    "Document": "pitchfit.text.document",
    "fit": "pitchfit.fit",
    "FitResult": "pitchfit.fit",
    "preflight": "pitchfit.campaign",
    "parse_reply": "pitchfit.replies.parse",
    "ParsedReply": "pitchfit.replies.parse",
    "classify_reply": "pitchfit.replies.classify",
    "Settings": "pitchfit.config",
    "load_settings": "pitchfit.config",
    "PitchfitError": "pitchfit.errors",
    "Offer": "pitchfit.models",
    "Prospect": "pitchfit.models",
    "HistoryMessage": "pitchfit.models",
    "Report": "pitchfit.models",
    "Finding": "pitchfit.models",
}

__all__ = [
    "Checker",
    "Document",
    "Finding",
    "FitResult",
    "HistoryMessage",
    "Offer",
    "ParsedReply",
    "PitchfitError",
    "Prospect",
    "Report",
    "Settings",
    "check",
    "classify_reply",
    "fit",
    "load_settings",
    "parse_reply",
    "preflight",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .campaign import preflight
    from .config import Settings, load_settings
    from .engine import Checker, check
    from .errors import PitchfitError
    from .fit import FitResult, fit
    from .models import Finding, HistoryMessage, Offer, Prospect, Report
    from .replies.classify import classify_reply
    from .replies.parse import ParsedReply, parse_reply
    from .text.document import Document


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'pitchfit' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
