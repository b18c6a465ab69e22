"""Titles are read for function and seniority; industries through sectors, not spelling."""

from __future__ import annotations

import pytest

from pitchfit.fit.market import industry_verdict, size_verdict
from pitchfit.fit.roles import CHIEF, DIRECTOR, IC, MANAGER, VP, match_role, parse_title
from pitchfit.models import SizeRange

SALES_ROLES = ["VP Sales", "Chief Revenue Officer", "Head of Sales", "Sales Director"]


@pytest.mark.parametrize(
    ("title", "function", "level"),
    [
        ("VP Sales", "sales", VP),
        ("Vice President, Sales", "sales", VP),
        ("SVP of Sales", "sales", VP),
        ("CRO", "sales", CHIEF),
        ("Head of Revenue", "sales", DIRECTOR),
        ("Sr. Director of Sales", "sales", DIRECTOR),
        ("Director, Business Development", "sales", DIRECTOR),
        ("Regional Sales Manager", "sales", MANAGER),
        ("Account Executive", "sales", IC),
        ("CFO", "finance", CHIEF),
        ("Chief People Officer", "people", CHIEF),
        ("Head of Supply Chain", "supply_chain", DIRECTOR),
        ("Co-founder & CEO", "executive", CHIEF),
    ],
)
def test_parse_title(title: str, function: str, level: int) -> None:
    parsed = parse_title(title)
    assert function in parsed.functions
    assert parsed.seniority == level


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("VP Sales", "buyer"),
        ("Vice-President Sales", "buyer"),
        ("Head of Revenue", "buyer"),
        ("CRO", "buyer"),
        ("Sr. Director of Sales", "buyer"),
        ("CFO", "wrong_function"),
        ("Marketing Manager", "wrong_function"),
        ("VP Engineering", "wrong_function"),
        ("Account Executive", "too_junior"),
        ("SDR Team Lead", "too_junior"),
        ("Founder", "executive"),
        ("", "unknown"),
        ("Wizard", "unknown"),
    ],
)
def test_match_role(title: str, status: str) -> None:
    match = match_role(title, SALES_ROLES)
    assert match.status == status
    if status in ("wrong_function", "too_junior"):
        assert match.ask_for in SALES_ROLES
    else:
        assert match.ask_for is None


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("Directrice commerciale", "buyer"),
        ("Vertriebsleiter", "buyer"),
        ("Hoofd Verkoop", "buyer"),
        ("Jefe de Ventas", "buyer"),
        ("Directeur financier", "wrong_function"),
        ("Geschäftsführer", "executive"),
    ],
)
def test_european_titles(title: str, status: str) -> None:
    assert match_role(title, SALES_ROLES).status == status


def test_no_roles_means_anyone_buys() -> None:
    assert match_role("CFO", []).status == "buyer"


@pytest.mark.parametrize(
    ("industry", "targets", "inside"),
    [
        ("Computer Software", ["B2B software", "SaaS"], True),
        ("IT Services", ["B2B software"], True),
        ("Manufacturing", ["B2B software", "SaaS"], False),
        ("Software", ["Manufacturing", "Distribution"], False),
        ("Automotive parts", ["Manufacturing"], True),
        ("Financial Services", ["IT services"], False),
        ("Widgets", ["SaaS"], None),
        ("", ["SaaS"], None),
        ("Anything", [], True),
    ],
)
def test_industry_verdict(industry: str, targets: list[str], inside: bool | None) -> None:
    assert industry_verdict(industry, targets).inside is inside


def test_size_verdict_says_the_numbers() -> None:
    verdict = size_verdict(15, SizeRange(min=100, max=5000))
    assert verdict.inside is False
    assert "15 employees" in verdict.reason and "100" in verdict.reason
    assert size_verdict(None, SizeRange(min=100)).inside is None
    assert size_verdict(120, SizeRange(min=100)).inside is True
    assert size_verdict(10, None).inside is True
