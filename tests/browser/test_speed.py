"""What makes a page fast on a phone: text first, plotly.js and each figure only when needed.

Speed itself is measured by ``benchmarks/lighthouse.py``, not here; these tests hold the page to
the design that makes it fast.
"""
from __future__ import annotations

import pytest

from tests.browser.conftest import open_page
from tests.browser.test_pages import PAGES

HEAD_SCRIPTS = """() => Array.from(document.head.querySelectorAll('script[src]'))
    .filter(s => !s.defer && !s.async && s.type !== 'module')
    .map(s => s.getAttribute('src'))"""


@pytest.mark.parametrize("path", PAGES)
def test_no_script_in_the_head_blocks_the_first_paint(loaded, path):
    assert loaded(path).page.evaluate(HEAD_SCRIPTS) == []


@pytest.mark.parametrize("path", PAGES)
def test_the_page_links_one_stylesheet_for_the_screen(loaded, path):
    sheets = loaded(path).page.evaluate(
        "Array.from(document.querySelectorAll('link[rel=stylesheet]'))"
        ".filter(l => !l.media || l.media === 'all' || l.media === 'screen').map(l => l.getAttribute('href'))"
    )
    assert len(sheets) == 1, sheets


@pytest.mark.parametrize("path", ["book/intro.html", "book/down_syndrome.html", "book/glossary.html"])
def test_the_first_paragraph_is_readable_on_a_phone_with_javascript_off(browser, site, path):
    context = browser.new_context(viewport={"width": 375, "height": 812}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort())
        page.goto(site + path, wait_until="load")
        first = page.locator("article p").first
        box = first.bounding_box()
        assert first.inner_text().strip()
        assert box is not None and box["height"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= 376
    finally:
        context.close()


def test_plotly_js_and_a_figure_wait_until_the_reader_scrolls_near_it(browser, site):
    v = open_page(browser, site, "book/review.html", width=375, height=812, phone=True, draw=False)
    page = v.page
    try:
        far = page.evaluate(
            "Array.from(document.querySelectorAll('.lc-plot'))"
            ".every(gd => gd.getBoundingClientRect().top > window.innerHeight + 400)"
        )
        assert far, "the test needs a page whose figures all start below the first screen"
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.Plotly") == "undefined"
        assert page.evaluate("document.querySelectorAll('.lc-plot[data-lc-drawn]').length") == 0
        page.locator(".lc-plot").first.scroll_into_view_if_needed()
        page.wait_for_function("document.querySelector('.lc-plot').getAttribute('data-lc-drawn') === 'true'")
        assert page.evaluate("typeof window.Plotly") == "object"
    finally:
        page.context.close()


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("book/")])
def test_a_figure_keeps_its_height_from_before_it_is_drawn(browser, site, path):
    v = open_page(browser, site, path, width=375, height=812, phone=True, draw=False)
    page = v.page
    try:
        before = page.evaluate("Array.from(document.querySelectorAll('.lc-plot')).map(gd => gd.offsetHeight)")
        page.evaluate("window.lcbookDrawAll && window.lcbookDrawAll()")
        page.wait_for_function(
            "Array.from(document.querySelectorAll('.lc-plot')).every(gd => gd._fullLayout !== undefined)"
        )
        after = page.evaluate("Array.from(document.querySelectorAll('.lc-plot')).map(gd => gd.offsetHeight)")
        assert all(abs(a - b) <= 2 for a, b in zip(before, after)), list(zip(before, after))
    finally:
        page.context.close()


@pytest.mark.parametrize("path", PAGES)
def test_nothing_on_the_first_screen_jumps_while_the_page_loads(browser, site, path):
    context = browser.new_context(viewport={"width": 412, "height": 823}, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.add_init_script(
            "window.__lcShift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())"
            " if (!e.hadRecentInput) window.__lcShift += e.value; })"
            ".observe({type: 'layout-shift', buffered: true});"
        )
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("http://127.0.0.1") else r.abort())
        page.goto(site + path, wait_until="load")
        page.wait_for_timeout(1500)
        assert page.evaluate("window.__lcShift") <= 0.05
    finally:
        context.close()


@pytest.mark.parametrize("path", [p for p in PAGES if p.startswith("book/")])
def test_a_page_carries_no_figure_data_of_its_own_only_text(loaded, path):
    page = loaded(path).page
    assert page.evaluate("document.querySelectorAll('script[type=\"application/json\"]').length") == 0
    plots = page.evaluate("Array.from(document.querySelectorAll('.lc-plot')).map(gd => gd.dataset.lcData || '')")
    assert all(plots), "every figure names the script that holds its data"


@pytest.mark.parametrize("path", ["book/down_syndrome.html", "book/intro.html"])
def test_no_page_downloads_the_icon_font_and_the_admonition_icons_still_show(browser, site, path):
    v = open_page(browser, site, path, width=412, height=823, phone=True, draw=False)
    page = v.page
    fonts = []
    page.on("request", lambda r: fonts.append(r.url) if r.resource_type == "font" else None)
    try:
        page.reload(wait_until="load")
        page.wait_for_timeout(300)
        assert fonts == []
        masks = page.evaluate(
            "Array.from(document.querySelectorAll('.admonition-title'))"
            ".map(t => getComputedStyle(t, '::after').webkitMaskImage || getComputedStyle(t, '::after').maskImage)"
        )
        assert masks and all(m.startswith('url("data:image/svg+xml') for m in masks)
    finally:
        page.context.close()


def test_a_page_opened_from_disk_draws_its_figures(browser):
    from tests.browser.conftest import BUILD

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto((BUILD / "book" / "down_syndrome.html").as_uri(), wait_until="load")
        page.evaluate("window.lcbookDrawAll()")
        page.wait_for_function(
            "Array.from(document.querySelectorAll('.lc-plot')).every(gd => gd.getAttribute('data-lc-drawn') === 'true')",
            timeout=20000,
        )
    finally:
        context.close()
