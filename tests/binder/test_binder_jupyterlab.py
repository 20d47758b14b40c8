"""A Binder reader in JupyterLab: every notebook, as committed, opened from the Binder environment.

JupyterLab runs from the environment built from binder/ only (tests/binder/conftest.py), driven in
Debian's Chromium. For each notebook: before Run All, the MyST markup is rendered and no output shows
a raw repr, and pressing a self-check's "Check answer" does not navigate; after Run All, no cell
failed and every figure with controls on the web page has live controls that respond.
"""
from __future__ import annotations

import json
import re
import secrets
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.binder.conftest import NOTEBOOKS
from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path

pytestmark = pytest.mark.browser

# MyST that JupyterLab's plain Markdown would show as text.
RAW_MYST = re.compile(r"\{(?:cite:p|cite:t|cite|term|doc|ref|numref|glossary)\}`|^:class:|```\{|^\s*\{admonition\}",
                      re.MULTILINE)
# What an output shows where a widget or object was not drawn.
RAW_REPR = re.compile(r"\b[A-Z]\w*\((?:children|value|options)=|Error displaying widget|model not found|"
                      r"<lcbook\.\w[\w.]* object at 0x")
# Test-only JupyterLab settings: render every cell (no windowing), no news or update checks.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
}
RUN_ALL_TIMEOUT_S = 180


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Lab:
    """A running JupyterLab: its base URL and token."""

    url: str
    token: str

    def api(self, method: str, path: str) -> object:
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shut_down_kernels(self) -> None:
        for session in self.api("GET", "api/sessions"):
            self.api("DELETE", f"api/sessions/{session['id']}")


