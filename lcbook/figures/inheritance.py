"""Inheritance explorer: a Punnett square, the expected proportions, and simulated children.

One plotly figure in two stacked panels, so that it reads top to bottom on a phone:

* top (axes x/y, drawn with layout shapes and annotations): the cross, its Punnett square with each
  child coloured by phenotype, the expected proportions in words, and the first two simulated
  families as a row of pedigree symbols (squares sons, circles daughters);
* bottom (axes x2/y2): horizontal bars of the SIMULATED share of each phenotype among sons and among
  daughters, with a black tick at the EXPECTED share.

Each state is one (cross, sample size) pair. Every state has the same number of shapes, annotations
and traces; a state sets only item properties ("shapes[4].fillcolor", "annotations[7].text") and the
traces' x, y and hover text, so it means the same in plotly.js and in ``Interactive.figure_at``.
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np
import plotly.graph_objects as go

from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative
from lcbook.inheritance import (
    AD,
    AR,
    CROSSES,
    PHENOTYPES,
    XLR,
    Child,
    Cross,
    check_penetrance,
    describe_expected,
    fraction_text,
    offspring_proportions,
    punnett,
    simulate_sibship,
    tally,
)

#: Phenotype colours (Okabe-Ito), used for the Punnett cells, the bars and the pedigree symbols.
PHENOTYPE_COLOURS: dict[str, str] = {
    "affected": OKABE_ITO["vermillion"],
    "carrier": OKABE_ITO["yellow"],
    "unaffected": OKABE_ITO["sky_blue"],
}
HEADER_FILL = "#EFEFEF"
LINE = "#333333"
TEXT = "#000000"
FAMILY_SIZE = 4
DEFAULT_CROSSES: tuple[str, ...] = ("xlr-carrier-mother", "ar-carriers", "ad-affected-parent")
_SHORT = {XLR: "X-linked recessive", AR: "Autosomal recessive", AD: "Autosomal dominant"}
_KEY = {
    XLR: "X<sup>a</sup>: X with the variant (recessive); X<sup>A</sup>: typical X",
    AR: "a: the variant allele (recessive); A: the typical allele",
    AD: "D: the variant allele (dominant); d: the typical allele",
}
_PLURAL = {"affected": "affected", "carrier": "carriers", "unaffected": "unaffected"}

# Top panel geometry, in data units of axes x/y (y runs downwards: its range is reversed).
_COLS = ((0.0, 0.9), (0.95, 1.95), (2.0, 3.0))
_ROWS = ((0.0, 0.7), (0.75, 1.75), (1.8, 2.8))
_Y = dict(title=-1.25, example=-0.55, key=3.1, expected=3.8, family_caption=4.55, family=5.0,
          symbol_key=5.45)
_TOP_RANGE = (5.7, -1.6)
# Bottom panel: two groups (sons, daughters) of three rows (affected, carrier, unaffected).
_GROUP = 4.0
_ROW = 1.15
_BAR_RANGE = (2 * _GROUP - 0.3, -0.45)
_HEIGHT = 980
_MARGIN = dict(l=6, r=14, t=6, b=34)
_TOP_DOMAIN = (0.44, 1.0)
_BAR_DOMAIN = (0.0, 0.385)


def _pretty(genotype: str) -> str:
    """A genotype in plotly markup: "XAXa" becomes X<sup>A</sup>X<sup>a</sup>; "Aa" stays."""
    out, i = "", 0
    while i < len(genotype):
        if genotype[i] == "X" and i + 1 < len(genotype) and genotype[i + 1] in "Aa":
            out += f"X<sup>{genotype[i + 1]}</sup>"
            i += 2
        else:
            out += genotype[i]
            i += 1
    return out


def _plain(genotype: str) -> str:
    """A genotype for text (descriptions, hover, the table): "XAXa" becomes "XᴬXᵃ"."""
    return genotype.replace("XA", "Xᴬ").replace("Xa", "Xᵃ")


def _bar_y(group: int, row: int) -> float:
    return round(group * _GROUP + 1.0 + row * _ROW, 3)


def _label_y(group: int, row: int) -> float:
    return round(group * _GROUP + 0.5 + row * _ROW, 3)


def _percent(k: int, n: int) -> str:
    return f"{round(100 * k / n)}%"


class _Sample:
    """Counts of each phenotype among sons and daughters in the first ``families`` families."""

    def __init__(self, families: list[tuple[Child, ...]], n_families: int) -> None:
        children = [c for f in families[:n_families] for c in f]
        self.n = len(children)
        self.counts = tally(children)
        self.totals = {g: sum(v.values()) for g, v in self.counts.items()}

    def share(self, group: str, phenotype: str) -> float | None:
        n = self.totals[group]
        return self.counts[group][phenotype] / n if n else None

    def text(self, group: str, phenotype: str) -> str:
        n = self.totals[group]
        if not n:
            return f"no {group} in this sample"
        k = self.counts[group][phenotype]
        return f"{k:,} of {n:,} ({_percent(k, n)})"


def _expected(cross: Cross, penetrance: Fraction) -> dict[str, dict[str, Fraction]]:
    """Expected shares for sons and for daughters (the same for both in the autosomal modes)."""
    shares = offspring_proportions(cross.mode, cross.mother, cross.father, penetrance)
    if "children" in shares:
        return {"sons": shares["children"], "daughters": shares["children"]}
    return shares


def _describe(cross: Cross, penetrance: Fraction, sample: _Sample) -> str:
    """The state's plain-English description: the expected and the simulated proportions."""
    expected = _expected(cross, penetrance)
    said = []
    for group in ("sons", "daughters"):
        n = sample.totals[group]
        if not n:
            said.append(f"there are no {group} in this sample")
            continue
        parts = [
            f"{sample.counts[group][p]} {_PLURAL[p] if sample.counts[group][p] != 1 else p} "
            f"({_percent(sample.counts[group][p], n)})"
            for p in PHENOTYPES if expected[group][p] or sample.counts[group][p]
        ]
        said.append(f"of {n:,} {group}, " + ", ".join(parts))
    pen = f" with penetrance {float(penetrance):.0%}" if cross.mode == AD and penetrance != 1 else ""
    return (
        f"{cross.title}, as in {cross.example}{pen}. Expected: "
        f"{describe_expected(cross.mode, cross.mother, cross.father, penetrance)}. "
        f"Simulated, {sample.n:,} children: " + "; ".join(said) + "."
    )


