"""A teaching model of the chromosome-breakage test for Fanconi anemia (ILLUSTRATIVE rates).

The sourced fact is qualitative: lymphocytes from people with Fanconi anemia, exposed to the
cross-linkers diepoxybutane (DEB) or mitomycin C (MMC), show increased chromosome breakage and
radial forms [Mehta2021GeneReviews]. FA cells repair DNA interstrand cross-links poorly, so the
damage the cross-linker makes turns into breaks and exchange figures at metaphase.

The fact sheet gives no per-cell numbers, so the means below are **illustrative rates, not
laboratory reference values**: they were chosen for teaching, to show the *shape* of the result
(typical cells: almost no breaks and no radials; FA cells: several breaks per cell and radials in
a sizeable share of cells). Never quote them as the test's thresholds or as published results.

The model: in each metaphase the number of chromatid breaks and the number of radial figures are
independent counts. Typical cells: Poisson. FA cells: negative binomial (a Poisson whose mean
varies from cell to cell, a gamma with shape ``dispersion``), because cells of one person differ.

    >>> import numpy as np
    >>> result = simulate_cells("FA", "DEB", 50, np.random.default_rng(1))
    >>> result.breaks.shape
    (50,)
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from lcbook.errors import FriendlyError

__all__ = [
    "AGENTS",
    "CELL_TYPES",
    "ILLUSTRATIVE_NOTE",
    "ILLUSTRATIVE_RATES",
    "BreakageResult",
    "Rates",
    "rates_for",
    "simulate_cells",
]

#: The words every figure and text that shows these numbers must carry.
ILLUSTRATIVE_NOTE = "illustrative rates, not laboratory reference values"

#: Cell types and cross-linking agents the model knows.
CELL_TYPES: tuple[str, ...] = ("typical", "FA")
AGENTS: tuple[str, ...] = ("DEB", "MMC")

#: The largest number of cells one call simulates (a test scores tens of metaphases, not millions).
MAX_CELLS = 100_000


@dataclass(frozen=True)
class Rates:
    """Illustrative per-cell means of one cell type and agent (not laboratory reference values).

    ``dispersion`` is the gamma shape of a negative binomial (smaller = more cell-to-cell
    variation); ``None`` means a plain Poisson count.
    """

    mean_breaks: float
    mean_radials: float
    dispersion: float | None = None

    def variance(self, mean: float) -> float:
        """Variance of a count with this ``mean`` under the model (Poisson or negative binomial)."""
        return mean if self.dispersion is None else mean + mean**2 / self.dispersion

    @property
    def fraction_with_radial(self) -> float:
        """The model's probability that a cell shows at least one radial figure."""
        m = self.mean_radials
        if self.dispersion is None:
            return 1.0 - float(np.exp(-m))
        k = self.dispersion
        return 1.0 - (k / (k + m)) ** k


#: ILLUSTRATIVE per-cell means (chosen for teaching; not laboratory reference values).
ILLUSTRATIVE_RATES: dict[tuple[str, str], Rates] = {
    ("typical", "DEB"): Rates(mean_breaks=0.06, mean_radials=0.0),
    ("typical", "MMC"): Rates(mean_breaks=0.08, mean_radials=0.0),
    ("FA", "DEB"): Rates(mean_breaks=4.0, mean_radials=0.6, dispersion=3.0),
    ("FA", "MMC"): Rates(mean_breaks=3.0, mean_radials=0.45, dispersion=3.0),
}


def _normalise_cell_type(cell_type: str) -> str:
    if not isinstance(cell_type, str):
        raise FriendlyError(f"cell_type must be the text 'typical' or 'FA', not {cell_type!r}.")
    key = cell_type.strip()
    if key.lower() in ("fa", "fanconi", "fanconi anemia", "fanconi anemia"):
        return "FA"
    if key.lower() in ("typical", "normal", "control"):
        return "typical"
    raise FriendlyError(
        f"Unknown cell_type {cell_type!r}: use 'typical' (cells without Fanconi anemia) or 'FA' "
        "(cells from a person with Fanconi anemia)."
    )


