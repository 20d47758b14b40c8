"""Measure the karyotype viewer: its weight in the page, and how fast it switches presets (not a test).

    .venv/bin/python benchmarks/karyogram.py                          # sizes and switch times
    .venv/bin/python benchmarks/karyogram.py --resolution 850 --rounds 5
    .venv/bin/python benchmarks/karyogram.py --presets clonal          # the viewer with genes and fusions
    .venv/bin/python benchmarks/karyogram.py --screenshots /tmp/shots # also PNGs at 1000 and 375 px

Sizes: the viewer's HTML fragment (Interactive.to_html: figure, controls, states, text alternative)
and its initial figure's JSON, raw and gzip. Times: a minimal page (plotly-basic.min.js, lcbook.js,
lcbook.css and the fragment) served on 127.0.0.1 to headless Chromium; each preset button is clicked
and timed with performance.now() from the click until Plotly's 'plotly_afterplot' event and the next
animation frame. Budgets: <= 300 KB per figure with its presets, < 100 ms per switch.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lcbook.display import Interactive, _figure_json  # noqa: E402
from lcbook.figures.karyotype import DEFAULT_PRESETS, karyotype_viewer  # noqa: E402

STATIC = ROOT / "lcbook" / "static"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: Preset sets to measure: the chapter's default viewer and the viewers with genes and fusions.
PRESET_SETS = {
    "default": DEFAULT_PRESETS,
    "genes_to_skin": (*DEFAULT_PRESETS, ("46,XY", ("KMT2A", "MLLT3")), ("46,XY,t(9;11)(p21.3;q23.3)", ("KMT2A", "MLLT3"))),
    "fusions": (("46,XY,t(9;11)(p21.3;q23.3)", ("KMT2A", "MLLT3")), ("46,XX,inv(16)(p13.1q22)", ("CBFB", "MYH11")),
                ("46,XY,t(8;21)(q22;q22.1)", ("RUNX1", "RUNX1T1"))),
    "clonal": ("46,XY", "47,XY,+8", ("48,XY,+8,+21c", ("GATA1",)),
               ("46,XY,t(9;11)(p21.3;q23.3)", ("KMT2A", "MLLT3")), ("46,XX,inv(16)(p13.1q22)", ("CBFB", "MYH11")),
               ("46,XY,t(8;21)(q22;q22.1)", ("RUNX1", "RUNX1T1"))),
    "familial": ("46,XX", ("46,XX", ("RUNX1", "ANKRD26", "ETV6")), ("46,XX", ("CEBPA", "DDX41", "TP53")),
                 ("46,XX", ("GATA2",))),
}
BUDGET_BYTES = 300_000
BUDGET_MS = 100.0

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Karyogram benchmark</title>
<link rel="stylesheet" href="lcbook.css">
<style>body {{ font-family: system-ui, sans-serif; margin: 0 8px; }}</style>
<script src="plotly-basic.min.js"></script>
</head><body>
<main>{fragment}</main>
<script src="lcbook.js"></script>
</body></html>
"""

# Click button i and resolve with the time until Plotly has drawn and the next frame has come.
SWITCH_JS = """async (i) => {
  const fig = document.querySelector('figure.lc-interactive');
  const gd = document.getElementById(fig.dataset.lcFigure);
  const button = fig.querySelectorAll('.lc-state-button')[i];
  return await new Promise((resolve) => {
    let done = false, afterplot = null;
    const t0 = performance.now();
    const finish = (how) => {
      if (done) return;
      done = true;
      requestAnimationFrame(() => resolve({afterplot: afterplot, frame: performance.now() - t0, how: how}));
    };
    gd.once('plotly_afterplot', () => { afterplot = performance.now() - t0; finish('afterplot'); });
    button.click();
    setTimeout(() => finish('timeout'), 3000);
  });
}"""


