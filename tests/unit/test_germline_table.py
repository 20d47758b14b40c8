"""The germline predisposition genes: the sourced data file and its searchable HTML table."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from lcbook.data import data_path, read_table
from lcbook.figures import germline
from lcbook.figures.germline import COLUMNS, NOT_SOURCED, GeneTable, GermlineGene, germline_genes, germline_table

# Keys the rows may cite: the fact sheet's section 7, and the syndrome pages' keys (sections 2, 3, 6).
ALLOWED_KEYS = {
    "Godley2017Blood", "Khoury2022Leukemia", "ICC-germline2023VirchowsArch",
    "DDX41Review2023Blood", "Makishima2023Blood", "Deuitch2021GeneReviews", "NIH-FPDMM2023Blood",
    "Spinner2014Blood", "GATA2Spectrum2023Blood", "Mehta2021GeneReviews", "Butturini1994Blood",
    "Alter2018Haematologica", "Antonarakis1991NEJM", "Klusmann2008Blood", "Hasle2000Lancet", "Webb2007ADC",
    "SEER-HemeDB-Bloom", "Langer2023GeneReviews", "Sugranes2022GenetMed", "Tawana2015Blood",
    "NORD-FPDMM2024", "Raskind2021GeneReviews", "RoucherBoulez2019FrontEndocrinol",
    "OMIM-151623", "OMIM-162200", "OMIM-163950", "Niemeyer2010NatGenet",
}
ICC = {
    "No constitutional disorder": {"CEBPA", "DDX41", "TP53"},
    "Thrombocytopenia/platelet dysfunction": {"RUNX1", "ANKRD26", "ETV6"},
    "Multi-organ constitutional disorders": {
        "GATA2", "SAMD9", "SAMD9L", "Classic bone marrow failure syndromes, e.g. Fanconi anemia (FANCA and other FA genes)",
        "JMML-associated RASopathies (NF1, Noonan syndrome)", "Down syndrome (trisomy 21)"},
}
WHO2022 = {
    "Without a pre-existing platelet disorder or organ dysfunction": {"CEBPA", "DDX41", "TP53"},
    "With a pre-existing platelet disorder": {"RUNX1", "ANKRD26", "ETV6"},
    "With potential organ dysfunction": ICC["Multi-organ constitutional disorders"] | {"BLM (Bloom syndrome)"},
}
WHO2016 = {
    "Without pre-existing disorder": {"CEBPA", "DDX41"},
    "With pre-existing platelet disorder": {"RUNX1", "ANKRD26", "ETV6"},
    "With other organ dysfunction": {
        "GATA2", "Classic bone marrow failure syndromes, e.g. Fanconi anemia (FANCA and other FA genes)",
        "JMML-associated RASopathies (NF1, Noonan syndrome)", "Down syndrome (trisomy 21)"},
}


class _Cells(HTMLParser):
    """Collect the text of every table cell (th/td), row by row, and the tags seen."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.tags: list[tuple[str, dict]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _parse(html_text: str) -> _Cells:
    parser = _Cells()
    parser.feed(html_text)
    return parser


@pytest.fixture(scope="module")
def table_html() -> str:
    return germline_table().to_html()


# --- data -------------------------------------------------------------------------------------


def test_gene_file_has_its_columns_and_every_row_cites_allowed_sources():
    rows = read_table("familial", "germline_genes.csv")
    assert list(rows[0]) == ["gene", "icc2022_category", "who2022_category", "who2016_category", "inheritance",
                             "associated_neoplasms", "preexisting_features", "penetrance_or_risk", "source"]
    for row in rows:
        keys = {k.strip() for k in row["source"].split(";")}
        assert row["source"] and keys <= ALLOWED_KEYS, row["gene"]
        assert all(row[c].strip() for c in ("gene", "inheritance", "associated_neoplasms",
                                            "preexisting_features", "penetrance_or_risk")), row["gene"]


def test_icc_categories_hold_the_verified_genes():
    got: dict[str, set[str]] = {}
    for g in germline_genes():
        if g.icc2022_category:
            got.setdefault(g.icc2022_category, set()).add(g.gene)
    assert got == ICC


def test_who_2016_categories_follow_godley_and_shimamura():
    got: dict[str, set[str]] = {}
    for g in germline_genes():
        if g.who2016_category:
            got.setdefault(g.who2016_category, set()).add(g.gene)
    assert got == WHO2016


def test_who_2022_groups_follow_khoury_2022_with_bloom_syndrome_among_the_organ_dysfunction_group():
    got: dict[str, set[str]] = {}
    for g in germline_genes():
        got.setdefault(g.who2022_category, set()).add(g.gene)
    assert got == WHO2022


def test_the_who_cell_gives_the_2022_group_first_and_the_2016_group_in_brackets():
    cells = {g.gene: germline._who(g) for g in germline_genes()}
    assert cells["BLM (Bloom syndrome)"] == "With potential organ dysfunction (not in the WHO 2016 list)"
    assert cells["RUNX1"] == "With a pre-existing platelet disorder (WHO 2016: With pre-existing platelet disorder)"
    assert not any("not re-checked" in c or "separate listing" in c for c in cells.values())


