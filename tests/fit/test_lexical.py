"""The lexical matcher: synonyms fold, word forms meet, negation and single words don't count."""

from __future__ import annotations

from pitchfit.fit.lexical import LexicalIndex, negated_match, sentences, terms

SIGNALS = [
    "hiring account executives or SDRs",
    "new reps take six months or more to ramp",
    "win rates dropped",
    "opening a new sales office",
]


def _scores(text: str) -> list[float]:
    index = LexicalIndex(SIGNALS)
    return [index.score(i, text) for i in range(len(SIGNALS))]


def test_synonyms_and_word_forms_match() -> None:
    assert _scores("Job board: 14 open roles for Account Executives in EMEA")[0] == 1.0
    assert _scores("We are recruiting SDRs in Denver")[0] == 1.0
    assert _scores("Their win rate fell from 28% to 19%")[2] == 1.0
    assert _scores("Kassa opened a new sales office in Antwerp")[3] == 1.0


def test_one_shared_word_is_not_evidence() -> None:
    assert _scores("They announced a hiring freeze")[0] == 0.0
    assert _scores("Our sales team won an award")[3] == 0.0


def test_partial_match_is_weaker_than_a_full_one() -> None:
    partial = _scores("Reps compete on a public win-rate leaderboard")[2]
    assert 0.0 < partial < 0.6


def test_negation_rules_out_the_match() -> None:
    assert _scores("We are not hiring account executives this year")[0] == 0.0
    assert negated_match("manufacturing plants", "We don't manufacture anything")
    assert not negated_match("manufacturing plants", "We manufacture drill bits")
    # a negative signal matches a negative observation
    index = LexicalIndex(["sales managers have no time to coach"])
    assert index.score(0, "Our sales managers have no time for coaching") > 0.5


def test_terms_and_sentences() -> None:
    assert ("~hire", False) in terms("We are hiring")
    assert all(t != "the" for t, _ in terms("the team and the plan"))
    assert sentences("One fact. Another one!\nThird") == ["One fact.", "Another one!", "Third"]


def test_research_in_other_languages_matches() -> None:
    assert _scores("Logimat ouvre un bureau commercial à Lyon")[3] == 1.0
    assert _scores("Factura recrute quatre commerciaux à Paris")[0] == 1.0
    assert _scores("Cloudhaus sucht fünf Vertriebler für Berlin")[0] == 1.0
    assert _scores("Kassa zoekt nieuwe verkopers in Antwerpen")[0] == 1.0
