"""Into the skin: the sourced frequency and timing data, the schematic skin model, the figures and the widget."""
from __future__ import annotations

import json
import re

import numpy as np
import plotly.io as pio
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lcbook.data import data_path, read_table
from lcbook.figures import skin as figs
from lcbook.figures.skin import (
    FREQUENCY_VIEWS,
    PATTERN_INFO,
    SOURCE_SHORT,
    lc_frequency_chart,
    lc_timing_chart,
    skin_cross_section,
)
from lcbook.skin import (
    AUTHORITIES,
    EPIDERMIS_SPARING_PATTERNS,
    LAYERS,
    MAX_CELLS,
    PATTERNS,
    default_skin,
    distance_to_adnexa,
    distance_to_vessels,
    in_bundle,
    layer_at,
    lc_frequencies,
    lc_timing,
    place_all_patterns,
    place_cells,
)

# Citation keys of the fact sheet's section 1 (leukemia cutis) and 9, item 11, that the data may use.
FACT_SHEET_KEYS = {
    "Robak2023Cancers", "Luskin2015Haematologica", "Ganzel2016JCO", "GodinezChaparro2021BMHIM",
    "CMML2012LeukRes", "Buechner2005Chapter", "Gru-TPLL-Chapter", "MateosMayo2021", "Sawada2011Blood",
    "Brazzelli2019PediatrDermatol", "DermpathAtlas-LC",
}
LOW_AUTHORITY_KEYS: set[str] = set()  # the older series known only from an unofficial copy were dropped


def _rng(seed: int = 7) -> np.random.Generator:
    return np.random.default_rng(seed)


def _keys(source: str) -> set[str]:
    return {k.strip() for k in source.split(";")}


def _json(fig) -> str:
    return pio.to_json(fig, validate=False, remove_uids=True, pretty=False, engine="json")


# --- data ---------------------------------------------------------------------------------------


def test_frequency_table_has_its_columns_and_every_row_names_a_fact_sheet_source():
    rows = read_table("skin", "lc_frequency.csv")
    assert set(rows[0]) == {"leukemia_type", "chart_label", "low_percent", "high_percent", "measured", "series",
                            "n_patients", "source", "authority"}
    for row in lc_frequencies():
        assert _keys(row.source) <= FACT_SHEET_KEYS, row
        assert row.authority in AUTHORITIES
        assert 0 < row.low_percent <= row.high_percent <= 100
        assert row.measured and row.chart_label


def test_frequency_table_holds_the_fact_sheet_numbers():
    got = {r.leukemia_type: (r.low_percent, r.high_percent, r.source) for r in lc_frequencies()}
    assert got["All leukemias (range across types)"] == (2, 30, "Robak2023Cancers")
    assert got["Congenital leukemia"] == (25, 30, "Robak2023Cancers")
    assert got["Adult AML"] == (5, 10, "Luskin2015Haematologica")
    assert got["Adult AML (ECOG-ACRIN trials)"] == (4.5, 4.5, "Ganzel2016JCO")
    assert got["Pediatric AML (Mexico)"] == (9.2, 14.8, "GodinezChaparro2021BMHIM")
    assert got["CMML"] == (10.2, 10.2, "CMML2012LeukRes")
    assert got["Acute myelomonocytic leukemia (AMMoL)"][:2] == (pytest.approx(100 * 24 / 81, abs=0.05),) * 2
    assert got["T-PLL"][:2] == (20, 50) and got["ATLL"][:2] == (50, 50)
    assert got["Transient abnormal myelopoiesis (Down syndrome)"] == (5, 5, "Brazzelli2019PediatrDermatol")
    assert not any("older series" in t for t in got)


def test_every_low_authority_source_is_labelled_lower_authority_and_vice_versa():
    for row in lc_frequencies() + tuple(lc_timing()):
        assert (row.authority == "lower-authority") == bool(_keys(row.source) & LOW_AUTHORITY_KEYS), row


