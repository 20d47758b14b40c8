"""Browser fixtures: the built HTML served on 127.0.0.1 and Debian's Chromium driven by Playwright.

Every request that would leave 127.0.0.1 is aborted and recorded, so a test can assert that a page
works offline.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT

BUILD = ROOT / "_build" / "html"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Console messages that are not the book's fault (see the toolchain notes): none now. The theme's
# "Got invalid theme mode" is gone since lcbook.sphinxext gives every host book a default colour mode.
BENIGN_CONSOLE: tuple[str, ...] = ()


def chromium_path() -> str:
    path = os.environ.get("LCBOOK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            "The browser tests need Chromium: install it with 'sudo apt-get install -y chromium', "
            "or set LCBOOK_CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


@pytest.fixture(scope="session")
def site() -> str:
    """Base URL of the built book, served from _build/html on 127.0.0.1."""
    if not (BUILD / "index.html").exists():
        pytest.fail("No built book in _build/html: run 'make html' first (make test does).", pytrace=False)
    handler = functools.partial(_QuietHandler, directory=str(BUILD))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield b
        b.close()


@dataclass
class Visit:
    """A page opened in Chromium, with what it logged and what it tried to fetch from elsewhere."""

    page: object
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)


def open_page(browser, site: str, path: str, width: int = 1280, height: int = 900, draw: bool = True,
              phone: bool = False, allow: tuple[str, ...] = BENIGN_CONSOLE) -> Visit:
    """Open one page of the book, offline: requests leaving 127.0.0.1 are aborted and recorded.

    With ``draw``, scroll to each figure as a reader would, so that every figure is drawn; ``phone``
    makes it a touch screen; console errors containing one of ``allow`` are not recorded.
    """
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=phone, is_mobile=phone)
    page = context.new_page()
    visit = Visit(page=page)

    def on_console(msg):
        if msg.type == "error" and not any(b in msg.text for b in allow):
            visit.console_errors.append(msg.text)

    page.on("console", on_console)
    def on_pageerror(exc):
        if not any(b in str(exc) for b in allow):
            visit.console_errors.append(f"uncaught: {exc}")

    page.on("pageerror", on_pageerror)

    def route(r):
        if r.request.url.startswith("http://127.0.0.1"):
            r.continue_()
        else:
            visit.external_requests.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(site + path, wait_until="load")
    page.wait_for_function("document.readyState === 'complete'")
    if draw:
        scroll_through(page)
    return visit


def scroll_through(page) -> None:
    """Scroll to every figure as a reader does (each is drawn when it nears the screen), then back up."""
    page.evaluate(
        """async () => {
            for (const gd of document.querySelectorAll('.plotly-graph-div')) {
                gd.scrollIntoView({block: 'center'});
                const start = Date.now();
                while (gd._fullLayout === undefined && Date.now() - start < 15000) {
                    await new Promise(r => setTimeout(r, 25));
                }
            }
            window.scrollTo(0, 0);
        }"""
    )
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.plotly-graph-div'))"
        ".every(gd => gd._fullLayout !== undefined)",
        timeout=15000,
    )


@pytest.fixture
def visit(browser, site):
    opened = []

    def _visit(path: str, **kw) -> Visit:
        v = open_page(browser, site, path, **kw)
        opened.append(v)
        return v

    yield _visit
    for v in opened:
        v.page.context.close()


@pytest.fixture(scope="session")
def loaded(browser, site):
    """Pages opened once and shared by the tests that only look (no clicks): faster, same checks."""
    cache: dict[str, Visit] = {}

    def _loaded(path: str) -> Visit:
        if path not in cache:
            cache[path] = open_page(browser, site, path)
        return cache[path]

    yield _loaded
    for v in cache.values():
        v.page.context.close()
