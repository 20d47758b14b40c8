"""The karyogram: a cell's chromosomes in Denver groups, G-banded in grey, with the changes outlined.

Drawn in ISCN units (what is seen under the microscope), with the centromere found by the acen
bands and drawn as a waist. A karyogram is a few scatter traces: one filled-polygon trace per
stain (polygons separated by None), the hatching, the outlines, the halos of changed chromosomes,
one text trace of labels and one invisible trace that names the band under the pointer; never one
shape per band. Everything is deterministic: the same karyotype gives the same JSON.

The preset viewer of the static page keeps whatever every preset draws alike in such traces, and
draws each variant of a slot that differs (21 with two or three copies, the sex chromosomes ...)
as a few path shapes and a hover trace; a state only switches opacities, hoverinfo and the title,
which plotly.js applies without recomputing the figure.

    >>> fig = karyogram("47,XY,+21")          # one karyotype
    >>> viewer = karyotype_viewer()           # nine presets switched client-side in the page
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any, Sequence

import plotly.graph_objects as go

from lcbook import data
from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative, wrap_lines
from lcbook.karyotype import (
    AUTOSOMES,
    CHROMOSOMES,
    CellLine,
    Karyotype,
    chromosome_copies,
    describe,
    parse_karyotype,
)
from lcbook.karyotype.bands import RESOLUTIONS, check_resolution, chromosomes
from lcbook.karyotype.derivatives import Segment, derivative_chromosome, line_chromosomes, normal_chromosome
from lcbook.karyotype.genes import gene_locus, gene_places

__all__ = [
    "DEFAULT_PRESETS",
    "HIGHLIGHT_COLOURS",
    "RESOLUTIONS",
    "STAIN_COLOURS",
    "POLYGON_KINDS",
    "TRACE_KINDS",
    "karyogram",
    "karyotype_table",
    "karyotype_viewer",
]

#: The karyotypes the chapter's viewer switches between.
DEFAULT_PRESETS: tuple[str, ...] = (
    "46,XX",
    "46,XY",
    "47,XX,+21",
    "47,XY,+21",
    "mos 47,XY,+21[12]/46,XY[8]",
    "46,XY,rob(14;21)(q10;q10),+21",
    "47,XXY",
    "48,XXYY",
    "45,X",
)

#: G-band stains in grey scale: pale (gneg) to dark (gpos100); acen is drawn as the waist.
STAIN_COLOURS: dict[str, str] = {
    "gneg": "#FFFFFF",
    "gpos25": "#D9D9D9",
    "gpos50": "#A6A6A6",
    "gpos75": "#6B6B6B",
    "gpos100": "#262626",
    "gvar": "#EDEDED",      # variable heterochromatin: light, hatched
    "stalk": "#C4C4C4",     # satellite stalk: drawn narrow
    "acen": "#8C8C8C",      # centromere: the constriction
    "unknown": "#FFFFFF",   # material of unknown origin (add, markers): cross-hatched
}
_HATCHED = frozenset({"gvar", "unknown"})  # drawn with diagonal hatching over their fill
_HATCH_COLOUR = "#7A7A7A"
#: Okabe-Ito outline colours of the changed chromosomes.
HIGHLIGHT_COLOURS: dict[str, str] = {
    "extra": OKABE_ITO["vermillion"],
    "structural": OKABE_ITO["blue"],
    "marker": OKABE_ITO["reddish_purple"],
    "missing": OKABE_ITO["black"],
    "gene": OKABE_ITO["orange"],
    "partner": OKABE_ITO["bluish_green"],
}
_STAIN_WORDS = {"acen": "centromere", "gvar": "variable heterochromatin", "stalk": "satellite stalk"}

#: What a karyogram is drawn with, bottom to top: each is one trace, or one path shape per variant.
#: White stains are not painted: the background is white (and a white body covers a halo's tint).
POLYGON_KINDS: tuple[str, ...] = (
    "halo:extra", "halo:structural", "halo:marker", "body",
    *(f"stain:{s}" for s, colour in STAIN_COLOURS.items() if colour != "#FFFFFF"),
    "hatch", "outline", "missing", "partner", "gene",
)
#: Kinds drawn only in figures that need them (no empty trace otherwise).
_OPTIONAL_KINDS = frozenset({"partner", "gene"})
#: The traces of a karyogram: the polygon kinds, the labels, and the invisible trace that names bands on hover.
TRACE_KINDS: tuple[str, ...] = (*POLYGON_KINDS, "labels", "hover")
#: Label styles: font size, colour, bold.
_LABEL_STYLES: dict[str, tuple[int, str, bool]] = {
    "chromosome": (12, "#000000", False),
    "change": (12, "#000000", True),
    "group": (12, "#595959", True),
    "gene": (12, "#000000", False),  # beside its orange bar, read from the left
    "gene-left": (12, "#000000", False),  # the same, left of the bar, at the right end of a row
}
#: A gene's name sits on a pale box, so that it stays readable where it overlaps the next chromosome.
_GENE_LABEL_BG = "rgba(255,255,255,0.92)"
_GENE_LABEL_GAP = 0.6  # marks of a gene closer than this (in a slot) share one label

# Geometry, in thousands of ISCN units (chromosome 1 is 15.1 long).
_W = 1.0            # chromosome width
_PITCH = 1.38       # center to center of homologues
_SLOT_GAP = 0.95    # between the copies of two chromosomes
_LEAD = 1.15        # before each Denver group (room for its letter)
_WAIST = 0.42       # width at the centromere
_STALK = 0.34       # width of a satellite stalk
_TOP_PAD = 1.45     # above a row: change labels
_BOTTOM_PAD = 1.25  # below a row: chromosome labels
_HALO = 0.3         # halo margin around a changed chromosome
_MIN_AUTOSOME_SLOT = 3  # room for a trisomy in every slot, so that presets share one layout
_MIN_SEX_SLOT = 4       # room for XXYY
_HEIGHT = 776  # 760 for the plot and its title, and 16 for the key's third line
_MARGIN = dict(l=4, r=4, t=70, b=62)  # t: a title with two lines below it; b: the three-line key


# --------------------------------------------------------------------------------------------------
# One drawn chromosome: segments with widths, and what it means
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    name: str        # "21q22.1", or "" for material of unknown origin
    stain: str
    length: float
    w_top: float
    w_bottom: float


@dataclass(frozen=True)
class _Item:
    """One chromosome (or the gap of a missing one) in a slot of the karyogram."""

    kind: str                # normal, extra, structural, marker, missing
    group: str               # the label it sits under: "21", "X", "Y", "mar"; "" for none
    label: str               # the change label above it: "+21", "rob(14;21)", "mar", "-7"
    note: str                # what the hover says about the whole chromosome ("" for a normal one)
    segments: tuple[_Segment, ...]
    cen: float               # distance from the top to the centromere that sits on the row line
    genes: tuple[tuple[str, float, str, str, str], ...] = ()  # genes marked on it: (symbol, distance, junction, fusion, fusion_on)


def _width(seg: Segment, frac: float) -> float:
    """The width of a segment where it lies at frac through its band: narrower in a stalk and towards the centromere."""
    if seg.stain == "stalk":
        return _STALK
    if seg.stain != "acen":
        return _W
    if seg.arm == "p":  # narrows towards the centromere at its lower end
        return _W - (_W - _WAIST) * frac
    return _WAIST + (_W - _WAIST) * frac


def _drawn_segments(segs: Sequence[Segment]) -> tuple[_Segment, ...]:
    """The model's segments with the widths they are drawn with."""
    return tuple(_Segment(s.name, s.stain, s.length, _width(s, s.top), _width(s, s.bottom)) for s in segs)


