"""Into the skin: a schematic skin cross-section with the infiltration patterns, and two sourced charts.

``skin_cross_section`` draws the schematic skin of ``lcbook.skin`` (not to scale; depth down the
page) with one button per pattern: healthy skin, perivascular, periadnexal, interstitial single
file, nodular/diffuse with a spared grenz zone, subcutaneous, and the T-cell exception
(epidermotropism with Pautrier-like clusters). Each state says where the cells are, which
leukemias show the pattern, and the source in short form.

``lc_frequency_chart`` shows how often leukemia cutis occurs by leukemia type
(``data/skin/lc_frequency.csv``) as ranges or points, with lower-authority older series drawn
hollow and dashed and a control that hides them; ``lc_timing_chart`` shows when leukemia cutis
appears relative to the leukemia diagnosis (``data/skin/timing.csv``).

    >>> section = skin_cross_section(seed=2025)
    >>> frequency = lc_frequency_chart()
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative, wrap_lines
from lcbook.errors import FriendlyError
from lcbook.skin import (
    LAYERS,
    PATTERNS,
    Infiltrate,
    LCFrequency,
    LCTiming,
    SkinGeometry,
    default_skin,
    lc_frequencies,
    lc_timing,
    place_all_patterns,
)

__all__ = [
    "PATTERN_INFO",
    "SOURCE_SHORT",
    "FREQUENCY_VIEWS",
    "cross_section_figure",
    "lc_frequency_chart",
    "lc_timing_chart",
    "skin_cross_section",
]

TEXT = "#1A1A1A"
FONT = "Arial, Helvetica, sans-serif"
CELL = OKABE_ITO["blue"]
CLUSTER = OKABE_ITO["vermillion"]


def _rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


FILLS = {
    "epidermis": _rgba(OKABE_ITO["reddish_purple"], 0.38),
    "papillary dermis": _rgba(OKABE_ITO["sky_blue"], 0.22),
    "reticular dermis": _rgba(OKABE_ITO["orange"], 0.13),
    "subcutis": "#E3E3E3",
    "bundle": _rgba(OKABE_ITO["orange"], 0.38),
    "lobule": _rgba(OKABE_ITO["yellow"], 0.50),
    "adnexa": _rgba(OKABE_ITO["bluish_green"], 0.35),
    "vessel": "#FFFFFF",
}
ADNEXA_LINE = OKABE_ITO["bluish_green"]
VESSEL_LINE = OKABE_ITO["vermillion"]


# --------------------------------------------------------------------------------------------
# The patterns, in words (every state's description names its sources in short form)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PatternInfo:
    """What a pattern is called, where its cells lie, which leukemias show it, and the sources."""

    label: str
    title: str
    where: str
    seen_in: str
    sources: str


PATTERN_INFO: dict[str, PatternInfo] = {
    "healthy": PatternInfo(
        label="Healthy skin",
        title="Healthy skin: no leukemic cells",
        where=("Healthy skin: the epidermis on top; the papillary dermis; the reticular dermis with its "
               "collagen bundles, blood vessels, a hair follicle and a sweat gland (the adnexa); and the "
               "subcutis, fat lobules divided by septa. There are no leukemic cells. When an infiltrate "
               "fills the dermis below it, a band of papillary dermis that stays free is called a grenz "
               "zone"),
        seen_in="no leukemia",
        sources="Abbas 2013",
    ),
    "perivascular": PatternInfo(
        label="Perivascular",
        title="Perivascular: cells cuff the dermal vessels",
        where=("Leukemic cells gather in cuffs around the blood vessels of the superficial, middle and "
               "deep dermis; the epidermis stays free (the drawing also leaves the papillary dermis "
               "empty)"),
        seen_in=("myeloid leukemia cutis, where leukemic vasculitis is also possible, and the patchy "
                 "perivascular pattern of CLL"),
        sources="Buechner 2005; Paydas 2000; Cerroni",
    ),
    "periadnexal": PatternInfo(
        label="Periadnexal",
        title="Periadnexal: cells surround follicle and sweat gland",
        where=("Leukemic cells surround the adnexa: the hair follicle and its bulb, and the sweat gland "
               "coil and its duct, below the papillary dermis; the epidermis stays free"),
        seen_in="myeloid leukemia cutis, and CLL together with perivascular cuffs",
        sources="Buechner 2005; Paydas 2000; Cerroni",
    ),
    "interstitial": PatternInfo(
        label="Interstitial (single file)",
        title="Interstitial: cells in single file between collagen bundles",
        where=("Leukemic cells spread between the collagen bundles of the reticular dermis, lined up "
               "one behind another ('single file'); the epidermis stays free"),
        seen_in="myeloid leukemia cutis",
        sources="Buechner 2005; Paydas 2000",
    ),
    "nodular_diffuse": PatternInfo(
        label="Nodular / diffuse",
        title="Nodular and diffuse: a dense sheet, with a grenz zone spared",
        where=("Dense nodules merge into a diffuse sheet of leukemic cells filling the reticular dermis, "
               "while the band of papillary dermis under the epidermis stays free: a grenz zone. A grenz "
               "zone is often described in leukemia cutis, but we found no source that says how often "
               "it is present"),
        seen_in=("myeloid leukemia cutis (dense dermal and subcutaneous infiltrates with the epidermis "
                 "spared) and the nodular or diffuse infiltrates of CLL"),
        sources="Buechner 2005; Paydas 2000; Cerroni; Abbas 2013",
    ),
    "subcutaneous": PatternInfo(
        label="Subcutaneous",
        title="Subcutaneous: cells permeate the fat lobules",
        where=("Leukemic cells permeate the fat lobules of the subcutis. The drawing shows the subcutis "
               "alone; in myeloid leukemia cutis the dense infiltrates lie in the dermis and the subcutis "
               "together"),
        seen_in="myeloid leukemia cutis, and CLL, where the subcutis is often involved",
        sources="Buechner 2005; Paydas 2000; Cerroni",
    ),
    "epidermotropic": PatternInfo(
        label="T-cell: into the epidermis",
        title="The T-cell exception: cells enter the epidermis",
        where=("The exception: leukemic T cells enter the epidermis (epidermotropism), singly and in "
               "small clusters like Pautrier microabscesses (circled), above a band of cells in the "
               "superficial dermis. In skin biopsies of adult T-cell leukemia/lymphoma (ATLL), atypical "
               "lymphocytes infiltrated the epidermis in 67% and formed Pautrier-like microabscesses in 55%"),
        seen_in="T-cell leukemias, such as ATLL",
        sources="Marchetti 2015",
    ),
}


def _counts_sentence(infiltrate: Infiltrate) -> str:
    if infiltrate.n_cells == 0:
        return ""
    counts = infiltrate.counts_by_layer()
    parts = ", ".join(f"{counts[name]} in the {name}" for name in LAYERS)
    return f" This drawing places {infiltrate.n_cells} cells: {parts}."


def _description(pattern: str, infiltrate: Infiltrate) -> str:
    info = PATTERN_INFO[pattern]
    seen = "" if pattern == "healthy" else f" Seen in {info.seen_in}."
    return f"{info.where}.{seen} ({info.sources}).{_counts_sentence(infiltrate)}"


# --------------------------------------------------------------------------------------------
# The cross-section
# --------------------------------------------------------------------------------------------

_Y_TOP = -15.0  # a little air above the skin surface


def _ellipse(x: float, y: float, rx: float, ry: float, fill: str, line: str | None = None,
             width: float = 0.0) -> dict:
    return dict(type="circle", xref="x", yref="y", x0=round(x - rx, 1), x1=round(x + rx, 1),
                y0=round(y - ry, 1), y1=round(y + ry, 1), fillcolor=fill, layer="below",
                line=dict(color=line or "rgba(0,0,0,0)", width=width))


def _rect(y0: float, y1: float, width: float, fill: str) -> dict:
    return dict(type="rect", xref="x", yref="y", x0=0, x1=width, y0=y0, y1=y1, fillcolor=fill,
                layer="below", line=dict(width=0))


def _shapes(g: SkinGeometry) -> list[dict]:
    """The layers, collagen bundles, fat lobules, adnexa and vessels, as plotly shapes."""
    shapes = [
        _rect(0, g.epidermis_bottom, g.width, FILLS["epidermis"]),
        _rect(g.epidermis_bottom, g.papillary_bottom, g.width, FILLS["papillary dermis"]),
        _rect(g.papillary_bottom, g.dermis_bottom, g.width, FILLS["reticular dermis"]),
        _rect(g.dermis_bottom, g.subcutis_bottom, g.width, FILLS["subcutis"]),
    ]
    shapes += [_ellipse(b.x, b.y, b.rx, b.ry, FILLS["bundle"]) for b in g.bundles]
    shapes += [_ellipse(b.x, b.y, b.rx, b.ry, FILLS["lobule"], "#9A9A9A", 1) for b in g.lobules]
    # The hair follicle: a tube from the surface, with its bulb; the sweat duct and its coil.
    f, d = g.follicle, g.sweat_duct
    shapes.append(dict(type="rect", xref="x", yref="y", x0=f.x - f.r, x1=f.x + f.r, y0=f.top, y1=f.bottom,
                       fillcolor=FILLS["adnexa"], layer="below", line=dict(color=ADNEXA_LINE, width=1.5)))
    shapes.append(_ellipse(g.follicle_bulb.x, g.follicle_bulb.y, g.follicle_bulb.r, g.follicle_bulb.r,
                           FILLS["adnexa"], ADNEXA_LINE, 1.5))
    shapes.append(dict(type="line", xref="x", yref="y", x0=f.x, x1=f.x, y0=f.top, y1=f.bottom - 20,
                       layer="below", line=dict(color="#4D4D4D", width=2)))  # the hair shaft
    shapes.append(dict(type="rect", xref="x", yref="y", x0=d.x - d.r, x1=d.x + d.r, y0=d.top, y1=d.bottom,
                       fillcolor=FILLS["adnexa"], layer="below", line=dict(color=ADNEXA_LINE, width=1.2)))
    shapes += [_ellipse(c.x, c.y, c.r, c.r, FILLS["adnexa"], ADNEXA_LINE, 1.2) for c in g.sweat_coil]
    shapes += [_ellipse(v.x, v.y, v.r, v.r, FILLS["vessel"], VESSEL_LINE, 2) for v in g.vessels]
    return shapes


def _label(text: str, x: float, y: float, anchor: str = "left", size: int = 12, bold: bool = False) -> dict:
    return dict(x=x, y=y, xref="x", yref="y", xanchor=anchor, yanchor="middle", showarrow=False,
                text=f"<b>{text}</b>" if bold else text, font=dict(size=size, color=TEXT),
                bgcolor="rgba(255,255,255,0.82)", borderpad=2)


_GRENZ_PLAIN = "Papillary dermis"
_GRENZ_SPARED = "Papillary dermis: spared, a grenz zone"


def _annotations(g: SkinGeometry, title: str) -> list[dict]:
    """Index 0: the state's title; 1: the papillary-dermis label (it names the grenz zone when spared)."""
    v = g.vessels[3]
    return [
        dict(x=0, y=1.0, xref="paper", yref="paper", xanchor="left", yanchor="bottom", showarrow=False,
             align="left", text=f"<b>{wrap_lines(title, 44)}</b>", font=dict(size=14, color=TEXT)),
        _label(_GRENZ_PLAIN, 300, (g.epidermis_bottom + g.papillary_bottom) / 2),
        _label("Epidermis", 300, g.epidermis_bottom / 2, bold=True),
        _label("Reticular dermis", 300, 420, bold=True),
        _label("Subcutis", 300, (g.lobules[0].y + g.lobules[4].y) / 2, bold=True),
        _label("fat lobule", g.lobules[2].x, g.lobules[2].y, anchor="center", size=11),
        _label("hair follicle", g.follicle.x + g.follicle.r + 4, 610, size=11),
        _label("sweat gland", g.sweat_duct.x, g.dermis_bottom - 22, anchor="center", size=11),
        _label("collagen bundles", 560, 715, anchor="center", size=11),
        dict(x=v.x, y=v.y + v.r, xref="x", yref="y", ax=0, ay=26, showarrow=True, arrowhead=0,
             arrowcolor=TEXT, text="vessel", font=dict(size=11, color=TEXT),
             bgcolor="rgba(255,255,255,0.82)"),
    ]


