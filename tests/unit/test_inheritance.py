"""Mendelian inheritance: Punnett squares, expected proportions, simulated sibships, explorer, widget."""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lcbook.display import OKABE_ITO
from lcbook.figures.inheritance import PHENOTYPE_COLOURS, inheritance_explorer
from lcbook.inheritance import (
    AD,
    AR,
    CROSSES,
    MODES,
    XLR,
    expected_affected,
    offspring_proportions,
    punnett,
    simulate_sibship,
    tally,
    variant_share,
)
from lcbook.widgets.inheritance import sibship_simulator

BASIC_BUNDLE_TRACES = {"scatter", "bar", "pie"}
HALF, QUARTER = Fraction(1, 2), Fraction(1, 4)


@pytest.fixture(scope="module")
def explorer():
    return inheritance_explorer()


# --- Expected proportions ------------------------------------------------------------------------


def test_xlinked_carrier_mother_gives_half_of_sons_affected():
    assert offspring_proportions(XLR, "XAXa", "XAY")["sons"]["affected"] == HALF


def test_xlinked_carrier_mother_gives_half_of_daughters_carriers_and_none_affected():
    daughters = offspring_proportions(XLR, "XAXa", "XAY")["daughters"]
    assert daughters["carrier"] == HALF and daughters["affected"] == 0


def test_affected_father_xlinked_gives_all_daughters_carriers_and_no_affected_sons():
    shares = offspring_proportions(XLR, "XAXA", "XaY")
    assert shares["daughters"]["carrier"] == 1 and shares["sons"]["affected"] == 0


def test_autosomal_recessive_carrier_cross_gives_one_quarter_affected_one_half_carriers():
    children = offspring_proportions(AR, "Aa", "Aa")["children"]
    assert (children["affected"], children["carrier"]) == (QUARTER, HALF)


def test_autosomal_dominant_gives_one_half_carriers():
    assert variant_share(AD, "dd", "Dd") == {"children": HALF}


def test_autosomal_dominant_at_full_penetrance_affects_every_child_with_the_variant():
    assert offspring_proportions(AD, "dd", "Dd")["children"] == {
        "affected": HALF, "carrier": 0, "unaffected": HALF}


def test_penetrance_scales_expected_affected():
    assert expected_affected(AD, "dd", "Dd", penetrance=0.6) == {"children": Fraction(3, 10)}


def test_non_penetrant_variant_carriers_are_counted_as_unaffected_carriers():
    assert offspring_proportions(AD, "Dd", "dd", Fraction(1, 4))["children"]["carrier"] == Fraction(3, 8)


@given(st.sampled_from(list(CROSSES.values())))
def test_every_groups_proportions_sum_to_one(cross):
    for shares in offspring_proportions(cross.mode, cross.mother, cross.father).values():
        assert sum(shares.values()) == 1


def test_xlinked_punnett_square_has_daughters_from_x_sperm_and_sons_from_y_sperm():
    square = punnett(XLR, "XAXa", "XAY")
    assert [[c.sex for c in row] for row in square.cells] == [["daughter", "son"], ["daughter", "son"]]
    assert square.cells[1][1].genotype == "XaY" and square.cells[1][1].phenotype == "affected"


def test_autosomal_punnett_cells_do_not_fix_the_childs_sex():
    assert {c.sex for c in punnett(AR, "Aa", "Aa").offspring()} == {None}


def test_genotypes_may_be_written_in_either_order():
    assert punnett(AR, "aA", "Aa").mother == "Aa"


# --- Simulation ----------------------------------------------------------------------------------


def test_simulated_proportion_is_within_four_standard_errors_of_the_expected():
    n = 4000
    children = simulate_sibship(AR, "Aa", "Aa", n, np.random.default_rng(7))
    affected = sum(c.phenotype == "affected" for c in children) / n
    se = math.sqrt(0.25 * 0.75 / n)
    assert abs(affected - 0.25) < 4 * se


