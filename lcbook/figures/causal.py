"""The landing page's overview: the causal chain from three routes of cause to leukemia cutis."""
from __future__ import annotations

import html

import plotly.graph_objects as go

from lcbook.causal import ALL_ROUTES_DESCRIPTION, CHAIN, ROUTES, chain_in_words
from lcbook.display import OKABE_ITO, Interactive, Prose, State, TextAlternative, wrap_lines

ROUTE_COLOURS = {
    "syndromes": OKABE_ITO["orange"],
    "familial": OKABE_ITO["sky_blue"],
    "acquired": OKABE_ITO["bluish_green"],
}
CHAIN_COLOUR = OKABE_ITO["blue"]
SKIN_COLOUR = OKABE_ITO["vermillion"]
DIM = 0.18

_ROUTE_X = (0.5, 1.5, 2.5)
_ROUTE_Y = 5.0
_CHAIN_X = 1.5
_CHAIN_Y = (3.75, 2.6, 1.45, 0.3)
_HALF_W_ROUTE, _HALF_H_ROUTE = 0.47, 0.42
_HALF_W_CHAIN, _HALF_H_CHAIN = 1.05, 0.36
_ROUTE_LABELS = {
    "syndromes": "Genetic<br>syndromes",
    "familial": "Familial<br>predisposition",
    "acquired": "Acquired<br>mutations &amp;<br>environment",
}


def _box(x: float, y: float, hw: float, hh: float, colour: str) -> dict:
    return dict(
        type="rect", xref="x", yref="y", x0=x - hw, x1=x + hw, y0=y - hh, y1=y + hh,
        line=dict(color=colour, width=2), fillcolor=colour, opacity=1.0, layer="below",
    )


def _label(x: float, y: float, text: str) -> dict:
    return dict(
        x=x, y=y, xref="x", yref="y", text=text, showarrow=False,
        font=dict(size=13, color="#000000"), opacity=1.0,
    )


def _arrow(x0: float, y0: float, x1: float, y1: float) -> dict:
    return dict(
        x=x1, y=y1, ax=x0, ay=y0, xref="x", yref="y", axref="x", ayref="y", text="",
        showarrow=True, arrowhead=3, arrowsize=1.2, arrowwidth=2, arrowcolor="#444444", opacity=1.0,
    )


