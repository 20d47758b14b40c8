"""Fanconi anemia: the sourced data, the (illustrative) breakage model, and the two figures."""
from __future__ import annotations

import json
import math
import re

import numpy as np
import plotly.io as pio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lcbook import breakage
from lcbook.breakage import ILLUSTRATIVE_NOTE, ILLUSTRATIVE_RATES, simulate_cells
from lcbook.data import fanconi_cohort_outcomes, fanconi_genes, read_table
from lcbook.figures import fanconi as figs
from lcbook.figures.fanconi import BREAKAGE_STATES, N_CELLS, breakage_test_explorer, fa_outcomes_chart

ALLOWED_TRACE_TYPES = {"scatter", "bar", "pie"}
MEASURES = {"cumulative_incidence_percent", "observed_expected", "hazard_percent_per_year", "median_age_years"}
# Citation keys of the fact sheet's section 6 (Fanconi anemia) that the data may use.
FACT_SHEET_KEYS = {
    "Mehta2021GeneReviews", "PMC9373017-Table3", "Joenje2001NatRevGenet", "Wikipedia-FA",
    "Moldovan2009AnnuRevGenet", "InterPro-FANCD2", "Renaudin2020Genes", "Butturini1994Blood",
    "Rosenberg2003Blood", "Rosenberg2008Haematologica", "Rosenberg2010ASHabstract", "NHLBI-FA archived",
}


def _keys(source: str) -> set[str]:
    return {k.strip() for k in source.split(";")}


# --- data -------------------------------------------------------------------------------------


def test_gene_table_has_its_columns_and_every_row_names_a_fact_sheet_source():
    rows = read_table("fanconi", "genes.csv")
    assert set(rows[0]) == {"gene", "fa_designation", "complementation_group", "inheritance",
                            "approx_share_of_patients_percent", "chromosome_location", "notes", "source"}
    for row in rows:
        assert row["source"] and _keys(row["source"]) <= FACT_SHEET_KEYS, row
        assert row["inheritance"] in {"autosomal recessive", "X-linked", "autosomal dominant"}


def test_gene_table_lists_only_the_fourteen_named_genes_and_the_readme_says_the_full_list_has_23():
    genes = {g.gene for g in fanconi_genes()}
    assert genes == {"FANCA", "FANCB", "FANCC", "BRCA2", "FANCD2", "FANCG", "FANCI", "FANCL", "FANCM",
                     "PALB2", "RAD51C", "RAD51", "BRCA1", "UBE2T"}
    from lcbook.data import data_path
    readme = data_path("fanconi", "README.md").read_text(encoding="utf-8")
    assert "23 genes in total" in readme and "not the full" in readme


def test_gene_inheritance_and_shares_match_the_fact_sheet():
    by_gene = {g.gene: g for g in fanconi_genes()}
    assert by_gene["FANCB"].inheritance == "X-linked" and by_gene["FANCB"].chromosome_location == "Xp22.2"
    assert by_gene["RAD51"].inheritance == "autosomal dominant" and by_gene["RAD51"].fa_designation == "FANCR"
    assert {g: by_gene[g].approx_share_of_patients_percent for g in ("FANCA", "FANCC", "FANCG")} == {
        "FANCA": 65, "FANCC": 12, "FANCG": 12}
    assert by_gene["BRCA2"].fa_designation == "FANCD1" and by_gene["PALB2"].fa_designation == "FANCN"
    assert by_gene["BRCA1"].fa_designation == "FANCS" and by_gene["UBE2T"].fa_designation == "FANCT"
    shares = [g.approx_share_of_patients_percent for g in fanconi_genes() if g.approx_share_of_patients_percent]
    assert sum(shares) <= 100


def test_cohort_outcomes_have_typed_values_in_range_and_sources():
    rows = fanconi_cohort_outcomes()
    assert len(rows) == 19
    for r in rows:
        assert r.measure in MEASURES
        assert r.source in FACT_SHEET_KEYS
        assert r.value > 0
        if r.measure == "cumulative_incidence_percent":
            assert 0 < r.value <= 100 and r.age_years is not None
        else:
            assert r.age_years is None
    assert {r.n for r in rows} == {388, 145, 181, None}