def test_simulated_xlinked_sons_are_affected_about_half_the_time():
    children = simulate_sibship(XLR, "XAXa", "XAY", 4000, np.random.default_rng(11))
    sons = tally(children)["sons"]
    n = sum(sons.values())
    assert abs(sons["affected"] / n - 0.5) < 4 * math.sqrt(0.25 / n)
    assert tally(children)["daughters"]["affected"] == 0


def test_same_seed_gives_the_same_sibship():
    first = simulate_sibship(XLR, "XAXa", "XAY", 12, np.random.default_rng(5))
    assert first == simulate_sibship(XLR, "XAXa", "XAY", 12, np.random.default_rng(5))


def test_penetrance_changes_phenotypes_but_not_sexes_or_genotypes_for_a_seed():
    full = simulate_sibship(AD, "dd", "Dd", 30, np.random.default_rng(3))
    half = simulate_sibship(AD, "dd", "Dd", 30, np.random.default_rng(3), penetrance=0.5)
    assert [(c.sex, c.genotype) for c in full] == [(c.sex, c.genotype) for c in half]
    assert any(c.phenotype == "carrier" for c in half)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(list(CROSSES.values())), st.integers(0, 40), st.integers(0, 2**32))
def test_simulated_children_only_have_genotypes_from_the_punnett_square(cross, n, seed):
    possible = {c.genotype for c in punnett(cross.mode, cross.mother, cross.father).offspring()}
    children = simulate_sibship(cross.mode, cross.mother, cross.father, n, np.random.default_rng(seed))
    assert len(children) == n and {c.genotype for c in children} <= possible


# --- Errors a learner can act on -----------------------------------------------------------------


def test_unknown_mode_is_refused_with_the_known_modes():
    with pytest.raises(ValueError) as error:
        punnett("mitochondrial", "Aa", "Aa")
    assert all(mode in str(error.value) for mode in MODES)


def test_a_father_with_two_x_chromosomes_is_refused_with_the_valid_fathers():
    with pytest.raises(ValueError, match="one X and one Y.*XAY.*XaY"):
        punnett(XLR, "XAXa", "XAXa")


def test_a_genotype_from_another_mode_is_refused_with_that_modes_genotypes():
    with pytest.raises(ValueError, match="AA.*Aa.*aa"):
        punnett(AR, "Dd", "Aa")


def test_penetrance_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="from 0 to 1"):
        expected_affected(AD, "dd", "Dd", penetrance=1.5)


def test_penetrance_below_one_is_refused_for_recessive_modes():
    with pytest.raises(ValueError, match="only for autosomal dominant"):
        expected_affected(AR, "Aa", "Aa", penetrance=0.5)


def test_a_negative_number_of_children_is_refused():
    with pytest.raises(ValueError, match="whole number"):
        simulate_sibship(AR, "Aa", "Aa", -1, np.random.default_rng(0))


# --- Explorer figure -----------------------------------------------------------------------------


def test_explorer_has_three_sample_sizes_for_each_of_the_three_crosses(explorer):
    labels = [s.label for s in explorer.states]
    assert len(labels) == 9 and len(set(labels)) == 9
    assert labels[0].startswith("X-linked recessive") and labels[-1] == "Autosomal dominant: 2,000 children"


def test_every_state_changes_the_figure(explorer):
    figures = [explorer.figure_at(i).to_json() for i in range(len(explorer.states))]
    assert len(set(figures)) == len(figures)


def test_figure_at_a_state_holds_that_states_data_and_layout(explorer):
    for i, state in enumerate(explorer.states):
        fig = explorer.figure_at(i)
        for t, trace in enumerate(fig.data):
            assert list(trace.x) == state.data["x"][t]
        for key, value in state.layout.items():
            kind, rest = key.split("[", 1)
            index, prop = rest.split("].")
            assert getattr(fig.layout[kind][int(index)], prop) == value