def _marker_segments() -> tuple[_Segment, ...]:
    """A small marker chromosome: unknown material around a centromere."""
    return (
        _Segment("", "unknown", 0.55, _W, _W),
        _Segment("", "acen", 0.12, _W, _WAIST),
        _Segment("", "acen", 0.12, _WAIST, _W),
        _Segment("", "unknown", 0.75, _W, _W),
    )


@dataclass(frozen=True)
class _LineDrawing:
    """A cell line as slots of items: "1".."22", "sex", and "mar" for markers."""

    slots: dict[str, tuple[_Item, ...]]


def _slot_of(name: str) -> str:
    if name in ("X", "Y"):
        return "sex"
    return name


def _wrap_words(text: str, width: int = 40) -> str:
    """Break a hover note into short lines for small screens."""
    return wrap_lines(text, width)


def _wrap_label(label: str) -> str:
    if len(label) <= 10:
        return label
    return re.sub(r"\)(?=[a-z+])", ")<br>", label)


def _draw_line(line: CellLine, k: Karyotype, index: int, resolution: int, genes: Sequence[str] = ()) -> _LineDrawing:
    copies = chromosome_copies(k, index)
    slots: dict[str, list[_Item]] = defaultdict(list)
    marked: dict[int, list[tuple[str, float, str, str, str]]] = defaultdict(list)
    for place in gene_places(k, tuple(genes), index, resolution):
        marked[place.copy].append((place.symbol, place.distance, place.junction, place.fusion, place.fusion_on))

    def normal_item(c: str, kind: str = "normal", label: str = "", note: str = "") -> _Item:
        drawn = normal_chromosome(c, resolution)
        return _Item(kind, c, label, note, _drawn_segments(drawn.segments), drawn.centromere)

    for j, (copy, a) in enumerate(line_chromosomes(line, copies)):
        n_before = sum(len(v) for v in slots.values())
        if copy.kind == "normal":
            slots[_slot_of(copy.name)].append(normal_item(copy.name))
        elif copy.kind == "extra":
            slots[_slot_of(copy.name)].append(
                normal_item(copy.name, "extra", copy.label, f"extra copy of chromosome {copy.name} ({copy.label})")
            )
        elif copy.kind == "marker":
            slots["mar"].append(
                _Item("marker", "", copy.label, "marker chromosome: extra material whose origin banding "
                      "cannot identify", _marker_segments(), 0.67)
            )
        else:
            with_what = [c for c in copy.contains if c != copy.name]
            note = f"rearranged: {a}" if not with_what else f"{a}: this chromosome joins material of chromosomes {' and '.join([copy.name, *with_what])}"
            drawn = derivative_chromosome(a, copy.name, resolution)
            if not drawn.exact:
                note += " (drawn as the normal chromosome: its shape is not worked out here)"
            slots[_slot_of(copy.name)].append(
                _Item("structural", copy.name, _wrap_label(copy.label), note, _drawn_segments(drawn.segments),
                      drawn.centromere)
            )
        if marked.get(j) and sum(len(v) for v in slots.values()) > n_before:
            slot = slots["mar" if copy.kind == "marker" else _slot_of(copy.name)]
            slot[-1] = replace(slot[-1], genes=tuple(marked[j]))
    # Missing chromosomes: fewer copies of an autosome's material, or of sex chromosomes, than the ploidy.
    ploidy = line.ploidy
    for c in AUTOSOMES:
        present = sum(1 for x in copies if c in x.contains)
        for _ in range(max(0, ploidy - present)):
            slots[c].append(normal_item(c, "missing", f"\u2212{c}", f"missing: one chromosome {c}"))
    sex = [x for x in copies if x.name in ("X", "Y")]
    missing_sex = max(0, ploidy - len(sex))
    if missing_sex:
        lost = "Y" if "Y" in line.losses else "X"
        ghost = _Item(
            "missing", "", "missing",
            "missing: a second sex chromosome (X or Y)" if lost == "X" and "X" not in line.losses
            else f"missing: chromosome {lost}",
            normal_item(lost).segments, normal_chromosome(lost, resolution).centromere,
        )
        items = slots["sex"]
        at = len(items) if lost == "Y" else sum(1 for it in items if it.group == "X")
        slots["sex"] = items[:at] + [ghost] * missing_sex + items[at:]
    return _LineDrawing({key: tuple(v) for key, v in slots.items()})


# --------------------------------------------------------------------------------------------------
# Layout: Denver groups in rows, one slot per chromosome, centromeres on each row's line
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Layout:
    slot_x: dict[str, tuple[float, float]]        # slot -> (left, right)
    slot_row: dict[str, int]
    row_cen: tuple[float, ...]                    # y of each row's centromere line
    row_bottom: tuple[float, ...]                 # y of each row's chromosome labels
    letters: tuple[tuple[str, float, float], ...]  # Denver group letter, x, y
    width: float
    bottom: float


def _rows(with_markers: bool) -> list[list[tuple[str, list[str]]]]:
    rows = [[(g, ["sex" if c in ("X", "Y") else c for c in cs]) for g, cs in row] for row in data.karyogram_layout()["rows"]]
    for row in rows:
        for j, (g, cs) in enumerate(row):
            row[j] = (g, list(dict.fromkeys(cs)))
    if with_markers:
        rows[-1].append(("mar", ["mar"]))
    return rows


def _extent(item: _Item) -> tuple[float, float]:
    total = sum(s.length for s in item.segments)
    return item.cen, total - item.cen


