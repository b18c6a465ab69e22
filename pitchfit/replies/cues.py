"""Phrase cues per intent in English, French, German, Spanish and Dutch.

Two uses: the *certain* cues (unsubscribe requests, auto-reply phrasing) decide an intent on
their own; every cue also becomes a feature of the classifier, so a French "absent du bureau"
carries the weight the model learnt from English "out of the office". Patterns run on
lower-cased text with curly quotes straightened.
"""

from __future__ import annotations

import re

_F = re.IGNORECASE

UNSUBSCRIBE = re.compile(
    r"unsubscrib|\bopt(?:\s|-)?out\b|remove\s+(?:me|my\s+(?:name|email|address))|"
    r"take\s+me\s+off|(?:off|from)\s+(?:your|the)\s+(?:mailing\s+|email\s+|e-mail\s+)?list|"
    r"stop\s+(?:e-?mailing|sending|contacting|messaging)|(?:don'?t|do\s+not|never)\s+"
    r"(?:contact|e-?mail|email|write\s+to|message)\s+me|discontinue\s+(?:these|your|the)|"
    r"no\s+(?:more|further)\s+e-?mails|flagged\s+as\s+spam|"
    r"désinscri|desinscri|retirez[- ]moi|me\s+retirer|ne\s+m'?(?:é|e)crivez\s+plus|"
    r"arr[êe]tez\s+de\s+m'?envoyer|ne\s+plus\s+(?:recevoir|me\s+contacter)|"
    r"abmelden|austragen|aus\s+(?:ihrem|dem|eurem)\s+verteiler|keine\s+weiteren\s+(?:e-?mails|nachrichten)|"
    r"nicht\s+mehr\s+(?:kontaktieren|anschreiben)|"
    r"darme\s+de\s+baja|dar\s+de\s+baja|elimín[ae]me|eliminarme|no\s+me\s+(?:envíe[sn]?|escrib[ae]s?)\s+más|"
    r"sácame\s+de|quitarme\s+de|"
    r"uitschrijven|afmelden|haal\s+me\s+(?:alsjeblieft\s+|aub\s+)?(?:van|uit)|"
    r"geen\s+(?:e-?mails?|berichten|mail)\s+meer|niet\s+meer\s+(?:benaderd|mailen|contacteren)|"
    r"verwijder\s+(?:me|mij)",
    _F,
)

OUT_OF_OFFICE = re.compile(
    r"out\s+of\s+(?:the\s+)?office|\booo\b|on\s+(?:annual\s+|parental\s+|maternity\s+|paternity\s+"
    r"|sick\s+|medical\s+|sabbatical\s+)?leave|on\s+(?:vacation|holiday|sabbatical)|"
    r"(?:away|travel(?:l)?ing)\s+(?:from|until|till|this|next|on)|limited\s+access\s+to\s+(?:my\s+)?e-?mail|"
    r"no\s+access\s+to\s+(?:my\s+)?e-?mail|will\s+(?:be\s+)?(?:back|return)|returning\s+(?:on|\d)|"
    r"upon\s+my\s+return|on\s+my\s+return|when\s+i\s+(?:return|get\s+back|am\s+back)|"
    r"auto(?:matic|mated)?[- ]?(?:reply|response)|\bi'?m\s+out\s+until|out\s+until|"
    r"absent(?:e|\(e\))?\b|en\s+cong[ée]s?|de\s+retour\s+le|à\s+mon\s+retour|en\s+d[ée]placement|"
    r"message\s+d'absence|réponse\s+automatique|"
    r"nicht\s+im\s+büro|abwesen|im\s+urlaub|urlaubsbedingt|wieder\s+(?:im\s+büro|erreichbar|da)|"
    r"dienstreise|eingeschränkt\s+erreichbar|"
    r"fuera\s+de\s+la\s+oficina|de\s+vacaciones|ausente|volveré|estaré\s+de\s+(?:viaje|vuelta)|"
    r"respuesta\s+automática|acceso\s+limitado|"
    r"afwezig|met\s+vakantie|niet\s+op\s+kantoor|weer\s+op\s+kantoor|weer\s+aanwezig|"
    r"automatisch\s+antwoord|met\s+verlof",
    _F,
)

