"""The karyogram figure, the preset viewer of the static page, and the live karyotype explorer."""
from __future__ import annotations

import re
from collections import defaultdict

import plotly.graph_objects as go
import pytest

import lcbook  # noqa: F401  (configures the renderer)
from lcbook.display import OKABE_ITO, _figure_json
from lcbook.figures.karyotype import (
    DEFAULT_PRESETS,
    HIGHLIGHT_COLOURS,
    POLYGON_KINDS,
    STAIN_COLOURS,
    karyogram,
    karyotype_table,
    karyotype_viewer,
)
from lcbook.karyotype import KaryotypeError, describe, parse_karyotype
from lcbook.widgets.karyotype import karyotype_explorer


@pytest.fixture(scope="module")
def viewer():
    return karyotype_viewer()


# -- what a figure draws, whatever plotly objects draw it ------------------------------------------


def _split(xs, ys):
    polys, poly = [], []
    for x, y in zip(xs, ys):
        if x is None:
            polys.append(tuple(poly))
            poly = []
        else:
            poly.append((x, y))
    if poly:
        polys.append(tuple(poly))
    return polys


def _path_polys(path: str):
    polys = []
    for sub in filter(None, path.split("M")):
        pts = sub.rstrip("Z").split("L")
        polys.append(tuple(tuple(float(v) for v in p.split(",")) for p in pts))
    return polys


def drawn(fig: go.Figure) -> dict:
    """Everything a reader sees: polygons by kind, visible texts, answering hover points, axes, margins."""
    polys: dict[str, list] = defaultdict(list)
    texts, hover = [], []
    for t in fig.data:
        if t.opacity == 0 or t.visible is False:
            continue
        if t.name in POLYGON_KINDS:
            polys[t.name] += _split(t.x, t.y)
        elif t.name == "labels":
            texts += [(x, y, s) for x, y, s in zip(t.x, t.y, t.text)]
        elif t.name == "hover" and t.hoverinfo != "skip":
            hover += [(x, y, h) for x, y, h in zip(t.x, t.y, t.hovertext)]
    for shape in fig.layout.shapes:
        if shape.opacity != 0:
            polys[shape.name] += _path_polys(shape.path)
    for a in fig.layout.annotations:
        if a.opacity != 0:
            texts.append((a.x, a.y, a.text))
    return {
        "title": (fig.layout.title.text, fig.layout.title.subtitle.text),
        "polygons": {k: sorted(v) for k, v in polys.items() if v},
        "texts": sorted(texts, key=repr),
        "hover": sorted(hover),
        "x": tuple(fig.layout.xaxis.range),
        "y": tuple(fig.layout.yaxis.range),
        "margin": fig.layout.margin.to_plotly_json(),
        "height": fig.layout.height,
    }


def _hover(fig: go.Figure) -> list[tuple[float, float, str]]:
    return drawn(fig)["hover"]


def _copies_with_band(fig: go.Figure, band: str) -> set[float]:
    """x of every drawn chromosome that has the band (by the hover text that names it)."""
    return {x for x, _, h in _hover(fig) if h.startswith(f"<b>{band}</b>")}


def _centre_x(poly) -> float:
    xs = [x for x, _ in poly]
    return round((min(xs) + max(xs)) / 2, 2)


# -- one karyogram ---------------------------------------------------------------------------------


def test_typical_karyogram_draws_46_outlined_chromosomes_and_highlights_none():
    d = drawn(karyogram("46,XX"))
    assert len(d["polygons"]["outline"]) == 46
    assert not any(k.startswith("halo:") for k in d["polygons"])


def test_trisomy_21_karyogram_draws_three_chromosome_21s_and_highlights_one():
    fig = karyogram("47,XY,+21")
    d = drawn(fig)
    assert len(d["polygons"]["outline"]) == 47
    xs = _copies_with_band(fig, "21q22")
    assert len(xs) == 3
    (halo,) = d["polygons"]["halo:extra"]
    assert _centre_x(halo) in {round(x, 2) for x in xs}
    assert any(t[2] == "<b>+21</b>" for t in d["texts"])


def test_extra_copies_are_outlined_vermillion_rearranged_blue_and_markers_reddish_purple():
    assert HIGHLIGHT_COLOURS["extra"] == OKABE_ITO["vermillion"]
    assert HIGHLIGHT_COLOURS["structural"] == OKABE_ITO["blue"]
    assert HIGHLIGHT_COLOURS["marker"] == OKABE_ITO["reddish_purple"]
    fig = karyogram("47,XX,t(9;22)(q34;q11.2),+mar")
    halo = {t.name: t.line.color for t in fig.data if t.name.startswith("halo:") and t.x}
    assert halo == {"halo:structural": OKABE_ITO["blue"], "halo:marker": OKABE_ITO["reddish_purple"]}


