"""Maternal age and Down syndrome: the Morris 2002 model and the age chart with its slider."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lcbook import data
from lcbook.figures.maternal_age import SLIDER_AGES, maternal_age_chart
from lcbook.maternal_age import MAX_AGE, MIN_AGE, about_one_in, livebirth_risk, one_in

#: The fact sheet's Table A (section 2): the Morris 2002 model at exact ages, "about 1 in N".
FACT_SHEET_TABLE_A = {20: 1480, 25: 1340, 30: 940, 35: 350, 38: 150, 40: 86, 42: 55, 45: 36}

ages = st.floats(min_value=MIN_AGE, max_value=MAX_AGE, allow_nan=False)


# --- The model -------------------------------------------------------------------------------------


@pytest.mark.parametrize("age, n", sorted(FACT_SHEET_TABLE_A.items()))
def test_model_reproduces_the_fact_sheet_table(age, n):
    assert one_in(livebirth_risk(age)) == pytest.approx(n, rel=0.02)


@given(ages, ages)
def test_risk_rises_with_age(a, b):
    if a < b:
        assert livebirth_risk(a) < livebirth_risk(b)


@given(ages)
def test_risk_is_a_probability(age):
    assert 0 < livebirth_risk(age) < 1


def test_model_agrees_with_the_published_cross_check_table_within_a_third():
    for row in data.snijders_maternal_age_risk():
        assert one_in(livebirth_risk(row.age_years)) == pytest.approx(row.risk_one_in, rel=1 / 3)


@pytest.mark.parametrize("age", [14.9, 51, -3, float("nan"), float("inf")])
def test_age_outside_model_range_is_refused_with_a_clear_message(age):
    with pytest.raises(ValueError, match=r"only for maternal ages 15 to 50 years.*e\.g\. 35"):
        livebirth_risk(age)


@pytest.mark.parametrize("age", ["35", None, True])
def test_an_age_that_is_not_a_number_is_refused(age):
    with pytest.raises(TypeError, match="number of years"):
        livebirth_risk(age)


def test_one_in_rounds_to_the_nearest_whole_number():
    assert one_in(1 / 353.6) == 354 and one_in(1 / 85.4) == 85


@pytest.mark.parametrize("risk", [0, -0.1, 1.5, float("nan")])
def test_one_in_refuses_a_risk_that_is_not_a_probability(risk):
    with pytest.raises(ValueError, match="probability"):
        one_in(risk)


@pytest.mark.parametrize("n, about", [(1478, 1500), (1341, 1300), (940, 940), (354, 350), (86, 86), (1250, 1300)])
def test_about_one_in_keeps_two_significant_figures(n, about):
    assert about_one_in(1 / n) == about


# --- The chart ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chart():
    return maternal_age_chart()


def test_chart_has_a_slider_state_for_each_age(chart):
    assert chart.control == "slider"
    assert [s.label for s in chart.states] == [f"{a} years" for a in SLIDER_AGES]


def test_chart_starts_at_35(chart):
    assert chart.states[chart.initial].label == "35 years"


def test_every_state_changes_the_figure(chart):
    drawn = {chart.figure_at(i).to_json() for i in range(len(chart.states))}
    assert len(drawn) == len(chart.states)


def test_slider_moves_the_marker_to_the_models_risk(chart):
    for i, age in enumerate(SLIDER_AGES):
        marker = chart.figure_at(i).data[2]
        assert list(marker.x) == [age] and marker.y[0] == pytest.approx(livebirth_risk(age))


def test_marker_label_and_description_quote_the_same_rounded_risk(chart):
    for i, age in enumerate(SLIDER_AGES):
        n = f"1 in {about_one_in(livebirth_risk(age)):,}"
        fig = chart.figure_at(i)
        assert n in fig.layout.annotations[0].text
        assert chart.states[i].description.startswith(f"At {age}, ") and n in chart.states[i].description
        assert fig.layout.annotations[0].y == pytest.approx(math.log10(livebirth_risk(age)))


def test_every_description_says_it_is_a_risk_per_live_birth(chart):
    assert all("risk per live birth" in s.description for s in chart.states)


def test_description_quotes_the_cross_check_where_the_table_has_that_age(chart):
    assert "Snijders et al. (1999) give 1 in 356" in chart.states[SLIDER_AGES.index(35)].description


def test_y_axis_is_logarithmic_with_1_in_n_labels(chart):
    y = chart.figure.layout.yaxis
    assert y.type == "log" and all(t.startswith("1 in ") for t in y.ticktext)


def test_curve_spans_ages_20_to_45_and_points_come_from_the_data_file(chart):
    curve, points = chart.figure.data[0], chart.figure.data[1]
    assert min(curve.x) == 20 and max(curve.x) == 45
    assert list(points.x) == [r.age_years for r in data.snijders_maternal_age_risk()]


def test_chart_uses_only_scatter_traces_and_stays_small(chart):
    assert {t.type for t in chart.figure.data} == {"scatter"}
    assert len(chart.to_html().encode("utf-8")) < 100_000


def test_text_alternative_lists_model_and_table_values(chart):
    rows = {row[0]: row for row in chart.alt.rows}
    assert rows[35][1] == "354" and rows[35][2] == "356" and rows[44][1]
