"""Print every page of the built chapter (_build/html) to its own PDF handout in _build/pdf/.

    python tools/pdf.py             # make pdf runs this (after make html)

Uses Debian's Chromium ($LCBOOK_CHROMIUM, else /usr/bin/chromium) through Playwright's page.pdf, never
a downloaded browser. Each page is served on 127.0.0.1 (nothing is fetched from elsewhere), laid out
with the print stylesheet (lcbook/static/lcbook-print.css), its figures drawn in their first state
with their tables opened and the sources it cites listed at its end, then printed on A4 with the page's title and page numbers in the footer.
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "pdf"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: The printable width of an A4 sheet with the stylesheet's 15 mm side margins, in CSS pixels: the
#: figures are drawn at this width, so that they fit the paper.
PRINT_WIDTH_PX = 680

FOOTER = ('<div style="font-size:8px;width:100%;margin:0 15mm;display:flex;justify-content:space-between;'
          'font-family:sans-serif;color:#333"><span class="title"></span>'
          '<span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>')

# Before printing: open each figure's table, list the sources the page cites (each citation link
# carries its full reference as its title) at the end of its References section, draw every figure.
PREPARE = """async () => {
    document.querySelectorAll('details.lc-data-table').forEach(d => { d.open = true; });
    const refs = new Set();
    document.querySelectorAll('article a[href*="bibliography.html#"][title]').forEach(a => refs.add(a.title));
    const where = document.querySelector('article section#references')
        || document.querySelector('article.bd-article > section');
    if (refs.size && where) {
        const box = document.createElement('div');
        box.className = 'lc-print-references';
        const intro = document.createElement('p');
        intro.textContent = 'Sources cited on this page:';
        const list = document.createElement('ul');
        Array.from(refs).sort().forEach(t => {
            const li = document.createElement('li');
            li.textContent = t;
            list.appendChild(li);
        });
        box.append(intro, list);
        where.appendChild(box);
    }
    if (window.lcbookDrawAll) { await window.lcbookDrawAll(); }
}"""
ALL_DRAWN = ("Array.from(document.querySelectorAll('.plotly-graph-div'))"
             ".every(gd => gd._fullLayout !== undefined)")


def chapter_pages() -> list[str]:
    """Every page of the table of contents, in order (e.g. 'book/intro')."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for c in toc.get("chapters", [])]


def pdf_name(page: str) -> str:
    """The handout's file name for a page: 'book/down_syndrome' -> 'down_syndrome.pdf'."""
    return page.split("/")[-1] + ".pdf"


def chromium() -> str:
    """The Chromium to print with, or exit with how to install it."""
    path = os.environ.get("LCBOOK_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        sys.exit("make pdf needs Chromium: install it with 'sudo apt-get install -y chromium', "
                 "or set LCBOOK_CHROMIUM=/path/to/chromium.")
    return path


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def print_pages(pages: list[str], site: Path = SITE, out: Path = OUT) -> list[Path]:
    """Print each page of the built site to out/<name>.pdf; the files written."""
    from playwright.sync_api import sync_playwright

    if not (site / "index.html").exists():
        sys.exit(f"No built book in {site}: run 'make html' first.")
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium(), args=FLAGS)
            context = browser.new_context(viewport={"width": PRINT_WIDTH_PX, "height": 1000})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            for page_name in pages:
                page = context.new_page()
                page.emulate_media(media="print")
                page.goto(f"{base}{page_name}.html", wait_until="load")
                page.evaluate(PREPARE)
                page.wait_for_function(ALL_DRAWN, timeout=30000)
                target = out / pdf_name(page_name)
                page.pdf(path=str(target), format="A4", prefer_css_page_size=True, print_background=False,
                         display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
                         margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
                page.close()
                written.append(target)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return written


if __name__ == "__main__":
    files = print_pages(chapter_pages())
    print(f"Wrote {len(files)} PDF handouts to {OUT}")
