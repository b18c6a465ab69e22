"""Find the date an out-of-office reply names as the return, relative to when it arrived.

"until Monday", "back on 3 March", "jusqu'au 15 juillet inclus", "bis einschließlich
18.08.2025", "hasta el 7 de enero", "tot en met 22 april", "12/05": every date mention is
resolved to the nearest sensible calendar date on or after the day the reply was received;
the latest one is the return (an inclusive "until" or the end of a range means the day after).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    1: "january jan janvier janv janvier januar jän enero ene januari",
    2: "february feb février fév fevrier februar febrero febr februari",
    3: "march mar mars märz maerz marzo maart mrt",
    4: "april apr avril avr abril",
    5: "may mai mayo mei",
    6: "june jun juin juni junio",
    7: "july jul juillet juil juli julio",
    8: "august aug août aout agosto augustus",
    9: "september sep sept septembre septiembre setiembre",
    10: "october oct octobre oktober okt octubre",
    11: "november nov novembre noviembre",
    12: "december dec décembre déc decembre dezember dez diciembre dic",
}
MONTH = {name: num for num, names in _MONTHS.items() for name in names.split()}
_WEEKDAYS = {
    0: "monday mon lundi montag lunes maandag",
    1: "tuesday tue tues mardi dienstag martes dinsdag",
    2: "wednesday wed mercredi mittwoch miércoles miercoles woensdag",
    3: "thursday thu thurs jeudi donnerstag jueves donderdag",
    4: "friday fri vendredi freitag viernes vrijdag",
    5: "saturday sat samedi samstag sábado sabado zaterdag",
    6: "sunday sun dimanche sonntag domingo zondag",
}
WEEKDAY = {name: num for num, names in _WEEKDAYS.items() for name in names.split()}
_TOMORROW = re.compile(r"\b(?:tomorrow|demain|morgen|mañana)\b", re.IGNORECASE)
_NEXT_WEEK = re.compile(
    r"\b(?:next\s+week|la\s+semaine\s+prochaine|nächste\s+woche|la\s+semana\s+que\s+viene|"
    r"la\s+próxima\s+semana|volgende\s+week)\b",
    re.IGNORECASE,
)
_M = "|".join(sorted((re.escape(m) for m in MONTH), key=len, reverse=True))
_W = "|".join(sorted((re.escape(w) for w in WEEKDAY), key=len, reverse=True))
_ORD = r"(?:st|nd|rd|th|er|e|º|\.)?"
_YEAR = r"(?:,?\s*(?P<y>\d{4}))?"
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_DAY_MONTH = re.compile(
    rf"\b(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+|de\s+)?(?P<mon>{_M})\b\.?(?:\s+de)?{_YEAR}",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(rf"\b(?P<mon>{_M})\b\.?\s+(?P<d>\d{{1,2}}){_ORD}\b{_YEAR}", re.IGNORECASE)
_RANGE = re.compile(
    rf"\b(?P<d1>\d{{1,2}}){_ORD}\s*(?:-|–|to|au|bis|al|tot)\s*(?P<d>\d{{1,2}}){_ORD}\s+"
    rf"(?:de\s+)?(?P<mon>{_M})\b{_YEAR}",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<y>\d{2,4}))?(?![\d/-])"
)
_WEEKDAY_RE = re.compile(rf"\b(?P<w>{_W})\b\.?", re.IGNORECASE)
_INCLUSIVE = re.compile(
    r"^\s*(?:inclus(?:e|ive)?|compris|einschließlich|inclusive|incluido)|"
    r"(?:through|thru|tot\s+en\s+met|t/m|einschließlich|bis\s+einschließlich|inclusive)\s*$",
    re.IGNORECASE,
)


def _year(y: str | None, today: date) -> int | None:
    if not y:
        return None
    value = int(y)
    return value + 2000 if value < 100 else value


def _make(y: int | None, m: int, d: int, today: date) -> date | None:
    """A date on or after ``today`` (next year if no year was written and it has passed)."""
    try:
        if y is not None:
            return date(y, m, d)
        candidate = date(today.year, m, d)
        if candidate < today - timedelta(days=7):
            candidate = date(today.year + 1, m, d)
        return candidate
    except ValueError:
        return None


def _numeric(match: re.Match[str], today: date) -> date | None:
    a, b = int(match.group("a")), int(match.group("b"))
    y = _year(match.group("y"), today)
    orders = [(b, a)] if match.group("sep") == "." else [(a, b), (b, a)]
    options = [x for m, d in orders if (x := _make(y, m, d, today)) is not None]
    future = [x for x in options if x >= today]
    pool = future or options
    return min(pool, key=lambda x: abs((x - today).days)) if pool else None


def _weekday(name: str, today: date) -> date:
    ahead = (WEEKDAY[name.lower()] - today.weekday()) % 7
    return today + timedelta(days=ahead or 7)


def mentions(text: str, today: date) -> list[tuple[int, int, date]]:
    """Every date mention as (start, end, date), resolved against ``today``.

    The end of a range ("12-19 April") is already given as the day after it.
    """
    found: list[tuple[int, int, date]] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: date | None) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append((start, end, value))

    for m in _ISO.finditer(text):
        add(
            m.start(),
            m.end(),
            _make(int(m.group("y")), int(m.group("m")), int(m.group("d")), today),
        )
    for m in _RANGE.finditer(text):
        month = MONTH[m.group("mon").lower()]
        end_day = _make(_year(m.group("y"), today), month, int(m.group("d")), today)
        add(m.start(), m.end(), end_day + timedelta(days=1) if end_day else None)
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        for m in pattern.finditer(text):
            month = MONTH[m.group("mon").lower()]
            add(
                m.start(),
                m.end(),
                _make(_year(m.group("y"), today), month, int(m.group("d")), today),
            )
    for m in _NUMERIC.finditer(text):
        add(m.start(), m.end(), _numeric(m, today))
    for m in _WEEKDAY_RE.finditer(text):
        if len(m.group("w")) > 3 or m.group(0).endswith("."):
            add(m.start(), m.end(), _weekday(m.group("w"), today))
    for m in _TOMORROW.finditer(text):
        add(m.start(), m.end(), today + timedelta(days=1))
    for m in _NEXT_WEEK.finditer(text):
        add(m.start(), m.end(), today + timedelta(days=7 - today.weekday()))
    return sorted(found)


def return_date(text: str, received: date) -> date | None:
    """The return day an absence notice names, or None when it names none."""
    best: tuple[date, int, int] | None = None
    for start, end, value in mentions(text, received):
        if value < received or value > received + timedelta(days=400):
            continue
        if best is None or value >= best[0]:
            best = (value, start, end)
    if best is None:
        return None
    value, start, end = best
    if _RANGE.match(text, start):
        return value
    before, after = text[max(0, start - 25) : start], text[end : end + 20]
    if _INCLUSIVE.search(after) or _INCLUSIVE.search(before):
        value += timedelta(days=1)
    return value


_NUMBERS = {
    "a": 1, "one": 1, "un": 1, "une": 1, "ein": 1, "einem": 1, "uno": 1, "een": 1,
    "a couple of": 2, "couple of": 2, "two": 2, "deux": 2, "zwei": 2, "dos": 2, "twee": 2,
    "a few": 3, "few": 3, "three": 3, "trois": 3, "drei": 3, "tres": 3, "drie": 3,
    "quelques": 3, "einigen": 3, "ein paar": 3, "unos": 3, "unos cuantos": 3, "een paar": 3,
    "four": 4, "quatre": 4, "vier": 4, "cuatro": 4,
    "six": 6, "sechs": 6, "seis": 6, "zes": 6,
}  # fmt: skip
_NUM = "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True))
_IN_MONTHS = re.compile(
    rf"(?:in|dans|en|dentro\s+de|over|nach)\s+(?P<n>\d{{1,2}}|{_NUM})\s+"
    r"(?P<unit>months?|mois|monat(?:e|en)?|meses|mes|maand(?:en)?|weeks?|semaines?|wochen?|"
    r"semanas?|weken)",
    re.IGNORECASE,
)
_NEXT_QUARTER = re.compile(
    r"next\s+quarter|prochain\s+trimestre|nächste[nms]?\s+quartal|próximo\s+trimestre|"
    r"volgend\s+kwartaal",
    re.IGNORECASE,
)
_NEXT_YEAR = re.compile(
    r"next\s+year|l'année\s+prochaine|nächste[sn]?\s+jahr|próximo\s+año|año\s+que\s+viene|"
    r"volgend\s+jaar",
    re.IGNORECASE,
)
_NEXT_MONTH = re.compile(
    r"next\s+month|le\s+mois\s+prochain|nächste[nms]?\s+monat|próximo\s+mes|volgende\s+maand",
    re.IGNORECASE,
)
_SEASON = {
    "spring": 4, "printemps": 4, "frühjahr": 4, "frühling": 4, "primavera": 4, "voorjaar": 4,
    "summer": 6, "été": 6, "sommer": 6, "verano": 6, "zomer": 6,
    "after the summer": 9, "après l'été": 9, "nach dem sommer": 9, "después del verano": 9,
    "na de zomer": 9, "autumn": 9, "fall": 9, "automne": 9, "herbst": 9, "otoño": 9,
    "najaar": 9, "rentrée": 9, "winter": 12, "hiver": 12, "invierno": 12,
}  # fmt: skip
_SEASON_RE = re.compile(
    r"\b(?:" + "|".join(sorted((re.escape(k) for k in _SEASON), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_MONTH_ONLY = re.compile(
    rf"\b(?:in|en|im|after|après|nach|después\s+de|na|from|à\s+partir\s+de|ab|of)\s+(?P<mon>{_M})\b",
    re.IGNORECASE,
)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year = day.year + month // 12
    return date(year, month % 12 + 1, 1)


def _next_month_start(month: int, today: date) -> date:
    year = today.year if month > today.month else today.year + 1
    return date(year, month, 1)


def follow_up_date(text: str, received: date) -> date | None:
    """When a "not now" asks to be contacted again, as a date; None when it names no time."""
    m = _IN_MONTHS.search(text)
    if m:
        raw = m.group("n").lower()
        n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 3)
        if m.group("unit").lower().startswith(("w", "sem")):
            return received + timedelta(weeks=n)
        return received + timedelta(days=round(30.4 * n))
    if _NEXT_QUARTER.search(text):
        quarter_start = ((received.month - 1) // 3 + 1) * 3
        return _add_months(date(received.year, 1, 1), quarter_start)
    if _NEXT_YEAR.search(text):
        return date(received.year + 1, 1, 1)
    if _NEXT_MONTH.search(text):
        return _add_months(received.replace(day=1), 1)
    found = [v for _, _, v in mentions(text, received) if v > received]
    if found:
        return max(found)
    m = _MONTH_ONLY.search(text)
    if m:
        return _next_month_start(MONTH[m.group("mon").lower()], received)
    m = _SEASON_RE.search(text)
    if m:
        return _next_month_start(_SEASON[m.group(0).lower()], received)
    return None
