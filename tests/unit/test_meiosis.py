"""Meiosis and nondisjunction: gametes and zygotes tracked by homologue, and the explorer figure."""
from __future__ import annotations

import json
from fractions import Fraction

import plotly.io as pio
import pytest
from hypothesis import given
from hypothesis import strategies as st

from lcbook.figures.meiosis import ERROR_BAND, nondisjunction_explorer, parental_origin_chart
from lcbook.karyotype import parse_karyotype
from lcbook.meiosis import (
    CHROMOSOMES,
    DIVISIONS,
    PARENTS,
    describe_meiosis,
    gametes,
    homologues,
    meiosis,
    zygotes,
)

CHOICES = [(p, d, c) for c in CHROMOSOMES for p in PARENTS for d in DIVISIONS]
IDS = [f"{p}-{d.replace(' ', '')}-{c}" for p, d, c in CHOICES]
BASIC_BUNDLE_TRACES = {"scatter", "bar", "pie"}


def _by_label(parent, division, chromosome):
    return {g.label: g.share for g in gametes(parent, division, chromosome)}


# --- Gametes -------------------------------------------------------------------------------------


def test_typical_meiosis_gives_each_homologue_to_half_the_gametes():
    assert _by_label("mother", "normal", "21") == {"21ᵃ": Fraction(1, 2), "21ᵇ": Fraction(1, 2)}


def test_maternal_meiosis_i_error_gives_eggs_with_two_different_homologues_half_the_time():
    disomic = [g for g in gametes("mother", "meiosis I", "21") if g.kind == "disomic"]
    assert [g.label for g in disomic] == ["21ᵃ 21ᵇ"] and disomic[0].share == Fraction(1, 2)


def test_meiosis_i_error_gives_gametes_with_no_copy_half_the_time():
    empty = [g for g in gametes("father", "meiosis I", "21") if g.kind == "nullisomic"]
    assert [g.share for g in empty] == [Fraction(1, 2)]


def test_meiosis_ii_error_gives_identical_sister_copies():
    disomic = [g for g in gametes("mother", "meiosis II", "21") if g.kind == "disomic"]
    first, second = disomic[0].chromosomes
    assert first == second and disomic[0].share == Fraction(1, 4)


def test_meiosis_ii_error_leaves_half_the_gametes_typical_with_the_other_homologue():
    assert _by_label("mother", "meiosis II", "21") == {
        "21ᵃ 21ᵃ": Fraction(1, 4), "no 21": Fraction(1, 4), "21ᵇ": Fraction(1, 2),
    }


def test_meiosis_ii_error_in_the_second_cell_keeps_the_second_homologues_sisters_together():
    shares = {g.label: g.share for g in gametes("father", "meiosis II", "sex", error_cell=1)}
    assert shares == {"X": Fraction(1, 2), "Y Y": Fraction(1, 4), "no sex chromosome": Fraction(1, 4)}


def test_each_parent_has_its_own_labelled_homologues():
    assert [c.label for c in homologues("mother", "21")] == ["21ᵃ", "21ᵇ"]
    assert [c.label for c in homologues("father", "21")] == ["21ᶜ", "21ᵈ"]
    assert [c.label for c in homologues("mother", "sex")] == ["Xᵃ", "Xᵇ"]
    assert [c.label for c in homologues("father", "sex")] == ["X", "Y"]


def test_one_meiosis_makes_four_products_from_two_secondary_cells():
    m = meiosis("mother", "meiosis I", "21")
    assert len(m.secondary_cells) == 2 and len(m.products) == 4
    assert m.secondary_cells[0] == m.homologues and m.secondary_cells[1] == ()


@pytest.mark.parametrize("choice", CHOICES, ids=IDS)
def test_gamete_shares_sum_to_one_for_every_choice(choice):
    assert sum(g.share for g in gametes(*choice)) == 1


# --- Zygotes -------------------------------------------------------------------------------------


@pytest.mark.parametrize("choice", CHOICES, ids=IDS)
def test_zygote_shares_sum_to_one_for_every_choice(choice):
    assert sum(z.share for z in zygotes(*choice)) == 1


@pytest.mark.parametrize("choice", CHOICES, ids=IDS)
def test_every_zygote_karyotype_parses(choice):
    for z in zygotes(*choice):
        k = parse_karyotype(z.karyotype)
        assert str(k) == z.karyotype