def _layout(drawings: Sequence[_LineDrawing], resolution: int) -> _Layout:
    chroms = chromosomes(resolution)
    caps: dict[str, int] = {c: _MIN_AUTOSOME_SLOT for c in AUTOSOMES}
    caps["sex"] = _MIN_SEX_SLOT
    caps["mar"] = 0
    above: dict[str, float] = {c: chroms[c].centromere for c in CHROMOSOMES}
    below: dict[str, float] = {c: chroms[c].length - chroms[c].centromere for c in CHROMOSOMES}
    above["sex"], below["sex"] = max(above["X"], above["Y"]), max(below["X"], below["Y"])
    above["mar"] = below["mar"] = 0.0
    for d in drawings:
        for slot, items in d.slots.items():
            caps[slot] = max(caps[slot], len(items))
            for it in items:
                up, down = _extent(it)
                above[slot] = max(above[slot], up)
                below[slot] = max(below[slot], down)
    rows = _rows(caps["mar"] > 0)
    widths = []
    for row in rows:
        w = 0.0
        for _, slots in row:
            w += _LEAD + sum(_slot_width(caps[s]) for s in slots) + _SLOT_GAP * (len(slots) - 1)
        widths.append(w)
    width = max(widths)
    slot_x: dict[str, tuple[float, float]] = {}
    slot_row: dict[str, int] = {}
    letters = []
    row_cen, row_bottom = [], []
    y = 0.0
    for r, row in enumerate(rows):
        slots_in_row = [s for _, ss in row for s in ss]
        up = max(above[s] for s in slots_in_row)
        down = max(below[s] for s in slots_in_row)
        cen_y = y - _TOP_PAD - up
        row_cen.append(cen_y)
        row_bottom.append(cen_y - down - _BOTTOM_PAD * 0.55)
        x = (width - widths[r]) / 2
        for g, slots in row:
            if g not in ("sex", "mar"):
                letters.append((g, x + _LEAD * 0.4, cen_y))
            x += _LEAD
            for j, s in enumerate(slots):
                w = _slot_width(caps[s])
                slot_x[s] = (x, x + w)
                slot_row[s] = r
                x += w + (_SLOT_GAP if j < len(slots) - 1 else 0)
        y = cen_y - down - _BOTTOM_PAD
    return _Layout(slot_x, slot_row, tuple(row_cen), tuple(row_bottom), tuple(letters), width, y)


def _slot_width(cap: int) -> float:
    return _W + _PITCH * (cap - 1) if cap else 0.0


# --------------------------------------------------------------------------------------------------
# Geometry: what each slot draws
# --------------------------------------------------------------------------------------------------

_Point = tuple[float, float]


def _r(v: float) -> float:
    return round(v, 2) + 0.0


@dataclass
class _Parts:
    """What one slot (or a whole karyogram) draws: polygons by kind, labels, and hover points."""

    polys: dict[str, list[tuple[_Point, ...]]] = field(default_factory=lambda: defaultdict(list))
    labels: list[tuple[float, float, str, str]] = field(default_factory=list)  # x, y, text, style
    hover: list[tuple[float, float, str]] = field(default_factory=list)

    def add(self, kind: str, points: Sequence[_Point]) -> None:
        self.polys[kind].append(tuple((_r(x), _r(y)) for x, y in points))

    def extend(self, other: _Parts) -> None:
        for kind, polys in other.polys.items():
            self.polys[kind].extend(polys)
        self.labels.extend(other.labels)
        self.hover.extend(other.hover)

    def key(self) -> tuple:
        """Everything drawn, as a hashable value: two slots with equal keys look the same."""
        polys = tuple((k, tuple(self.polys[k])) for k in POLYGON_KINDS if self.polys.get(k))
        return polys, tuple(self.labels), tuple(self.hover)


def _chamfer(length: float) -> tuple[float, float]:
    return 0.22 * _W, min(0.22, 0.45 * length)


def _hatch(x0: float, x1: float, y0: float, y1: float, both: bool, step: float = 0.3) -> list[list[_Point]]:
    """Diagonal lines filling the rectangle [x0, x1] x [y0, y1] (y0 below y1); both: cross-hatched."""
    w, h = x1 - x0, y1 - y0
    lines = []
    for mirror in ((False, True) if both else (False,)):
        t = -w + step / 2
        while t < h:
            xs, xe = max(0.0, -t), min(w, h - t)
            if xe - xs > 0.03:
                a, b = (x0 + xs, y0 + t + xs), (x0 + xe, y0 + t + xe)
                if mirror:
                    a, b = (x0 + x1 - a[0], a[1]), (x0 + x1 - b[0], b[1])
                lines.append([a, b])
            t += step
    return lines


