"""Find who a reply points to: "talk to Maria Lopez, our Head of Procurement (maria@…)".

"Wrong person" and out-of-office replies often name the right contact. The seeds say to
write to that person next, so the name, e-mail and role are pulled out where the text gives
them (any may be missing). The sender's own address is never taken as the referral.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ-]+(?:['’][A-Za-zà-öø-ÿ]{2,})?)"
_PARTICLE = r"(?:de|van|der|den|von|la|le|del|da|di|du|ter)"
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,2}})"
_CUE = (
    r"(?:contact(?:ing)?|talk\s+to|speak\s+(?:to|with)|reach\s+out\s+to|e-?mail|write\s+to|"
    r"get\s+in\s+touch\s+with|ask|try|that(?:'s|\s+is)|it'?s|"
    r"contactez(?:\s+plutôt)?|contacter|écrire\s+à|voyez\s+avec|adressez-vous\s+à|"
    r"wenden\s+sie\s+sich\s+(?:bitte\s+)?an|ansprechpartner(?:in)?\s+ist(?:\s+jetzt)?|"
    r"habla\s+con|contacta(?:r)?\s+con|escribe\s+a|"
    r"neem\s+contact\s+op\s+met|dat\s+is|mail\s+naar)"
)
_TITLE = (
    r"(?:(?:herrn?|frau|monsieur|madame|mr\.?|mrs\.?|ms\.?|señora?|sr\.?|sra\.?|mevrouw|"
    r"meneer|de\s+heer)\s+)?"
)
_ROLE_WORDS = (
    r"head|director|directeur|directrice|directora?|manager|vp|vice\s+president|chief|cto|ceo|cfo|"
    r"coo|cmo|cio|cro|lead|officer|owner|responsable|leiter(?:in)?|geschäftsführer(?:in)?|"
    r"jefe|jefa|hoofd|coordinator|partner|founder|president|administrator|buyer|purchasing|"
    r"procurement|colleague|collègue|kollege|kollegin|compañer[oa]|collega|assistant|team"
)
_ROLE = re.compile(
    rf"(?P<role>(?:(?:our|my|the|notre|mon|ma|unser(?:e|em|en)?|nuestr[oa]|onze|ons)\s+)?"
    rf"(?:[\w-]+\s+){{0,3}}?(?:{_ROLE_WORDS})\b(?:\s+(?:of|de|des|du|für|van|of|de\s+la)?\s*[\w-]+){{0,2}})",
    re.IGNORECASE,
)
_AFTER_CUE = re.compile(
    rf"(?i:{_CUE})\s+(?:(?i:our|notre|unser\w*|nuestr\w+|onze)\s+[^,.;:()]{{2,40}}?,\s+)?"
    rf"(?i:{_TITLE}){_NAME}(?![\w.@-]*@)"
)
_POSSESSIVE = re.compile(rf"{_NAME}(?:'s|’s)\s+(?:responsibility|area|department|call)")
_NAME_THEN_ROLE = re.compile(rf"{_NAME}\s*,\s*(?P<role>[^,.;:()\n]{{3,50}})")
_ROLE_THEN_NAME = re.compile(
    rf"(?P<role>(?i:our|notre|unser\w*|nuestr\w+|onze)\s+[^,.;:()\n]{{2,40}}?)\s*,\s*"
    rf"(?i:{_TITLE}){_NAME}"
)
_NOT_NAMES = {
    "I",
    "Please",
    "Thanks",
    "Thank",
    "Hi",
    "Hello",
    "Dear",
    "Best",
    "Regards",
    "Sorry",
    "Our",
    "The",
    "We",
    "You",
    "If",
    "For",
    "In",
    "IT",
}


@dataclass(frozen=True)
class Referral:
    """The person a reply sends us to."""

    name: str | None
    email: str | None
    role: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "email": self.email, "role": self.role}


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    words = name.split()
    while words and words[0].strip(".") in _NOT_NAMES:
        words = words[1:]
    return " ".join(words) or None


def _role_near(text: str, name: str | None) -> str | None:
    if name:
        for m in _ROLE_THEN_NAME.finditer(text):
            if m.group("name").startswith(name.split()[0]) and _ROLE.search(m.group("role")):
                return _strip_possessive(m.group("role"))
        for m in _NAME_THEN_ROLE.finditer(text):
            if m.group("name").endswith(name) and _ROLE.fullmatch(m.group("role").strip()):
                return _strip_possessive(m.group("role").strip())
    return None


def _strip_possessive(role: str) -> str:
    return re.sub(
        r"^(?:our|my|the|notre|mon|ma|unser\w*|nuestr\w+|onze|ons)\s+", "", role.strip(), flags=re.I
    )


def _in_brackets(text: str, pos: int) -> bool:
    """A name inside a template's "[Colleague's Name]" is a placeholder, not a person."""
    opened = text.rfind("[", 0, pos)
    return opened != -1 and text.rfind("]", 0, pos) < opened


def find_referral(text: str, *, exclude: set[str] | None = None) -> Referral | None:
    """The referral a reply names, or None when it names nobody."""
    skip = {e.lower() for e in (exclude or set())}
    emails = [e.rstrip(".") for e in _EMAIL.findall(text) if e.lower().rstrip(".") not in skip]
    name: str | None = None
    for pattern in (_AFTER_CUE, _ROLE_THEN_NAME, _POSSESSIVE):
        for m in pattern.finditer(text):
            candidate = _clean_name(m.group("name"))
            inside_brackets = text[: m.start("name")].rstrip().endswith(("[", "("))
            if inside_brackets or _in_brackets(text, m.start("name")):
                continue
            if candidate and not re.search(r"['’@]", candidate):
                name = candidate
                break
        if name:
            break
    role = _role_near(text, name)
    email = emails[0] if emails else None
    if name is None and email is None:
        return None
    return Referral(name=name, email=email, role=role)