def test_rows_that_are_not_a_series_own_count_of_leukemia_cutis_say_so():
    rows = {r.leukemia_type: r for r in lc_frequencies()}
    assert rows["Adult AML"].authority == "review" and "not that cohort's own count" in rows["Adult AML"].measured
    assert "not necessarily proven leukemia cutis" in rows["Transient abnormal myelopoiesis (Down syndrome)"].measured
    assert "denominator as reported" in rows["Pediatric AML (Mexico)"].measured


def test_timing_table_holds_the_review_ranges():
    review = [r for r in lc_timing() if r.source == "Robak2023Cancers"]
    assert [(r.low_percent, r.high_percent) for r in review] == [(55, 77), (23, 44), (2, 3)]
    assert all(r.authority == "review" for r in review) and len(review) == len(lc_timing())


def test_the_readme_names_every_source_key_and_says_what_is_left_out():
    readme = data_path("skin", "README.md").read_text(encoding="utf-8")
    for row in lc_frequencies() + tuple(lc_timing()):
        for key in _keys(row.source):
            assert f"`{key}`" in readme
    assert "UNVERIFIED" in readme and "lower-authority" in readme


# --- the geometry -------------------------------------------------------------------------------


def test_layers_run_epidermis_papillary_reticular_subcutis_down_the_page():
    g = default_skin()
    assert 0 < g.epidermis_bottom < g.papillary_bottom < g.dermis_bottom < g.subcutis_bottom
    depths = [g.epidermis_bottom / 2, (g.epidermis_bottom + g.papillary_bottom) / 2,
              (g.papillary_bottom + g.dermis_bottom) / 2, (g.dermis_bottom + g.subcutis_bottom) / 2]
    assert list(layer_at(g, depths)) == list(LAYERS)
    assert list(layer_at(g, [-1, g.subcutis_bottom + 1])) == ["outside", "outside"]


def test_the_skin_has_vessels_in_dermis_and_subcutis_a_follicle_a_sweat_gland_bundles_and_lobules():
    g = default_skin()
    vessel_layers = set(layer_at(g, [v.y for v in g.vessels]))
    assert {"reticular dermis", "subcutis"} <= vessel_layers
    assert g.follicle.top == 0 and g.follicle.bottom < g.dermis_bottom  # opens at the surface
    assert all(layer_at(g, [c.y])[0] == "reticular dermis" for c in g.sweat_coil)
    assert len(g.bundles) >= 20 and len(g.lobules) >= 6
    assert all(layer_at(g, [b.y])[0] == "reticular dermis" for b in g.bundles)


def test_collagen_bundles_keep_clear_of_vessels_and_adnexa():
    g = default_skin()
    for b in g.bundles:
        assert distance_to_vessels(g, [b.x], [b.y])[0] > b.rx
        assert distance_to_adnexa(g, [b.x], [b.y])[0] > b.ry
    depths = np.linspace(g.papillary_bottom, g.follicle.bottom, 50)
    assert not in_bundle(g, np.full(50, g.follicle.x), depths).any()  # no bundle crosses the follicle
    assert not in_bundle(g, np.full(50, g.sweat_duct.x), depths).any()  # nor the sweat duct


# --- placing cells ------------------------------------------------------------------------------


@pytest.mark.parametrize("pattern", EPIDERMIS_SPARING_PATTERNS)
def test_no_cell_of_a_myeloid_pattern_lies_in_the_epidermis_or_the_grenz_zone(pattern):
    cells = place_cells(pattern, _rng(11))
    counts = cells.counts_by_layer()
    assert cells.n_cells > 0
    assert counts["epidermis"] == 0 and counts["papillary dermis"] == 0


