"""The book's Sphinx extension: self-hosted plotly.js and the theme's accessibility fixes."""
from __future__ import annotations

from lcbook.sphinxext import PLOTLY_JS, STATIC_DIR, fix_page, fix_theme_accessibility


def test_the_vendored_plotly_bundle_matches_the_plotly_packages_plotly_js_version():
    from plotly.offline import get_plotlyjs_version

    head = (STATIC_DIR / PLOTLY_JS).read_text(encoding="utf-8")[:200]
    assert f"v{get_plotlyjs_version()}" in head


def test_search_button_is_named_by_its_visible_text():
    theme = '<button class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search">'
    assert "aria-label" not in fix_theme_accessibility(theme)


def test_bibliography_entries_get_a_role_allowed_in_a_list():
    assert fix_theme_accessibility('<div class="citation" role="doc-biblioentry">') == (
        '<div class="citation" role="listitem">'
    )


def test_fixes_are_idempotent():
    page = '<summary aria-label="Toggle hidden content"><i data-mode="dark"  title="Dark"></i>'
    once = fix_theme_accessibility(page)
    assert fix_theme_accessibility(once) == once


def test_saved_widget_state_is_removed_from_the_page():
    page = '<p>a</p><script type="application/vnd.jupyter.widget-state+json">{"state": {}}</script>\n<p>b</p>'
    assert fix_page(page) == "<p>a</p><p>b</p>"


def test_reading_time_rounds_up_at_two_hundred_words_a_minute():
    from lcbook.sphinxext import reading_minutes

    assert [reading_minutes(n) for n in (0, 200, 201, 1000)] == [1, 1, 2, 5]


def test_chain_navigation_marks_the_current_page_and_links_the_others():
    from lcbook.sphinxext import chain_nav_html

    nav = chain_nav_html([("a", "First", "a.html"), ("b", "B <&>", "b.html"), ("c", "Third", "c.html")], "b")
    assert "Chapter map: page 2 of 3" in nav and "B &lt;&amp;&gt;" in nav
    assert nav.count('aria-current="page"') == 1 and nav.count("<a href=") == 2


def test_a_notebook_becomes_myst_markdown_with_its_code_cells_and_tags():
    import json

    from lcbook.sphinxext import notebook_to_myst

    nb = {"cells": [{"cell_type": "markdown", "source": ["# Title\n", "Text"]},
                    {"cell_type": "code", "source": "import lcbook", "metadata": {"tags": ["hide-input"]}}],
          "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}}
    md = notebook_to_myst(json.dumps(nb))
    assert md.startswith("---\njupytext:")
    assert "# Title\nText\n" in md
    assert "```{code-cell} ipython3\n---\ntags: [hide-input]\n---\nimport lcbook\n```" in md


def test_an_embedded_page_links_chapter_pages_and_terms_to_the_published_chapter():
    from lcbook.sphinxext import chapter_link

    base = "https://example.org/chapter/"
    assert chapter_link(base, "doc", "genes_to_skin") == "https://example.org/chapter/book/genes_to_skin.html"
    assert chapter_link(base, "term", "trisomy") == "https://example.org/chapter/book/glossary.html#term-Trisomy"
    assert chapter_link("", "doc", "genes_to_skin") is None
    assert chapter_link(base, "ref", "x") is None


def test_every_page_gets_the_storage_guard_first_in_its_head_once():
    from lcbook.sphinxext import STORAGE_GUARD

    page = "<html><head><script>localStorage.getItem('mode')</script></head></html>"
    fixed = fix_page(page)
    assert fixed.startswith("<html><head>" + STORAGE_GUARD)
    assert fix_page(fixed) == fixed


def test_the_duplicate_thebe_configuration_script_is_removed():
    script = '    <script>const THEBE_JS_URL = "x"; const thebe_selector = ".cell"</script>\n'
    page = "<head>" + script + '<script src="t.js"></script>\n' + script + "</head>"
    fixed = fix_page(page)
    assert fixed.count("const THEBE_JS_URL") == 1 and 't.js' in fixed


def test_the_extension_knows_every_page_of_the_chapters_table_of_contents():
    from lcbook.sphinxext import CHAPTER_PAGES
    from tests.conftest import toc_pages

    assert sorted(CHAPTER_PAGES) == sorted(p.split("/")[-1] for p in toc_pages())


def test_a_link_to_a_page_that_is_not_the_chapters_is_left_to_the_host():
    from lcbook.sphinxext import chapter_link

    assert chapter_link("https://example.org/chapter", "doc", "syllabus") is None


def test_a_book_with_some_chapter_pages_and_no_chapter_url_is_warned_clearly():
    from lcbook.sphinxext import chapter_url_warning

    message = chapter_url_warning({"intro", "down_syndrome"}, ["down_syndrome"], "")
    assert "lcbook_chapter_url is not set" in message and "down_syndrome" in message


def test_the_chapter_itself_and_a_book_with_the_chapter_url_are_not_warned():
    from lcbook.sphinxext import CHAPTER_PAGES, chapter_url_warning

    whole = {f"book/{p}" for p in CHAPTER_PAGES}
    assert chapter_url_warning(whole, ["book/down_syndrome"], "") is None
    assert chapter_url_warning({"intro", "down_syndrome"}, ["down_syndrome"], "https://example.org") is None
    assert chapter_url_warning({"intro"}, [], "") is None


def test_a_host_book_gets_the_author_year_bibliography_unless_it_chose_a_style():
    from types import SimpleNamespace

    from lcbook.sphinxext import _host_defaults

    class Config(dict):
        def __init__(self, raw):
            super().__init__(bibtex_default_style="alpha", bibtex_reference_style="label")
            self._raw_config, self.overrides, self.html_context = raw, {}, {}

    plain, chosen = Config({}), Config({"bibtex_default_style": "alpha"})
    _host_defaults(SimpleNamespace(), plain)
    _host_defaults(SimpleNamespace(), chosen)
    assert plain["bibtex_default_style"] == "lcbook" and plain["bibtex_reference_style"] == "lcbook_author_year"
    assert chosen["bibtex_default_style"] == "alpha"
    assert plain.html_context["default_mode"] == "auto"


def test_a_figures_read_on_links_go_to_the_published_chapter_in_a_host_book():
    from lcbook.sphinxext import chapter_figure_links

    body = ('<p><a href="syllabus.html">ours</a></p><nav class="lc-figure-links" aria-label="x">'
            '<a href="down_syndrome.html">Down</a> <a href="syllabus.html">ours</a></nav>')
    out = chapter_figure_links(body, "https://example.org/chapter/")
    assert '<a href="https://example.org/chapter/book/down_syndrome.html">Down</a>' in out
    assert out.count('href="syllabus.html"') == 2


def test_two_works_of_one_first_author_and_year_are_cited_with_the_bibliographys_letters():
    from pybtex.database import parse_file

    from lcbook.sphinxext import year_suffixes
    from tests.conftest import ROOT

    entries = list(parse_file(str(ROOT / "book" / "references.bib")).entries.values())
    assert year_suffixes(entries) == {"DDX41Review2023Blood": "a", "Makishima2023Blood": "b"}


def test_a_host_book_without_a_bibliography_builds_with_no_letters():
    from types import SimpleNamespace

    from lcbook.sphinxext import YEAR_SUFFIXES, _read_year_suffixes

    _read_year_suffixes(SimpleNamespace(config=SimpleNamespace(), confdir="/nonexistent"))
    assert YEAR_SUFFIXES == {}