def _top_layout(cross: Cross, penetrance: Fraction, n_families: int, sample_n: int) -> tuple[list, list]:
    """Shapes and annotations of the top panel for one state (same count and keys for every state)."""
    sq = punnett(cross.mode, cross.mother, cross.father)
    shapes, notes = [], []

    def note(x, y, text, size=13, anchor="center", bold=False):
        notes.append(dict(x=x, y=y, xref="x", yref="y", text=f"<b>{text}</b>" if bold else text,
                          showarrow=False, xanchor=anchor, yanchor="middle", align="center",
                          font=dict(size=size, color=TEXT)))

    def rect(col, row, fill):
        (x0, x1), (y0, y1) = _COLS[col], _ROWS[row]
        shapes.append(dict(type="rect", xref="x", yref="y", x0=x0, x1=x1, y0=y0, y1=y1,
                           fillcolor=fill, line=dict(color=LINE, width=1.2), layer="below"))

    def centre(col, row):
        return (sum(_COLS[col]) / 2, sum(_ROWS[row]) / 2)

    title = cross.title.replace(": ", ":<br>", 1)
    note(1.5, _Y["title"], title, size=14, bold=True)
    example = cross.example.replace(" (", "<br>(", 1) if len(cross.example) > 40 else cross.example
    if cross.mode == AD:
        example += f"; penetrance {float(penetrance):.0%}"
    note(1.5, _Y["example"], f"as in {example}", size=12)
    # Header cells: the parents in the corner, the sperm along the top, the eggs down the side.
    rect(0, 0, "#FFFFFF")
    note(*centre(0, 0), f"♀ {_pretty(sq.mother)}<br>♂ {_pretty(sq.father)}", size=13)
    for j, s in enumerate(sq.sperm):
        rect(j + 1, 0, HEADER_FILL)
        note(*centre(j + 1, 0), f"sperm<br><b>{_pretty(s)}</b>", size=12)
    for i, e in enumerate(sq.eggs):
        rect(0, i + 1, HEADER_FILL)
        note(*centre(0, i + 1), f"egg<br><b>{_pretty(e)}</b>", size=12)
    for i in range(2):
        for j in range(2):
            child = sq.cells[i][j]
            phenotype = child.phenotype
            if cross.mode == AD and phenotype == "affected" and penetrance != 1:
                label = f"has the variant:<br>affected {float(penetrance):.0%}"
            else:
                label = phenotype
            who = f"<br>{child.sex}" if child.sex else "<br>son or daughter"
            rect(j + 1, i + 1, PHENOTYPE_COLOURS[phenotype])
            note(*centre(j + 1, i + 1), f"<b>{_pretty(child.genotype)}</b><br>{label}{who}", size=13)
    note(1.5, _Y["key"], _KEY[cross.mode], size=12)
    lines = []
    for group, shares in offspring_proportions(cross.mode, cross.mother, cross.father, penetrance).items():
        said = ", ".join(f"{fraction_text(v)} {_PLURAL[k]}" for k, v in shares.items() if v)
        lines.append(f"Sons and daughters alike:<br>{said}" if group == "children" else
                     f"{group.capitalize()}: {said}")
    note(1.5, _Y["expected"], "<b>Expected</b><br>" + "<br>".join(lines), size=13)
    shown = "The 2 simulated families" if n_families <= 2 else f"The first 2 of {n_families:,} simulated families"
    note(1.5, _Y["family_caption"], f"{shown} ({FAMILY_SIZE} children each):", size=12)
    note(1.5, _Y["symbol_key"], "■ son · ● daughter · colour = phenotype · dot = carrier", size=12)
    heading = f"<b>Simulated: {sample_n:,} children</b> (bars)<br>vs <b>expected</b> (black tick)"
    notes.append(dict(x=0, y=1, xref="x2 domain", yref="y2 domain", xanchor="left", yanchor="bottom",
                      yshift=6, text=heading, showarrow=False, align="left",
                      font=dict(size=13, color=TEXT)))
    return shapes, notes


