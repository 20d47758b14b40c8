"""Clonal expansion in a stem-cell pool: a teaching model of how one mutant stem cell's clone grows or dies out.

The model (a Moran-type pool; all numbers are TEACHING VALUES, not measurements):

* The pool holds ``pool_size`` stem cells (a teaching size, 10-1,000; a real adult has about
  50,000-200,000 stem cells actively making blood [LeeSix2018Nature], or 20,000-200,000
  [Mitchell2022Nature]). At the start one cell carries a new mutation.
* At each *division event* one stem cell, chosen at random, divides in one of three ways:
  **asymmetric** (one stem cell and one progenitor: the pool is unchanged), **symmetric
  self-renewal** (two stem cells: +1) or **symmetric differentiation** (two progenitors: -1).
* Wild-type cells self-renew exactly as often as they differentiate, so on average they neither
  grow nor shrink. A mutant cell turns some of its asymmetric divisions into self-renewal: its
  self-renewal probability exceeds its differentiation probability by ``bias``.
* The niche keeps the pool at ``pool_size`` (homeostasis). When a division adds a stem cell, a
  random one of the *other* stem cells leaves the pool (it differentiates); when a division removes
  one, a random one of the other stem cells self-renews to fill the space. So the clone gains a
  cell only when a mutant adds a cell and a wild-type cell leaves, or a wild-type cell leaves by
  differentiating and a mutant fills its place; and loses one in the mirror cases.

With ``i`` mutant cells in a pool of ``N``, one event therefore moves the clone up or down by one
cell with probabilities ``i (N - i) / (N (N - 1))`` times ``(s_mut + d_wt)`` or ``(d_mut + s_wt)``
(``s`` = self-renewal, ``d`` = differentiation). Only the number of mutant cells matters, and
most events leave it unchanged, so the simulation jumps from one change to the next and draws
how many events pass in between (a geometric number): exact, not an approximation. Time is in
**stem-cell generations**: ``pool_size`` events, on average one division per stem cell; the model
claims no calendar time.

Exact results to check the simulation against: the chance that the clone of one mutant cell takes
over the whole pool is ``(1 - r) / (1 - r**N)`` with ``r = (d_mut + s_wt) / (s_mut + d_wt)``
(gambler's ruin); with no bias it is exactly ``1 / N``. While it is small, a clone with bias ``b``
grows by about ``b`` per generation, whatever the share of asymmetric divisions.

Every random draw comes from a seeded ``numpy.random.Generator``. Runs made with the same seed use
the same random numbers at every bias (common random numbers), so a run that takes over at a
small bias also takes over, eventually, at a larger one.

    >>> model = PoolModel(pool_size=200, bias=0.0)
    >>> round(fixation_probability(model), 4)
    0.005
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from numbers import Integral, Real

import numpy as np

from lcbook.errors import FriendlyError
from lcbook.data import read_table

__all__ = [
    "DEFAULT_ASYMMETRIC_SHARE",
    "MAX_GENERATIONS",
    "MAX_POOL_SIZE",
    "MAX_RUNS",
    "OUTCOMES",
    "ChipBand",
    "CloneRun",
    "DivisionProbabilities",
    "ExposureFinding",
    "PoolModel",
    "RunSet",
    "chip_prevalence_by_age",
    "died_out_share",
    "exposure_findings",
    "extinction_probability",
    "fixation_probability",
    "simulate_clone",
    "simulate_eventual_takeovers",
    "simulate_runs",
    "step_probabilities",
]

#: The teaching share of asymmetric divisions of wild-type cells (a teaching value, not a measurement).
DEFAULT_ASYMMETRIC_SHARE = 0.5
#: Bounds that keep a simulation quick in a learner's kernel.
MIN_POOL_SIZE = 10
MAX_POOL_SIZE = 1_000
MAX_GENERATIONS = 2_000
MAX_RUNS = 20
MAX_EVENTUAL_RUNS = 100_000
MAX_POINTS = 1_001
#: What can happen to a clone by the end of a run.
OUTCOMES = ("died out", "took over", "still present")

_FIRST_CHUNK = 64  # the jump draws come in chunks of 64, 128, 256, ... (the same at every bias)
_MAX_CHUNK = 1 << 16


def _check_int(value: object, what: str, low: int, high: int, hint: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise FriendlyError(f"The {what} must be a whole number, not {value!r}.")
    if not low <= value <= high:
        raise FriendlyError(f"The {what} must be between {low:,} and {high:,} (got {value:,}).{hint}")
    return int(value)


def _check_real(value: object, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(float(value)):
        raise FriendlyError(f"The {what} must be a number, not {value!r}.")
    return float(value)


def _check_rng(rng: object) -> None:
    if not isinstance(rng, np.random.Generator):
        raise FriendlyError(
            "Pass a seeded numpy random Generator, such as numpy.random.default_rng(1), so that the "
            f"runs can be repeated (got {type(rng).__name__})."
        )


@dataclass(frozen=True)
class DivisionProbabilities:
    """How a stem cell's divisions split: asymmetric, symmetric self-renewal, symmetric differentiation."""

    asymmetric: float
    self_renewal: float
    differentiation: float

    @property
    def bias(self) -> float:
        """Self-renewal minus differentiation: how much more often a division adds a stem cell than removes one."""
        return self.self_renewal - self.differentiation


