"""The chance of a live birth with Down syndrome by maternal age: model curve, published cross-check, slider."""
from __future__ import annotations

import math

import plotly.graph_objects as go

from lcbook import data
from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative
from lcbook.maternal_age import about_one_in, livebirth_risk, one_in

#: The ages the slider steps through (years).
SLIDER_AGES: tuple[int, ...] = (20, 25, 30, 35, 38, 40, 42, 45)
_CURVE_AGES = [20 + 0.25 * i for i in range(101)]  # 20 to 45 years
_TICK_N = (2000, 1000, 500, 200, 100, 50, 20)
_MODEL = OKABE_ITO["blue"]
_CROSS_CHECK = OKABE_ITO["vermillion"]
# The risk is per birth: the number of affected births also depends on how many babies mothers of
# each age have (the often-quoted "about 70% born to mothers under 35" has only low-authority sources).
_UNDER_35 = (
    "This is a risk per live birth: how many babies with Down syndrome are born to mothers of an age "
    "also depends on how many babies mothers of that age have."
)


def _percent(risk: float) -> str:
    return f"{100 * risk:.2g}%"


def _description(age: int) -> str:
    """The slider's sentence for one age, computed from the model."""
    risk = livebirth_risk(age)
    text = (f"At {age}, the Morris (2002) model gives about 1 in {about_one_in(risk):,} live births with "
            f"Down syndrome ({_percent(risk)}).")
    published = {r.age_years: r.risk_one_in for r in data.snijders_maternal_age_risk()}
    if age in published:
        text += f" Snijders et al. (1999) give 1 in {published[age]:,}."
    return f"{text} {_UNDER_35}"


def _label_offset(age: int) -> tuple[int, int]:
    """Where the chosen age's label sits (pixels from the marker): clear of the curve and the table points."""
    if age < 30:
        return 60, -28  # up and right
    if age < 40:
        return -60, -20  # up and left
    return -62, 30  # down and left, below the published points near the top


def _marker_label(age: int) -> str:
    return f"<b>{age} years</b><br>about 1 in {about_one_in(livebirth_risk(age)):,}"


def maternal_age_chart() -> Interactive:
    """Morris 2002 model curve (log scale) with Snijders et al. (1999) points and an age slider."""
    cross = data.snijders_maternal_age_risk()
    curve = go.Scatter(
        x=_CURVE_AGES, y=[float(f"{livebirth_risk(a):.5g}") for a in _CURVE_AGES], mode="lines",
        name="Model (Morris et al. 2002)", line=dict(color=_MODEL, width=3),
        hovertext=[f"Age {a:g}: 1 in {one_in(livebirth_risk(a)):,}" for a in _CURVE_AGES],
        hoverinfo="text",
    )
    points = go.Scatter(
        x=[r.age_years for r in cross], y=[r.risk for r in cross], mode="markers",
        name="Table (Snijders et al. 1999)",
        marker=dict(symbol="diamond", size=10, color=_CROSS_CHECK, line=dict(color="#000000", width=1)),
        hovertext=[f"Age {r.age_years}: 1 in {r.risk_one_in:,} (Snijders et al. 1999)" for r in cross],
        hoverinfo="text",
    )
    start = SLIDER_AGES.index(35)
    age0 = SLIDER_AGES[start]
    chosen = go.Scatter(
        x=[age0], y=[livebirth_risk(age0)], mode="markers", name="Chosen age", showlegend=False,
        marker=dict(size=15, color="#FFFFFF", line=dict(color="#000000", width=3)), hoverinfo="skip",
    )
    fig = go.Figure([curve, points, chosen])
    fig.update_layout(
        height=470, margin=dict(l=8, r=12, t=12, b=10),
        xaxis=dict(title=dict(text="Mother's age at delivery (years)", standoff=6), range=[19, 46], dtick=5,
                   fixedrange=True, gridcolor="#E5E5E5", zeroline=False),
        yaxis=dict(
            type="log", title=dict(text="Chance per live birth (log scale)"),
            range=[math.log10(1 / 2500), math.log10(1 / 17)], tickvals=[1 / n for n in _TICK_N],
            ticktext=[f"1 in {n:,}" for n in _TICK_N], fixedrange=True, gridcolor="#E5E5E5",
            automargin=True,
        ),
        legend=dict(orientation="h", x=0, y=-0.17, xanchor="left", yanchor="top", font=dict(size=12)),
        shapes=[dict(type="line", xref="x", yref="paper", x0=age0, x1=age0, y0=0, y1=1,
                     line=dict(color="#555555", width=1.5, dash="dot"))],
        annotations=[dict(x=age0, y=math.log10(livebirth_risk(age0)), xref="x", yref="y",
                          text=_marker_label(age0), showarrow=True, arrowhead=0, ax=_label_offset(age0)[0],
                          ay=_label_offset(age0)[1],
                          font=dict(size=12, color="#000000"), bgcolor="rgba(255,255,255,0.9)",
                          bordercolor="#000000", borderwidth=1, align="left")],
        plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF", dragmode=False,
        font=dict(family="Arial, Helvetica, sans-serif"),
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color="#000000")), hovermode="closest",
    )
    states = tuple(
        State(
            label=f"{age} years",
            description=_description(age),
            data={"x": [[age]], "y": [[livebirth_risk(age)]]},
            layout={
                "shapes[0].x0": age, "shapes[0].x1": age,
                "annotations[0].x": age, "annotations[0].y": math.log10(livebirth_risk(age)),
                "annotations[0].text": _marker_label(age),
                # Keep the label inside the plot: left of the marker at high ages, right at low ones.
                "annotations[0].ax": _label_offset(age)[0],
                "annotations[0].ay": _label_offset(age)[1],
            },
            traces=(2,),
        )
        for age in SLIDER_AGES
    )
    published = {r.age_years: r.risk_one_in for r in cross}
    ages = sorted(set(SLIDER_AGES) | set(published))
    alt = TextAlternative(
        takeaway=(
            "The chance that a live-born baby has Down syndrome rises with the mother's age, slowly until "
            f"about 30 and steeply after: about 1 in {about_one_in(livebirth_risk(20)):,} at 20, "
            f"1 in {about_one_in(livebirth_risk(35)):,} at 35 and 1 in {about_one_in(livebirth_risk(45)):,} "
            "at 45 (Morris 2002 model); an independent published table agrees. " + _UNDER_35
        ),
        columns=("Mother's age (years)", "Model, Morris 2002 (1 in N)", "Snijders et al. 1999 (1 in N)"),
        rows=tuple(
            (a, f"{one_in(livebirth_risk(a)):,}", f"{published[a]:,}" if a in published else "")
            for a in ages
        ),
    )
    return Interactive(
        figure=fig, alt=alt, states=states, control_label="Mother's age at delivery",
        control="slider", initial=start,
    )
