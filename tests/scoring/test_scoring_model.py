"""The calibration model: signs hold, unexercised rules keep their prior, the fit is a minimum,
and the figures it reports (AUC, threshold, folds) mean what they say."""

from __future__ import annotations

import numpy as np
import pytest

from pitchfit.scoring.model import (
    SCALE,
    Design,
    auc,
    choose_boundary,
    cross_validate,
    fit_logistic,
    net_points,
    objective,
    stratified_folds,
)


def _design(n: int = 120, seed: int = 1) -> Design:
    """Synthetic emails: f0 predicts bad strongly, f1 predicts *good* (a finding that the data
    contradicts), f2 never hits, s0 is a strength that predicts good."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < 0.5).astype(float)
    f0 = (rng.random(n) < np.where(y == 1, 0.8, 0.1)).astype(float)
    f1 = (rng.random(n) < np.where(y == 1, 0.1, 0.6)).astype(float)
    f2 = np.zeros(n)
    s0 = (rng.random(n) < np.where(y == 1, 0.2, 0.7)).astype(float)
    z = np.column_stack([f0, f1, f2, -s0])
    return Design(
        names=("f0", "f1", "f2", "s0"),
        is_strength=(False, False, False, True),
        z=z,
        y=y,
        weight=np.ones(n),
        prior=np.array([10.0, 10.0, 4.0, 3.0]),
    )


def test_signs_hold_and_the_data_moves_exercised_weights() -> None:
    design = _design()
    fit = fit_logistic(design)
    assert np.all(fit.theta >= 0)
    # f1 hits mostly good emails: it cannot earn points, so it is pushed to (or near) zero
    assert fit.theta[1] < design.prior[1] / SCALE / 2
    # f0 separates well: it costs more than its prior
    assert fit.theta[0] > design.prior[0] / SCALE
    assert fit.theta[3] > 0


def test_a_rule_the_data_never_exercised_keeps_its_prior() -> None:
    design = _design()
    fit = fit_logistic(design)
    assert fit.theta[2] == pytest.approx(design.prior[2] / SCALE, abs=1e-6)
    assert fit.points()[2] == design.prior[2]


def test_the_fit_is_a_constrained_minimum() -> None:
    design = _design()
    fit = fit_logistic(design)
    best = objective(design, fit)
    rng = np.random.default_rng(5)
    for _ in range(50):
        theta = np.maximum(fit.theta + rng.normal(0, 0.05, size=fit.theta.shape), 0.0)
        moved = type(fit)(fit.intercept + rng.normal(0, 0.05), theta)
        assert objective(design, moved) >= best - 1e-6


def test_a_tight_prior_pins_weights_to_it() -> None:
    design = _design()
    fit = fit_logistic(design, prior_sd=0.01)
    assert fit.points() == pytest.approx(design.prior, abs=1.0)


def test_sample_weights_count_like_repeated_rows() -> None:
    design = _design(n=60)
    doubled = Design(
        design.names,
        design.is_strength,
        np.vstack([design.z, design.z[:10]]),
        np.concatenate([design.y, design.y[:10]]),
        np.ones(70),
        design.prior,
    )
    weight = np.ones(60)
    weight[:10] = 2.0
    weighted = Design(design.names, design.is_strength, design.z, design.y, weight, design.prior)
    a, b = fit_logistic(doubled), fit_logistic(weighted)
    assert a.theta == pytest.approx(b.theta, abs=1e-4)


def test_auc_matches_pairwise_counting() -> None:
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 5, size=40).astype(float)
    labels = rng.random(40) < 0.4
    pos, neg = scores[labels], scores[~labels]
    pairs = [(p > q) + 0.5 * (p == q) for p in pos for q in neg]
    assert auc(scores, labels) == pytest.approx(sum(pairs) / len(pairs))
    assert auc([3, 2, 1, 0], [1, 1, 0, 0]) == 1.0
    assert auc([0, 1, 2, 3], [1, 1, 0, 0]) == 0.0
    assert np.isnan(auc([1, 2], [1, 1]))


def test_folds_partition_and_stratify() -> None:
    y = np.array([0.0] * 30 + [1.0] * 10)
    seen = []
    for train, test in stratified_folds(y, 5, np.random.default_rng(0)):
        assert set(train).isdisjoint(test)
        assert len(train) + len(test) == len(y)
        assert y[test].sum() == 2
        seen.extend(test)
    assert sorted(seen) == list(range(len(y)))


def test_cross_validation_predicts_every_email_out_of_fold() -> None:
    design = _design(n=50)
    cv = cross_validate(design, k=5, repeats=3, seed=1)
    assert cv.eta.shape == (3, 50) and cv.net.shape == (3, 50)
    assert np.all(np.isfinite(cv.eta))
    assert len(cv.fold_auc) == 15
    assert auc(cv.eta[0], design.y) > 0.7


def test_boundary_is_the_strictest_within_the_target() -> None:
    net = np.array([-50.0, -40, -30, -20, -10, -5, -4, -3, -2, 0])
    weight = np.ones(10)
    c = choose_boundary(net, weight, 0.2)
    assert (net < c).mean() <= 0.2
    assert (net < c + 1).mean() > 0.2
    assert c == -30
    # weights count: a heavy email below the boundary uses up the budget
    heavy = weight.copy()
    heavy[0] = 5.0
    assert choose_boundary(net, heavy, 0.2) == -50


def test_net_points_sign_findings_and_strengths() -> None:
    z = np.array([[1.0, 0.0], [1.0, -1.0], [0.0, -1.0]])
    assert list(net_points(z, np.array([12.0, 5.0]))) == [-12.0, -7.0, 5.0]
