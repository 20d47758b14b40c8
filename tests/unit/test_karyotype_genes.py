"""Gene loci: each sourced and in its GRCh38 band, placed on the karyogram, and followed through a rearrangement."""
from __future__ import annotations

import pytest

from lcbook import data
from tests.conftest import toc_pages
from lcbook.figures.karyotype import karyogram, karyotype_table, karyotype_viewer
from lcbook.karyotype import chromosome_copies, parse_karyotype
from lcbook.karyotype.genes import gene_locus, gene_loci, gene_places
from lcbook.karyotype.fusions import known_fusion

def toc_pages_names():
    return {p.split("/")[-1] for p in toc_pages()}


ISSUE_GENES = ("GATA1", "RUNX1", "KMT2A", "MLLT3", "BLM", "WAS", "FANCA", "CEBPA")


def test_the_chapter_genes_have_a_locus_each_with_a_source_and_a_page():
    loci = {g.symbol: g for g in gene_loci()}
    assert set(ISSUE_GENES) <= set(loci)
    for g in loci.values():
        assert g.source and g.role
        assert g.page in toc_pages_names()


def test_each_gene_band_exists_and_its_grch38_coordinates_lie_in_it():
    bands = data.read_table("karyotype", "cytobands_hg38.tsv")
    for g in gene_loci():
        rows = [b for b in bands if b["chrom"] == f"chr{g.chromosome}" and b["band"].startswith(g.band)]
        assert rows, g.symbol
        if g.start is not None:
            mid = (g.start + g.end) // 2
            assert min(int(b["start"]) for b in rows) <= mid < max(int(b["end"]) for b in rows), g.symbol


def test_the_bands_agree_with_the_chapter_facts():
    assert gene_locus("BLM").name == "15q26.1" and gene_locus("WAS").name == "Xp11.23"
    assert gene_locus("FANCA").name == "16q24.3"


def test_the_genes_of_the_familial_fanconi_and_fusion_presets_are_at_their_sourced_bands():
    expected = {"GATA2": "3q21.3", "DDX41": "5q35.3", "ETV6": "12p13.2", "ANKRD26": "10p12.1",
                "TP53": "17p13.1", "FANCC": "9q22.32", "FANCG": "9p13.3", "RUNX1T1": "8q21.3",
                "CBFB": "16q22.1", "MYH11": "16p13.11"}
    assert {g: gene_locus(g).name for g in expected} == expected


def test_an_unknown_gene_gets_a_friendly_message():
    with pytest.raises(ValueError, match="capitals"):
        gene_locus("kmt2a")
    with pytest.raises(ValueError, match="GATA1"):
        karyogram("46,XY", genes=("NOPE",))


def test_a_trisomy_has_three_copies_of_its_genes():
    places = gene_places(parse_karyotype("47,XY,+21"), ("RUNX1",))
    assert len(places) == 3


def test_a_translocation_through_a_genes_band_puts_the_gene_at_both_junctions():
    k = parse_karyotype("46,XY,t(9;11)(p21.3;q23.3)")
    places = gene_places(k, ("KMT2A",))
    copies = chromosome_copies(k)
    assert sorted(copies[p.copy].kind for p in places) == ["normal", "structural", "structural"]


def test_the_karyogram_marks_the_gene_and_names_it_in_the_title_and_the_table():
    fig = karyogram("46,XY,t(9;11)(p21.3;q23.3)", genes=("KMT2A",))
    gene = next(t for t in fig.data if t.name == "gene")
    assert sum(1 for x in gene.x if x is None) == 2  # three bars
    assert "KMT2A (11q23.3)" in fig.layout.title.subtitle.text
    hover = next(t for t in fig.data if t.name == "hover").hovertext
    assert any(h.startswith("<b>KMT2A</b>") for h in hover)
    rows = [r for r in karyotype_table("46,XY,t(9;11)(p21.3;q23.3)", ("KMT2A",)) if r[1] == "KMT2A gene"]
    assert rows and "der(9)" in rows[0][3] and "der(11)" in rows[0][3]


def test_a_karyogram_without_genes_draws_no_gene_trace():
    assert "gene" not in [t.name for t in karyogram("47,XY,+21").data]


def test_the_viewer_has_a_show_the_gene_state():
    v = karyotype_viewer(["46,XY", ("46,XY,t(9;11)(p21.3;q23.3)", ["KMT2A"])])
    assert v.states[1].label == "46,XY,t(9;11)(p21.3;q23.3): show KMT2A"
    assert "KMT2A (11q23.3)" in v.states[1].layout["title.subtitle.text"]
    assert any(s["name"] == "gene" for s in v.figure.to_plotly_json()["layout"]["shapes"])
    assert any(r[1] == "KMT2A gene" for r in v.alt.rows)


