"""Pedigree explorer: the three-generation model, its figure with a penetrance slider, the live widget."""
from __future__ import annotations

import json
import math
from fractions import Fraction

import numpy as np
import plotly.io as pio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lcbook.display import OKABE_ITO
from lcbook.figures.pedigree import (
    DEFAULT_PENETRANCES,
    DEFAULT_SEED,
    describe,
    pedigree_explorer,
    pedigree_figure,
)
from lcbook.inheritance import dominant_phenotype
from lcbook.pedigree import (
    MAX_CHILDREN,
    expected_counts,
    penetrance_series,
    simulate_family,
    simulate_pedigree,
)
from lcbook.widgets.pedigree import pedigree_widget

STATE_TRACES = 5  # affected males, affected females, unaffected males, unaffected females, carrier lines


@pytest.fixture(scope="module")
def explorer():
    return pedigree_explorer()


@pytest.fixture(scope="module")
def families():
    return penetrance_series(DEFAULT_SEED, DEFAULT_PENETRANCES)


# --- the model --------------------------------------------------------------------------------


def test_a_family_has_three_generations_with_the_requested_children_per_couple():
    family = simulate_family(seed=3, penetrance=0.5, children_per_couple=4)
    assert [len(family.generation(g)) for g in (1, 2, 3)] == [2, 2 * 4, 4 * 4]
    for person in family.generation(2):
        if person.role == "descendant":
            assert len(family.children_of(person.id)) == 4


def test_the_founder_carries_the_variant_and_partners_from_outside_do_not():
    for seed in range(30):
        family = simulate_family(seed=seed)
        founders = [p for p in family.people if p.role == "founder"]
        assert len(founders) == 1 and founders[0].genotype == "Dd" and founders[0].generation == 1
        assert all(p.genotype == "dd" for p in family.people if p.role == "partner")


def test_only_a_carriers_children_can_carry_the_variant():
    for seed in range(40):
        family = simulate_family(seed=seed)
        for child in family.people:
            if child.father is None:
                continue
            parents = (family.person(child.father), family.person(child.mother))
            if child.carrier:
                assert any(p.carrier for p in parents)


def test_every_couple_has_a_male_and_a_female_partner_and_generations_are_numbered_left_to_right():
    family = simulate_family(seed=11)
    for person in family.people:
        if person.partner:
            assert {person.sex, family.person(person.partner).sex} == {"male", "female"}
    for g, numeral in ((1, "I"), (2, "II"), (3, "III")):
        people = family.generation(g)
        assert [p.id for p in people] == [f"{numeral}-{i}" for i in range(1, len(people) + 1)]


def test_the_same_seed_gives_the_same_family():
    assert simulate_family(seed=5, penetrance=0.3) == simulate_family(seed=5, penetrance=0.3)


def test_different_seeds_give_different_families():
    statuses = {tuple(p.status for p in simulate_family(seed=s).people) for s in range(10)}
    assert len(statuses) > 5


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), low=st.floats(0, 1), high=st.floats(0, 1),
       children=st.integers(1, MAX_CHILDREN))
def test_raising_the_penetrance_only_adds_affected_people_and_keeps_the_carriers(seed, low, high, children):
    low, high = min(low, high), max(low, high)
    a = simulate_family(seed, low, children)
    b = simulate_family(seed, high, children)
    assert {p.id for p in a.carriers()} == {p.id for p in b.carriers()}
    assert {p.id for p in a.affected()} <= {p.id for p in b.affected()}
    assert [(p.id, p.sex) for p in a.people] == [(p.id, p.sex) for p in b.people]


def test_at_full_penetrance_every_carrier_is_affected_and_at_zero_nobody_is():
    for seed in range(20):
        full = simulate_family(seed, 1.0)
        assert full.affected() == full.carriers()
        assert simulate_family(seed, 0).affected() == ()


def test_about_half_of_a_carriers_children_carry_the_variant():
    carried, total = 0, 0
    for seed in range(600):
        family = simulate_family(seed=seed, penetrance=1.0)
        for parent in family.carriers():
            if parent.generation < 3:
                kids = family.children_of(parent.id)
                carried += sum(k.carrier for k in kids)
                total += len(kids)
    share = carried / total
    assert abs(share - 0.5) < 4 * math.sqrt(0.25 / total)