def _cells_trace(infiltrate: Infiltrate) -> go.Scatter:
    return go.Scatter(x=[float(v) for v in infiltrate.x], y=[float(v) for v in infiltrate.y], mode="markers",
                      name="Leukemic cell", marker=dict(size=5, color=CELL, line=dict(color="#FFFFFF", width=0.6)),
                      hoverinfo="skip", showlegend=True)


def _cluster_xy(infiltrate: Infiltrate) -> tuple[list[float], list[float]]:
    return ([round(c[0], 1) for c in infiltrate.clusters], [round(c[1], 1) for c in infiltrate.clusters])


def _layout(g: SkinGeometry, title: str) -> dict:
    return dict(
        height=580, margin=dict(l=8, r=8, t=58, b=40), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        dragmode=False, hovermode=False, template="none", font=dict(family=FONT, color=TEXT, size=12),
        xaxis=dict(visible=False, range=[0, g.width], fixedrange=True, constrain="domain"),
        yaxis=dict(range=[g.subcutis_bottom, _Y_TOP], fixedrange=True, showgrid=False, zeroline=False,
                   scaleanchor="x", scaleratio=1, constrain="domain", constraintoward="top",
                   showticklabels=False, ticks="", title=dict(text="Depth, increasing downwards",
                                                              font=dict(size=11, color=TEXT), standoff=2)),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.01, yanchor="top", font=dict(size=12, color=TEXT)),
        shapes=_shapes(g), annotations=_annotations(g, title),
    )


