"""Acquired mutations and clonal expansion: the clonal-expansion explorer, CHIP by age, and exposures.

``clonal_expansion_explorer`` runs the teaching model of ``lcbook.clonal`` (a pool of 200 stem
cells; teaching values, not measurements) at five biases toward self-renewal, with the same random
numbers at every bias, and shows each clone's share of the pool over time.

``chip_by_age_chart`` and ``exposures_chart`` draw the sourced numbers of ``data/clonal/`` (see
its README.md): clonal hematopoiesis by age [Jaiswal2014NEJM], and the evidence on smoking,
ionizing radiation, prior chemotherapy and benzene.

    >>> explorer = clonal_expansion_explorer()
    >>> chip = chip_by_age_chart()
    >>> exposures = exposures_chart()
"""
from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from lcbook.clonal import (
    DEFAULT_ASYMMETRIC_SHARE,
    ChipBand,
    ExposureFinding,
    PoolModel,
    RunSet,
    chip_prevalence_by_age,
    exposure_findings,
    fixation_probability,
    simulate_runs,
)
from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative, wrap_lines
from lcbook.errors import FriendlyError

__all__ = [
    "BIASES",
    "CHIP_GAP_NOTE",
    "CHIP_LINE_PERCENT",
    "EXPOSURE_VIEWS",
    "RUN_COLOURS",
    "chip_by_age_chart",
    "clonal_expansion_explorer",
    "clone_runs_figure",
    "exposures_chart",
]

TEXT = "#1A1A1A"
GRID = "#E5E5E5"
GREY = "#8C8C8C"
LIGHT_GREY = "#C8C8C8"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"

# --------------------------------------------------------------------------------------------
# The clonal-expansion explorer
# --------------------------------------------------------------------------------------------

#: The biases of the explorer's states, in slider order (0 = a neutral mutation).
BIASES: tuple[float, ...] = (0.0, 0.02, 0.05, 0.1, 0.2)
#: One colour per run (Okabe-Ito without yellow, then a grey): run k has the same colour at every bias.
RUN_COLOURS: tuple[str, ...] = (
    OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"], OKABE_ITO["vermillion"],
    OKABE_ITO["reddish_purple"], OKABE_ITO["sky_blue"], OKABE_ITO["black"], GREY,
)
#: A heterozygous mutation at VAF 2% (the CHIP threshold) sits in about 4% of cells (2 x 2%).
CHIP_LINE_PERCENT = 4.0
_MARGIN = dict(l=8, r=10, t=84, b=8)


def _pct(x: float) -> str:
    """A percentage for text: whole numbers without decimals, others with one (or more if small)."""
    if x == 0:
        return "0%"
    if abs(x - round(x)) < 1e-9:
        return f"{x:.0f}%"
    return f"{x:.1f}%" if x >= 1 else f"{x:.2g}%"


def _bias_label(bias: float) -> str:
    return "0 (neutral)" if bias == 0 else f"{bias:g}"


def _run_line(result: RunSet, k: int) -> tuple[list, list]:
    """The share (percent) of run ``k`` over time, cut at the moment it died out or took over."""
    run = result.runs[k]
    gens = [float(g) for g in run.generations]
    share = [100.0 * float(s) for s in run.share]
    if run.end_generation is None:
        xs, ys = gens, share
    else:
        end = run.end_generation
        keep = [j for j, g in enumerate(gens) if g < end]
        xs = [gens[j] for j in keep] + [end]
        ys = [share[j] for j in keep] + [0.0 if run.outcome == "died out" else 100.0]
        if run.outcome == "took over" and end < result.generations:
            xs.append(float(result.generations))
            ys.append(100.0)
    # Draw the peak itself, which may fall between two samples.
    peak_x, peak_y = run.peak_generation, 100.0 * run.peak_share
    if peak_y not in ys:
        at = next((j for j, x in enumerate(xs) if x > peak_x), len(xs))
        xs.insert(at, peak_x)
        ys.insert(at, peak_y)
    return [round(x, 2) for x in xs], [round(y, 2) for y in ys]


def _ends(result: RunSet, outcome: str) -> tuple[list, list, list]:
    xs, ys, names = [], [], []
    for k, run in enumerate(result.runs):
        if run.outcome == outcome:
            xs.append(round(float(run.end_generation), 2))
            ys.append(0.0 if outcome == "died out" else 100.0)
            names.append(f"Run {k + 1}")
    return xs, ys, names


