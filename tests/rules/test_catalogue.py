"""The catalogue is the public contract: every name DESIGN.md promises exists, each rule is
documented with examples, codes are unique and never change meaning (codes.lock)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from pitchfit.rules.base import FAMILIES, Rule
from pitchfit.rules.registry import all_rules, get_rule

CATALOGUE = {
    "targeting": [
        "wrong-language",
        "wrong-role",
        "no-need-evidence",
        "disqualified",
        "false-premise",
        "suppressed-contact",
    ],
    "homework": [
        "unfilled-placeholder",
        "no-personalization",
        "shallow-personalization",
        "talking-down",
        "empty-discovery",
        "generic-flattery",
    ],
    "ask": [
        "vague-ask",
        "multiple-asks",
        "no-ask",
        "info-update-request",
        "reasonless-intro-request",
    ],
    "value": [
        "features-not-benefits",
        "no-reason",
        "logo-dropping",
        "unproven-claim",
        "self-centered",
    ],
    "style": ["too-long", "deferential", "formal-filler", "hype", "wall-of-text", "subject-line"],
    "followup": [
        "followup-too-soon",
        "too-many-touches",
        "followup-repitch",
        "ignores-no",
        "guilt-trip",
    ],
    "strengths": [
        "specific-research",
        "single-clear-ask",
        "reason-given",
        "peer-tone",
        "benefit-with-proof",
        "short",
    ],
}
SEEDS = {
    "000_89adfda597195df7",
    "001_fa86a06d8cce9a86",
    "002_a3c7499a1667f438",
    "003_56500c1ee79e2572",
    "004_adf2a3e1e6fa8705",
}


def _locked() -> dict[str, str]:
    text = resources.files("pitchfit.rules").joinpath("codes.lock").read_text("utf-8")
    pairs = [ln.split() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return dict(pairs)


@pytest.mark.parametrize(("family", "name"), [(f, n) for f, ns in CATALOGUE.items() for n in ns])
def test_every_catalogue_name_exists_in_its_family(family: str, name: str) -> None:
    cls = get_rule(name)
    assert cls is not None, f"missing rule {name}"
    assert cls.family() == family


def test_codes_are_unique_well_formed_and_locked() -> None:
    rules = all_rules()
    codes = [r.code for r in rules]
    assert len(codes) == len(set(codes))
    names = [r.name for r in rules]
    assert len(names) == len(set(names))
    locked = _locked()
    for cls in rules:
        assert re.fullmatch(r"[A-Z]\d{3}", cls.code) and cls.code[0] in FAMILIES
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", cls.name)
        assert locked.get(cls.code) == cls.name, f"{cls.code} must be in codes.lock as {cls.name}"
    for code, name in locked.items():
        cls = get_rule(code)
        assert cls is not None and cls.name == name, f"released code {code} ({name}) vanished"


@pytest.mark.parametrize("cls", all_rules(), ids=lambda c: c.name)
def test_rule_is_documented_with_examples(cls: type[Rule]) -> None:
    doc = cls.doc_sections()
    assert doc.get("summary"), "a one-line summary first"
    for heading in ("what", "why", "principle"):
        assert len(doc.get(heading, "")) > 20, f"doc section {heading!r} missing or empty"
    assert any(seed in doc["principle"] for seed in SEEDS), "principle must name its seed file"
    assert len(cls.bad) >= 2 and len(cls.good) >= 2, "at least two bad and two good examples"
    assert set(cls.needs) <= {"prospect", "offer", "history"}
