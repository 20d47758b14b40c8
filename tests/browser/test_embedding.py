"""The instructor's route, as the instructor guide writes it: one page of the chapter in another book.

Everything comes from the guide's own page (book/instructor_guide.md), so the guide cannot drift from
what works: its shell lines install lcbook (here the wheel built from a clean clone of this commit,
in a fresh venv, with no LCBOOK_DATA) and Jupyter Book and copy the page; its _toc.yml and
_config.yml entries, and its JupyterHub entries, go into a new book whose own root page is `intro`;
its build line builds it strictly (-W), with the notebook executed afresh. The page is then opened in
Chromium, offline. A chapter page in an LMS iframe is tested here too.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
import yaml

from lcbook.sphinxext import CHAPTER_PAGES
from tests.browser.conftest import open_page, scroll_through
from tests.browser.test_interactives import _figure_state
from tests.conftest import ROOT
from tests.install_route import build_wheel, clean_clone, tracked_files

PAGE = "down_syndrome"
GUIDE = ROOT / "book" / "instructor_guide.md"
REPOSITORY_URL = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
# The instructor's own book: its title, a root page named like the chapter's, and a fresh execution.
HOST = "my-course"
HOST_CONFIG = {
    "title": "An instructor's course",
    "author": "An instructor",
    "execute": {"execute_notebooks": "force", "timeout": 180},
}
HOST_INTRO = "# An instructor's course\n\nWeek 3 borrows one page of *Why does leukemia cutis happen?*.\n"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>\w+)\n(?P<body>.*?)^(?P=indent)```", re.M | re.S)


def guide_section(title: str) -> str:
    """The text of one '### ' section of the generated instructor guide."""
    text = GUIDE.read_text(encoding="utf-8")
    start = text.index(f"### {title}\n")
    end = text.find("\n#", start + 4)
    return text[start:end if end >= 0 else None]


def snippets(title: str, lang: str) -> list[str]:
    """The fenced code blocks of one language in a section of the guide, in order, dedented."""
    return [textwrap.dedent(m["body"]) for m in FENCE.finditer(guide_section(title)) if m["lang"] == lang]


def merged(base: dict, extra: dict) -> dict:
    """``base`` with ``extra``'s entries added, nested mappings merged (as an instructor merges them)."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def run(script: str, cwd: Path, env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=cwd, env=env,
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"$ {script}\n" + result.stdout[-4000:] + result.stderr[-4000:]
    return result