def _bar_notes(cross: Cross, penetrance: Fraction, sample: _Sample) -> list[dict]:
    """Group headings and one label above each bar: simulated count and share, and the expected share."""
    expected = _expected(cross, penetrance)
    notes = []
    for g, group in enumerate(("sons", "daughters")):
        n = sample.totals[group]
        notes.append(dict(x=0, y=g * _GROUP - 0.12, xref="x2", yref="y2", xanchor="left", yanchor="middle",
                          showarrow=False, align="left", font=dict(size=14, color=TEXT),
                          text=f"<b>{group.capitalize()}</b>: {n:,} of the {sample.n:,} children"))
        for r, phenotype in enumerate(PHENOTYPES):
            notes.append(dict(
                x=0, y=_label_y(g, r), xref="x2", yref="y2", xanchor="left", yanchor="middle",
                showarrow=False, align="left", font=dict(size=12, color=TEXT),
                text=f"{phenotype}: {sample.text(group, phenotype)}; "
                     f"expected {fraction_text(expected[group][phenotype])}",
            ))
    return notes


def _family_points(families: list[tuple[Child, ...]]) -> dict[tuple[str, str], tuple[list, list, list]]:
    """x, y and hover text of the first two families' children, per (sex, phenotype) trace."""
    points = {(s, p): ([], [], []) for s in ("son", "daughter") for p in PHENOTYPES}
    for f, family in enumerate(families[:2]):
        for k, child in enumerate(family):
            x = round(0.3 + f * 1.55 + k * 0.3, 3)
            xs, ys, hover = points[(child.sex, child.phenotype)]
            xs.append(x)
            ys.append(_Y["family"])
            hover.append(f"Family {f + 1}, child {k + 1}: {child.sex}, {_plain(child.genotype)}, "
                         f"{child.phenotype}")
    return points


