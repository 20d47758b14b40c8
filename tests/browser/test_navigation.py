"""What helps a reader find their way and take the chapter with them, checked in the built site."""
from __future__ import annotations

import re

import pytest
import yaml

from tests.browser.conftest import BUILD
from tests.conftest import ROOT, toc_pages

PAGES = toc_pages()
NOTEBOOK_PAGES = [p for p in PAGES if (ROOT / f"{p}.ipynb").exists()]
CONFIG = yaml.safe_load((ROOT / "_config.yml").read_text())
CHAIN = CONFIG["sphinx"]["config"]["lcbook_chain"]


def _html(page: str) -> str:
    return (BUILD / f"{page}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", [p for p in PAGES if not p.endswith("bibliography")])
def test_every_page_gives_an_estimated_reading_time_under_its_title(page):
    html = _html(page)
    match = re.search(r'<p class="lc-reading-time">Reading time: about (\d+) minutes?', html)
    assert match and int(match.group(1)) >= 1
    assert html.index("</h1>") < match.start()


def test_every_page_of_the_chain_of_causes_is_in_the_chapter():
    assert set(CHAIN) <= set(PAGES)


@pytest.mark.parametrize("page", CHAIN)
def test_each_page_of_the_chain_shows_where_it_sits_and_links_the_others(page):
    html = _html(page)
    nav = re.search(r'<nav class="lc-chain".*?</nav>', html, re.S).group(0)
    position = CHAIN.index(page) + 1
    assert f"Chapter map: page {position} of {len(CHAIN)}" in nav
    assert nav.count('aria-current="page"') == 1
    assert nav.count("<a href=") == len(CHAIN) - 1


@pytest.mark.parametrize("page", CHAIN[1:])
def test_previous_link_goes_to_the_page_before_in_the_chain(page):
    previous = CHAIN[CHAIN.index(page) - 1].split("/")[-1]
    match = re.search(r'<a class="left-prev"\s+href="([^"]+)"', _html(page))
    assert match and match.group(1).startswith(previous + ".html")


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_each_notebook_page_can_be_downloaded_as_ipynb_and_as_myst_markdown(page):
    html = _html(page)
    name = page.split("/")[-1]
    assert f"_sources/{page}.ipynb" in html or f"_sources/{name}.ipynb" in html
    assert re.search(rf'href="[^"]*_sources/{re.escape(page)}\.md"', html)
    md = (BUILD / "_sources" / f"{page}.md").read_text(encoding="utf-8")
    assert md.startswith("---\njupytext:")
    assert "```{code-cell} ipython3" in md
    assert "## Self-check" in md


@pytest.mark.parametrize("page", PAGES)
def test_every_page_footer_states_the_licences_and_the_last_review_of_the_science(page):
    html = _html(page)
    footer = html[html.index("bd-footer-content"):] if "bd-footer-content" in html else html
    assert "CC BY 4.0" in footer and "MIT" in footer
    assert re.search(r"Science last reviewed: \d{1,2} \w+ \d{4}", footer)


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_glossary_links_on_a_page_resolve_to_glossary_entries(page):
    html = _html(page)
    glossary = _html("book/glossary")
    targets = re.findall(r'href="glossary\.html#(term-[^"]+)"', html)
    assert targets, "no glossary links on the page"
    for target in set(targets):
        assert f'id="{target}"' in glossary, target


def test_the_bibliography_links_dois_and_pubmed_ids():
    html = _html("book/bibliography")
    assert html.count('href="https://doi.org/') >= 20
    assert html.count('href="https://www.ncbi.nlm.nih.gov/pubmed/') >= 20


@pytest.mark.parametrize("page", PAGES)
def test_no_page_links_a_script_stylesheet_or_canonical_url_on_another_host(page):
    html = _html(page)
    offsite = re.findall(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"', html)
    assert offsite == []
