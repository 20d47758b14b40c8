"""The GRCh38 band files under data/karyotype/ are complete and self-consistent."""
from __future__ import annotations

import re
from collections import defaultdict

import pytest

from lcbook import data

BAND_FILES = {
    "cytobands_hg38.tsv": (850, 862),
    "cytobands_hg38_550.tsv": (550, 553),
    "cytobands_hg38_400.tsv": (400, 393),
}
CHROMOSOMES = [f"chr{n}" for n in range(1, 23)] + ["chrX", "chrY"]
GRCH38_LENGTHS = {"chr1": 248_956_422, "chr21": 46_709_983, "chrX": 156_040_895, "chrY": 57_227_415}
BAND_FILES_BY_RES = {res: name for name, (res, _) in BAND_FILES.items()}
STAINS = {"gneg", "gpos25", "gpos50", "gpos75", "gpos100", "acen", "gvar", "stalk"}


def bands_by_chromosome(rows):
    out = defaultdict(list)
    for row in rows:
        out[row["chrom"]].append(row)
    return out


@pytest.fixture(params=sorted(BAND_FILES), ids=lambda name: name.removesuffix(".tsv"))
def band_file(request):
    return request.param, data.read_table("karyotype", request.param)


def test_each_band_file_has_the_columns_chrom_start_end_band_stain(band_file):
    _, rows = band_file
    assert all(list(row) == ["chrom", "start", "end", "band", "stain"] for row in rows)


def test_band_coordinates_are_whole_numbers_and_stains_are_known(band_file):
    _, rows = band_file
    for row in rows:
        assert row["start"].isdigit() and row["end"].isdigit(), row
        assert int(row["start"]) < int(row["end"]), row
        assert row["stain"] in STAINS, row


def test_band_names_are_an_arm_and_a_number(band_file):
    _, rows = band_file
    assert all(re.fullmatch(r"[pq]\d+(\.\d+)?", row["band"]) for row in rows)


def test_each_band_file_has_the_expected_number_of_bands(band_file):
    name, rows = band_file
    assert len(rows) == BAND_FILES[name][1]


def test_each_band_file_covers_the_24_chromosomes_in_karyotype_order(band_file):
    _, rows = band_file
    assert list(dict.fromkeys(row["chrom"] for row in rows)) == CHROMOSOMES


def test_bands_start_at_zero_and_touch_end_to_end_without_gaps_or_overlaps(band_file):
    _, rows = band_file
    for chrom, bands in bands_by_chromosome(rows).items():
        assert int(bands[0]["start"]) == 0, chrom
        for before, after in zip(bands, bands[1:]):
            assert int(before["end"]) == int(after["start"]), (chrom, before["band"], after["band"])


def test_each_chromosome_has_one_centromere_of_two_acen_bands_p_then_q_that_meet(band_file):
    _, rows = band_file
    for chrom, bands in bands_by_chromosome(rows).items():
        acen = [j for j, row in enumerate(bands) if row["stain"] == "acen"]
        assert len(acen) == 2, chrom
        p, q = (bands[j] for j in acen)
        assert acen[1] == acen[0] + 1, chrom
        assert p["band"].startswith("p") and q["band"].startswith("q"), chrom
        assert p["end"] == q["start"], chrom


def test_p_arm_bands_all_come_before_q_arm_bands(band_file):
    _, rows = band_file
    for chrom, bands in bands_by_chromosome(rows).items():
        arms = "".join(row["band"][0] for row in bands)
        assert re.fullmatch(r"p+q+", arms), chrom


def test_chromosome_lengths_match_grch38(band_file):
    _, rows = band_file
    by_chrom = bands_by_chromosome(rows)
    for chrom, length in GRCH38_LENGTHS.items():
        assert int(by_chrom[chrom][-1]["end"]) == length


def test_all_resolutions_agree_on_every_chromosome_length_and_centromere():
    def summary(resolution):
        out = {}
        for chrom, bands in bands_by_chromosome(data.read_table("karyotype", BAND_FILES_BY_RES[resolution])).items():
            cen = next(int(b["end"]) for b in bands if b["stain"] == "acen")
            out[chrom] = (int(bands[-1]["end"]), cen)
        return out

    assert summary(400) == summary(550) == summary(850)


def test_combined_iscn_table_holds_the_same_bands_as_the_per_resolution_files():
    combined = data.read_table("karyotype", "cytobands_hg38_iscn_all.tsv")
    for name, (resolution, _) in BAND_FILES.items():
        mine = [(r["chrom"], r["start"], r["end"], r["band"], r["stain"])
                for r in combined if r["resolution"] == str(resolution)]
        theirs = [(r["chrom"], r["start"], r["end"], r["band"], r["stain"]) for r in data.read_table("karyotype", name)]
        assert mine == theirs, name


def test_combined_iscn_table_has_whole_number_iscn_units_that_grow_along_each_chromosome():
    combined = data.read_table("karyotype", "cytobands_hg38_iscn_all.tsv")
    assert list(combined[0]) == ["resolution", "chrom", "band", "start", "end", "stain", "iscn_start", "iscn_stop"]
    for row in combined:
        assert 0 <= int(row["iscn_start"]) < int(row["iscn_stop"]), row


def test_chromosome_sizes_list_24_chromosomes_whose_lengths_match_the_bands():
    sizes = data.chromosome_sizes()
    assert [s.chromosome for s in sizes] == [c.removeprefix("chr") for c in CHROMOSOMES]
    ends = {b.chromosome: b.end for b in data.cytobands(850)}
    for s in sizes:
        assert s.bp_length == ends[s.chromosome]
        assert 0 < s.centromere_index_bp < 1 and 0 < s.centromere_index_iscn < 1
    assert {s.chromosome for s in sizes if s.morphology == "acrocentric"} >= {"13", "14", "15", "21", "22"}


def test_karyogram_layout_names_all_24_chromosomes_exactly_once():
    layout = data.karyogram_layout()
    in_rows = [c for row in layout["rows"] for _, chroms in row for c in chroms]
    assert sorted(in_rows) == sorted(c.removeprefix("chr") for c in CHROMOSOMES)
    in_groups = [c for chroms in layout["groups"].values() for c in chroms]
    assert sorted(in_groups) == sorted(in_rows)


def test_cytobands_gives_frozen_rows_with_integer_coordinates():
    first = data.cytobands()[0]
    assert (first.chromosome, first.start, first.band, first.arm) == ("1", 0, "p36.33", "p")
    with pytest.raises(AttributeError):
        first.start = 1  # type: ignore[misc]
    assert sum(b.is_centromere for b in data.cytobands(400)) == 48


def test_cytobands_are_read_once_and_cached():
    assert data.cytobands(550) is data.cytobands(550)


def test_cytobands_rejects_a_resolution_without_a_file():
    with pytest.raises(ValueError, match="400, 550, 850"):
        data.cytobands(300)


def test_readme_states_source_coordinates_and_licence():
    text = data.data_path("karyotype", "README.md").read_text(encoding="utf-8")
    for needed in ("ideogram@1.53.0", "GRCh38", "0-based", "half-open", "CC0", "US government"):
        assert needed in text, needed
