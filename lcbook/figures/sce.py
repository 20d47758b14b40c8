"""Sister chromatid exchange explorer: harlequin-stained chromosomes of simulated typical and Bloom cells.

One plotly figure in two parts, one above the other (legible at phone width):

* the 46 chromosomes of one simulated cell, lined up in pairs, each drawn as two sister chromatids
  (one dark, one pale); at every exchange the two sisters' colours switch to the end of the arm;
* the number of exchanges in 50 simulated cells of each kind, with the published means and ranges
  [Chaganti1974PNAS], and a marker at the count of the cell drawn above.

The chromosome part is drawn in pixels down the page (the y axis of the top part runs from minus its
height to 0), so chromatids keep their thickness at any width; lengths run across the page.
Few traces (outlines, dark and pale chromatids, centromeres, exchange points, bars) hold many
segments separated by ``None``; each state restyles only the x/y of the traces that change.
"""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative
from lcbook.errors import FriendlyError
from lcbook.sce import (
    BLOOM_MEAN,
    BLOOM_RANGE,
    FOLD_DIFFERENCE,
    NORMAL_MEAN,
    NORMAL_RANGE,
    SOURCE_SHORT,
    Chromosome,
    Metaphase,
    place_exchanges,
    simulate_counts,
    summarize_counts,
)

DARK = OKABE_ITO["blue"]
PALE = "#DCEBF7"
OUTLINE = "#333333"
EXCHANGE = OKABE_ITO["orange"]
TYPICAL_BARS = OKABE_ITO["sky_blue"]
BLOOM_BARS = OKABE_ITO["vermillion"]
TEXT = "#000000"
FONT = "Arial, Helvetica, sans-serif"

# Pixel geometry of the chromosome part (y grows down the page from its top).
_TITLE_PY = 11
_LEGEND_PY = 31
_ROWS_TOP = 46
_PITCH = 18  # from one row of chromosomes to the next
_SISTER_W = 4.5  # line width of one chromatid
_SISTER_DY = 2.75  # from the chromosome's middle to each chromatid's middle
_OUTLINE_W = 12
_EXCHANGE_DY = 9  # exchange markers sit this far above a chromosome's middle
_HALF = 0.485  # the width, as a fraction of the plot, that chromosome 1 takes
_SECOND = 0.515  # where the second chromosome of a pair starts
_ROWS = 23  # 1-22, then the sex chromosomes
_SPREAD_H = _ROWS_TOP + _ROWS * _PITCH + 2

# The histogram part, below.
_GAP = 46  # between the chromosomes and the histogram (holds its heading)
_HIST_H = 210
_MARGIN = dict(l=30, r=10, t=4, b=46)
_BIN = 5
_X_MAX = 170
CELLS = 50


def _round(values: list) -> list:
    return [None if v is None else round(v, 4) for v in values]


def _rows(metaphase: Metaphase) -> list[list[Chromosome]]:
    """The chromosomes in rows: the two copies of 1, of 2, ..., of 22, then the sex chromosomes."""
    rows: list[list[Chromosome]] = []
    for c in metaphase.chromosomes:
        key = "sex" if c.name in ("X", "Y") else c.name
        if not rows or (("sex" if rows[-1][0].name in ("X", "Y") else rows[-1][0].name) != key):
            rows.append([])
        rows[-1].append(c)
    return rows


def _row_y(row: int) -> float:
    """The y data value of the middle of a row of chromosomes (pixels below the top, negated)."""
    return -(_ROWS_TOP + row * _PITCH + _PITCH / 2)


def _x(column: int, c: Chromosome, position: float) -> float:
    return column * _SECOND + position * c.length * _HALF


def _placed(metaphase: Metaphase):
    """Each chromosome with its column (0 or 1) and the y of its row."""
    for r, row in enumerate(_rows(metaphase)):
        for column, c in enumerate(row):
            yield column, _row_y(r), c


