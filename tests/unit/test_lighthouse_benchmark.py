"""benchmarks/lighthouse.py: how it reads Lighthouse's reports, judges the targets and serves the build."""
from __future__ import annotations

import gzip
import importlib.util
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("lcbook_lighthouse_bench", ROOT / "benchmarks" / "lighthouse.py")
lh = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = lh  # dataclasses look their module up there
_spec.loader.exec_module(lh)


def report(perf=0.95, fcp=1200.0, lcp=2000.0, tbt=50.0, cls=0.01, weight=500_000.0, a11y=1.0, bp=1.0,
           errored=()):
    """A minimal Lighthouse JSON report with the fields the benchmark reads."""
    audits = {
        "first-contentful-paint": {"numericValue": fcp, "scoreDisplayMode": "numeric", "score": 1},
        "largest-contentful-paint": {"numericValue": lcp, "scoreDisplayMode": "numeric", "score": 1},
        "total-blocking-time": {"numericValue": tbt, "scoreDisplayMode": "numeric", "score": 1},
        "cumulative-layout-shift": {"numericValue": cls, "scoreDisplayMode": "numeric", "score": 1},
        "total-byte-weight": {"numericValue": weight, "scoreDisplayMode": "numeric", "score": 1},
        "color-contrast": {"scoreDisplayMode": "binary", "score": 0, "title": "Contrast is enough"},
    }
    for audit_id in errored:
        audits[audit_id] = {"scoreDisplayMode": "error", "score": None, "errorMessage": "boom"}
    return {
        "audits": audits,
        "categories": {
            "performance": {"score": perf, "auditRefs": [{"id": "first-contentful-paint", "weight": 10}]},
            "accessibility": {"score": a11y, "auditRefs": [{"id": "color-contrast", "weight": 7}]},
            "best-practices": {"score": bp, "auditRefs": [{"id": a, "weight": 0} for a in errored]},
        },
    }


def test_a_report_gives_scores_out_of_100_and_the_metrics_in_lighthouse_units():
    run = lh.read_report(report(perf=0.874))
    assert run.error is None
    assert run.values == {"perf": 87, "a11y": 100, "bp": 100, "fcp": 1200.0, "lcp": 2000.0, "tbt": 50.0,
                          "cls": 0.01, "bytes": 500_000.0}


def test_an_audit_that_errors_is_listed_not_fatal():
    run = lh.read_report(report(errored=["bf-cache"]))
    assert run.error is None
    assert run.errored_audits == ["bf-cache"]
    assert run.values["perf"] == 95


def test_a_category_without_a_score_is_missing_and_misses_its_target():
    values = lh.read_report(report(bp=None)).values
    assert values["bp"] is None
    assert "bp" in lh.misses(values)


def test_a_runtime_error_is_a_run_without_metrics():
    run = lh.read_report({"runtimeError": {"code": "NO_FCP", "message": "The page did not paint"}})
    assert run.error.startswith("NO_FCP")
    assert lh.medians([run])["perf"] is None


def test_medians_skip_the_runs_that_failed():
    runs = [lh.read_report(report(fcp=f)) for f in (1000.0, 3000.0, 1400.0)] + [lh.Run(error="crash")]
    assert lh.medians(runs)["fcp"] == 1400.0


def test_a_page_at_the_targets_misses_nothing():
    values = lh.read_report(report(perf=0.90, fcp=1800, lcp=2500, tbt=200, cls=0.05, weight=800_000)).values
    assert lh.misses(values) == []


@pytest.mark.parametrize("change, key", [
    ({"perf": 0.89}, "perf"), ({"fcp": 1801}, "fcp"), ({"lcp": 2600}, "lcp"), ({"tbt": 201}, "tbt"),
    ({"cls": 0.06}, "cls"), ({"weight": 800_001}, "bytes"), ({"a11y": 0.99}, "a11y"), ({"bp": 0.96}, "bp"),
])
def test_each_target_is_missed_just_past_it(change, key):
    assert lh.misses(lh.read_report(report(**change)).values) == [key]


