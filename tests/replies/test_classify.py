"""classify_reply: intents in five languages, rules where certain, and the seeds' next steps."""

from __future__ import annotations

import pytest

from pitchfit import classify_reply
from pitchfit.replies import model

RECEIVED = {"received_at": "2025-04-09"}  # a Wednesday

# Fresh phrasings written for this test (not in the training examples).
HELD_OUT = [
    ("interested", "Yes, this is relevant for us. Could we talk next Tuesday morning?"),
    ("interested", "Oui, pourquoi pas. Envoyez-moi une invitation pour jeudi."),
    ("interested", "Klingt gut, schicken Sie mir bitte eine Einladung für Donnerstag."),
    ("interested", "Me interesa, ¿tienes hueco el viernes para una llamada?"),
    ("interested", "Leuk, ik wil graag een demo. Past vrijdag?"),
    ("not_now", "Maybe next year, we just signed our budget."),
    ("not_now", "Pas maintenant, recontactez-moi après l'été."),
    ("not_now", "Derzeit nicht, bitte melden Sie sich im nächsten Quartal."),
    ("not_now", "Ahora no es buen momento, escríbeme en marzo."),
    ("not_now", "Nu even niet, probeer het volgend kwartaal."),
    ("not_interested", "No thanks, we are not interested."),
    ("not_interested", "Non merci, pas intéressé."),
    ("not_interested", "Kein Interesse, danke."),
    ("not_interested", "No nos interesa, gracias."),
    ("not_interested", "Geen interesse, bedankt."),
    ("wrong_person", "I am not the right person, please talk to our CFO Anne Smith."),
    ("wrong_person", "Je ne suis pas la bonne personne, voyez avec notre DAF."),
    ("wrong_person", "Dafür bin ich nicht zuständig, bitte wenden Sie sich an Frau Keller."),
    ("wrong_person", "No soy la persona adecuada, habla con Marta."),
    ("wrong_person", "Daar ga ik niet over, dat is Joost van Finance."),
    ("out_of_office", "I am out of the office until 2 May."),
    ("out_of_office", "Je suis en congés jusqu'au 5 mai."),
    ("out_of_office", "Ich bin im Urlaub bis 5. Mai."),
    ("out_of_office", "Estoy de vacaciones hasta el 5 de mayo."),
    ("out_of_office", "Ik ben met vakantie tot 5 mei."),
    ("unsubscribe", "Unsubscribe."),
    ("unsubscribe", "Désinscrivez-moi."),
    ("unsubscribe", "Bitte aus dem Verteiler austragen."),
    ("unsubscribe", "Dadme de baja, por favor."),
    ("unsubscribe", "Verwijder mij van de lijst."),
    ("question", "Does it work with Pipedrive?"),
    ("question", "Combien ça coûte ?"),
    ("question", "Wie lange dauert die Einführung?"),
    ("question", "¿Cuánto tarda la implantación?"),
    ("question", "Hoe lang duurt de implementatie?"),
    ("objection", "We already have a provider for this."),
    ("objection", "Nous avons déjà un fournisseur."),
    ("objection", "Wir haben bereits einen Dienstleister."),
    ("objection", "Ya tenemos un proveedor."),
    ("objection", "We hebben al een leverancier."),
]


def test_held_out_phrasings_in_five_languages() -> None:
    wrong = [
        (label, text, got)
        for label, text in HELD_OUT
        if (got := classify_reply(text, context=RECEIVED).intent) != label
    ]
    assert len(wrong) <= 4, wrong


def test_result_has_exactly_the_issue_shape() -> None:
    out = classify_reply("We are not interested.").to_dict()
    assert list(out) == [
        "intent",
        "confidence",
        "referral",
        "return_date",
        "objection_type",
        "next_action",
        "suggested_reply",
        "method",
    ]
    assert 0.0 <= out["confidence"] <= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Please take me off your list.",
        "Merci de me retirer de votre liste.",
        "Bitte keine weiteren E-Mails.",
        "No me envíes más correos.",
        "Graag uitschrijven.",
    ],
)
def test_unsubscribe_is_a_rule_and_suppresses_at_once(text: str) -> None:
    result = classify_reply(text)
    assert result.intent == "unsubscribe"
    assert result.method.startswith("rules:")
    assert result.next_action == "suppress"
    assert result.suggested_reply == ""


def test_auto_reply_header_decides_out_of_office_and_holds() -> None:
    raw = (
        "From: Kim <kim@acme.example>\nTo: me@us.example\nSubject: Re: Offer\n"
        "Date: Wed, 09 Apr 2025 08:00:00 +0000\nAuto-Submitted: auto-replied\n\n"
        "Thanks for your email, I'll get back to you when I'm back on Monday.\n"
    )
    result = classify_reply(raw)
    assert result.intent == "out_of_office"
    assert result.method == "rules:auto-reply-header"
    assert result.return_date is not None and result.return_date.isoformat() == "2025-04-14"
    assert result.next_action == "hold_until:2025-04-14"