def _title(result: RunSet) -> str:
    n = len(result.runs)
    took, died, alive = (result.count(o) for o in ("took over", "died out", "still present"))
    parts = [f"{took} took over", f"{died} died out"] + ([f"{alive} still there"] if alive else [])
    return f"<b>Bias {_bias_label(result.model.bias)}</b><br>Of {n} clones: " + ", ".join(parts)


def _division_words(model: PoolModel) -> str:
    mu, wt = model.mutant, model.wild_type
    return (f"a mutant stem cell divides asymmetrically {_pct(100 * mu.asymmetric)} of the time, self-renews "
            f"{_pct(100 * mu.self_renewal)} and differentiates {_pct(100 * mu.differentiation)} (wild-type "
            f"cells: {_pct(100 * wt.asymmetric)}, {_pct(100 * wt.self_renewal)}, "
            f"{_pct(100 * wt.differentiation)})")


def _gen_list(values: list[float]) -> str:
    words = [f"{v:.0f}" for v in sorted(values)]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _description(result: RunSet) -> str:
    model, n_runs = result.model, len(result.runs)
    took = [r for r in result.runs if r.outcome == "took over"]
    died = [r for r in result.runs if r.outcome == "died out"]
    alive = [r for r in result.runs if r.outcome == "still present"]
    head = (f"Bias {_bias_label(model.bias)}: "
            + ("the mutant divides like every other stem cell "
               f"({_pct(100 * model.wild_type.asymmetric)} asymmetric, "
               f"{_pct(100 * model.wild_type.self_renewal)} self-renewal, "
               f"{_pct(100 * model.wild_type.differentiation)} differentiation). "
               if model.bias == 0 else _division_words(model) + ". "))
    parts = [f"Of {n_runs} runs over {result.generations} generations, "]
    if took:
        parts.append(f"{len(took)} clone{'s' if len(took) != 1 else ''} took over the pool (at generation"
                     f"{'s' if len(took) != 1 else ''} {_gen_list([r.end_generation for r in took])})")
    else:
        parts.append("no clone took over the pool")
    parts.append(f", {len(died)} died out" if died else ", none died out")
    quick = sum(1 for r in died if r.end_generation <= 10)
    if died:
        parts.append(f" ({'all' if quick == len(died) else quick} {'of them ' if quick != len(died) else ''}"
                     f"within 10 generations)" if quick else " (none within 10 generations)")
    if alive:
        parts.append(f" and {len(alive)} {'was' if len(alive) == 1 else 'were'} still present at the end, at "
                     + ", ".join(_pct(100 * r.final_share) for r in alive))
    parts.append(". ")
    if died:
        biggest = max(died, key=lambda r: r.peak_share)
        if biggest.peak_share >= 0.05:
            parts.append(f"One clone that died out had drifted up to {_pct(100 * biggest.peak_share)} of the pool "
                         f"first (it died out at generation {biggest.end_generation:.0f}). ")
    p = fixation_probability(model)
    n = model.pool_size
    tail = (f"The model's exact chance that one mutant cell's clone takes over: {_pct(100 * p)}"
            + (f", 1 in {n} (the pool size)." if model.bias == 0 else f" (with no bias: 1 in {n}, {_pct(100 / n)})."))
    return head + "".join(parts) + tail


def _layout(generations: int, pool_size: int, title: str) -> dict:
    return dict(
        height=470, margin=_MARGIN, plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False,
        font=dict(family=FONT, size=13, color=TEXT), template="none", hovermode="closest",
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=TEXT)),
        xaxis=dict(title=dict(text="Time (stem-cell generations)", standoff=6), range=[0, generations * 1.01],
                   fixedrange=True, showgrid=True, gridcolor=GRID, zeroline=False, showline=True,
                   linecolor=TEXT, ticks="outside"),
        yaxis=dict(title=dict(text=f"Clone's share of the<br>{pool_size} stem cells (%)", standoff=4),
                   range=[-3, 104], fixedrange=True, tickvals=[0, 25, 50, 75, 100], gridcolor=GRID,
                   zeroline=False, showline=True, linecolor=TEXT, ticks="outside", automargin=True),
        legend=dict(orientation="h", x=0, xanchor="left", y=-0.16, yanchor="top", font=dict(size=12, color=TEXT),
                    bgcolor="rgba(0,0,0,0)"),
        shapes=[dict(type="line", xref="paper", yref="y", x0=0, x1=1, y0=CHIP_LINE_PERCENT, y1=CHIP_LINE_PERCENT,
                     line=dict(color=TEXT, width=1, dash="dot"))],
        annotations=[
            dict(xref="paper", yref="paper", x=0, y=1.0, yshift=24, xanchor="left", yanchor="bottom",
                 showarrow=False, align="left", font=dict(size=14, color=TEXT), text=title),
            dict(xref="paper", yref="paper", x=0, y=1.0, yshift=4, xanchor="left", yanchor="bottom",
                 showarrow=False, align="left", font=dict(size=12, color=TEXT),
                 text="Simulation (teaching values)"),
            dict(xref="paper", yref="y", x=1, y=CHIP_LINE_PERCENT, xanchor="right", yanchor="bottom",
                 showarrow=False, font=dict(size=11, color=TEXT), bgcolor="rgba(255,255,255,0.85)",
                 text="4% of cells ≈ VAF 2%, the CHIP threshold"),
        ],
    )