def test_the_table_marks_a_missed_median_and_prints_the_targets():
    lines = lh.table([("book/a.html", lh.read_report(report(fcp=2400)).values)])
    row = next(line for line in lines if line.startswith("book/a.html"))
    assert "2.4!" in row and "1.8!" not in row
    assert lines[-1].startswith("target") and "<=1.8" in lines[-1] and ">=90" in lines[-1]


def test_details_list_the_failing_and_errored_audits_worst_first():
    lines = lh.failing_audits(report(errored=["bf-cache"]))
    assert "bf-cache: ERROR" in lines[0]
    assert any("color-contrast: score 0.00" in line for line in lines)


@pytest.mark.parametrize("name", ["book/glossary", "book/glossary.html", "/book/glossary"])
def test_a_page_can_be_named_with_or_without_html(name):
    assert lh.page_path(name) == "book/glossary.html"


def test_the_static_host_gzips_text_and_sends_cache_headers(tmp_path):
    (tmp_path / "page.html").write_text("<p>" + "words " * 200 + "</p>")
    (tmp_path / "app.js").write_text("var x = 1;\n" * 100)
    server, base = lh.serve(tmp_path)
    try:
        request = urllib.request.Request(base + "page.html", headers={"Accept-Encoding": "gzip, br"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert response.headers["Cache-Control"] == "no-cache"
            assert gzip.decompress(response.read()).startswith(b"<p>words")
        with urllib.request.urlopen(base + "app.js") as response:  # no Accept-Encoding: plain bytes
            assert response.headers.get("Content-Encoding") is None
            assert "max-age=31536000" in response.headers["Cache-Control"]
            etag = response.headers["ETag"]
        again = urllib.request.Request(base + "app.js", headers={"If-None-Match": etag})
        with pytest.raises(urllib.error.HTTPError) as not_modified:
            urllib.request.urlopen(again)
        assert not_modified.value.code == 304
    finally:
        server.shutdown()


def test_the_static_host_refuses_paths_outside_its_folder(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "secret.txt").write_text("no")
    server, base = lh.serve(tmp_path / "site")
    try:
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(base + "../secret.txt")
        assert missing.value.code == 404
    finally:
        server.shutdown()


@pytest.fixture
def fake_site(tmp_path, monkeypatch):
    """A built page and a stand-in Lighthouse and Chromium, so main() runs without a browser."""
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "a.html").write_text("<p>a</p>")
    (tmp_path / "tool").write_text("")
    monkeypatch.setattr(lh, "SITE", tmp_path)
    monkeypatch.setattr(lh, "LIGHTHOUSE", tmp_path / "tool")
    monkeypatch.setenv("CHROME_PATH", str(tmp_path / "tool"))
    return tmp_path


def test_strict_exits_1_when_a_page_misses_a_target(fake_site, monkeypatch, capsys):
    monkeypatch.setattr(lh, "run_lighthouse", lambda url, chrome: lh.read_report(report(perf=0.5)))
    assert lh.main(["--pages", "book/a", "--runs", "1", "--strict"]) == 1
    assert lh.main(["--pages", "book/a", "--runs", "1"]) == 0
    assert "missing: book/a.html" in capsys.readouterr().out


def test_a_run_that_crashes_is_reported_and_the_table_still_prints(fake_site, monkeypatch, capsys):
    monkeypatch.setattr(lh, "run_lighthouse", lambda url, chrome: lh.Run(error="Lighthouse gave no report"))
    assert lh.main(["--pages", "book/a", "--runs", "2", "--details"]) == 0
    out = capsys.readouterr().out
    assert "2 of 2 runs gave no metrics" in out and "0 of 1 pages meet every target" in out
    assert "(no report)" in out


def test_a_page_not_in_the_build_gets_a_message_not_a_traceback(fake_site, capsys):
    assert lh.main(["--pages", "book/nope"]) == 2
    assert "Not in the build: book/nope.html" in capsys.readouterr().err