def _fixed_traces(metaphase: Metaphase) -> dict[str, tuple[list, list]]:
    """Outlines and centromeres: the same for every cell of one sex."""
    ox, oy, cx, cy = [], [], [], []
    pad = 0.002  # the outline reaches just past the chromatids' ends
    for column, y, c in _placed(metaphase):
        ox += [_x(column, c, 0) - pad, _x(column, c, 1) + pad, None]
        oy += [y, y, None]
        cx.append(_x(column, c, c.centromere))
        cy.append(y)
    return {"outline": (_round(ox), oy), "centromere": (_round(cx), cy)}


def _cell_traces(metaphase: Metaphase) -> dict[str, tuple[list, list]]:
    """Dark and pale chromatid segments and exchange points of one cell, as None-separated lines."""
    out: dict[str, tuple[list, list]] = {"dark": ([], []), "pale": ([], []), "exchange": ([], [])}
    for column, y, c in _placed(metaphase):
        for sister, dy in ((0, -_SISTER_DY), (1, _SISTER_DY)):
            for seg in c.segments(sister):
                xs, ys = out["dark" if seg.dark else "pale"]
                xs += [_x(column, c, seg.start), _x(column, c, seg.end), None]
                ys += [y + dy, y + dy, None]
        for e in c.exchanges:
            out["exchange"][0].append(_x(column, c, e))
            out["exchange"][1].append(y + _EXCHANGE_DY)
    return {k: (_round(xs), ys) for k, (xs, ys) in out.items()}


def _spread_traces(metaphase: Metaphase) -> list[go.Scatter]:
    """Traces 0-6: outlines, pale and dark chromatids, centromeres, exchange points, and two legend keys."""
    fixed, cell = _fixed_traces(metaphase), _cell_traces(metaphase)

    def line(key: str, source: dict, colour: str, width: float, name: str) -> go.Scatter:
        x, y = source[key]
        return go.Scatter(x=x, y=y, mode="lines", line=dict(color=colour, width=width), name=name,
                          showlegend=False, hoverinfo="skip", xaxis="x", yaxis="y")

    def key(colour: str, name: str) -> go.Scatter:
        # Legend-only: an outlined square reads better than a pale line on a white page.
        return go.Scatter(x=[None], y=[None], mode="markers", name=name, showlegend=True, hoverinfo="skip",
                          marker=dict(symbol="square", size=12, color=colour, line=dict(color=OUTLINE, width=1)),
                          xaxis="x", yaxis="y")

    return [
        line("outline", fixed, OUTLINE, _OUTLINE_W, "Outline"),
        line("pale", cell, PALE, _SISTER_W, "Pale chromatid"),
        line("dark", cell, DARK, _SISTER_W, "Dark chromatid"),
        go.Scatter(x=fixed["centromere"][0], y=fixed["centromere"][1], mode="markers", name="Centromere",
                   marker=dict(symbol="line-ns", size=13, line=dict(color="#FFFFFF", width=2.5)),
                   showlegend=False, hoverinfo="skip", xaxis="x", yaxis="y"),
        go.Scatter(x=cell["exchange"][0], y=cell["exchange"][1], mode="markers", name="Exchange",
                   marker=dict(symbol="triangle-up", size=6, color=EXCHANGE,
                               line=dict(color=OUTLINE, width=0.5)),
                   showlegend=False, hoverinfo="skip", xaxis="x", yaxis="y"),
        key(DARK, "dark chromatid"),
        key(PALE, "pale chromatid"),
    ]


def _spread_layout(metaphase: Metaphase, top: float, bottom_frac: float = 0.0) -> dict:
    """Axes (x, y) of the chromosome part; ``top`` is its height in pixels (the y range is [-top, 0])."""
    rows = _rows(metaphase)
    names = [" ".join(dict.fromkeys(c.name for c in row)) for row in rows]
    return dict(
        xaxis=dict(visible=False, range=[-0.012, 1.012], fixedrange=True),
        yaxis=dict(domain=[bottom_frac, 1], range=[-top, 0], fixedrange=True, showgrid=False, zeroline=False, showline=False,
                   tickvals=[_row_y(r) for r in range(len(rows))], ticktext=names, ticks="",
                   tickfont=dict(size=11, color=TEXT)),
    )