def _traces(result: RunSet) -> list[go.Scatter]:
    traces = []
    for k in range(len(result.runs)):
        x, y = _run_line(result, k)
        traces.append(go.Scatter(
            x=x, y=y, mode="lines", name=f"Run {k + 1}", showlegend=False,
            line=dict(color=RUN_COLOURS[k % len(RUN_COLOURS)], width=2),
            hovertemplate=f"Run {k + 1}: %{{y:.1f}}% at generation %{{x:.0f}}<extra></extra>",
        ))
    for outcome, symbol, size in (("died out", "x", 9), ("took over", "circle", 9)):
        x, y, names = _ends(result, outcome)
        traces.append(go.Scatter(
            x=x, y=y, mode="markers", name=f"clone {outcome}", customdata=names, cliponaxis=False,
            marker=dict(symbol=symbol, size=size, color=TEXT, line=dict(color=TEXT, width=1)),
            hovertemplate=f"%{{customdata}}: {outcome} at generation %{{x:.1f}}<extra></extra>",
        ))
    return traces


def clone_runs_figure(result: RunSet) -> go.Figure:
    """The clone's share of the pool over time for each run of one model (used by the live widget)."""
    fig = go.Figure(_traces(result))
    fig.update_layout(**_layout(result.generations, result.model.pool_size, _title(result)))
    return fig


def clonal_expansion_explorer(
    pool_size: int = 200, generations: int = 400, runs: int = 8, seed: int = 7,
    asymmetric_share: float = DEFAULT_ASYMMETRIC_SHARE,
) -> Interactive:
    """A SIMULATION (teaching values): clones of one mutant stem cell at five biases toward self-renewal, seeded runs."""
    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= len(RUN_COLOURS):
        raise FriendlyError(f"Show between 1 and {len(RUN_COLOURS)} runs, not {runs!r}.")
    results = [simulate_runs(PoolModel(pool_size, b, asymmetric_share), generations, runs, seed) for b in BIASES]
    fig = clone_runs_figure(results[0])
    states = []
    for result in results:
        traces = _traces(result)
        states.append(State(
            label=_bias_label(result.model.bias),
            description=_description(result),
            data={"x": [list(t.x) for t in traces], "y": [list(t.y) for t in traces],
                  "customdata": [list(t.customdata) if t.customdata is not None else None for t in traces]},
            layout={"annotations[0].text": _title(result)},
            traces=tuple(range(len(traces))),
        ))
    rows = []
    for result in results:
        for k, run in enumerate(result.runs):
            when = "-" if run.end_generation is None else f"{run.end_generation:.1f}"
            rows.append((_bias_label(result.model.bias), k + 1, run.outcome, when, _pct(100 * run.peak_share),
                         _pct(100 * run.final_share)))
    chances = ", ".join(f"{_pct(100 * fixation_probability(r.model))} at bias {r.model.bias:g}" for r in results)
    alt = TextAlternative(
        takeaway=(
            f"A simulation with teaching values (a pool of {pool_size} stem cells, one new mutant cell, "
            f"{runs} runs per bias): most new clones die out by "
            f"chance within a few generations, even with an advantage, and a larger bias toward self-renewal "
            f"makes a takeover more likely. The model's exact chances of a takeover: {chances}."
        ),
        columns=("Bias", "Run", "Outcome", "At generation", "Largest share of the pool", "Share at the end"),
        rows=tuple(rows),
    )
    method = (
        f"A stochastic model of a stem-cell pool of fixed size ({pool_size} cells, lcbook.clonal.PoolModel), "
        f"followed for {generations} generations from one mutant cell. Each bias gets {runs} runs drawn from "
        f"the same random numbers (seed {seed}), so the runs differ only by the bias. The exact chance of a "
        "takeover is the fixation probability of a Moran process, (1 - r)/(1 - r^N); the values are for "
        "teaching, not measurements."
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Bias toward self-renewal",
                       control="slider", initial=0, method=method)


