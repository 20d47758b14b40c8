"""The path from trisomy 21 to ML-DS, with the fact sheet's proportions."""
from __future__ import annotations

import pytest

from lcbook.down_syndrome import tam_cascade
from lcbook.figures.cascade import tam_cascade_chart


def _counts(n=1000):
    return {s.key: s.count for s in tam_cascade(n)}


def test_about_a_tenth_of_newborns_with_down_syndrome_have_tam():
    assert _counts()["tam"] == 100


def test_about_a_quarter_to_a_third_carry_a_gata1_mutant_clone():
    assert 250 <= _counts()["gata1"] <= 333


def test_about_23_percent_of_tam_progresses_to_ml_ds():
    assert _counts()["mlds"] == 23


def test_each_later_step_is_no_larger_than_the_one_it_comes_from():
    c = _counts()
    assert c["all"] >= c["gata1"] >= c["tam"] >= c["mlds"] and c["tam"] >= c["skin"]


def test_every_step_after_the_first_names_its_source():
    assert all(s.source for s in tam_cascade()[1:])


def test_a_cohort_too_small_to_show_the_proportions_is_refused():
    with pytest.raises(ValueError, match="at least 100"):
        tam_cascade(10)


def test_the_chart_colours_exactly_the_people_at_each_step():
    chart = tam_cascade_chart()
    levels = chart.figure_at(4).data[0].marker.color
    assert sum(1 for v in levels if v == 4) == 23
    assert sum(1 for v in levels if v >= 2) == 100


def test_every_step_of_the_chart_changes_it():
    chart = tam_cascade_chart()
    assert len({chart.figure_at(i).to_json() for i in range(len(chart.states))}) == len(chart.states)
