"""Sister chromatid exchange (SCE): a simulated harlequin-stained metaphase, for the Bloom syndrome page.

After two rounds of replication in BrdU, the two sister chromatids of each chromosome stain
differently (one dark, one pale: "harlequin" chromosomes). Where the sisters swapped pieces (an
exchange), the staining of the two sisters switches from that point to the end of the arm.

The model: the number of exchanges in a metaphase is Poisson-distributed around a given mean;
each exchange falls on a chromosome chosen in proportion to its length (ISCN units) and at a uniform
position along it. This is a simplification: real Bloom syndrome cells vary more from cell to cell
than a Poisson count does (45-162 exchanges per metaphase against a mean of 89.0 [Chaganti1974PNAS]).

Pure functions; every random draw comes from a ``numpy.random.Generator`` passed in, so a seed
gives the same cell every time.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np

from lcbook import data
from lcbook.errors import FriendlyError

#: Mean SCE per metaphase in controls, 6.9 (range 1-14) [Chaganti1974PNAS].
NORMAL_MEAN: float = 6.9
NORMAL_RANGE: tuple[int, int] = (1, 14)
#: Mean SCE per metaphase in Bloom syndrome, 89.0 (range 45-162) [Chaganti1974PNAS].
BLOOM_MEAN: float = 89.0
BLOOM_RANGE: tuple[int, int] = (45, 162)
#: The published fold difference, about 13 [Chaganti1974PNAS]; a clinical lab cites 10-20 [MayoBLOOM].
FOLD_DIFFERENCE: float = BLOOM_MEAN / NORMAL_MEAN
SOURCE_KEY = "Chaganti1974PNAS"
SOURCE_SHORT = "Chaganti et al. 1974"

#: The largest mean accepted: far above any cell ever described, and small enough to stay quick.
MAX_MEAN: float = 1000.0
#: The largest number of cells :func:`simulate_counts` draws at once.
MAX_CELLS: int = 1_000_000
SEXES = ("XX", "XY")


@dataclass(frozen=True)
class Segment:
    """A stretch of one sister chromatid, as fractions of the chromosome's length from its p-arm end."""

    start: float
    end: float
    dark: bool


@dataclass(frozen=True)
class Chromosome:
    """One replicated chromosome: two sisters, the exchanges between them, and which sister stains dark."""

    name: str  # "1".."22", "X" or "Y"
    copy: int  # 1 or 2: the first or second homologue (1 for the X and the Y of an XY cell)
    length: float  # relative to chromosome 1 (ISCN length)
    centromere: float  # position of the centromere, as a fraction of the length from the p-arm end
    dark_sister: int = 0  # 0 or 1: the sister that stains dark at the centromere
    exchanges: tuple[float, ...] = ()  # sorted positions, fractions of the length from the p-arm end

    def is_dark(self, sister: int, position: float) -> bool:
        """Whether ``sister`` (0 or 1) stains dark at ``position`` (0 = p-arm end, 1 = q-arm end)."""
        _check_sister(sister)
        if not 0.0 <= position <= 1.0:
            raise FriendlyError(f"A position along a chromosome runs from 0 to 1, not {position!r}.")
        low, high = sorted((position, self.centromere))
        switches = sum(1 for e in self.exchanges if low < e < high)
        return (sister == self.dark_sister) != (switches % 2 == 1)

    def segments(self, sister: int) -> tuple[Segment, ...]:
        """The sister's stretches of one colour, from the p-arm end to the q-arm end."""
        _check_sister(sister)
        cuts = [0.0, *self.exchanges, 1.0]
        # The stretch that holds the centromere has the sister's own colour, and every exchange
        # flips it: counting flips (not testing a midpoint) stays exact for exchanges a hair apart.
        home = sum(1 for e in self.exchanges if e <= self.centromere)
        own = self.is_dark(sister, self.centromere)
        return tuple(
            Segment(start, end, own if (i - home) % 2 == 0 else not own)
            for i, (start, end) in enumerate(zip(cuts, cuts[1:]))
            if end > start
        )


@dataclass(frozen=True)
class Metaphase:
    """A simulated metaphase: 46 replicated chromosomes (1-22 twice, and XX or XY)."""

    sex: str
    chromosomes: tuple[Chromosome, ...]

    @property
    def exchange_count(self) -> int:
        """The number of sister chromatid exchanges in the cell."""
        return sum(len(c.exchanges) for c in self.chromosomes)


@dataclass(frozen=True)
class CountSummary:
    """Mean, smallest and largest number of exchanges per cell over ``cells`` cells."""

    cells: int
    mean: float
    minimum: int
    maximum: int


