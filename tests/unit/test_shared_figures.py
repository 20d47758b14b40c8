"""A figure that appears on several pages reads the same on each: data/shared_figures.yaml."""
from __future__ import annotations

import json

import pytest

from lcbook.data import read_yaml
from lcbook.down_syndrome import tam_cascade
from tests.conftest import ROOT

FIGURES = read_yaml("shared_figures.yaml")


def _text(relative: str) -> str:
    """What a reader sees from a file: a notebook's markdown cells, or a data file's text."""
    path = ROOT / relative
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def _chapter_texts() -> dict[str, str]:
    files = sorted((ROOT / "book").glob("*.ipynb")) + sorted((ROOT / "data" / "quizzes").glob("*.yaml"))
    files += [ROOT / "data" / "glossary.yaml", ROOT / "data" / "guide" / "guide.yaml",
              ROOT / "lcbook" / "down_syndrome.py"]
    return {str(p.relative_to(ROOT)): _text(str(p.relative_to(ROOT))) for p in files}


@pytest.mark.parametrize("figure", FIGURES, ids=[f["id"] for f in FIGURES])
def test_every_place_that_gives_a_shared_figure_uses_its_one_wording(figure):
    for place in figure["appears_in"]:
        text = _text(place)
        for words in figure["wording"]:
            assert words in text, f"{place} gives {figure['id']} without {words!r}"


@pytest.mark.parametrize("figure", FIGURES, ids=[f["id"] for f in FIGURES])
def test_no_retired_wording_of_a_shared_figure_survives_anywhere(figure):
    for place, text in _chapter_texts().items():
        for old in figure.get("retired", []):
            assert old not in text, f"{place} still says {old!r} ({figure['id']})"


def test_every_shared_figure_names_a_source_in_the_bibliography():
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    for figure in FIGURES:
        for key in figure["source"].split(";"):
            assert "{" + key.strip() + "," in bib, (figure["id"], key)


def test_a_figure_with_a_denominator_states_it_where_it_is_used():
    for figure in FIGURES:
        if "denominator" in figure:
            assert str(figure["denominator"]) in figure["wording"] and f"{figure['numerator']} of" in figure["wording"]


def test_the_tam_cascade_takes_its_proportions_from_the_shared_figures():
    by = {f["id"]: f for f in FIGURES}
    steps = {s.key: s for s in tam_cascade(1000)}
    assert steps["tam"].count == round(1000 * by["tam-newborns"]["value"])
    assert steps["mlds"].count == round(steps["tam"].count * by["tam-to-ml-ds"]["value"])
    assert "29 of 146" in steps["mlds"].meaning