def test_the_initial_figure_is_the_initial_state(explorer):
    assert explorer.figure.to_dict() == explorer.figure_at(explorer.initial).to_dict()


def test_states_keep_the_number_of_shapes_and_annotations_constant(explorer):
    # Only item properties are set, never whole lists, so plotly.js and plotly.py agree.
    for state in explorer.states:
        assert all("[" in key for key in state.layout)


def test_each_state_description_names_the_expected_and_the_simulated_proportions(explorer):
    for state in explorer.states:
        assert "Expected:" in state.description and "Simulated," in state.description
    assert "sons: 1/2 affected" in explorer.states[0].description


def test_punnett_cells_are_coloured_by_phenotype(explorer):
    fills = {s.fillcolor for s in explorer.figure_at(0).layout.shapes}
    assert {OKABE_ITO["vermillion"], OKABE_ITO["yellow"], OKABE_ITO["sky_blue"]} <= fills
    assert PHENOTYPE_COLOURS["affected"] == OKABE_ITO["vermillion"]


def test_the_largest_sample_converges_on_the_expected_share(explorer):
    state = explorer.states[5]  # autosomal recessive, 2,000 children
    affected_bars = state.data["x"][0]
    assert all(abs(x - 0.25) < 0.05 for x in affected_bars)


def test_explorer_uses_only_basic_bundle_traces(explorer):
    assert {t.type for t in explorer.figure.data} <= BASIC_BUNDLE_TRACES


def test_explorer_html_is_small(explorer):
    assert len(explorer.to_html().encode("utf-8")) < 250_000


def test_explorer_is_the_same_for_the_same_seed():
    assert inheritance_explorer(seed=1).to_html() == inheritance_explorer(seed=1).to_html()


def test_text_alternative_has_expected_and_simulated_columns(explorer):
    assert explorer.alt.columns[:3] == ("Cross", "Offspring group", "Expected")
    assert ("X-linked recessive: carrier mother × unaffected father", "sons: affected", "1/2") == \
        explorer.alt.rows[0][:3]


def test_explorer_with_penetrance_shows_unaffected_carriers_for_the_dominant_cross():
    ie = inheritance_explorer(crosses=("ad-affected-parent",), penetrance=0.5)
    assert "1/4 affected, 1/4 carriers" in ie.states[0].description


def test_explorer_refuses_an_unknown_cross():
    with pytest.raises(ValueError, match="xlr-carrier-mother"):
        inheritance_explorer(crosses=("y-linked",))


# --- Live widget ---------------------------------------------------------------------------------


def test_simulator_shows_one_symbol_per_child():
    sim = sibship_simulator(children=6, seed=1)
    assert len(sim.sibship) == 6 and sim.html.count("<svg") == 6


def test_simulator_draws_sons_as_squares_and_daughters_as_circles():
    sim = sibship_simulator(children=20, seed=2)
    sons = sum(c.sex == "son" for c in sim.sibship)
    assert sim.html.count("<rect") >= sons and sim.html.count("<circle") >= 20 - sons


def test_simulator_penetrance_is_only_for_dominant_crosses():
    sim = sibship_simulator()
    assert sim.penetrance.disabled
    sim.cross.value = "ad-affected-parent"
    assert not sim.penetrance.disabled


def test_simulator_button_draws_a_new_family():
    sim = sibship_simulator(seed=10)
    sim.button.click()
    assert sim.seed.value == 11


def test_simulator_explains_a_negative_seed_and_keeps_the_last_family():
    sim = sibship_simulator(seed=3)
    before = sim.sibship
    sim.seed.value = -4
    assert 'role="alert"' in sim.message.value and "0 or more" in sim.message.value
    assert sim.sibship == before


def test_simulator_shows_the_expected_proportions():
    sim = sibship_simulator("ar-carriers")
    assert "1/4 affected, 1/2 carriers" in sim.html
