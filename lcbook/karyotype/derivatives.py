"""Which segments make each chromosome a change leaves in the cell, top to bottom, in ISCN units.

The model work behind the karyogram: a derivative chromosome is a list of pieces of normal
chromosomes (a piece is (source chromosome or "?" for material of unknown origin, from, to), with
from > to when the piece runs upside down), worked out with one small rule per kind of change, and
then cut into finished band segments that the figure only has to draw.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from lcbook.karyotype.bands import Chromosome, break_position, chromosomes
from lcbook.karyotype.model import Abnormality, CellLine, ChromosomeCopy

__all__ = ["DrawnChromosome", "Segment", "derivative_chromosome", "line_chromosomes", "normal_chromosome"]

# A piece is (source chromosome or "?" for unknown material, from, to); from > to means reversed.
#: A piece of a normal chromosome (source, from, to); "?" is material of unknown origin.
Piece = tuple[str, float, float]


def _length(pieces: Sequence[Piece]) -> float:
    return sum(abs(b - a) for _, a, b in pieces)


def _locate(pieces: Sequence[Piece], src: str, pos: float) -> float:
    """Distance from the top of the chromosome at which position pos of chromosome src lies."""
    acc = 0.0
    for s, a, b in pieces:
        lo, hi = min(a, b), max(a, b)
        if s == src and lo - 1e-9 <= pos <= hi + 1e-9:
            return acc + abs(pos - a)
        acc += abs(b - a)
    raise ValueError(f"Chromosome {src} at {pos:.3f} is not in this chromosome.")


def _cut(pieces: Sequence[Piece], dist: float) -> tuple[list[Piece], list[Piece]]:
    """The pieces above and below a distance from the top."""
    top: list[Piece] = []
    bottom: list[Piece] = []
    acc = 0.0
    for s, a, b in pieces:
        n = abs(b - a)
        if acc + n <= dist + 1e-9:
            top.append((s, a, b))
        elif acc >= dist - 1e-9:
            bottom.append((s, a, b))
        else:
            direction = 1 if b >= a else -1
            m = a + direction * (dist - acc)
            top.append((s, a, m))
            bottom.append((s, m, b))
        acc += n
    return top, bottom


def _reverse(pieces: Sequence[Piece]) -> list[Piece]:
    return [(s, b, a) for s, a, b in reversed(pieces)]



class _Cell:
    """The band geometry at one level, for the rules below."""

    def __init__(self, resolution: int) -> None:
        self.res = resolution
        self.chroms: dict[str, Chromosome] = chromosomes(resolution)

    def normal(self, c: str) -> list[Piece]:
        return [(c, 0.0, self.chroms[c].length)]

    def pos(self, c: str, band: str) -> float:
        return break_position(c, band, self.res)

    def cen_side(self, pieces: list[Piece], own: str, dist: float, arm: str) -> str:
        """Which side of a break keeps the centromere of chromosome own: "top" or "bottom"."""
        cen = _locate(pieces, own, self.chroms[own].centromere)
        if abs(cen - dist) < 1e-9:
            return "top" if arm == "q" else "bottom"
        return "top" if cen < dist else "bottom"

    def distal(self, c: str, band: str) -> list[Piece]:
        """The segment of a normal chromosome beyond a break, from the break outwards."""
        p = self.pos(c, band)
        return [(c, p, self.chroms[c].length)] if band[0] == "q" else [(c, p, 0.0)]

    def terminal_loss(self, pieces: list[Piece], own: str, band: str, replace_with: list[Piece]) -> list[Piece]:
        """The part that keeps the centromere, with replace_with where the lost end was."""
        dist = _locate(pieces, own, self.pos(own, band))
        top, bottom = _cut(pieces, dist)
        if self.cen_side(pieces, own, dist, band[0]) == "top":
            return top + replace_with
        return _reverse(replace_with) + bottom

    def between(self, pieces: list[Piece], own: str, b1: str, b2: str) -> tuple[list[Piece], list[Piece], list[Piece]]:
        """The pieces above, between and below two breaks."""
        d1, d2 = sorted((_locate(pieces, own, self.pos(own, b1)), _locate(pieces, own, self.pos(own, b2))))
        top, rest = _cut(pieces, d1)
        middle, bottom = _cut(rest, d2 - d1)
        return top, middle, bottom


# --------------------------------------------------------------------------------------------------
# One rule per kind of change: the pieces of chromosome own after the change
# --------------------------------------------------------------------------------------------------

_Rule = Callable[[_Cell, list[Piece], Abnormality, str], list[Piece]]


def _translocation(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """t(A;B;C): A receives the segment beyond C's break, B A's, C B's."""
    chroms, bps = a.chromosomes, a.breakpoints
    j = chroms.index(own)
    donor = j - 1
    own_band, donor_band = bps[j][0], bps[donor][0]
    dist = _locate(pieces, own, cell.pos(own, own_band))
    top, bottom = _cut(pieces, dist)
    received = cell.distal(chroms[donor], donor_band)
    if cell.cen_side(pieces, own, dist, own_band[0]) == "top":
        return top + received
    return _reverse(received) + bottom


