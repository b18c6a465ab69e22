"""The rule catalogue: every rule class, found by family module, looked up by name or code.

Codes never change meaning once released: ``codes.lock`` lists every code ever given out with
its name, and the catalogue test fails if a code disappears or changes name. ``REDIRECTS``
maps retired names to their successors so old configs keep working.
"""

from __future__ import annotations

import importlib
from functools import cache

from .base import Rule

FAMILY_MODULES = ("targeting", "homework", "ask", "value", "style", "followup", "strengths")

# old name -> new name; filled when a rule is renamed (never reuse a name for another meaning)
REDIRECTS: dict[str, str] = {}


def _subclasses(cls: type[Rule]) -> list[type[Rule]]:
    out: list[type[Rule]] = []
    for sub in cls.__subclasses__():
        if "code" in sub.__dict__ and "name" in sub.__dict__:
            out.append(sub)
        out.extend(_subclasses(sub))
    return out


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule and strength class, sorted by code."""
    for family in FAMILY_MODULES:
        importlib.import_module(f"{__package__}.{family}")
    seen: dict[str, type[Rule]] = {}
    for cls in _subclasses(Rule):
        seen.setdefault(cls.code, cls)
    return tuple(sorted(seen.values(), key=lambda c: c.code))


@cache
def by_key() -> dict[str, type[Rule]]:
    """Lookup table: code (upper) and name (lower) -> rule class."""
    table: dict[str, type[Rule]] = {}
    for cls in all_rules():
        table[cls.code.upper()] = cls
        table[cls.name.lower()] = cls
    for old, new in REDIRECTS.items():
        if new in table:
            table[old] = table[new]
    return table


def get_rule(key: str) -> type[Rule] | None:
    """A rule by code (``H101``) or name (``unfilled-placeholder``)."""
    key = key.strip()
    return by_key().get(key.upper()) or by_key().get(key.lower())


def matches(selector: str, cls: type[Rule]) -> int:
    """How specifically ``selector`` names ``cls`` (0 = not at all).

    ``ALL`` < family letter (``H``) < code prefix (``H1``) < full code or name, as in ruff:
    the more specific selector wins between select and ignore.
    """
    sel = selector.strip()
    if not sel:
        return 0
    if sel.upper() == "ALL":
        return 1
    if sel.lower() == cls.name or REDIRECTS.get(sel.lower()) == cls.name:
        return 100
    if sel.lower() == cls.family():
        return 2
    up = sel.upper()
    if cls.code.upper().startswith(up):
        return 1 + len(up)
    return 0