def cross_section_figure(infiltrate: Infiltrate, title: str | None = None) -> go.Figure:
    """One schematic skin cross-section with the cells of ``infiltrate`` (for the live widget)."""
    g = infiltrate.geometry
    title = title or PATTERN_INFO[infiltrate.pattern].title
    cx, cy = _cluster_xy(infiltrate)
    fig = go.Figure([
        _cells_trace(infiltrate),
        go.Scatter(x=cx, y=cy, mode="markers", name="Pautrier-like cluster", showlegend=bool(cx),
                   marker=dict(symbol="circle-open", size=30, color=CLUSTER, line=dict(width=2.5)),
                   hoverinfo="skip"),
    ])
    fig.update_layout(**_layout(g, title))
    if infiltrate.pattern == "nodular_diffuse":
        fig.layout.annotations[1].text = f"<b>{_GRENZ_SPARED}</b>"
    return fig


def skin_cross_section(seed: int = 2025) -> Interactive:
    """The schematic skin with a button for healthy skin and each infiltration pattern (cells seeded by ``seed``)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise FriendlyError(f"seed must be a whole number, 0 or more, not {seed!r}.")
    g = default_skin()
    infiltrates = place_all_patterns(int(seed), geometry=g)
    fig = cross_section_figure(infiltrates[PATTERNS[0]])
    states = []
    rows = []
    for pattern in PATTERNS:
        inf, info = infiltrates[pattern], PATTERN_INFO[pattern]
        cx, cy = _cluster_xy(inf)
        states.append(State(
            label=info.label,
            description=_description(pattern, inf),
            data={"x": [[float(v) for v in inf.x], cx], "y": [[float(v) for v in inf.y], cy],
                  "showlegend": [True, bool(cx)]},
            layout={"annotations[0].text": f"<b>{wrap_lines(info.title, 44)}</b>",
                    "annotations[1].text": f"<b>{_GRENZ_SPARED}</b>" if pattern == "nodular_diffuse"
                    else _GRENZ_PLAIN},
            traces=(0, 1),
        ))
        counts = inf.counts_by_layer()
        rows.append((info.label, info.where.split(". ")[0], info.seen_in if pattern != "healthy" else "-",
                     info.sources, *(counts[name] for name in LAYERS)))
    alt = TextAlternative(
        takeaway=(
            "A schematic skin cross-section (not to scale) with the patterns of leukemia cutis: cuffs "
            "around vessels (perivascular) and adnexa (periadnexal), single file between collagen "
            "bundles (interstitial), dense nodular or diffuse sheets (drawn with a grenz zone, which is "
            "often described but of unknown frequency; Abbas 2013), and permeation of the subcutaneous "
            "fat lobules; in these patterns, typical of myeloid leukemia and CLL, the epidermis is "
            "usually spared (Buechner 2005; Paydas 2000; Cerroni). The exception is "
            "T-cell leukemias, whose cells enter the epidermis, with Pautrier-like clusters (ATLL: "
            "epidermis infiltrated in 67%, Pautrier-like microabscesses in 55%; Marchetti 2015)."
        ),
        columns=("Pattern", "Where the cells are", "Seen in", "Sources",
                 *(f"Cells drawn in the {name}" for name in LAYERS)),
        rows=tuple(rows),
    )
    method = (
        "A schematic, not to scale (lcbook.skin): the layers have fixed textbook shapes, and for each pattern "
        f"the leukemic cells are scattered at random within the region its sources describe (random seed {seed}, "
        "so every visit shows the same cells). Where the cells go is from the cited sources; how many is not."
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Pattern", method=method)


# --------------------------------------------------------------------------------------------
# Ranges by source: how often, and when
# --------------------------------------------------------------------------------------------

#: Citation keys in short form, as the charts and their descriptions name them.
SOURCE_SHORT: dict[str, str] = {
    "Robak2023Cancers": "Robak 2023",
    "Luskin2015Haematologica": "Luskin 2015",
    "Ganzel2016JCO": "Ganzel 2016",
    "GodinezChaparro2021BMHIM": "Godínez-Chaparro 2021",
    "CMML2012LeukRes": "Mathew 2012",
    "Buechner2005Chapter": "Buechner 2005",
    "MateosMayo2021": "Mateos-Mayo 2021",
    "Sawada2011Blood": "Sawada 2011",
    "Brazzelli2019PediatrDermatol": "Brazzelli 2019",
}

_STYLE = {  # authority: (colour, dash, marker symbol, marker fill, legend name)
    "primary": (OKABE_ITO["blue"], "solid", "circle", OKABE_ITO["blue"], "Original study"),
    "review": (OKABE_ITO["bluish_green"], "solid", "diamond", OKABE_ITO["bluish_green"], "Review or chapter"),
    "lower-authority": ("#4D4D4D", "dot", "circle", "#FFFFFF", "Older series, lower authority (hollow, dotted)"),
}
_AUTHORITY_ORDER = ("primary", "review", "lower-authority")
_ROW_PX = 58
_TOP_PX = 58
_BOTTOM_PX = 96  # room for the legend under the longest view


def _short(source: str) -> str:
    return "; ".join(SOURCE_SHORT[k.strip()] for k in source.split(";"))


def _percent(low: float, high: float) -> str:
    return f"{low:g}–{high:g}%" if high > low else f"{low:g}%"


def _y_range(n_max: int) -> list[float]:
    return [n_max - 0.35, -0.95]


def _range_traces(rows: list, n_max: int) -> tuple[dict, dict]:
    """Restyle data for the 8 traces (3 range lines, 3 end markers, row labels, values) and the legend place."""
    lines = {a: ([], []) for a in _AUTHORITY_ORDER}
    points = {a: ([], []) for a in _AUTHORITY_ORDER}
    label_x, label_y, label_text = [], [], []
    value_x, value_y, value_text = [], [], []
    for i, r in enumerate(rows):
        lx, ly = lines[r.authority]
        lx += [r.low_percent, r.high_percent, None]
        ly += [i, i, None]
        px, py = points[r.authority]
        ends = [r.low_percent, r.high_percent] if r.high_percent > r.low_percent else [r.low_percent]
        px += ends
        py += [i] * len(ends)
        label_x.append(0)
        label_y.append(i - 0.5)
        label_text.append(f"<b>{r.chart_label}</b> · {_short(r.source)}")
        value_x.append(r.high_percent)
        value_y.append(i)
        value_text.append(_percent(r.low_percent, r.high_percent))
    order = _AUTHORITY_ORDER
    data = {
        "x": [lines[a][0] for a in order] + [points[a][0] for a in order] + [label_x, value_x],
        "y": [lines[a][1] for a in order] + [points[a][1] for a in order] + [label_y, value_y],
        "text": [[] for _ in range(6)] + [label_text, value_text],
    }
    lo, hi = _y_range(n_max)
    legend_y = round(1 - (len(rows) - 0.35 - hi) / (lo - hi), 4)
    return data, {"legend.y": legend_y}


def _range_figure(rows: list, n_max: int, x_max: float, x_title: str) -> go.Figure:
    data, layout = _range_traces(rows, n_max)
    traces = []
    for k, a in enumerate(_AUTHORITY_ORDER):
        colour, dash, _, _, name = _STYLE[a]
        traces.append(go.Scatter(x=data["x"][k], y=data["y"][k], mode="lines", name=name, showlegend=False,
                                 line=dict(color=colour, width=4 if dash == "solid" else 3, dash=dash),
                                 hoverinfo="skip"))
    for k, a in enumerate(_AUTHORITY_ORDER):
        colour, _, symbol, fill, name = _STYLE[a]
        traces.append(go.Scatter(x=data["x"][3 + k], y=data["y"][3 + k], mode="markers", name=name,
                                 marker=dict(symbol=symbol, size=11, color=fill, line=dict(color=colour, width=2)),
                                 hoverinfo="skip"))
    traces.append(go.Scatter(x=data["x"][6], y=data["y"][6], text=data["text"][6], mode="text",
                             textposition="middle right", textfont=dict(size=12, color=TEXT), showlegend=False,
                             hoverinfo="skip", cliponaxis=False))
    # Invisible markers push each value label clear of the range's end marker.
    traces.append(go.Scatter(x=data["x"][7], y=data["y"][7], text=data["text"][7], mode="markers+text",
                             marker=dict(size=16, opacity=0), textposition="middle right",
                             textfont=dict(size=12, color=TEXT), showlegend=False, hoverinfo="skip",
                             cliponaxis=False))
    fig = go.Figure(traces)
    fig.update_layout(
        height=_TOP_PX + _BOTTOM_PX + _ROW_PX * n_max, margin=dict(l=8, r=8, t=_TOP_PX, b=8),
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False, hovermode=False, template="none",
        font=dict(family=FONT, color=TEXT, size=12),
        xaxis=dict(range=[0, x_max], fixedrange=True, tickvals=[v for v in range(0, int(x_max) + 1, 10)],
                   ticksuffix="%", gridcolor="#E5E5E5", zeroline=False, side="top", automargin=True,
                   title=dict(text=x_title, font=dict(size=12, color=TEXT), standoff=6),
                   tickfont=dict(size=11, color=TEXT)),
        yaxis=dict(range=_y_range(n_max), visible=False, fixedrange=True),
        legend=dict(orientation="h", x=0, xanchor="left", y=layout["legend.y"], yanchor="top",
                    font=dict(size=12, color=TEXT)),
    )
    return fig


def _range_state(label: str, description: str, rows: list, n_max: int) -> State:
    data, layout = _range_traces(rows, n_max)
    return State(label=label, description=description, data=data, layout=layout, traces=tuple(range(8)))


#: The views of the frequency chart: (label, the authorities it shows).
FREQUENCY_VIEWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("All sources", ("primary", "review", "lower-authority")),
    ("Without lower-authority series", ("primary", "review")),
    ("Original studies only", ("primary",)),
)


def _frequency_description(view: str, rows: list[LCFrequency]) -> str:
    parts = []
    for r in rows:
        n = f", {r.n_patients:,} patients" if r.n_patients else ""
        parts.append(f"{r.chart_label} {_percent(r.low_percent, r.high_percent)} ({_short(r.source)}{n})")
    older = any(r.authority == "lower-authority" for r in rows)
    intro = {
        "All sources": ("Every series in the data file: reviews, original studies and, hollow and dotted, "
                        "older textbook series of lower authority. " if older
                        else "Every series in the data file: reviews and original studies. "),
        "Without lower-authority series": "Reviews and original studies; the older lower-authority series are hidden. ",
        "Original studies only": "Only original studies, each counting its own patients. ",
    }[view]
    return intro + "; ".join(parts) + ". The series measure different things (see the table), so compare with care."


def lc_frequency_chart() -> Interactive:
    """How often leukemia cutis occurs by leukemia type: ranges by source, lower-authority series marked."""
    all_rows = list(lc_frequencies())
    views: list[tuple[str, list[LCFrequency]]] = []
    for label, keep in FREQUENCY_VIEWS:
        rows = [r for r in all_rows if r.authority in keep]
        if rows and all(rows != shown for _, shown in views):  # a view that adds nothing is left out
            views.append((label, rows))
    n_max = len(all_rows)
    fig = _range_figure(views[0][1], n_max, 80, "Patients with skin involvement (percent)")
    states = tuple(_range_state(label, _frequency_description(label, rows), rows, n_max) for label, rows in views)
    alt = TextAlternative(
        takeaway=(
            "Leukemia cutis affects about 2–30% of patients depending on the leukemia (Robak 2023): "
            "highest in congenital leukemia (25–30%) and ATLL (about 50%; T-PLL's 20–50% comes from a "
            "two-patient case report with a review of the literature), and monocytic AML (24 of 81 with acute myelomonocytic leukemia had skin or "
            "mucosal infiltrates, Buechner 2005); lower in adult AML as a whole (5–10%, a background "
            "estimate stated by Luskin 2015; 4.5% at diagnosis in the ECOG-ACRIN trials, Ganzel 2016). "
            "Robak 2023 also names CLL among the highest; no CLL or CML series is charted here. The TAM row counts neonates with skin "
            "lesions, not necessarily proven leukemia cutis (Brazzelli 2019)."
        ),
        columns=("Leukemia type", "Percent", "What was measured", "Series", "Patients", "Source",
                 "Kind of source"),
        rows=tuple((r.leukemia_type, _percent(r.low_percent, r.high_percent), r.measured, r.series,
                    f"{r.n_patients:,}" if r.n_patients else "-", _short(r.source), r.authority)
                   for r in all_rows),
    )
    return Interactive(figure=fig, alt=alt, states=states, control_label="Sources")


def lc_timing_chart() -> Interactive:
    """When leukemia cutis appears relative to the leukemia diagnosis: the review, then the older series."""
    all_rows = list(lc_timing())
    review = [r for r in all_rows if r.authority != "lower-authority"]
    n_max = len(all_rows)
    fig = _range_figure(review, n_max, 90, "Share of leukemia cutis (percent)")

    def describe(rows: list[LCTiming], extra: str) -> str:
        parts = [f"{r.timing}: {_percent(r.low_percent, r.high_percent)} ({_short(r.source)})" for r in rows]
        return extra + "; ".join(parts) + "."

    if len(review) == len(all_rows):  # no older series to add: one view, no controls
        states: tuple[State, ...] = ()
    else:
        states = (
            _range_state("Review (Robak 2023)", describe(
                review, "Most leukemia cutis appears in people already known to have leukemia, less at the "
                        "diagnosis, and a few percent before any blood or marrow sign (aleukemic): "), review, n_max),
            _range_state("Add the older series (lower authority)", describe(
                all_rows, "The review's ranges with the older textbook series below them, hollow and dotted "
                          "(lower authority): "), all_rows, n_max),
        )
    alt = TextAlternative(
        takeaway=(
            "55–77% of leukemia cutis arises in people already diagnosed with leukemia, 23–44% is found "
            "at the diagnosis, and 2–3% comes before the blood or marrow diagnosis, by months to years "
            "(aleukemic leukemia cutis; Robak 2023)."
        ),
        columns=("When", "Percent", "What was measured", "Source", "Kind of source"),
        rows=tuple((r.timing, _percent(r.low_percent, r.high_percent), r.measured, _short(r.source), r.authority)
                   for r in all_rows),
    )
    return Interactive(figure=fig, alt=alt, states=states, control_label="Sources")
