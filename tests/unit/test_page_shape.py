"""Every page follows the chapter's page shape and has a valid self-check."""
from __future__ import annotations

import json
import re

import pytest

from lcbook.quiz import load_quiz
from tests.conftest import ROOT, toc_pages

NOTEBOOKS = [p for p in toc_pages() if (ROOT / f"{p}.ipynb").exists()]
SECTIONS = ("## Overview", "## Prerequisites", "## Self-check", "## Summary", "## References")


def _cells(page):
    return json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf-8"))["cells"]


def _markdown(page):
    return "\n".join("".join(c["source"]) for c in _cells(page) if c["cell_type"] == "markdown")


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_page_has_the_sections_of_the_page_shape_in_order(page):
    text = _markdown(page)
    positions = [text.find(s) for s in SECTIONS]
    assert all(p >= 0 for p in positions), dict(zip(SECTIONS, positions))
    assert positions == sorted(positions)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_page_states_three_to_five_numbered_learning_objectives(page):
    overview = _markdown(page).split("## Overview")[1].split("## Prerequisites")[0]
    assert 3 <= len(re.findall(r"^\d+\. ", overview, flags=re.M)) <= 5


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_page_gives_a_time_to_learn(page):
    assert "**Time to learn:**" in _markdown(page)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_page_self_check_exists_with_enough_questions(page):
    code = "\n".join("".join(c["source"]) for c in _cells(page) if c["cell_type"] == "code")
    quiz_id = re.search(r'self_check\("([a-z0-9-]+)"\)', code).group(1)
    minimum = 3 if page == "book/intro" else 4
    assert len(load_quiz(quiz_id).questions) >= minimum


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_page_has_a_try_this_after_its_interactives(page):
    assert "Try this" in _markdown(page)


@pytest.mark.parametrize("page", NOTEBOOKS)
def test_code_cells_a_learner_sees_are_short(page):
    for c in _cells(page):
        if c["cell_type"] == "code" and "remove-cell" not in c.get("metadata", {}).get("tags", []):
            assert len("".join(c["source"]).splitlines()) <= 8
