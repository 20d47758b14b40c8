"""The causes side by side: a log-scale comparison of sourced risk figures, and a table of the causes.

``risk_comparison`` draws every figure of ``data/review/risks.csv`` as a dot (with its 95% CI
where the source gives one) on a log scale, coloured by cause, with one state per family of
measures: relative measures (SIR, O/E, RR, a review's fold risk), and absolute percentages of people
with, in a small panel on its own axis, yearly rates. The families cannot share one axis, so a button
switches between them.

``causes_table`` shows ``data/review/causes.csv`` as an accessible HTML table: one row per cause,
grouped by route (syndrome, familial, acquired), with mechanism, inheritance and leukemias.

    >>> chart = risk_comparison()
    >>> [s.label for s in chart.states]
    ['Relative measures (SIR, O/E, RR)', 'Absolute risk (% of people) and yearly rates']
"""
from __future__ import annotations

import html
import math
from dataclasses import dataclass

import plotly.graph_objects as go

from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative, wrap_lines
from lcbook.review import ROUTES, Cause, Risk, cause_by_id, load_causes, load_risks, risks_by_family

__all__ = ["FAMILY_STATES", "GROUP_STYLE", "CausesTable", "causes_table", "risk_comparison"]

#: Colour (Okabe-Ito, or grey/black) and marker symbol of each group of causes, in legend order.
GROUP_STYLE: dict[str, tuple[str, str]] = {
    "Down syndrome": (OKABE_ITO["blue"], "circle"),
    "Bloom syndrome": (OKABE_ITO["sky_blue"], "square"),
    "Klinefelter syndrome": (OKABE_ITO["bluish_green"], "diamond"),
    "Wiskott-Aldrich syndrome": (OKABE_ITO["reddish_purple"], "triangle-up"),
    "Fanconi anemia": (OKABE_ITO["vermillion"], "circle"),
    "Familial (germline)": (OKABE_ITO["orange"], "square"),
    "Clonal hematopoiesis": (OKABE_ITO["black"], "diamond"),
    "Environment and treatment": ("#5A5A5A", "triangle-up"),
}

#: (label, family shown on the main axis) of each state, in button order. Yearly rates have their own
#: panel and axis, shown with the absolute percentages.
FAMILY_STATES: tuple[tuple[str, str], ...] = (
    ("Relative measures (SIR, O/E, RR)", "relative"),
    ("Absolute risk (% of people) and yearly rates", "absolute"),
)

_TEXT = "#1A1A1A"
_HEIGHT = 1000
_MAIN_DOMAIN = {"relative": [0.0, 1.0], "absolute": [0.24, 1.0]}
#: The rate panel's share of the height: a sliver when hidden, so that its (empty) plot area neither
#: covers nor takes the hover of the main panel's lowest rows.
_RATE_DOMAIN = {"relative": [0.0, 0.001], "absolute": [0.0, 0.12]}
_AXES: dict[str, dict] = {
    "relative": {
        "xaxis.range": [round(math.log10(0.7), 4), round(math.log10(2500), 4)],
        "xaxis.tickvals": [1, 10, 100, 1000],
        "xaxis.ticktext": ["1×", "10×", "100×", "1,000×"],
        "xaxis.minor.tickvals": [],
        "xaxis.title.text": "Times the comparison rate<br>(log scale; 1× = no excess)",
    },
    "absolute": {
        "xaxis.range": [round(math.log10(1.2), 4), round(math.log10(200), 4)],
        "xaxis.tickvals": [2, 10, 100],
        "xaxis.ticktext": ["2%", "10%", "100%"],
        "xaxis.minor.tickvals": [5, 20, 50],
        "xaxis.title.text": "Percent of people affected<br>(log scale)",
    },
}
_RATE_AXIS = dict(
    type="log", range=[round(math.log10(0.2), 4), round(math.log10(5), 4)], tickmode="array",
    tickvals=[0.2, 0.5, 1, 2, 5], ticktext=["0.2%", "0.5%", "1%", "2%", "5%"], fixedrange=True,
    gridcolor="#DDDDDD", zeroline=False, anchor="y2", automargin=True,
    title=dict(text="Percent of people a year<br>(log scale)", font=dict(size=12)),
)