@dataclass(frozen=True)
class PoolModel:
    """A homeostatic pool of ``pool_size`` stem cells with one mutant whose divisions are biased by ``bias``.

    Wild-type cells divide asymmetrically with probability ``asymmetric_share`` and split the rest
    equally between self-renewal and differentiation; the mutant moves ``bias`` of its asymmetric
    divisions to self-renewal (a negative bias moves self-renewal to asymmetric division).
    Teaching values, not measurements.
    """

    pool_size: int
    bias: float
    asymmetric_share: float = DEFAULT_ASYMMETRIC_SHARE

    def __post_init__(self) -> None:
        _check_int(self.pool_size, "pool size (number of stem cells)", MIN_POOL_SIZE, MAX_POOL_SIZE,
                   " A real adult has an estimated 20,000-200,000 stem cells; this teaching model stays small so "
                   "it runs quickly.")
        a = _check_real(self.asymmetric_share, "share of asymmetric divisions")
        if not 0.0 <= a < 1.0:
            raise FriendlyError(
                f"The share of asymmetric divisions must be at least 0 and less than 1 (got {a:g}); at 1 "
                "no division would ever change the pool."
            )
        b = _check_real(self.bias, "bias")
        low, high = -(1.0 - a) / 2.0, a
        if not low - 1e-12 <= b <= high + 1e-12:
            raise FriendlyError(
                f"With {a:g} of divisions asymmetric, the bias must lie between {low:g} and {high:g} "
                f"(got {b:g}): the mutant can move at most all its asymmetric divisions to self-renewal, "
                "or all its self-renewal to asymmetric division."
            )

    @property
    def wild_type(self) -> DivisionProbabilities:
        """The division probabilities of a wild-type stem cell (self-renewal = differentiation)."""
        half = (1.0 - self.asymmetric_share) / 2.0
        return DivisionProbabilities(self.asymmetric_share, half, half)

    @property
    def mutant(self) -> DivisionProbabilities:
        """The division probabilities of a mutant stem cell (self-renewal exceeds differentiation by ``bias``)."""
        half = (1.0 - self.asymmetric_share) / 2.0
        return DivisionProbabilities(
            max(self.asymmetric_share - self.bias, 0.0), max(half + self.bias, 0.0), half
        )

    @property
    def _up_down(self) -> tuple[float, float]:
        wt, mu = self.wild_type, self.mutant
        return mu.self_renewal + wt.differentiation, mu.differentiation + wt.self_renewal


def step_probabilities(model: PoolModel, mutants: int) -> tuple[float, float]:
    """Chances that one division event adds a cell to, or removes one from, a clone of ``mutants`` cells."""
    n = model.pool_size
    i = _check_int(mutants, "number of mutant cells", 0, n)
    up, down = model._up_down
    pair = i * (n - i) / (n * (n - 1))
    return pair * up, pair * down


def fixation_probability(model: PoolModel, start: int = 1) -> float:
    """The exact chance that a clone of ``start`` mutant cells eventually takes over the whole pool."""
    n = model.pool_size
    i = _check_int(start, "number of mutant cells at the start", 0, n)
    up, down = model._up_down
    if up == down:
        return i / n
    r = down / up
    # (1 - r**i) / (1 - r**n), written to stay accurate for r near 1 and for large n.
    if r < 1.0:
        return float(-math.expm1(i * math.log(r)) / -math.expm1(n * math.log(r)))
    # r > 1 (a disadvantaged clone): divide through by r**n.
    return float(math.exp((i - n) * math.log(r)) * -math.expm1(-i * math.log(r)) / -math.expm1(-n * math.log(r)))


