"""Return dates of absence notices and follow-up dates of "not now", in five languages."""

from __future__ import annotations

from datetime import date

import pytest

from pitchfit.replies.dates import follow_up_date, return_date

WED = date(2025, 4, 9)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "received", "expected"),
    [
        ("I'm out until Monday.", WED, date(2025, 4, 14)),
        ("Back on Friday.", WED, date(2025, 4, 11)),
        ("Je suis absent jusqu'à lundi.", WED, date(2025, 4, 14)),
        ("Ich bin ab Dienstag wieder im Büro.", WED, date(2025, 4, 15)),
        ("Estoy fuera hasta el jueves.", WED, date(2025, 4, 10)),
        ("Ik ben vanaf maandag weer op kantoor.", WED, date(2025, 4, 14)),
        ("I will return on 22 April.", WED, date(2025, 4, 22)),
        ("I will return on April 22nd.", WED, date(2025, 4, 22)),
        ("Je serai de retour le 2 mai.", WED, date(2025, 5, 2)),
        ("Ich bin bis einschließlich 18.04.2025 im Urlaub.", WED, date(2025, 4, 19)),
        ("Absent du 10 au 17 avril inclus.", WED, date(2025, 4, 18)),
        ("Out 12-19 April.", WED, date(2025, 4, 20)),
        ("Vuelvo el 5 de mayo de 2025.", WED, date(2025, 5, 5)),
        ("Ik ben afwezig tot en met 25 april.", WED, date(2025, 4, 26)),
        ("Returning 2025-05-06.", WED, date(2025, 5, 6)),
        ("Back on 7 January.", date(2025, 12, 20), date(2026, 1, 7)),
        ("Out until 04/15.", WED, date(2025, 4, 15)),
        ("Out until 15/04.", WED, date(2025, 4, 15)),
        ("Back tomorrow.", WED, date(2025, 4, 10)),
    ],
)
def test_return_date(text: str, received: date, expected: date) -> None:
    assert return_date(text, received) == expected


@pytest.mark.parametrize(
    "text", ["I am on vacation and will answer on my return.", "Back on 3 March 2019."]
)
def test_no_future_date_means_none(text: str) -> None:
    assert return_date(text, WED) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Circle back next quarter.", date(2025, 7, 1)),
        ("Try me again in three months.", date(2025, 7, 9)),
        ("Recontactez-moi dans trois mois.", date(2025, 7, 9)),
        ("Melden Sie sich im September wieder.", date(2025, 9, 1)),
        ("Escríbeme el próximo año.", date(2026, 1, 1)),
        ("Neem na de zomer weer contact op.", date(2025, 9, 1)),
        ("Not before the 20th of May.", date(2025, 5, 20)),
    ],
)
def test_follow_up_date(text: str, expected: date) -> None:
    assert follow_up_date(text, WED) == expected


def test_follow_up_without_time_is_none() -> None:
    assert follow_up_date("Not right now, sorry.", WED) is None
