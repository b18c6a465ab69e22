"""Who buys: read a job title as (functions, seniority) and compare it with the offer's roles.

"VP Sales", "Vice President, Sales", "Head of Revenue", "CRO" and "Sr. Director of Sales"
all name a sales leader. Titles are matched on function and seniority, not on spelling, so
a CFO at the right company is recognised as the wrong person (seed 000) and gets the seed's
move instead of the pitch: ask who owns the problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Seniority: 0 individual contributor, 1 manager/lead, 2 head/director, 3 VP, 4 C-level/owner.
IC, MANAGER, DIRECTOR, VP, CHIEF = 0, 1, 2, 3, 4

_ABBREVIATIONS = {
    "vp": "vice president",
    "svp": "senior vice president",
    "evp": "executive vice president",
    "avp": "vice president",
    "sr": "senior",
    "snr": "senior",
    "jr": "junior",
    "dir": "director",
    "mgr": "manager",
    "mngr": "manager",
    "hd": "head",
    "gm": "general manager",
    "md": "managing director",
    "bd": "business development",
    "biz": "business",
    "dev": "development",
    "ops": "operations",
    "revops": "revenue operations",
    "salesops": "sales operations",
    "hr": "human resources",
    "it": "information technology",
    "ae": "account executive",
    "sdr": "sales development representative",
    "bdr": "business development representative",
    "am": "account manager",
    "csm": "customer success manager",
    "fp&a": "financial planning",
    "l&d": "learning",
    "rep": "representative",
    "exec": "executive",
    "mktg": "marketing",
    "eng": "engineering",
    "gtm": "go to market",
    "scm": "supply chain",
}

# C-level acronyms: (functions, seniority). "CPO" is read as people only next to HR words.
_CHIEFS = {
    "ceo": ({"executive"}, CHIEF),
    "founder": ({"executive"}, CHIEF),
    "cofounder": ({"executive"}, CHIEF),
    "owner": ({"executive"}, CHIEF),
    "president": ({"executive"}, CHIEF),
    "cro": ({"sales"}, CHIEF),
    "cco": ({"sales"}, CHIEF),
    "cso": ({"sales"}, CHIEF),
    "cmo": ({"marketing"}, CHIEF),
    "cfo": ({"finance"}, CHIEF),
    "coo": ({"operations"}, CHIEF),
    "cto": ({"engineering"}, CHIEF),
    "cio": ({"it"}, CHIEF),
    "chro": ({"people"}, CHIEF),
    "cpo": ({"product"}, CHIEF),
    "cdo": ({"data"}, CHIEF),
    "ciso": ({"security"}, CHIEF),
    "clo": ({"legal"}, CHIEF),
}

# Function words (after abbreviation expansion). Multi-word keys are matched first.
_FUNCTIONS: dict[str, str] = {
    "sales": "sales",
    "selling": "sales",
    "revenue": "sales",
    "commercial": "sales",
    "business development": "sales",
    "account executive": "sales",
    "account manager": "sales",
    "sales development": "sales",
    "go to market": "sales",
    "new business": "sales",
    "enablement": "sales",
    # common European titles (French, German, Dutch, Spanish, Italian)
    "commerciale": "sales",
    "comercial": "sales",
    "ventes": "sales",
    "vertrieb": "sales",
    "vertriebsleiter": "sales",
    "vertriebsleiterin": "sales",
    "verkoop": "sales",
    "ventas": "sales",
    "vendite": "sales",
    "finances": "finance",
    "financier": "finance",
    "financière": "finance",
    "financiero": "finance",
    "finanzen": "finance",
    "ressources humaines": "people",
    "personalleiter": "people",
    "recursos humanos": "people",
    "geschäftsführer": "executive",
    "geschäftsführerin": "executive",
    "gérant": "executive",
    "pdg": "executive",
    "directeur général": "executive",
    "directrice générale": "executive",
    "partnerships": "sales",
    "channel": "sales",
    "marketing": "marketing",
    "demand generation": "marketing",
    "growth": "marketing",
    "brand": "marketing",
    "communications": "marketing",
    "content": "marketing",
    "finance": "finance",
    "financial": "finance",
    "accounting": "finance",
    "controller": "finance",
    "treasury": "finance",
    "treasurer": "finance",
    "human resources": "people",
    "people": "people",
    "talent": "people",
    "recruiting": "people",
    "recruitment": "people",
    "hiring": "people",
    "payroll": "people",
    "learning": "people",
    "hr": "people",
    "operations": "operations",
    "supply chain": "supply_chain",
    "logistics": "supply_chain",
    "procurement": "supply_chain",
    "purchasing": "supply_chain",
    "sourcing": "supply_chain",
    "warehouse": "supply_chain",
    "fulfillment": "supply_chain",
    "fulfilment": "supply_chain",
    "inventory": "supply_chain",
    "planning": "supply_chain",
    "distribution": "supply_chain",
    "manufacturing": "manufacturing",
    "production": "manufacturing",
    "plant": "manufacturing",
    "engineering": "engineering",
    "engineer": "engineering",
    "developer": "engineering",
    "software": "engineering",
    "technology": "engineering",
    "technical": "engineering",
    "information technology": "it",
    "infrastructure": "it",
    "systems": "it",
    "security": "security",
    "data": "data",
    "analytics": "data",
    "product": "product",
    "design": "product",
    "legal": "legal",
    "counsel": "legal",
    "customer success": "customer",
    "customer experience": "customer",
    "support": "customer",
    "service": "customer",
    "marketing operations": "marketing",
    "general management": "executive",
    "general manager": "executive",
    "managing director": "executive",
    "managing partner": "executive",
    "chief executive": "executive",
    "founder": "executive",
    "owner": "executive",
}

_SENIORITY = [
    (
        re.compile(
            r"\b(chief|founder|cofounder|owner|(?<!vice )president|partner|managing director)\b"
        ),
        CHIEF,
    ),
    (re.compile(r"\bvice president\b"), VP),
    (re.compile(r"\b(geschäftsführer\w*|pdg|directeur général|directrice générale)\b"), CHIEF),
    (
        re.compile(
            r"\b(head|director|general manager|directeur|directrice|directora|direttore|"
            r"leiter\w*|vertriebsleiter\w*|hoofd|jefe|jefa|responsable)\b"
        ),
        DIRECTOR,
    ),
    (re.compile(r"\b(manager|lead|leader|supervisor|principal)\b"), MANAGER),
]
_LEVEL_NAMES = {
    IC: "individual contributor",
    MANAGER: "manager",
    DIRECTOR: "director",
    VP: "VP",
    CHIEF: "C-level",
}


@dataclass(frozen=True)
class Title:
    """A parsed job title: the functions it covers and its seniority (0 IC .. 4 C-level)."""

    text: str
    functions: frozenset[str]
    seniority: int

    @property
    def level_name(self) -> str:
        return _LEVEL_NAMES[self.seniority]


@lru_cache(maxsize=4096)
def parse_title(title: str) -> Title:
    """Parse a title; unknown words are ignored, so an empty function set means 'can't tell'."""
    low = title.lower().replace("co-founder", "cofounder").replace("&", " & ")
    low = re.sub(r"\bvice[\s-]+president\b", "vp", low)
    low = re.sub(r"\bfp & a\b", "fp&a", low)
    low = re.sub(r"\bl & d\b", "l&d", low)
    tokens = re.findall(r"[^\W\d_]+|&", low)
    functions: set[str] = set()
    seniority = -1
    expanded: list[str] = []
    for tok in tokens:
        if tok in _CHIEFS:
            funcs, level = _CHIEFS[tok]
            functions |= funcs
            seniority = max(seniority, level)
            continue
        expanded.append(_ABBREVIATIONS.get(tok, tok))
    text = " " + " ".join(expanded) + " "
    if "cpo" in tokens and re.search(r"\b(people|human|talent)\b", text):
        functions.discard("product")
        functions.add("people")
    for key in sorted(_FUNCTIONS, key=len, reverse=True):
        if f" {key} " in text:
            functions.add(_FUNCTIONS[key])
            text = text.replace(f" {key} ", " " + "_" * len(key) + " ")
            if key in ("account executive", "account manager", "sales development"):
                seniority = max(seniority, IC)
    full = " ".join(expanded)
    for pattern, level in _SENIORITY:
        if pattern.search(full):
            seniority = max(seniority, level)
            break
    seniority = max(seniority, IC)  # no seniority word: an individual contributor
    return Title(text=title, functions=frozenset(functions), seniority=seniority)


