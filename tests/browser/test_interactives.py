"""The client-side controls and self-checks respond in the static page, with no kernel."""
from __future__ import annotations

import json

import pytest

from tests.conftest import toc_pages

PAGES = [p + ".html" for p in toc_pages()]


def _figure_state(page, figure):
    """The drawn figure's data and layout, as plotly.js holds them (canonical JSON: keys sorted)."""
    raw = page.evaluate(
        "fig => { const gd = document.getElementById(fig.dataset.lcFigure);"
        " return JSON.stringify({data: gd.data, layout: gd.layout}); }",
        figure,
    )
    return json.dumps(json.loads(raw), sort_keys=True)


def _state_count(page, figure) -> int:
    """How many states the figure's data holds (its own script in the built book, read once drawn)."""
    return page.evaluate(
        "fig => { const gd = document.getElementById(fig.dataset.lcFigure);"
        " const data = (window.lcbookFigures || {})[gd.dataset.lcData];"
        " return data ? data.states.length : JSON.parse(fig.querySelector('script.lc-states').textContent).length; }",
        figure,
    )


@pytest.mark.parametrize("path", PAGES)
def test_every_control_changes_its_figure(visit, path):
    page = visit(path).page
    for figure in page.query_selector_all("figure.lc-interactive"):
        buttons = figure.query_selector_all("button.lc-state-button")
        sliders = figure.query_selector_all("input[type=range]")
        seen = {_figure_state(page, figure)}
        for button in buttons:
            if button.get_attribute("aria-pressed") == "true":
                continue
            before = _figure_state(page, figure)
            button.click()
            after = _figure_state(page, figure)
            assert after != before, f"clicking {button.inner_text()!r} did not change the figure"
            assert button.get_attribute("aria-pressed") == "true"
            seen.add(after)
        for slider in sliders:
            top = int(slider.get_attribute("max"))
            for value in range(top + 1):
                slider.fill(str(value))
                seen.add(_figure_state(page, figure))
        if buttons or sliders:  # a figure with controls: each state draws something different
            assert len(seen) == _state_count(page, figure)


def test_landing_route_button_highlights_the_route_and_explains_it(visit):
    page = visit("book/intro.html").page
    page.get_by_role("button", name="Familial predisposition").click()
    description = page.locator(".lc-state-description").first.inner_text()
    assert "Familial predisposition" in description
    assert "RUNX1" in description


def test_landing_route_buttons_work_from_the_keyboard(visit):
    page = visit("book/intro.html").page
    button = page.get_by_role("button", name="Genetic syndromes")
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-pressed") == "true"
    assert "Genetic syndromes" in page.locator(".lc-state-description").first.inner_text()


@pytest.mark.parametrize("path", PAGES)
def test_self_check_gives_feedback_on_a_wrong_and_on_a_right_answer(visit, path):
    page = visit(path).page
    for question in page.query_selector_all(".lc-question"):
        feedback = question.query_selector(".lc-feedback")
        assert feedback.inner_text().strip() == "", "feedback is visible before answering"
        radios = question.query_selector_all("input[type=radio]")
        outcomes = {}
        for radio in radios:
            radio.check()
            question.query_selector("button.lc-check").click()
            outcomes[feedback.get_attribute("data-result")] = feedback.inner_text()
        assert set(outcomes) == {"right", "wrong"}
        assert outcomes["right"].startswith("Correct.")
        assert outcomes["wrong"].startswith("Not quite.")
        assert len(outcomes["wrong"]) > len("Not quite. ") + 20


def test_self_check_asks_for_a_choice_before_checking(visit):
    page = visit("book/intro.html").page
    question = page.query_selector(".lc-question")
    question.query_selector("button.lc-check").click()
    assert question.query_selector(".lc-feedback").inner_text() == "Choose an answer first."


def test_self_check_answers_from_the_keyboard(visit):
    page = visit("book/intro.html").page
    first = page.query_selector(".lc-question input[type=radio]")
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # out of the radio group, onto "Check answer"
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    text = page.query_selector(".lc-question .lc-feedback").inner_text()
    assert text.startswith(("Correct.", "Not quite."))