WRONG_PERSON = re.compile(
    r"no\s+longer\s+(?:with|at|works?|employed)|(?:has\s+)?left\s+the\s+(?:company|business|firm|organi[sz]ation)|"
    r"leaving\s+the\s+company|not\s+the\s+right\s+(?:person|contact)|wrong\s+(?:person|department|contact)|"
    r"(?:isn'?t|is\s+not|not)\s+my\s+(?:area|department|responsibility|call|decision)|"
    r"(?:'s|’s)\s+responsibility|i\s+don'?t\s+handle|you\s+(?:should|want\s+to|need\s+to)\s+"
    r"(?:talk|speak|reach\s+out)|talk\s+to\s+\S|speak\s+(?:to|with)\s+\S|forward\s+(?:it|this)\s+to|"
    r"person\s+in\s+charge|not\s+me\b|please\s+contact\b|reach\s+out\s+to\s+(?:our|my|\w+\s+\w+)|"
    r"pas\s+la\s+bonne\s+personne|pas\s+mon\s+(?:périmètre|domaine|rayon)|ne\s+fait\s+plus\s+partie|"
    r"n'est\s+plus\s+(?:chez|dans|en\s+poste)|voyez\s+avec|adressez-vous|"
    r"nicht\s+zuständig|nicht\s+mehr\s+(?:bei|im\s+unternehmen|für)|wenden\s+sie\s+sich\s+(?:bitte\s+)?an|"
    r"bei\s+mir\s+falsch|ansprechpartner(?:in)?\s+ist|"
    r"no\s+soy\s+la\s+persona|ya\s+no\s+trabaja|no\s+lo\s+llevo\s+yo|habla\s+con|"
    r"persona\s+(?:adecuada|indicada)|"
    r"niet\s+de\s+juiste\s+persoon|ga\s+ik\s+niet\s+over|werkt\s+(?:hier\s+)?niet\s+meer|"
    r"niet\s+meer\s+(?:werkzaam|in\s+dienst)",
    _F,
)

NOT_NOW = re.compile(
    r"not\s+(?:right\s+)?now|not\s+(?:the\s+right|a\s+good)\s+time|(?:isn'?t|is\s+not)\s+a\s+good\s+time|"
    r"bad\s+timing|circle\s+back|check\s+back|follow\s+up\s+(?:after|in|next)|reach\s+out\s+"
    r"(?:again\s+)?(?:in|after|next)|(?:contact|ping|try)\s+me\s+(?:again\s+)?(?:in|after|next)|"
    r"next\s+(?:quarter|year|month)|later\s+(?:this|in\s+the)\s+year|revisit|"
    r"in\s+(?:a\s+few|\w+)\s+months|not\s+a\s+priority|spread\s+(?:pretty\s+)?thin|"
    r"(?:don'?t|do\s+not)\s+have\s+time\s+until|in\s+the\s+middle\s+of|"
    r"pas\s+(?:pour\s+le\s+)?moment|pas\s+le\s+bon\s+moment|recontactez|relancez|plus\s+tard|"
    r"prochain\s+trimestre|"
    r"im\s+moment|derzeit|aktuell\s+(?:kein|nicht)|nächste[nms]?\s+(?:quartal|jahr|monat)|später|"
    r"melden\s+sie\s+sich\s+(?:gern\s+)?(?:im|in|nach)|"
    r"ahora\s+mismo\s+no|no\s+es\s+(?:buen|el)\s+momento|más\s+adelante|próximo\s+trimestre|"
    r"vuelve\s+a\s+contactar|por\s+ahora\s+no|dentro\s+de\s+\w+\s+meses|"
    r"op\s+dit\s+moment\s+niet|nu\s+even\s+niet|nog\s+niet|volgend\s+kwartaal|later\s+dit\s+jaar|"
    r"over\s+\w+\s+maanden|na\s+de\s+zomer",
    _F,
)

NOT_INTERESTED = re.compile(
    r"not\s+interested|no\s+interest|no,?\s+thank|thanks?,?\s+but\s+no|(?:i'?ll|we'?ll)\s+pass|"
    r"not\s+(?:a\s+fit|for\s+(?:us|me)|relevant|something\s+we\s+need)|(?:don'?t|do\s+not)\s+need|"
    r"not\s+looking|happy\s+(?:in|with)\s+(?:my|our)\s+current|"
    r"(?:ne\s+nous\s+|ne\s+m')intéresse\s+pas|pas\s+intéress|non\s+merci|pas\s+besoin|"
    r"kein(?:e|en)?\s+(?:interesse|bedarf)|nein\s+danke|brauchen\s+wir\s+nicht|"
    r"no\s+(?:nos|me)\s+interesa|no\s+estamos\s+interesados|no,?\s+gracias|no\s+lo\s+necesitamos|"
    r"geen\s+interesse|niet\s+geïnteresseerd|niet\s+geinteresseerd|nee,?\s+dank|niet\s+nodig",
    _F,
)