@pytest.mark.parametrize("choice", CHOICES, ids=IDS)
def test_every_zygote_has_one_copy_from_the_typical_parent(choice):
    parent = choice[0]
    for z in zygotes(*choice):
        assert len(z.from_father if parent == "mother" else z.from_mother) == 1


def test_typical_meiosis_gives_only_typical_zygotes():
    for chromosome in CHROMOSOMES:
        for parent in PARENTS:
            assert {z.outcome for z in zygotes(parent, "normal", chromosome)} == {"typical"}


def test_maternal_meiosis_i_error_gives_trisomy_and_monosomy_21_in_equal_shares():
    shares: dict[str, Fraction] = {}
    for z in zygotes("mother", "meiosis I", "21"):
        shares[z.outcome] = shares.get(z.outcome, 0) + z.share
    assert shares == {"trisomy 21: Down syndrome": Fraction(1, 2),
                      "monosomy 21: almost always lost in early pregnancy": Fraction(1, 2)}


def test_chromosome_21_zygotes_come_as_both_sexes_in_equal_shares():
    for parent in PARENTS:
        zs = zygotes(parent, "meiosis I", "21")
        assert sum(z.share for z in zs if z.sex == "male") == sum(z.share for z in zs if z.sex == "female")
        assert {z.karyotype for z in zs} >= {"47,XX,+21", "47,XY,+21"}


def test_paternal_xy_meiosis_i_error_gives_klinefelter_and_turner_zygotes():
    result = {z.karyotype: (z.share, z.outcome) for z in zygotes("father", "meiosis I", "sex")}
    assert result == {
        "47,XXY": (Fraction(1, 2), "47,XXY: Klinefelter syndrome"),
        "45,X": (Fraction(1, 2), "45,X: Turner syndrome"),
    }


def test_paternal_meiosis_ii_error_cannot_give_klinefelter():
    for cell in (0, 1):
        assert "47,XXY" not in {z.karyotype for z in zygotes("father", "meiosis II", "sex", error_cell=cell)}


def test_maternal_error_in_either_division_can_give_klinefelter():
    for division in ("meiosis I", "meiosis II"):
        assert "47,XXY" in {z.karyotype for z in zygotes("mother", division, "sex")}


def test_paternal_meiosis_ii_error_in_the_y_cell_gives_xyy():
    assert "47,XYY" in {z.karyotype for z in zygotes("father", "meiosis II", "sex", error_cell=1)}


def test_an_egg_without_an_x_and_a_y_sperm_is_not_compatible_with_life():
    outcomes = {z.karyotype: z.outcome for z in zygotes("mother", "meiosis I", "sex")}
    assert outcomes["45,Y"] == "45,Y: not compatible with life (no X chromosome)"


@given(st.sampled_from(CHOICES), st.sampled_from([0, 1]))
def test_every_copy_in_a_zygote_is_one_of_its_parents_homologues(choice, cell):
    parent, division, chromosome = choice
    allowed = set(homologues("mother", chromosome)) | set(homologues("father", chromosome))
    for z in zygotes(parent, division, chromosome, error_cell=cell):
        assert set(z.from_mother + z.from_father) <= allowed
        assert all(c.parent == "mother" for c in z.from_mother)
        assert all(c.parent == "father" for c in z.from_father)


# --- Refusals and descriptions ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, named",
    [(("aunt", "normal", "21"), "'mother', 'father'"),
     (("mother", "meiosis III", "21"), "'normal', 'meiosis I', 'meiosis II'"),
     (("mother", "normal", "13"), "'21', 'sex'")],
    ids=["parent", "division", "chromosome"],
)
def test_an_unknown_choice_is_refused_with_the_allowed_ones(args, named):
    with pytest.raises(ValueError, match=named):
        gametes(*args)


def test_error_cell_must_name_one_of_the_two_secondary_cells():
    with pytest.raises(ValueError, match="0 or 1"):
        gametes("mother", "meiosis II", "21", error_cell=2)


@pytest.mark.parametrize("choice", CHOICES, ids=IDS)
def test_description_names_every_resulting_karyotype(choice):
    text = describe_meiosis(*choice)
    assert all(z.karyotype in text for z in zygotes(*choice))


def test_description_of_an_error_says_nondisjunction_and_which_division():
    text = describe_meiosis("mother", "meiosis II", "21")
    assert "nondisjunction" in text and "meiosis II" in text and "two identical copies of 21ᵃ" in text