@pytest.fixture(scope="module")
def lab(binder_env, tmp_path_factory):
    """JupyterLab from the Binder environment, serving the clean copy on 127.0.0.1 (stopped by its PID)."""
    copy, python = binder_env
    settings = python.parent.parent / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    (settings / "overrides.json").write_text(json.dumps(LAB_SETTINGS))
    home = tmp_path_factory.mktemp("home")
    port, token = _free_port(), secrets.token_hex(16)
    log = (home / "lab.log").open("w")
    process = subprocess.Popen(
        [str(python.parent / "jupyter-lab"), "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={copy}", "--allow-root"],
        cwd=copy, stdout=log, stderr=subprocess.STDOUT,
        env={"HOME": str(home), "PATH": f"{python.parent}:/usr/bin:/bin", "JUPYTER_CONFIG_DIR": str(home / "cfg"),
             "JUPYTER_RUNTIME_DIR": str(home / "run"), "JUPYTER_DATA_DIR": str(home / "data")},
    )
    lab = Lab(f"http://127.0.0.1:{port}/", token)
    for _ in range(120):
        if process.poll() is not None:
            break
        try:
            lab.api("GET", "api/status")
            break
        except OSError:
            time.sleep(0.5)
    else:
        process.kill()
        pytest.fail("JupyterLab did not start: " + (home / "lab.log").read_text()[-2000:])
    yield lab
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="module")
def lab_browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        blocked: list[str] = []

        def route(r):
            if r.request.url.startswith("http://127.0.0.1"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        yield context, blocked
        browser.close()


@dataclass
class Visit:
    """What a reader saw in one notebook, before and after Run All."""

    raw_markup: list[str] = field(default_factory=list)
    admonitions: int = 0
    live_note: bool = False
    raw_reprs: list[str] = field(default_factory=list)
    navigated: list[str] = field(default_factory=list)
    self_checks: int = 0
    run_hint: bool = False
    feedback: str = ""
    run_hint_after: int = 0
    errors: list[str] = field(default_factory=list)
    unfinished: int = 0
    interactives: list[int] = field(default_factory=list)
    not_live: list[str] = field(default_factory=list)
    failure: str | None = None


def _web_interactives(path: Path) -> list[int]:
    """Indexes of the cells whose output has controls on the web page (the Interactive's HTML)."""
    nb = nbformat.read(path, as_version=4)
    return [n for n, c in enumerate(nb.cells) if c.cell_type == "code" and any(
        'class="lc-controls' in o.get("data", {}).get("text/html", "") for o in c.get("outputs", []))]


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def _prompts(page) -> list[str]:
    return page.eval_on_selector_all(".jp-Notebook .jp-CodeCell .jp-InputPrompt", "els => els.map(e => e.textContent)")


def _change_state(cell) -> bool:
    """Choose another state with the cell's live control; True if its text changed in response."""
    widget = cell.locator(".jupyter-widgets.widget-vbox").first
    before = widget.inner_text()
    toggle = cell.locator(".widget-toggle-buttons button:not(.mod-active)")
    if toggle.count():
        toggle.first.click()
    else:
        handle = cell.locator(".noUi-handle, .ui-slider-handle").first
        handle.focus()
        handle.press("ArrowRight")
    for _ in range(60):
        if widget.inner_text() != before:
            return True
        time.sleep(0.25)
    return False


_VISITS: dict[str, Visit] = {}


@pytest.fixture
def visit(lab, lab_browser, binder_env):
    """Open a notebook as a Binder reader would (once per notebook), and record what happened."""
    copy, _ = binder_env
    context, _blocked = lab_browser

    def _visit(name: str) -> Visit:
        if name in _VISITS:
            return _VISITS[name]
        v = Visit(interactives=_web_interactives(copy / name))
        page = context.new_page()
        try:
            page.on("framenavigated", lambda frame: v.navigated.append(frame.url) if frame == page.main_frame else None)
            page.goto(f"{lab.url}lab/tree/{name}?reset&token={lab.token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120_000)
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=180_000)
            try:  # jupyterlab-myst renders the Markdown after the cells appear; every notebook has a note
                page.wait_for_selector(".jp-MarkdownCell .myst-admonition", timeout=30_000)
            except PlaywrightTimeout:
                pass
            page.wait_for_timeout(1000)
            v.navigated.clear()
            markdown = page.eval_on_selector_all(".jp-MarkdownCell .jp-RenderedMarkdown, .jp-MarkdownCell .myst",
                                                 "els => els.map(e => e.innerText)")
            v.raw_markup = [m[:200] for m in markdown if RAW_MYST.search(m)]
            v.admonitions = page.locator(".jp-MarkdownCell .myst-admonition").count()
            v.live_note = page.locator(".jp-MarkdownCell .myst-admonition", has_text="Running this page live").count() == 1
            outputs = page.eval_on_selector_all(".jp-OutputArea-output", "els => els.map(e => e.innerText)")
            v.raw_reprs = [o[:200] for o in outputs if RAW_REPR.search(o)]
            # A table's filter cannot run yet: it must not say that no row matches while every row shows.
            v.raw_reprs += [t for t in page.eval_on_selector_all(".lc-gene-none", "els => els.map(e => e.innerText)") if t.strip()]
            # Before Run All the self-check's script has not run: pressing its button must not navigate.
            page.evaluate("window.__lcStay = true")
            buttons = page.locator(".lc-question button")
            v.self_checks = buttons.count()
            v.run_hint = page.locator(".lc-selfcheck .lc-run-hint", has_text="Run this cell").first.is_visible()
            if v.self_checks:
                # The sanitized output's radios are disabled; press the button as a script would.
                buttons.first.evaluate("button => button.click()")
                page.wait_for_timeout(500)
                if not page.evaluate("window.__lcStay === true"):
                    v.navigated.append("the page was reloaded")
            _run_all(page)
            deadline = time.monotonic() + RUN_ALL_TIMEOUT_S
            while time.monotonic() < deadline:
                prompts = _prompts(page)
                if prompts and all(re.fullmatch(r"\[\d+\]:", p.strip()) for p in prompts):
                    break
                page.wait_for_timeout(500)
            v.unfinished = sum(1 for p in _prompts(page) if not re.fullmatch(r"\[\d+\]:", p.strip()))
            v.errors = page.eval_on_selector_all(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']",
                "els => els.map(e => e.innerText.slice(0, 300))")
            cells = page.locator(".jp-Notebook .jp-Cell")
            for n in v.interactives:
                cell = cells.nth(n)
                if not cell.locator(".jupyter-widgets.widget-vbox").count():
                    v.not_live.append(f"cell {n}: no live controls")
                elif not _change_state(cell):
                    v.not_live.append(f"cell {n}: the live control did not change the figure's description")
            # After Run All the self-check's script runs: an answer is checked in place.
            question = page.locator(".lc-question").first
            if v.self_checks:
                question.locator("input[type=radio]").first.check()
                question.locator("button").click()
                v.feedback = question.locator(".lc-feedback").inner_text()
                v.run_hint_after = page.locator(".lc-selfcheck .lc-run-hint").count()
            if not page.evaluate("window.__lcStay === true"):
                v.navigated.append("the page was reloaded")
        except Exception as error:  # recorded once: every test of this notebook reports it
            v.failure = f"{type(error).__name__}: {str(error)[:500]}"
        finally:
            page.close()
            lab.shut_down_kernels()
        _VISITS[name] = v
        return v

    return _visit


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_myst_markup_is_rendered_not_shown_as_text(visit, name):
    v = visit(name)
    assert v.failure is None, v.failure
    assert not v.raw_markup and v.admonitions >= 1, (v.admonitions, v.raw_markup)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_running_this_page_live_note_opens_the_notebook(visit, name):
    v = visit(name)
    assert v.failure is None, v.failure
    assert v.live_note


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_nothing_looks_broken_before_run_all(visit, name):
    assert visit(name).raw_reprs == []


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_a_self_check_says_to_run_its_cell_then_answers_in_place_and_never_navigates(visit, name):
    v = visit(name)
    assert v.failure is None, v.failure
    assert v.self_checks >= 1 and v.navigated == [], v.navigated
    assert v.run_hint, "before Run All the self-check does not say to run its cell"
    assert v.feedback.startswith(("Correct.", "Not quite.")) and v.run_hint_after == 0, v.feedback


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_run_all_completes_without_an_error(visit, name):
    v = visit(name)
    assert v.failure is None, v.failure
    assert v.unfinished == 0 and v.errors == [], (v.unfinished, v.errors)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_interactive_of_the_web_page_is_live_after_run_all(visit, name):
    v = visit(name)
    assert v.failure is None, v.failure
    assert v.not_live == [], v.not_live
