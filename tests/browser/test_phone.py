"""Every page on a 375 x 812 touch screen, as a learner reads it on a phone."""
from __future__ import annotations

import pytest

from tests.browser.conftest import open_page
from tests.browser.test_pages import PAGES

WIDTH, HEIGHT = 375, 812
FIGURE_PAGES = [p for p in PAGES if p.startswith("book/") and p not in (
    "book/glossary.html", "book/bibliography.html", "book/instructor_guide.html")]


@pytest.fixture(scope="module")
def phone(browser, site):
    """Pages opened once on a phone and shared by the tests that only look."""
    cache = {}

    def _phone(path: str):
        if path not in cache:
            cache[path] = open_page(browser, site, path, width=WIDTH, height=HEIGHT, phone=True)
        return cache[path].page

    yield _phone
    for v in cache.values():
        v.page.context.close()


def _fresh_phone_page(browser, site, path: str):
    return open_page(browser, site, path, width=WIDTH, height=HEIGHT, phone=True, draw=False).page


VISIBLE_LINKS = """sel => Array.from(document.querySelectorAll(sel)).filter(a => {
    const r = a.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < window.innerWidth && r.top < window.innerHeight;
}).length"""


@pytest.mark.parametrize("path", PAGES)
def test_the_menu_button_opens_the_list_of_chapter_pages(browser, site, path):
    page = _fresh_phone_page(browser, site, path)
    try:
        assert page.evaluate(VISIBLE_LINKS, ".bd-sidebar-primary a.reference") == 0
        page.locator(".primary-toggle:visible").first.tap()
        page.wait_for_timeout(400)
        assert page.evaluate(VISIBLE_LINKS, ".bd-sidebar-primary a.reference") >= 5
    finally:
        page.context.close()


@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_the_contents_button_opens_the_sections_of_the_page_from_anywhere(browser, site, path):
    page = _fresh_phone_page(browser, site, path)
    try:
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        toggle = page.locator(".secondary-toggle:visible").first
        box = toggle.bounding_box()
        assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= HEIGHT, "not on screen"
        toggle.tap()
        page.wait_for_timeout(400)
        assert page.evaluate(VISIBLE_LINKS, ".bd-sidebar-secondary a.nav-link") >= 3
    finally:
        page.context.close()


def test_on_a_laptop_the_menu_button_folds_the_sidebar_away_and_back(visit):
    page = visit("book/down_syndrome.html", draw=False).page
    sidebar = page.locator(".bd-sidebar-primary")
    assert sidebar.is_visible()
    page.locator(".primary-toggle:visible").first.click()
    page.wait_for_timeout(400)
    assert not sidebar.is_visible() or sidebar.bounding_box()["width"] < 5
    page.locator(".primary-toggle:visible").first.click()
    page.wait_for_timeout(400)
    assert sidebar.is_visible() and sidebar.bounding_box()["width"] > 100


@pytest.mark.parametrize("path", PAGES)
def test_no_code_input_is_shown(phone, path):
    shown = phone(path).evaluate(
        "Array.from(document.querySelectorAll('.cell_input, details.hide-input, .toggle-details'))"
        ".filter(el => el.getClientRects().length > 0).length"
    )
    assert shown == 0


@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_the_prose_has_no_remarks_about_testing_or_seeds(phone, path):
    text = phone(path).evaluate("document.querySelector('article').innerText").lower()
    for remark in ("nbval", "is tested", "checked every time", "seed "):
        assert remark not in text


@pytest.mark.parametrize("path", PAGES)
def test_the_page_never_scrolls_sideways(phone, path):
    page = phone(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH


@pytest.mark.parametrize("path", PAGES)
def test_no_table_or_block_is_wider_than_its_box(phone, path):
    wide = phone(path).evaluate(
        """() => Array.from(document.querySelectorAll(
              'article table, article pre, article p, article figure, article ul, article ol, article img'))
            .filter(el => el.getClientRects().length > 0 && !el.closest('thead'))
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1
                          || el.scrollWidth > el.clientWidth + 1)
            .map(el => el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40))"""
    )
    assert wide == []


@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_chart_text_is_at_least_12_px_and_inside_the_screen(phone, path):
    bad = phone(path).evaluate(
        """() => Array.from(document.querySelectorAll('.plotly-graph-div text'))
            .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
            .filter(t => parseFloat(getComputedStyle(t).fontSize) < 11.5
                         || t.getBoundingClientRect().right > window.innerWidth + 1
                         || t.getBoundingClientRect().left < -1)
            .map(t => getComputedStyle(t).fontSize + ' ' + t.textContent.slice(0, 30))"""
    )
    assert bad == []


# After a tap the reader sees the control and at least the top half of its chart on one screen, and
# the chart has not moved.
TAP_CHECK = """([figIndex, before]) => {
    const fig = document.querySelectorAll('figure.lc-interactive')[figIndex];
    const gd = fig.querySelector('.plotly-graph-div');
    const g = gd.getBoundingClientRect();
    const c = fig.querySelector('.lc-controls').getBoundingClientRect();
    const header = document.querySelector('.bd-header');
    const top = header && getComputedStyle(header).position === 'sticky' ? header.getBoundingClientRect().bottom : 0;
    return {span: g.top + g.height / 2 - c.top, room: window.innerHeight - top,
            moved: before === null ? 0 : Math.abs(g.top + window.scrollY - before),
            chartTop: g.top + window.scrollY};
}"""


@pytest.mark.parametrize("path", FIGURE_PAGES)
def test_every_tap_leaves_its_control_and_the_top_half_of_its_chart_on_one_screen(browser, site, path):
    v = open_page(browser, site, path, width=WIDTH, height=HEIGHT, phone=True)
    page = v.page
    try:
        figures = page.locator("figure.lc-interactive")
        for i in range(figures.count()):
            fig = figures.nth(i)
            if fig.locator(".lc-controls").count() == 0:
                continue
            menu = fig.locator("select.lc-state-select:visible")
            buttons = fig.locator("button.lc-state-button:visible")
            slider = fig.locator('input[type="range"]:visible')
            before = page.evaluate(TAP_CHECK, [i, None])["chartTop"]
            if menu.count():
                values = menu.locator("option").evaluate_all("os => os.map(o => o.value)")
                actions = [lambda val=val: menu.select_option(val) for val in values]
            elif slider.count():
                steps = int(slider.get_attribute("max")) + 1
                actions = [lambda k=k: slider.evaluate(
                    "(r, k) => { r.value = k; r.dispatchEvent(new Event('input')); }", k) for k in range(steps)]
            else:
                actions = [lambda b=buttons.nth(k): b.tap() for k in range(buttons.count())]
            for act in actions:
                act()
                page.wait_for_timeout(50)
                got = page.evaluate(TAP_CHECK, [i, before])
                assert got["span"] <= got["room"], f"figure {i}: control to mid-chart {got['span']:.0f} px"
                assert got["moved"] <= 1, f"figure {i}: the chart moved {got['moved']:.0f} px"
    finally:
        page.context.close()
