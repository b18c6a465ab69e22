"""What to do after a reply, and a short suggested answer in the reply's own language.

The seeds decide: a "no" (or an objection) gets one short, polite question about what would
make them buy and what trends they see, then nothing more; a wrong person means writing to
the referral (or asking who it is); an absence means holding until the return date; an
unsubscribe means suppressing at once and never writing again; "not now" means following up
after the time they named.

``next_action`` is a stable code, optionally with a value after a colon:
``book_meeting``, ``answer_question``, ``ask_once_then_stop``, ``stop``,
``write_to_referral:<email or name>``, ``ask_for_referral``, ``hold_until:<YYYY-MM-DD>``,
``suppress``, ``follow_up_after:<YYYY-MM-DD>``, and ``review`` (an empty reply: a person
should look at it).
"""

from __future__ import annotations

import re
from datetime import date

from .referral import Referral

LANGS = ("en", "fr", "de", "es", "nl")
_FUNCTION_WORDS = {
    "en": "the and to of you we i is not but for this that it my our your thanks please no",
    "fr": "le la les et des un une est pas que pour vous nous je ce merci mais du au ne",
    "de": "der die das und ist nicht ein eine zu mit sie wir ich für kein danke aber im bitte",
    "es": "el la los las y de que en un una es por con para no se gracias pero mi nos",
    "nl": "de het een en van is dat niet je we ik op te voor met maar dank geen graag ons",
}
_WORDS = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")

_TEXT: dict[str, dict[str, str]] = {
    "interested": {
        "en": "Great, thanks. Would Tuesday or Wednesday work for a 20-minute call? "
        "I'll send an invite.",
        "fr": "Parfait, merci. Mardi ou mercredi vous conviendrait pour un appel de 20 minutes ?",
        "de": "Danke! Passt Ihnen Dienstag oder Mittwoch für ein 20-minütiges Gespräch?",
        "es": "Genial, gracias. ¿Te va bien el martes o el miércoles para una llamada "
        "de 20 minutos?",
        "nl": "Top, dank je. Past dinsdag of woensdag voor een gesprek van 20 minuten?",
    },
    "question": {
        "en": "Good question. Short answer: <your answer>. Happy to go deeper on a short call.",
        "fr": "Bonne question. En bref : <votre réponse>. Volontiers plus de détails "
        "par téléphone.",
        "de": "Gute Frage. Kurz gesagt: <Ihre Antwort>. Gern mehr dazu in einem kurzen Gespräch.",
        "es": "Buena pregunta. En breve: <tu respuesta>. Encantado de ampliarlo en una "
        "llamada corta.",
        "nl": "Goede vraag. Kort gezegd: <jouw antwoord>. Ik licht het graag kort telefonisch toe.",
    },
    "not_interested": {
        "en": "Understood, thanks for the straight answer; I won't follow up. One question, if you "
        "have a moment: what would make something like this worth buying for you, and what "
        "trends are you seeing in your market?",
        "fr": "Compris, merci pour votre franchise ; je ne vous relancerai pas. Une question, si "
        "vous avez un instant : qu'est-ce qui vous ferait acheter ce type de solution, et quelles "
        "tendances voyez-vous dans votre marché ?",
        "de": "Verstanden, danke für die klare Antwort; ich melde mich nicht wieder. Eine Frage, "
        "falls Sie kurz Zeit haben: Was müsste so ein Angebot bieten, damit es sich für Sie lohnt, "
        "und welche Trends sehen Sie in Ihrem Markt?",
        "es": "Entendido, gracias por la claridad; no volveré a escribir. Una pregunta, si tienes "
        "un momento: ¿qué haría que algo así mereciera la pena para vosotros, y qué tendencias "
        "ves en tu mercado?",
        "nl": "Helder, dank voor het eerlijke antwoord; ik volg het niet verder op. Eén vraag, als "
        "je even hebt: wat zou zoiets de moeite waard maken om te kopen, en welke trends zie je "
        "in jullie markt?",
    },
    "wrong_person": {
        "en": "Thanks, that helps. I'll reach out to {who} directly.",
        "fr": "Merci, c'est utile. Je vais contacter {who} directement.",
        "de": "Danke, das hilft. Ich wende mich direkt an {who}.",
        "es": "Gracias, me ayuda. Escribiré directamente a {who}.",
        "nl": "Dank, dat helpt. Ik neem direct contact op met {who}.",
    },
    "wrong_person_ask": {
        "en": "Thanks for letting me know. Who would be the right person to talk to about this?",
        "fr": "Merci de me le dire. Qui serait la bonne personne à qui en parler ?",
        "de": "Danke für den Hinweis. Wer wäre dafür die richtige Ansprechperson?",
        "es": "Gracias por avisar. ¿Quién sería la persona adecuada para hablar de esto?",
        "nl": "Dank voor het laten weten. Wie is de juiste persoon om hierover te spreken?",
    },
    "not_now": {
        "en": "Thanks, understood. I'll check back around {when}; if anything changes before "
        "then, just reply here.",
        "fr": "Merci, c'est noté. Je reviendrai vers vous vers le {when} ; d'ici là, répondez "
        "simplement ici si quelque chose change.",
        "de": "Danke, verstanden. Ich melde mich um den {when} wieder; falls sich vorher etwas "
        "ändert, antworten Sie einfach hier.",
        "es": "Gracias, entendido. Volveré a escribir hacia el {when}; si algo cambia antes, "
        "responde aquí.",
        "nl": "Dank, helder. Ik kom rond {when} bij je terug; als er eerder iets verandert, "
        "antwoord dan gewoon hier.",
    },
}
_OBJECTION: dict[str, dict[str, str]] = {
    "incumbent": {
        "en": "Fair enough. When does that contract come up for renewal, and what would have "
        "to be better for you to consider a change?",
        "fr": "Entendu. Quand ce contrat arrive-t-il à échéance, et qu'est-ce qui devrait être "
        "meilleur pour envisager un changement ?",
        "de": "Verstehe. Wann läuft der Vertrag aus, und was müsste besser sein, damit Sie "
        "einen Wechsel erwägen?",
        "es": "Entendido. ¿Cuándo vence ese contrato, y qué tendría que ser mejor para "
        "plantearos un cambio?",
        "nl": "Helder. Wanneer loopt dat contract af, en wat zou beter moeten zijn om een "
        "overstap te overwegen?",
    },
    "default": {
        "en": "Thanks for being direct; I won't push. What would have to be true for this to "
        "be worth it for you?",
        "fr": "Merci de votre franchise ; je n'insiste pas. Que faudrait-il pour que cela en "
        "vaille la peine pour vous ?",
        "de": "Danke für die offene Antwort; ich dränge nicht. Was müsste gegeben sein, damit "
        "es sich für Sie lohnt?",
        "es": "Gracias por la franqueza; no insistiré. ¿Qué tendría que cumplirse para que "
        "mereciera la pena?",
        "nl": "Dank voor je eerlijkheid; ik dring niet aan. Wat zou er moeten kloppen om het "
        "de moeite waard te maken?",
    },
}


