"""The glossary: generated from data/glossary.yaml, and the first use of each term on a page links to it."""
from __future__ import annotations

import json

import pytest

from lcbook.glossary import Term, glossary_markdown, link_first_uses, linked_terms, load_glossary
from tests.conftest import ROOT, toc_pages

NOTEBOOKS = [p for p in toc_pages() if (ROOT / f"{p}.ipynb").exists()]
KEY_TERMS = (
    "trisomy", "nondisjunction", "karyotype", "iscn", "mosaicism", "robertsonian translocation",
    "transient abnormal myelopoiesis (tam)", "gata1", "sister chromatid exchange", "interstrand crosslink",
    "penetrance", "clonal hematopoiesis", "grenz zone", "leukemids", "myeloid sarcoma",
)


def _markdown_cells(page):
    nb = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def test_the_glossary_page_is_generated_from_the_glossary_data():
    page = (ROOT / "book" / "glossary.md").read_text(encoding="utf-8")
    assert page == glossary_markdown(load_glossary()), "run: python tools/glossary.py build"


def test_the_glossary_defines_every_key_term_the_chapter_promises():
    terms = {t.term.lower() for t in load_glossary()}
    assert set(KEY_TERMS) <= terms


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_the_first_use_of_every_glossary_term_on_a_page_links_to_the_glossary(page):
    cells = _markdown_cells(page)
    assert link_first_uses(cells, load_glossary()) == cells, f"run: python tools/glossary.py link {page}.ipynb"


def test_only_the_first_use_is_linked():
    term = Term("Trisomy", ("trisomy",), "Three copies.")
    assert link_first_uses(["A trisomy is a trisomy."], (term,)) == ["A {term}`trisomy` is a trisomy."]


def test_an_inflected_use_links_to_its_term():
    term = Term("Mosaicism", ("mosaicism", "mosaic"), "Two cell lines.")
    assert link_first_uses(["a mosaic karyotype"], (term,)) == ["a {term}`mosaic <Mosaicism>` karyotype"]


def test_headings_code_links_and_citations_are_never_linked():
    term = Term("Karyotype", ("karyotype",), "The chromosomes.")
    cells = ["# The karyotype\n`karyotype` [karyotype](x.md) {cite:p}`karyotype`"]
    assert link_first_uses(cells, (term,)) == cells


def test_acronyms_match_only_in_capitals():
    term = Term("Transient abnormal myelopoiesis (TAM)", ("TAM",), "Blasts.")
    assert link_first_uses(["tam is not TAM"], (term,)) == ["tam is not {term}`TAM <Transient abnormal myelopoiesis (TAM)>`"]


def test_a_term_already_linked_on_the_page_is_left_alone():
    term = Term("Trisomy", ("trisomy",), "Three copies.")
    cells = ["trisomy", "{term}`trisomy`"]
    assert link_first_uses(cells, (term,)) == cells
    assert linked_terms("{term}`a mosaic <Mosaicism>`") == {"mosaicism"}