def test_g_bands_are_shades_of_grey_that_darken_from_gpos25_to_gpos100():
    def level(colour: str) -> int:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert r == g == b, f"{colour} is not a grey"
        return r

    assert all(level(c) >= 0 for c in STAIN_COLOURS.values())
    shades = [level(STAIN_COLOURS[s]) for s in ("gneg", "gpos25", "gpos50", "gpos75", "gpos100")]
    assert shades == sorted(shades, reverse=True) and len(set(shades)) == 5


def test_centromere_is_drawn_as_a_narrower_waist():
    fig = karyogram("46,XX")
    widths = [max(x for x, _ in p) - min(x for x, _ in p) for p in drawn(fig)["polygons"]["stain:acen"]]
    full = [max(x for x, _ in p) - min(x for x, _ in p) for p in drawn(fig)["polygons"]["stain:gpos100"]]
    # Each acen band is a trapezoid: narrower at the centromere than a band's full width.
    for poly in drawn(fig)["polygons"]["stain:acen"]:
        top, bottom = max(y for _, y in poly), min(y for _, y in poly)
        at_top = [x for x, y in poly if y == top]
        at_bottom = [x for x, y in poly if y == bottom]
        assert max(at_top) - min(at_top) != pytest.approx(max(at_bottom) - min(at_bottom))
    assert max(widths) <= max(full) + 1e-9


def test_hover_text_names_bands():
    texts = [h for _, _, h in _hover(karyogram("47,XY,+21"))]
    names = [re.match(r"<b>([0-9XY]+[pq][0-9.]+)</b>", h) for h in texts]
    assert all(names), [h for h, m in zip(texts, names) if not m][:3]
    assert "<b>21q22</b><br>extra copy of chromosome 21 (+21)" in texts
    fine = [h for _, _, h in _hover(karyogram("46,XX", resolution=850))]
    assert any(h.startswith("<b>21q22.11</b>") for h in fine)
    assert any(h.startswith("<b>1p11.1</b> (centromere)") for h in fine)


def test_chromosomes_are_laid_out_in_denver_group_rows_with_sex_chromosomes_last():
    fig = karyogram("46,XY")
    labels = [(y, x, text) for x, y, text in drawn(fig)["texts"] if re.fullmatch(r"[0-9XY]+", str(text))]
    rows: dict[float, list] = defaultdict(list)
    for y, x, text in labels:
        rows[y].append((x, text))
    ordered = [[t for _, t in sorted(r)] for _, r in sorted(rows.items(), reverse=True)]
    assert ordered == [
        ["1", "2", "3", "4", "5"],
        ["6", "7", "8", "9", "10", "11", "12"],
        ["13", "14", "15", "16", "17", "18"],
        ["19", "20", "21", "22", "X", "Y"],
    ]
    letters = sorted(text for _, _, text in drawn(fig)["texts"] if str(text).startswith("<b>") and len(text) == 8)
    assert letters == [f"<b>{g}</b>" for g in "ABCDEFG"]


def test_a_mosaic_karyogram_names_both_cell_lines_and_their_shares():
    fig = karyogram("47,XY,+21[12]/46,XY[8]")
    title = fig.layout.title.subtitle.text
    assert "Drawn: 47,XY,+21 (12 of 20 cells, 60%)" in title
    assert "Also: 46,XY (8 of 20 cells, 40%)" in title


def test_rob_14_21_is_drawn_as_one_fused_chromosome_outlined_in_blue():
    fig = karyogram("46,XY,rob(14;21)(q10;q10),+21")
    d = drawn(fig)
    assert len(d["polygons"]["outline"]) == 46
    (halo,) = d["polygons"]["halo:structural"]
    fused = _centre_x(halo)
    assert fused in {round(x, 2) for x in _copies_with_band(fig, "14q32")}
    assert fused in {round(x, 2) for x in _copies_with_band(fig, "21q22")}
    assert not any(h.startswith("<b>14p") for x, _, h in d["hover"] if round(x, 2) == fused)


def test_the_philadelphia_chromosome_is_drawn_shorter_than_a_normal_22():
    fig = karyogram("46,XX,t(9;22)(q34;q11.2)")
    outlines = drawn(fig)["polygons"]["outline"]
    xs22 = sorted({round(x, 2) for x in _copies_with_band(fig, "22q11.2")})
    heights = {}
    for poly in outlines:
        if _centre_x(poly) in xs22:
            heights[_centre_x(poly)] = max(y for _, y in poly) - min(y for _, y in poly)
    normal, der22 = heights[xs22[0]], heights[xs22[1]]
    assert der22 < normal