# --- The explorer figure ------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["21", "sex"])
def explorer(request):
    return nondisjunction_explorer(request.param)


def test_explorer_has_a_button_for_each_parent_and_division(explorer):
    labels = [s.label for s in explorer.states]
    assert labels == [f"{p.capitalize()} · {d}" for p in PARENTS for d in DIVISIONS]
    assert explorer.control == "buttons"


def test_explorer_every_state_changes_the_figure(explorer):
    drawn = {explorer.figure_at(i).to_json() for i in range(len(explorer.states))}
    assert len(drawn) == len(explorer.states)


def test_explorer_description_of_each_state_is_the_models_account(explorer):
    chromosome = "21" if "21" in explorer.control_label else "sex"
    for state, (p, d) in zip(explorer.states, [(p, d) for p in PARENTS for d in DIVISIONS]):
        assert state.description == describe_meiosis(p, d, chromosome)


def test_explorer_figure_at_each_state_shows_that_states_karyotypes(explorer):
    chromosome = "21" if "21" in explorer.control_label else "sex"
    for i, (p, d) in enumerate([(p, d) for p in PARENTS for d in DIVISIONS]):
        text = " ".join(a.text for a in explorer.figure_at(i).layout.annotations)
        assert all(z.karyotype in text for z in zygotes(p, d, chromosome))


def test_explorer_highlights_nondisjunction_only_when_there_is_an_error(explorer):
    for i, state in enumerate(explorer.states):
        bands = [s for s in explorer.figure_at(i).layout.shapes if s.fillcolor == ERROR_BAND]
        assert len(bands) == (0 if state.label.endswith("normal") else 1)


def test_explorer_starts_on_a_meiosis_i_error(explorer):
    assert explorer.states[explorer.initial].label.endswith("meiosis I")


def test_explorer_uses_only_trace_types_of_the_basic_plotly_bundle(explorer):
    for i in range(len(explorer.states)):
        assert {t.type for t in explorer.figure_at(i).data} <= BASIC_BUNDLE_TRACES


def test_explorer_page_fragment_is_under_200_kb(explorer):
    assert len(explorer.to_html().encode("utf-8")) < 200_000


def test_explorer_states_survive_the_pages_json_round_trip(explorer):
    payload = json.loads(pio.json.to_json_plotly([s.layout for s in explorer.states]))
    assert [len(p["shapes"]) for p in payload] == [len(s.layout["shapes"]) for s in explorer.states]


def test_explorer_text_alternative_lists_the_initial_states_zygotes(explorer):
    state = explorer.states[explorer.initial]
    karyotypes = [row[2] for row in explorer.alt.rows]
    assert karyotypes and all(k in state.description for k in karyotypes)
    assert explorer.alt.columns[0] == "Gamete" and "Outcome" in explorer.alt.columns


def test_explorer_refuses_a_chromosome_it_does_not_draw():
    with pytest.raises(ValueError, match="'21' or the 'sex'"):
        nondisjunction_explorer("18")


# --- Parental origin chart ------------------------------------------------------------------------


def test_parental_origin_chart_plots_the_data_files_shares():
    fig = parental_origin_chart().figure
    plotted = sorted(x for t in fig.data for x in t.x)
    assert plotted == sorted([95.3, 4.7, 77.1, 22.9, 22.2, 77.8])


def test_parental_origin_chart_names_its_sources_in_the_figure_and_the_takeaway():
    chart = parental_origin_chart()
    shown = " ".join(a.text for a in chart.figure.layout.annotations)
    assert "Antonarakis" in shown and "1992" in shown
    assert "Antonarakis" in chart.alt.takeaway
    assert {row[-1] for row in chart.alt.rows} == {"Antonarakis1991NEJM", "Antonarakis1992AJHG"}


def test_parental_origin_chart_uses_only_bar_traces():
    assert {t.type for t in parental_origin_chart().figure.data} == {"bar"}


def test_explorer_states_list_properties_in_the_figures_sorted_order(explorer):
    # The page's figure JSON has sorted keys; a state in another order would look like a new state
    # to a browser test comparing plotly.js's layout before and after re-choosing it.
    def is_sorted(item):
        keys = list(item)
        return keys == sorted(keys) and all(is_sorted(v) for v in item.values() if isinstance(v, dict))

    for state in explorer.states:
        assert all(is_sorted(el) for el in state.layout["shapes"] + state.layout["annotations"])