def test_the_share_of_carriers_who_are_affected_matches_the_penetrance():
    affected, carriers = 0, 0
    for seed in range(600):
        c = simulate_family(seed=seed, penetrance=0.3).counts()
        affected += c["affected"]
        carriers += c["carriers"]
    assert abs(affected / carriers - 0.3) < 4 * math.sqrt(0.3 * 0.7 / carriers)


def test_mean_number_of_carriers_matches_the_exact_expectation():
    counts = [simulate_family(seed=s).counts()["carriers"] for s in range(1500)]
    expected = float(expected_counts(0.5, 3)["carriers"])
    assert abs(np.mean(counts) - expected) < 4 * np.std(counts) / math.sqrt(len(counts))


def test_expected_counts_are_exact_fractions():
    e = expected_counts(Fraction(1, 2), 3)
    assert (e["carriers I"], e["carriers II"], e["carriers III"]) == (1, Fraction(3, 2), Fraction(9, 4))
    assert e["carriers"] == Fraction(19, 4) and e["affected"] == Fraction(19, 8)


def test_an_apparently_skipped_generation_is_an_unaffected_carrier_with_an_affected_child():
    family = simulate_family(seed=DEFAULT_SEED, penetrance=0.5)
    assert [p.id for p in family.skipped()] == ["II-3", "II-6"]
    for p in family.skipped():
        assert p.status == "unaffected carrier" and any(c.affected for c in family.children_of(p.id))


@pytest.mark.parametrize("kwargs, message", [
    (dict(seed=-1), "whole number, 0 or more"),
    (dict(seed=2.5), "whole number, 0 or more"),
    (dict(penetrance=1.2), "number from 0 to 1"),
    (dict(penetrance="half"), "number from 0 to 1"),
    (dict(children_per_couple=0), "from 1 to 6"),
    (dict(children_per_couple=MAX_CHILDREN + 1), "from 1 to 6"),
])
def test_bad_input_gives_a_message_a_learner_can_act_on(kwargs, message):
    with pytest.raises(ValueError, match=message):
        simulate_family(**kwargs)


def test_the_model_asks_for_a_numpy_generator():
    with pytest.raises(ValueError, match="numpy Generator"):
        simulate_pedigree(42)


def test_dominant_phenotype_follows_the_same_rule_as_simulated_sibships():
    assert dominant_phenotype(1, 0.49, 0.5) == "affected"
    assert dominant_phenotype(1, 0.5, 0.5) == "carrier"  # affected only if the draw is below the penetrance
    assert dominant_phenotype(0, 0.0, 1.0) == "unaffected"
    with pytest.raises(ValueError, match="0, 1 or 2 copies"):
        dominant_phenotype(3, 0.5, 0.5)


# --- the figure -------------------------------------------------------------------------------


def test_the_explorer_is_a_slider_over_the_penetrances(explorer):
    assert explorer.control == "slider"
    assert [s.label for s in explorer.states] == ["10%", "30%", "50%", "70%", "90%", "100%"]


def test_every_state_visibly_changes_the_figure(explorer):
    shown = [json.dumps([list(explorer.figure_at(i).data[t].x) for t in range(STATE_TRACES)])
             for i in range(len(explorer.states))]
    assert len(set(shown)) == len(shown)


def test_each_state_draws_the_family_at_its_penetrance(explorer, families):
    for i, family in enumerate(families):
        fig, direct = explorer.figure_at(i), pedigree_figure(family)
        for t in range(STATE_TRACES):
            assert list(fig.data[t].x) == list(direct.data[t].x)
            assert list(fig.data[t].y) == list(direct.data[t].y)
        assert fig.layout.title.text == direct.layout.title.text


def test_filled_symbols_are_the_affected_and_vertical_lines_the_unaffected_carriers(explorer, families):
    for i, family in enumerate(families):
        fig = explorer.figure_at(i)
        assert len(fig.data[0].x) + len(fig.data[1].x) == family.counts()["affected"]
        assert len(fig.data[4].x) == family.counts()["unaffected carriers"]
        assert len(fig.data[2].x) + len(fig.data[3].x) == family.counts()["people"] - family.counts()["affected"]