def extinction_probability(model: PoolModel, start: int = 1) -> float:
    """The exact chance that a clone of ``start`` mutant cells eventually dies out."""
    return 1.0 - fixation_probability(model, start)


@dataclass(frozen=True)
class CloneRun:
    """One simulated clone: its share of the pool at evenly spaced times, and how the run ended."""

    generations: np.ndarray  # times (stem-cell generations) of the samples, 0 to the horizon
    share: np.ndarray  # the clone's share of the pool (0 to 1) at those times
    outcome: str  # "died out", "took over" or "still present"
    end_generation: float | None  # when it died out or took over (exact); None if still present
    peak_share: float  # the largest share it reached at any moment of the run
    peak_generation: float  # when it first reached that share
    final_share: float  # its share at the horizon


@dataclass(frozen=True)
class RunSet:
    """Several seeded runs of one model over ``generations`` stem-cell generations."""

    model: PoolModel
    generations: int
    seed: int
    runs: tuple[CloneRun, ...]

    def count(self, outcome: str) -> int:
        """How many runs ended with ``outcome`` ("died out", "took over" or "still present")."""
        if outcome not in OUTCOMES:
            raise FriendlyError(f"The outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}.")
        return sum(1 for r in self.runs if r.outcome == outcome)


def _jumps(model: PoolModel, max_events: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Clone sizes after each change, and the event count at which each change happens, to absorption or horizon.

    The k-th change uses the k-th pair of uniforms, drawn in chunks whose sizes do not depend on the
    model: two models run with equal generators share their random numbers jump by jump.
    """
    n = model.pool_size
    up, down = model._up_down
    p_up = up / (up + down)
    rate = (up + down) / (n * (n - 1))
    sizes: list[np.ndarray] = [np.array([1], dtype=np.int64)]
    times: list[np.ndarray] = [np.array([0.0])]
    size, now, chunk = 1, 0.0, _FIRST_CHUNK
    while 0 < size < n and now <= max_events:
        u = rng.random(chunk)
        v = rng.random(chunk)
        path = size + np.cumsum(np.where(u < p_up, 1, -1))
        before = np.concatenate(([size], path[:-1]))
        p_change = rate * before * (n - before)
        # Events until (and including) the change: geometric, by inversion of the same uniform.
        # (Past the absorbing size the chance is 0 and the wait infinite; those draws are not used.)
        with np.errstate(divide="ignore", invalid="ignore"):
            waits = np.maximum(np.ceil(np.log(1.0 - v) / np.log1p(-p_change)), 1.0)
        stamps = now + np.cumsum(waits)
        hit = np.flatnonzero((path <= 0) | (path >= n))
        stop = hit[0] + 1 if hit.size else chunk
        late = np.flatnonzero(stamps[:stop] > max_events)
        if late.size:
            stop = late[0] + 1  # keep the first change after the horizon, so the horizon is covered
        sizes.append(path[:stop])
        times.append(stamps[:stop])
        size, now = int(path[stop - 1]), float(stamps[stop - 1])
        chunk = min(chunk * 2, _MAX_CHUNK)
    return np.concatenate(sizes), np.concatenate(times)


def simulate_clone(model: PoolModel, generations: int, rng: np.random.Generator, points: int = 201) -> CloneRun:
    """Follow the clone of one mutant cell for ``generations`` stem-cell generations; sample its share at ``points`` times."""
    gens = _check_int(generations, "number of generations", 1, MAX_GENERATIONS)
    pts = _check_int(points, "number of sample points", 2, MAX_POINTS)
    _check_rng(rng)
    n = model.pool_size
    horizon = gens * n
    sizes, times = _jumps(model, horizon, rng)
    grid = np.linspace(0.0, gens, pts)
    where = np.searchsorted(times, grid * n, side="right") - 1
    share = sizes[where] / n
    inside = times <= horizon
    peak = int(np.argmax(sizes[inside]))
    final = int(sizes[inside][-1])
    if final == 0:
        outcome, end = "died out", float(times[inside][-1] / n)
    elif final == n:
        outcome, end = "took over", float(times[inside][-1] / n)
    else:
        outcome, end = "still present", None
    grid.setflags(write=False)
    share.setflags(write=False)
    return CloneRun(
        generations=grid, share=share, outcome=outcome, end_generation=end,
        peak_share=float(sizes[peak] / n), peak_generation=float(times[peak] / n), final_share=final / n,
    )


def simulate_runs(model: PoolModel, generations: int, runs: int, seed: int, points: int = 201) -> RunSet:
    """``runs`` seeded runs of one model; run ``k`` uses ``default_rng([seed, k])`` at every bias (common random numbers)."""
    count = _check_int(runs, "number of runs", 1, MAX_RUNS)
    if isinstance(seed, bool) or not isinstance(seed, Integral) or seed < 0:
        raise FriendlyError(f"The seed must be a whole number, 0 or more, not {seed!r}.")
    return RunSet(
        model=model, generations=int(generations), seed=int(seed),
        runs=tuple(simulate_clone(model, generations, np.random.default_rng([int(seed), k]), points)
                   for k in range(count)),
    )


def died_out_share(result: RunSet) -> float:
    """The share of runs (0 to 1) in which the clone died out within the simulated time."""
    return result.count("died out") / len(result.runs)


def simulate_eventual_takeovers(model: PoolModel, runs: int, rng: np.random.Generator) -> np.ndarray:
    """Follow ``runs`` clones until each dies out or takes over; True where it took over."""
    count = _check_int(runs, "number of runs", 1, MAX_EVENTUAL_RUNS)
    _check_rng(rng)
    n = model.pool_size
    up, down = model._up_down
    p_up = up / (up + down)
    out = np.zeros(count, dtype=bool)
    for k in range(count):
        size, chunk = 1, 16
        while True:
            path = size + np.cumsum(np.where(rng.random(chunk) < p_up, 1, -1))
            hit = np.flatnonzero((path <= 0) | (path >= n))
            if hit.size:
                out[k] = path[hit[0]] >= n
                break
            size, chunk = int(path[-1]), min(chunk * 2, _MAX_CHUNK)
    out.setflags(write=False)
    return out


# --------------------------------------------------------------------------------------------
# Sourced data (data/clonal/, see its README.md): read-only, typed
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChipBand:
    """Clonal hematopoiesis in one age band: a percent of people, or only words ("rare before 40")."""

    age_band: str
    age_min_years: int | None
    age_max_years: int
    percent_with_clone: float | None
    wording: str
    n_people_in_study: int
    source: str


@dataclass(frozen=True)
class ExposureFinding:
    """One finding about an environmental or treatment cause, with its number (if any) and evidence."""

    exposure: str
    finding: str
    measure: str
    value: float | None
    value_high: float | None
    ci_low: float | None
    ci_high: float | None
    unit: str
    evidence: str
    study: str
    source: str


def _optional(text: str) -> float | None:
    return float(text) if text.strip() else None


@lru_cache(maxsize=None)
def chip_prevalence_by_age() -> tuple[ChipBand, ...]:
    """Clonal hematopoiesis by age band in 17,182 people (Jaiswal 2014), youngest first."""
    return tuple(
        ChipBand(
            age_band=r["age_band"],
            age_min_years=int(r["age_min_years"]) if r["age_min_years"].strip() else None,
            age_max_years=int(r["age_max_years"]),
            percent_with_clone=_optional(r["percent_with_clone"]),
            wording=r["wording"], n_people_in_study=int(r["n_people_in_study"]), source=r["source"],
        )
        for r in read_table("clonal", "chip_by_age.csv")
    )


@lru_cache(maxsize=None)
def exposure_findings() -> tuple[ExposureFinding, ...]:
    """Findings on benzene, ionizing radiation, prior chemotherapy and smoking, in file order."""
    return tuple(
        ExposureFinding(
            exposure=r["exposure"], finding=r["finding"], measure=r["measure"],
            value=_optional(r["value"]), value_high=_optional(r["value_high"]),
            ci_low=_optional(r["ci_low"]), ci_high=_optional(r["ci_high"]), unit=r["unit"],
            evidence=r["evidence"], study=r["study"], source=r["source"],
        )
        for r in read_table("clonal", "exposures.csv")
    )