def _label(risk: Risk) -> str:
    """The row label: cause and endpoint, then the setting (two short lines, for a phone's width)."""
    return f"{cause_by_id(risk.cause_id).short_name}: {risk.endpoint}<br>{risk.setting}"


def _hover(risk: Risk) -> str:
    cause = cause_by_id(risk.cause_id)
    lines = [
        f"<b>{html.escape(cause.condition)}</b>: {html.escape(risk.endpoint)}",
        f"{html.escape(risk.measure_label)}: {html.escape(risk.value_text)}"
        + (f" (95% CI {risk.ci_text})" if risk.ci_low is not None else ""),
        wrap_lines(html.escape(risk.population + (f"; {risk.age}" if risk.age else "")), 44),
        f"Source: {html.escape(risk.source_text)}",
    ]
    if risk.note:
        lines.append(wrap_lines(html.escape(risk.note), 44))
    return "<br>".join(lines)


def _find(cause_id: str, measure: str, endpoint: str | None = None, setting: str | None = None) -> Risk:
    for risk in load_risks():
        if (risk.cause_id, risk.measure) == (cause_id, measure) and (endpoint is None or risk.endpoint == endpoint) \
                and (setting is None or risk.setting == setting):
            return risk
    raise LookupError(f"No figure for {cause_id} / {measure} / {endpoint} / {setting} in data/review/risks.csv")


def _description(family: str) -> str:
    """What the reader sees in each state, in words, with the numbers read from the data."""
    def v(*args: str) -> str:
        return _find(*args).value_text

    braun = _find("wiskott_aldrich", "percent_of_cohort", "acute leukemia")
    if family == "relative":
        return (
            "Relative measures: how many times more often leukemia occurred than in a comparison group "
            "(SIR and O/E: the general population of the same age; RR: people without the exposure or "
            "the family history; fold: a review's rounded estimate). Each gridline is ten times the last. "
            f"Fanconi anemia ({v('fanconi', 'observed_expected', 'leukemia', 'North American cohort')} for leukemia in "
            f"North America, {v('fanconi', 'observed_expected', 'AML', 'German registry')} for AML in Germany) and Down syndrome in early childhood "
            f"({v('down_syndrome', 'sir', 'leukemia', 'age 0-4, Denmark')} at ages 0-4) lie tens to "
            f"hundreds of times above current smoking ({v('smoking', 'relative_risk', 'AML', 'current smokers')} "
            f"for AML); familial CLL ({v('familial_cll', 'relative_risk', 'CLL', 'relatives, Sweden 2009')}) "
            f"and Klinefelter syndrome ({v('klinefelter', 'sir')} in Sweden, but no excess in Denmark) lie "
            "between. Bloom and Wiskott-Aldrich syndromes have no relative figure for leukemia in these "
            "sources. The studies differ in design, age and endpoint, so compare orders of magnitude, not "
            "decimals. Ratios cannot share an axis with percentages: a ratio compares with other people, a "
            "percentage counts the people affected."
        )
    return (
        "Absolute risk: the percent of people affected, either by a stated age (cumulative incidence) or "
        "during a cohort's follow-up. Down syndrome: leukemia "
        f"{v('down_syndrome', 'cumulative_incidence_percent', 'leukemia', 'by age 5, Denmark')} by age 5; "
        f"Fanconi anemia: leukemia {v('fanconi', 'cumulative_incidence_percent', 'leukemia', 'by age 48, North America')} "
        f"by 48 and MDS or AML {v('fanconi', 'cumulative_incidence_percent', 'MDS/AML')} by 40; DDX41 "
        f"carriers: {v('ddx41', 'cumulative_incidence_percent')} by 90. Several are not leukemia alone: "
        f"Bloom syndrome's {v('bloom', 'cumulative_incidence_percent')} by 40 is any cancer, X-linked "
        f"thrombocytopenia's {v('wiskott_aldrich', 'percent_of_cohort', 'any malignancy')} any malignancy, "
        f"GATA2 deficiency's {v('gata2', 'percent_of_cohort', 'MDS')} is MDS, in a clinical series of "
        "patients, not a risk for all carriers, and the "
        f"{v('wiskott_aldrich', 'percent_of_cohort', 'acute leukemia')} ({braun.events} of {braun.n} patients) "
        "after gene therapy was caused by the vector. The small panel below has its own axis, a yearly rate: people with clonal "
        f"hematopoiesis (CHIP) progress to an overt blood cancer at {v('chip', 'percent_per_year')}, and "
        f"in Fanconi anemia the AML hazard peaks at about {v('fanconi', 'percent_per_year')} in the teens. "
        "Percentages cannot share an axis with ratios: a large ratio of a rare disease can still be a "
        "small percentage."
    )


