"""Sphinx extension: serve the chapter's JavaScript and CSS from the book itself, only where needed.

Add ``lcbook.sphinxext`` to the book's extensions (Jupyter Book: ``sphinx.extra_extensions``).
plotly.js (the basic bundle, vendored with this package) is copied once into ``_static`` and linked
only on pages that hold a plotly figure, before any other script; nothing is loaded from another host.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

STATIC_DIR = Path(__file__).resolve().parent / "static"
PLOTLY_JS = "plotly-basic.min.js"
FIGURE_MARKER = 'class="plotly-graph-div"'


def _add_static_path(app: Any, config: Any) -> None:
    path = str(STATIC_DIR)
    if path not in config.html_static_path:
        config.html_static_path.append(path)


def _page_assets(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    body = context.get("body") or ""
    if FIGURE_MARKER in body:
        # plotly.js must load before any AMD loader (require.js) or window.Plotly is never set.
        app.add_js_file(PLOTLY_JS, priority=100)
        app.add_js_file("lcbook.js", priority=900, defer="defer")
        app.add_css_file("lcbook.css")


# Accessibility fixes for the theme's own markup (sphinx-book-theme 1.3.0, pydata-sphinx-theme 0.17.1,
# docutils, sphinx-togglebutton), found by axe-core. Each pair is (what the theme writes, the fix).
A11Y_FIXES: tuple[tuple[str, str], ...] = (
    # The search field's aria-label "Search" hides its visible text "Search Ctrl+K": name it by its text.
    ('<button class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search"',
     '<button class="btn search-button-field search-button__button pst-js-only" title="Search"'),
    # The colour-mode icons carry titles that become visible text unlike the button's name "Color mode".
    ('data-mode="light" title="Light"></i>', 'data-mode="light" aria-hidden="true"></i>'),
    ('data-mode="dark"  title="Dark"></i>', 'data-mode="dark" aria-hidden="true"></i>'),
    ('data-mode="auto"  title="System Settings"></i>', 'data-mode="auto" aria-hidden="true"></i>'),
    # A folded code cell's toggle is named "Toggle hidden content" but shows "Show code cell source".
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    # docutils marks bibliography entries with the deprecated doc-biblioentry role inside role="list".
    ('role="doc-biblioentry"', 'role="listitem"'),
)


# Saved ipywidgets state: useless without widget JavaScript (which the static page does not load),
# tens of kilobytes a page, and different in every build (random model ids).
WIDGET_STATE = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>\s*', re.DOTALL
)


def fix_theme_accessibility(html_text: str) -> str:
    """The page's HTML with the theme's known accessibility faults mended."""
    for old, new in A11Y_FIXES:
        html_text = html_text.replace(old, new)
    return html_text


def fix_page(html_text: str) -> str:
    """A built page as the reader gets it: accessibility mended, saved widget state removed."""
    return WIDGET_STATE.sub("", fix_theme_accessibility(html_text))


def _fix_built_pages(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        fixed = fix_page(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", _page_assets)
    app.connect("build-finished", _fix_built_pages)
    return {"version": "0.1.0", "parallel_read_safe": True, "parallel_write_safe": True}
