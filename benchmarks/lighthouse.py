"""Lighthouse's mobile audit of every built page: a table of medians against the targets (not a test).

    make lighthouse                                        # every page, 3 runs each
    make lighthouse LIGHTHOUSE_ARGS="--pages book/glossary book/down_syndrome --runs 1"
    .venv/bin/python benchmarks/lighthouse.py --pages book/glossary --details
    .venv/bin/python benchmarks/lighthouse.py --strict     # exit 1 when a page misses a target

The current `_build/html` is served on 127.0.0.1 the way a static host does (gzip content encoding,
cache headers, 304s), and Lighthouse (pinned in benchmarks/package.json; `npm ci --prefix benchmarks`)
audits each page with Debian's Chromium, mobile preset (its default simulated throttling). Targets
(issue 11): performance >= 90, FCP <= 1.8 s, LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.05,
<= 0.8 MB transferred (xfer: Lighthouse's total-byte-weight, the bytes on the wire, in 1000-byte KB),
accessibility 100, best practices 100. A '!' marks a median that misses. Audits that Lighthouse itself
fails to compute (12.2.3 with a newer Chromium errors in some diagnostics) are listed, not fatal.
"""
from __future__ import annotations

import argparse
import email.utils
import gzip
import http.server
import json
import mimetypes
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "_build" / "html"
LIGHTHOUSE = ROOT / "benchmarks" / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
RUN_TIMEOUT_S = 240


@dataclass(frozen=True)
class Metric:
    """One column of the table: where Lighthouse keeps it, how it is shown, and its target."""

    name: str
    unit: str
    target: float
    higher_is_better: bool
    scale: float = 1.0
    digits: int = 0

    def show(self, value: float | None) -> str:
        """The value as the table prints it ('-' when no run produced it)."""
        return "-" if value is None else f"{value / self.scale:.{self.digits}f}"

    def meets(self, value: float | None) -> bool:
        """Whether a value reaches the target (a missing value never does)."""
        if value is None:
            return False
        return value >= self.target if self.higher_is_better else value <= self.target

    def target_text(self) -> str:
        """The target as the table's last line prints it."""
        return f"{'>=' if self.higher_is_better else '<='}{self.show(self.target)}"


METRICS: dict[str, Metric] = {
    "perf": Metric("perf", "score", 90, True),
    "fcp": Metric("FCP", "s", 1800, False, 1000, 1),
    "lcp": Metric("LCP", "s", 2500, False, 1000, 1),
    "tbt": Metric("TBT", "ms", 200, False),
    "cls": Metric("CLS", "", 0.05, False, 1, 3),
    "bytes": Metric("xfer", "KB", 800_000, False, 1000),
    "a11y": Metric("a11y", "score", 100, True),
    "bp": Metric("best-pr", "score", 100, True),
}
AUDIT_OF = {
    "fcp": "first-contentful-paint",
    "lcp": "largest-contentful-paint",
    "tbt": "total-blocking-time",
    "cls": "cumulative-layout-shift",
    "bytes": "total-byte-weight",
}
CATEGORY_OF = {"perf": "performance", "a11y": "accessibility", "bp": "best-practices"}


# ---------------------------------------------------------------------------------------------
# A static host on 127.0.0.1
# ---------------------------------------------------------------------------------------------
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/wasm")