@pytest.mark.parametrize("pattern", EPIDERMIS_SPARING_PATTERNS)
def test_no_cell_sits_inside_a_vessel_or_an_adnexal_wall(pattern):
    cells = place_cells(pattern, _rng(12))
    g = cells.geometry
    assert (distance_to_vessels(g, cells.x, cells.y) > 0).all()
    assert (distance_to_adnexa(g, cells.x, cells.y) > 0).all()


def test_perivascular_cells_lie_in_cuffs_around_dermal_vessels():
    cells = place_cells("perivascular", _rng(1))
    g = cells.geometry
    d = distance_to_vessels(g, cells.x, cells.y, g.dermal_vessels)
    assert (d < 30).all()
    assert set(cells.layers()) == {"reticular dermis"}


def test_periadnexal_cells_lie_near_the_follicle_or_the_sweat_gland():
    cells = place_cells("periadnexal", _rng(2))
    d = distance_to_adnexa(cells.geometry, cells.x, cells.y)
    assert (d < 30).all()
    near_follicle = np.abs(cells.x - cells.geometry.follicle.x) < 100
    assert 0.25 < near_follicle.mean() < 0.75  # both kinds of adnexa are cuffed


def test_interstitial_cells_line_up_in_the_gaps_between_collagen_bundles():
    cells = place_cells("interstitial", _rng(3))
    g = cells.geometry
    gaps = np.array(g.file_lines)
    nearest = np.min(np.abs(cells.y[:, None] - gaps[None, :]), axis=1)
    assert (nearest < 8).all()  # every cell sits on one of the lines between bundle rows
    assert not in_bundle(g, cells.x, cells.y).any()


def test_nodular_diffuse_cells_fill_the_dermis_but_spare_the_grenz_zone():
    cells = place_cells("nodular_diffuse", _rng(4))
    g = cells.geometry
    assert cells.y.min() > g.papillary_bottom
    assert set(cells.layers()) == {"reticular dermis"}
    # Dense: cells spread through the whole depth of the reticular dermis.
    assert cells.y.max() - cells.y.min() > 0.8 * (g.dermis_bottom - g.papillary_bottom)


def test_subcutaneous_cells_permeate_the_fat_lobules():
    cells = place_cells("subcutaneous", _rng(5))
    assert set(cells.layers()) == {"subcutis"}
    inside = np.zeros(cells.n_cells, dtype=bool)
    for lob in cells.geometry.lobules:
        inside |= ((cells.x - lob.x) / lob.rx) ** 2 + ((cells.y - lob.y) / lob.ry) ** 2 <= 1
    assert inside.all()


def test_the_t_cell_pattern_has_cells_in_the_epidermis_and_pautrier_like_clusters():
    cells = place_cells("epidermotropic", _rng(6))
    counts = cells.counts_by_layer()
    assert counts["epidermis"] > 0.3 * cells.n_cells
    assert len(cells.clusters) == 4
    for cx, cy in cells.clusters:
        assert layer_at(cells.geometry, [cy])[0] == "epidermis"
        near = np.hypot(cells.x - cx, cells.y - cy) < 20
        assert near.sum() >= 5  # a tight group of cells


def test_healthy_skin_has_no_leukemic_cells():
    cells = place_cells("healthy", _rng(), n_cells=300)
    assert cells.n_cells == 0 and sum(cells.counts_by_layer().values()) == 0


def test_the_same_seed_places_the_same_cells_and_another_seed_other_cells():
    a = place_cells("nodular_diffuse", _rng(9))
    b = place_cells("nodular_diffuse", _rng(9))
    c = place_cells("nodular_diffuse", _rng(10))
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.x, c.x)


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), pattern=st.sampled_from(PATTERNS), n=st.integers(0, 300))
def test_any_seed_places_exactly_the_cells_asked_for_inside_the_skin(seed, pattern, n):
    cells = place_cells(pattern, np.random.default_rng(seed), n_cells=n)
    assert cells.n_cells == (0 if pattern == "healthy" else n)
    assert (cells.x >= 0).all() and (cells.x <= cells.geometry.width).all()
    assert set(cells.layers()) <= set(LAYERS)
    if pattern in EPIDERMIS_SPARING_PATTERNS:
        assert not np.isin(cells.layers(), ["epidermis", "papillary dermis"]).any()