def _points(rows: tuple[Risk, ...] | list[Risk]) -> dict[str, list]:
    """Plotly arrays for some figures: a point each (two joined points for a stated range), then a gap."""
    out: dict[str, list] = {k: [] for k in ("x", "y", "text", "customdata", "plus", "minus")}
    for risk in rows:
        points = [risk.value, risk.value_high] if risk.is_range else [risk.value]
        for k, x in enumerate(points):
            out["x"].append(x)
            out["y"].append(_label(risk))
            out["text"].append(risk.value_text if k == 0 else "")
            out["customdata"].append(_hover(risk))
            out["plus"].append(round(risk.ci_high - risk.value, 4) if risk.ci_high is not None else 0)
            out["minus"].append(round(risk.value - risk.ci_low, 4) if risk.ci_low is not None else 0)
        # A gap after each figure, so that only the two ends of a stated range are joined by a line.
        for column in out.values():
            column.append(None)
    return out


def _group(risk: Risk) -> str:
    return cause_by_id(risk.cause_id).group


def _trace(group: str, pts: dict[str, list], *, rate: bool = False) -> go.Scatter:
    colour, symbol = GROUP_STYLE[group]
    return go.Scatter(
        x=pts["x"], y=pts["y"], name=group, legendgroup=group, mode="lines+markers+text",
        text=pts["text"], textposition="top center", cliponaxis=False,
        textfont=dict(size=12, color=_TEXT),
        marker=dict(size=11, color=colour, symbol=symbol, line=dict(width=1, color="#FFFFFF")),
        line=dict(color=colour, width=5),
        error_x=dict(type="data", symmetric=False, array=pts["plus"], arrayminus=pts["minus"],
                     color=colour, thickness=1.5, width=5),
        customdata=pts["customdata"], hovertemplate="%{customdata}<extra></extra>", connectgaps=False,
        xaxis="x2" if rate else "x", yaxis="y2" if rate else "y",
    )


