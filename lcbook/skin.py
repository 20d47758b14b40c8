"""A schematic cross-section of skin and where leukemic cells lie in it, pattern by pattern.

The geometry is a **teaching schematic, not to scale**: depth runs down from the skin surface in
arbitrary units (0 at the surface), with the epidermis on top, the papillary dermis (the band that
stays free as a *grenz zone* when an infiltrate lies beneath it [Abbas2013AmJDermatopathol]), the
reticular dermis with its collagen bundles, blood vessels, a hair follicle and a sweat gland (the
adnexa), and the subcutis with its fat lobules. No thickness or cell count here is a measurement.

The patterns are the ones the sources describe [Buechner2005Chapter; Paydas2000BJD;
Cerroni-SkinLymphoma; Marchetti2015JAAD]: perivascular and periadnexal cuffs, cells in single file
between collagen bundles, nodular/diffuse dermal sheets that spare a grenz zone, permeation of the
subcutaneous fat lobules, and, the exception, T-cell infiltrates that enter the epidermis
(epidermotropism) with Pautrier-like clusters. Cells are placed at random in the region a pattern
describes, with a seeded ``numpy.random.Generator``: the same seed gives the same picture.

The typed loaders at the end read the sourced frequency and timing tables in ``data/skin/``.

    >>> import numpy as np
    >>> cells = place_cells("perivascular", np.random.default_rng(1))
    >>> set(cells.counts_by_layer()) == set(LAYERS)
    True
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from lcbook.errors import FriendlyError
from lcbook.data import read_table

__all__ = [
    "AUTHORITIES",
    "DEFAULT_CELLS",
    "EPIDERMIS_SPARING_PATTERNS",
    "LAYERS",
    "MAX_CELLS",
    "PATTERNS",
    "Bundle",
    "Circle",
    "Infiltrate",
    "LCFrequency",
    "LCTiming",
    "SkinGeometry",
    "Tube",
    "default_skin",
    "distance_to_adnexa",
    "distance_to_vessels",
    "in_bundle",
    "layer_at",
    "lc_frequencies",
    "lc_timing",
    "place_all_patterns",
    "place_cells",
]

#: The layers, top to bottom. The papillary dermis is the band a grenz zone keeps free.
LAYERS: tuple[str, ...] = ("epidermis", "papillary dermis", "reticular dermis", "subcutis")

#: The patterns, in the order the figure offers them ("healthy" has no leukemic cells).
PATTERNS: tuple[str, ...] = (
    "healthy",
    "perivascular",
    "periadnexal",
    "interstitial",
    "nodular_diffuse",
    "subcutaneous",
    "epidermotropic",
)

#: Patterns of myeloid (and CLL) leukemia cutis: the drawing leaves the epidermis and the papillary dermis free.
EPIDERMIS_SPARING_PATTERNS: tuple[str, ...] = (
    "perivascular",
    "periadnexal",
    "interstitial",
    "nodular_diffuse",
    "subcutaneous",
)

#: Cells drawn for each pattern when no number is given (a picture, not a measurement).
DEFAULT_CELLS: dict[str, int] = {
    "healthy": 0,
    "perivascular": 200,
    "periadnexal": 170,
    "interstitial": 160,
    "nodular_diffuse": 480,
    "subcutaneous": 220,
    "epidermotropic": 150,
}

#: The most cells one call places (the figure stays light enough for a phone).
MAX_CELLS = 2000

#: How far from a vessel or adnexal wall a cuff of cells reaches (schematic units).
CUFF_WIDTH = 28.0


@dataclass(frozen=True)
class Circle:
    """A round structure seen in cross-section: a vessel, a follicle bulb, a coil of sweat gland."""

    x: float
    y: float
    r: float


@dataclass(frozen=True)
class Tube:
    """A vertical tube from depth ``top`` to ``bottom`` (a hair follicle or a sweat duct), radius ``r``."""

    x: float
    top: float
    bottom: float
    r: float


@dataclass(frozen=True)
class Bundle:
    """A collagen bundle (or a fat lobule): an ellipse centered at (x, y) with half-axes rx, ry."""

    x: float
    y: float
    rx: float
    ry: float


@dataclass(frozen=True)
class SkinGeometry:
    """A schematic skin cross-section: layer boundaries (depths), vessels, adnexa, bundles, fat lobules."""

    width: float
    epidermis_bottom: float
    papillary_bottom: float
    dermis_bottom: float
    subcutis_bottom: float
    vessels: tuple[Circle, ...]
    follicle: Tube
    follicle_bulb: Circle
    sweat_duct: Tube
    sweat_coil: tuple[Circle, ...]
    bundles: tuple[Bundle, ...]
    lobules: tuple[Bundle, ...]
    bundle_rows: tuple[float, ...] = field(default=())

    @property
    def dermal_vessels(self) -> tuple[Circle, ...]:
        """The vessels of the dermis (superficial, middle and deep plexus)."""
        return tuple(v for v in self.vessels if v.y < self.dermis_bottom)

    @property
    def file_lines(self) -> tuple[float, ...]:
        """Depths of the gaps between rows of collagen bundles, where cells line up in single file."""
        rows = self.bundle_rows
        return tuple((a + b) / 2 for a, b in zip(rows, rows[1:]))


def _tube_distance(t: Tube, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Distance from points to a tube's wall (negative inside)."""
    yc = np.clip(y, t.top, t.bottom)
    return np.hypot(x - t.x, y - yc) - t.r


