"""The example prospects keep their segments, in both methods; the seed cases come out right."""

from __future__ import annotations

import pickle

import pytest

from pitchfit.errors import UsageError
from pitchfit.fit import FitEngine, FitResult, fit
from pitchfit.io import load_offer
from pitchfit.models import Offer, Prospect

from .conftest import EXAMPLES, load_prospects, requires_model

# The segment of each example prospect (examples/prospects.yaml says why above each entry).
EXPECTED = {
    "p01": "A",
    "p02": "A",
    "p03": "A",
    "p04": "A",
    "p05": "A",
    "p06": "A",
    "p07": "A",
    "p08": "A",
    "p09": "B",
    "p10": "B",
    "p11": "B",
    "p12": "B",
    "p13": "B",
    "p14": "C",
    "p15": "C",
    "p16": "C",
    "p17": "C",
    "p18": "X",
    "p19": "X",
    "p20": "X",
    "p21": "X",
    "p22": "X",
    "p23": "X",
}
WRONG_PERSON = {"p11", "p12", "p17"}


def test_examples_cover_every_segment(prospects: list[Prospect]) -> None:
    assert len(prospects) >= 20
    assert {p.id for p in prospects} == set(EXPECTED)
    assert set(EXPECTED.values()) == {"A", "B", "C", "X"}


@pytest.mark.parametrize("method", ["lexical", pytest.param("semantic", marks=requires_model)])
def test_example_segments(method: str, offer: Offer, prospects: list[Prospect]) -> None:
    results = FitEngine(offer, method=method).fit_many(prospects)
    got = {r.id: r.segment for r in results}
    assert got == EXPECTED
    assert {r.id for r in results if r.wrong_person} == WRONG_PERSON
    assert {r.method for r in results} == {method}


def test_cfo_at_the_right_company_is_the_wrong_person(
    offer: Offer, by_id: dict[str, Prospect]
) -> None:
    result = fit(by_id["p11"], offer, method="lexical")
    assert result.wrong_person
    assert result.ask_for == "VP Sales"
    assert result.reasons[0].startswith("Right company, wrong person")
    assert result.referral_note is not None
    assert "Brightloop" in result.referral_note and "VP Sales" in result.referral_note
    assert "?" in result.referral_note
    assert len(result.referral_note) < 350  # a short note, not another pitch


def test_a_buyer_is_not_the_wrong_person(offer: Offer, by_id: dict[str, Prospect]) -> None:
    result = fit(by_id["p01"], offer, method="lexical")
    assert not result.wrong_person and result.ask_for is None
    assert result.evidence[0].source.startswith("brightloop.io/careers")
    assert "12 open Account Executive roles" in result.evidence[0].quote


def test_x_never_gets_a_pitch_or_an_ask(offer: Offer, prospects: list[Prospect]) -> None:
    for result in FitEngine(offer, method="lexical").fit_many(prospects):
        if result.segment == "X":
            assert result.disqualified_by
            assert result.ask_for is None
            assert result.score <= 10
            assert not any("likely need" in r for r in result.reasons)


def test_declined_is_x_even_with_strong_evidence(offer: Offer, by_id: dict[str, Prospect]) -> None:
    result = fit(by_id["p20"], offer, method="lexical")
    assert result.segment == "X"
    assert "status:declined" in result.disqualified_by
    assert "no means no" in result.reasons[0]
    assert "2026-06-12" in result.reasons[0]


@pytest.mark.parametrize("method", ["lexical", pytest.param("semantic", marks=requires_model)])
def test_seed_001_supply_chain_and_hr(method: str) -> None:
    people = {p.id: p for p in load_prospects(EXAMPLES / "fit" / "seed-001-prospects.yaml")}
    supply = load_offer(EXAMPLES / "fit" / "supply-chain-offer.yaml")
    hr = load_offer(EXAMPLES / "fit" / "hr-offer.yaml")
    software = fit(people["s02"], supply, method=method)
    assert software.segment in ("X", "C")
    assert any("software" in r and "Manufacturing" in r for r in software.reasons)
    consultancy = fit(people["s01"], supply, method=method)
    assert consultancy.segment == "X" and not consultancy.evidence
    small = fit(people["s04"], hr, method=method)
    assert small.segment in ("X", "C")
    assert any("15 employees" in r for r in small.reasons)
    plant = fit(people["s03"], supply, method=method)
    assert plant.segment == "A"


def test_to_dict_has_exactly_the_wire_shape(offer: Offer, by_id: dict[str, Prospect]) -> None:
    data = fit(by_id["p04"], offer, method="lexical").to_dict()
    assert list(data) == [
        "id",
        "segment",
        "score",
        "evidence",
        "reasons",
        "disqualified_by",
        "wrong_person",
        "ask_for",
        "unknowns",
        "method",
    ]
    assert set(data["evidence"][0]) == {"need", "signal", "source", "quote", "strength"}
    assert 0 <= data["score"] <= 100
    assert data["id"] == "p04"


