"""Every page of the chapter, opened in Chromium with no internet, as a reader would."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import open_page
from tests.conftest import toc_pages

PAGES = [p + ".html" for p in toc_pages()]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_with_no_console_errors(loaded, path):
    v = loaded(path)
    assert v.console_errors == []


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_nothing_from_another_host(loaded, path):
    v = loaded(path)
    assert v.external_requests == []


@pytest.mark.parametrize("path", PAGES)
def test_every_plotly_figure_on_the_page_is_drawn(loaded, path):
    v = loaded(path)
    counts = v.page.evaluate(
        "Array.from(document.querySelectorAll('.plotly-graph-div')).map("
        "gd => gd.querySelectorAll('.main-svg').length)"
    )
    assert all(n > 0 for n in counts), counts


@pytest.mark.parametrize("path", PAGES)
def test_plotly_js_is_linked_only_on_pages_with_a_figure(loaded, path):
    v = loaded(path)
    has_figure = v.page.evaluate("document.querySelectorAll('.plotly-graph-div').length > 0")
    links = v.page.evaluate(
        "Array.from(document.scripts).filter(s => /plotly[^/]*\\.js/.test(s.src)).length"
    )
    assert links == (1 if has_figure else 0)


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_or_critical_violation(loaded, path):
    v = loaded(path)
    # label-content-name-mismatch is experimental in axe-core and off by default; the theme's search
    # and colour-mode buttons fail it, so it is switched on here and the faults are mended.
    results = Axe().run(v.page, options={"rules": {"label-content-name-mismatch": {"enabled": True}}})
    bad = [
        f"{x['id']} ({x['impact']}): {x['help']} -> {[n['target'] for n in x['nodes']][:3]}"
        for x in results.response["violations"]
        if x["impact"] in ("serious", "critical")
    ]
    assert bad == []
