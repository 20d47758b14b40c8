"""make pdf: one readable PDF handout per page of the chapter, with its title, objectives and references.

Reads the PDFs that `make pdf` wrote to _build/pdf/ (make test runs it) with pypdf, and compares their
text with the built page they were printed from.
"""
from __future__ import annotations

import html
import re
import sys
import unicodedata
from functools import lru_cache

import pytest

from tests.conftest import ROOT, toc_pages
from tests.instructor.conftest import squash

sys.path.insert(0, str(ROOT / "tools"))
import pdf as pdf_tool  # noqa: E402

PDF_DIR = ROOT / "_build" / "pdf"
SITE = ROOT / "_build" / "html"
#: A handout longer than this has lost its layout (a sheet per paragraph, a figure per sheet).
MAX_SHEETS = 45


#: The footer Chromium prints on every sheet (title, page number), taken out of the text so that a
#: sentence running over a page break reads on.
FOOTER = re.compile(r"\n?[^\n]*page \d+ of \d+\s*$")


@lru_cache(maxsize=None)
def _reader(page: str):
    from pypdf import PdfReader

    path = PDF_DIR / pdf_tool.pdf_name(page)
    if not path.exists():
        pytest.fail(f"No handout {path.relative_to(ROOT)}: run 'make pdf' (make test does).", pytrace=False)
    return PdfReader(path)


@lru_cache(maxsize=None)
def _sheet(page: str, n: int) -> str:
    text = _reader(page).pages[n].extract_text() or ""
    return FOOTER.sub("", unicodedata.normalize("NFKC", text))


def sheet_count(page: str) -> int:
    return len(_reader(page).pages)


def pdf_text(page: str, sheets: range | None = None) -> str:
    """The squashed text (see ``squash``) of a page's PDF, of all its sheets or of ``sheets``."""
    wanted = sheets if sheets is not None else range(sheet_count(page))
    return squash("\n".join(_sheet(page, n) for n in wanted), markup=False)


def holds(text: str, passage: str) -> bool:
    """Whether a PDF's squashed text holds a passage: its beginning and its end (a figure's drawing,
    which pypdf may read in between when the passage runs over a sheet, can split it)."""
    p = squash(passage)
    return p[:80] in text and p[-80:] in text


def opening(page: str) -> str:
    """The text of the first two sheets (the title, objectives and prerequisites)."""
    return pdf_text(page, range(min(2, sheet_count(page))))


def closing(page: str) -> str:
    """The text from the sheet that starts the list of cited sources (printed last) to the end."""
    n = sheet_count(page) - 1
    while n > 0 and "Sources cited on this page" not in _sheet(page, n):
        n -= 1
    return pdf_text(page, range(max(0, n - 1), sheet_count(page)))


def built_page(page: str) -> str:
    return (SITE / f"{page}.html").read_text(encoding="utf-8")


def article(page: str) -> str:
    body = built_page(page)
    return body[body.index('<article class="bd-article">'):body.index("</article>")]


def test_there_is_one_handout_for_every_page_of_the_chapter():
    assert sorted(p.name for p in PDF_DIR.glob("*.pdf")) == sorted(pdf_tool.pdf_name(p) for p in toc_pages())


@pytest.mark.parametrize("page", toc_pages())
def test_each_handout_has_a_sensible_number_of_sheets(page):
    sheets = sheet_count(page)
    assert 1 <= sheets <= MAX_SHEETS
    if "<figure" in article(page):
        assert sheets >= 2


@pytest.mark.parametrize("page", toc_pages())
def test_each_handout_holds_the_page_title(page):
    title = re.search(r"<h1>(.*?)<a class=\"headerlink\"", article(page), re.S).group(1)
    assert squash(title) in opening(page)


@pytest.mark.parametrize("page", toc_pages())
def test_each_handout_holds_the_page_objectives(page):
    overview = re.search(r'<section id="overview">(.*?)</section>', article(page), re.S)
    if overview is None:
        pytest.skip("a page without objectives (glossary, bibliography, guide)")
    objectives = re.findall(r"<li>(.*?)</li>", overview.group(1), re.S)
    assert objectives
    text = opening(page)
    assert [o for o in objectives if squash(o) not in text] == []


@pytest.mark.parametrize("page", toc_pages())
def test_each_handout_lists_every_source_the_page_cites(page):
    cited = {html.unescape(t) for t in re.findall(r'<a class="reference internal" href="bibliography\.html#[^"]*" title="([^"]*)"',
                                                   article(page))}
    text = closing(page) if cited else ""
    assert [c for c in cited if squash(c) not in text] == []


def test_a_handout_prints_the_address_of_a_link_to_another_site():
    # The guide's first link to another site is in its first paragraph (the content licence); only
    # the first sheets are read, as extracting the text of every sheet of a long page takes seconds.
    page = "book/instructor_guide"
    first = re.search(r'<a class="reference external" href="(https?://[^"]+)"', article(page)).group(1)
    assert squash(html.unescape(first), markup=False) in opening(page)


def test_a_handout_shows_figures_with_their_description_and_takeaway_but_not_their_controls():
    page = "book/bloom"
    body = article(page)
    takeaway = re.search(r'<figcaption class="lc-takeaway">(.*?)</figcaption>', body, re.S).group(1)
    description = re.search(r'<p class="lc-state-description"[^>]*>(.*?)</p>', body, re.S).group(1)
    text = pdf_text(page)
    assert holds(text, takeaway) and holds(text, description)
    assert "thefigureasatable" in text
    button = re.search(r'<button type="button" class="lc-state-button"[^>]*>(.*?)</button>', body, re.S).group(1)
    assert squash(html.unescape(button)) + "typicalcell" not in text
