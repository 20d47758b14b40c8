"""The Klinefelter cohort chart: every sourced result, grouped by outcome."""
from __future__ import annotations

from lcbook.figures.cohorts import GROUPS, klinefelter_cohorts_chart


def test_every_outcome_group_is_a_state_after_all_results():
    labels = [s.label for s in klinefelter_cohorts_chart().states]
    assert labels == ["All results", *GROUPS]


def test_choosing_blood_cancers_fades_the_other_groups():
    fig = klinefelter_cohorts_chart().figure_at(1)
    assert [t.opacity for t in fig.data] == [1.0, 0.15, 0.15]


def test_the_swedish_leukemia_ratio_is_plotted():
    fig = klinefelter_cohorts_chart().figure
    blood = fig.data[0]
    assert 3.62 in list(blood.x)


def test_a_zero_ratio_cannot_sit_on_the_log_axis_and_is_left_to_the_table():
    chart = klinefelter_cohorts_chart()
    assert all(x > 0 for trace in chart.figure.data for x in trace.x)
    assert any(row[chart.alt.columns.index("Value")] == "0" for row in chart.alt.rows)


def test_the_blood_cancer_description_says_the_evidence_is_inconsistent():
    assert "inconsistent" in klinefelter_cohorts_chart().states[1].description


def test_the_table_says_which_karyotype_group_each_row_counts_so_no_two_rows_look_alike():
    from lcbook.figures.cohorts import klinefelter_cohorts_chart

    alt = klinefelter_cohorts_chart().alt
    assert "Karyotype group" in alt.columns
    keys = [tuple(c for h, c in zip(alt.columns, row) if h not in ("Value", "95% CI")) for row in alt.rows]
    assert len(keys) == len(set(keys))
    assert any("mos 47,XXY/46,XY only" in str(c) for row in alt.rows for c in row)
