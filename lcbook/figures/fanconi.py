"""Fanconi anemia: the chromosome-breakage test (a simulation) and blood and cancer outcomes in registries.

``breakage_test_explorer`` simulates the diagnostic test with ILLUSTRATIVE rates (chosen for
teaching; illustrative rates, not laboratory reference values; see ``lcbook.breakage``): one seeded
cell drawn as a small metaphase sketch, and the breaks in each of 50 cells as bars, for typical and
FA cells after DEB or MMC. The one sourced fact it shows is qualitative: FA cells show increased
breakage and radial forms after DEB or MMC [Mehta2021GeneReviews].

``fa_outcomes_chart`` shows the registry figures of ``data/fanconi/cohort_outcomes.csv`` as bars,
one sourced point each (the fact sheet gives no incidence curves by age).

    >>> explorer = breakage_test_explorer(seed=7)
    >>> outcomes = fa_outcomes_chart()
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lcbook.breakage import ILLUSTRATIVE_NOTE, BreakageResult, simulate_cells
from lcbook.data import FanconiOutcome, fanconi_cohort_outcomes
from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative

__all__ = ["BREAKAGE_STATES", "N_CELLS", "OUTCOME_VIEWS", "breakage_test_explorer", "fa_outcomes_chart"]

# --------------------------------------------------------------------------------------------
# The breakage test explorer
# --------------------------------------------------------------------------------------------

#: (label, cell type, agent) of each state, in button order.
BREAKAGE_STATES: tuple[tuple[str, str, str], ...] = (
    ("Typical cells + DEB", "typical", "DEB"),
    ("FA cells + DEB", "FA", "DEB"),
    ("Typical cells + MMC", "typical", "MMC"),
    ("FA cells + MMC", "FA", "MMC"),
)
N_CELLS = 50
_AGENT_NAMES = {"DEB": "diepoxybutane (DEB)", "MMC": "mitomycin C (MMC)"}

# The sketch: chromosomes as pairs of sister chromatids, centromere at y = 0.
_LENGTHS = (3.0, 2.7, 2.4, 2.2, 1.9, 1.7, 1.4, 1.1)
_P_FRACTION = (0.48, 0.38, 0.45, 0.30, 0.42, 0.35, 0.46, 0.30)
_SPACING = 1.0
_HALF_WIDTH = 0.13  # half the distance between sister chromatids
_GAP = 0.09  # half the length of a break's gap
_RADIAL_X = (8.9, 10.65)  # two slots for radial figures, right of the chromosomes
_MAX_BREAKS_DRAWN = 10
_Y_RANGE = (-2.35, 1.95)
_X_RANGE = (-0.6, 11.6)
_CHROMATID_COLOUR = "#4D4D4D"
_BREAK_COLOUR = OKABE_ITO["vermillion"]
_RADIAL_COLOUR = OKABE_ITO["reddish_purple"]
_BAR_PLAIN = OKABE_ITO["sky_blue"]
_BAR_RADIAL = OKABE_ITO["orange"]


@dataclass(frozen=True)
class _Sketch:
    chromatid_x: list
    chromatid_y: list
    radial_x: list
    radial_y: list
    break_x: list
    break_y: list
    break_symbols: list
    breaks_drawn: int
    radials_drawn: int


def _chromatid(x: float, top: float, bottom: float, side: int, gaps: list[float]) -> tuple[list, list]:
    """One chromatid as a polyline (pinched at the centromere), cut at each gap center in ``gaps``."""
    waist = _HALF_WIDTH * 0.35

    def x_at(y: float) -> float:
        # Linear from the ends (full offset) to the centromere (waist).
        end = top if y > 0 else bottom
        frac = abs(y) / abs(end) if end else 0.0
        return x + side * (waist + (_HALF_WIDTH - waist) * frac)

    cuts = sorted(gaps, reverse=True)
    knots = [top, 0.0, bottom]
    for g in cuts:
        knots += [g + _GAP, g - _GAP]
    knots = sorted(set(knots), reverse=True)
    xs: list = []
    ys: list = []
    for y in knots:
        if any(g - _GAP < y < g + _GAP for g in cuts):
            continue
        xs.append(round(x_at(y), 4))
        ys.append(round(y, 4))
        if any(abs(y - (g + _GAP)) < 1e-9 for g in cuts):
            xs.append(None)
            ys.append(None)
    return xs + [None], ys + [None]


def _radial(cx: float, rng: np.random.Generator) -> tuple[list, list]:
    """A quadriradial: four arms of two chromatids each, meeting at a center."""
    xs: list = []
    ys: list = []
    angles = (38.0, 142.0, 218.0, 322.0)
    for angle in angles:
        length = float(rng.uniform(0.75, 1.05))
        a = math.radians(angle)
        dx, dy = math.cos(a), math.sin(a)
        px, py = -dy, dx  # perpendicular
        for side in (-1, 1):
            off = _HALF_WIDTH * side
            x0, y0 = cx + px * off * 0.6, px * 0 + py * off * 0.6
            x1, y1 = cx + dx * length + px * off, dy * length + py * off
            xs += [round(x0 + dx * 0.12, 4), round(x1, 4), None]
            ys += [round(y0 + dy * 0.12, 4), round(y1, 4), None]
    return xs, ys


def _sketch(breaks: int, radials: int, seed: int) -> _Sketch:
    """Draw one cell: its breaks as gaps in chromatids (marked by arrows) and its radials as 4-armed figures."""
    rng = np.random.default_rng([seed, breaks, radials])
    # Candidate break sites: (chromosome, side, y), away from the centromere and the ends.
    sites = []
    for i, (length, p) in enumerate(zip(_LENGTHS, _P_FRACTION)):
        top, bottom = length * p, -length * (1 - p)
        for side in (-1, 1):
            for frac in (0.45, 0.8):
                sites.append((i, side, top * frac))
                sites.append((i, side, bottom * frac))
    drawn = min(breaks, _MAX_BREAKS_DRAWN)
    chosen = [sites[k] for k in rng.choice(len(sites), size=drawn, replace=False)] if drawn else []
    cx: list = []
    cy: list = []
    bx: list = []
    by: list = []
    symbols: list = []
    for i, (length, p) in enumerate(zip(_LENGTHS, _P_FRACTION)):
        x = i * _SPACING
        top, bottom = length * p, -length * (1 - p)
        for side in (-1, 1):
            gaps = [y for (c, s, y) in chosen if c == i and s == side]
            xs, ys = _chromatid(x, top, bottom, side, gaps)
            cx += xs
            cy += ys
            for y in gaps:
                bx.append(round(x + side * (_HALF_WIDTH + 0.2), 4))
                by.append(round(y, 4))
                symbols.append("triangle-left" if side > 0 else "triangle-right")
    rx: list = []
    ry: list = []
    shown = min(radials, len(_RADIAL_X))
    for slot in range(shown):
        xs, ys = _radial(_RADIAL_X[slot], rng)
        rx += xs
        ry += ys
    return _Sketch(cx, cy, rx, ry, bx, by, symbols, drawn, shown)


def _pick_cell(result: BreakageResult) -> int:
    """The cell to draw: the first with the sample's median number of breaks, preferring one with a radial."""
    median = int(np.floor(np.median(result.breaks)))
    candidates = [i for i in range(result.n_cells) if result.breaks[i] == median]
    if not candidates:  # cannot happen for integer counts and a floored median, but stay safe
        candidates = [int(np.argmin(np.abs(result.breaks - median)))]
    with_radial = [i for i in candidates if result.radials[i] > 0]
    return (with_radial or candidates)[0]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def breakage_test_explorer(seed: int = 2024) -> Interactive:
    """The chromosome-breakage test, SIMULATED with illustrative rates, not laboratory reference values.

    Four client-side states (typical or FA cells, after DEB or MMC): a metaphase sketch of one
    seeded cell (breaks as gaps, radials as 4-armed figures) and the breaks in each of 50 cells.
    Only the qualitative result is sourced: FA cells show increased breakage and radial forms after
    DEB or MMC [Mehta2021GeneReviews].
    """
    results = []
    for k, (_, cell_type, agent) in enumerate(BREAKAGE_STATES):
        results.append(simulate_cells(cell_type, agent, N_CELLS, np.random.default_rng([seed, k])))
    picks = [_pick_cell(r) for r in results]
    sketches = [_sketch(int(r.breaks[i]), int(r.radials[i]), seed) for r, i in zip(results, picks)]
    y_top = int(max(int(r.breaks.max()) for r in results)) + 2
    cells = list(range(1, N_CELLS + 1))

    fig = make_subplots(rows=2, cols=1, row_heights=[0.46, 0.54], vertical_spacing=0.16)
    fig.add_trace(go.Scatter(mode="lines", line=dict(color=_CHROMATID_COLOUR, width=3.5),
                             hoverinfo="skip", showlegend=False, name="chromatids"), row=1, col=1)
    fig.add_trace(go.Scatter(mode="lines", line=dict(color=_RADIAL_COLOUR, width=3.5),
                             hoverinfo="skip", showlegend=False, name="radials"), row=1, col=1)
    # Arrows pointing at the gaps: one trace for gaps in left chromatids, one for right ones.
    for symbol, name in (("triangle-right", "breaks in left chromatids"), ("triangle-left", "breaks in right chromatids")):
        fig.add_trace(go.Scatter(mode="markers", marker=dict(color=_BREAK_COLOUR, size=10, symbol=symbol),
                                 hoverinfo="skip", showlegend=False, name=name), row=1, col=1)
    fig.add_trace(go.Bar(x=cells, marker=dict(line=dict(color="#000000")), showlegend=False,
                         name="breaks per cell",
                         hovertemplate="Cell %{x}: %{y} breaks<extra></extra>"), row=2, col=1)

    annotations = [
        # 0: the sketch's title (set per state)
        dict(xref="paper", yref="paper", x=0, y=1.0, xanchor="left", yanchor="bottom", showarrow=False,
             align="left", font=dict(size=13, color="#000000"), text=""),
        # 1: the standing warning
        dict(xref="paper", yref="paper", x=0, y=1.06, xanchor="left", yanchor="bottom", showarrow=False,
             align="left", font=dict(size=12, color=OKABE_ITO["vermillion"]),
             text="SIMULATION: " + ILLUSTRATIVE_NOTE.replace(", ", ",<br>")),
        # 2, 3: labels under the radial slots
        *[dict(xref="x", yref="y", x=x, y=_Y_RANGE[0] + 0.9, yanchor="top", showarrow=False,
               font=dict(size=12, color=_RADIAL_COLOUR), text="") for x in _RADIAL_X],
        # 4: the bar chart's title
        dict(xref="paper", yref="paper", x=0, y=0.49, xanchor="left", yanchor="bottom", showarrow=False,
             align="left", font=dict(size=13, color="#000000"),
             text=(f"Breaks in each of {N_CELLS} cells<br><span style='color:{_BAR_RADIAL}'>■</span> with a "
                   f"radial  <span style='color:{_BAR_PLAIN}'>■</span> without")),
        # 5: the mean line's label
        dict(xref="x2", yref="y2", x=N_CELLS + 0.5, y=0, xanchor="right", yanchor="bottom", showarrow=False,
             font=dict(size=12, color="#000000"), bgcolor="rgba(255,255,255,0.85)", text=""),
    ]
    shapes = [dict(type="line", xref="x2", yref="y2", x0=0.5, x1=N_CELLS + 0.5, y0=0, y1=0,
                   line=dict(color="#000000", width=1.5, dash="dash"))]
    fig.update_layout(
        height=620, margin=dict(l=8, r=8, t=84, b=44), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        dragmode=False, annotations=annotations, shapes=shapes, bargap=0.15,
        font=dict(size=13),
    )
    fig.update_xaxes(visible=False, range=list(_X_RANGE), fixedrange=True, constrain="domain", row=1, col=1)
    fig.update_yaxes(visible=False, range=list(_Y_RANGE), fixedrange=True, constrain="domain",
                     scaleanchor="x", scaleratio=1, row=1, col=1)
    fig.update_xaxes(title_text="Cell (each bar is one metaphase)", range=[0.3, N_CELLS + 0.7], fixedrange=True,
                     tickvals=[1, 10, 20, 30, 40, 50], showgrid=False, row=2, col=1)
    fig.update_yaxes(title_text="Breaks per cell", range=[0, y_top], fixedrange=True, rangemode="tozero",
                     gridcolor="#E5E5E5", automargin=True, row=2, col=1)

    states = []
    rows = []
    for (label, cell_type, agent), result, pick, sk in zip(BREAKAGE_STATES, results, picks, sketches):
        n_breaks, n_radials = int(result.breaks[pick]), int(result.radials[pick])
        arrow = f" (<span style='color:{_BREAK_COLOUR}'>▶</span>)" if n_breaks else ""
        title = (f"One cell (cell {pick + 1} of {N_CELLS}): "
                 f"{_plural(n_breaks, 'break') if n_breaks else 'no breaks'}{arrow}, "
                 f"{_plural(n_radials, 'radial') if n_radials else 'no radials'}")
        if sk.breaks_drawn < n_breaks or sk.radials_drawn < n_radials:
            title += f" ({sk.breaks_drawn} breaks and {sk.radials_drawn} radials drawn)"
        colours = [_BAR_RADIAL if r > 0 else _BAR_PLAIN for r in result.radials]
        outline = [2.5 if i == pick else 0 for i in range(N_CELLS)]
        mean = result.mean_breaks
        where = " (outlined in the bars)" if n_breaks else ": none"
        left = [(x, y) for x, y, sym in zip(sk.break_x, sk.break_y, sk.break_symbols) if sym == "triangle-right"]
        right = [(x, y) for x, y, sym in zip(sk.break_x, sk.break_y, sk.break_symbols) if sym == "triangle-left"]
        left_x, left_y = [p[0] for p in left], [p[1] for p in left]
        right_x, right_y = [p[0] for p in right], [p[1] for p in right]
        who = ("FA cells repair cross-links poorly, so the damage shows at metaphase."
               if cell_type == "FA" else "Typical cells repair the cross-links, so breaks are rare and radials absent.")
        description = (
            f"{label}, simulated with illustrative rates, not laboratory reference values: after "
            f"{_AGENT_NAMES[agent]}, the {N_CELLS} cells have a mean of {mean:.2f} breaks per cell "
            f"(the model's mean is {result.rates.mean_breaks:g}) and {result.percent_with_radials:.0f}% of "
            f"cells have a radial figure. {who} The sketch shows cell {pick + 1}, which has the "
            f"sample's median number of breaks{where}. What is established is "
            f"qualitative: cells from people with Fanconi anemia show increased breakage and radial "
            f"forms after DEB or MMC (GeneReviews)."
        )
        states.append(State(
            label=label,
            description=description,
            data={
                "x": [sk.chromatid_x, sk.radial_x, left_x, right_x, cells],
                "y": [sk.chromatid_y, sk.radial_y, left_y, right_y, [int(b) for b in result.breaks]],
                "marker.color": [_CHROMATID_COLOUR, _RADIAL_COLOUR, _BREAK_COLOUR, _BREAK_COLOUR, colours],
                "marker.line.width": [0, 0, 0, 0, outline],
            },
            layout={
                "annotations[0].text": title,
                "annotations[2].text": "radial" if sk.radials_drawn >= 1 else "",
                "annotations[3].text": "radial" if sk.radials_drawn >= 2 else "",
                "annotations[5].text": f"mean {mean:.2f}",
                "annotations[5].y": round(mean, 4),
                "shapes[0].y0": round(mean, 4),
                "shapes[0].y1": round(mean, 4),
            },
            traces=(0, 1, 2, 3, 4),
        ))
        rows.append((label, N_CELLS, f"{mean:.2f}", f"{result.rates.mean_breaks:g}",
                     f"{result.percent_with_radials:.0f}%", "illustrative (simulated)"))
    alt = TextAlternative(
        takeaway=(
            "A simulation with illustrative rates, not laboratory reference values: after DEB or MMC, "
            "typical cells show almost no chromosome breaks and no radials, while Fanconi anemia cells "
            "show several breaks per cell and radial figures. The sourced fact is qualitative: FA cells "
            "show increased breakage and radial forms after DEB or MMC (GeneReviews)."
        ),
        columns=("Cells and agent", "Cells simulated", "Mean breaks per cell (sample)",
                 "Model mean (illustrative)", "Cells with a radial", "Kind of number"),
        rows=tuple(rows),
    )
    method = (
        f"A simulation with illustrative rates, not laboratory reference values (lcbook.breakage): breaks per "
        f"cell are drawn from a Poisson or, for Fanconi cells, a more variable negative binomial distribution, "
        f"for {N_CELLS} cells of each kind and cross-linker, from random seed {seed}. The sketched cell is one "
        "of them, breaks drawn as gaps and radials as four-armed figures."
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Cells and cross-linker",
                       method=method)