def _legend(y_paper: float) -> dict:
    return dict(orientation="h", x=0, xanchor="left", y=y_paper, yanchor="middle", traceorder="normal",
                font=dict(size=12, color=TEXT), itemwidth=30, bgcolor="rgba(0,0,0,0)",
                tracegroupgap=0)


def _title(metaphase: Metaphase, label: str) -> str:
    n = metaphase.exchange_count
    marker = f"<span style='color:{EXCHANGE}'>▲</span>"
    return f"<b>{label}: {n} exchange{'s' if n != 1 else ''}</b> ({marker})"


def metaphase_figure(metaphase: Metaphase, label: str = "Simulated cell") -> go.Figure:
    """The harlequin-stained chromosomes of one simulated cell, on their own (for the live widget)."""
    plot_h = _SPREAD_H
    fig = go.Figure(_spread_traces(metaphase))
    fig.update_layout(
        **_spread_layout(metaphase, plot_h),
        height=plot_h + _MARGIN["t"] + 8, margin={**_MARGIN, "b": 8},
        legend=_legend(1 - _LEGEND_PY / plot_h),
        annotations=[dict(x=0, y=-_TITLE_PY, xref="paper", yref="y", xanchor="left", yanchor="middle",
                          showarrow=False, text=_title(metaphase, label), font=dict(size=14, color=TEXT))],
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False, hovermode=False,
        font=dict(family=FONT, color=TEXT), template="none",
    )
    return fig


def _histogram(counts: np.ndarray) -> tuple[list[float], list[int]]:
    """Bin centers and numbers of cells, bins ``_BIN`` exchanges wide, empty bins left out."""
    edges = np.arange(0, max(_X_MAX, int(counts.max()) + _BIN) + _BIN, _BIN)
    n, _ = np.histogram(counts, bins=edges)
    return [float(edges[i]) + _BIN / 2 for i in np.nonzero(n)[0]], [int(v) for v in n[np.nonzero(n)[0]]]


def _bin_height(counts: np.ndarray, value: int) -> int:
    low = value // _BIN * _BIN
    return int(((counts >= low) & (counts < low + _BIN)).sum())


def _exchanges(n: int) -> str:
    return f"{n} exchange{'s' if n != 1 else ''}"


def _description(kind: str, n: int) -> str:
    if kind == "Bloom":
        return (f"This simulated Bloom cell has {_exchanges(n)}; Bloom cells average about {BLOOM_MEAN:.0f} "
                f"per metaphase against about {NORMAL_MEAN:.0f} in typical cells ({SOURCE_SHORT}).")
    return (f"This simulated typical cell has {_exchanges(n)}; typical cells average about {NORMAL_MEAN:.0f} "
            f"per metaphase against about {BLOOM_MEAN:.0f} in Bloom cells ({SOURCE_SHORT}).")