def test_penetrance_is_not_guessed_where_the_sources_give_none():
    unsourced = {g.gene for g in germline_genes() if not g.penetrance_sourced}
    assert {"TP53", "ANKRD26", "ETV6", "GATA2", "SAMD9", "SAMD9L"} <= unsourced
    assert all(g.penetrance_or_risk.startswith(NOT_SOURCED) for g in germline_genes() if g.gene in unsourced)


def test_the_rows_hold_the_fact_sheet_numbers():
    by = {g.gene: g for g in germline_genes()}
    assert "49% by age 90" in by["DDX41"].penetrance_or_risk and "9,082" in by["DDX41"].penetrance_or_risk
    assert "19 of 111" in by["RUNX1"].penetrance_or_risk and "28 of 45 families (62%)" in by["RUNX1"].penetrance_or_risk
    assert "MDS 84%, AML 14%, chronic myelomonocytic leukemia (CMML) 8%" in by["GATA2"].associated_neoplasms
    assert "2.1% by age 5 and 2.7% by age 30" in by["Down syndrome (trisomy 21)"].penetrance_or_risk
    # The patient-foundation figure ("close to 50%") is a lower-authority source: not in the file.
    assert "close to 50%" not in data_path("familial", "germline_genes.csv").read_text(encoding="utf-8")


def test_dominant_genes_are_marked_autosomal_dominant():
    by = {g.gene: g for g in germline_genes()}
    for gene in ("CEBPA", "DDX41", "RUNX1", "ANKRD26", "ETV6", "GATA2"):
        assert by[gene].inheritance.startswith("autosomal dominant"), gene
    assert by["BLM (Bloom syndrome)"].inheritance.startswith("autosomal recessive")
    # Li-Fraumeni syndrome and the JMML RASopathies (OMIM; Niemeyer 2010 for CBL syndrome).
    for gene in ("TP53", "JMML-associated RASopathies (NF1, Noonan syndrome)"):
        assert by[gene].inheritance.startswith("autosomal dominant"), gene
    assert not any(g.inheritance.startswith("not sourced") for g in germline_genes())


def test_readme_names_a_source_for_every_row_and_says_penetrance_is_mostly_not_sourced():
    readme = data_path("familial", "README.md").read_text(encoding="utf-8")
    assert "not sourced here" in readme and "UNVERIFIED" in readme
    for key in {k for g in germline_genes() for k in g.sources}:
        assert key in readme, key


# --- the table --------------------------------------------------------------------------------


def test_table_shows_every_row_of_the_data_file_cell_for_cell(table_html):
    cells = _parse(table_html).rows
    header, body = cells[0], cells[1:]
    assert header == [h for h, _ in COLUMNS]
    data = germline_genes()
    assert len(body) == len(data)
    for row, gene in zip(body, data):
        assert row[0] == gene.gene
        assert row[4] == gene.associated_neoplasms and row[6] == gene.penetrance_or_risk
        assert row[7] == ", ".join(gene.sources)


def test_every_number_in_the_table_comes_from_the_data_file(table_html):
    cells = _parse(table_html).rows[1:]
    raw = "\n".join(",".join(r.values()) for r in read_table("familial", "germline_genes.csv"))
    for row in cells:
        # The fixed wording names the classifications' years; every other number is from the file.
        text = re.sub(r"(WHO|ICC) 20(16|22)", "", " ".join(row))
        for number in re.findall(r"\d[\d,.]*\d|\d", text):
            assert number in raw, number


def test_search_field_is_labelled_and_the_count_is_a_live_region(table_html):
    parsed = _parse(table_html)
    assert re.search(r'<label class="lc-gene-label"><span>[^<]+</span><input type="search"', table_html)
    status = [a for t, a in parsed.tags if a.get("class") == "lc-gene-count"]
    assert status and status[0]["aria-live"] == "polite" and status[0]["role"] == "status"
    assert "13 of 13 genes and conditions shown" in table_html


def test_the_table_has_a_caption_and_header_scopes(table_html):
    parsed = _parse(table_html)
    assert "<caption>" in table_html
    scopes = [a.get("scope") for t, a in parsed.tags if t == "th"]
    assert scopes.count("col") == len(COLUMNS) and scopes.count("row") == len(germline_genes())


def test_cell_text_is_escaped_so_no_data_is_read_as_html():
    evil = GermlineGene(gene="<script>alert(1)</script>", icc2022_category="A & B", who2022_category="",
                        who2016_category="", inheritance="<b>", associated_neoplasms="x", preexisting_features="y",
                        penetrance_or_risk=NOT_SOURCED, source="Godley2017Blood")
    page = germline_table((evil,)).to_html()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "A &amp; B" in page


def test_the_script_is_small_inline_and_never_writes_html():
    script = germline._SCRIPT
    assert len(script) < 1500
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script
    assert "textContent" in script and "src=" not in script


def test_several_tables_can_share_a_page():
    page = germline_table().to_html() + germline_table(germline_genes()[:2]).to_html()
    assert ' id="' not in page  # no ids that two tables could both claim
    assert "window.lcGeneFilterReady" in germline._SCRIPT and "closest(" in germline._SCRIPT


def test_the_same_data_gives_the_same_html():
    assert germline_table().to_html() == germline_table().to_html()


def test_a_table_needs_one_cell_per_heading():
    with pytest.raises(ValueError, match="one cell per column"):
        GeneTable(caption="c", headings=("a", "b"), rows=(("only one",),))