def _draw_item(item: _Item, xc: float, cen_y: float, parts: _Parts) -> None:
    top = cen_y + item.cen
    segs = item.segments
    bottom = top - sum(s.length for s in segs)
    ch_top, cv_top = _chamfer(segs[0].length)
    ch_bot, cv_bot = _chamfer(segs[-1].length)
    if item.kind != "missing":
        y = top
        for i, s in enumerate(segs):
            y0, y1 = y, y - s.length
            wt, wb = s.w_top / 2, s.w_bottom / 2
            first, last = i == 0, i == len(segs) - 1
            pts: list[_Point] = []
            if first:
                pts += [(xc - wt + ch_top, y0), (xc + wt - ch_top, y0), (xc + wt, y0 - cv_top)]
            else:
                pts += [(xc - wt, y0), (xc + wt, y0)]
            if last:
                pts += [(xc + wb, y1 + cv_bot), (xc + wb - ch_bot, y1), (xc - wb + ch_bot, y1), (xc - wb, y1 + cv_bot)]
            else:
                pts += [(xc + wb, y1), (xc - wb, y1)]
            if first:
                pts.append((xc - wt, y0 - cv_top))
            if STAIN_COLOURS[s.stain] != "#FFFFFF":
                parts.add(f"stain:{s.stain}", pts)
            if s.stain in _HATCHED:
                half = min(wt, wb) - 0.05
                for line in _hatch(xc - half, xc + half, y1 + (cv_bot if last else 0.0), y0 - (cv_top if first else 0.0),
                                   both=s.stain == "unknown"):
                    parts.add("hatch", line)
            word = _STAIN_WORDS.get(s.stain, "")
            text = f"<b>{s.name}</b>" + (f" ({word})" if word else "") if s.name else "<b>material of unknown origin</b>"
            if item.note:
                text += f"<br>{_wrap_words(item.note)}"
            parts.hover.append((_r(xc), _r((y0 + y1) / 2), text))
            y = y1
    # The outline: down the right side, up the left, keeping only the corners.
    profile: list[tuple[float, float]] = []
    y = top
    for s in segs:
        for p in ((y, s.w_top / 2), (y - s.length, s.w_bottom / 2)):
            if not profile or profile[-1] != p:
                profile.append(p)
        y -= s.length
    profile = [
        p for i, p in enumerate(profile)
        if i in (0, len(profile) - 1) or not (profile[i - 1][1] == p[1] == profile[i + 1][1])
    ]
    (y_first, w_first), (y_last, w_last) = profile[0], profile[-1]
    right = [(xc + w_first - ch_top, y_first), (xc + w_first, y_first - cv_top)]
    right += [(xc + w, yy) for yy, w in profile[1:-1]]
    right += [(xc + w_last, y_last + cv_bot), (xc + w_last - ch_bot, y_last)]
    outline = right + [(2 * xc - px, py) for px, py in reversed(right)]
    outline.append(outline[0])
    parts.add("missing" if item.kind == "missing" else "outline", outline)
    if item.kind in ("extra", "structural", "marker"):
        m, c = _HALO, 0.3
        x0, x1, y0, y1 = xc - _W / 2 - m, xc + _W / 2 + m, bottom - m, top + m
        parts.add(f"halo:{item.kind}",
                  [(x0 + c, y1), (x1 - c, y1), (x1, y1 - c), (x1, y0 + c), (x1 - c, y0), (x0 + c, y0), (x0, y0 + c), (x0, y1 - c)])
        parts.add("body", outline[:-1])
    if item.kind == "structural":
        _draw_partner_strips(item, xc, top, parts)
    drawn: set[float] = set()
    for symbol, dist, junction, fusion, fusion_on in item.genes:
        g = gene_locus(symbol)
        y = top - dist
        m = 0.14
        if _r(y) not in drawn:  # genes at one junction share a bar (two bars in one path would cancel out)
            drawn.add(_r(y))
            parts.add("gene", [(xc - _W / 2 - 0.22, y + m), (xc + _W / 2 + 0.22, y + m),
                               (xc + _W / 2 + 0.22, y - m), (xc - _W / 2 - 0.22, y - m)])
        text = f"<b>{symbol}</b> ({g.name}): {g.role} (page: {_page_of(symbol)})"
        if junction:
            where = ("at the two junctions of the inverted chromosome" if junction.startswith("inv(")
                     else "on the two derivatives")
            inside = symbol if fusion else f"{symbol}'s band"
            text += f". {junction} breaks within {inside}, so its two ends are {where}"
            if fusion and fusion_on:
                text += (f"; the {fusion} fusion gene forms here, on der({fusion_on})" if fusion_on == item.group
                         else f"; this is the reciprocal join: the {fusion} fusion gene is on der({fusion_on})")
            elif fusion:
                text += f"; the {fusion} fusion gene forms at one of these junctions"
        parts.hover.append((_r(xc), _r(y), _wrap_words(text)))
    if item.kind == "missing":
        parts.hover.append((_r(xc), _r((top + bottom) / 2), f"<b>{_wrap_words(item.note)}</b>"))
    if item.label:
        extra_lines = item.label.count("<br>")
        parts.labels.append((_r(xc), _r(top + _HALO + 0.45 + 0.4 * extra_lines), item.label, "change"))


def _merge_repeated(labels: list[tuple[float, float, str, str]]) -> list[tuple[float, float, str, str]]:
    """Side-by-side copies with the same change label get one label over them all ("+X ×3"): no overlaps on a phone."""
    out: list[tuple[float, float, str, str]] = []
    run: list[tuple[float, float, str, str]] = []

    def flush() -> None:
        if len(run) > 1:
            x = _r(sum(lab[0] for lab in run) / len(run))
            out.append((x, run[0][1], f"{run[0][2]} ×{len(run)}", "change"))
        else:
            out.extend(run)
        run.clear()

    for lab in labels:
        if run and not (lab[3] == "change" and lab[1:] == run[-1][1:]):
            flush()
        (run if lab[3] == "change" else out).append(lab)
    flush()
    return out


def _source(segment_name: str) -> str:
    """The chromosome a segment comes from ("9" for "9p21.3"; "" for unknown material)."""
    m = re.match(r"\d+|[XY]", segment_name)
    return m.group() if m else ""


def _draw_partner_strips(item: _Item, xc: float, top: float, parts: _Parts) -> None:
    """A strip beside each run of segments that came from another chromosome: the partner's material."""
    y, run = top, None
    x0, x1 = xc + _W / 2 + 0.05, xc + _W / 2 + 0.28  # wide enough to see past the halo on a phone
    for seg in (*item.segments, None):
        foreign = seg is not None and _source(seg.name) not in ("", item.group)
        if foreign and run is None:
            run = y
        if not foreign and run is not None:
            parts.add("partner", [(x0, run), (x1, run), (x1, y), (x0, y)])
            run = None
        if seg is not None:
            y -= seg.length


def _gene_labels(items: Sequence[_Item], xs: Sequence[float], cen_y: float,
                 left: bool = False) -> list[tuple[float, float, str, str]]:
    """The names of the marked genes beside their bars, one label for the marks at about one height in a slot.

    Right of the pair, or left of it (``left``) at the right end of a row, where it would run off the figure.
    """
    marks = sorted(((cen_y + it.cen - dist, xc, symbol) for it, xc in zip(items, xs) for symbol, dist, *_ in it.genes),
                   reverse=True)
    clusters: list[list[tuple[float, float, str]]] = []
    for mark in marks:
        if clusters and clusters[-1][-1][0] - mark[0] < _GENE_LABEL_GAP:
            clusters[-1].append(mark)
        else:
            clusters.append([mark])
    out = []
    for cluster in clusters:
        names = list(dict.fromkeys(symbol for _, _, symbol in cluster))
        if left:
            x = min(xc for _, xc, _ in cluster) - _W / 2 - 0.3
        else:
            x = max(xc for _, xc, _ in cluster) + _W / 2 + 0.3
        y = sum(y for y, _, _ in cluster) / len(cluster)
        out.append((_r(x), _r(y), "<br>".join(f"<i>{n}</i>" for n in names), "gene-left" if left else "gene"))
    return out


