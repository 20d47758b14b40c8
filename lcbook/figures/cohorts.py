"""Cancer in cohorts of men with Klinefelter syndrome: each study's ratio of observed to expected."""
from __future__ import annotations

import plotly.graph_objects as go

from lcbook.data import klinefelter_cancer_cohorts
from lcbook.display import OKABE_ITO, Interactive, State, TextAlternative

#: Outcome groups a reader can pick, and the outcomes in each.
GROUPS: dict[str, tuple[str, ...]] = {
    "Blood cancers": ("leukemia", "hematological malignancy", "non-Hodgkin lymphoma"),
    "Breast and mediastinal": ("breast cancer", "mediastinal tumors (all malignant germ-cell tumors)"),
    "All cancers and solid tumors": ("all cancers", "solid tumors", "lung cancer"),
}
_COLOURS = (OKABE_ITO["vermillion"], OKABE_ITO["blue"], OKABE_ITO["bluish_green"])
_DESCRIPTIONS = {
    "All results": (
        "All results: ratios above 1 mean more cancers (for the UK's mortality ratios, more cancer deaths) than expected; confidence intervals are drawn where the studies give them. The largest and firmest excesses "
        "are of male breast cancer and of mediastinal germ-cell tumors; for blood cancers the cohorts "
        "disagree."
    ),
    "Blood cancers": (
        "Blood cancers: the Swedish cohort found leukemia 3.6 times and non-Hodgkin lymphoma 3.0 times more often "
        "than expected, and the UK cohort more deaths from non-Hodgkin lymphoma, but the Danish cohort "
        "found no excess of leukemia or lymphoma. The evidence for leukemia is inconsistent."
    ),
    "Breast and mediastinal": (
        "Breast and mediastinal tumors: the firmest associations. Mediastinal germ-cell tumors were "
        "67 times more frequent than expected in Denmark (4 cases), and male breast cancer deaths about "
        "58 times in the UK."
    ),
    "All cancers and solid tumors": (
        "All cancers together were close to the expected number (ratios 1.1-1.2), and solid tumors "
        "were less frequent than expected in Sweden (0.66)."
    ),
}


def _sentence_case(text: str) -> str:
    """Capitalise the first letter only (keeps names such as Hodgkin)."""
    return text[:1].upper() + text[1:]


def klinefelter_cohorts_chart() -> Interactive:
    """The cohort results for all men with Klinefelter syndrome, on a log scale, by outcome group."""
    rows = [r for r in klinefelter_cancer_cohorts() if r.karyotype_group == "all" and r.value > 0]
    fig = go.Figure()
    order: list[str] = []
    for (group, outcomes), colour in zip(GROUPS.items(), _COLOURS):
        picked = [r for r in rows if r.outcome in outcomes]
        labels = [f"{_sentence_case(r.outcome.split(' (')[0])}<br>{r.country} ({r.measure})" for r in picked]
        order.extend(labels)
        values = [r.value for r in picked]
        upper = [r.ci_high - r.value if r.ci_high is not None else 0 for r in picked]
        lower = [r.value - r.ci_low if r.ci_low is not None else 0 for r in picked]
        fig.add_trace(go.Scatter(
            x=values, y=labels, mode="markers", name=group,
            marker=dict(size=11, color=colour, symbol="diamond"),
            error_x=dict(type="data", array=upper, arrayminus=lower, color=colour, thickness=1.5),
            hovertemplate="%{y}: %{x}<extra></extra>",
        ))
    fig.add_vline(x=1, line=dict(color="#444444", dash="dash", width=1))
    fig.update_layout(
        height=560, margin=dict(l=8, r=8, t=10, b=40),
        xaxis=dict(type="log", title="Observed / expected<br>(log scale; 1 = no excess)",
                   tickvals=[0.5, 1, 2, 5, 10, 20, 50, 100], fixedrange=True),
        yaxis=dict(categoryorder="array", categoryarray=list(reversed(order)), fixedrange=True,
                   automargin=True),
        legend=dict(orientation="h", y=-0.22, yanchor="top", x=0), plot_bgcolor="#FFFFFF", paper_bgcolor="#FFFFFF",
        dragmode=False,
    )
    n = len(GROUPS)
    states = [State("All results", _DESCRIPTIONS["All results"], data={"opacity": [1.0] * n})]
    for i, group in enumerate(GROUPS):
        states.append(State(group, _DESCRIPTIONS[group],
                            data={"opacity": [1.0 if j == i else 0.15 for j in range(n)]}))
    alt = TextAlternative(
        takeaway=("In cohorts of men with Klinefelter syndrome, breast cancer and mediastinal germ-cell "
                  "tumors are clearly more frequent than expected; blood-cancer results disagree between "
                  "countries; all cancers together are close to expected."),
        columns=("Study", "Country", "Men", "Karyotype group", "Outcome", "Measure", "Value", "95% CI"),
        rows=tuple(
            (r.study, r.country, r.n_men,
             "all men in the cohort" if r.karyotype_group == "all" else f"{r.karyotype_group} only",
             r.outcome, r.measure, f"{r.value:g}",
             f"{r.ci_low:g}-{r.ci_high:g}" if r.ci_low is not None else "not given")
            for r in klinefelter_cancer_cohorts()
        ),
    )
    return Interactive(figure=fig, alt=alt, states=tuple(states), control_label="Outcome")