# --------------------------------------------------------------------------------------------
# Registry outcomes
# --------------------------------------------------------------------------------------------

_NA = "North American Survey"
_IFAR = "International Fanconi Anemia Registry (IFAR)"
_GERMAN = "German Fanconi Anemia Registry"
_GR = "GeneReviews"
_SHORT = {_NA: "N. American", _IFAR: "IFAR", _GERMAN: "German", _GR: "GeneReviews"}
_REGISTRY_COLOURS = {_NA: OKABE_ITO["blue"], _IFAR: OKABE_ITO["bluish_green"],
                     _GERMAN: OKABE_ITO["orange"], _GR: OKABE_ITO["reddish_purple"]}

#: (label, [(registry, outcome, measure, age_years, bar label)]) of each state, bars top to bottom.
OUTCOME_VIEWS: tuple[tuple[str, tuple[tuple[str, str, str, float | None, str], ...]], ...] = (
    ("Cumulative incidence (North American, to age 48)", (
        (_NA, "leukemia", "cumulative_incidence_percent", 48, "Leukemia"),
        (_NA, "death from marrow failure", "cumulative_incidence_percent", 48, "Death from<br>marrow failure"),
        (_NA, "solid tumor", "cumulative_incidence_percent", 48, "Solid tumor"),
        (_NA, "transplantation", "cumulative_incidence_percent", 48, "Transplantation"),
    )),
    ("By age 40 (IFAR)", (
        (_IFAR, "hematological abnormalities", "cumulative_incidence_percent", 40, "Hematological<br>abnormalities"),
        (_IFAR, "MDS/AML", "cumulative_incidence_percent", 40, "MDS/AML"),
        (_IFAR, "death from hematological causes", "cumulative_incidence_percent", 40,
         "Death from<br>hematological causes"),
    )),
    ("Leukemia: three estimates", (
        (_NA, "leukemia", "cumulative_incidence_percent", 48, "Leukemia by 48<br>(N. American)"),
        (_GR, "AML", "cumulative_incidence_percent", 50, "AML by 50<br>(GeneReviews)"),
        (_IFAR, "MDS/AML", "cumulative_incidence_percent", 40, "MDS/AML by 40<br>(IFAR)"),
    )),
    ("Observed / expected (log scale)", (
        (_NA, "leukemia", "observed_expected", None, "Leukemia<br>(N. American)"),
        (_GERMAN, "AML", "observed_expected", None, "AML<br>(German)"),
        (_NA, "all cancers", "observed_expected", None, "All cancers<br>(N. American)"),
        (_NA, "solid tumors", "observed_expected", None, "Solid tumors<br>(N. American)"),
        (_NA, "head and neck cancer", "observed_expected", None, "Head and neck<br>(N. American)"),
        (_NA, "esophageal cancer", "observed_expected", None, "Esophagus<br>(N. American)"),
        (_GERMAN, "esophageal cancer", "observed_expected", None, "Esophagus<br>(German)"),
        (_NA, "vulvar cancer", "observed_expected", None, "Vulva<br>(N. American)"),
        (_GERMAN, "vulvar cancer", "observed_expected", None, "Vulva<br>(German)"),
    )),
)