def _traces_data(cross: Cross, penetrance: Fraction, sample: _Sample,
                 families: list[tuple[Child, ...]]) -> dict[str, list]:
    """x, y and hovertext of every trace, in trace order: 3 bars, the expected ticks, 6 symbol sets."""
    expected = _expected(cross, penetrance)
    xs, ys, hovers = [], [], []
    for r, phenotype in enumerate(PHENOTYPES):
        x, y, h = [], [], []
        for g, group in enumerate(("sons", "daughters")):
            share = sample.share(group, phenotype)
            x.append(round(share, 4) if share is not None else 0)
            y.append(_bar_y(g, r))
            h.append(f"{group.capitalize()}, {phenotype}: {sample.text(group, phenotype)}; expected "
                     f"{fraction_text(expected[group][phenotype])}")
        xs.append(x), ys.append(y), hovers.append(h)
    tick_x, tick_y, tick_h = [], [], []
    for g, group in enumerate(("sons", "daughters")):
        for r, phenotype in enumerate(PHENOTYPES):
            tick_x.append(round(float(expected[group][phenotype]), 4))
            tick_y.append(_bar_y(g, r))
            tick_h.append(f"Expected share of {group} {_PLURAL[phenotype]}: "
                          f"{fraction_text(expected[group][phenotype])}")
    xs.append(tick_x), ys.append(tick_y), hovers.append(tick_h)
    for x, y, h in _family_points(families).values():
        xs.append(x), ys.append(y), hovers.append(h)
    return {"x": xs, "y": ys, "hovertext": hovers}


def _base_traces() -> list[go.BaseTraceType]:
    traces: list[go.BaseTraceType] = [
        go.Bar(x=[], y=[], orientation="h", xaxis="x2", yaxis="y2", width=0.42, name=p,
               marker=dict(color=PHENOTYPE_COLOURS[p], line=dict(color=LINE, width=1)),
               hoverinfo="text", showlegend=False)
        for p in PHENOTYPES
    ]
    traces.append(go.Scatter(
        x=[], y=[], xaxis="x2", yaxis="y2", mode="markers", name="expected", hoverinfo="text",
        marker=dict(symbol="line-ns", size=20, color=TEXT, line=dict(color=TEXT, width=3.5)),
        showlegend=False,
    ))
    for sex in ("son", "daughter"):
        for p in PHENOTYPES:
            symbol = "square" if sex == "son" else "circle"
            if p == "carrier":
                symbol += "-dot"
            traces.append(go.Scatter(
                x=[], y=[], mode="markers", name=f"{p} {sex}", hoverinfo="text", showlegend=False,
                marker=dict(symbol=symbol, size=24, color=PHENOTYPE_COLOURS[p],
                            line=dict(color=TEXT, width=1.5)),
            ))
    return traces