def _whole_arm_fusion(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """rob(A;B) and der(A;B): an arm of B above the centromere, an arm of A below it."""
    (a_band,), (b_band,) = a.breakpoints
    a_c, b_c = a.chromosomes
    a_cen, b_cen = cell.chroms[a_c].centromere, cell.chroms[b_c].centromere
    lower = (a_c, a_cen, cell.chroms[a_c].length) if a_band[0] == "q" else (a_c, a_cen, 0.0)
    upper = (b_c, cell.chroms[b_c].length, b_cen) if b_band[0] == "q" else (b_c, 0.0, b_cen)
    return [upper, lower]


def _isochromosome(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """i(A)(q10): two copies of one arm, mirrored at the centromere."""
    cen = cell.chroms[own].centromere
    arm = (own, cen, cell.chroms[own].length) if a.breakpoints[0][0][0] == "q" else (own, cen, 0.0)
    return _reverse([arm]) + [arm]


def _additional_material(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """add(A)(q22): the end beyond the break replaced by material of unknown origin, as long as what was lost."""
    band = a.breakpoints[0][0]
    dist = _locate(pieces, own, cell.pos(own, band))
    top, bottom = _cut(pieces, dist)
    lost = _length(bottom if cell.cen_side(pieces, own, dist, band[0]) == "top" else top)
    return cell.terminal_loss(pieces, own, band, [("?", 0.0, max(lost, 0.4))])


def _deletion(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """del(A)(q31): the end lost; del(A)(q13q33): the part between the breaks lost."""
    bands = a.breakpoints[0]
    if len(bands) not in (1, 2):
        raise ValueError(f"Drawing {a} is not supported.")
    if len(bands) == 1:
        return cell.terminal_loss(pieces, own, bands[0], [])
    top, _, bottom = cell.between(pieces, own, *bands)
    return top + bottom


def _interstitial(change: Callable[[list[Piece]], list[Piece]]) -> _Rule:
    """A rule for a change between two breaks on one chromosome: top + change(middle) + bottom."""
    def rule(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
        bands = a.breakpoints[0]
        if len(bands) != 2:
            raise ValueError(f"Drawing {a} is not supported.")
        top, middle, bottom = cell.between(pieces, own, *bands)
        return top + change(middle) + bottom
    return rule


def _ring(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """r(A)(p13q34): the part between the two breaks, its ends joined."""
    _, middle, _ = cell.between(pieces, own, *a.breakpoints[0])
    return middle


_RULES: dict[str, _Rule] = {
    "t": _translocation,
    "rob": _whole_arm_fusion,
    "i": _isochromosome,
    "add": _additional_material,
    "del": _deletion,
    "dup": _interstitial(lambda middle: middle + middle),
    "inv": _interstitial(_reverse),
    "r": _ring,
}


def _apply(cell: _Cell, pieces: list[Piece], a: Abnormality, own: str) -> list[Piece]:
    """The pieces of chromosome own after change a (one step of a derivative, or the whole change)."""
    rule = _whole_arm_fusion if a.is_fusion else _RULES.get(a.kind)
    if rule is None or (a.kind == "r" and len(a.breakpoints[0]) != 2):
        raise ValueError(f"Drawing {a} is not supported.")
    return rule(cell, pieces, a, own)


def derivative_pieces(a: Abnormality, name: str, resolution: int) -> list[Piece]:
    """The pieces of the chromosome named name that change a leaves in the cell."""
    cell = _Cell(resolution)
    if a.kind == "der" and a.steps:
        pieces = cell.normal(name)
        for step in a.steps:
            if name not in step.chromosomes:
                raise ValueError(f"Drawing {a} is not supported.")
            pieces = _apply(cell, pieces, step, name)
        return pieces
    return _apply(cell, cell.normal(name), a, name)


# --------------------------------------------------------------------------------------------------
# Finished segments: what the figure draws
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """One band (or part of one) of a drawn chromosome, top to bottom, and where its ends lie in the band."""

    name: str        # "21q22.1", or "" for material of unknown origin
    stain: str       # the G-band stain (gneg ... gpos100, acen, gvar, stalk), or "unknown"
    length: float    # thousands of ISCN units
    top: float = 0.0     # where the segment's top lies in its band: 0 at the band's pter end, 1 at its qter end
    bottom: float = 1.0  # where its bottom lies (top > bottom when the segment runs upside down)

    @property
    def arm(self) -> str:
        """The arm of the band: "p", "q", or "" for unknown material."""
        return self.name.lstrip("0123456789XY")[:1]


@dataclass(frozen=True)
class DrawnChromosome:
    """A chromosome as segments top to bottom, where its centromere lies, and whether its shape was worked out."""

    segments: tuple[Segment, ...]
    centromere: float
    exact: bool = True  # False: a rearrangement whose shape is not worked out, drawn as the normal chromosome


def _frac(band, pos: float) -> float:
    return (pos - band.start) / max(1e-9, band.end - band.start)


def segments(pieces: Sequence[Piece], resolution: int) -> tuple[Segment, ...]:
    """The band segments that pieces of normal chromosomes cover, top to bottom."""
    chroms = chromosomes(resolution)
    out: list[Segment] = []
    for src, a, b in pieces:
        if src == "?":
            out.append(Segment("", "unknown", abs(b - a)))
            continue
        lo, hi = min(a, b), max(a, b)
        parts = []
        for band in chroms[src].bands:
            s, e = max(band.start, lo), min(band.end, hi)
            if e - s > 1e-6:
                parts.append(Segment(f"{src}{band.name}", band.stain, e - s, _frac(band, s), _frac(band, e)))
        if b < a:
            parts = [Segment(p.name, p.stain, p.length, p.bottom, p.top) for p in reversed(parts)]
        out.extend(parts)
    return tuple(out)


def normal_chromosome(c: str, resolution: int) -> DrawnChromosome:
    """A normal chromosome c at a band level."""
    ch = chromosomes(resolution)[c]
    return DrawnChromosome(segments([(c, 0.0, ch.length)], resolution), ch.centromere)


def derivative_chromosome(a: Abnormality, name: str, resolution: int) -> DrawnChromosome:
    """The chromosome named name that change a leaves, or the normal one (exact=False) if its shape is not worked out."""
    chroms = chromosomes(resolution)
    try:
        pieces = derivative_pieces(a, name, resolution)
        segs = segments(pieces, resolution)
        try:
            cen = _locate(pieces, name, chroms[name].centromere)
        except ValueError:
            cen = _length(pieces) / 2
        if not segs:
            raise ValueError("nothing left to draw")
    except (ValueError, IndexError):
        normal = normal_chromosome(name, resolution)
        return DrawnChromosome(normal.segments, normal.centromere, exact=False)
    return DrawnChromosome(segs, cen)


def line_chromosomes(
    line: CellLine, copies: Sequence[ChromosomeCopy]
) -> tuple[tuple[ChromosomeCopy, Abnormality | None], ...]:
    """Each chromosome copy of a cell line with the change that made it (None for normal, extra and markers)."""
    queue: dict[str, list[Abnormality]] = {}
    for a in line.abnormalities:
        if a.is_structural:
            for name, _ in a.derivatives():
                queue.setdefault(name, []).append(a)
    return tuple((copy, queue[copy.name].pop(0) if copy.kind == "structural" else None) for copy in copies)
