"""The instructor edition's pieces: answer keys put into the guide page, the banner on each page."""
from __future__ import annotations

import pytest

from lcbook.guide import (ANSWER_KEYS_END, ANSWER_KEYS_START, answer_keys_markdown, chapter_pages,
                          load_guide_data, with_answer_keys)
from lcbook.instructor import BANNER, add_banner
from tests.conftest import ROOT


def test_the_answer_keys_hold_every_page_with_try_this_questions_and_number_them_as_the_page_does():
    pages = chapter_pages(ROOT)
    keys = answer_keys_markdown(pages, load_guide_data())
    for p in pages:
        if p.try_this:
            assert f"{p.title}: answers" in keys
            assert f"{len(p.try_this)}. *{p.try_this[-1]}*" in keys


def test_the_keys_replace_the_note_between_the_markers_and_nothing_else():
    source = f"before\n{ANSWER_KEYS_START}\nthe note\n{ANSWER_KEYS_END}\nafter"
    assert with_answer_keys(source, "KEYS") == "before\nKEYS\nafter"


def test_a_guide_page_without_the_markers_is_a_friendly_error():
    with pytest.raises(ValueError, match="python tools/guide.py build"):
        with_answer_keys("# Instructor guide\n", "KEYS")


def test_the_banner_goes_at_the_top_of_the_article_once():
    page = '<html><body><article class="bd-article">\n<h1>T</h1></article></body></html>'
    marked = add_banner(page)
    assert marked.index(BANNER) < marked.index("<h1>")
    assert add_banner(marked) == marked