def test_auto_reply_from_someone_who_left_is_wrong_person_with_referral() -> None:
    result = classify_reply(
        "Anna is no longer with Contoso. Please contact Ben Ode at ben@contoso.example.",
        context={"headers": {"Auto-Submitted": "auto-generated"}},
    )
    assert result.intent == "wrong_person"
    assert result.referral is not None and result.referral.email == "ben@contoso.example"
    assert result.next_action == "write_to_referral:ben@contoso.example"


def test_out_of_office_reads_return_date_in_german() -> None:
    result = classify_reply(
        "Ich bin bis einschließlich 22.04.2025 nicht im Büro. Vertretung: team@acme.example",
        context=RECEIVED,
    )
    assert result.intent == "out_of_office"
    assert result.return_date is not None and result.return_date.isoformat() == "2025-04-23"
    assert result.referral is not None and result.referral.email == "team@acme.example"


def test_a_no_gets_one_question_then_nothing_more() -> None:
    first = classify_reply("Thanks, but we're not interested.")
    assert first.next_action == "ask_once_then_stop"
    assert "what would make" in first.suggested_reply.lower()
    assert "trends" in first.suggested_reply.lower()
    again = classify_reply("Thanks, but we're not interested.", context={"asked_before": True})
    assert again.next_action == "stop"
    assert again.suggested_reply == ""


def test_suggested_reply_follows_the_reply_language() -> None:
    fr = classify_reply("Merci, mais cela ne nous intéresse pas du tout.")
    assert fr.intent == "not_interested"
    assert "tendances" in fr.suggested_reply
    nl = classify_reply("Bedankt, maar wij hebben geen interesse.")
    assert "trends" in nl.suggested_reply and "markt" in nl.suggested_reply


def test_wrong_person_without_a_name_asks_for_one() -> None:
    result = classify_reply("Wrong person, sorry. I don't handle vendor decisions.")
    assert result.intent == "wrong_person"
    assert result.next_action == "ask_for_referral"
    assert result.suggested_reply.endswith("?")


def test_not_now_follows_up_after_the_stated_time() -> None:
    result = classify_reply("Not right now. Reach out again next quarter.", context=RECEIVED)
    assert result.intent == "not_now"
    assert result.next_action == "follow_up_after:2025-07-01"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We already work with Acme for this.", "incumbent"),
        ("We went with another vendor last week.", "competitor_chosen"),
        ("We do this in-house.", "in_house"),
        ("No budget for it this year.", "budget"),
        ("Way too expensive for us.", "price"),
    ],
)
def test_objection_types(text: str, kind: str) -> None:
    result = classify_reply(text)
    assert result.intent == "objection"
    assert result.objection_type == kind
    assert result.next_action == "ask_once_then_stop"


def test_quoted_history_does_not_sway_the_intent() -> None:
    raw = (
        "Please remove me from your list.\n\nOn Mon, 7 Apr 2025 at 10:00, Sam <sam@us.example> "
        "wrote:\n> Are you interested in a demo? Let's schedule a call!\n"
    )
    assert classify_reply(raw).intent == "unsubscribe"


def test_without_a_trained_model_cues_still_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model, "load", lambda: None)
    result = classify_reply("What does it cost for ten users?")
    assert result.intent == "question"
    assert "no trained model" in result.method


def test_semantic_request_falls_back_to_lexical_when_embeddings_are_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pitchfit.replies import features

    monkeypatch.setattr(features, "semantic_available", lambda: False)
    result = classify_reply("Does it work with Pipedrive?", context={"semantic": True})
    assert result.method == model.NAME


def test_semantic_variant_when_installed() -> None:
    from pitchfit.replies.features import semantic_available

    if not semantic_available() or model.load(semantic=True) is None:
        pytest.skip("sentence-embedding model or its weights not installed")
    result = classify_reply("Does it work with Pipedrive?", context={"semantic": True})
    assert result.method == model.SEMANTIC_NAME
    assert result.intent == "question"


def test_empty_reply_is_flagged_for_review_not_guessed() -> None:
    result = classify_reply("\n\nOn Mon, 7 Apr 2025, Sam <sam@us.example> wrote:\n> Demo?\n")
    assert result.confidence == 0.0
    assert result.next_action == "review"


@pytest.mark.parametrize(
    "text",
    [
        "This mailbox is no longer monitored. Please write to sales@acme.example.",
        "Diese Adresse wird nicht mehr gelesen. Bitte schreiben Sie an info@acme.example.",
        "Maria ya no forma parte de la empresa. Escribe a info@acme.example.",
    ],
)
def test_dead_mailbox_auto_reply_sends_us_to_the_referral(text: str) -> None:
    result = classify_reply(text, context={"headers": {"Auto-Submitted": "auto-replied"}})
    assert result.intent == "wrong_person"
    assert result.next_action.startswith("write_to_referral:")