def test_positions_are_read_only_and_rounded():
    cells = place_cells("perivascular", _rng())
    with pytest.raises(ValueError):
        cells.x[0] = 1.0
    assert np.array_equal(cells.x, np.round(cells.x, 1))


def test_pattern_names_are_forgiving():
    assert place_cells("Nodular / diffuse", _rng()).pattern == "nodular_diffuse"
    assert place_cells("T-cell", _rng()).pattern == "epidermotropic"


@pytest.mark.parametrize("kwargs, words", [
    (dict(pattern="eczema"), "use one of healthy"),
    (dict(n_cells=-1), "between 0 and"),
    (dict(n_cells=MAX_CELLS + 1), "between 0 and"),
    (dict(n_cells=2.5), "whole number"),
    (dict(rng=42), "default_rng(seed)"),
])
def test_bad_arguments_raise_value_errors_that_say_what_to_pass(kwargs, words):
    args = dict(pattern="perivascular", rng=_rng(), n_cells=50) | kwargs
    with pytest.raises(ValueError, match=re.escape(words)):
        place_cells(**args)


# --- the cross-section figure -------------------------------------------------------------------


@pytest.fixture(scope="module")
def section():
    return skin_cross_section(seed=2025)


def test_the_cross_section_offers_healthy_skin_then_every_pattern(section):
    assert [s.label for s in section.states] == [PATTERN_INFO[p].label for p in PATTERNS]
    assert section.states[0].label == "Healthy skin" and section.control == "buttons"


def test_every_cross_section_state_changes_the_figure(section):
    drawn = {_json(section.figure_at(i)) for i in range(len(section.states))}
    assert len(drawn) == len(section.states)


def test_each_state_draws_the_model_cells_of_its_pattern(section):
    placed = place_all_patterns(seed=2025)
    for i, pattern in enumerate(PATTERNS):
        expected = placed[pattern]
        fig = section.figure_at(i)
        assert list(fig.data[0].x) == [float(v) for v in expected.x]
        assert list(fig.data[0].y) == [float(v) for v in expected.y]


def test_each_description_says_where_which_leukemias_and_names_a_source(section):
    shorts = ("Buechner 2005", "Paydas 2000", "Cerroni", "Marchetti 2015", "Abbas 2013")
    for pattern, state in zip(PATTERNS, section.states):
        assert any(s in state.description for s in shorts), pattern
        if pattern != "healthy":
            assert "Seen in" in state.description
    t_cell = section.states[PATTERNS.index("epidermotropic")].description
    assert "67%" in t_cell and "55%" in t_cell and "epidermis" in t_cell
    assert "no source that says how often" in section.states[PATTERNS.index("nodular_diffuse")].description


def test_the_nodular_state_names_the_spared_grenz_zone_on_the_figure(section):
    nodular = section.figure_at(PATTERNS.index("nodular_diffuse"))
    assert "grenz zone" in nodular.layout.annotations[1].text
    assert "grenz zone" not in section.figure_at(0).layout.annotations[1].text


def test_pautrier_like_clusters_are_drawn_only_in_the_t_cell_state(section):
    for i, pattern in enumerate(PATTERNS):
        clusters = section.figure_at(i).data[1]
        assert (len(clusters.x) > 0) == (pattern == "epidermotropic")


def test_the_text_alternative_lists_every_pattern_with_the_cells_in_each_layer(section):
    assert len(section.alt.rows) == len(PATTERNS)
    placed = place_all_patterns(seed=2025)
    for row, pattern in zip(section.alt.rows, PATTERNS):
        counts = placed[pattern].counts_by_layer()
        assert row[0] == PATTERN_INFO[pattern].label
        assert list(row[-len(LAYERS):]) == [counts[name] for name in LAYERS]
    for word in ("perivascular", "periadnexal", "interstitial", "grenz zone", "subcutaneous", "epidermis"):
        assert word in section.alt.takeaway