def test_cohort_outcomes_hold_the_fact_sheet_numbers():
    got = {(r.registry.split(" (")[0], r.outcome, r.measure, r.age_years): r.value for r in fanconi_cohort_outcomes()}
    na, ifar, de = "North American Survey", "International Fanconi Anemia Registry", "German Fanconi Anemia Registry"
    pct, oe = "cumulative_incidence_percent", "observed_expected"
    expected = {
        (ifar, "hematological abnormalities", "median_age_years", None): 7,
        (ifar, "hematological abnormalities", pct, 40): 98, (ifar, "MDS/AML", pct, 40): 52,
        (ifar, "death from hematological causes", pct, 40): 81,
        (na, "leukemia", oe, None): 785, (na, "all cancers", oe, None): 50, (na, "solid tumors", oe, None): 48,
        (na, "head and neck cancer", oe, None): 706, (na, "esophageal cancer", oe, None): 2362,
        (na, "vulvar cancer", oe, None): 4317, (na, "AML", "hazard_percent_per_year", None): 1,
        (na, "leukemia", pct, 48): 10, (na, "death from marrow failure", pct, 48): 11,
        (na, "solid tumor", pct, 48): 29, (na, "transplantation", pct, 48): 43,
        (de, "AML", oe, None): 868, (de, "esophageal cancer", oe, None): 6281, (de, "vulvar cancer", oe, None): 2411,
        ("GeneReviews", "AML", pct, 50): 13,
    }
    assert got == expected


# --- the breakage model -----------------------------------------------------------------------


def test_fa_cells_break_more_than_typical_cells_after_deb():
    fa = simulate_cells("FA", "DEB", 200, np.random.default_rng(11))
    typical = simulate_cells("typical", "DEB", 200, np.random.default_rng(12))
    assert fa.mean_breaks > 10 * max(typical.mean_breaks, 0.05)
    assert fa.mean_breaks - 4 * fa.standard_error > typical.mean_breaks + 4 * typical.standard_error
    assert fa.percent_with_radials > 10 and typical.percent_with_radials == 0


def test_fa_cells_break_more_than_typical_cells_after_mmc():
    fa = simulate_cells("FA", "MMC", 200, np.random.default_rng(3))
    typical = simulate_cells("typical", "MMC", 200, np.random.default_rng(4))
    assert fa.mean_breaks > 10 * max(typical.mean_breaks, 0.05)


def test_same_seed_same_cells():
    a = simulate_cells("FA", "MMC", 50, np.random.default_rng(5))
    b = simulate_cells("FA", "MMC", 50, np.random.default_rng(5))
    assert np.array_equal(a.breaks, b.breaks) and np.array_equal(a.radials, b.radials)
    assert breakage_test_explorer(seed=9).to_html() == breakage_test_explorer(seed=9).to_html()


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), key=st.sampled_from(sorted(ILLUSTRATIVE_RATES)))
def test_simulated_mean_within_four_standard_errors_of_the_model_mean(seed, key):
    cell_type, agent = key
    result = simulate_cells(cell_type, agent, 2000, np.random.default_rng(seed))
    assert abs(result.mean_breaks - result.rates.mean_breaks) <= 4 * result.standard_error + 1e-12


def test_percent_with_radials_is_close_to_the_model_probability():
    result = simulate_cells("FA", "DEB", 5000, np.random.default_rng(21))
    p = result.rates.fraction_with_radial
    se = math.sqrt(p * (1 - p) / 5000)
    assert abs(result.percent_with_radials / 100 - p) <= 4 * se


