"""Self-check questions: stored as data, validated, and shown without giving the answer away."""
from __future__ import annotations

import base64
import json

import pytest

from lcbook.quiz import QuizError, load_quiz, parse_quiz, quiz_ids
from lcbook.selfcheck import SelfCheck, self_check


def _raw(**overrides):
    q = {
        "id": "q1",
        "prompt": "Which?",
        "choices": [
            {"text": "Right", "correct": True, "feedback": "Yes."},
            {"text": "Wrong", "feedback": "No: that is the misconception."},
        ],
    }
    q.update(overrides)
    return {"questions": [q]}


@pytest.mark.parametrize("quiz_id", quiz_ids())
def test_every_stored_quiz_is_valid(quiz_id):
    quiz = load_quiz(quiz_id)
    assert len(quiz.questions) >= 3


@pytest.mark.parametrize("quiz_id", quiz_ids())
def test_every_wrong_answer_explains_itself_at_some_length(quiz_id):
    for q in load_quiz(quiz_id).questions:
        for c in q.choices:
            if not c.correct:
                assert len(c.feedback) >= 40, (q.id, c.text)


def test_a_question_with_two_correct_choices_is_refused():
    raw = _raw()
    raw["questions"][0]["choices"][1]["correct"] = True
    with pytest.raises(QuizError, match="exactly one correct"):
        parse_quiz("t", raw)


def test_a_choice_without_feedback_is_refused_with_a_hint():
    raw = _raw()
    del raw["questions"][0]["choices"][1]["feedback"]
    with pytest.raises(QuizError, match="name the misconception"):
        parse_quiz("t", raw)


def test_duplicate_question_ids_are_refused():
    raw = _raw()
    raw["questions"].append(raw["questions"][0])
    with pytest.raises(QuizError, match="used twice"):
        parse_quiz("t", raw)


def test_a_quiz_name_with_a_path_in_it_is_refused():
    with pytest.raises(QuizError, match="not a quiz name"):
        load_quiz("../secrets")


def test_the_answer_is_not_in_the_page_text_before_answering():
    page = SelfCheck(parse_quiz("t", _raw())).to_html()
    assert "misconception" not in page and "Yes." not in page


def test_the_encoded_key_decodes_to_each_choices_feedback():
    page = SelfCheck(parse_quiz("t", _raw())).to_html()
    encoded = page.split('data-lc-key="')[1].split('"')[0]
    key = json.loads(base64.b64decode(encoded))
    expected = [{"c": True, "f": "Yes."}, {"c": False, "f": "No: that is the misconception."}]
    assert sorted(key, key=lambda k: k["f"]) == sorted(expected, key=lambda k: k["f"])


def test_every_choice_is_a_labelled_radio_button_in_a_fieldset():
    page = SelfCheck(parse_quiz("t", _raw())).to_html()
    assert page.count('type="radio"') == 2
    assert page.count("<label for=") == 2
    assert "<fieldset><legend>1. Which?</legend>" in page


def test_question_text_cannot_inject_html():
    page = SelfCheck(parse_quiz("t", _raw(prompt="<script>alert(1)</script>"))).to_html()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)" in page


def test_self_check_loads_the_landing_quiz():
    assert self_check("landing").quiz.questions[0].id == "definition"


def test_a_page_shows_choices_in_a_shuffled_order_that_is_the_same_in_every_build():
    from lcbook.quiz import display_order, load_quiz, quiz_ids

    positions = []
    for quiz_id in quiz_ids():
        for q in load_quiz(quiz_id).questions:
            shown = display_order(quiz_id, q)
            assert sorted(c.text for c in shown) == sorted(c.text for c in q.choices)
            assert shown == display_order(quiz_id, q)
            positions.append(next(i for i, c in enumerate(shown) if c.correct))
    # Authors write the correct choice first; on the page it must not sit in one place.
    assert len(set(positions)) >= 3
    assert positions.count(0) < len(positions) / 2


def test_the_feedback_key_follows_the_shown_order():
    import base64
    import json
    import re

    from lcbook.quiz import display_order, load_quiz
    from lcbook.selfcheck import self_check

    html = self_check("landing").to_html()
    first = load_quiz("landing").questions[0]
    key = json.loads(base64.b64decode(re.search(r'data-lc-key="([^"]+)"', html).group(1)))
    assert [k["c"] for k in key] == [c.correct for c in display_order("landing", first)]
