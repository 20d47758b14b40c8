"""Each notebook page offers Binder (its own notebook, in JupyterLab), and nothing that loads code from a CDN."""
from __future__ import annotations

import pytest
import yaml

from tests.browser.conftest import BUILD
from tests.conftest import ROOT, toc_pages

NOTEBOOK_PAGES = [p for p in toc_pages() if (ROOT / f"{p}.ipynb").exists()]


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_binder_button_opens_this_pages_notebook_in_jupyterlab(page):
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    repo = config["repository"]["url"].removeprefix("https://github.com/")
    html = (BUILD / f"{page}.html").read_text(encoding="utf-8")
    expected = f"https://mybinder.org/v2/gh/{repo}/{config['repository']['branch']}?urlpath=lab/tree/{page}.ipynb"
    assert expected in html


@pytest.mark.parametrize("page", NOTEBOOK_PAGES)
def test_no_live_code_button_that_would_fetch_code_from_a_cdn(page):
    html = (BUILD / f"{page}.html").read_text(encoding="utf-8")
    assert "thebe-launch-button" not in html
    assert html.count("const THEBE_JS_URL") <= 1  # written twice by Jupyter Book: a console error