def test_result_holds_per_cell_counts_and_a_summary():
    result = simulate_cells("fa", "deb", 40, np.random.default_rng(0))
    assert result.cell_type == "FA" and result.agent == "DEB"
    assert result.breaks.shape == result.radials.shape == (40,)
    assert result.breaks.dtype.kind == "i" and (result.breaks >= 0).all()
    summary = result.summary()
    assert summary["n_cells"] == 40 and summary["note"] == ILLUSTRATIVE_NOTE
    assert summary["mean_breaks_per_cell"] == pytest.approx(result.breaks.mean())
    with pytest.raises(ValueError):
        result.breaks[0] = 99  # the counts are read-only


@pytest.mark.parametrize("kwargs, words", [
    (dict(cell_type="leukemic"), "'typical'"),
    (dict(agent="cisplatin"), "'DEB'"),
    (dict(n_cells=0), "between 1 and"),
    (dict(n_cells=2.5), "whole number"),
    (dict(rng=42), "default_rng(seed)"),
])
def test_bad_arguments_raise_value_errors_that_say_what_to_pass(kwargs, words):
    args = dict(cell_type="FA", agent="DEB", n_cells=10, rng=np.random.default_rng(0)) | kwargs
    with pytest.raises(ValueError, match=re.escape(words)):
        simulate_cells(**args)


def test_breakage_is_labelled_illustrative():
    phrase = "illustrative rates, not laboratory reference values"
    assert ILLUSTRATIVE_NOTE == phrase
    flat = lambda text: " ".join(text.split())  # noqa: E731  (docstrings wrap lines)
    for doc in (breakage.__doc__, simulate_cells.__doc__, breakage_test_explorer.__doc__, figs.__doc__):
        assert phrase in flat(doc)
    explorer = breakage_test_explorer()
    for state in explorer.states:
        assert phrase in state.description
        assert "GeneReviews" in state.description
    assert phrase in explorer.alt.takeaway
    banner = explorer.figure.layout.annotations[1].text.replace("<br>", " ")
    assert phrase in banner
    assert "illustrative" in " ".join(str(c) for row in explorer.alt.rows for c in row)


# --- the breakage figure ----------------------------------------------------------------------


def _json(fig) -> str:
    return pio.to_json(fig, validate=False, remove_uids=True, pretty=False, engine="json")


def test_breakage_explorer_has_the_four_states_as_buttons():
    explorer = breakage_test_explorer()
    assert [s.label for s in explorer.states] == [label for label, _, _ in BREAKAGE_STATES]
    assert explorer.control == "buttons"


def test_every_breakage_state_changes_the_figure():
    explorer = breakage_test_explorer()
    drawn = {_json(explorer.figure_at(i)) for i in range(len(explorer.states))}
    assert len(drawn) == len(explorer.states)
    assert _json(explorer.figure) not in drawn


def test_breakage_figure_at_shows_the_simulated_cells_and_their_mean():
    explorer = breakage_test_explorer(seed=2024)
    for k, (label, cell_type, agent) in enumerate(BREAKAGE_STATES):
        expected = simulate_cells(cell_type, agent, N_CELLS, np.random.default_rng([2024, k]))
        fig = explorer.figure_at(k)
        bars = fig.data[-1]
        assert bars.type == "bar" and list(bars.y) == list(expected.breaks)
        assert fig.layout.shapes[0].y0 == pytest.approx(expected.mean_breaks)
        assert f"{expected.mean_breaks:.2f}" in explorer.states[k].description
        colours = list(bars.marker.color)
        assert colours.count(figs._BAR_RADIAL) == int((expected.radials > 0).sum())


def test_fa_sketch_shows_breaks_and_a_radial_and_the_typical_sketch_shows_none():
    explorer = breakage_test_explorer()
    typical, fa = explorer.figure_at(0), explorer.figure_at(1)
    n_marks = lambda fig: len(fig.data[2].x) + len(fig.data[3].x)  # noqa: E731
    assert n_marks(typical) == 0 and len(typical.data[1].x) == 0
    assert n_marks(fa) > 0 and len(fa.data[1].x) > 0
    assert fa.layout.annotations[2].text == "radial"


