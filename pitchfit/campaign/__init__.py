"""Campaign preflight: every email of a send rendered, checked, fitted and explained.

``preflight(prospects, template, offer, out=...)`` is the library entry point; the
``pitchfit campaign preflight`` command is a thin shell over it.
"""

from __future__ import annotations

from .api import PreflightResult, check_template, preflight

__all__ = ["PreflightResult", "check_template", "preflight"]