def _draw_slots(drawing: _LineDrawing, layout: _Layout) -> dict[str, _Parts]:
    """What each slot of the layout draws for one cell line (an empty slot: only its label, if any)."""
    out: dict[str, _Parts] = {}
    row_end = {}
    for slot, (x0, x1) in layout.slot_x.items():
        row = layout.slot_row[slot]
        if row not in row_end or x1 > layout.slot_x[row_end[row]][1]:
            row_end[row] = slot
    for slot, (x0, x1) in layout.slot_x.items():
        parts = _Parts()
        items = drawing.slots.get(slot, ())
        row = layout.slot_row[slot]
        centre = (x0 + x1) / 2
        xs = [centre + (i - (len(items) - 1) / 2) * _PITCH for i in range(len(items))]
        for it, xc in zip(items, xs):
            _draw_item(it, xc, layout.row_cen[row], parts)
        parts.labels = _merge_repeated(parts.labels)
        parts.labels.extend(_gene_labels(items, xs, layout.row_cen[row], left=row_end[row] == slot))
        # Labels under the chromosomes: one per pair; X and Y each under their own copies.
        groups: dict[str, list[float]] = {}
        for it, xc in zip(items, xs):
            if slot == "mar":
                continue  # a marker's own label says what it is
            if slot != "sex":
                groups.setdefault(slot, []).append(xc)
            elif it.kind != "missing":
                groups.setdefault(it.group, []).append(xc)
        if slot not in ("sex", "mar") and not groups:
            groups[slot] = [centre]
        for name, gx in groups.items():
            parts.labels.append((_r(sum(gx) / len(gx)), _r(layout.row_bottom[row]), name, "chromosome"))
        out[slot] = parts
    for slot in row_end.values():
        if slot in out:
            others = [lab for s, p in out.items() if s != slot and layout.slot_row[s] == layout.slot_row[slot]
                      for lab in p.labels if lab[3] == "gene"]
            out[slot].labels = [_clear_of(lab, others) if lab[3] == "gene-left" else lab for lab in out[slot].labels]
    return out


#: About how much room a gene's name takes, in drawing units (12 px italic on a phone's karyogram).
_GENE_CHAR_W = 0.6
_GENE_LINE_H = 1.4


def _gene_label_box(lab: tuple[float, float, str, str]) -> tuple[float, float, float, float]:
    names = lab[2].split("<br>")
    width = _GENE_CHAR_W * max(len(re.sub(r"<[^>]+>", "", n)) for n in names)
    half = _GENE_LINE_H * len(names) / 2
    x0 = lab[0] - width if lab[3] == "gene-left" else lab[0]
    return x0, x0 + width, lab[1] - half, lab[1] + half


def _clear_of(lab: tuple[float, float, str, str], others: Sequence[tuple[float, float, str, str]]) -> tuple[float, float, str, str]:
    """A left-hand gene label moved down (or up) until it clears the right-hand ones of the slots beside it."""
    x0, x1, y0, y1 = _gene_label_box(lab)
    for other in sorted(others, key=lambda o: -o[1]):
        ox0, ox1, oy0, oy1 = _gene_label_box(other)
        if min(x1, ox1) - max(x0, ox0) > 0 and min(y1, oy1) - max(y0, oy0) > 0:
            shift = (oy0 - y1) if lab[1] <= other[1] else (oy1 - y0)
            lab = (lab[0], _r(lab[1] + shift), lab[2], lab[3])
            x0, x1, y0, y1 = _gene_label_box(lab)
    return lab


# --------------------------------------------------------------------------------------------------
# Parts to plotly: traces (what never changes), path shapes and annotations (what a state switches)
# --------------------------------------------------------------------------------------------------


def _style(kind: str) -> dict[str, Any]:
    """Fill and line of a polygon kind, the same for its trace and for its shapes."""
    if kind.startswith("stain:"):
        colour = STAIN_COLOURS[kind.split(":", 1)[1]]
        return dict(fillcolor=colour, line=dict(width=0, color=colour))
    if kind == "body":
        return dict(fillcolor="#FFFFFF", line=dict(width=0, color="#FFFFFF"))
    if kind.startswith("halo:"):
        colour = HIGHLIGHT_COLOURS[kind.split(":", 1)[1]]
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return dict(fillcolor=f"rgba({r},{g},{b},0.16)", line=dict(width=2.5, color=colour))
    if kind == "hatch":
        return dict(line=dict(width=0.8, color=_HATCH_COLOUR))
    if kind == "outline":
        return dict(line=dict(width=1, color="#1A1A1A"))
    if kind == "missing":
        return dict(line=dict(width=1.6, color=HIGHLIGHT_COLOURS["missing"], dash="dot"))
    if kind == "gene":
        return dict(fillcolor=HIGHLIGHT_COLOURS["gene"], line=dict(width=1, color="#000000"))
    if kind == "partner":
        return dict(fillcolor=HIGHLIGHT_COLOURS["partner"], line=dict(width=0, color=HIGHLIGHT_COLOURS["partner"]))
    raise ValueError(f"Unknown polygon kind {kind!r}.")


def _xy(polys: Sequence[Sequence[_Point]]) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for poly in polys:
        if xs:
            xs.append(None)
            ys.append(None)
        xs.extend(x for x, _ in poly)
        ys.extend(y for _, y in poly)
    return xs, ys


def _polygon_trace(kind: str, polys: Sequence[Sequence[_Point]]) -> go.Scatter:
    xs, ys = _xy(polys)
    style = _style(kind)
    fill = dict(fill="toself", fillcolor=style["fillcolor"]) if "fillcolor" in style else {}
    return go.Scatter(name=kind, x=xs, y=ys, mode="lines", line=style["line"], hoverinfo="skip",
                      showlegend=False, **fill)


def _hover_trace(points: Sequence[tuple[float, float, str]], active: bool = True) -> go.Scatter:
    """Invisible points (a zero-width line: no DOM node per point) that name the band under the pointer."""
    return go.Scatter(
        name="hover", x=[p[0] for p in points], y=[p[1] for p in points], hovertext=[p[2] for p in points],
        mode="lines", line=dict(width=0, color="#000000"), hoveron="points",
        hoverinfo="text" if active else "skip", showlegend=False,
    )


def _n(v: float) -> str:
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _shape(kind: str, polys: Sequence[Sequence[_Point]], opacity: float) -> dict[str, Any]:
    """One path shape holding every polygon of a kind (Z closes the filled ones)."""
    close = "Z" if kind.startswith(("stain:", "halo:", "body", "gene", "partner")) else ""
    path = "".join("M" + "L".join(f"{_n(x)},{_n(y)}" for x, y in poly) + close for poly in polys)
    style = _style(kind)
    return dict(type="path", name=kind, path=path, xref="x", yref="y", layer="above", opacity=opacity,
                fillcolor=style.get("fillcolor", "rgba(0,0,0,0)"), line=style["line"])


