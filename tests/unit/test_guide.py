"""The instructor guide covers every page and stays true to the pages it describes."""
from __future__ import annotations

import sys

import pytest

from lcbook.guide import PageFacts, check_guide, load_guide_data
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import guide as guide_tool  # noqa: E402


@pytest.fixture(scope="module")
def pages():
    return guide_tool.chapter_pages()


def test_the_guide_maps_every_objective_answers_every_try_this_and_plans_fifty_minutes(pages):
    assert check_guide(pages, load_guide_data()) == []


def test_the_guide_page_is_generated_from_the_pages_and_the_guide_data():
    page = (ROOT / "book" / "instructor_guide.md").read_text(encoding="utf-8")
    assert page == guide_tool.render(), "run: python tools/guide.py build"


def test_every_chapter_page_is_in_the_guide(pages):
    text = (ROOT / "book" / "instructor_guide.md").read_text(encoding="utf-8")
    for p in pages:
        assert f"{{doc}}`{p.page.split('/')[-1]}`" in text


def test_an_unmapped_objective_and_a_missing_answer_are_reported():
    page = PageFacts("book/x", "X", ("one", "two"), ("q?",), (), "about 5 minutes")
    guide = {"lesson_plan": [{"minutes": 50, "activity": "a"}],
             "pages": {"book/x": {"in_class": "", "objectives": {1: {"activities": ["viewer"]}},
                                  "discussion": ["d"], "try_this_answers": []}}}
    problems = check_guide([page], guide)
    assert "book/x: objective 2 is mapped to no question or activity" in problems
    assert "book/x: 1 'Try this' questions but 0 answers" in problems


def test_a_lesson_plan_that_is_not_fifty_minutes_is_reported():
    assert "the lesson plan takes 45 minutes, not 50" in check_guide([], {"lesson_plan": [{"minutes": 45}]})