def risk_comparison() -> Interactive:
    """Every sourced risk figure on a log scale, coloured by cause; a state per family of measures."""
    groups = tuple(GROUP_STYLE)
    rate_rows = risks_by_family("rate")
    rate_groups = tuple(g for g in groups if any(_group(r) == g for r in rate_rows))
    main = {family: {g: [r for r in risks_by_family(family) if _group(r) == g] for g in groups}
            for _, family in FAMILY_STATES}
    first = FAMILY_STATES[0][1]
    fig = go.Figure()
    for g in groups:
        fig.add_trace(_trace(g, _points(main[first][g])))
    for g in rate_groups:
        fig.add_trace(_trace(g, _points([r for r in rate_rows if _group(r) == g]), rate=True))
    rate_labels = [_label(r) for r in rate_rows]
    fig.update_layout(
        height=_HEIGHT, margin=dict(l=6, r=14, t=10, b=10), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        font=dict(size=13, color=_TEXT), dragmode=False, hovermode="closest",
        hoverlabel=dict(bgcolor="#FFFFFF", font=dict(color=_TEXT, size=12)),
        legend=dict(orientation="h", yanchor="bottom", y=1.01, x=0, xanchor="left", font=dict(size=12),
                    title=dict(text="Cause: ")),
        xaxis=dict(type="log", fixedrange=True, gridcolor="#DDDDDD", tickmode="array", zeroline=False,
                   anchor="y", automargin=True, title=dict(font=dict(size=12)),
                   minor=dict(tickmode="array", showgrid=True, gridcolor="#EEEEEE", ticks="")),
        yaxis=dict(type="category", categoryorder="array", fixedrange=True, automargin=True,
                   gridcolor="#F0F0F0", tickfont=dict(size=12)),
        xaxis2=_RATE_AXIS,
        yaxis2=dict(type="category", categoryorder="array", categoryarray=list(reversed(rate_labels)),
                    range=[-0.6, len(rate_labels) - 0.4], fixedrange=True, automargin=True,
                    gridcolor="#F0F0F0", tickfont=dict(size=12), domain=_RATE_DOMAIN["absolute"], anchor="x2"),
    )
    states = []
    for label, family in FAMILY_STATES:
        shown = {g for g in groups if main[family][g]}
        data: dict[str, list] = {k: [] for k in ("x", "y", "text", "customdata", "error_x.array",
                                                  "error_x.arrayminus", "visible", "showlegend")}
        for g in groups:
            pts = _points(main[family][g])
            for key, src in (("x", "x"), ("y", "y"), ("text", "text"), ("customdata", "customdata"),
                             ("error_x.array", "plus"), ("error_x.arrayminus", "minus")):
                data[key].append(pts[src])
            data["visible"].append(True)
            data["showlegend"].append(g in shown)
        for g in rate_groups:
            pts = _points([r for r in rate_rows if _group(r) == g])
            for key, src in (("x", "x"), ("y", "y"), ("text", "text"), ("customdata", "customdata"),
                             ("error_x.array", "plus"), ("error_x.arrayminus", "minus")):
                data[key].append(pts[src])
            data["visible"].append(family == "absolute")
            data["showlegend"].append(family == "absolute" and g not in shown)
        labels = [_label(r) for r in risks_by_family(family)]
        layout = dict(_AXES[family])
        layout.update({
            "yaxis.categoryarray": list(reversed(labels)),
            "yaxis.range": [-0.6, len(labels) - 0.4],
            "yaxis.domain": _MAIN_DOMAIN[family],
            "yaxis2.domain": _RATE_DOMAIN[family],
            "xaxis2.visible": family == "absolute",
            "yaxis2.visible": family == "absolute",
            "shapes": [dict(type="line", xref="x", yref="y domain", x0=1, x1=1, y0=0, y1=1,
                            line=dict(color="#444444", width=1, dash="dash"))] if family == "relative" else [],
        })
        states.append(State(label=label, description=_description(family), data=data, layout=layout,
                            traces=tuple(range(len(groups) + len(rate_groups)))))
    fig.update_layout({k.replace(".", "_"): v for k, v in states[0].layout.items() if k != "shapes"})
    fig.update_layout(shapes=states[0].layout["shapes"])
    for i, visible in enumerate(states[0].data["visible"]):
        fig.data[i].visible = visible
        fig.data[i].showlegend = states[0].data["showlegend"][i]
    risks = load_risks()
    alt = TextAlternative(
        takeaway=(
            "On a log scale, the causes raise the risk of leukemia by very different amounts: Fanconi "
            "anemia hundreds of times (observed-to-expected 785 for leukemia in North America, 868 for AML in Germany), Down syndrome "
            "tens of times for any leukemia in early childhood (56 at ages 0-4; about 150-fold for AML in a "
            "review), familial CLL several times (8.5), Klinefelter syndrome a few times (3.62, an excess not "
            "found in Denmark), current smoking less than twice (1.40). "
            "Percentages and yearly rates are shown separately, because they cannot share an axis with "
            "ratios. The studies differ in design, age and endpoint: compare orders of magnitude, not decimals."
        ),
        columns=("Cause", "Endpoint", "Measure", "Value", "95% CI", "Population", "Age", "Source", "Note"),
        rows=tuple(
            (cause_by_id(r.cause_id).condition, r.endpoint, r.measure_label, r.value_text, r.ci_text,
             r.population, r.age or "-", r.source_text, r.note or "-")
            for r in risks
        ),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Measure")


# --------------------------------------------------------------------------------------------
# The causes table
# --------------------------------------------------------------------------------------------

_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("mechanism", "How it leads to leukemia"),
    ("inheritance", "Inheritance or origin"),
    ("leukemia_types", "Main blood cancers"),
    ("leukemia_link", "Strength of the link to leukemia"),
    ("skin", "Leukemia cutis counted?"),
)
_PAGE_TITLES: dict[str, str] = {
    "down_syndrome": "Down syndrome", "bloom": "Bloom syndrome", "klinefelter": "Klinefelter syndrome",
    "wiskott_aldrich": "Wiskott-Aldrich syndrome", "fanconi": "Fanconi anemia",
    "familial": "Familial predisposition", "clonal": "Acquired mutations and clonal expansion",
}
_STYLE = """
.lc-causes { border-collapse: collapse; min-width: 46rem; font-size: 0.88rem; line-height: 1.35; }
.lc-causes caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 0.4rem 0; }
.lc-causes th, .lc-causes td { text-align: left; vertical-align: top; padding: 0.35rem 0.5rem;
  border-bottom: 1px solid #C8C8C8; }
.lc-causes thead th { border-bottom: 2px solid #555555; }
.lc-causes tbody th[scope="rowgroup"] { background: #EEF4FA; color: #1A1A1A; font-size: 0.95rem; }
.lc-causes tbody th[scope="row"] { min-width: 8rem; }
"""