def test_an_unaffected_carrier_is_marked_by_a_vertical_line_and_the_key_says_not_yet_affected(explorer):
    fig = explorer.figure
    assert fig.data[4].marker.symbol == "line-ns"
    texts = [a.text for a in fig.layout.annotations]
    assert "carries the variant, not (yet) affected" in texts
    assert all("not (yet) affected" in h for h in fig.data[4].hovertext)


def test_squares_are_males_and_circles_females(explorer):
    fig = explorer.figure
    assert fig.data[0].marker.symbol == "square" and fig.data[2].marker.symbol == "square"
    assert fig.data[1].marker.symbol == "circle" and fig.data[3].marker.symbol == "circle"
    for t in (0, 2):
        assert all(h.split(", ")[1].startswith("male") for h in fig.data[t].hovertext)


def test_each_state_description_counts_carriers_and_affected(explorer, families):
    for state, family in zip(explorer.states, families):
        c = family.counts()
        assert state.description == describe(family)
        assert f"{c['carriers']} of the {c['people']} people carry the variant" in state.description
        if c["affected"]:
            assert f"{c['affected']} of them" in state.description
        else:
            assert "None of them is affected" in state.description


def test_generation_labels_and_every_person_id_are_drawn(explorer, families):
    texts = [a.text for a in explorer.figure.layout.annotations]
    assert {"<b>I</b>", "<b>II</b>", "<b>III</b>"} <= set(texts)
    assert {p.id for p in families[0].people} <= set(texts)


def test_lines_of_descent_join_every_couple_to_their_children(explorer, families):
    # A couple line per couple, and per couple with children: a drop, a sibship line, one line a child.
    family = families[0]
    couples = 1 + family.children_per_couple
    lines = couples + couples * (2 + family.children_per_couple)
    assert len(explorer.figure.layout.shapes) == lines


def test_text_alternative_lists_every_person_with_their_status_at_each_penetrance(explorer, families):
    rows = {r[0]: r for r in explorer.alt.rows}
    assert set(rows) == {p.id for p in families[0].people}
    for i, family in enumerate(families):
        for p in family.people:
            assert rows[p.id][4 + i] == p.status


def test_figure_uses_only_okabe_ito_colours_greys_black_and_white(explorer):
    allowed = {c.upper() for c in OKABE_ITO.values()} | {"#FFFFFF", "#000000", "#333333"}
    fig = explorer.figure
    colours = {t.marker.color.upper() for t in fig.data} | {s.line.color.upper() for s in fig.layout.shapes}
    assert colours <= allowed


def test_figure_is_light_and_uses_no_plotly_menus(explorer):
    page = explorer.to_html()
    assert len(page) < 400_000
    layout = json.loads(pio.to_json(explorer.figure))["layout"]
    assert "updatemenus" not in layout and "sliders" not in layout


def test_the_same_seed_gives_the_same_page():
    assert pedigree_explorer().to_html() == pedigree_explorer().to_html()


def test_explorer_refuses_unsorted_penetrances_with_a_hint():
    with pytest.raises(ValueError, match="lowest to highest"):
        pedigree_explorer(penetrances=(0.5, 0.1))


# --- the live widget --------------------------------------------------------------------------


def test_widget_bad_input_gives_an_escaped_message_and_keeps_the_last_family():
    w = pedigree_widget()
    before, figure = w.pedigree, w.figure
    assert w.draw(children=9) is False
    assert "from 1 to 6" in w.message.value and "still the last family" in w.message.value
    assert w.pedigree is before and w.figure is figure
    assert w.draw(seed="<b>x</b>") is False
    assert "<b>x</b>" not in w.message.value and "&lt;b&gt;x&lt;/b&gt;" in w.message.value


def test_widget_new_family_button_draws_the_next_seed():
    w = pedigree_widget(seed=4)
    w.button.click()
    assert w.pedigree.seed == 5 and w.output.outputs