def test_all_patterns_are_placed_from_their_own_streams_of_one_seed():
    placed = place_all_patterns(seed=2025)
    streams = np.random.SeedSequence(2025).spawn(len(PATTERNS))
    assert list(placed) == list(PATTERNS)
    for pattern, stream in zip(PATTERNS, streams):
        expected = place_cells(pattern, np.random.default_rng(stream))
        assert np.array_equal(placed[pattern].x, expected.x) and np.array_equal(placed[pattern].y, expected.y)
    with pytest.raises(ValueError, match="seed must be a whole number"):
        place_all_patterns(seed=-1)


def test_the_depth_axis_says_in_words_that_depth_increases_downwards(section):
    title = section.figure.layout.yaxis.title.text
    assert "increasing downwards" in title and "→" not in title


def test_the_cross_section_is_light_deterministic_and_phone_ready(section):
    html = section.to_html()
    assert len(html) < 150_000
    assert html == skin_cross_section(seed=2025).to_html()
    assert section.figure.layout.height <= 650
    assert section.figure.layout.yaxis.range[0] > section.figure.layout.yaxis.range[1]  # depth downwards
    assert section.figure.layout.yaxis.scaleanchor == "x"
    assert {t.type for t in section.figure.data} == {"scatter"}


def test_the_cross_section_refuses_a_bad_seed():
    with pytest.raises(ValueError, match="seed"):
        skin_cross_section(seed=-1)


def test_states_survive_json_like_the_page_script_reads_them(section):
    html = section.to_html()
    payload = json.loads(re.search(r'<script type="application/json" class="lc-states">(.*?)</script>',
                                   html, re.S).group(1))
    assert len(payload) == len(PATTERNS) and all(len(s["data"]["x"]) == 2 for s in payload)


# --- the frequency and timing charts ------------------------------------------------------------


def test_every_source_key_in_the_data_has_a_short_name():
    for row in lc_frequencies() + tuple(lc_timing()):
        assert _keys(row.source) <= set(SOURCE_SHORT)


def _points(fig) -> list[float]:
    return [v for t in fig.data[3:6] for v in t.x]


def test_frequency_chart_views_show_all_then_original_studies_and_skip_a_view_that_adds_nothing():
    chart = lc_frequency_chart()
    # With no lower-authority series in the data, "Without lower-authority series" would repeat "All sources".
    views = [(label, keep) for label, keep in FREQUENCY_VIEWS if label != "Without lower-authority series"]
    assert [s.label for s in chart.states] == [label for label, _ in views]
    rows = lc_frequencies()
    for i, (_, keep) in enumerate(views):
        fig = chart.figure_at(i)
        shown = [r for r in rows if r.authority in keep]
        expected = sorted(v for r in shown for v in ([r.low_percent, r.high_percent] if r.is_range
                                                     else [r.low_percent]))
        assert sorted(_points(fig)) == expected
        assert len(fig.data[6].text) == len(shown)


def test_every_frequency_state_changes_the_figure_and_the_low_authority_rows_look_different():
    chart = lc_frequency_chart()
    drawn = {_json(chart.figure_at(i)) for i in range(len(chart.states))}
    assert len(drawn) == len(chart.states)
    fig = chart.figure
    lower_line, lower_points = fig.data[2], fig.data[5]
    assert lower_line.line.dash == "dot" and fig.data[0].line.dash == "solid"
    assert lower_points.marker.color == "#FFFFFF"  # hollow
    assert "lower authority" in lower_points.name


def test_the_frequency_axis_counts_skin_involvement_not_only_proven_leukemia_cutis():
    assert lc_frequency_chart().figure.layout.xaxis.title.text == "Patients with skin involvement (percent)"