def sce_explorer(samples: int = 4, seed: int = 1974, cells: int = CELLS) -> Interactive:
    """Simulated typical and Bloom syndrome cells (``samples`` of each) and their exchange counts."""
    if isinstance(samples, bool) or not isinstance(samples, int) or not 1 <= samples <= 6:
        raise FriendlyError(f"Show between 1 and 6 sample cells of each kind, not {samples!r}.")
    if isinstance(cells, bool) or not isinstance(cells, int) or not samples <= cells <= 500:
        raise FriendlyError(f"Simulate between {samples} and 500 cells of each kind, not {cells!r}.")
    groups = (("Typical", NORMAL_MEAN, TYPICAL_BARS), ("Bloom", BLOOM_MEAN, BLOOM_BARS))
    streams = np.random.SeedSequence(seed).spawn(len(groups))
    counts: dict[str, np.ndarray] = {}
    cells_drawn: list[tuple[str, int, Metaphase]] = []
    for (kind, mean, _), stream in zip(groups, streams):
        count_seq, *cell_seqs = stream.spawn(1 + samples)
        counts[kind] = simulate_counts(mean, cells, np.random.default_rng(count_seq))
        # The cells drawn are the first of the simulated cells, so each sits in the histogram.
        for i, cell_seq in enumerate(cell_seqs):
            m = place_exchanges(int(counts[kind][i]), np.random.default_rng(cell_seq))
            cells_drawn.append((kind, i + 1, m))

    hist_peak = max(max(_histogram(c)[1]) for c in counts.values())
    whisker_y = hist_peak * 1.2 + 2
    y2_top = hist_peak * 1.5 + 2
    plot_h = _SPREAD_H + _GAP + _HIST_H
    top_frac = _SPREAD_H / plot_h
    hist_frac = _HIST_H / plot_h

    first_kind, _, first = cells_drawn[0]
    traces = _spread_traces(first)
    for kind, _, colour in groups:
        x, y = _histogram(counts[kind])
        traces.append(go.Bar(
            x=x, y=y, width=_BIN, name=f"{kind} cells", marker=dict(color=colour, line=dict(color="#FFFFFF",
                                                                                            width=1)),
            showlegend=False, xaxis="x2", yaxis="y2",
            hovertemplate=f"{kind} cells: %{{y}} with %{{x}}±2 exchanges<extra></extra>",
        ))
    # The published mean (diamond) and range (whisker) of each group, labeled directly.
    (n_lo, n_hi), (b_lo, b_hi) = NORMAL_RANGE, BLOOM_RANGE
    traces.append(go.Scatter(
        x=[n_lo, NORMAL_MEAN, n_hi, None, b_lo, BLOOM_MEAN, b_hi],
        y=[whisker_y] * 3 + [None] + [whisker_y] * 3,
        mode="lines+markers", name="Published mean and range",
        line=dict(color=TEXT, width=1.5),
        marker=dict(symbol=["line-ns", "diamond", "line-ns", "line-ns", "line-ns", "diamond", "line-ns"],
                    size=9, color=TEXT, line=dict(color=TEXT, width=1.5)),
        showlegend=False, xaxis="x2", yaxis="y2", cliponaxis=False, hoverinfo="skip",
    ))
    whisker_labels = [
        dict(x=0, xanchor="left", text=f"typical (published)<br>mean {NORMAL_MEAN:g}, range {n_lo}–{n_hi}"),
        # Right-aligned at the end of the Bloom range, so the two labels never meet on a phone.
        dict(x=b_hi, xanchor="right",
             text=f"Bloom (published)<br>mean {BLOOM_MEAN:.1f}, range {b_lo}–{b_hi}"),
    ]
    whisker_labels = [
        dict(**w, y=whisker_y, xref="x2", yref="y2", yanchor="bottom", yshift=5, showarrow=False,
             align=w["xanchor"], font=dict(size=11, color=TEXT))
        for w in whisker_labels
    ]

    def this_cell(kind: str, n: int) -> tuple[list, list]:
        """A marker over the middle of the bar that holds a cell with ``n`` exchanges."""
        return [n // _BIN * _BIN + _BIN / 2], [_bin_height(counts[kind], n) + 1.2]

    tx, ty = this_cell(first_kind, first.exchange_count)
    traces.append(go.Scatter(
        x=tx, y=ty, mode="markers+text", text=["this cell"], textposition="top center",
        textfont=dict(size=11, color=TEXT), marker=dict(symbol="triangle-down", size=10, color=TEXT),
        showlegend=False, xaxis="x2", yaxis="y2", cliponaxis=False, hoverinfo="skip",
    ))

    fig = go.Figure(traces)
    heading = f"<b>Exchanges per cell</b><br>{cells} simulated cells of each kind"
    fig.update_layout(
        **_spread_layout(first, _SPREAD_H, 1 - top_frac),
        height=plot_h + _MARGIN["t"] + _MARGIN["b"], margin=_MARGIN,
        xaxis2=dict(anchor="y2", domain=[0, 1], range=[0, _X_MAX], fixedrange=True, dtick=20,
                    title=dict(text="Sister chromatid exchanges per cell", font=dict(size=12), standoff=6),
                    tickfont=dict(size=11), showgrid=False, zeroline=False, showline=True,
                    linecolor=OUTLINE, ticks="outside"),
        yaxis2=dict(anchor="x2", domain=[0, hist_frac], range=[0, y2_top], fixedrange=True,
                    tickfont=dict(size=11), gridcolor="#E5E5E5", zeroline=False, nticks=5),
        legend=_legend(1 - _LEGEND_PY / plot_h),
        annotations=[
            dict(x=0, y=-_TITLE_PY, xref="paper", yref="y", xanchor="left", yanchor="middle",
                 showarrow=False, text=_title(first, f"{first_kind} cell 1"), font=dict(size=14, color=TEXT)),
            dict(x=0, y=hist_frac + 22 / plot_h, xref="paper", yref="paper", xanchor="left",
                 yanchor="middle", showarrow=False, text=heading, font=dict(size=13, color=TEXT)),
            *whisker_labels,
        ],
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False, showlegend=True,
        font=dict(family=FONT, color=TEXT), hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=TEXT)),
        hovermode="closest", template="none",  # no default template: a smaller page
    )

    changed = (1, 2, 4, len(traces) - 1)
    states = []
    for kind, i, m in cells_drawn:
        cell = _cell_traces(m)
        tx, ty = this_cell(kind, m.exchange_count)
        states.append(State(
            label=f"{kind} {i}",
            description=_description(kind, m.exchange_count),
            data={"x": [cell["pale"][0], cell["dark"][0], cell["exchange"][0], tx],
                  "y": [cell["pale"][1], cell["dark"][1], cell["exchange"][1], ty]},
            layout={"annotations[0].text": _title(m, f"{kind} cell {i}")},
            traces=changed,
        ))

    summaries = {kind: summarize_counts(counts[kind]) for kind in counts}
    alt = TextAlternative(
        takeaway=(
            f"In Bloom syndrome the two sister chromatids of each chromosome swap pieces far more often: "
            f"about {BLOOM_MEAN:.0f} sister chromatid exchanges per metaphase (range {b_lo}–{b_hi}) against "
            f"about {NORMAL_MEAN:.0f} (range {n_lo}–{n_hi}) in typical cells, some {FOLD_DIFFERENCE:.0f} "
            f"times as many ({SOURCE_SHORT}); carriers have normal rates. The cells drawn are simulations: "
            f"exchanges fall at random, more often on longer chromosomes, and their number per cell "
            f"varies around the published mean (less widely than in real Bloom cells)."
        ),
        columns=("Cells", "Simulated cells", "Simulated mean", "Simulated min", "Simulated max",
                 "Published mean", "Published range"),
        rows=tuple(
            (f"{'Bloom syndrome' if kind == 'Bloom' else 'Typical'}", s.cells, f"{s.mean:.1f}", s.minimum,
             s.maximum, f"{mean:.1f}", f"{lo}–{hi}")
            for (kind, mean, _), (lo, hi) in zip(groups, (NORMAL_RANGE, BLOOM_RANGE))
            for s in (summaries[kind],)
        ),
    )
    method = (
        f"A simulation, not microscope images (lcbook.sce): each cell's number of exchanges is drawn from a "
        f"Poisson distribution with the published mean ({NORMAL_MEAN:g} per cell in typical cells, "
        f"{BLOOM_MEAN:g} in Bloom cells), and the exchanges fall on chromosomes in proportion to their length. "
        f"{cells} cells of each kind are simulated from random seed {seed}, so every visit shows the same cells."
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Simulated cell", control="buttons",
                       method=method)


__all__ = ["metaphase_figure", "sce_explorer"]