class StaticHost(http.server.BaseHTTPRequestHandler):
    """Serves a folder as a static host does: gzip when asked, cache headers, 304 on revalidation."""

    root: Path = SITE
    _gzipped: dict[tuple[Path, float], bytes] = {}
    _lock = threading.Lock()
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # quiet: the table is the output
        pass

    def _resolve(self) -> Path | None:
        path = unquote(urlsplit(self.path).path)
        target = (self.root / path.lstrip("/")).resolve()
        if not target.is_relative_to(self.root.resolve()):
            return None
        if target.is_dir():
            target = target / "index.html"
        return target if target.is_file() else None

    def _body(self, target: Path, mtime: float, ctype: str) -> tuple[bytes, bool]:
        raw = target.read_bytes()
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and ctype.startswith(COMPRESSIBLE)) or len(raw) < 256:
            return raw, False
        key = (target, mtime)
        with self._lock:
            if key not in self._gzipped:
                self._gzipped[key] = gzip.compress(raw, 6)
            return self._gzipped[key], True

    def _respond(self, send_body: bool) -> None:
        target = self._resolve()
        if target is None:
            body = b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)
            return
        mtime = target.stat().st_mtime
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype == "application/javascript":
            ctype += "; charset=utf-8"
        etag = f'"{int(mtime * 1000):x}-{target.stat().st_size:x}"'
        html = ctype.startswith("text/html")
        # HTML revalidates on every visit; assets (named with ?v=digest by Sphinx) are cached for a year.
        cache = "no-cache" if html else "public, max-age=31536000"
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", cache)
            self.end_headers()
            return
        body, gzipped = self._body(target, mtime, ctype)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(mtime, usegmt=True))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("X-Content-Type-Options", "nosniff")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's names)
        self._respond(True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(False)


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start the static host on a free port of 127.0.0.1; return it and its base URL."""
    handler = type("Host", (StaticHost,), {"root": root, "_gzipped": {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---------------------------------------------------------------------------------------------
# Lighthouse runs and their medians
# ---------------------------------------------------------------------------------------------
@dataclass
class Run:
    """What one Lighthouse run of one page gave: the metrics, or why it gave none."""

    values: dict[str, float | None] = field(default_factory=dict)
    error: str | None = None
    errored_audits: list[str] = field(default_factory=list)
    report: dict | None = None


def read_report(report: dict) -> Run:
    """The table's metrics from a Lighthouse JSON report; audits that errored are listed, not fatal."""
    if report.get("runtimeError"):
        err = report["runtimeError"]
        return Run(error=f"{err.get('code')}: {err.get('message', '')[:200]}", report=report)
    audits = report.get("audits", {})
    values: dict[str, float | None] = {}
    for key, category in CATEGORY_OF.items():
        score = report.get("categories", {}).get(category, {}).get("score")
        values[key] = None if score is None else round(score * 100)
    for key, audit_id in AUDIT_OF.items():
        audit = audits.get(audit_id, {})
        values[key] = None if audit.get("scoreDisplayMode") == "error" else audit.get("numericValue")
    errored = sorted(a for a, v in audits.items() if v.get("scoreDisplayMode") == "error")
    return Run(values=values, errored_audits=errored, report=report)


def run_lighthouse(url: str, chrome: str) -> Run:
    """One Lighthouse run of a URL, mobile preset; a crash or timeout becomes Run.error."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices",
            f"--chrome-flags={CHROME_FLAGS}",
        ]
        env = {**os.environ, "CHROME_PATH": chrome}
        try:
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            return Run(error=f"Lighthouse took longer than {RUN_TIMEOUT_S} s")
        if not out.exists():
            last = (proc.stderr.strip().splitlines() or [f"exit status {proc.returncode}"])[-1]
            return Run(error=f"Lighthouse gave no report: {last[:200]}")
        try:
            report = json.loads(out.read_text())
        except json.JSONDecodeError as exc:
            return Run(error=f"Lighthouse's report is not JSON: {exc}")
    return read_report(report)


def medians(runs: list[Run]) -> dict[str, float | None]:
    """The median of each metric over the runs that produced it."""
    result: dict[str, float | None] = {}
    for key in METRICS:
        got = [r.values[key] for r in runs if r.error is None and r.values.get(key) is not None]
        result[key] = statistics.median(got) if got else None
    return result


def misses(values: dict[str, float | None]) -> list[str]:
    """The metrics whose median misses its target."""
    return [key for key, metric in METRICS.items() if not metric.meets(values.get(key))]


def median_run(runs: list[Run]) -> Run | None:
    """The run whose performance score is the median one (the one --details shows)."""
    good = sorted((r for r in runs if r.error is None), key=lambda r: r.values.get("perf") or 0)
    return good[(len(good) - 1) // 2] if good else None


def failing_audits(report: dict) -> list[str]:
    """Lines naming each audit of the three categories that does not pass, worst first."""
    audits = report.get("audits", {})
    lines: list[tuple[float, str]] = []
    for category in CATEGORY_OF.values():
        for ref in report.get("categories", {}).get(category, {}).get("auditRefs", []):
            audit = audits.get(ref["id"], {})
            mode, score = audit.get("scoreDisplayMode"), audit.get("score")
            if mode == "error":
                lines.append((-1, f"  {category:<15} {ref['id']}: ERROR {audit.get('errorMessage', '')[:120]}"))
            elif mode in ("binary", "numeric", "metricSavings") and score is not None and score < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                weight = f" weight {ref.get('weight', 0):g}" if ref.get("weight") else ""
                lines.append((score, f"  {category:<15} {ref['id']}: score {score:.2f}{weight}"
                                     f"{shown} - {audit.get('title', '')}"))
    return [text for _, text in sorted(lines, key=lambda x: x[0])]


# ---------------------------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------------------------
def all_pages() -> list[str]:
    """Every page of the table of contents, as built HTML paths."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import toc_pages

    return [f"{p}.html" for p in toc_pages()]


def page_path(name: str) -> str:
    """'book/glossary', 'book/glossary.html' or '/book/glossary.html' -> 'book/glossary.html'."""
    name = name.strip().lstrip("/")
    return name if name.endswith(".html") else f"{name}.html"


def table(rows: list[tuple[str, dict[str, float | None]]]) -> list[str]:
    """The printed table: a row per page, '!' after a median that misses its target."""
    width = max([len("page")] + [len(p) for p, _ in rows])
    head = "  ".join(f"{m.name:>8}" for m in METRICS.values())
    units = "  ".join(f"{('(' + m.unit + ')') if m.unit else '':>8}" for m in METRICS.values())
    lines = [f"{'page'.ljust(width)}  {head}", f"{''.ljust(width)}  {units}"]
    for page, values in rows:
        cells = []
        for key, metric in METRICS.items():
            mark = " " if metric.meets(values.get(key)) else "!"
            cells.append(f"{metric.show(values.get(key)) + mark:>8}")
        lines.append(f"{page.ljust(width)}  {'  '.join(cells)}")
    lines.append(f"{'target'.ljust(width)}  " + "  ".join(f"{m.target_text() + ' ':>8}" for m in METRICS.values()))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+", metavar="PAGE",
                        help="pages to audit, e.g. book/glossary (default: every page of _toc.yml)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses a target")
    parser.add_argument("--details", action="store_true",
                        help="print the audits that do not pass, for each page (from its median run)")
    args = parser.parse_args(argv)

    if args.runs < 1:
        parser.error("--runs needs at least 1")
    if not (SITE / "index.html").exists() and not any(SITE.glob("book/*.html")):
        print(f"No built chapter in {SITE}: run `make html` first.", file=sys.stderr)
        return 2
    if not LIGHTHOUSE.exists():
        print("Lighthouse is not installed: run `npm ci --prefix benchmarks` (or `make lighthouse`).",
              file=sys.stderr)
        return 2
    chrome = os.environ.get("CHROME_PATH") or os.environ.get("LCBOOK_CHROMIUM") or "/usr/bin/chromium"
    if not Path(chrome).exists():
        print(f"No Chromium at {chrome}: install it (apt-get install -y chromium) or set CHROME_PATH.",
              file=sys.stderr)
        return 2
    pages = [page_path(p) for p in args.pages] if args.pages else all_pages()
    missing = [p for p in pages if not (SITE / p).is_file()]
    if missing:
        print(f"Not in the build: {', '.join(missing)} (pages look like book/glossary).", file=sys.stderr)
        return 2

    server, base = serve(SITE)
    rows: list[tuple[str, dict[str, float | None]]] = []
    notes: list[str] = []
    details: list[str] = []
    benchmark_index: list[float] = []
    start = time.perf_counter()
    try:
        for page in pages:
            runs: list[Run] = []
            for i in range(args.runs):
                t0 = time.perf_counter()
                run = run_lighthouse(base + page, chrome)
                took = time.perf_counter() - t0
                state = f"error: {run.error}" if run.error else f"perf {run.values.get('perf')}"
                print(f"  {page} run {i + 1}/{args.runs}: {state} ({took:.0f} s)", file=sys.stderr, flush=True)
                runs.append(run)
                if run.report:
                    index = run.report.get("environment", {}).get("benchmarkIndex")
                    if index:
                        benchmark_index.append(index)
            failed = [r.error for r in runs if r.error]
            if failed:
                notes.append(f"{page}: {len(failed)} of {len(runs)} runs gave no metrics ({failed[0]})")
            errored = sorted({a for r in runs for a in r.errored_audits})
            if errored:
                notes.append(f"{page}: audits that errored in Lighthouse (left out, not counted as "
                             f"failures): {', '.join(errored)}")
            rows.append((page, medians(runs)))
            if args.details:
                best = median_run(runs)
                details.append(f"{page}:")
                details.extend(failing_audits(best.report) if best and best.report else ["  (no report)"])
    finally:
        server.shutdown()
    elapsed = time.perf_counter() - start

    print(f"Lighthouse 12 mobile (simulated throttling), medians of {args.runs} run(s) a page, "
          f"{os.cpu_count()} cores, {elapsed:.0f} s")
    print("\n".join(table(rows)))
    if benchmark_index:
        print(f"Chromium benchmark index (Lighthouse's CPU speed estimate): median "
              f"{statistics.median(benchmark_index):.0f}, range {min(benchmark_index):.0f}-"
              f"{max(benchmark_index):.0f}; on a loaded machine the timings are noisy.")
    for note in notes:
        print("note:", note)
    if details:
        print("\nAudits that do not pass (median run):")
        print("\n".join(details))
    short = [page for page, values in rows if misses(values)]
    print(f"{len(rows) - len(short)} of {len(rows)} pages meet every target"
          + (f"; missing: {', '.join(short)}" if short else ""))
    return 1 if args.strict and short else 0


if __name__ == "__main__":
    sys.exit(main())