# What the page shows after a switch, in the terms figure_at() can be compared with.
PAGE_STATE_JS = """() => {
  const fig = document.querySelector('figure.lc-interactive');
  const gd = document.getElementById(fig.dataset.lcFigure);
  return {
    shapes: (gd.layout.shapes || []).map(s => s.opacity),
    annotations: (gd.layout.annotations || []).map(a => a.opacity === undefined ? null : a.opacity),
    hoverinfo: gd.data.map(t => t.hoverinfo),
    description: document.getElementById(gd.id + '-desc').textContent,
  };
}"""


def expected_page_state(interactive: Interactive, index: int) -> dict:
    """What PAGE_STATE_JS should read after choosing state index, from Interactive.figure_at."""
    fig = interactive.figure_at(index)
    return {
        "shapes": [s.opacity for s in fig.layout.shapes],
        "annotations": [a.opacity for a in fig.layout.annotations],
        "hoverinfo": [t.hoverinfo for t in fig.data],
        "description": interactive.states[index].description,
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def write_page(directory: Path, interactive: Interactive) -> Path:
    """A minimal page holding the interactive and the book's static files, in directory."""
    for name in ("plotly-basic.min.js", "lcbook.js", "lcbook.css"):
        shutil.copy(STATIC / name, directory / name)
    page = directory / "index.html"
    page.write_text(PAGE.format(fragment=interactive.to_html()), encoding="utf-8")
    return page


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve directory on 127.0.0.1 (a free port); return the server and its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def sizes(interactive: Interactive) -> dict[str, tuple[int, int]]:
    """Bytes (raw, gzip) of the HTML fragment and of the initial figure's JSON."""
    html = interactive.to_html().encode("utf-8")
    fig = _figure_json(interactive.figure_at(interactive.initial)).encode("utf-8")
    return {
        "viewer HTML (figure + states + table)": (len(html), len(gzip.compress(html, 6))),
        "initial figure JSON": (len(fig), len(gzip.compress(fig, 6))),
    }


def switch_times(url: str, interactive: Interactive, rounds: int, screenshots: Path | None) -> tuple[dict, list]:
    """Click every preset button `rounds` times in headless Chromium; return timings per label, mismatches."""
    from playwright.sync_api import sync_playwright

    labels = [s.label for s in interactive.states]
    times: dict[str, list[dict]] = {label: [] for label in labels}
    mismatches: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1100})
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url) else route.abort())
            page.goto(url, wait_until="load")
            page.wait_for_selector("figure[data-lc-ready='true'] .main-svg")
            page.wait_for_timeout(300)
            for _ in range(rounds):
                # Start from the last preset so that the first click is a real change.
                page.evaluate(SWITCH_JS, len(labels) - 1)
                for i, label in enumerate(labels):
                    times[label].append(page.evaluate(SWITCH_JS, i))
                    if page.evaluate(PAGE_STATE_JS) != expected_page_state(interactive, i):
                        mismatches.append(label)
            if screenshots is not None:
                _screenshots(browser, url, labels, screenshots)
        finally:
            browser.close()
    return times, sorted(set(mismatches))