def _normalise_agent(agent: str) -> str:
    key = agent.strip().upper() if isinstance(agent, str) else None
    if key in ("DEB", "DIEPOXYBUTANE"):
        return "DEB"
    if key in ("MMC", "MITOMYCIN C", "MITOMYCIN"):
        return "MMC"
    raise FriendlyError(
        f"Unknown agent {agent!r}: use 'DEB' (diepoxybutane) or 'MMC' (mitomycin C), the two "
        "cross-linkers of the breakage test."
    )


def rates_for(cell_type: str, agent: str) -> Rates:
    """The illustrative rates (not laboratory reference values) for a cell type and agent."""
    return ILLUSTRATIVE_RATES[(_normalise_cell_type(cell_type), _normalise_agent(agent))]


@dataclass(frozen=True)
class BreakageResult:
    """Simulated metaphases: per-cell chromatid breaks and radial figures (illustrative rates)."""

    cell_type: str
    agent: str
    rates: Rates
    breaks: np.ndarray
    radials: np.ndarray

    @property
    def n_cells(self) -> int:
        return int(self.breaks.size)

    @property
    def mean_breaks(self) -> float:
        """Mean chromatid breaks per cell in this sample."""
        return float(self.breaks.mean())

    @property
    def percent_with_radials(self) -> float:
        """Percent of the sampled cells with at least one radial figure."""
        return 100.0 * float((self.radials > 0).mean())

    @property
    def standard_error(self) -> float:
        """The model's standard error of ``mean_breaks`` for this many cells."""
        return float(np.sqrt(self.rates.variance(self.rates.mean_breaks) / self.n_cells))

    def summary(self) -> dict[str, float | int | str]:
        """The numbers a figure or text quotes, with the reminder that the rates are illustrative."""
        return {
            "cell_type": self.cell_type,
            "agent": self.agent,
            "n_cells": self.n_cells,
            "mean_breaks_per_cell": self.mean_breaks,
            "percent_cells_with_radials": self.percent_with_radials,
            "model_mean_breaks_per_cell": self.rates.mean_breaks,
            "note": ILLUSTRATIVE_NOTE,
        }


def _counts(mean: float, dispersion: float | None, n: int, rng: np.random.Generator) -> np.ndarray:
    if mean == 0:
        return np.zeros(n, dtype=np.int64)
    if dispersion is None:
        return rng.poisson(mean, size=n).astype(np.int64)
    return rng.negative_binomial(dispersion, dispersion / (dispersion + mean), size=n).astype(np.int64)


def simulate_cells(cell_type: str, agent: str, n_cells: int, rng: np.random.Generator) -> BreakageResult:
    """Simulate ``n_cells`` metaphases of ``cell_type`` ('typical' or 'FA') after ``agent`` ('DEB' or 'MMC').

    Uses ILLUSTRATIVE_RATES: illustrative rates, not laboratory reference values. The same
    seeded generator state gives the same cells: pass ``numpy.random.default_rng(seed)``.
    """
    kind = _normalise_cell_type(cell_type)
    drug = _normalise_agent(agent)
    if isinstance(n_cells, bool) or not isinstance(n_cells, (int, np.integer)):
        raise FriendlyError(f"n_cells must be a whole number of cells (for example 50), not {n_cells!r}.")
    if not 1 <= n_cells <= MAX_CELLS:
        raise FriendlyError(
            f"n_cells must be between 1 and {MAX_CELLS:,} (a breakage test scores tens of metaphases); "
            f"got {n_cells}."
        )
    if not isinstance(rng, np.random.Generator):
        raise FriendlyError(
            "rng must be a numpy random Generator, so that results can be repeated: pass "
            f"numpy.random.default_rng(seed) (got {type(rng).__name__})."
        )
    rates = ILLUSTRATIVE_RATES[(kind, drug)]
    n = int(n_cells)
    breaks = _counts(rates.mean_breaks, rates.dispersion, n, rng)
    radials = _counts(rates.mean_radials, rates.dispersion, n, rng)
    breaks.setflags(write=False)
    radials.setflags(write=False)
    return BreakageResult(cell_type=kind, agent=drug, rates=rates, breaks=breaks, radials=radials)