# --------------------------------------------------------------------------------------------
# Clonal hematopoiesis by age
# --------------------------------------------------------------------------------------------

_COLS, _ROWS = 50, 20  # the icon array: 1,000 people, filled column by column from the left
_PER = _COLS * _ROWS
_HIGHLIGHT = OKABE_ITO["blue"]
_OTHER_BAR = "#A6A6A6"
_CLONE_DOT = OKABE_ITO["vermillion"]
#: The note drawn between "Under 40" and "70–79": the page quotes no figure for the ages between.
CHIP_GAP_NOTE = "40–69: no figure<br>quoted on this page"


def _band_label(band: ChipBand) -> str:
    return "Under 40" if band.age_min_years is None else f"{band.age_min_years}–{band.age_max_years}"


def _dots(count: int) -> tuple[tuple[list, list], tuple[list, list]]:
    """Positions of ``count`` filled and ``1000 - count`` empty dots, filled column by column."""
    filled: tuple[list, list] = ([], [])
    empty: tuple[list, list] = ([], [])
    for k in range(_PER):
        col, row = divmod(k, _ROWS)
        target = filled if k < count else empty
        target[0].append(col)
        target[1].append(row)
    return filled, empty


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def chip_by_age_chart() -> Interactive:
    """Clonal hematopoiesis by age (Jaiswal 2014): bars per age band and 1,000 people as dots; "rare before 40" as a note."""
    bands = chip_prevalence_by_age()
    labels = [_band_label(b) for b in bands]
    numbered = [b for b in bands if b.percent_with_clone is not None]
    fig = make_subplots(rows=2, cols=1, row_heights=[0.48, 0.52], vertical_spacing=0.2)
    fig.add_trace(go.Bar(
        x=labels, y=[b.percent_with_clone for b in bands], name="percent with a clone",
        text=[_pct(b.percent_with_clone) if b.percent_with_clone is not None else "" for b in bands],
        textposition="outside", cliponaxis=False, textfont=dict(size=13, color=TEXT),
        marker=dict(color=[_OTHER_BAR] * len(bands)), showlegend=False,
        hovertemplate="Age %{x}: %{y}% had a clonal mutation<extra></extra>",
    ), row=1, col=1)
    fig.add_trace(go.Scatter(x=[], y=[], mode="markers", name="with a clone", showlegend=False, hoverinfo="skip",
                             marker=dict(symbol="circle", size=6, color=_CLONE_DOT)), row=2, col=1)
    fig.add_trace(go.Scatter(x=[], y=[], mode="markers", name="without", showlegend=False, hoverinfo="skip",
                             marker=dict(symbol="circle", size=6, color=LIGHT_GREY)), row=2, col=1)
    top = max(b.percent_with_clone for b in numbered) * 1.25
    rare = next(b for b in bands if b.percent_with_clone is None)
    annotations = [
        # 0: the note drawn in place of a bar
        dict(xref="x", yref="y", x=_band_label(rare), y=0, yanchor="bottom", showarrow=False,
             text="rare<br>(no number)", font=dict(size=12, color=TEXT), align="center"),
        # 1: the bars' title
        dict(xref="paper", yref="paper", x=0, y=1.0, yshift=8, xanchor="left", yanchor="bottom", showarrow=False,
             align="left", font=dict(size=14, color=TEXT),
             text=f"<b>Clonal mutations in blood by age</b><br>({numbered[0].n_people_in_study:,} people; Jaiswal 2014)"),
        # 2: the icon array's title (set per state)
        dict(xref="paper", yref="paper", x=0, y=0.52 * (1 - 0.2) + 0.01, xanchor="left", yanchor="bottom",
             showarrow=False, align="left", font=dict(size=13, color=TEXT), text=""),
        # 3: the message in place of dots (set per state)
        dict(xref="x2", yref="y2", x=(_COLS - 1) / 2, y=(_ROWS - 1) / 2, showarrow=False,
             font=dict(size=13, color=TEXT), text=""),
        # 4: the gap between "under 40" and the first band with a number
        dict(xref="x", yref="y", x=0.5, y=top, yanchor="top", showarrow=False, align="center",
             font=dict(size=11, color=TEXT), text=CHIP_GAP_NOTE),
    ]
    fig.update_layout(
        height=560, margin=dict(l=8, r=8, t=64, b=8), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        dragmode=False, template="none", font=dict(family=FONT, size=13, color=TEXT), annotations=annotations,
        hovermode="closest", bargap=0.35,
    )
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels, fixedrange=True,
                     title=dict(text="Age (years)", standoff=4), showline=True, linecolor=TEXT, row=1, col=1)
    fig.update_yaxes(range=[0, top], fixedrange=True, gridcolor=GRID, title=dict(text="People (%)", standoff=4),
                     automargin=True, zeroline=False, row=1, col=1)
    fig.update_xaxes(visible=False, range=[-0.8, _COLS - 0.2], fixedrange=True, row=2, col=1)
    fig.update_yaxes(visible=False, range=[_ROWS - 0.2, -0.8], fixedrange=True, row=2, col=1)

    states = []
    for k, band in enumerate(bands):
        label = labels[k]
        colours = [_HIGHLIGHT if j == k else _OTHER_BAR for j in range(len(bands))]
        if band.percent_with_clone is None:
            (fx, fy), (ex, ey) = ([], []), ([], [])
            grid_title = f"<b>{label}</b>:<br>{band.wording} (Jaiswal 2014)"
            message = wrap_lines("Rare: the study's words, not a number, so no dots are drawn", 34)
            description = (
                f"Under 40: clonal mutations in blood were {band.wording.split(' before')[0]} (Jaiswal 2014). "
                "This page quotes no percentage for this age, so the chart draws a note instead of a bar and "
                "no dots."
            )
        else:
            per_thousand = round(band.percent_with_clone * 10)
            (fx, fy), (ex, ey) = _dots(per_thousand)
            grid_title = (f"Of {_PER:,} people aged {label},<br>about <span style='color:{_CLONE_DOT}'>"
                          f"<b>{per_thousand}</b></span> carry a clone")
            message = ""
            description = (
                f"Age {label}: {_pct(band.percent_with_clone)} of people carried a clonal somatic mutation in "
                f"their blood (Jaiswal 2014), about {per_thousand} in every {_PER:,} (the filled dots). Most such "
                f"mutations were in DNMT3A, TET2 and ASXL1. Ages 40–69 are not shown: this page quotes no "
                f"figure for them."
            )
        states.append(State(
            label=label, description=description,
            data={"x": [labels, fx, ex], "y": [[b.percent_with_clone for b in bands], fy, ey],
                  "marker.color": [colours, _CLONE_DOT, LIGHT_GREY]},
            layout={"annotations[2].text": grid_title, "annotations[3].text": message,
                    "annotations[0].font.color": _HIGHLIGHT if band.percent_with_clone is None else TEXT},
            traces=(0, 1, 2),
        ))
    alt = TextAlternative(
        takeaway=(
            "Clonal hematopoiesis grows common with age: in 17,182 people, clonal mutations in blood were "
            "rare before 40, then found in 9.5% at 70–79, 11.7% at 80–89 and 18.4% at 90–108 years "
            "(Jaiswal 2014)."
        ),
        columns=("Age (years)", "People with a clonal mutation", "Per 1,000 people", "Source"),
        rows=tuple(
            (labels[k], _pct(b.percent_with_clone) if b.percent_with_clone is not None else b.wording,
             round(b.percent_with_clone * 10) if b.percent_with_clone is not None else "-", b.source)
            for k, b in enumerate(bands)
        ),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Age band", control="buttons",
                       initial=1)


