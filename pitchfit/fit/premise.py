"""Claims an email makes about the prospect that their profile contradicts (false-premise).

"As a fast-growing manufacturer" to a software firm, "your 500 engineers" to a 40-person
company, "as a CTO" to a CMO: a glance at the profile would have caught each one (seed 000).
Only claims the profile can settle are judged; an unknown industry or size contradicts nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Prospect
from .market import sectors
from .roles import parse_title

_SIZE_CLAIM = re.compile(
    r"\b(?:your|you have|team of|company of|with)\s+(?:over\s+|more than\s+|nearly\s+)?"
    r"(\d{1,3}(?:,\d{3})+|\d+)\+?\s+(?:\w+\s+)?"
    r"(employees|people|staff|engineers|developers|reps|salespeople|sellers|workers|locations)\b",
    re.IGNORECASE,
)
_AS_A = re.compile(
    r"\bas (?:a|an|one of the)\s+((?:[\w-]+\s+){0,3}?[\w-]+?)(?=[,.;:!?]|\s+"
    r"(?:you|your|like|with|in|we|I)\b)",
    re.IGNORECASE,
)
_YOUR_THINGS = {
    "manufacturing": re.compile(
        r"\byour (factories|factory|plants?|production lines?|"
        r"shop floors?)\b",
        re.IGNORECASE,
    ),
    "logistics": re.compile(r"\byour (fleet|trucks|warehouses?|drivers)\b", re.IGNORECASE),
    "retail": re.compile(r"\byour (stores|shops|outlets)\b", re.IGNORECASE),
    "healthcare": re.compile(r"\byour (patients|clinics|hospitals?)\b", re.IGNORECASE),
}
_SIZE_WORDS = [
    (
        # Only where the email calls *them* large ("as an enterprise", "a Fortune 500
        # company like yours"): "our enterprise tier" or "enterprise customers" is no claim.
        re.compile(
            r"\b(?:as|like|for|being)\s+(?:an?|the|your)\s+(?:large\s+|global\s+)?"
            r"(?:enterprise|corporation|multinational|fortune 500 company)"
            r"(?![ \t]+(?:customers?|clients?|tiers?|plans?|deals?|sales|accounts?|buyers?|"
            r"segments?|markets?|software|edition|features?|pricing|prospects?|teams?))\b"
            r"|\b(?:a|your)\s+fortune 500 company\b|\bcompanies of your size\b(?=.{0,30}"
            r"\b(?:enterprise|fortune))",
            re.IGNORECASE,
        ),
        "large",
    )
]


_SELF = re.compile(r"(fellow|former|ex|recovering|one-time|longtime)\b", re.IGNORECASE)
_SENDER_NEXT = re.compile(r"[,;:]?\s*(I|I'm|I've|we|we're|we've|my|our)\b")


def contradictions(text: str, prospect: Prospect) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) for each claim in ``text`` that the profile contradicts."""
    size = prospect.company_size
    mine = sectors(prospect.industry) if prospect.industry else frozenset()
    company = prospect.company or "the company"
    if size is not None:
        for m in _SIZE_CLAIM.finditer(text):
            claimed = int(m.group(1).replace(",", ""))
            if claimed > max(size * 1.5, size + 10):
                yield (
                    m.start(),
                    m.end(),
                    f"Claims {claimed:,} {m.group(2)}, but {company} has about {size:,} employees.",
                )
        if size < 250:
            for pattern, _label in _SIZE_WORDS:
                for m in pattern.finditer(text):
                    yield (
                        m.start(),
                        m.end(),
                        f"Treats {company} as large (“{m.group(0).strip()}”), "
                        f"but it has about {size:,} employees.",
                    )
    for m in _AS_A.finditer(text):
        phrase = m.group(1)
        if _SELF.match(phrase) or _SENDER_NEXT.match(text, m.end()):
            continue  # "As a fellow founder, I ...": the writer describing themselves
        claimed_sectors = sectors(phrase)
        if mine and claimed_sectors and not claimed_sectors & mine:
            yield (
                m.start(),
                m.end(),
                f"Says “{m.group(0)}”, but {company} is in {prospect.industry}.",
            )
            continue
        claimed_title = parse_title(phrase)
        person = parse_title(prospect.title) if prospect.title else None
        if (
            person
            and person.functions
            and claimed_title.functions
            and claimed_title.seniority >= 2
            and not claimed_sectors
            and not claimed_title.functions & person.functions
        ):
            yield (m.start(), m.end(), f"Says “{m.group(0)}”, but they are {prospect.title}.")
    if mine:
        for sector, pattern in _YOUR_THINGS.items():
            if sector in mine:
                continue
            for m in pattern.finditer(text):
                yield (
                    m.start(),
                    m.end(),
                    f"Mentions {m.group(0)}, but {company} is in {prospect.industry}.",
                )
