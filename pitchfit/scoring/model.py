"""The calibration model: a sign-constrained, prior-anchored logistic regression (numpy only).

Each email is a row of 0/1 features: which finding rules hit (at most once each, as the
scorer counts them) and which strengths it earned. The model is

    logit P(bad) = b + sum_j theta_j * finding_j - sum_k theta_k * strength_k,  theta >= 0

so a finding can only cost points and a strength can only earn them. Each theta has a Gaussian
prior centred on the documented severity prior (``prior / SCALE``); a rule the data never
exercised therefore keeps its prior exactly. Points are ``SCALE * theta``; the intercept ``b``
only moves the send/revise threshold, which is chosen for a target false-positive rate.

Used by ``scripts/calibrate.py`` and its tests; nothing on the ``check`` path imports it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]

# Points per logit unit: a warning's 10-point prior means odds of "bad" x e^1.
SCALE = 10.0


@dataclass(frozen=True)
class Design:
    """Features of the labelled emails, signed so that every coefficient is >= 0.

    ``z`` holds +1 where a finding rule hit and -1 where a strength was earned; ``prior`` is in
    points (converted to logits with :data:`SCALE`); ``weight`` is each email's sample weight.
    """

    names: tuple[str, ...]
    is_strength: tuple[bool, ...]
    z: Array
    y: Array
    weight: Array
    prior: Array

    def subset(self, rows: NDArray[np.intp]) -> Design:
        return Design(
            self.names, self.is_strength, self.z[rows], self.y[rows], self.weight[rows], self.prior
        )


@dataclass(frozen=True)
class Fit:
    """A fitted model: intercept and non-negative coefficients (logit units)."""

    intercept: float
    theta: Array

    def eta(self, z: Array) -> Array:
        """Log-odds of "bad" for feature rows ``z``."""
        return np.asarray(self.intercept + z @ self.theta, dtype=np.float64)

    def points(self) -> Array:
        """Whole points per feature on the 0-100 scale (what the points table shows)."""
        return np.asarray(np.round(SCALE * self.theta), dtype=np.float64)


def _softplus(x: Array) -> Array:
    return np.asarray(np.logaddexp(0.0, x), dtype=np.float64)


def _sigmoid(x: Array) -> Array:
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * x)), dtype=np.float64)


def fit_logistic(
    design: Design, *, prior_sd: float = 1.0, iters: int = 4000, tol: float = 1e-9
) -> Fit:
    """MAP fit by accelerated projected gradient (FISTA) on the convex, constrained objective.

    Objective: weighted log-loss + ``(theta - mu)^2 / (2 prior_sd^2)``, theta >= 0, intercept
    free (and unpenalised). The step is 1/L with L an upper bound of the Hessian, so it converges
    without a line search.
    """
    z, y, w = design.z, design.y, design.weight
    mu = design.prior / SCALE
    lam = 1.0 / prior_sd**2
    n = z.shape[0]
    x = np.hstack([np.ones((n, 1)), z])
    lipschitz = 0.25 * float(np.linalg.norm((x * w[:, None]).T @ x, 2)) + lam
    step = 1.0 / lipschitz
    params = np.concatenate([[0.0], np.maximum(mu, 0.0)])
    momentum, t = params.copy(), 1.0

    def gradient(v: Array) -> Array:
        resid = w * (_sigmoid(x @ v) - y)
        g: Array = x.T @ resid
        g[1:] += lam * (v[1:] - mu)
        return g

    for _ in range(iters):
        nxt = momentum - step * gradient(momentum)
        nxt[1:] = np.maximum(nxt[1:], 0.0)
        t_next = 0.5 * (1.0 + np.sqrt(1.0 + 4.0 * t * t))
        momentum = nxt + ((t - 1.0) / t_next) * (nxt - params)
        moved = float(np.max(np.abs(nxt - params)))
        params, t = nxt, t_next
        if moved < tol:
            break
    return Fit(intercept=float(params[0]), theta=params[1:].copy())


def objective(design: Design, fit: Fit, *, prior_sd: float = 1.0) -> float:
    """The penalised weighted log-loss :func:`fit_logistic` minimises (for tests)."""
    eta = fit.eta(design.z)
    loss = float(np.sum(design.weight * (_softplus(eta) - design.y * eta)))
    mu = design.prior / SCALE
    return loss + float(np.sum((fit.theta - mu) ** 2)) / (2.0 * prior_sd**2)


def auc(scores_bad: Sequence[float] | Array, labels: Sequence[float] | Array) -> float:
    """Area under the ROC curve: P(a bad email ranks above a good one), ties count half."""
    s = np.asarray(scores_bad, dtype=np.float64)
    lab = np.asarray(labels, dtype=bool)
    pos, neg = s[lab], s[~lab]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return float((greater + 0.5 * ties) / (len(pos) * len(neg)))


def stratified_folds(
    y: Array, k: int, rng: np.random.Generator
) -> Iterator[tuple[NDArray[np.intp], NDArray[np.intp]]]:
    """k (train, test) splits with each class spread evenly over the folds."""
    fold_of = np.empty(len(y), dtype=np.intp)
    for cls in (0.0, 1.0):
        idx = np.flatnonzero(y == cls)
        rng.shuffle(idx)
        fold_of[idx] = np.arange(len(idx)) % k
    for f in range(k):
        yield np.flatnonzero(fold_of != f), np.flatnonzero(fold_of == f)


@dataclass(frozen=True)
class CrossValidation:
    """Out-of-fold log-odds and net points per repeat (rows) and email (columns)."""

    eta: Array
    net: Array
    fold_auc: tuple[float, ...]


def cross_validate(
    design: Design,
    *,
    k: int = 5,
    repeats: int = 20,
    seed: int = 0,
    fitter: Callable[[Design], Fit] = fit_logistic,
) -> CrossValidation:
    """Repeated stratified k-fold: every email predicted by a model that never saw it."""
    rng = np.random.default_rng(seed)
    eta = np.empty((repeats, len(design.y)))
    net = np.empty_like(eta)
    fold_auc: list[float] = []
    for r in range(repeats):
        for train, test in stratified_folds(design.y, k, rng):
            model = fitter(design.subset(train))
            eta[r, test] = model.eta(design.z[test])
            net[r, test] = net_points(design.z[test], model.points())
            fold_auc.append(auc(eta[r, test], design.y[test]))
    return CrossValidation(eta=eta, net=net, fold_auc=tuple(fold_auc))


def net_points(z: Array, points: Array) -> Array:
    """Strength points earned minus finding points lost, per feature row."""
    return np.asarray(-(z @ points), dtype=np.float64)


def choose_boundary(good_net: Array, good_weight: Array, target_fp: float) -> int:
    """The strictest whole number of net points to require for "send" such that the (weighted)
    share of good emails below it - sent to revise although good - stays within ``target_fp``.
    """
    total = float(good_weight.sum())
    lo, hi = int(np.floor(good_net.min())) - 1, int(np.ceil(good_net.max())) + 1
    best = lo
    for c in range(lo, hi + 1):
        if float(good_weight[good_net < c].sum()) <= target_fp * total:
            best = c
        else:
            break
    return best