# --------------------------------------------------------------------------------------------
# Environmental and treatment causes
# --------------------------------------------------------------------------------------------

#: (state label, [(finding in exposures.csv, label on the chart)]) for each state; benzene has no numbers.
EXPOSURE_VIEWS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Smoking", (
        ("AML risk in ever smokers vs never smokers", "Ever smokers"),
        ("AML risk in current smokers vs never smokers", "Current smokers"),
        ("AML risk at more than 30 pack-years", "> 30 pack-years"),
        ("AML risk at more than 30 cigarettes a day", "> 30 cigarettes<br>a day"),
        ("AML risk at more than 40 pack-years (a second meta-analysis)", "> 40 pack-years<br>(odds ratio,<br>2nd study)"),
    )),
    ("Ionizing radiation", (
        ("leukemia deaths in the Life Span Study (1950-2000)", "All leukemia<br>deaths"),
        ("leukemia deaths attributable to radiation", "Attributable<br>to radiation"),
    )),
    ("Chemotherapy", (
        ("mean latency of t-MN with balanced rearrangements (Korea; n = 39)", "Balanced<br>rearrangements"),
        ("mean latency of t-MN with -5/-7 (Korea; n = 39)", "Loss of<br>5 or 7 (−5/−7)"),
    )),
    ("Benzene", ()),
)
_RISK_AXIS = {
    "xaxis.type": "log", "xaxis.range": [math.log10(0.75), math.log10(2.9)],
    "xaxis.tickvals": [1, 1.5, 2, 2.5], "xaxis.ticktext": ["1", "1.5", "2", "2.5"],
    "xaxis.title.text": "Risk of AML vs never smokers<br>(log scale; 1 = no difference)",
    "xaxis.visible": True, "yaxis.visible": True, "shapes[0].visible": True,
}
_DEATHS_AXIS = {
    "xaxis.type": "linear", "xaxis.range": [0, 370], "xaxis.tickvals": [0, 100, 200, 300],
    "xaxis.ticktext": ["0", "100", "200", "300"],
    "xaxis.title.text": "Leukemia deaths in the<br>Life Span Study, 1950–2000",
    "xaxis.visible": True, "yaxis.visible": True, "shapes[0].visible": False,
}
_LATENCY_AXIS = {
    "xaxis.type": "linear", "xaxis.range": [0, 78], "xaxis.tickvals": [0, 12, 24, 36, 48, 60, 72],
    "xaxis.ticktext": ["0", "12", "24", "36", "48", "60", "72"],
    "xaxis.title.text": "Mean months from treatment<br>to the neoplasm (39 patients, Korea)",
    "xaxis.visible": True, "yaxis.visible": True, "shapes[0].visible": False,
}
_EMPTY_AXIS = {"xaxis.visible": False, "yaxis.visible": False, "shapes[0].visible": False}
_AXES = {"Smoking": _RISK_AXIS, "Ionizing radiation": _DEATHS_AXIS, "Chemotherapy": _LATENCY_AXIS,
         "Benzene": _EMPTY_AXIS}