def guess_language(text: str) -> str:
    """en, fr, de, es or nl by function words; English when nothing stands out."""
    words = _TOKEN.findall(text.lower())[:300]
    scores = {lang: sum(1 for w in words if w in vocab) for lang, vocab in _WORDS.items()}
    best = max(LANGS, key=lambda lang: (scores[lang], lang == "en"))
    return best if scores[best] > scores["en"] else "en"


def plan(
    intent: str,
    *,
    lang: str,
    referral: Referral | None,
    return_date: date | None,
    follow_up: date | None,
    objection_type: str | None,
    asked_before: bool = False,
) -> tuple[str, str]:
    """``(next_action, suggested_reply)`` for one classified reply."""
    lang = lang if lang in LANGS else "en"
    if intent == "unsubscribe":
        return "suppress", ""
    if intent == "out_of_office":
        return (f"hold_until:{return_date.isoformat()}" if return_date else "hold"), ""
    if intent in ("not_interested", "objection"):
        if asked_before:
            return "stop", ""
        if intent == "objection":
            table = _OBJECTION.get(objection_type or "", _OBJECTION["default"])
            return "ask_once_then_stop", table[lang]
        return "ask_once_then_stop", _TEXT["not_interested"][lang]
    if intent == "wrong_person":
        who = referral and (referral.name or referral.email)
        if referral and who:
            target = referral.email or referral.name
            return f"write_to_referral:{target}", _TEXT["wrong_person"][lang].format(who=who)
        return "ask_for_referral", _TEXT["wrong_person_ask"][lang]
    if intent == "not_now":
        when = follow_up.isoformat() if follow_up else ""
        action = f"follow_up_after:{when}" if when else "follow_up_later"
        return action, _TEXT["not_now"][lang].format(when=when or "then")
    if intent == "interested":
        return "book_meeting", _TEXT["interested"][lang]
    return "answer_question", _TEXT["question"][lang]
