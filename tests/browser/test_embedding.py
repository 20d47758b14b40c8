"""An instructor embeds one page of the chapter in their own Jupyter Book, and in an LMS iframe.

The host book is made the way the instructor guide says: copy the page, the chapter's references.bib
and bibliography page, add lcbook's Sphinx extension and say where the rest of the chapter lives. It
is built with the same strictness as the chapter (-W -n), executing the notebook afresh.
"""
from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.browser.conftest import BUILD, open_page, scroll_through
from tests.conftest import ROOT

PAGE = "down_syndrome"
CHAPTER_URL = "https://lcbook-authors.github.io/leukemia-cutis-book"

HOST_CONFIG = f"""\
title: "An instructor's course"
author: "An instructor"
only_build_toc_files: true
execute:
  execute_notebooks: force
  timeout: 180
bibtex_bibfiles:
  - references.bib
repository:
  url: https://github.com/an-instructor/course
  branch: main
launch_buttons:
  notebook_interface: jupyterlab
  jupyterhub_url: https://hub.example.edu
sphinx:
  extra_extensions:
    - lcbook.sphinxext
  config:
    nb_ipywidgets_js: {{}}
    suppress_warnings: ["mystnb.unknown_mime_type"]
    bibtex_reference_style: author_year
    lcbook_chapter_url: {CHAPTER_URL}
"""
HOST_TOC = f"""\
format: jb-book
root: index
chapters:
  - file: {PAGE}
  - file: bibliography
"""
HOST_INDEX = "# An instructor's course\n\nWeek 3 borrows one page of *Why does leukemia cutis happen?*.\n"


@pytest.fixture(scope="module")
def host_book(tmp_path_factory) -> Path:
    """A minimal second Jupyter Book holding one page of the chapter, built."""
    host = tmp_path_factory.mktemp("host-book")
    (host / "_config.yml").write_text(HOST_CONFIG)
    (host / "_toc.yml").write_text(HOST_TOC)
    (host / "index.md").write_text(HOST_INDEX)
    for name in (f"{PAGE}.ipynb", "references.bib", "bibliography.md"):
        shutil.copy(ROOT / "book" / name, host / name)
    jupyter_book = Path(sys.executable).parent / "jupyter-book"
    result = subprocess.run(
        [str(jupyter_book), "build", "-W", "-n", "--keep-going", str(host)],
        capture_output=True, text=True, cwd=host, timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return host / "_build" / "html"


def test_the_embedded_page_builds_strictly_in_the_host_book(host_book):
    assert (host_book / f"{PAGE}.html").exists()


def test_links_to_the_rest_of_the_chapter_go_to_the_published_chapter(host_book):
    html = (host_book / f"{PAGE}.html").read_text(encoding="utf-8")
    assert f'href="{CHAPTER_URL}/book/genes_to_skin.html"' in html
    assert f'href="{CHAPTER_URL}/book/glossary.html#term-' in html


def test_the_host_books_jupyterhub_button_pulls_the_page_with_nbgitpuller(host_book):
    html = (host_book / f"{PAGE}.html").read_text(encoding="utf-8")
    link = "https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A//github.com/an-instructor/course"
    assert link in html
    assert f"urlpath=lab/tree/course/{PAGE}.ipynb" in html.split(link, 1)[1][:200]


def test_the_host_book_serves_plotly_itself(host_book):
    html = (host_book / f"{PAGE}.html").read_text(encoding="utf-8")
    assert (host_book / "_static" / "plotly-basic.min.js").exists()
    assert 'src="https://' not in html and "cdn.plot.ly" not in html


def _serve(directory: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def test_the_embedded_pages_interactives_and_self_check_work_offline(browser, host_book):
    server, url = _serve(host_book)
    try:
        v = open_page(browser, url, f"{PAGE}.html")
        page = v.page
        assert v.console_errors == [] and v.external_requests == []
        assert page.evaluate("document.querySelectorAll('.plotly-graph-div .main-svg').length") > 0
        button = page.query_selector("figure.lc-interactive button[aria-pressed=false]")
        button.click()
        assert button.get_attribute("aria-pressed") == "true"
        question = page.query_selector(".lc-question")
        question.query_selector("input[type=radio]").check()
        question.query_selector("button.lc-check").click()
        assert question.query_selector(".lc-feedback").inner_text().startswith(("Correct.", "Not quite."))
        page.context.close()
    finally:
        server.shutdown()


def test_a_chapter_page_works_inside_an_lms_iframe(browser, site):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_content(
        f'<main><h1>Course week 3</h1><iframe title="Down syndrome page" src="{site}book/{PAGE}.html" '
        'width="1000" height="800"></iframe></main>'
    )
    frame = page.frame_locator("iframe")
    frame.locator(".plotly-graph-div").first.wait_for(state="attached", timeout=15000)
    inner = next(f for f in page.frames if f.url.endswith(f"{PAGE}.html"))
    inner.wait_for_function("document.readyState === 'complete'", timeout=15000)
    scroll_through(inner)
    buttons = frame.locator("figure.lc-interactive").first.locator("button.lc-state-button")
    button = buttons.nth(1)  # a fixed button (a locator on aria-pressed=false would move on)
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert [e for e in errors if "THEBE_JS_URL" not in e] == []
    context.close()