def test_breakage_states_keep_shapes_and_annotations_lists_intact():
    explorer = breakage_test_explorer()
    n_ann, n_shapes = len(explorer.figure.layout.annotations), len(explorer.figure.layout.shapes)
    for i, state in enumerate(explorer.states):
        assert all(("[" in k) or not isinstance(v, list) for k, v in state.layout.items())
        fig = explorer.figure_at(i)
        assert len(fig.layout.annotations) == n_ann and len(fig.layout.shapes) == n_shapes
        assert state.traces == tuple(range(len(explorer.figure.data)))


def test_breakage_figure_is_small_and_uses_only_basic_trace_types():
    explorer = breakage_test_explorer()
    assert {t.type for t in explorer.figure.data} <= ALLOWED_TRACE_TYPES
    assert len(explorer.to_html()) < 60_000
    assert explorer.figure.layout.height <= 700
    assert explorer.figure.layout.xaxis.fixedrange and explorer.figure.layout.yaxis2.fixedrange


def test_breakage_states_survive_json_like_the_page_script_reads_them():
    html = breakage_test_explorer().to_html()
    payload = json.loads(re.search(r'<script type="application/json" class="lc-states">(.*?)</script>',
                                   html, re.S).group(1))
    assert len(payload) == 4 and all(len(s["data"]["x"]) == 5 for s in payload)


# --- the outcomes chart -----------------------------------------------------------------------


def test_outcomes_chart_values_equal_the_csv():
    chart = fa_outcomes_chart()
    csv = {(r.registry, r.outcome, r.measure, r.age_years): r.value for r in fanconi_cohort_outcomes()}
    for i, (label, picks) in enumerate(figs.OUTCOME_VIEWS):
        fig = chart.figure_at(i)
        assert list(fig.data[0].x) == [csv[(reg, out, measure, age)] for reg, out, measure, age, _ in picks]
        assert len(fig.data[0].y) == len(picks)


def test_outcomes_chart_shows_the_requested_numbers():
    chart = fa_outcomes_chart()
    labels = [s.label for s in chart.states]
    assert labels[0] == "Cumulative incidence (North American, to age 48)"
    assert list(chart.figure_at(0).data[0].x) == [10, 11, 29, 43]
    assert list(chart.figure_at(labels.index("By age 40 (IFAR)")).data[0].x) == [98, 52, 81]
    ratio = chart.figure_at(labels.index("Observed / expected (log scale)"))
    assert sorted(ratio.data[0].x) == sorted([785, 868, 50, 48, 706, 2362, 6281, 4317, 2411])
    assert ratio.layout.xaxis.type == "log"
    assert chart.figure_at(0).layout.xaxis.type == "linear"


def test_every_outcomes_state_changes_the_figure_and_names_its_source():
    chart = fa_outcomes_chart()
    drawn = {_json(chart.figure_at(i)) for i in range(len(chart.states))}
    assert len(drawn) == len(chart.states)
    sources = ("Rosenberg 2003", "Butturini 1994", "Mehta 2021", "Rosenberg 2008")
    for state in chart.states:
        assert any(s in state.description for s in sources), state.label
    assert "Rosenberg 2008" in chart.states[-1].description and "Rosenberg 2003" in chart.states[-1].description


def test_outcomes_descriptions_quote_only_numbers_in_the_csv():
    chart = fa_outcomes_chart()
    allowed = {r.value for r in fanconi_cohort_outcomes()} | {r.n for r in fanconi_cohort_outcomes() if r.n}
    allowed |= {r.age_years for r in fanconi_cohort_outcomes() if r.age_years} | {2003, 2008, 1994, 2021}
    for text in [s.description for s in chart.states] + [chart.alt.takeaway]:
        for number in re.findall(r"\d[\d,]*", text):
            assert float(number.replace(",", "")) in allowed, (number, text)


def test_outcomes_chart_draws_bars_not_curves_and_its_table_has_every_row():
    chart = fa_outcomes_chart()
    assert [t.type for t in chart.figure.data] == ["bar"]
    assert len(chart.alt.rows) == len(fanconi_cohort_outcomes())
    assert chart.figure.layout.height <= 600 and len(chart.to_html()) < 40_000