@dataclass(frozen=True)
class RoleMatch:
    """How a prospect's title relates to the offer's buyer roles."""

    status: str  # "buyer", "executive", "too_junior", "wrong_function", "unknown"
    matched_role: str | None
    ask_for: str | None
    explanation: str


def match_role(title: str, roles: list[str]) -> RoleMatch:
    """Compare ``title`` with the offer's ``roles`` on function and seniority."""
    if not roles:
        return RoleMatch("buyer", None, None, "the offer names no buyer roles")
    if not title.strip():
        return RoleMatch("unknown", None, None, "title unknown")
    wanted = [(role, parse_title(role)) for role in roles]
    funcs = {f for _, t in wanted for f in t.functions}
    min_level = min((t.seniority for _, t in wanted), default=IC)
    person = parse_title(title)
    ask_for = roles[0]
    if not person.functions:
        return RoleMatch("unknown", None, None, f"can't tell what a {title!r} does")
    same = [(role, t) for role, t in wanted if t.functions & person.functions]
    if same:
        if person.seniority >= min(t.seniority for _, t in same):
            closest = min(same, key=lambda rt: abs(rt[1].seniority - person.seniority))
            return RoleMatch(
                "buyer", closest[0], None, f"{title} matches the buyer role {closest[0]}"
            )
        first = same[0][0]
        return RoleMatch(
            "too_junior",
            None,
            first,
            f"{title} works in the right team but does not buy ({first} does)",
        )
    if "executive" in person.functions and "executive" not in funcs:
        return RoleMatch(
            "executive", None, None, f"{title} can decide, but usually hands this to the {ask_for}"
        )
    if person.seniority < min_level and "executive" in funcs:
        return RoleMatch("too_junior", None, ask_for, f"{title} does not buy ({ask_for} does)")
    return RoleMatch(
        "wrong_function", None, ask_for, f"{title} does not own this; the buyer is the {ask_for}"
    )
