"""Is the company in the offer's market at all: industry and size.

Seed 001's two complaints are exactly these: supply-chain software pitched to a firm that
makes nothing, HR software pitched to a 15-person company. Industries are read through a
small sector map ("Computer Software", "SaaS" and "B2B software" are one sector), so the
verdict does not hang on spelling; a company is called outside the market only when both
sides are known and clearly differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..models import SizeRange
from .lexical import overlap

# keyword -> sector. An industry label can belong to several sectors ("automotive" makes
# things), so the map gives sets.
_SECTORS: dict[str, tuple[str, ...]] = {
    "software": ("software",),
    "saas": ("software",),
    "cloud": ("software",),
    "internet": ("software",),
    "app": ("software",),
    "apps": ("software",),
    "technology": ("software",),
    "tech": ("software",),
    "it services": ("software",),
    "information technology": ("software",),
    "computer": ("software",),
    "cybersecurity": ("software",),
    "cyber security": ("software",),
    "cyber-security": ("software",),
    "security software": ("software",),
    "fintech": ("software",),
    "martech": ("software",),
    "adtech": ("software",),
    "edtech": ("software", "education"),
    "healthtech": ("software", "healthcare"),
    "proptech": ("software", "real_estate"),
    "hr tech": ("software",),
    "data": ("software",),
    "manufacturing": ("manufacturing",),
    "manufacturer": ("manufacturing",),
    "industrial": ("manufacturing",),
    "machinery": ("manufacturing",),
    "automotive": ("manufacturing",),
    "electronics": ("manufacturing",),
    "chemicals": ("manufacturing",),
    "plastics": ("manufacturing",),
    "metal": ("manufacturing",),
    "metals": ("manufacturing",),
    "textiles": ("manufacturing",),
    "aerospace": ("manufacturing",),
    "furniture": ("manufacturing",),
    "packaging": ("manufacturing",),
    "food production": ("manufacturing", "food"),
    "consumer goods": ("manufacturing", "retail"),
    "cpg": ("manufacturing", "retail"),
    "pharmaceuticals": ("manufacturing", "healthcare"),
    "pharma": ("manufacturing", "healthcare"),
    "medical devices": ("manufacturing", "healthcare"),
    "logistics": ("logistics",),
    "transportation": ("logistics",),
    "freight": ("logistics",),
    "shipping": ("logistics",),
    "trucking": ("logistics",),
    "warehousing": ("logistics",),
    "distribution": ("logistics", "wholesale"),
    "wholesale": ("wholesale",),
    "supply chain": ("logistics",),
    "retail": ("retail",),
    "ecommerce": ("retail",),
    "e-commerce": ("retail",),
    "consumer": ("retail",),
    "fashion": ("retail",),
    "apparel": ("retail", "manufacturing"),
    "banking": ("finance",),
    "bank": ("finance",),
    "financial services": ("finance",),
    "insurance": ("finance",),
    "investment": ("finance",),
    "finance": ("finance",),
    "accounting": ("services",),
    "healthcare": ("healthcare",),
    "hospital": ("healthcare",),
    "health": ("healthcare",),
    "biotech": ("healthcare",),
    "education": ("education",),
    "university": ("education",),
    "school": ("education",),
    "government": ("public",),
    "public sector": ("public",),
    "nonprofit": ("nonprofit",),
    "non-profit": ("nonprofit",),
    "charity": ("nonprofit",),
    "consulting": ("services",),
    "agency": ("services",),
    "marketing services": ("services",),
    "professional services": ("services",),
    "legal": ("services",),
    "law": ("services",),
    "staffing": ("services",),
    "recruiting": ("services",),
    "construction": ("construction",),
    "real estate": ("real_estate",),
    "energy": ("energy",),
    "utilities": ("energy",),
    "oil": ("energy",),
    "telecommunications": ("telecom",),
    "telecom": ("telecom",),
    "media": ("media",),
    "publishing": ("media",),
    "hospitality": ("hospitality",),
    "hotels": ("hospitality",),
    "restaurants": ("hospitality", "food"),
    "food": ("food",),
    "beverage": ("food",),
    "agriculture": ("food",),
    "marketing": ("services",),
}
_KEYS = sorted(_SECTORS, key=len, reverse=True)
_KEY_RE = re.compile(r"(?<![a-z])(" + "|".join(re.escape(k) for k in _KEYS) + r")(?![a-z])")


@lru_cache(maxsize=4096)
def sectors(industry: str) -> frozenset[str]:
    """The sectors an industry label belongs to (empty when the map does not know it)."""
    found: set[str] = set()
    for match in _KEY_RE.finditer(industry.lower()):
        found.update(_SECTORS[match.group(1)])
    return frozenset(found)


@dataclass(frozen=True)
class Verdict:
    """In the market (True), outside (False) or unknown (None), and why in plain words."""

    inside: bool | None
    reason: str


def industry_verdict(industry: str, targets: list[str]) -> Verdict:
    """Compare the prospect's industry with the offer's target industries."""
    if not targets:
        return Verdict(True, "the offer targets every industry")
    if not industry.strip():
        return Verdict(None, "industry unknown")
    label = _specific(industry)
    for target in targets:
        spec = _specific(target)
        if label and spec and (overlap(spec, label) >= 0.5 or overlap(label, spec) >= 0.5):
            return Verdict(True, f"{industry} is a target industry ({target})")
    mine = sectors(industry)
    wanted = frozenset().union(*(sectors(t) for t in targets))
    if mine & wanted:
        target = next(t for t in targets if sectors(t) & mine)
        return Verdict(True, f"{industry} is a target industry ({target})")
    if mine and wanted:
        return Verdict(
            False, f"they are in {_lower(industry)}, and this offer is for {_join(targets)}"
        )
    return Verdict(None, f"can't tell whether {industry} belongs to {_join(targets)}")


def size_verdict(size: int | None, target: SizeRange | None) -> Verdict:
    """Compare the company's headcount with the offer's size range."""
    if target is None or (target.min is None and target.max is None):
        return Verdict(True, "the offer fits any company size")
    if size is None:
        return Verdict(None, "company size unknown")
    if target.contains(size):
        return Verdict(True, f"{size:,} employees is inside {describe_range(target)}")
    return Verdict(False, f"{size:,} employees; this offer is for {describe_range(target)}")


def describe_range(target: SizeRange) -> str:
    """'companies of 50-2,000 employees' in words."""
    if target.min is not None and target.max is not None:
        return f"companies of {target.min:,}–{target.max:,} employees"
    if target.min is not None:
        return f"companies of {target.min:,}+ employees"
    return f"companies of up to {target.max:,} employees"


_GENERIC = re.compile(
    r"\b(services?|solutions?|industry|industries|products?|b2b|b2c|"
    r"companies|company|group|other|general|and|&)\b",
    re.IGNORECASE,
)


def _specific(label: str) -> str:
    """The label without words every industry shares ("services", "solutions", "B2B")."""
    return _GENERIC.sub(" ", label).strip()


def _lower(label: str) -> str:
    return " ".join(w if w.isupper() else w.lower() for w in label.split())


def _join(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return items[0] if items else ""
    if len(items) > 4:
        items = [*items[:3], "similar"]
    return ", ".join(items[:-1]) + " or " + items[-1]