_TEXT_POSITION = {"gene": "middle right", "gene-left": "middle left"}
_ANCHOR = {"gene": "left", "gene-left": "right"}


def _label_text(text: str, style: str) -> str:
    return f"<b>{text}</b>" if _LABEL_STYLES[style][2] else text


def _labels_trace(labels: Sequence[tuple[float, float, str, str]]) -> go.Scatter:
    """The labels that no state changes, as one text trace."""
    return go.Scatter(
        name="labels", x=[lab[0] for lab in labels], y=[lab[1] for lab in labels],
        text=[_label_text(lab[2], lab[3]) for lab in labels], mode="text",
        textposition=([_TEXT_POSITION.get(lab[3], "middle center") for lab in labels]
                      if any(lab[3] in _TEXT_POSITION for lab in labels) else "middle center"),
        textfont=dict(size=[_LABEL_STYLES[lab[3]][0] for lab in labels],
                      color=[_LABEL_STYLES[lab[3]][1] for lab in labels]),
        cliponaxis=False, hoverinfo="skip", showlegend=False,
    )


def _label(x: float, y: float, text: str, style: str, opacity: float | None = None) -> dict[str, Any]:
    """A label that a state shows or hides, as an annotation styled like the text trace's labels."""
    size, colour, _ = _LABEL_STYLES[style]
    a = dict(name="gene-label" if style in _ANCHOR else f"{style}-label", x=x, y=y, xref="x", yref="y", text=_label_text(text, style),
             showarrow=False, xanchor=_ANCHOR.get(style, "center"), yanchor="middle",
             font=dict(size=size, color=colour))
    if style in _ANCHOR:
        a["bgcolor"] = _GENE_LABEL_BG
    if opacity is not None:
        a["opacity"] = opacity
    return a


# --------------------------------------------------------------------------------------------------
# Titles, layout, and the public functions
# --------------------------------------------------------------------------------------------------


def _as_karyotype(karyotype: str | Karyotype) -> Karyotype:
    if isinstance(karyotype, Karyotype):
        return karyotype
    if isinstance(karyotype, str):
        return parse_karyotype(karyotype)
    raise TypeError(
        f"A karyotype is ISCN text such as \"47,XY,+21\" (or a parsed Karyotype), not {type(karyotype).__name__}."
    )


def _wrap_iscn(text: str, width: int = 34) -> str:
    lines, line = [], ""
    for piece in re.split(r"(?<=[,/;])", text):
        if line and len(line) + len(piece) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    lines.append(line)
    return "<br>".join(lines)


def _plain(line: CellLine) -> str:
    """A cell line without its cell count, an idem/sl/sdl line written out in full."""
    return str(replace(line, cells=None, composite=False, inherits="", added=()))


def _title(k: Karyotype, genes: Sequence[str] = ()) -> tuple[str, str]:
    """Title and subtitle: the karyotype (wrapped), then its count or, for a mosaic, which line is drawn."""
    first, *rest = _wrap_iscn(str(k)).split("<br>")
    lines = [f"<b>{line}</b>" for line in rest]
    if not k.is_mosaic:
        line = k.cell_lines[0]
        if line.max_count is not None:
            lines.append(f"{line.chromosome_count} to {line.max_count} chromosomes (drawn with every change)")
        else:
            lines.append(f"{k.chromosome_count} chromosomes")
    else:
        total = k.total_cells

        def share(line: CellLine) -> str:
            if not total:
                return "cell count not given"
            return f"{line.cells} of {total} cells, {round(100 * line.cells / total)}%"  # type: ignore[operator]

        drawn, *others = k.cell_lines
        lines.append(_wrap_iscn(f"Drawn: {_plain(drawn)} ({share(drawn)})", 44))
        for j, other in enumerate(others):
            lines.append(_wrap_iscn(f"{'Also: ' if j == 0 else ''}{_plain(other)} ({share(other)})", 44))
    if any(c.kind == "structural" and len(c.contains) > 1 for c in chromosome_copies(k)):
        lines.append(f'<span style="color:{HIGHLIGHT_COLOURS["partner"]}">\u258c</span> beside a chromosome: '
                     "material from its partner")
    if genes:
        names = _wrap_iscn(", ".join(f"{g} ({gene_locus(g).name})" for g in genes), 36)
        lines.append(f'<span style="color:{HIGHLIGHT_COLOURS["gene"]}">\u25ac</span> marks {names}')
    return f"<b>{first}</b>", "<br>".join(lines)


def _key_annotation() -> dict[str, Any]:
    sq = '<span style="color:{}">\u25a0</span> {}'
    text = (
        "Outlined: " + sq.format(HIGHLIGHT_COLOURS["extra"], "extra copy") + "   "
        + sq.format(HIGHLIGHT_COLOURS["structural"], "rearranged or fused")
        + "<br>" + sq.format(HIGHLIGHT_COLOURS["marker"], "marker") + "   \u2508 missing"
        + "<br>hatched: variable heterochromatin"  # three short lines: each fits a phone's width
    )
    return dict(name="key", text=text, xref="paper", yref="paper", x=0.5, y=0, yshift=-6, xanchor="center",
                yanchor="top", showarrow=False, align="center", font=dict(size=12, color="#000000"))


def _top_margin(titles: Sequence[tuple[str, str]]) -> int:
    """Room above the plot for the tallest title (15 px) and subtitle (bold lines 15 px, notes 12 px)."""
    def height(subtitle: str) -> int:
        lines = subtitle.split("<br>")
        return 36 + sum(19 if line.startswith("<b>") else 16 for line in lines)
    return max(_MARGIN["t"], max((height(sub) for _, sub in titles), default=0))


def _title_layout(title: tuple[str, str]) -> dict[str, Any]:
    # Anchored to the top of the figure: plotly stacks a multi-line subtitle downwards from there.
    return dict(text=title[0], subtitle=dict(text=title[1], font=dict(size=12, color="#000000")),
                x=0.5, xanchor="center", yref="container", y=1, yanchor="top", pad=dict(t=6),
                font=dict(size=15, color="#000000"))


def _figure_layout(layout: _Layout, title: tuple[str, str], margin_for: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    return dict(
        title=_title_layout(title),
        height=_HEIGHT,
        margin={**_MARGIN, "t": _top_margin([title, *margin_for])},
        xaxis=dict(visible=False, range=[-0.15, _r(layout.width + 0.15)], fixedrange=True),
        yaxis=dict(visible=False, range=[_r(layout.bottom + 0.2), 0.1], fixedrange=True),
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        dragmode=False,
        hovermode="closest",
        hoverdistance=14,
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color="#000000", size=13), bordercolor="#1A1A1A"),
        showlegend=False,
        annotations=[_key_annotation()],
        font=dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"),
    )