def test_45_X_shows_the_missing_sex_chromosome_as_a_dashed_outline():
    fig = karyogram("45,X")
    d = drawn(fig)
    assert len(d["polygons"]["outline"]) == 45
    assert len(d["polygons"]["missing"]) == 1
    assert next(t for t in fig.data if t.name == "missing").line.dash == "dot"


def test_48_XXYY_outlines_the_extra_X_and_the_extra_Y():
    d = drawn(karyogram("48,XXYY"))
    assert len(d["polygons"]["halo:extra"]) == 2
    assert {"<b>+X</b>", "<b>+Y</b>"} <= {t[2] for t in d["texts"]}


def test_550_band_level_draws_chromosomes_without_gaps():
    from lcbook.karyotype.bands import chromosomes

    for chrom in chromosomes(550).values():
        for a, b in zip(chrom.bands, chrom.bands[1:]):
            assert a.end == b.start
    assert karyogram("46,XX", resolution=550)


def test_karyogram_is_deterministic():
    assert _figure_json(karyogram("47,XY,+21")) == _figure_json(karyogram("47,XY,+21"))
    assert karyotype_viewer().to_html() == karyotype_viewer().to_html()


def test_karyogram_uses_only_trace_types_of_plotlys_basic_bundle(viewer):
    types = {t.type for t in viewer.figure.data} | {t.type for t in karyogram("47,XY,+21").data}
    assert types <= {"scatter", "bar", "pie"}


def test_malformed_karyotype_raises_the_parsers_error():
    with pytest.raises(KaryotypeError, match="comma"):
        karyogram("47,XY+21")


def test_an_unknown_band_level_is_refused_with_the_known_ones():
    with pytest.raises(ValueError, match="400, 550, 850"):
        karyogram("46,XX", resolution=300)


# -- the preset viewer ------------------------------------------------------------------------------


def test_viewer_has_one_state_per_preset_labelled_with_its_iscn_and_described_in_plain_english(viewer):
    assert [s.label for s in viewer.states] == list(DEFAULT_PRESETS)
    assert [s.description for s in viewer.states] == [describe(parse_karyotype(p)) for p in DEFAULT_PRESETS]


def test_every_preset_state_changes_the_figure(viewer):
    seen = [drawn(viewer.figure_at(i)) for i in range(len(viewer.states))]
    for i in range(len(seen)):
        for j in range(i + 1, len(seen)):
            assert seen[i] != seen[j], (viewer.states[i].label, viewer.states[j].label)


@pytest.mark.parametrize("index", range(len(DEFAULT_PRESETS)))
def test_figure_at_each_preset_matches_a_fresh_karyogram_of_that_preset(viewer, index):
    assert drawn(viewer.figure_at(index)) == drawn(karyogram(DEFAULT_PRESETS[index]))


def test_switching_back_and_forth_between_presets_ends_where_a_direct_switch_would(viewer):
    fig = go.Figure(viewer.figure)
    for i in (5, 8, 2):
        s = viewer.states[i]
        fig.plotly_update(restyle_data=s.data, relayout_data=s.layout, trace_indexes=list(s.traces))
    assert drawn(fig) == drawn(viewer.figure_at(2))


def test_viewer_states_only_edit_what_plotly_redraws_without_recomputing_the_figure(viewer):
    # Opacity of shapes and annotations is an 'arraydraw' edit, the title a 'layoutstyle' edit and
    # hoverinfo a 'none' edit in plotly.js; x, y, text, visibility or an annotation's text would
    # recompute and redraw every trace (slow on phones).
    for s in viewer.states:
        assert all(re.fullmatch(r"(shapes|annotations)\[\d+\]\.opacity|title(\.subtitle)?\.text", k)
                   for k in s.layout)
        assert set(s.data) <= {"hoverinfo"}


def test_shapes_are_styled_like_the_traces_of_their_kind(viewer):
    trace_style = {t.name: (t.fillcolor, t.line.color, t.line.width) for t in viewer.figure.data}
    for shape in viewer.figure.layout.shapes:
        fill, colour, width = trace_style[shape.name]
        assert shape.line.color == colour and shape.line.width == width
        assert shape.fillcolor == (fill or "rgba(0,0,0,0)")


def test_serialized_viewer_is_under_300_kb(viewer):
    assert len(viewer.to_html().encode("utf-8")) < 300_000


