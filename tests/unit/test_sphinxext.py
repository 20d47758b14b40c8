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