@contextlib.contextmanager
def _serve(directory: Path):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
    handler.log_message = lambda *a: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def route(tmp_path_factory):
    """The guide's steps, run in a fresh venv: the venv's python and the built host book's HTML folder."""
    work = tmp_path_factory.mktemp("instructor")
    wheel = build_wheel(clean_clone(work / "clean-clone"), work / "dist")
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True)
    env = {k: v for k, v in os.environ.items() if k not in ("LCBOOK_DATA", "PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PATH=f"{work / 'venv' / 'bin'}{os.pathsep}{env['PATH']}", VIRTUAL_ENV=str(work / "venv"),
               JUPYTER_DATA_DIR=str(work / "jupyter-data"), PIP_DISABLE_PIP_VERSION_CHECK="1")

    host = work / HOST
    host.mkdir()
    (host / "intro.md").write_text(HOST_INTRO)
    toc, config = snippets("The whole chapter, or one page, in your Jupyter Book", "yaml")
    (hub,) = snippets("Live notebooks for a class", "yaml")
    (host / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": "intro", **yaml.safe_load(toc)}))
    host_config = merged(merged(HOST_CONFIG, yaml.safe_load(config)), yaml.safe_load(hub))
    (host / "_config.yml").write_text(yaml.safe_dump(host_config, sort_keys=False))

    install, build = snippets("The whole chapter, or one page, in your Jupyter Book", "shell")
    assert f"git+{REPOSITORY_URL}" in install and "LCBOOK_DATA" not in install + build
    # The only change: the repository is this commit, as a wheel built from a clean clone and as a clone.
    install = install.replace(f"git+{REPOSITORY_URL}", wheel.as_uri()).replace(REPOSITORY_URL, ROOT.as_uri())
    run(install, work, env)
    run(build, work, env)
    return work / "venv" / "bin" / "python", host / "_build" / "html"


@pytest.fixture(scope="module")
def host_book(route) -> Path:
    return route[1]


@pytest.fixture(scope="module")
def host_page(browser, host_book):
    with _serve(host_book) as url:
        visit = open_page(browser, url, f"{PAGE}.html", allow=())
        yield visit
        visit.page.context.close()


def test_the_installed_lcbook_reads_every_data_file_from_its_own_package(route):
    python, _ = route
    probe = textwrap.dedent("""
        import json, lcbook, lcbook.data as d
        from importlib.resources import files
        from lcbook.glossary import load_glossary
        from lcbook.quiz import load_quiz, quiz_ids
        root = files("lcbook_data")
        read = []
        def walk(folder, parts=()):
            for item in folder.iterdir():
                if item.is_dir():
                    walk(item, parts + (item.name,))
                elif item.suffix in (".csv", ".tsv"):
                    assert d.read_table(*parts, item.name); read.append("/".join(parts + (item.name,)))
                elif item.suffix == ".yaml":
                    assert d.read_yaml(*parts, item.name); read.append("/".join(parts + (item.name,)))
                elif item.suffix in (".json", ".md"):
                    assert d.data_path(*parts, item.name).read_text(encoding="utf-8")
                    read.append("/".join(parts + (item.name,)))
        walk(root)
        assert d.karyogram_layout() and d.chromosome_sizes() and load_glossary()
        assert all(d.cytobands(r) for r in d.CYTOBAND_FILES)
        assert all(load_quiz(n) for n in quiz_ids())
        print(json.dumps({"lcbook": lcbook.__file__, "data": str(d.data_dir()), "read": read}))
    """)
    env = {k: v for k, v in os.environ.items() if k not in ("LCBOOK_DATA", "PYTHONPATH")}
    result = subprocess.run([str(python), "-c", probe], cwd="/", env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    found = json.loads(result.stdout)
    assert "site-packages" in found["lcbook"] and found["data"].endswith("site-packages/lcbook_data")
    expected = [f.removeprefix("data/") for f in tracked_files("data") if not f.endswith(".py")]
    assert sorted(found["read"]) == sorted(expected)


def test_the_page_builds_strictly_in_a_book_whose_root_page_is_intro(host_book):
    assert (host_book / f"{PAGE}.html").exists() and (host_book / "intro.html").exists()


def test_the_bibliography_is_labelled_by_author_and_year_like_the_citations(host_book):
    html = (host_book / "bibliography.html").read_text(encoding="utf-8")
    labels = re.findall(r'<span class="fn-bracket">\[</span>([^<]*)<', html)
    assert labels and [label for label in labels if not re.fullmatch(r"\D+ (\d{4}[a-z]?|n\.d\.)", label)] == []


def test_every_figure_is_drawn_with_no_console_error_and_nothing_from_another_host(host_page):
    page = host_page.page
    figures = page.evaluate("document.querySelectorAll('.plotly-graph-div').length")
    drawn = page.evaluate("Array.from(document.querySelectorAll('.plotly-graph-div'))"
                          ".filter(gd => gd._fullLayout && gd.querySelector('.main-svg')).length")
    assert figures > 0 and drawn == figures
    assert host_page.console_errors == [] and host_page.external_requests == []


def test_the_controls_change_their_figures(host_page):
    page = host_page.page
    figure = page.query_selector("figure.lc-interactive:has(button.lc-state-button[aria-pressed=false])")
    button = figure.query_selector("button.lc-state-button[aria-pressed=false]")
    before = _figure_state(page, figure)
    button.click()
    assert button.get_attribute("aria-pressed") == "true" and _figure_state(page, figure) != before
    assert host_page.console_errors == []


def test_the_self_check_gives_feedback(host_page):
    question = host_page.page.query_selector(".lc-question")
    question.query_selector("input[type=radio]").check()
    question.query_selector("button.lc-check").click()
    assert question.query_selector(".lc-feedback").inner_text().startswith(("Correct.", "Not quite."))


def _article_links(host_page) -> list[str]:
    return host_page.page.evaluate("Array.from(document.querySelectorAll('article a[href]'), a => a.href)")


def test_links_to_other_chapter_pages_and_the_glossary_go_to_the_chapters_url(host_page):
    (config,) = [c for c in snippets("The whole chapter, or one page, in your Jupyter Book", "yaml")
                 if "lcbook_chapter_url" in c]
    chapter_url = yaml.safe_load(config)["sphinx"]["config"]["lcbook_chapter_url"].rstrip("/")
    links = _article_links(host_page)
    for name in ("intro", "genes_to_skin"):
        assert f"{chapter_url}/book/{name}.html" in links
    assert any(link.startswith(f"{chapter_url}/book/glossary.html#term-") for link in links)
    local = [link for link in links if link.startswith("http://127.0.0.1")]
    stray = [link for link in local
             if link.split("#")[0].rsplit("/", 1)[-1].removesuffix(".html") in CHAPTER_PAGES
             and not link.split("#")[0].endswith((f"/{PAGE}.html", "/bibliography.html"))]
    assert stray == []


def test_a_host_book_without_the_chapter_url_is_told_to_set_it(route, tmp_path):
    python, _ = route
    book = tmp_path / "no-chapter-url"
    book.mkdir()
    (book / "intro.md").write_text(HOST_INTRO)
    (book / "_toc.yml").write_text(f"format: jb-book\nroot: intro\nchapters:\n  - file: {PAGE}\n")
    (book / "_config.yml").write_text("title: A course\nexecute:\n  execute_notebooks: 'off'\n"
                                      "sphinx:\n  extra_extensions:\n    - lcbook.sphinxext\n")
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": ["# Down syndrome\n\nSee {doc}`intro`."]}],
                "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (book / f"{PAGE}.ipynb").write_text(json.dumps(notebook))
    result = subprocess.run([str(python.parent / "jupyter-book"), "build", "-W", str(book)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "lcbook_chapter_url is not set" in result.stdout + result.stderr


def test_the_host_books_jupyterhub_button_pulls_the_page_with_nbgitpuller(host_book):
    (hub,) = snippets("Live notebooks for a class", "yaml")
    hub = yaml.safe_load(hub)
    html = (host_book / f"{PAGE}.html").read_text(encoding="utf-8")
    repo = hub["repository"]["url"].replace("https://", "https%3A//")
    link = f"{hub['launch_buttons']['jupyterhub_url']}/hub/user-redirect/git-pull?repo={repo}"
    assert link in html
    course = hub["repository"]["url"].rstrip("/").rsplit("/", 1)[-1]
    assert f"urlpath=lab/tree/{course}/{PAGE}.ipynb" in html.split(link, 1)[1][:200]


def test_the_host_book_serves_plotly_itself(host_book):
    html = (host_book / f"{PAGE}.html").read_text(encoding="utf-8")
    assert (host_book / "_static" / "plotly-basic.min.js").exists()
    assert 'src="https://' not in html and "cdn.plot.ly" not in html


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
