"""What a reader running the notebooks live gets: friendly errors, live controls, nothing that looks broken."""
from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from IPython.core.formatters import DisplayFormatter

from lcbook.down_syndrome import tam_cascade
from lcbook.errors import FriendlyError
from lcbook.figures.causal import causal_chain
from lcbook.quiz import QuizError, load_quiz
from lcbook.figures.germline import RUN_TO_FILTER, germline_table
from lcbook.selfcheck import RUN_TO_ANSWER, self_check
from lcbook.sphinxext import WIDGET_MIMETYPE, _no_widget_view
from lcbook.widgets import RUN_THIS_CELL, live_controls
from lcbook.widgets.live import live_bundle, register
from lcbook.widgets.sce import sce_simulator
from tests.conftest import ROOT, toc_pages

NOTEBOOKS = [ROOT / f"{p}.ipynb" for p in toc_pages() if (ROOT / f"{p}.ipynb").exists()]


def test_a_friendly_error_shows_only_its_sentence_in_ipython():
    error = FriendlyError("The seed must be a whole number, 0 or more, not -1.")
    assert error._render_traceback_() == ["The seed must be a whole number, 0 or more, not -1."]


def test_a_friendly_error_is_still_a_value_error_for_callers():
    with pytest.raises(ValueError, match="at least 100 newborns"):
        tam_cascade(5)


def test_a_quiz_error_is_a_friendly_error():
    with pytest.raises(FriendlyError):
        load_quiz("Not/A-Quiz")
    assert issubclass(QuizError, FriendlyError)


def test_a_live_widget_saved_without_its_kernel_tells_the_reader_to_run_the_cell():
    assert repr(live_controls(causal_chain())) == RUN_THIS_CELL
    assert sce_simulator()._repr_mimebundle_()["text/plain"] == RUN_THIS_CELL


def test_an_interactive_in_a_kernel_carries_live_controls_beside_its_figure_and_html():
    bundle = live_bundle(causal_chain())
    assert {WIDGET_MIMETYPE, "application/vnd.plotly.v1+json", "text/html", "text/plain"} <= set(bundle)
    assert 'class="lc-controls' in bundle["text/html"]
    assert bundle["text/plain"].endswith(RUN_THIS_CELL)


def test_registering_the_live_view_makes_ipython_show_every_interactive_with_controls():
    formatter = DisplayFormatter()
    assert register(SimpleNamespace(display_formatter=formatter))
    data, _ = formatter.format(causal_chain())
    assert WIDGET_MIMETYPE in data and "text/html" in data


def test_the_book_never_picks_the_widget_view():
    config = SimpleNamespace(nb_mime_priority_overrides=[])
    _no_widget_view(None, config)
    _no_widget_view(None, config)
    assert config.nb_mime_priority_overrides.count(("html", WIDGET_MIMETYPE, None)) == 1


def test_a_self_check_has_no_form_to_submit_and_its_buttons_are_plain_buttons():
    page = self_check("landing").to_html()
    assert "<form" not in page and 'type="submit"' not in page
    assert page.count('<button type="button" class="lc-check"') == len(load_quiz("landing").questions)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_opens_with_a_running_this_page_live_note_under_its_title(path: Path):
    cells = nbformat.read(path, as_version=4).cells
    assert cells[0].source.startswith("# ")
    assert cells[1].get("id") == "live-note" and cells[1].cell_type == "markdown"
    # Folded on the web page (one line to open), where it is not what a reader there needs first.
    assert re.match(r"```\{admonition\} Running this page live\n:class: note dropdown\n", cells[1].source)
    assert "Run All" in cells[1].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_notebook_repeats_a_figure_as_a_separate_live_controls_cell(path: Path):
    sources = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert not any("live_controls(" in s for s in sources)


def test_a_self_check_says_to_run_its_cell_where_its_script_has_not_run():
    page = self_check("landing").to_html()
    assert f'<p class="lc-run-hint">{RUN_TO_ANSWER}</p>' in page
    assert '.lc-selfcheck .lc-run-hint' in page  # its script removes the hint where it runs


def test_the_germline_table_says_no_row_matches_only_when_its_script_finds_none():
    page = germline_table().to_html()
    assert '<p class="lc-gene-none" hidden></p>' in page
    assert f'<p class="lc-run-hint">{RUN_TO_FILTER}</p>' in page


def test_the_book_hides_the_run_this_cell_hints():
    css = (ROOT / "lcbook" / "static" / "lcbook.css").read_text()
    assert ".lc-run-hint { display: none; }" in css


def _binder_requirements() -> list[str]:
    lines = (ROOT / "binder" / "requirements.txt").read_text().splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


def test_binder_pins_the_same_run_time_packages_as_the_book_and_installs_lcbook():
    root = {ln.split("==")[0]: ln for ln in (ROOT / "requirements.txt").read_text().splitlines() if "==" in ln}
    binder = _binder_requirements()
    assert "-e ." in binder
    for line in binder:
        if line != "-e .":
            name = line.split("==")[0]
            assert "==" in line and (name not in root or root[name] == line), line
    assert {"jupyterlab", "jupyterlab-myst"} <= {ln.split("==")[0] for ln in binder}


def test_binder_installs_no_test_or_build_tools_and_uses_the_books_python():
    names = {ln.split("==")[0].lower() for ln in _binder_requirements()}
    assert names.isdisjoint({"pytest", "playwright", "hypothesis", "jupyter-book", "nbval", "axe-playwright-python"})
    assert (ROOT / "binder" / "runtime.txt").read_text() == (ROOT / "runtime.txt").read_text()