INTERESTED = re.compile(
    r"interested|intrigued|sounds\s+(?:good|relevant|interesting|great)|let'?s\s+(?:talk|chat|set|find)|"
    r"set\s+up\s+(?:a\s+)?(?:time|call|meeting)|schedule|book\s+(?:a|some)|demo|send\s+(?:me\s+)?times|"
    r"(?:happy|love)\s+to\s+(?:take\s+a\s+look|learn|chat|talk|know)|when\s+can\s+we|free\s+on|"
    r"\bcall\b|calendar|learn\s+more|hear\s+more|invit(?:e|ation)|einladung|invitación|"
    r"uitnodiging|(?:can|could)\s+we\s+(?:talk|meet|chat|speak)|hueco|"
    r"m'intéresse|intéressant|volontiers|créneau|appeler|démo|"
    r"interessant|gerne|gern|telefonieren|terminvorschläge|gespräch|"
    r"me\s+interesa|interesante|hablemos|podemos\s+hablar|horarios|"
    r"klinkt\s+interessant|graag|bellen|wanneer\s+kun",
    _F,
)

QUESTION = re.compile(
    r"\?|^(?:how|what|who|where|why|which|when|do|does|can|could|is|are)\b|send\s+(?:me\s+)?(?:some\s+)?"
    r"(?:info|information|details|more)|pricing|price\s+estimate|cost|"
    r"quel|combien|comment|tarif|wie\s|was\s|woher|kostet|cuánto|cómo|dónde|wat\s|hoe\s|kost",
    _F,
)

OBJECTION = re.compile(
    r"already\s+(?:use|have|work(?:ing)?\s+with|using)|mid-contract|under\s+contract|"
    r"went\s+with|decided\s+(?:to\s+go\s+with|on)|chose|signed\s+with|in[- ]house|ourselves|"
    r"budget|too\s+(?:expensive|pricey|high|low)|cheaper|expensive|pricing\s+is|roi\b|"
    r"pay\s+for\s+itself|not\s+worth|only\s+(?:take|work|meet)|not\s+sure\s+about|"
    r"déjà|trop\s+cher|en\s+interne|"
    r"bereits|schon\s+(?:einen|ein)|zu\s+teuer|kein\s+budget|intern|"
    r"ya\s+(?:trabajamos|tenemos|usamos)|demasiado\s+caro|presupuesto|"
    r"werken\s+al|hebben\s+al|te\s+duur",
    _F,
)

BY_INTENT: dict[str, re.Pattern[str]] = {
    "unsubscribe": UNSUBSCRIBE,
    "out_of_office": OUT_OF_OFFICE,
    "wrong_person": WRONG_PERSON,
    "not_now": NOT_NOW,
    "not_interested": NOT_INTERESTED,
    "interested": INTERESTED,
    "question": QUESTION,
    "objection": OBJECTION,
}

OBJECTION_TYPES: list[tuple[str, re.Pattern[str]]] = [
    (
        "competitor_chosen",
        re.compile(
            r"went\s+with|decided\s+(?:to\s+go\s+with|on)|chose|signed\s+with|opted\s+for|"
            r"choisi|entschieden|elegido|gekozen",
            _F,
        ),
    ),
    (
        "in_house",
        re.compile(
            r"in[- ]house|build\s+(?:it\s+)?ourselves|built\s+our\s+own|our\s+own\s+(?:tool|team)|"
            r"internal\s+(?:team|tool)|en\s+interne|intern\b|selbst\s+entwickelt|internamente|"
            r"intern\s+al|zelf\s+gebouwd",
            _F,
        ),
    ),
    ("budget", re.compile(r"budget|presupuesto|no\s+funds|kein\s+geld", _F)),
    (
        "price",
        re.compile(
            r"expensive|cheaper|pric(?:e|ing|ey)|too\s+(?:high|low)|cost(?:s|ly)?\s+too|"
            r"\bcomp\b|cher|teuer|caro|duur",
            _F,
        ),
    ),
    ("roi", re.compile(r"\broi\b|pay\s+for\s+itself|not\s+worth|return\s+on|rentab|lohnt", _F)),
    (
        "incumbent",
        re.compile(
            r"already|mid-contract|under\s+contract|contractor|vendor|provider|current\s+(?:tool|"
            r"provider|vendor|solution)|déjà|bereits|schon|ya\s+(?:trabajamos|tenemos|usamos)|"
            r"\bal\s+(?:een|met)|werken\s+al|hebben\s+al",
            _F,
        ),
    ),
    ("timing", re.compile(r"timing|not\s+(?:right\s+)?now|this\s+year|moment", _F)),
]


def normalise(text: str) -> str:
    """Lower-case, straight quotes, single spaces: the form every cue runs on."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    return " ".join(text.replace("\u201d", '"').lower().split())


def hits(text: str) -> dict[str, int]:
    """How many cue matches each intent has in ``text`` (already normalised)."""
    return {intent: len(pattern.findall(text)) for intent, pattern in BY_INTENT.items()}


def objection_type(text: str) -> str:
    """The most specific objection family named in ``text``; ``other`` when none is."""
    low = normalise(text)
    for name, pattern in OBJECTION_TYPES:
        if pattern.search(low):
            return name
    return "other"
