"""Measure the chapter's build times and what a reader downloads; print a table (not a test).

    .venv/bin/python benchmarks/build_and_weight.py            # clean build, rebuild, page weights
    .venv/bin/python benchmarks/build_and_weight.py --no-build # page weights of the current build

A page's weight is everything a reader who reads it to the end downloads: the page, its stylesheet
and scripts, and (drawn as they near the screen) plotly.js and each figure's data.
Budgets (issue 11, phone-fast pages): whole chapter <= 1.1 MB gzip, heaviest page <= 0.8 MB gzip and
<= 2 MB raw, clean build <= 60 s; (issue 2) no-change rebuild <= 15 s on a 2-core machine.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.conftest import toc_pages  # noqa: E402

BUDGET = {"chapter_gzip": 1.1e6, "page_gzip": 0.8e6, "page_raw": 2.0e6, "clean_s": 60.0, "rebuild_s": 15.0}
JB = ROOT / ".venv" / "bin" / "jupyter-book"


def build() -> float:
    """Run the book build as `make html` does; return the wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(
        [str(JB), "build", "-W", "-n", "--keep-going", "--path-output", ".", "."],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def page_weights() -> tuple[dict[str, tuple[int, int]], tuple[int, int]]:
    """Bytes (raw, gzip) each page downloads with an empty cache, and the whole chapter in one visit."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(ROOT / "_build" / "html"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_address[1]}/"
    per_page: dict[str, tuple[int, int]] = {}
    chapter: dict[str, tuple[int, int]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            for page_path in (f"{x}.html" for x in toc_pages()):
                context = browser.new_context()  # an empty cache for every page
                page = context.new_page()
                responses: list = []
                page.on("response", lambda response: responses.append(response))
                page.goto(site + page_path, wait_until="networkidle")
                page.evaluate("window.lcbookDrawAll ? window.lcbookDrawAll() : null")  # the reader scrolls on
                page.wait_for_load_state("networkidle")
                page.wait_for_timeout(300)
                bodies: dict[str, tuple[int, int]] = {}
                for response in responses:  # read every body before the page is closed
                    if response.url.startswith(site) and response.status == 200:
                        body = response.body()
                        bodies[response.url.split("?")[0]] = (len(body), len(gzip.compress(body, 6)))
                context.close()
                per_page[page_path] = (
                    sum(r for r, _ in bodies.values()), sum(g for _, g in bodies.values())
                )
                chapter.update(bodies)
            browser.close()
    finally:
        server.shutdown()
    total = (sum(r for r, _ in chapter.values()), sum(g for _, g in chapter.values()))
    return per_page, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="only weigh the current build")
    args = parser.parse_args()

    rows: list[tuple[str, str, str]] = []
    if not args.no_build:
        shutil.rmtree(ROOT / "_build", ignore_errors=True)
        clean = build()
        rebuild = build()
        rows.append(("clean build (s)", f"{clean:.1f}", f"<= {BUDGET['clean_s']:.0f}"))
        rows.append(("no-change rebuild (s)", f"{rebuild:.1f}", f"<= {BUDGET['rebuild_s']:.0f}"))

    per_page, (total_raw, total_gz) = page_weights()
    mb = 1e6
    for path, (raw, gz) in per_page.items():
        rows.append((f"page {path} (MB raw / gzip)", f"{raw / mb:.2f} / {gz / mb:.2f}",
                     f"raw <= {BUDGET['page_raw'] / mb:.1f}, gzip <= {BUDGET['page_gzip'] / mb:.1f}"))
    rows.append(("whole chapter, one visit (MB raw / gzip)", f"{total_raw / mb:.2f} / {total_gz / mb:.2f}",
                 f"gzip <= {BUDGET['chapter_gzip'] / mb:.1f}"))

    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'value':>14}  budget   (cores: {os.cpu_count()})")
    for name, value, budget in rows:
        print(f"{name.ljust(width)}  {value:>14}  {budget}")
    heaviest = max(gz for _, gz in per_page.values())
    heaviest_raw = max(raw for raw, _ in per_page.values())
    within = (heaviest <= BUDGET["page_gzip"] and heaviest_raw <= BUDGET["page_raw"]
              and total_gz <= BUDGET["chapter_gzip"])
    print("within the page-weight budgets" if within else "OVER a page-weight budget")


if __name__ == "__main__":
    main()