_PERCENT_AXIS = {
    "xaxis.type": "linear", "xaxis.range": [0, 118],
    "xaxis.tickvals": [0, 25, 50, 75, 100], "xaxis.ticktext": ["0", "25", "50", "75", "100%"],
    "xaxis.title.text": "Percent of patients",
}
_RATIO_AXIS = {
    "xaxis.type": "log", "xaxis.range": [0, math.log10(40000)],
    "xaxis.tickvals": [1, 10, 100, 1000, 10000], "xaxis.ticktext": ["1", "10", "100", "1,000", "10,000"],
    "xaxis.title.text": "Observed ÷ expected<br>(log scale; 1 = as expected)",
}


def _find(registry: str, outcome: str, measure: str, age: float | None = None) -> FanconiOutcome:
    for row in fanconi_cohort_outcomes():
        if (row.registry, row.outcome, row.measure) == (registry, outcome, measure) and (
                age is None or row.age_years == age):
            return row
    raise LookupError(f"No row for {registry} / {outcome} / {measure} / {age} in data/fanconi/cohort_outcomes.csv")


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,g}"


def _outcome_description(index: int) -> str:
    def v(reg: str, out: str, measure: str, age: float | None = None) -> str:
        return _fmt(_find(reg, out, measure, age).value)

    pct = "cumulative_incidence_percent"
    oe = "observed_expected"
    n = {r: _find(r, *k).n for r, k in ((_NA, ("leukemia", pct, 48)), (_IFAR, ("MDS/AML", pct, 40)),
                                        (_GERMAN, ("AML", oe)))}
    if index == 0:
        return (
            f"North American Survey ({n[_NA]} patients; Rosenberg 2003): by age 48, "
            f"{v(_NA, 'leukemia', pct, 48)}% had developed leukemia, {v(_NA, 'death from marrow failure', pct, 48)}% had "
            f"died of marrow failure, {v(_NA, 'solid tumor', pct, 48)}% had a solid tumor and "
            f"{v(_NA, 'transplantation', pct, 48)}% had had a transplant. These outcomes compete with one "
            f"another. The AML hazard peaked at about {v(_NA, 'AML', 'hazard_percent_per_year')}% a year "
            f"in the teens."
        )
    if index == 1:
        return (
            f"International Fanconi Anemia Registry ({n[_IFAR]} patients; Butturini 1994): hematological "
            f"abnormalities began at a median age of "
            f"{v(_IFAR, 'hematological abnormalities', 'median_age_years')}. By age 40 the actuarial "
            f"risk was {v(_IFAR, 'hematological abnormalities', pct, 40)}% for hematological "
            f"abnormalities, {v(_IFAR, 'MDS/AML', pct, 40)}% for MDS or AML, and "
            f"{v(_IFAR, 'death from hematological causes', pct, 40)}% for death from hematological causes."
        )
    if index == 2:
        return (
            f"Three estimates: leukemia {v(_NA, 'leukemia', pct, 48)}% by age 48 (North American "
            f"Survey, Rosenberg 2003), AML {v(_GR, 'AML', pct, 50)}% by age 50 (GeneReviews, Mehta 2021), "
            f"and MDS or AML {v(_IFAR, 'MDS/AML', pct, 40)}% by age 40 (IFAR, Butturini 1994; this one "
            f"counts MDS as well). The numbers differ with the cohort, the definition and the method."
        )
    return (
        f"Observed ÷ expected cases, compared with the general population (log scale): leukemia "
        f"{v(_NA, 'leukemia', oe)} times more than expected in the North American Survey (Rosenberg 2003) "
        f"and AML {v(_GERMAN, 'AML', oe)} times in the German registry ({n[_GERMAN]} patients; Rosenberg "
        f"2008); all cancers {v(_NA, 'all cancers', oe)} and solid tumors {v(_NA, 'solid tumors', oe)} "
        f"times; head and neck {v(_NA, 'head and neck cancer', oe)}; esophagus "
        f"{v(_NA, 'esophageal cancer', oe)} (North American) and {v(_GERMAN, 'esophageal cancer', oe)} "
        f"(German); vulva {v(_NA, 'vulvar cancer', oe)} and {v(_GERMAN, 'vulvar cancer', oe)}."
    )