def _circle_distance(c: Circle, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.hypot(x - c.x, y - c.y) - c.r


def _ellipse_value(b: Bundle, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return ((x - b.x) / b.rx) ** 2 + ((y - b.y) / b.ry) ** 2


def distance_to_adnexa(geometry: SkinGeometry, x, y) -> np.ndarray:
    """Distance from each point to the nearest adnexal wall (follicle, bulb, sweat duct or coil); negative inside."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    parts = [_tube_distance(geometry.follicle, x, y), _circle_distance(geometry.follicle_bulb, x, y),
             _tube_distance(geometry.sweat_duct, x, y)]
    parts += [_circle_distance(c, x, y) for c in geometry.sweat_coil]
    return np.min(np.stack(parts), axis=0)


def distance_to_vessels(geometry: SkinGeometry, x, y, vessels: tuple[Circle, ...] | None = None) -> np.ndarray:
    """Distance from each point to the nearest vessel wall (negative inside a vessel)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    vessels = geometry.vessels if vessels is None else vessels
    return np.min(np.stack([_circle_distance(v, x, y) for v in vessels]), axis=0)


def in_bundle(geometry: SkinGeometry, x, y, margin: float = 0.0) -> np.ndarray:
    """Whether each point lies inside a collagen bundle (grown by ``margin`` units)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    inside = np.zeros(np.broadcast(x, y).shape, dtype=bool)
    for b in geometry.bundles:
        grown = Bundle(b.x, b.y, b.rx + margin, b.ry + margin)
        inside |= _ellipse_value(grown, x, y) <= 1.0
    return inside


def _in_lobule(geometry: SkinGeometry, x: np.ndarray, y: np.ndarray, scale: float = 1.0) -> np.ndarray:
    inside = np.zeros(np.broadcast(x, y).shape, dtype=bool)
    for lob in geometry.lobules:
        inside |= _ellipse_value(lob, x, y) <= scale**2
    return inside


def layer_at(geometry: SkinGeometry, y) -> np.ndarray:
    """The layer at each depth ``y``: one of LAYERS, or "outside" above the surface or below the subcutis."""
    y = np.asarray(y, dtype=float)
    bounds = (0.0, geometry.epidermis_bottom, geometry.papillary_bottom, geometry.dermis_bottom,
              geometry.subcutis_bottom)
    names = np.array(("outside",) + LAYERS + ("outside",), dtype=object)
    return names[np.searchsorted(bounds, y, side="right")]


@lru_cache(maxsize=1)
def default_skin() -> SkinGeometry:
    """The chapter's schematic skin: 1000 units wide, 1300 deep (arbitrary units, not to scale)."""
    width = 1000.0
    epidermis_bottom, papillary_bottom, dermis_bottom, subcutis_bottom = 80.0, 170.0, 900.0, 1300.0
    vessels = (
        # superficial plexus, just below the papillary dermis
        Circle(110, 215, 11), Circle(390, 215, 11), Circle(570, 215, 11), Circle(930, 215, 11),
        # middle dermis
        Circle(420, 545, 10), Circle(640, 545, 10),
        # deep plexus
        Circle(110, 855, 14), Circle(450, 855, 14), Circle(620, 855, 14), Circle(930, 855, 14),
        # septa of the subcutis
        Circle(250, 1000, 8), Circle(750, 1000, 8),
    )
    follicle = Tube(x=230, top=0, bottom=790, r=26)
    bulb = Circle(230, 818, 40)
    duct = Tube(x=790, top=0, bottom=760, r=7)
    coil = (Circle(768, 790, 20), Circle(812, 784, 20), Circle(792, 824, 21), Circle(757, 830, 17),
            Circle(828, 828, 17))
    rows = tuple(245.0 + 62.0 * k for k in range(10))  # 245 ... 803
    bundles = []
    probe = SkinGeometry(width, epidermis_bottom, papillary_bottom, dermis_bottom, subcutis_bottom,
                         vessels, follicle, bulb, duct, coil, (), ())
    t = np.linspace(0, 2 * np.pi, 24, endpoint=False)
    for k, y in enumerate(rows):
        offset = 0.0 if k % 2 == 0 else 80.0
        for j in range(-1, 7):
            b = Bundle(offset + 80.0 + 160.0 * j, y, 58.0, 14.0)
            # Keep bundles clear of vessels and adnexa, so that the cuffs around them read clearly.
            bx, by = b.x + b.rx * np.cos(t), b.y + b.ry * np.sin(t)
            if not ((bx > 0) & (bx < width)).any():
                continue
            if (distance_to_adnexa(probe, bx, by).min() < CUFF_WIDTH + 4
                    or distance_to_vessels(probe, bx, by).min() < CUFF_WIDTH + 4):
                continue
            bundles.append(b)
    lobules = tuple(Bundle(cx, 1003, 110, 86) for cx in (125, 375, 625, 875)) + tuple(
        Bundle(cx, 1203, 110, 86) for cx in (0, 250, 500, 750, 1000))
    return SkinGeometry(width, epidermis_bottom, papillary_bottom, dermis_bottom, subcutis_bottom,
                        vessels, follicle, bulb, duct, coil, tuple(bundles), lobules, rows)


# --------------------------------------------------------------------------------------------
# Placing cells
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Infiltrate:
    """Leukemic cells of one pattern: their positions (x across, y = depth) in a schematic skin."""

    pattern: str
    x: np.ndarray
    y: np.ndarray
    geometry: SkinGeometry
    clusters: tuple[tuple[float, float], ...] = ()

    @property
    def n_cells(self) -> int:
        """How many cells were placed."""
        return int(self.x.size)

    def layers(self) -> np.ndarray:
        """The layer each cell lies in."""
        return layer_at(self.geometry, self.y)

    def counts_by_layer(self) -> dict[str, int]:
        """How many cells lie in each layer, top to bottom."""
        layers = self.layers()
        return {name: int((layers == name).sum()) for name in LAYERS}


def _allowed_dermis(g: SkinGeometry, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Dermis below the grenz zone, inside the section, outside vessel lumens and adnexal walls."""
    return ((y > g.papillary_bottom + 4) & (y < g.dermis_bottom) & (x > 4) & (x < g.width - 4)
            & (distance_to_vessels(g, x, y) > 2) & (distance_to_adnexa(g, x, y) > 2))


def _rejection(n: int, rng: np.random.Generator, draw, keep) -> tuple[np.ndarray, np.ndarray]:
    """Draw candidate points with ``draw(m)`` and keep those where ``keep(x, y)`` until there are n."""
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    have = 0
    for _ in range(200):
        if have >= n:
            break
        x, y = draw(max(4 * (n - have), 32))
        ok = keep(x, y)
        xs.append(x[ok])
        ys.append(y[ok])
        have += int(ok.sum())
    x, y = np.concatenate(xs)[:n], np.concatenate(ys)[:n]
    if x.size < n:  # pragma: no cover - the regions are large enough that this cannot happen
        raise FriendlyError(f"Could not place {n} cells in this pattern; ask for fewer.")
    return x, y


def _perivascular(g: SkinGeometry, n: int, rng: np.random.Generator):
    vessels = g.dermal_vessels

    def draw(m: int):
        v = rng.integers(0, len(vessels), size=m)
        angle = rng.uniform(0, 2 * np.pi, size=m)
        r = np.array([vessels[i].r for i in v]) + rng.uniform(3, CUFF_WIDTH, size=m)
        return (np.array([vessels[i].x for i in v]) + r * np.cos(angle),
                np.array([vessels[i].y for i in v]) + r * np.sin(angle))

    def keep(x, y):
        return _allowed_dermis(g, x, y) & ~in_bundle(g, x, y)

    return _rejection(n, rng, draw, keep)


def _periadnexal(g: SkinGeometry, n: int, rng: np.random.Generator):
    def draw(m: int):
        # Half the cells along the follicle and its bulb, half around the sweat gland and its duct.
        near_follicle = rng.random(m) < 0.5
        x = np.where(near_follicle, rng.uniform(g.follicle.x - 80, g.follicle.x + 80, m),
                     rng.uniform(g.sweat_duct.x - 90, g.sweat_duct.x + 90, m))
        y = np.where(near_follicle, rng.uniform(g.papillary_bottom, g.follicle_bulb.y + 80, m),
                     rng.uniform(g.papillary_bottom, g.dermis_bottom - 10, m))
        return x, y

    def keep(x, y):
        d = distance_to_adnexa(g, x, y)
        return _allowed_dermis(g, x, y) & (d > 3) & (d < CUFF_WIDTH) & ~in_bundle(g, x, y)

    return _rejection(n, rng, draw, keep)


def _interstitial(g: SkinGeometry, n: int, rng: np.random.Generator):
    """Cells in single file: short lines along the gaps between rows of collagen bundles."""
    lines = g.file_lines
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    have = 0
    for _ in range(20 * n + 100):
        if have >= n:
            break
        y0 = lines[int(rng.integers(0, len(lines)))]
        length = int(rng.integers(5, 11))
        x0 = float(rng.uniform(10, g.width - 10))
        step = 14.0 * (1 if rng.random() < 0.5 else -1)
        x = x0 + step * np.arange(length)
        y = y0 + rng.normal(0, 1.5, length)
        ok = _allowed_dermis(g, x, y) & ~in_bundle(g, x, y, margin=2)
        keep = int(np.argmin(ok)) if not ok.all() else length  # a file stops where it meets an obstacle
        xs.append(x[:keep])
        ys.append(y[:keep])
        have += keep
    x, y = np.concatenate(xs)[:n], np.concatenate(ys)[:n]
    if x.size < n:  # pragma: no cover - the gaps hold far more cells than MAX_CELLS
        raise FriendlyError(f"Could not place {n} cells in single file; ask for fewer.")
    return x, y


#: Centers (as fractions of width and dermal depth) and spread of the nodules of the nodular pattern.
_NODULES = ((0.40, 0.30), (0.72, 0.52), (0.50, 0.78))


def _nodular_diffuse(g: SkinGeometry, n: int, rng: np.random.Generator):
    top, bottom = g.papillary_bottom + 8, g.dermis_bottom - 5
    centres = [(fx * g.width, top + fy * (bottom - top)) for fx, fy in _NODULES]

    def draw(m: int):
        in_nodule = rng.random(m) < 0.6
        which = rng.integers(0, len(centres), size=m)
        cx = np.array([centres[i][0] for i in which])
        cy = np.array([centres[i][1] for i in which])
        x = np.where(in_nodule, rng.normal(cx, 65.0), rng.uniform(0, g.width, m))
        y = np.where(in_nodule, rng.normal(cy, 65.0), rng.uniform(top, bottom, m))
        return x, y

    def keep(x, y):
        return _allowed_dermis(g, x, y) & (y > top)

    return _rejection(n, rng, draw, keep)


def _subcutaneous(g: SkinGeometry, n: int, rng: np.random.Generator):
    def draw(m: int):
        return rng.uniform(0, g.width, m), rng.uniform(g.dermis_bottom, g.subcutis_bottom, m)

    def keep(x, y):
        return ((x > 4) & (x < g.width - 4) & (y > g.dermis_bottom + 4) & (y < g.subcutis_bottom - 4)
                & _in_lobule(g, x, y, scale=0.96) & (distance_to_vessels(g, x, y) > 2))

    return _rejection(n, rng, draw, keep)


def _epidermotropic(g: SkinGeometry, n: int, rng: np.random.Generator):
    """T-cell pattern: cells in the epidermis (single and in Pautrier-like clusters) and a superficial dermal band."""
    n_clusters = 4
    per_cluster = max(1, min(8, n // 12))
    n_cluster_cells = min(n, n_clusters * per_cluster)
    n_single = min(n - n_cluster_cells, int(round(0.3 * n)))
    n_dermal = n - n_cluster_cells - n_single
    edge = 5.0
    # Cluster centers spread across the epidermis, away from the follicle and duct openings.
    slots = np.linspace(0.1, 0.9, n_clusters) * g.width + rng.uniform(-30, 30, n_clusters)
    centres = [(float(sx), float(rng.uniform(28, g.epidermis_bottom - 28))) for sx in slots]
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []

    def in_epidermis(x, y):
        return ((y > edge) & (y < g.epidermis_bottom - 3) & (x > 4) & (x < g.width - 4)
                & (distance_to_adnexa(g, x, y) > 2))

    made = 0
    used: list[tuple[float, float]] = []
    for cx, cy in centres:
        k = min(per_cluster, n_cluster_cells - made)
        if k <= 0:
            break
        used.append((cx, cy))
        x, y = _rejection(k, rng, lambda m, cx=cx, cy=cy: (rng.normal(cx, 7.0, m), rng.normal(cy, 5.0, m)),
                          in_epidermis)
        xs.append(x)
        ys.append(y)
        made += k
    if n_single:
        x, y = _rejection(n_single, rng,
                          lambda m: (rng.uniform(0, g.width, m), rng.uniform(edge, g.epidermis_bottom, m)),
                          in_epidermis)
        xs.append(x)
        ys.append(y)
    if n_dermal:
        def keep(x, y):
            return ((y > g.epidermis_bottom + 3) & (y < g.papillary_bottom + 70) & (x > 4) & (x < g.width - 4)
                    & (distance_to_vessels(g, x, y) > 2) & (distance_to_adnexa(g, x, y) > 2)
                    & ~in_bundle(g, x, y))

        x, y = _rejection(n_dermal, rng,
                          lambda m: (rng.uniform(0, g.width, m),
                                     rng.uniform(g.epidermis_bottom, g.papillary_bottom + 70, m)),
                          keep)
        xs.append(x)
        ys.append(y)
    x = np.concatenate(xs) if xs else np.zeros(0)
    y = np.concatenate(ys) if ys else np.zeros(0)
    return x, y, tuple(used)


_PLACERS = {
    "perivascular": _perivascular,
    "periadnexal": _periadnexal,
    "interstitial": _interstitial,
    "nodular_diffuse": _nodular_diffuse,
    "subcutaneous": _subcutaneous,
}


def _normalise_pattern(pattern: str) -> str:
    key = re.sub(r"[^a-z]+", "_", pattern.strip().lower()).strip("_") if isinstance(pattern, str) else None
    aliases = {"nodular": "nodular_diffuse", "diffuse": "nodular_diffuse", "nodular_diffuse": "nodular_diffuse",
               "t_cell": "epidermotropic", "tcell": "epidermotropic", "epidermotropism": "epidermotropic",
               "normal": "healthy", "none": "healthy", "single_file": "interstitial",
               "subcutis": "subcutaneous"}
    key = aliases.get(key, key)
    if key not in PATTERNS:
        raise FriendlyError(f"Unknown pattern {pattern!r}: use one of {', '.join(PATTERNS)}.")
    return key


def place_cells(pattern: str, rng: np.random.Generator, n_cells: int | None = None,
                geometry: SkinGeometry | None = None) -> Infiltrate:
    """Place ``n_cells`` leukemic cells (default: DEFAULT_CELLS) where ``pattern`` puts them, seeded by ``rng``."""
    key = _normalise_pattern(pattern)
    if not isinstance(rng, np.random.Generator):
        raise FriendlyError(
            "rng must be a numpy random Generator, so that the picture can be repeated: pass "
            f"numpy.random.default_rng(seed) (got {type(rng).__name__})."
        )
    if n_cells is None:
        n_cells = DEFAULT_CELLS[key]
    if isinstance(n_cells, bool) or not isinstance(n_cells, (int, np.integer)):
        raise FriendlyError(f"n_cells must be a whole number of cells (for example 200), not {n_cells!r}.")
    if not 0 <= n_cells <= MAX_CELLS:
        raise FriendlyError(f"n_cells must be between 0 and {MAX_CELLS:,}; got {n_cells}.")
    g = default_skin() if geometry is None else geometry
    n = 0 if key == "healthy" else int(n_cells)
    clusters: tuple[tuple[float, float], ...] = ()
    if n == 0:
        x, y = np.zeros(0), np.zeros(0)
    elif key == "epidermotropic":
        x, y, clusters = _epidermotropic(g, n, rng)
    else:
        x, y = _PLACERS[key](g, n, rng)
    x, y = np.round(x, 1), np.round(y, 1)
    x.setflags(write=False)
    y.setflags(write=False)
    return Infiltrate(pattern=key, x=x, y=y, geometry=g, clusters=clusters)


def place_all_patterns(seed: int = 2025, geometry: SkinGeometry | None = None) -> dict[str, Infiltrate]:
    """Every pattern's default cells, each from its own stream of ``SeedSequence(seed)`` (as the figure draws them)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise FriendlyError(f"seed must be a whole number, 0 or more, not {seed!r}.")
    g = default_skin() if geometry is None else geometry
    streams = np.random.SeedSequence(int(seed)).spawn(len(PATTERNS))
    return {p: place_cells(p, np.random.default_rng(s), geometry=g) for p, s in zip(PATTERNS, streams)}


# --------------------------------------------------------------------------------------------
# Sourced tables (data/skin/, see its README.md)
# --------------------------------------------------------------------------------------------

#: Kinds of source, strongest first: an original study, a review or chapter, a lower-authority source.
AUTHORITIES: tuple[str, ...] = ("primary", "review", "lower-authority")


@dataclass(frozen=True)
class LCFrequency:
    """How often leukemia cutis occurs in one type of leukemia, as a percent range from one kind of source."""

    leukemia_type: str
    chart_label: str
    low_percent: float
    high_percent: float
    measured: str
    series: str
    n_patients: int | None
    source: str
    authority: str

    @property
    def is_range(self) -> bool:
        """Whether the source gives a range rather than one figure."""
        return self.high_percent > self.low_percent


@dataclass(frozen=True)
class LCTiming:
    """When leukemia cutis appears relative to the leukemia diagnosis, as a percent range."""

    timing: str
    chart_label: str
    low_percent: float
    high_percent: float
    measured: str
    source: str
    authority: str


def _check(authority: str, low: float, high: float, where: str) -> None:
    if authority not in AUTHORITIES:
        raise FriendlyError(f"{where}: authority must be one of {', '.join(AUTHORITIES)}, not {authority!r}.")
    if not 0 <= low <= high <= 100:
        raise FriendlyError(f"{where}: the range {low}-{high} is not a percent range.")


@lru_cache(maxsize=None)
def lc_frequencies() -> tuple[LCFrequency, ...]:
    """Frequency of leukemia cutis by leukemia type (data/skin/lc_frequency.csv)."""
    rows = []
    for r in read_table("skin", "lc_frequency.csv"):
        row = LCFrequency(
            leukemia_type=r["leukemia_type"], chart_label=r["chart_label"], low_percent=float(r["low_percent"]),
            high_percent=float(r["high_percent"]), measured=r["measured"], series=r["series"],
            n_patients=int(r["n_patients"]) if r["n_patients"].strip() else None, source=r["source"],
            authority=r["authority"],
        )
        _check(row.authority, row.low_percent, row.high_percent, f"lc_frequency.csv, {row.leukemia_type}")
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=None)
def lc_timing() -> tuple[LCTiming, ...]:
    """When leukemia cutis appears relative to the leukemia diagnosis (data/skin/timing.csv)."""
    rows = []
    for r in read_table("skin", "timing.csv"):
        row = LCTiming(timing=r["timing"], chart_label=r["chart_label"], low_percent=float(r["low_percent"]),
                       high_percent=float(r["high_percent"]), measured=r["measured"], source=r["source"],
                       authority=r["authority"])
        _check(row.authority, row.low_percent, row.high_percent, f"timing.csv, {row.timing}")
        rows.append(row)
    return tuple(rows)