_TITLES = {
    "Smoking": "<b>Smoking and AML</b><br>Fircanis 2014; Colamesta 2016",
    "Ionizing radiation": "<b>Atomic-bomb survivors</b><br>Life Span Study; Richardson 2009",
    "Chemotherapy": "<b>Therapy-related myeloid neoplasms</b><br>(t-MN); Huh 2013",
    "Benzene": "<b>Benzene</b><br>IARC Monographs",
}
_BENZENE_NOTE = ("No number to plot: IARC found sufficient evidence that benzene causes acute myeloid "
                 "leukemia, and classes it in Group 1. The evidence is a judgment, not a risk ratio.")


def _finding(text: str) -> ExposureFinding:
    for row in exposure_findings():
        if row.finding == text:
            return row
    raise LookupError(f"No row with the finding {text!r} in data/clonal/exposures.csv")


def _by(exposure: str, measure: str) -> ExposureFinding:
    rows = [r for r in exposure_findings() if r.exposure == exposure and r.measure == measure]
    if not rows:
        raise LookupError(f"No {measure} row for {exposure} in data/clonal/exposures.csv")
    return rows[0]


def _ratio_text(row: ExposureFinding) -> str:
    kind = "OR" if row.measure == "odds_ratio" else "RR"
    ci = f" ({row.ci_low:.2f}–{row.ci_high:.2f})" if row.ci_low is not None else ""
    return f"{kind} {row.value:.2f}{ci}"


def _range(row: ExposureFinding) -> str:
    return _fmt(row.value) + (f"–{_fmt(row.value_high)}" if row.value_high is not None else "")