def test_unknowns_name_the_missing_fields(offer: Offer, by_id: dict[str, Prospect]) -> None:
    result = fit(by_id["p08"], offer, method="lexical")
    assert set(result.unknowns) == {"industry", "company_size"}
    assert set(fit(by_id["p15"], offer, method="lexical").unknowns) == {"facts"}
    assert "title" in fit(by_id["p13"], offer, method="lexical").unknowns


def test_engine_pickles_and_gives_the_same_answers(offer: Offer, prospects: list[Prospect]) -> None:
    engine = FitEngine(offer, method="lexical")
    before = engine.fit_many(prospects)
    clone = pickle.loads(pickle.dumps(engine))
    assert clone.fit_many(prospects) == before
    assert len(pickle.dumps(engine)) < 20_000  # no vectors or caches travel to a worker


def test_fit_and_engine_agree(offer: Offer, prospects: list[Prospect]) -> None:
    engine = FitEngine(offer, method="lexical")
    for p in prospects[:6]:
        assert fit(p, offer, method="lexical") == engine.fit(p)


def test_unknown_method_is_a_usage_error(offer: Offer) -> None:
    with pytest.raises(UsageError):
        FitEngine(offer, method="magic")


def test_auto_falls_back_to_lexical_without_the_model(
    offer: Offer, by_id: dict[str, Prospect], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pitchfit.text import embed

    monkeypatch.setattr(embed, "_state", {"error": "model files not installed"})
    result = FitEngine(offer).fit(by_id["p01"])
    assert isinstance(result, FitResult)
    assert result.method == "lexical" and result.segment == "A"
    with pytest.raises(UsageError, match="unavailable"):
        FitEngine(offer, method="semantic").fit(by_id["p01"])


def test_negated_research_is_not_evidence() -> None:
    supply = load_offer(EXAMPLES / "fit" / "supply-chain-offer.yaml")
    said = "We have frequent stock-outs and late orders."
    denied = "We don't have frequent stock-outs or late orders."
    for text, expect in ((said, True), (denied, False)):
        person = Prospect(
            name="Ann",
            title="COO",
            industry="Distribution",
            company_size=300,
            facts=[{"text": text}],
        )
        assert bool(fit(person, supply, method="lexical").evidence) is expect, text


def test_crm_note_columns_count_as_research_but_urls_do_not(offer: Offer) -> None:
    person = Prospect(
        name="Sarah Chen",
        title="VP Sales",
        industry="SaaS",
        company_size=240,
        custom={
            "linkedin": "https://www.linkedin.com/in/sarah-chen-hiring-sales",
            "notes": "They are hiring 12 account executives in Austin.",
        },
    )
    result = fit(person, offer, method="lexical")
    assert result.segment == "A"
    assert [e.source for e in result.evidence] == ["custom.notes"]


@pytest.mark.parametrize(
    ("fact", "segment"),
    [
        ("We are growing our sales team from 20 to 45 reps this year.", "A"),
        ("Job posts for 6 Business Development Representatives in Dublin.", "A"),
        ("They are expanding into Southeast Asia with a Singapore sales hub.", "A"),
        ("Brightwave doubled its sales headcount in 2025.", "A"),
        ("Sales missed its Q3 number by 18%.", "B"),
        ("Switched pricing from per-seat to usage-based.", "B"),
        ("New office kitchen opened in Berlin.", "B"),  # part of a signal: never an A
        ("Their marketing team launched a new brand campaign.", "C"),
        ("They are hiring two backend engineers.", "C"),
        ("We do not plan to hire any salespeople this year.", "C"),
        ("They closed a deal with a large retailer.", "C"),
        ("They won a design award for their mobile app.", "C"),
    ],
)
def test_lexical_precision_on_single_facts(offer: Offer, fact: str, segment: str) -> None:
    person = Prospect(name="Ana", title="VP Sales", industry="SaaS", company_size=300, facts=[fact])
    assert fit(person, offer, method="lexical").segment == segment


def test_a_ledger_suppression_is_x_in_fit_and_not_disqualified_in_check(
    offer: Offer, by_id: dict[str, Prospect]
) -> None:
    from pitchfit.models import Suppression

    sup = Suppression(email="sarah.chen@brightloop.io", reason="unsubscribed")
    result = fit(by_id["p01"], offer, method="lexical", suppression=sup)
    assert result.segment == "X" and result.disqualified_by == ("suppressed:unsubscribed",)
    assert fit(by_id["p01"], offer, method="lexical").segment == "A"