def causal_chain() -> Interactive:
    """The overview figure with one state per route (and one with every route)."""
    shapes, annotations = [], []
    route_shape, route_label, route_arrow = {}, {}, {}
    for r, x in zip(ROUTES, _ROUTE_X):
        route_shape[r.key] = len(shapes)
        shapes.append(_box(x, _ROUTE_Y, _HALF_W_ROUTE, _HALF_H_ROUTE, ROUTE_COLOURS[r.key]))
    for step, y in zip(CHAIN, _CHAIN_Y):
        colour = SKIN_COLOUR if step.key == "skin" else CHAIN_COLOUR
        shapes.append(_box(_CHAIN_X, y, _HALF_W_CHAIN, _HALF_H_CHAIN, colour))
        # Pale fill inside a coloured border keeps black text readable on every colour.
        shapes[-1]["fillcolor"] = "#FFFFFF"
    for r, x in zip(ROUTES, _ROUTE_X):
        route_label[r.key] = len(annotations)
        annotations.append(_label(x, _ROUTE_Y, _ROUTE_LABELS[r.key]))
    for step, y in zip(CHAIN, _CHAIN_Y):
        annotations.append(_label(_CHAIN_X, y, step.label))
    for r, x in zip(ROUTES, _ROUTE_X):
        route_arrow[r.key] = len(annotations)
        annotations.append(
            _arrow(x, _ROUTE_Y - _HALF_H_ROUTE, _CHAIN_X + (x - _CHAIN_X) * 0.4, _CHAIN_Y[0] + _HALF_H_CHAIN)
        )
    for y0, y1 in zip(_CHAIN_Y, _CHAIN_Y[1:]):
        annotations.append(_arrow(_CHAIN_X, y0 - _HALF_H_CHAIN, _CHAIN_X, y1 + _HALF_H_CHAIN))

    hover = go.Scatter(
        x=list(_ROUTE_X) + [_CHAIN_X] * len(CHAIN),
        y=[_ROUTE_Y] * len(ROUTES) + list(_CHAIN_Y),
        mode="markers",
        marker=dict(size=40, opacity=0),
        hovertext=[f"<b>{r.label}</b><br>{wrap_lines(r.detail)}" for r in ROUTES]
        + [f"<b>{s.label.replace('<br>', ' ')}</b><br>{wrap_lines(s.detail)}" for s in CHAIN],
        hoverinfo="text",
        showlegend=False,
    )
    fig = go.Figure(hover)
    fig.update_layout(
        shapes=shapes,
        annotations=annotations,
        height=560,
        margin=dict(l=4, r=4, t=8, b=8),
        xaxis=dict(visible=False, range=[-0.05, 3.05], fixedrange=True),
        yaxis=dict(visible=False, range=[-0.15, 5.5], fixedrange=True),
        plot_bgcolor="#FFFFFF",
        paper_bgcolor="#FFFFFF",
        dragmode=False,
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color="#000000")),
    )
    # Route boxes are filled with their colour but drawn translucent, so labels stay legible.
    for key, i in route_shape.items():
        fig.layout.shapes[i].opacity = 0.55

    def highlight(active: str | None) -> dict:
        updates: dict = {}
        for key in route_shape:
            on = active is None or key == active
            updates[f"shapes[{route_shape[key]}].opacity"] = 0.55 if on else DIM * 0.55
            updates[f"annotations[{route_label[key]}].opacity"] = 1.0 if on else 0.35
            updates[f"annotations[{route_arrow[key]}].opacity"] = 1.0 if on else DIM
        return updates

    states = [State(label="All routes", description=ALL_ROUTES_DESCRIPTION, layout=highlight(None))]
    for r in ROUTES:
        states.append(State(label=r.label, description=r.how, layout=highlight(r.key)))

    alt = TextAlternative(
        takeaway=(
            "Three routes (genetic syndromes, familial predisposition, acquired mutations and "
            "environment) lead to chromosome changes and gene mutations in a blood stem cell; the "
            "defective stem cell gives rise to a leukemic clone, whose cells can infiltrate the skin."
        ),
        columns=("Route", "Examples", "Then"),
        rows=tuple(
            (r.label, "; ".join(r.causes), " -> ".join(s.label.replace("<br>", " ") for s in CHAIN))
            for r in ROUTES
        ),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Highlight a route",
                       links=PAGE_LINKS)


#: Where each part of the overview is explained (pages of the built book, which sit side by side).
PAGE_LINKS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Genetic syndromes", (("Down syndrome", "down_syndrome.html"), ("Bloom syndrome", "bloom.html"),
                           ("Klinefelter syndrome", "klinefelter.html"),
                           ("Wiskott-Aldrich syndrome", "wiskott_aldrich.html"),
                           ("Fanconi anemia", "fanconi.html"))),
    ("Familial predisposition", (("Familial predisposition", "familial.html"),)),
    ("Acquired mutations & environment, and the clone", (("Acquired mutations and clonal expansion",
                                                           "clonal.html"),)),
    ("Chromosome changes", (("Reading a karyotype", "genes_to_skin.html"),)),
    ("Into the skin", (("Into the skin", "into_skin.html"), ("The causes side by side", "review.html"))),
)



def chain_list() -> Prose:
    """The causal chain in words: a list of the routes in, then the numbered steps (wraps on a phone)."""
    routes = "".join(
        f"<li><strong>{html.escape(r.label)}:</strong> {html.escape(', '.join(r.causes))}</li>" for r in ROUTES
    )
    steps = "".join(f"<li>{html.escape(s.label.replace('<br>', ' '))}</li>" for s in CHAIN)
    return Prose(
        html=(
            '<div class="lc-prose"><p>Routes in:</p>'
            f"<ul>{routes}</ul><p>Then, step by step:</p><ol>{steps}</ol></div>"
        ),
        text=chain_in_words(),
    )