def _exposure_description(label: str) -> str:
    if label == "Smoking":
        ever, current, pack30, cig30, pack40 = (_finding(f) for f, _ in EXPOSURE_VIEWS[0][1])
        return (
            f"Smoking (a meta-analysis of 23 studies with 7,746 AML cases; Fircanis 2014): compared with never smokers, the risk of AML was "
            f"{ever.value:.2f} times as high in ever smokers (95% confidence interval {ever.ci_low:.2f}–"
            f"{ever.ci_high:.2f}) and {current.value:.2f} times in current smokers ({current.ci_low:.2f}–"
            f"{current.ci_high:.2f}), and it rose with the dose, to {cig30.value:.2f} at more than 30 "
            f"cigarettes a day and {pack30.value:.2f} at more than 30 pack-years. A second meta-analysis "
            f"found an odds ratio of {pack40.value:.2f} at more than 40 pack-years (Colamesta 2016). Open "
            f"diamonds: no confidence interval is quoted here."
        )
    if label == "Ionizing radiation":
        people = _by("ionizing radiation", "count")
        deaths = _finding(EXPOSURE_VIEWS[1][1][0][0])
        caused = _finding(EXPOSURE_VIEWS[1][1][1][0])
        peak = _by("ionizing radiation", "time")
        return (
            f"Atomic-bomb survivors (the Life Span Study, which followed {_fmt(people.value)} people from 1950 "
            f"to 2001): a leukemia excess was the first and most striking late effect (Hsu 2013). Of "
            f"{_fmt(deaths.value)} leukemia deaths in the study in 1950–2000, {_fmt(caused.value)} were "
            f"attributable to radiation, and the excess risk of AML per "
            f"gray peaked about {_fmt(peak.value)} years after exposure (Richardson 2009). CLL and adult "
            f"T-cell leukemia were not radiation-related (Hsu 2013)."
        )
    if label == "Chemotherapy":
        share = _by("prior chemotherapy or radiotherapy", "percent")
        survival = _finding("median survival of therapy-related myeloid neoplasms")
        balanced = _finding(EXPOSURE_VIEWS[2][1][0][0])
        losses = _finding(EXPOSURE_VIEWS[2][1][1][0])
        lost = _finding("t-MN with loss of chromosome 5 or 7 (Korea; n = 39)")
        return (
            f"Therapy-related myeloid neoplasms (t-MN) make up {_range(share)}% of AML and have a median "
            f"survival of about {_range(survival)} months (Larson 2011). In 39 Korean patients, those with "
            f"balanced rearrangements developed them sooner on average (mean {_fmt(balanced.value)} months after "
            f"treatment) than those with loss of chromosome 5 or 7 (mean {_fmt(losses.value)} months), which "
            f"{_fmt(lost.value)}% had (Huh 2013). The textbook pattern: alkylating agents give later neoplasms "
            f"with unbalanced losses of chromosomes 5 and 7; topoisomerase II inhibitors give earlier ones with "
            f"balanced translocations, especially of 11q23 (KMT2A)."
        )
    return (
        "Benzene: the International Agency for Research on Cancer (IARC) found sufficient evidence that "
        "benzene causes acute myeloid (non-lymphocytic) leukemia (IARC 2018, Infante 2011), and classes it "
        "as a Group 1 carcinogen. That is a judgment of the evidence, not a number, so there is nothing to "
        "plot."
    )


def _view(label: str, picks: tuple[tuple[str, str], ...]) -> dict:
    rows = [(_finding(f), name) for f, name in picks]
    bars = [(r, n) for r, n in rows if r.measure in ("count", "time")]
    with_ci = [(r, n) for r, n in rows if r.measure in ("relative_risk", "odds_ratio") and r.ci_low is not None]
    no_ci = [(r, n) for r, n in rows if r.measure in ("relative_risk", "odds_ratio") and r.ci_low is None]
    unit = {"deaths": "", "months": " months"}
    return dict(
        categories=[n for _, n in rows],
        bar=dict(x=[r.value for r, _ in bars], y=[n for _, n in bars],
                 text=[f"{_fmt(r.value)}{unit.get(r.unit, '')}" for r, _ in bars]),
        ci=dict(x=[r.value for r, _ in with_ci], y=[n for _, n in with_ci],
                text=[_ratio_text(r) for r, _ in with_ci],
                plus=[round(r.ci_high - r.value, 4) for r, _ in with_ci],
                minus=[round(r.value - r.ci_low, 4) for r, _ in with_ci]),
        no_ci=dict(x=[r.value for r, _ in no_ci], y=[n for _, n in no_ci], text=[_ratio_text(r) for r, _ in no_ci]),
    )