def test_frequency_labels_name_each_source_and_the_table_has_every_row():
    chart = lc_frequency_chart()
    labels = list(chart.figure.data[6].text)
    for row, label in zip(lc_frequencies(), labels):
        assert row.chart_label in label and SOURCE_SHORT[sorted(_keys(row.source))[0]] in label
    assert len(chart.alt.rows) == len(lc_frequencies())
    assert [r[-1] for r in chart.alt.rows] == [r.authority for r in lc_frequencies()]


def test_frequency_and_timing_texts_quote_only_numbers_in_the_data_files():
    allowed = set()
    for r in lc_frequencies() + tuple(lc_timing()):
        allowed |= {r.low_percent, r.high_percent}
        allowed |= {float(n) for n in re.findall(r"\d+(?:\.\d+)?", r.measured + " " + getattr(r, "series", ""))}
        if getattr(r, "n_patients", None):
            allowed.add(float(r.n_patients))
    allowed |= {float(y) for y in re.findall(r"\d{4}", " ".join(SOURCE_SHORT.values()))}
    for chart in (lc_frequency_chart(), lc_timing_chart()):
        texts = [s.description for s in chart.states] + [chart.alt.takeaway]
        texts += [str(t) for s in chart.states for trace in s.data["text"] for t in trace]
        for text in texts:
            for number in re.findall(r"\d[\d,]*(?:\.\d+)?", text):
                assert float(number.replace(",", "")) in allowed, (number, text)


def test_timing_chart_shows_the_review_alone_when_there_is_no_older_series_to_add():
    chart = lc_timing_chart()
    assert chart.states == ()
    assert sorted(_points(chart.figure)) == [2, 3, 23, 44, 55, 77]


def test_the_range_charts_keep_one_height_and_stay_small():
    for chart in (lc_frequency_chart(), lc_timing_chart()):
        heights = {chart.figure.layout.height} | {chart.figure_at(i).layout.height for i in range(len(chart.states))}
        assert len(heights) == 1
        assert len(chart.to_html()) < 60_000
        assert all("height" not in s.layout for s in chart.states)


def test_figure_module_documents_the_schematic():
    assert "not to scale" in " ".join(figs.__doc__.split())


# --- the live widget ----------------------------------------------------------------------------


def test_the_widget_draws_a_pattern_and_reports_where_the_cells_are():
    from lcbook.widgets.skin import skin_explorer

    w = skin_explorer(pattern="epidermotropic", n_cells=60, seed=3)
    assert w.infiltrate is not None and w.infiltrate.pattern == "epidermotropic"
    assert "in the epidermis" in w.message.value and "Marchetti 2015" in w.message.value
    assert len(w.output.outputs) == 1


@pytest.mark.parametrize("kwargs, words", [
    (dict(n_cells=-5), "between 0 and"),
    (dict(pattern="<b>rash</b>"), "Unknown pattern"),
    (dict(seed=-2), "seed must be a whole number"),
])
def test_bad_widget_input_gives_an_escaped_message_and_keeps_the_last_figure(kwargs, words):
    from lcbook.widgets.skin import skin_explorer

    w = skin_explorer(pattern="perivascular", seed=1)
    before, figure = w.infiltrate, w.figure
    assert w.draw(**kwargs) is False
    assert words in w.message.value and "still the last one drawn" in w.message.value
    assert "<b>rash</b>" not in w.message.value
    assert w.infiltrate is before and w.figure is figure


def test_choosing_another_pattern_in_the_widget_redraws_with_its_default_cells():
    from lcbook.widgets.skin import skin_explorer

    w = skin_explorer(pattern="perivascular", seed=1)
    w.pattern.value = "subcutaneous"
    assert w.infiltrate.pattern == "subcutaneous"
    assert set(w.infiltrate.layers()) == {"subcutis"}