def test_a_gene_at_a_junction_names_the_fusion_in_its_hover_text():
    fig = karyogram("46,XY,t(9;11)(p21.3;q23.3)", genes=("KMT2A",))
    hover = next(t for t in fig.data if t.name == "hover").hovertext
    assert sum("KMT2A::MLLT3" in h.replace("<br>", " ") for h in hover) == 2


def test_the_gene_viewer_styles_its_gene_shapes_like_a_gene_trace():
    v = karyotype_viewer(["46,XY", ("46,XY,t(9;11)(p21.3;q23.3)", ["KMT2A"])])
    traces = {t.name: t for t in v.figure.data}
    for shape in v.figure.layout.shapes:
        assert shape.name in traces and shape.fillcolor == (traces[shape.name].fillcolor or "rgba(0,0,0,0)")


def test_the_gene_loci_file_has_its_columns_and_types():
    rows = data.read_table("karyotype", "gene_loci.tsv")
    assert list(rows[0]) == ["symbol", "chrom", "band", "grch38_start", "grch38_end", "role", "page", "source"]
    for r in rows:
        assert r["symbol"].isupper() and r["chrom"].removeprefix("chr") in [*map(str, range(1, 23)), "X", "Y"]
        assert bool(r["grch38_start"]) == bool(r["grch38_end"])
        if r["grch38_start"]:
            assert 0 < int(r["grch38_start"]) < int(r["grch38_end"])


def test_an_inversion_through_two_genes_bands_puts_each_gene_at_both_of_its_junctions():
    k = parse_karyotype("46,XX,inv(16)(p13.1q22)")
    inverted = next(i for i, c in enumerate(chromosome_copies(k)) if c.kind == "structural")
    for symbol in ("CBFB", "MYH11"):
        on_inv = [p for p in gene_places(k, (symbol,)) if p.copy == inverted]
        assert len({round(p.distance, 6) for p in on_inv}) == 2 and all(p.junction == "inv(16)" for p in on_inv)


def test_genes_at_one_junction_share_one_bar():
    fig = karyogram("46,XY,t(9;11)(p21.3;q23.3)", genes=("KMT2A", "MLLT3"))
    gene = next(t for t in fig.data if t.name == "gene")
    assert sum(1 for x in gene.x if x is None) == 3  # four bars: 9, der(9), 11, der(11)


def test_each_marked_gene_is_named_beside_its_bar():
    fig = karyogram("46,XY", genes=("BLM",))
    labels = next(t for t in fig.data if t.name == "labels")
    (i,) = [j for j, text in enumerate(labels.text) if text == "<i>BLM</i>"]
    assert labels.textposition[i] == "middle right"
    gene = next(t for t in fig.data if t.name == "gene")
    assert labels.x[i] > max(x for x in gene.x if x is not None)


def test_the_inversion_hover_says_the_gene_is_at_the_two_junctions_and_names_the_fusion():
    fig = karyogram("46,XX,inv(16)(p13.1q22)", genes=("CBFB",))
    hover = next(t for t in fig.data if t.name == "hover").hovertext
    text = next(h for h in hover if h.startswith("<b>CBFB</b>") and "junction" in h)
    assert "CBFB::MYH11" in text.replace("<br>", " ")


def test_the_switched_gene_labels_are_shown_only_in_their_state():
    v = karyotype_viewer(["46,XY", ("46,XY", ["BLM"])]).figure.to_plotly_json()["layout"]
    (label,) = [a for a in v["annotations"] if a.get("text") == "<i>BLM</i>"]
    assert label["opacity"] == 0 and label["xanchor"] == "left"


LEUKEMIA_PRESETS = [("46,XY,t(9;11)(p21.3;q23.3)", ["KMT2A", "MLLT3"]), ("46,XX,inv(16)(p13.1q22)", ["CBFB", "MYH11"]),
                    ("46,XY,t(8;21)(q22;q22.1)", ["RUNX1", "RUNX1T1"])]