def _static_figure(parts: _Parts, layout: _Layout, title: tuple[str, str],
                   margin_for: Sequence[tuple[str, str]] = (), kinds: frozenset[str] = frozenset()) -> go.Figure:
    """The traces that no state changes (kinds: optional kinds that get a trace even when empty here)."""
    letters = [(_r(x), _r(y), g, "group") for g, x, y in layout.letters]
    traces = [_polygon_trace(kind, parts.polys.get(kind, ())) for kind in POLYGON_KINDS
              if kind not in _OPTIONAL_KINDS or parts.polys.get(kind) or kind in kinds]
    traces.append(_labels_trace(letters + parts.labels))
    traces.append(_hover_trace(parts.hover))
    fig = go.Figure(traces)
    fig.update_layout(**_figure_layout(layout, title, margin_for))
    return fig


def karyogram(karyotype: str | Karyotype, resolution: int = 400, genes: Sequence[str] = ()) -> go.Figure:
    """A karyogram of a karyotype (its first cell line, with a note for a mosaic), G-banded in grey; genes marked."""
    k = _as_karyotype(karyotype)
    check_resolution(resolution)
    genes = _check_genes(genes)
    drawing = _draw_line(k.cell_lines[0], k, 0, resolution, genes)
    layout = _layout([drawing], resolution)
    slots = _draw_slots(drawing, layout)
    parts = _Parts()
    for slot in layout.slot_x:
        parts.extend(slots[slot])
    return _static_figure(parts, layout, _title(k, genes))


def _check_genes(genes: Sequence[str]) -> tuple[str, ...]:
    if isinstance(genes, str):
        genes = (genes,)
    for g in genes:
        gene_locus(g)  # a friendly ValueError for an unknown symbol
    return tuple(genes)


#: The chapter page each gene belongs to (gene_loci.tsv's page column), as the page calls itself.
_PAGE_TITLES = {"down_syndrome": "Down syndrome", "bloom": "Bloom syndrome", "wiskott_aldrich": "Wiskott-Aldrich syndrome",
                "fanconi": "Fanconi anemia", "familial": "Familial predisposition",
                "genes_to_skin": "From genes to skin", "clonal": "Acquired mutations"}


def _page_of(symbol: str) -> str:
    page = gene_locus(symbol).page
    return _PAGE_TITLES.get(page, page.replace("_", " "))