def inheritance_explorer(
    seed: int = 2024,
    families: int = 500,
    crosses: tuple[str, ...] = DEFAULT_CROSSES,
    penetrance: float | Fraction = 1,
    initial: int = 1,
) -> Interactive:
    """Punnett square, expected proportions and simulated sibships for each cross at three sample sizes.

    ``families`` families of four children are simulated per cross (seeded); the states show the first
    2 families (8 children), the first tenth, and all of them. ``penetrance`` applies to autosomal
    dominant crosses. ``initial`` is the index of the first state shown.
    """
    if isinstance(families, bool) or not isinstance(families, int) or families < 30:
        raise ValueError(f"Simulate at least 30 families (so the three sample sizes differ), not {families!r}.")
    if not crosses:
        raise ValueError("Choose at least one cross: " + ", ".join(CROSSES) + ".")
    unknown = [k for k in crosses if k not in CROSSES]
    if unknown:
        raise ValueError(f"There is no cross {unknown[0]!r}: use one of {', '.join(CROSSES)}.")
    sizes = (2, families // 10, families)
    plans = []
    for index, key in enumerate(crosses):
        cross = CROSSES[key]
        pen = check_penetrance(cross.mode, penetrance if cross.mode == AD else 1)
        rng = np.random.default_rng([seed, index])
        sims = [simulate_sibship(cross.mode, cross.mother, cross.father, FAMILY_SIZE, rng, pen)
                for _ in range(families)]
        for n_families in sizes:
            plans.append((cross, pen, sims, n_families, _Sample(sims, n_families)))
    if not 0 <= initial < len(plans):
        raise ValueError(f"initial must be a state from 0 to {len(plans) - 1}, not {initial!r}.")

    layouts = []
    for cross, pen, sims, n_families, sample in plans:
        shapes, top_notes = _top_layout(cross, pen, n_families, sample.n)
        layouts.append((shapes, top_notes + _bar_notes(cross, pen, sample)))
    first_shapes, first_notes = layouts[initial]
    # Only what differs between states is sent by each state.
    varying_shapes = [i for i in range(len(first_shapes))
                      if len({layout[0][i]["fillcolor"] for layout in layouts}) > 1]
    varying_notes = [i for i in range(len(first_notes))
                     if len({layout[1][i]["text"] for layout in layouts}) > 1]

    states = []
    for (cross, pen, sims, n_families, sample), (shapes, notes) in zip(plans, layouts):
        relayout = {f"shapes[{i}].fillcolor": shapes[i]["fillcolor"] for i in varying_shapes}
        relayout.update({f"annotations[{i}].text": notes[i]["text"] for i in varying_notes})
        states.append(State(
            label=f"{_SHORT[cross.mode]}: {sample.n:,} children",
            description=_describe(cross, pen, sample),
            data=_traces_data(cross, pen, sample, sims),
            layout=relayout,
            traces=tuple(range(10)),
        ))

    fig = go.Figure(_base_traces())
    fig.update_layout(
        height=_HEIGHT, margin=_MARGIN, shapes=first_shapes, annotations=first_notes,
        xaxis=dict(visible=False, range=[-0.02, 3.02], fixedrange=True, domain=[0, 1]),
        yaxis=dict(visible=False, range=list(_TOP_RANGE), fixedrange=True, domain=list(_TOP_DOMAIN)),
        xaxis2=dict(anchor="y2", range=[0, 1.045], tickvals=[0, 0.25, 0.5, 0.75, 1],
                    ticktext=["0", "25%", "50%", "75%", "100%"], fixedrange=True, gridcolor="#D9D9D9",
                    zeroline=True, zerolinecolor=LINE, tickfont=dict(size=12), domain=[0, 1]),
        yaxis2=dict(anchor="x2", visible=False, range=list(_BAR_RANGE), fixedrange=True,
                    domain=list(_BAR_DOMAIN)),
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False, showlegend=False,
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=TEXT)),
        font=dict(family="Arial, Helvetica, sans-serif", color=TEXT),
        bargap=0,
    )
    first = states[initial]
    for i, trace in enumerate(fig.data):
        trace.update(x=first.data["x"][i], y=first.data["y"][i], hovertext=first.data["hovertext"][i])

    rows = []
    for cross_key in crosses:
        cross = CROSSES[cross_key]
        mine = [p for p in plans if p[0] is cross]
        pen = mine[0][1]
        expected = _expected(cross, pen)
        groups = ("sons", "daughters")
        for group in groups:
            for phenotype in PHENOTYPES:
                if not expected[group][phenotype] and not any(p[4].counts[group][phenotype] for p in mine):
                    continue
                rows.append((
                    cross.title, f"{group}: {phenotype}", fraction_text(expected[group][phenotype]),
                    *(p[4].text(group, phenotype) for p in mine),
                ))
    alt = TextAlternative(
        takeaway=(
            "Each child gets one copy of each gene at random from each parent; for X-linked genes a son "
            "gets his mother's X and his father's Y. With a carrier mother and an unaffected father, "
            "X-linked recessive disease (Wiskott-Aldrich syndrome) affects half of the sons and "
            "none of the daughters, half of whom are carriers; autosomal recessive disease (Bloom "
            "syndrome, most Fanconi anemia) affects 1 in 4 children of two carriers, sons and daughters "
            "alike; an autosomal dominant variant (familial predisposition) passes to half of the "
            "children, who develop disease only with the variant's penetrance. In a small family the "
            "simulated shares stray far from these; over thousands of children they converge on them."
        ),
        columns=("Cross", "Offspring group", "Expected",
                 *(f"Simulated, {FAMILY_SIZE * n:,} children" for n in sizes)),
        rows=tuple(rows),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states),
                       control_label="Cross and number of simulated children", control="buttons",
                       initial=initial, method=(
                           f"The Punnett square and the expected shares are exact (lcbook.inheritance). The "
                           f"children are simulated: {families} families of {FAMILY_SIZE} per cross, each child "
                           f"getting one chromosome of each pair from each parent at random (random seed {seed}); "
                           "the states show the first 2 families, the first tenth and all of them."))