def exposures_chart() -> Interactive:
    """The evidence on smoking, atomic-bomb radiation, prior chemotherapy and benzene, one exposure per state."""
    views = [_view(label, picks) for label, picks in EXPOSURE_VIEWS]
    fig = go.Figure([
        go.Bar(orientation="h", x=[], y=[], text=[], textposition="outside", cliponaxis=False, name="count",
               marker=dict(color=OKABE_ITO["blue"]), textfont=dict(size=13, color=TEXT), showlegend=False,
               hovertemplate="%{y}: %{text}<extra></extra>"),
        go.Scatter(x=[], y=[], mode="markers+text", text=[], textposition="top center", name="with 95% CI",
                   textfont=dict(size=12, color=TEXT), cliponaxis=False, showlegend=False,
                   marker=dict(symbol="circle", size=11, color=OKABE_ITO["vermillion"]),
                   error_x=dict(type="data", symmetric=False, array=[], arrayminus=[], color=OKABE_ITO["vermillion"],
                                thickness=2, width=6),
                   hovertemplate="%{y}: %{text}<extra></extra>"),
        go.Scatter(x=[], y=[], mode="markers+text", text=[], textposition="top center", name="no CI quoted",
                   textfont=dict(size=12, color=TEXT), cliponaxis=False, showlegend=False,
                   marker=dict(symbol="diamond-open", size=12, color=OKABE_ITO["vermillion"],
                               line=dict(width=2, color=OKABE_ITO["vermillion"])),
                   hovertemplate="%{y}: %{text}<extra></extra>"),
    ])
    fig.update_layout(
        height=470, margin=dict(l=8, r=24, t=64, b=8), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        dragmode=False, template="none", font=dict(family=FONT, size=13, color=TEXT), bargap=0.55,
        xaxis=dict(fixedrange=True, gridcolor=GRID, zeroline=False, showline=True, linecolor=TEXT, ticks="outside",
                   tickmode="array", title=dict(standoff=6), automargin=True),
        yaxis=dict(fixedrange=True, automargin=True, type="category", autorange="reversed",
                   categoryorder="array", tickfont=dict(size=12, color=TEXT)),
        shapes=[dict(type="line", xref="x", yref="paper", x0=1, x1=1, y0=0, y1=1,
                     line=dict(color=TEXT, width=1, dash="dash"))],
        annotations=[
            dict(xref="paper", yref="paper", x=0, y=1.0, yshift=8, xanchor="left", yanchor="bottom",
                 showarrow=False, align="left", font=dict(size=14, color=TEXT), text=""),
            dict(xref="paper", yref="paper", x=0.5, y=0.55, xanchor="center", yanchor="middle", showarrow=False,
                 align="left", font=dict(size=13, color=TEXT), text=""),
        ],
    )
    states = []
    for (label, _), view in zip(EXPOSURE_VIEWS, views):
        layout = dict(_AXES[label])
        layout["yaxis.categoryarray"] = view["categories"]
        layout["annotations[0].text"] = _TITLES[label]
        layout["annotations[1].text"] = wrap_lines(_BENZENE_NOTE, 34) if label == "Benzene" else ""
        states.append(State(
            label=label, description=_exposure_description(label),
            data={
                "x": [view["bar"]["x"], view["ci"]["x"], view["no_ci"]["x"]],
                "y": [view["bar"]["y"], view["ci"]["y"], view["no_ci"]["y"]],
                "text": [view["bar"]["text"], view["ci"]["text"], view["no_ci"]["text"]],
                "error_x.array": [None, view["ci"]["plus"], None],
                "error_x.arrayminus": [None, view["ci"]["minus"], None],
            },
            layout=layout,
            traces=(0, 1, 2),
        ))
    alt = TextAlternative(
        takeaway=(
            "Known acquired causes of leukemia, with their evidence: smoking raises the risk of AML modestly and "
            "with dose (RR 1.40 in current smokers); 103 of 310 leukemia deaths in the Life Span Study were "
            "attributable to radiation; therapy-related myeloid neoplasms are 10–20% of AML. IARC found "
            "sufficient evidence that benzene causes acute myeloid (non-lymphocytic) leukemia, and classes it "
            "in Group 1, carcinogenic to humans."
        ),
        columns=("Exposure", "Finding", "Value", "95% CI", "Evidence", "Source"),
        rows=tuple(
            (r.exposure, r.finding,
             "-" if r.value is None else f"{_range(r)} {r.unit}".strip(),
             "-" if r.ci_low is None else f"{r.ci_low:.2f}–{r.ci_high:.2f}",
             "textbook (no number)" if r.evidence == "textbook" else r.evidence,
             r.source or "textbook")
            for r in exposure_findings()
        ),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Exposure", control="buttons")