def _screenshots(browser, url: str, labels: list[str], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    picks = {"47,XY,+21": "trisomy21", "46,XY,rob(14;21)(q10;q10),+21": "rob", "mos 47,XY,+21[12]/46,XY[8]": "mosaic",
             "45,X": "turner", "48,XXYY": "xxyy"}
    for width in (1000, 375):
        page = browser.new_page(viewport={"width": width, "height": 1200}, device_scale_factor=2 if width < 500 else 1)
        page.goto(url, wait_until="load")
        page.wait_for_selector("figure[data-lc-ready='true'] .main-svg")
        for i, label in enumerate(labels):
            if label not in picks:
                continue
            page.evaluate(SWITCH_JS, i)
            page.wait_for_timeout(150)
            path = out / f"karyogram-{picks[label]}-{width}px.png"
            page.locator("figure.lc-interactive").screenshot(path=str(path))
            print(f"  screenshot: {path}")
        # One with a hover label on a band of the extra chromosome 21.
        page.evaluate(SWITCH_JS, labels.index("47,XY,+21") if "47,XY,+21" in labels else 0)
        box = page.locator(".main-svg").first.bounding_box()
        gd_id = page.locator("figure.lc-interactive").get_attribute("data-lc-figure")
        xy = page.evaluate(
            """(id) => { const gd = document.getElementById(id); const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
                 const t = gd.data.filter(d => d.name === 'hover' && d.hoverinfo === 'text'
                     && d.hovertext.some(h => h.startsWith('<b>21q22') && h.includes('extra')))[0];
                 const j = t.hovertext.findIndex(h => h.startsWith('<b>21q22') && h.includes('extra'));
                 return [xa._offset + xa.l2p(t.x[j]), ya._offset + ya.l2p(t.y[j])]; }""", gd_id)
        page.mouse.move(box["x"] + xy[0], box["y"] + xy[1])
        page.wait_for_timeout(250)
        path = out / f"karyogram-hover-{width}px.png"
        page.locator("figure.lc-interactive").screenshot(path=str(path))
        print(f"  screenshot: {path}")
        page.close()


def main() -> None:
    """Build the viewer, print its sizes, time every preset switch in Chromium, print a table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--resolution", type=int, default=400, choices=(400, 550, 850))
    parser.add_argument("--rounds", type=int, default=3, help="times each preset is switched to")
    parser.add_argument("--screenshots", type=Path, default=None, help="folder for PNG screenshots")
    parser.add_argument("--presets", choices=sorted(PRESET_SETS), default="default",
                        help="which viewer: the default presets, or a page's viewer with genes and fusions")
    args = parser.parse_args()

    t0 = time.perf_counter()
    viewer = karyotype_viewer(PRESET_SETS[args.presets], resolution=args.resolution)
    build_s = time.perf_counter() - t0
    labels = [s.label for s in viewer.states]

    print(f"Karyotype viewer, {len(labels)} presets, {args.resolution}-band level (built in {build_s:.2f} s)\n")
    print(f"{'what':<40} {'bytes':>10} {'gzip':>10}")
    for what, (raw, gz) in sizes(viewer).items():
        flag = "" if raw <= BUDGET_BYTES else f"  over the {BUDGET_BYTES // 1000} KB budget"
        print(f"{what:<40} {raw:>10,} {gz:>10,}{flag}")

    with tempfile.TemporaryDirectory(prefix="lc-karyogram-") as tmp:
        write_page(Path(tmp), viewer)
        server, url = serve(Path(tmp))
        try:
            times, mismatches = switch_times(url, viewer, args.rounds, args.screenshots)
        finally:
            server.shutdown()
            server.server_close()

    print(f"\nSwitch to preset (headless Chromium, {args.rounds} rounds; ms from click)")
    print(f"{'preset':<32} {'afterplot median':>17} {'+frame median':>14} {'+frame max':>11}")
    worst = 0.0
    for label in labels:
        runs = times[label]
        after = [r["afterplot"] for r in runs if r["afterplot"] is not None]
        frame = [r["frame"] for r in runs]
        worst = max(worst, max(frame))
        after_text = f"{statistics.median(after):.1f}" if after else "no event"
        print(f"{label:<32} {after_text:>17} {statistics.median(frame):>14.1f} {max(frame):>11.1f}")
    medians = [statistics.median(r["frame"] for r in times[label]) for label in labels]
    verdict = "within" if max(medians) < BUDGET_MS else "OVER"
    print(f"\nSlowest median switch {max(medians):.1f} ms ({verdict} the {BUDGET_MS:.0f} ms budget); "
          f"slowest single switch {worst:.1f} ms.")
    if mismatches:
        print(f"MISMATCH: after switching to {', '.join(mismatches)} the page differs from figure_at().")
    else:
        print("After every switch the page's shapes, annotations, hover and description match figure_at().")


if __name__ == "__main__":
    main()