@dataclass(frozen=True)
class CausesTable:
    """The causes as an accessible HTML table (row headers, column headers, groups by route)."""

    causes: tuple[Cause, ...]

    def to_html(self) -> str:
        """The table as self-contained HTML, scrollable sideways on a narrow screen."""
        head = '<th scope="col">Cause</th>' + "".join(f'<th scope="col">{html.escape(t)}</th>'
                                                       for _, t in _TABLE_COLUMNS)
        head += '<th scope="col">Read more</th>'
        n_cols = len(_TABLE_COLUMNS) + 2
        bodies = []
        for route in ROUTES:
            rows = [c for c in self.causes if c.route == route]
            if not rows:
                continue
            body = [f'<tbody><tr><th scope="rowgroup" colspan="{n_cols}">{html.escape(route)}</th></tr>']
            for c in rows:
                cells = "".join(f"<td>{html.escape(getattr(c, key))}</td>" for key, _ in _TABLE_COLUMNS)
                page = _PAGE_TITLES.get(c.page, c.page)
                body.append(f'<tr><th scope="row">{html.escape(c.condition)}</th>{cells}'
                            f"<td>{html.escape(page)}</td></tr>")
            body.append("</tbody>")
            bodies.append("".join(body))
        return (
            f"<style>{_STYLE}</style>"
            '<div class="lc-table-scroll" role="region" aria-label="The causes side by side" tabindex="0">'
            '<table class="lc-causes"><caption>The causes side by side: mechanism, inheritance, blood '
            "cancers and what is known about the skin (sources in data/review/README.md and on the "
            "cause pages)</caption>"
            f"<thead><tr>{head}</tr></thead>{''.join(bodies)}</table></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        lines = ["The causes side by side:"]
        for c in self.causes:
            lines.append(f"- {c.condition} ({c.route}): {c.inheritance}. {c.leukemia_link}.")
        return "\n".join(lines)


def causes_table() -> CausesTable:
    """Every cause of data/review/causes.csv as an accessible table, grouped by route."""
    return CausesTable(load_causes())