def _join_words(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _gene_rows(k: Karyotype, name: str, line: int, genes: Sequence[str]) -> list[tuple[str, str, str, str]]:
    """Rows saying where each marked gene is: its band, and the chromosomes that carry it."""
    copies = chromosome_copies(k, line)
    places = gene_places(k, tuple(genes), line)
    rows = []
    for g in genes:
        mine = [p for p in places if p.symbol == g]
        on = [copies[p.copy] for p in mine]
        names = [f"der({c.name}) of {c.label}" if c.label.startswith("t(") else (c.label or f"chromosome {c.name}")
                 for c in on]
        where = _join_words(list(dict.fromkeys(names))) or "no chromosome"
        # A broken gene's two ends are two places but one copy of the gene.
        ends = [p for p in mine if p.junction]
        whole = len({p.copy for p in mine if not p.junction})
        count = str(whole + len(ends) // 2)
        if ends:
            split = _join_words(list(dict.fromkeys(p.junction for p in ends)))
            count += f" (one split by {split})"
        made = list(dict.fromkeys(f"; the {p.fusion} fusion gene is on der({p.fusion_on})" for p in ends if p.fusion_on))
        rows.append((name, f"{g} gene", count,
                     f"at {gene_locus(g).name}; on {where}{''.join(made)} (its page: {_page_of(g)})"))
    return rows


def karyotype_table(karyotype: str | Karyotype, genes: Sequence[str] = ()) -> tuple[tuple[str, str, str, str], ...]:
    """Rows (karyotype, chromosome, copies, change) saying what a karyogram shows, per cell line; then the genes."""
    k = _as_karyotype(karyotype)
    genes = _check_genes(genes)
    rows: list[tuple[str, str, str, str]] = []
    total = k.total_cells
    for j, line in enumerate(k.cell_lines):
        if not k.is_mosaic:
            name = str(k)
        elif total:
            name = f"{_plain(line)} ({round(100 * line.cells / total)}% of cells)"  # type: ignore[operator]
        else:
            name = f"{_plain(line)} (cell line {j + 1})"
        copies = chromosome_copies(k, j)
        p = line.ploidy
        typical = []
        own: list[tuple[str, str, str, str]] = []
        for c in (*CHROMOSOMES, "mar"):
            here = [x for x in copies if x.name == c]
            carried = [x for x in copies if x.name != c and c in x.contains and x.kind == "structural"]
            changes = [f"extra copy ({x.label})" for x in here if x.kind == "extra"]
            changes += [f"rearranged: {x.label}" for x in here if x.kind == "structural"]
            changes += [f"material in {x.label}" for x in carried]
            if c in AUTOSOMES:
                missing = p - sum(1 for x in copies if c in x.contains)
                if missing > 0:
                    changes.append("one copy missing" if missing == 1 else f"{missing} copies missing")
                if not changes:
                    typical.append(c)
                    continue
            elif c == "mar":
                if not here:
                    continue
                changes = ["marker chromosome (origin unknown)"]
            own.append((name, c, str(len(here)), "; ".join(dict.fromkeys(changes)) or "none"))
        if typical:
            span = "1-22" if len(typical) == 22 else ("all other autosomes" if len(typical) > 3 else ", ".join(typical))
            at = next(i for i, r in enumerate(own) if r[1] in ("X", "Y", "mar"))
            own.insert(at, (name, span, f"{p} each", "none"))
        if sum(1 for x in copies if x.name in ("X", "Y")) < p:
            own = [
                (r[0], r[1], r[2], ("a second sex chromosome is missing" if r[3] == "none"
                                    else r[3] + "; a sex chromosome is missing")) if r[1] == "X" else r
                for r in own
            ]
        rows.extend(own)
        if genes:
            rows.extend(_gene_rows(k, name, j, genes))
    return tuple(rows)


def _covarying_groups(slots: Sequence[str], keys: Sequence[dict[str, tuple]]) -> list[tuple[str, ...]]:
    """Merge slots into groups while a group has fewer variants than its parts have on their own."""
    groups = [(s,) for s in slots]

    def variants(group: tuple[str, ...]) -> int:
        return len({tuple(k[s] for s in group) for k in keys})

    merged = True
    while merged:
        merged = False
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                both = groups[a] + groups[b]
                if variants(both) < variants(groups[a]) + variants(groups[b]):
                    groups[a] = both
                    del groups[b]
                    merged = True
                    break
            if merged:
                break
    return groups


def _preset(preset: str | tuple[str, Sequence[str]]) -> tuple[str, tuple[str, ...]]:
    """A preset as (karyotype, genes): "47,XY,+21" or ("47,XY,+21", ("GATA1",)) to mark GATA1."""
    if isinstance(preset, str):
        return preset, ()
    if isinstance(preset, (tuple, list)) and len(preset) == 2 and isinstance(preset[0], str):
        return preset[0], _check_genes(preset[1])
    raise ValueError("A preset is ISCN text such as \"47,XY,+21\", or a pair such as (\"47,XY,+21\", [\"GATA1\"]).")


def _state_label(text: str, genes: Sequence[str]) -> str:
    return f"{text}: show {', '.join(genes)}" if genes else text


def karyotype_viewer(presets: Sequence[str | tuple[str, Sequence[str]]] = DEFAULT_PRESETS,
                     resolution: int = 400) -> Interactive:
    """One karyogram with a client-side state per preset karyotype (ISCN, or ISCN with genes to mark), for the static page."""
    if isinstance(presets, str) or not presets:
        raise ValueError("Give a list of karyotypes to show, such as [\"46,XX\", \"47,XY,+21\"].")
    check_resolution(resolution)
    specs = [_preset(p) for p in presets]
    gene_sets = [genes for _, genes in specs]
    ks = [_as_karyotype(text) for text, _ in specs]
    drawings = [_draw_line(k.cell_lines[0], k, 0, resolution, genes) for k, genes in zip(ks, gene_sets)]
    layout = _layout(drawings, resolution)
    per_preset = [_draw_slots(d, layout) for d in drawings]
    # What a state switches: (1) each way a slot is drawn (a "variant": a few path shapes and a hover
    # trace) and (2) each label that is not the same in every preset, shown or hidden by opacity
    # (shapes, annotations) and hoverinfo (traces), and (3) the title's text. plotly.js applies
    # these edits without recomputing the figure (x, y, text or visible would redraw every trace).
    # Whatever every preset draws alike is plain traces that no state touches.
    def drawing_key(parts: _Parts) -> tuple:
        return parts.key()[0], tuple(parts.hover)

    keys = [{slot: drawing_key(parts) for slot, parts in p.items()} for p in per_preset]
    label_sets = [{lab for parts in p.values() for lab in parts.labels} for p in per_preset]
    common_labels = set.intersection(*label_sets)
    static = [s for s in layout.slot_x if len({k[s] for k in keys}) == 1]
    variable = [s for s in layout.slot_x if s not in static]
    base = _Parts()
    for slot in static:
        base.extend(per_preset[0][slot])
    base.labels = [lab for slot in layout.slot_x for lab in per_preset[0][slot].labels if lab in common_labels]
    titles = [_title(k, genes) for k, genes in zip(ks, gene_sets)]
    used = frozenset(kind for p in per_preset for parts in p.values() for kind, polys in parts.polys.items() if polys)
    fig = _static_figure(base, layout, titles[0], margin_for=titles, kinds=used & _OPTIONAL_KINDS)
    # Slots that change together (14 and 21 in the presets) share their variants: fewer shapes.
    groups = _covarying_groups(variable, keys)
    shapes: list[dict[str, Any]] = []
    unit_shapes: dict[tuple, list[int]] = {}
    unit_trace: dict[tuple, int] = {}
    units_on: list[set[tuple]] = [set() for _ in per_preset]
    for group in groups:
        for j, (p, preset_keys) in enumerate(zip(per_preset, keys)):
            unit = (group, tuple(preset_keys[slot] for slot in group))
            units_on[j].add(unit)
            if unit in unit_trace:
                continue
            shown = 1.0 if j == 0 else 0.0
            parts = _Parts()
            for slot in group:
                parts.extend(p[slot])
            unit_shapes[unit] = []
            for kind in POLYGON_KINDS:
                if parts.polys.get(kind):
                    unit_shapes[unit].append(len(shapes))
                    shapes.append(_shape(kind, parts.polys[kind], shown))
            unit_trace[unit] = len(fig.data)
            fig.add_trace(_hover_trace(parts.hover, active=bool(shown)))
    switched_labels = list(dict.fromkeys(
        lab for p in per_preset for slot in layout.slot_x for lab in p[slot].labels if lab not in common_labels
    ))
    label_index = {lab: len(fig.layout.annotations) + j for j, lab in enumerate(switched_labels)}
    fig.update_layout(
        shapes=shapes,
        annotations=[*fig.layout.annotations,
                     *(_label(*lab, opacity=1.0 if lab in label_sets[0] else 0.0) for lab in switched_labels)],
    )
    hover_traces = tuple(unit_trace.values())
    states = []
    for k, (preset, genes), on, shown_labels, (title, subtitle) in zip(ks, specs, units_on, label_sets, titles):
        relayout: dict[str, Any] = {"title.text": title, "title.subtitle.text": subtitle}
        for lab, i in label_index.items():
            relayout[f"annotations[{i}].opacity"] = 1 if lab in shown_labels else 0
        for unit, indices in unit_shapes.items():
            for i in indices:
                relayout[f"shapes[{i}].opacity"] = 1 if unit in on else 0
        restyle = {"hoverinfo": ["text" if unit in on else "skip" for unit in unit_trace]}
        description = describe(k) + "".join(
            f" The orange bar marks {g} ({gene_locus(g).name}), {gene_locus(g).role}." for g in genes)
        states.append(State(label=_state_label(preset, genes), description=description,
                            data=restyle if hover_traces else {},
                            layout=relayout, traces=hover_traces or None))
    rows = tuple(row for k, genes in zip(ks, gene_sets) for row in karyotype_table(k, genes))
    alt = TextAlternative(
        takeaway=(
            f"Karyograms of {len(ks)} karyotypes: each cell's chromosomes in pairs ordered by size "
            "(Denver groups A-G, sex chromosomes last), shaded by their G-bands; extra, rearranged, marker "
            f"and missing chromosomes are outlined. First shown: {describe(ks[0])}"
        ),
        columns=("Karyotype", "Chromosome", "Copies", "Change"),
        rows=rows,
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Karyotype")