def test_viewer_text_alternative_tables_every_preset(viewer):
    assert viewer.alt.columns == ("Karyotype", "Chromosome", "Copies", "Change")
    described = {row[0].split(" (")[0] for row in viewer.alt.rows}
    for preset in DEFAULT_PRESETS:
        if "/" not in preset:
            assert preset in described
    assert ("47,XY,+21", "21", "3", "extra copy (+21)") in viewer.alt.rows
    assert describe(parse_karyotype(DEFAULT_PRESETS[0])) in viewer.alt.takeaway


def test_table_of_a_robertsonian_carrier_says_where_the_21_material_is():
    rows = karyotype_table("45,XX,rob(14;21)(q10;q10)")
    assert ("45,XX,rob(14;21)(q10;q10)", "14", "2", "rearranged: rob(14;21)") in rows
    assert ("45,XX,rob(14;21)(q10;q10)", "21", "1", "material in rob(14;21)") in rows


def test_table_of_turner_syndrome_says_a_sex_chromosome_is_missing():
    rows = karyotype_table("45,X")
    assert ("45,X", "X", "1", "a second sex chromosome is missing") in rows


# -- the live explorer ------------------------------------------------------------------------------


def test_explorer_has_a_labelled_iscn_input_a_band_level_choice_and_draws_the_initial_karyotype():
    e = karyotype_explorer("47,XY,+21")
    assert e.text.description == "Karyotype (ISCN)"
    assert [v for _, v in e.resolution.options] == [400, 550, 850]
    assert str(e.karyotype) == "47,XY,+21"
    assert "trisomy 21" in e.message.value
    (output,) = e.output.outputs
    assert "application/vnd.plotly.v1+json" in output["data"]


def test_explorer_keeps_last_good_figure_and_shows_message_for_malformed_input():
    e = karyotype_explorer("47,XY,+21")
    good = e.figure
    e.text.value = "47,XY+21"
    assert e.figure is good and str(e.karyotype) == "47,XY,+21"
    assert 'role="alert"' in e.message.value
    assert "Put a comma between" in e.message.value or "comma" in e.message.value
    e.text.value = "45,X"
    assert e.figure is not good and "Turner" in e.message.value


def test_explorer_message_escapes_html():
    own_tags = {"div", "strong", "br", "code", "mark", "em", "p", "ul", "li"}
    e = karyotype_explorer("46,XX")
    for typed in ('46,XX,<img src=x onerror="alert(1)">', "46,XX,+21<script>alert(1)</script>", "<b>46</b>,XX"):
        e.text.value = typed
        value = e.message.value
        assert 'role="alert"' in value
        assert {tag for tag in re.findall(r"</?([a-zA-Z]+)", value)} <= own_tags
        assert "&lt;" in value and 'onerror="' not in value


def test_explorer_shows_the_parsers_notes():
    e = karyotype_explorer("47, XY, +21")
    assert "Removed spaces" in e.message.value


def test_explorer_redraws_at_the_chosen_band_level():
    e = karyotype_explorer("46,XX")
    coarse = len(_hover(e.figure))
    e.resolution.value = 850
    assert len(_hover(e.figure)) > coarse


# -- readable on a phone ---------------------------------------------------------------------------


def _font_sizes(fig):
    sizes = [fig.layout.title.font.size, fig.layout.title.subtitle.font.size, fig.layout.hoverlabel.font.size]
    sizes += [a.font.size for a in fig.layout.annotations]
    for trace in fig.data:
        if trace.name == "labels":
            sizes += list(trace.textfont.size)
    return sizes


@pytest.mark.parametrize("make", [lambda: karyogram("49,XXXXY"), lambda: karyotype_viewer().figure])
def test_every_text_of_a_karyogram_is_at_least_12px(make):
    assert min(_font_sizes(make())) >= 12


def test_side_by_side_copies_with_the_same_change_share_one_label():
    labels = next(t for t in karyogram("49,XXXXY").data if t.name == "labels").text
    assert "<b>+X \u00d73</b>" in labels and "<b>+X</b>" not in labels
    labels = next(t for t in karyogram("48,XXYY").data if t.name == "labels").text
    assert {"<b>+X</b>", "<b>+Y</b>"} <= set(labels)


def test_a_translocation_marks_the_partner_material_beside_each_derivative():
    fig = karyogram("46,XY,t(9;11)(p21.3;q23.3)")
    partner = next(t for t in fig.data if t.name == "partner")
    assert sum(1 for x in partner.x if x is None) == 1  # two strips: one on der(9), one on der(11)
    assert "material from its partner" in fig.layout.title.subtitle.text
    assert "partner" not in [t.name for t in karyogram("46,XX,del(5)(q13q33)").data]
