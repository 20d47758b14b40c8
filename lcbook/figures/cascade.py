"""A waffle chart of a cohort: one dot per person, coloured by how far along a cascade they go."""
from __future__ import annotations

import plotly.graph_objects as go

from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative
from lcbook.down_syndrome import CascadeStep, tam_cascade

_COLUMNS = 40
_STEP_COLOURS = ("#D9D9D9", OKABE_ITO["sky_blue"], OKABE_ITO["orange"], OKABE_ITO["reddish_purple"],
                 OKABE_ITO["vermillion"])


def _levels(steps: tuple[CascadeStep, ...], upto: int) -> list[int]:
    """The deepest step (up to ``upto``) each person reaches; nested steps share their first people."""
    n = steps[0].count
    level = [0] * n
    depth = {"all": 0, "gata1": 1, "tam": 2, "skin": 3, "mlds": 4}
    for i, step in enumerate(steps[1:upto + 1], start=1):
        # TAM is a subset of the GATA1 clones; the skin eruption and ML-DS are subsets of TAM.
        # Skin and ML-DS are drawn at opposite ends of the TAM group so both stay visible.
        if step.key == "skin":
            people = range(steps[2].count - step.count, steps[2].count)
        else:
            people = range(step.count)
        for p in people:
            level[p] = depth[step.key] if step.key != "skin" else max(level[p], 3)
    return level


def tam_cascade_chart(newborns: int = 1000) -> Interactive:
    """Out of 1,000 newborns with Down syndrome: GATA1 clones, TAM, skin eruption, ML-DS."""
    steps = tam_cascade(newborns)
    n = steps[0].count
    xs = [i % _COLUMNS for i in range(n)]
    ys = [-(i // _COLUMNS) for i in range(n)]
    colourscale = [[k / (len(_STEP_COLOURS) - 1), c] for k, c in enumerate(_STEP_COLOURS)]

    def marker(levels: list[int]) -> dict:
        return dict(color=levels, colorscale=colourscale, cmin=0, cmax=len(_STEP_COLOURS) - 1,
                    size=7, symbol="square", line=dict(width=0))

    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="markers", marker=marker(_levels(steps, 0)),
                               hoverinfo="skip", showlegend=False))
    # A legend drawn as text, one line per step, in the step's colour.
    legend = [
        dict(xref="paper", yref="paper", x=0, y=-0.04 - 0.07 * i, xanchor="left", yanchor="top",
             showarrow=False, align="left", font=dict(size=13, color="#000000"),
             text=f"<span style='color:{_STEP_COLOURS[i]}'>■</span> {s.label}: {s.count}")
        for i, s in enumerate(steps)
    ]
    fig.update_layout(
        height=520, margin=dict(l=4, r=4, t=8, b=190),
        xaxis=dict(visible=False, range=[-1, _COLUMNS], fixedrange=True),
        yaxis=dict(visible=False, range=[-(n // _COLUMNS), 1], fixedrange=True, scaleanchor=None),
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", annotations=legend, dragmode=False,
    )
    states = []
    for i, step in enumerate(steps):
        ann = {f"annotations[{j}].opacity": (1.0 if j <= i else 0.35) for j in range(len(steps))}
        where = f" ({step.source})" if step.source else ""
        states.append(State(
            label=step.label if i == 0 else step.label.split(" (")[0],
            description=f"{step.label}: {step.count} of {n}. {step.meaning}{where}",
            data={"marker.color": [_levels(steps, i)]},
            layout=ann,
        ))
    alt = TextAlternative(
        takeaway=(f"Of {n} newborns with Down syndrome, about {steps[1].count} carry a GATA1-mutant "
                  f"clone, {steps[2].count} have TAM, {steps[3].count} of those a skin eruption, and "
                  f"{steps[4].count} develop myeloid leukemia of Down syndrome."),
        columns=("Step", f"Number of {n}", "Out of", "Source"),
        rows=tuple((s.label, s.count, s.of or "-", s.source or "-") for s in steps),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Step")