def _check_sister(sister: int) -> None:
    if sister not in (0, 1):
        raise FriendlyError(f"A chromosome has two sister chromatids, 0 and 1, not {sister!r}.")


def _check_mean(mean_exchanges: float) -> float:
    if isinstance(mean_exchanges, bool) or not isinstance(mean_exchanges, Real):
        raise FriendlyError(f"The mean number of exchanges per cell must be a number, not {mean_exchanges!r}.")
    mean = float(mean_exchanges)
    if math.isnan(mean) or mean < 0:
        raise FriendlyError(f"The mean number of exchanges per cell cannot be negative (got {mean_exchanges!r}).")
    if mean > MAX_MEAN:
        raise FriendlyError(
            f"A mean of {mean:g} exchanges per cell is more than this model draws (at most {MAX_MEAN:g}); "
            f"Bloom syndrome cells average about {BLOOM_MEAN:g}."
        )
    return mean


def _check_rng(rng: object) -> None:
    if not isinstance(rng, np.random.Generator):
        raise FriendlyError(
            f"Pass a seeded numpy.random.Generator, such as numpy.random.default_rng(1), not {rng!r}."
        )


def _check_count(value: object, what: str, maximum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise FriendlyError(f"The number of {what} must be a whole number, not {value!r}.")
    if value < 0:
        raise FriendlyError(f"The number of {what} cannot be negative (got {value}).")
    if value > maximum:
        raise FriendlyError(f"The number of {what} can be at most {maximum:,} (got {value:,}).")
    return int(value)


def chromosome_set(sex: str = "XX") -> tuple[Chromosome, ...]:
    """The 46 chromosomes of a cell, without exchanges, in order (1, 1, 2, 2, ..., then X X or X Y)."""
    if sex not in SEXES:
        raise FriendlyError(f"The sex chromosomes must be 'XX' or 'XY', not {sex!r}.")
    sizes = {s.chromosome: s for s in data.chromosome_sizes()}
    chr1 = sizes["1"].iscn_length_units
    names = [(str(n), copy) for n in range(1, 23) for copy in (1, 2)]
    names += [("X", 1), ("X", 2)] if sex == "XX" else [("X", 1), ("Y", 1)]
    return tuple(
        Chromosome(
            name=name,
            copy=copy,
            length=sizes[name].iscn_length_units / chr1,
            centromere=sizes[name].centromere_index_iscn,
        )
        for name, copy in names
    )


def place_exchanges(n_exchanges: int, rng: np.random.Generator, sex: str = "XX") -> Metaphase:
    """A metaphase with exactly ``n_exchanges`` exchanges, on chromosomes chosen in proportion to length."""
    n = _check_count(n_exchanges, "exchanges", int(MAX_MEAN * 10))
    _check_rng(rng)
    chromosomes = chromosome_set(sex)
    lengths = np.array([c.length for c in chromosomes])
    dark = rng.integers(0, 2, size=len(chromosomes))
    which = rng.choice(len(chromosomes), size=n, p=lengths / lengths.sum())
    where = rng.random(n)
    placed = []
    for i, c in enumerate(chromosomes):
        positions = tuple(sorted(float(p) for p in where[which == i]))
        placed.append(Chromosome(c.name, c.copy, c.length, c.centromere, int(dark[i]), positions))
    return Metaphase(sex=sex, chromosomes=tuple(placed))


def simulate_metaphase(mean_exchanges: float, rng: np.random.Generator, sex: str = "XX") -> Metaphase:
    """A metaphase whose number of exchanges is Poisson-distributed with mean ``mean_exchanges``."""
    mean = _check_mean(mean_exchanges)
    _check_rng(rng)
    return place_exchanges(int(rng.poisson(mean)), rng, sex)


def simulate_counts(mean_exchanges: float, n_cells: int, rng: np.random.Generator) -> np.ndarray:
    """The number of exchanges in each of ``n_cells`` cells (Poisson with mean ``mean_exchanges``)."""
    mean = _check_mean(mean_exchanges)
    n = _check_count(n_cells, "cells", MAX_CELLS)
    if n == 0:
        raise FriendlyError("Simulate at least one cell (the number of cells was 0).")
    _check_rng(rng)
    return rng.poisson(mean, size=n).astype(np.int64)


def summarize_counts(counts: np.ndarray) -> CountSummary:
    """Mean, minimum and maximum of a set of per-cell exchange counts."""
    values = np.asarray(counts)
    if values.size == 0:
        raise FriendlyError("There are no cells to summarize.")
    return CountSummary(
        cells=int(values.size),
        mean=float(values.mean()),
        minimum=int(values.min()),
        maximum=int(values.max()),
    )