def fa_outcomes_chart() -> Interactive:
    """Registry figures for Fanconi anemia as bars, one sourced point each (no curves by age)."""
    views = []
    for label, picks in OUTCOME_VIEWS:
        rows = [_find(reg, out, measure, age) for reg, out, measure, age, _ in picks]
        ratio = picks[0][2] == "observed_expected"
        views.append(dict(
            label=label,
            y=[p[4] for p in picks],
            x=[r.value for r in rows],
            text=[f"{_fmt(r.value)}×" if ratio else f"{_fmt(r.value)}%" for r in rows],
            colour=[_REGISTRY_COLOURS[r.registry] for r in rows],
            hover=[f"{r.outcome} ({r.registry}, {r.source})" for r in rows],
            axis=_RATIO_AXIS if ratio else _PERCENT_AXIS,
        ))
    first = views[0]
    fig = go.Figure(go.Bar(
        orientation="h", x=first["x"], y=first["y"], text=first["text"], textposition="outside",
        cliponaxis=False, marker=dict(color=first["colour"]), customdata=first["hover"],
        hovertemplate="%{customdata}: %{text}<extra></extra>", showlegend=False,
        textfont=dict(size=13, color="#000000"),
    ))
    fig.update_layout(
        height=480, margin=dict(l=8, r=16, t=12, b=72), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        dragmode=False, bargap=0.3, font=dict(size=13),
        xaxis=dict(fixedrange=True, gridcolor="#E5E5E5", tickmode="array", zeroline=False),
        yaxis=dict(fixedrange=True, autorange="reversed", automargin=True, categoryorder="trace"),
    )
    fig.update_layout({k.replace(".", "_"): v for k, v in first["axis"].items()})
    states = []
    for i, view in enumerate(views):
        states.append(State(
            label=view["label"],
            description=_outcome_description(i),
            data={"x": [view["x"]], "y": [view["y"]], "text": [view["text"]],
                  "marker.color": [view["colour"]], "customdata": [view["hover"]]},
            layout=dict(view["axis"]),
            traces=(0,),
        ))
    alt = TextAlternative(
        takeaway=(
            "In Fanconi anemia, blood problems are almost universal by age 40 (98% in the International "
            "FA Registry), MDS or AML reaches 52% by 40 there, and leukemia is several hundred times more "
            "frequent than in the general population (leukemia 785 times in the North American Survey, "
            "AML 868 times in the German registry); squamous cancers of the head and neck, esophagus and vulva "
            "are also hundreds to thousands of times more frequent."
        ),
        columns=("Registry", "Patients", "Outcome", "Measure", "By age", "Value", "Note", "Source"),
        rows=tuple(
            (r.registry, r.n if r.n is not None else "-", r.outcome, r.measure.replace("_", " "),
             _fmt(r.age_years) if r.age_years is not None else "-", _fmt(r.value), r.note or "-", r.source)
            for r in fanconi_cohort_outcomes()
        ),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Registry figures")
