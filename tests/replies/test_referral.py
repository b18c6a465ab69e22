"""Referrals: who a "wrong person" or absence notice sends us to."""

from __future__ import annotations

import pytest

from pitchfit.replies.referral import find_referral


@pytest.mark.parametrize(
    ("text", "name", "email", "role"),
    [
        (
            "Not my area. Please talk to Priya Nair, our VP Finance (priya@fabrikam.example).",
            "Priya Nair",
            "priya@fabrikam.example",
            "VP Finance",
        ),
        ("You want to speak with our COO, Henrik Lund.", "Henrik Lund", None, "COO"),
        ("That's Jennifer's responsibility.", "Jennifer", None, None),
        (
            "Contactez plutôt Claire Fabre, responsable achats : claire@exemple.example",
            "Claire Fabre",
            "claire@exemple.example",
            "responsable achats",
        ),
        ("Bitte wenden Sie sich an Frau Petra Lang.", "Petra Lang", None, None),
        ("Habla con Diego Sánchez, jefe de compras.", "Diego Sánchez", None, "jefe de compras"),
        ("Neem contact op met Femke van der Berg.", "Femke van der Berg", None, None),
        (
            "Write to procurement@tailspin.example instead.",
            None,
            "procurement@tailspin.example",
            None,
        ),
    ],
)
def test_referral_fields(text: str, name: str | None, email: str | None, role: str | None) -> None:
    ref = find_referral(text)
    assert ref is not None
    assert (ref.name, ref.email, ref.role) == (name, email, role)


def test_sender_address_is_not_a_referral() -> None:
    text = "I'm away. Reach me at me@acme.example or contact desk@acme.example."
    ref = find_referral(text, exclude={"me@acme.example"})
    assert ref is not None and ref.email == "desk@acme.example"


def test_template_placeholders_are_not_names() -> None:
    assert find_referral("Please contact [Colleague's Name] at [Colleague's Email].") is None


def test_no_referral() -> None:
    assert find_referral("Thanks, but we are not interested.") is None