@pytest.mark.parametrize("preset,fusion", list(zip(LEUKEMIA_PRESETS, ["KMT2A::MLLT3", "CBFB::MYH11", "RUNX1::RUNX1T1"])))
def test_each_leukemia_preset_names_its_fusion_and_colours_its_partner_material(preset, fusion):
    v = karyotype_viewer([preset])
    assert fusion in v.states[0].description
    fig = karyogram(preset[0], genes=preset[1])
    hover = " ".join(next(t for t in fig.data if t.name == "hover").hovertext).replace("<br>", " ")
    assert fusion in hover  # named at the junction
    if not preset[0].startswith("46,XX,inv"):
        partner = next(t for t in fig.data if t.name == "partner")
        assert sum(1 for x in partner.x if x is None) >= 1  # a strip on each derivative


@pytest.mark.parametrize("preset", LEUKEMIA_PRESETS[::2])
def test_a_translocation_preset_lists_both_derivatives_in_the_table(preset):
    rows = karyotype_table(*preset)
    places = " ".join(r[3] for r in rows if r[1].endswith(" gene"))
    label = preset[0].split(",")[2].split(")")[0] + ")"
    a, b = label[2:-1].split(";")
    assert f"der({a}) of {label}" in places and f"der({b}) of {label}" in places


def test_the_inversion_preset_draws_one_rearranged_chromosome_16():
    k = parse_karyotype("46,XX,inv(16)(p13.1q22)")
    assert [c.kind for c in chromosome_copies(k) if c.name == "16"] == ["normal", "structural"]


def test_the_ml_ds_preset_marks_the_constitutional_21_and_gata1():
    k = parse_karyotype("48,XY,+8,+21c")
    assert k.chromosome_count == 48
    rows = karyotype_table(k, ("GATA1",))
    assert any(r[1] == "21" and "+21c" in r[3] for r in rows) and any(r[1] == "GATA1 gene" for r in rows)


def test_a_long_list_of_marked_genes_wraps_in_the_subtitle_to_fit_a_phone():
    fig = karyogram("46,XX", genes=("RUNX1", "ANKRD26", "ETV6"))
    import re
    lines = [re.sub(r"<[^>]+>", "", line) for line in fig.layout.title.subtitle.text.split("<br>")]
    assert len(lines) >= 3 and max(len(line) for line in lines) <= 44


def test_the_hover_and_the_table_name_the_page_a_gene_belongs_to():
    fig = karyogram("46,XY", genes=("BLM",))
    hover = " ".join(next(t for t in fig.data if t.name == "hover").hovertext).replace("<br>", " ")
    assert "(page: Bloom syndrome)" in hover
    (row,) = [r for r in karyotype_table("46,XY", ("BLM",)) if r[1] == "BLM gene"]
    assert row[3].endswith("(its page: Bloom syndrome)")


def test_a_fusion_breaks_both_its_genes_even_where_iscn_writes_the_break_in_the_next_band():
    # RUNX1T1 lies in 8q21.3 (GRCh38); t(8;21) is written with 8q22: the gene is still split.
    k = parse_karyotype("46,XY,t(8;21)(q22;q22.1)")
    places = [p for p in gene_places(k, ("RUNX1T1",)) if p.junction]
    copies = chromosome_copies(k)
    assert sorted(copies[p.copy].name for p in places) == ["21", "8"]
    assert {p.fusion for p in places} == {"RUNX1::RUNX1T1"}


def test_the_table_counts_a_split_gene_once_and_says_what_split_it():
    rows = {r[1]: r for r in karyotype_table("46,XY,t(8;21)(q22;q22.1)", ("RUNX1", "RUNX1T1"))}
    assert rows["RUNX1 gene"][2] == "2 (one split by t(8;21))"
    assert rows["RUNX1T1 gene"][2] == "2 (one split by t(8;21))"
    assert "der(21) of t(8;21)" in rows["RUNX1T1 gene"][3]


def test_a_fusion_is_known_by_the_model_with_its_two_genes():
    k = parse_karyotype("46,XX,inv(16)(p13.1q22)")
    fusion = known_fusion(k.cell_lines[0].abnormalities[0])
    assert fusion.name == "CBFB::MYH11" and fusion.genes == ("CBFB", "MYH11")


def test_the_figure_says_which_derivative_carries_the_fusion():
    rows = {r[1]: r for r in karyotype_table("46,XY,t(9;11)(p21.3;q23.3)", ("KMT2A", "MLLT3"))}
    assert "the KMT2A::MLLT3 fusion gene is on der(11)" in rows["KMT2A gene"][3]
    fig = karyogram("46,XY,t(8;21)(q22;q22.1)", genes=("RUNX1", "RUNX1T1"))
    hover = " ".join(next(t for t in fig.data if t.name == "hover").hovertext).replace("<br>", " ")
    assert "forms here, on der(8)" in hover and "reciprocal join" in hover
