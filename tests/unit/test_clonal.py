"""Acquired mutations and clonal expansion: the pool model, the sourced data, the three figures and the widget."""
from __future__ import annotations

import itertools
import json
import math
import re
from fractions import Fraction

import numpy as np
import plotly.io as pio
import pytest

from lcbook import clonal
from lcbook.clonal import (
    CloneRun,
    PoolModel,
    RunSet,
    chip_prevalence_by_age,
    died_out_share,
    exposure_findings,
    extinction_probability,
    fixation_probability,
    simulate_clone,
    simulate_eventual_takeovers,
    simulate_runs,
    step_probabilities,
)
from lcbook.data import data_path, read_table
from lcbook.figures import clonal as figs
from lcbook.figures.clonal import BIASES, chip_by_age_chart, clonal_expansion_explorer, exposures_chart

BASIC_BUNDLE = {"scatter", "bar", "pie"}
# Citation keys of the fact sheet's section 8 that the data may use.
SECTION_8_KEYS = {
    "Jaiswal2014NEJM", "IARC2018Vol120", "Infante2011AJIM", "Hsu2013RadiatRes", "Richardson2009RadiatRes",
    "Larson2011MJHID", "Huh2013AnnLabMed", "Fircanis2014AJH", "Colamesta2016CritRev",
}


def _json(fig) -> str:
    return pio.to_json(fig, validate=False, remove_uids=True, pretty=False, engine="json")


def _numbers(text: str) -> set[float]:
    """The numbers quoted in a text, leaving out gene names such as DNMT3A, TET2 or KMT2A."""
    text = re.sub(r"\b[A-Z][A-Z0-9]*\d[A-Z0-9]*\b", "", text)
    return {float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


# --- the model: exact results ------------------------------------------------------------------


@pytest.mark.parametrize("n", [10, 37, 200, 1000])
def test_a_neutral_mutant_takes_over_with_probability_one_over_the_pool_size(n):
    assert fixation_probability(PoolModel(n, 0.0)) == pytest.approx(1 / n, rel=1e-12)


def test_the_chance_of_a_takeover_rises_with_the_bias():
    chances = [fixation_probability(PoolModel(200, b)) for b in (-0.1, -0.02, 0, 0.02, 0.05, 0.1, 0.2, 0.5)]
    assert chances == sorted(chances) and len(set(chances)) == len(chances)


def test_the_chance_of_a_takeover_is_the_gamblers_ruin_formula():
    # Bias 0.05 taken from asymmetric division (0.5): mutant 0.45 / 0.30 / 0.25, wild type 0.5 / 0.25 / 0.25.
    r = Fraction(25 + 25, 30 + 25)  # (d_mut + s_wt) / (s_mut + d_wt)
    exact = (1 - r) / (1 - r**200)
    assert fixation_probability(PoolModel(200, 0.05)) == pytest.approx(float(exact), rel=1e-12)
    assert fixation_probability(PoolModel(200, 0.05), start=200) == pytest.approx(1.0)
    assert fixation_probability(PoolModel(200, 0.05), start=0) == 0.0


@pytest.mark.parametrize("bias", [0.02, 0.05, 0.1, 0.2])
def test_an_advantaged_clone_takes_over_with_about_one_minus_r_whatever_the_pool_size(bias):
    # The page: P = (1 - r) / (1 - r**N) with r = 0.5 / (0.5 + bias), close to 1 - r for any pool size.
    r = 0.5 / (0.5 + bias)
    assert fixation_probability(PoolModel(200, bias)) == pytest.approx((1 - r) / (1 - r**200), rel=1e-12)
    assert fixation_probability(PoolModel(1000, bias)) == pytest.approx(1 - r, rel=1e-3)
    assert fixation_probability(PoolModel(200, 0.2)) == pytest.approx(0.29, abs=0.005)


def test_a_neutral_clone_reaches_a_third_of_a_pool_of_200_about_once_in_70():
    # The page's Try this 4. To take over, a clone must first reach k cells, so
    # P(take over from 1) = P(reach k) x P(take over from k); at bias 0 that gives P(reach k) = 1/k.
    model = PoolModel(200, 0.0)
    k = 67  # the smallest clone above a third of 200 cells
    reach = fixation_probability(model, start=1) / fixation_probability(model, start=k)
    assert reach == pytest.approx(1 / k, rel=1e-12)
    assert 60 <= 1 / reach <= 80  # "about once in 70 neutral clones"


def test_a_disadvantaged_clone_almost_always_dies_out():
    model = PoolModel(200, -0.1)
    assert fixation_probability(model) < 1e-15
    assert extinction_probability(model) == pytest.approx(1.0)


def test_extinction_and_takeover_are_the_only_eventual_outcomes():
    for b in (0.0, 0.02, 0.2):
        model = PoolModel(100, b)
        assert fixation_probability(model) + extinction_probability(model) == pytest.approx(1.0)


def test_wild_type_cells_self_renew_exactly_as_often_as_they_differentiate():
    model = PoolModel(200, 0.1, asymmetric_share=0.4)
    wt, mu = model.wild_type, model.mutant
    assert wt.self_renewal == wt.differentiation == pytest.approx(0.3) and wt.bias == 0
    assert mu.bias == pytest.approx(0.1) and mu.asymmetric == pytest.approx(0.3)
    assert mu.differentiation == wt.differentiation
    for d in (wt, mu):
        assert d.asymmetric + d.self_renewal + d.differentiation == pytest.approx(1.0)


def _enumerated_steps(model: PoolModel, mutants: int) -> tuple[float, float]:
    """The clone's chance to gain or lose a cell in one event, enumerating the rule cell by cell."""
    n = model.pool_size
    cells = ["m"] * mutants + ["w"] * (n - mutants)
    up = down = 0.0
    for i, dividing in enumerate(cells):
        divisions = model.mutant if dividing == "m" else model.wild_type
        others = [c for j, c in enumerate(cells) if j != i]
        for other in others:
            p = (1 / n) * (1 / (n - 1))
            # Self-renewal: the dividing cell's type gains one, the other cell leaves the pool.
            change = (dividing == "m") - (other == "m")
            up += p * divisions.self_renewal * (change > 0)
            down += p * divisions.self_renewal * (change < 0)
            # Differentiation: the dividing cell leaves, the other cell self-renews to fill the space.
            change = (other == "m") - (dividing == "m")
            up += p * divisions.differentiation * (change > 0)
            down += p * divisions.differentiation * (change < 0)
    return up, down


@pytest.mark.parametrize("bias, mutants", [(0.0, 1), (0.2, 1), (0.2, 4), (-0.1, 3), (0.45, 9)])
def test_step_probabilities_follow_the_division_rule_cell_by_cell(bias, mutants):
    model = PoolModel(10, bias)
    assert step_probabilities(model, mutants) == pytest.approx(_enumerated_steps(model, mutants))


def test_a_clone_that_is_gone_or_everywhere_cannot_change():
    model = PoolModel(50, 0.1)
    assert step_probabilities(model, 0) == (0.0, 0.0)
    assert step_probabilities(model, 50) == (0.0, 0.0)


# --- the model: simulation against the exact results ---------------------------------------------


@pytest.mark.parametrize("bias", [0.0, 0.05, 0.2])
def test_simulated_takeovers_match_the_exact_chance_within_four_standard_errors(bias):
    model = PoolModel(20, bias)
    took = simulate_eventual_takeovers(model, 4000, np.random.default_rng(11))
    p = fixation_probability(model)
    assert abs(took.mean() - p) <= 4 * math.sqrt(p * (1 - p) / took.size)


def test_a_clone_with_no_advantage_usually_dies_out():
    took = simulate_eventual_takeovers(PoolModel(200, 0.0), 2000, np.random.default_rng(5))
    assert 1 - took.mean() > 0.98


def _expected_events_to_absorption(model: PoolModel) -> float:
    """Exact mean number of division events until a one-cell clone dies out or takes over."""
    n = model.pool_size
    a = np.zeros((n - 1, n - 1))
    rhs = np.ones(n - 1)
    for i in range(1, n):
        up, down = step_probabilities(model, i)
        a[i - 1, i - 1] = up + down
        if i + 1 < n:
            a[i - 1, i] = -up
        if i - 1 > 0:
            a[i - 1, i - 2] = -down
    return float(np.linalg.solve(a, rhs)[0])


@pytest.mark.parametrize("bias", [0.0, 0.3])
def test_simulated_time_to_the_end_matches_the_exact_mean_within_four_standard_errors(bias):
    model = PoolModel(10, bias)
    rng = np.random.default_rng(2)
    events = np.array([simulate_clone(model, 2000, rng).end_generation * 10 for _ in range(3000)])
    expected = _expected_events_to_absorption(model)
    assert abs(events.mean() - expected) <= 4 * events.std(ddof=1) / math.sqrt(events.size)


def test_the_same_seed_gives_the_same_runs_and_another_seed_other_runs():
    model = PoolModel(200, 0.1)
    a, b, c = (simulate_runs(model, 300, 6, s) for s in (4, 4, 5))
    assert all(np.array_equal(x.share, y.share) and x.outcome == y.outcome for x, y in zip(a.runs, b.runs))
    assert any(not np.array_equal(x.share, y.share) for x, y in zip(a.runs, c.runs))


def test_with_common_random_numbers_a_clone_that_takes_over_also_takes_over_at_a_larger_bias():
    biases = (0.0, 0.05, 0.2, 0.4)
    for k in range(150):
        outcomes = [simulate_clone(PoolModel(20, b), 2000, np.random.default_rng([3, k])).outcome for b in biases]
        assert "still present" not in outcomes
        took = [o == "took over" for o in outcomes]
        assert took == sorted(took), (k, outcomes)


def test_a_run_starts_with_one_mutant_cell_and_counts_whole_cells():
    result = simulate_runs(PoolModel(200, 0.05), 400, 8, 7, points=101)
    for run in result.runs:
        assert run.share[0] == pytest.approx(1 / 200) and run.generations[0] == 0
        assert run.generations[-1] == 400 and run.share.size == 101
        assert np.allclose(run.share * 200, np.round(run.share * 200))
        assert ((run.share >= 0) & (run.share <= 1)).all() and run.share.max() <= run.peak_share
        if run.outcome == "died out":
            assert run.final_share == 0 and run.share[-1] == 0 and run.end_generation <= 400
        elif run.outcome == "took over":
            assert run.final_share == 1 and run.share[-1] == 1 and run.peak_share == 1
        else:
            assert run.end_generation is None and 0 < run.final_share < 1


def test_the_share_of_runs_that_died_out_counts_them():
    def run(outcome):
        share = np.array([0.5])
        return CloneRun(share, share, outcome, None, 0.5, 0.0, 0.5)

    result = RunSet(PoolModel(20, 0.0), 10, 0, tuple(run(o) for o in ("died out",) * 3 + ("took over",)))
    assert died_out_share(result) == 0.75 and result.count("took over") == 1
    with pytest.raises(ValueError, match="one of"):
        result.count("extinct")


@pytest.mark.parametrize("kwargs, words", [
    (dict(pool_size=5), "between 10 and 1,000"),
    (dict(pool_size=100_000), "teaching model"),
    (dict(pool_size=100_000), "an estimated 20,000-200,000 stem cells"),
    (dict(pool_size=2.5), "whole number"),
    (dict(bias="high"), "must be a number"),
    (dict(bias=float("nan")), "must be a number"),
    (dict(bias=0.7), "between -0.25 and 0.5"),
    (dict(bias=-0.3), "between -0.25 and 0.5"),
    (dict(asymmetric_share=1.0), "less than 1"),
])
def test_a_model_that_cannot_exist_is_refused_with_a_message_that_says_why(kwargs, words):
    args = dict(pool_size=200, bias=0.05) | kwargs
    with pytest.raises(ValueError, match=re.escape(words)):
        PoolModel(**args)


@pytest.mark.parametrize("call, words", [
    (lambda: simulate_runs(PoolModel(200, 0.1), 0, 4, 1), "between 1 and 2,000"),
    (lambda: simulate_runs(PoolModel(200, 0.1), 100, 0, 1), "number of runs"),
    (lambda: simulate_runs(PoolModel(200, 0.1), 100, 4, -1), "0 or more"),
    (lambda: simulate_clone(PoolModel(200, 0.1), 100, 42), "default_rng"),
    (lambda: simulate_eventual_takeovers(PoolModel(200, 0.1), 10, None), "default_rng"),
    (lambda: step_probabilities(PoolModel(20, 0.1), 21), "between 0 and 20"),
])
def test_bad_simulation_settings_are_refused_with_a_message_that_says_what_to_pass(call, words):
    with pytest.raises(ValueError, match=re.escape(words)):
        call()


# --- the sourced data ---------------------------------------------------------------------------


def test_chip_by_age_holds_the_fact_sheet_numbers_and_no_number_under_40():
    rows = read_table("clonal", "chip_by_age.csv")
    assert set(rows[0]) == {"age_band", "age_min_years", "age_max_years", "percent_with_clone", "wording",
                            "n_people_in_study", "source"}
    bands = {b.age_band: b for b in chip_prevalence_by_age()}
    assert {k: b.percent_with_clone for k, b in bands.items()} == {
        "under 40": None, "70-79": 9.5, "80-89": 11.7, "90-108": 18.4}
    assert bands["under 40"].wording == "rare before 40" and bands["under 40"].age_min_years is None
    assert {b.source for b in bands.values()} == {"Jaiswal2014NEJM"}
    assert {b.n_people_in_study for b in bands.values()} == {17182}


def test_every_exposure_row_is_typed_and_sourced_and_textbook_rows_carry_no_number():
    rows = exposure_findings()
    assert {r.exposure for r in rows} >= {"benzene", "ionizing radiation", "alkylating agents",
                                          "topoisomerase II inhibitors", "smoking"}
    for r in rows:
        assert r.evidence in {"sourced", "textbook"}
        if r.evidence == "textbook":
            assert r.value is None
        else:
            assert r.source and {k.strip() for k in r.source.split(";")} <= SECTION_8_KEYS, r
        if r.measure == "qualitative":
            assert r.value is None
        else:
            assert r.value is not None and r.value > 0
        if r.ci_low is not None:
            assert r.ci_low < r.value < r.ci_high


def test_exposures_hold_the_fact_sheet_numbers():
    got = {(r.source, r.value, r.ci_low, r.ci_high) for r in exposure_findings() if r.value is not None}
    assert got >= {
        ("Fircanis2014AJH", 1.25, 1.15, 1.36), ("Fircanis2014AJH", 1.40, 1.22, 1.60),
        ("Fircanis2014AJH", 1.77, None, None), ("Fircanis2014AJH", 1.71, None, None),
        ("Colamesta2016CritRev", 2.36, None, None), ("Hsu2013RadiatRes", 113011, None, None),
        ("Richardson2009RadiatRes", 103, None, None), ("Richardson2009RadiatRes", 310, None, None),
        ("Richardson2009RadiatRes", 10, None, None), ("Larson2011MJHID", 10, None, None),
        ("Larson2011MJHID", 8, None, None), ("Huh2013AnnLabMed", 38, None, None),
        ("Huh2013AnnLabMed", 61, None, None), ("Huh2013AnnLabMed", 41, None, None),
    }
    ranges = {r.finding: (r.value, r.value_high) for r in exposure_findings() if r.value_high is not None}
    assert sorted(ranges.values()) == [(8, 10), (10, 20)]


def test_the_unverified_hazard_ratio_is_nowhere_in_the_data_or_figures():
    texts = [data_path("clonal", f).read_text(encoding="utf-8") for f in ("chip_by_age.csv", "exposures.csv")]
    for chart in (chip_by_age_chart(), exposures_chart()):
        texts.append(chart.to_html())
    for text in texts:
        assert "11.1" not in text and "hazard" not in text.lower()


# --- the clonal-expansion explorer ----------------------------------------------------------------


@pytest.fixture(scope="module")
def explorer():
    return clonal_expansion_explorer()


def _result(bias: float) -> RunSet:
    return simulate_runs(PoolModel(200, bias), 400, 8, 7)


def test_the_explorer_slides_over_five_biases_from_neutral(explorer):
    assert explorer.control == "slider" and explorer.initial == 0
    assert [s.label for s in explorer.states] == ["0 (neutral)", "0.02", "0.05", "0.1", "0.2"]
    assert BIASES == (0.0, 0.02, 0.05, 0.1, 0.2)


def test_every_explorer_state_changes_the_figure(explorer):
    drawn = {_json(explorer.figure_at(i)) for i in range(len(explorer.states))}
    assert len(drawn) == len(explorer.states)


def test_each_explorer_state_draws_its_runs_and_counts_them_in_words(explorer):
    for i, bias in enumerate(BIASES):
        result = _result(bias)
        fig, text = explorer.figure_at(i), explorer.states[i].description
        took = result.count("took over")
        assert (f"{took} clone" in text) if took else ("no clone took over" in text)
        assert f"{result.count('died out')} died out" in text
        assert f"{took} took over" in fig.layout.annotations[0].text
        for k, run in enumerate(result.runs):
            assert fig.data[k].y[0] == pytest.approx(0.5)  # one cell of 200
            assert max(fig.data[k].y) == pytest.approx(100 * run.peak_share)
        assert len(fig.data[8].x) == result.count("died out") and set(fig.data[8].y) <= {0.0}
        assert len(fig.data[9].x) == result.count("took over") and set(fig.data[9].y) <= {100.0}


def test_explorer_descriptions_give_the_models_exact_chance(explorer):
    for state, bias in zip(explorer.states, BIASES):
        p = 100 * fixation_probability(PoolModel(200, bias))
        assert (f"{p:.1f}%" in state.description) or (f"{p:.0f}%" in state.description)
    assert "1 in 200" in explorer.states[0].description


def test_more_bias_means_at_least_as_many_takeovers_in_the_explorer(explorer):
    took = [_result(b).count("took over") for b in BIASES]
    assert took == sorted(took) and took[0] == 0 and took[-1] >= 2


def test_the_explorer_table_lists_every_run_at_every_bias(explorer):
    rows = explorer.alt.rows
    assert len(rows) == len(BIASES) * 8
    for (bias_label, run, outcome, *_), (bias, k) in zip(rows, itertools.product(BIASES, range(8))):
        assert run == k + 1 and outcome == _result(bias).runs[k].outcome
    assert "teaching values" in explorer.alt.takeaway


def test_the_explorer_is_small_deterministic_and_uses_basic_traces(explorer):
    assert {t.type for t in explorer.figure.data} <= BASIC_BUNDLE
    html = explorer.to_html()
    assert len(html.encode("utf-8")) < 150_000
    assert html == clonal_expansion_explorer().to_html()
    assert all(("[" in k) or not isinstance(v, list) for s in explorer.states for k, v in s.layout.items())


def test_the_explorer_refuses_more_runs_than_it_has_colours():
    with pytest.raises(ValueError, match="between 1 and 8"):
        clonal_expansion_explorer(runs=9)


# --- CHIP by age -------------------------------------------------------------------------------


def test_chip_chart_bars_are_the_csv_and_under_40_is_a_note_not_a_bar():
    chart = chip_by_age_chart()
    bars = chart.figure_at(1).data[0]
    assert list(bars.y) == [None, 9.5, 11.7, 18.4]
    assert "rare" in chart.figure.layout.annotations[0].text
    assert chart.initial == 1 and [s.label for s in chart.states] == ["Under 40", "70–79", "80–89", "90–108"]


def test_chip_chart_says_on_the_figure_that_ages_40_to_69_have_no_figure():
    chart = chip_by_age_chart()
    for i in range(len(chart.states)):
        notes = [a.text for a in chart.figure_at(i).layout.annotations]
        assert figs.CHIP_GAP_NOTE in notes
    assert "40–69" in figs.CHIP_GAP_NOTE and "no figure" in figs.CHIP_GAP_NOTE


def test_chip_chart_fills_ten_dots_per_percent_of_1000_people_and_none_under_40():
    chart = chip_by_age_chart()
    for i, band in enumerate(chip_prevalence_by_age()):
        fig = chart.figure_at(i)
        filled, empty = len(fig.data[1].x), len(fig.data[2].x)
        if band.percent_with_clone is None:
            assert filled == empty == 0 and "no dots" in fig.layout.annotations[3].text
        else:
            assert filled == round(band.percent_with_clone * 10) and filled + empty == 1000


def test_every_chip_state_changes_the_figure_and_quotes_only_csv_numbers():
    chart = chip_by_age_chart()
    assert len({_json(chart.figure_at(i)) for i in range(len(chart.states))}) == len(chart.states)
    bands = chip_prevalence_by_age()
    allowed = {b.percent_with_clone for b in bands if b.percent_with_clone} | {
        round(b.percent_with_clone * 10) for b in bands if b.percent_with_clone}
    allowed |= {b.age_max_years for b in bands} | {b.age_min_years for b in bands if b.age_min_years}
    allowed |= {40, 69, 1000, 17182, 2014}  # "under 40", "40–69", per 1,000, people in the study, year
    for text in [s.description for s in chart.states] + [chart.alt.takeaway]:
        assert _numbers(text) <= allowed, text


# --- exposures -----------------------------------------------------------------------------------


def test_exposure_chart_values_equal_the_csv():
    chart = exposures_chart()
    by_finding = {r.finding: r for r in exposure_findings()}
    for i, (label, picks) in enumerate(figs.EXPOSURE_VIEWS):
        fig = chart.figure_at(i)
        shown = list(fig.data[0].x) + list(fig.data[1].x) + list(fig.data[2].x)
        assert sorted(shown) == sorted(by_finding[f].value for f, _ in picks), label
    smoking = chart.figure_at(0)
    assert list(smoking.data[1].error_x.array) == pytest.approx([0.11, 0.20])
    assert list(smoking.data[1].error_x.arrayminus) == pytest.approx([0.10, 0.18])
    assert smoking.layout.xaxis.type == "log" and chart.figure_at(1).layout.xaxis.type == "linear"


def test_every_exposure_state_changes_the_figure_and_names_its_source():
    chart = exposures_chart()
    assert [s.label for s in chart.states] == ["Smoking", "Ionizing radiation", "Chemotherapy", "Benzene"]
    assert len({_json(chart.figure_at(i)) for i in range(len(chart.states))}) == len(chart.states)
    sources = {"Smoking": "Fircanis 2014", "Ionizing radiation": "Richardson 2009", "Chemotherapy": "Huh 2013",
               "Benzene": "IARC 2018"}
    for state in chart.states:
        assert sources[state.label] in state.description
    assert "nothing to plot" in chart.states[-1].description
    assert "Life Span Study" in chart.states[1].description
    assert "Life Span Study" in chart.alt.takeaway and "Group 1, carcinogenic to humans" in chart.alt.takeaway


def test_exposure_descriptions_quote_only_numbers_in_the_csv():
    chart = exposures_chart()
    allowed = {2014, 2016, 2009, 2013, 2011, 2018, 95}  # citation years; "95% confidence interval"
    for r in exposure_findings():
        allowed |= {v for v in (r.value, r.value_high, r.ci_low, r.ci_high) if v is not None}
        allowed |= _numbers(r.finding) | _numbers(r.study)
    for text in [s.description for s in chart.states] + [chart.alt.takeaway]:
        assert _numbers(text) <= allowed, text


def test_textbook_latencies_are_given_without_numbers():
    chart = exposures_chart()
    description = chart.states[2].description
    textbook = description.split("textbook pattern:")[1]
    assert _numbers(textbook) <= {5, 7, 11, 23}  # chromosome names: 5, 7, 11q23
    assert "year" not in textbook


def test_exposure_table_has_every_row_and_the_charts_are_small():
    chart = exposures_chart()
    assert len(chart.alt.rows) == len(exposure_findings())
    for c in (chart, chip_by_age_chart()):
        assert {t.type for t in c.figure.data} <= BASIC_BUNDLE
        assert len(c.to_html().encode("utf-8")) < 120_000
        payload = json.loads(re.search(r'<script type="application/json" class="lc-states">(.*?)</script>',
                                       c.to_html(), re.S).group(1))
        assert len(payload) == len(c.states)


# --- the live widget -----------------------------------------------------------------------------

from lcbook.widgets.clonal import clonal_simulator  # noqa: E402


def test_the_simulator_shows_runs_and_their_summary_at_once():
    w = clonal_simulator()
    assert w.result is not None and len(w.output.outputs) == 1
    assert f"{w.result.count('took over')} took over" in w.message.value


def test_the_simulator_follows_its_inputs():
    w = clonal_simulator(runs=3)
    w.pool_size.value, w.bias.value, w.runs.value = 50, 0.3, 5
    w.button.click()
    assert w.result.model.pool_size == 50 and w.result.model.bias == 0.3 and len(w.result.runs) == 5


def test_the_same_seed_replays_the_same_runs():
    a, b = clonal_simulator(seed=3), clonal_simulator(seed=3)
    assert [r.outcome for r in a.result.runs] == [r.outcome for r in b.result.runs]


@pytest.mark.parametrize("field, value, words", [
    ("pool_size", 5, "between 10 and 1,000"),
    ("generations", 50_000, "between 1 and 2,000"),
    ("bias", 0.9, "bias must lie between"),
    ("seed", -4, "0 or more"),
])
def test_bad_input_gives_a_friendly_message_and_keeps_the_last_figure(field, value, words):
    w = clonal_simulator()
    before, outputs = w.result, w.output.outputs
    getattr(w, field).value = value
    w.button.click()
    assert "Nothing was simulated" in w.message.value and words in w.message.value
    assert w.result is before and w.output.outputs == outputs


def test_a_bad_input_message_is_escaped():
    w = clonal_simulator()
    assert w.simulate(bias="<script>alert(1)</script>") is False
    assert "<script>" not in w.message.value and "&lt;script&gt;" in w.message.value


def test_the_model_and_the_explorer_say_they_use_teaching_values(explorer):
    flat = lambda text: " ".join(text.split()).lower()  # noqa: E731  (docstrings wrap lines)
    assert "teaching values, not measurements" in flat(clonal.__doc__)
    assert "50,000-200,000" in flat(clonal.__doc__)
    assert "teaching values" in flat(clonal_expansion_explorer.__doc__)
    assert "teaching values" in explorer.figure.layout.annotations[1].text


def test_the_neutral_runs_the_page_describes_include_one_that_drifts_past_a_third_and_dies_out():
    # The page's "Try this" relies on it: a clone with no advantage can grow large by chance alone.
    result = _result(0.0)
    assert result.count("took over") == 0
    assert max(r.peak_share for r in result.runs if r.outcome == "died out") > 1 / 3
