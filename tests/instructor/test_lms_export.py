"""The self-checks exported for an LMS: every quiz of data/quizzes/, every question, choice and feedback.

The files written by `make instructor` are parsed as an LMS would read them; a few tests also convert
quizzes in memory (lcbook.lms), so that odd characters in a future question are covered.
"""
from __future__ import annotations

import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from lcbook import lms
from lcbook.quiz import load_quiz, parse_quiz, quiz_ids
from tests.conftest import ROOT
from tests.instructor.conftest import words

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"


def html_text(fragment: str | None) -> str:
    """The text an LMS shows for an HTML fragment."""
    return words(html.unescape(re.sub(r"<[^>]+>", "", fragment or "")))


def qti_items(data: bytes) -> dict[str, ET.Element]:
    """The questions of a QTI zip, by title (the question id); every XML file in it must parse."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
        names = [n for n in z.namelist() if n.endswith(".xml")]
        trees = {n: ET.fromstring(z.read(n)) for n in names}
    assert "imsmanifest.xml" in trees
    (assessment,) = [t for t in trees.values() if t.tag == f"{QTI}questestinterop"]
    return {item.get("title"): item for item in assessment.iter(f"{QTI}item")}


def check_qti_item(item: ET.Element, question) -> None:
    texts = {}
    for label in item.iter(f"{QTI}response_label"):
        texts[label.get("ident")] = html_text(label.find(f".//{QTI}mattext").text)
    feedback = {fb.get("ident"): html_text(fb.find(f".//{QTI}mattext").text) for fb in item.iter(f"{QTI}itemfeedback")}
    prompt = html_text(item.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text)
    assert prompt == words(question.prompt)
    by_text = {t: ident for ident, t in texts.items()}
    assert sorted(by_text) == sorted(words(c.text) for c in question.choices)
    scored = [c.find(f".//{QTI}varequal").text for c in item.iter(f"{QTI}respcondition")
              if (s := c.find(f"{QTI}setvar")) is not None and s.text == "100"]
    assert scored == [by_text[words(question.answer.text)]]
    for choice in question.choices:
        assert feedback[by_text[words(choice.text)] + "_fb"] == words(choice.feedback)


def check_moodle(xml_text: str, quiz) -> None:
    root = ET.fromstring(xml_text)
    (category,) = root.findall("question[@type='category']")
    assert quiz.title.split("/")[0].strip() in category.findtext("category/text")
    questions = {q.findtext("name/text"): q for q in root.findall("question[@type='multichoice']")}
    assert sorted(questions) == sorted(q.id for q in quiz.questions)
    for question in quiz.questions:
        node = questions[question.id]
        assert html_text(node.findtext("questiontext/text")) == words(question.prompt)
        assert node.findtext("single") == "true"
        answers = {html_text(a.findtext("text")): a for a in node.findall("answer")}
        assert sorted(answers) == sorted(words(c.text) for c in question.choices)
        for choice in question.choices:
            answer = answers[words(choice.text)]
            assert answer.get("fraction") == ("100" if choice.correct else "0")
            assert html_text(answer.findtext("feedback/text")) == words(choice.feedback)


def gift_questions(text: str) -> dict[str, list[tuple[str, str, str]]]:
    """GIFT questions by name: (mark '=' or '~', choice, feedback), escapes undone."""
    unescape = lambda s: words(re.sub(r"\\(.)", r"\1", s))  # noqa: E731
    found = {}
    for name, body in re.findall(r"^::((?:[^:\\]|\\.)+)::.*?\{\n(.*?)\n\}", text, re.S | re.M):
        choices = []
        for line in body.splitlines():
            m = re.match(r"\t([=~])((?:[^#\\]|\\.)*)#(.*)$", line)
            assert m, f"not a GIFT choice: {line!r}"
            choices.append((m.group(1), unescape(m.group(2)), unescape(m.group(3))))
        found[unescape(name)] = choices
    return found


def check_gift(text: str, quiz) -> None:
    questions = gift_questions(text)
    assert sorted(questions) == sorted(q.id for q in quiz.questions)
    for question in quiz.questions:
        expected = sorted(("=" if c.correct else "~", words(c.text), words(c.feedback)) for c in question.choices)
        assert sorted(questions[question.id]) == expected


@pytest.mark.parametrize("quiz_id", quiz_ids())
def test_each_quiz_has_a_canvas_zip_that_holds_every_question_choice_and_feedback(lms_dir, quiz_id):
    quiz = load_quiz(quiz_id)
    items = qti_items((lms_dir / "canvas" / f"{quiz_id}.zip").read_bytes())
    assert sorted(items) == sorted(q.id for q in quiz.questions)
    for question in quiz.questions:
        check_qti_item(items[question.id], question)


@pytest.mark.parametrize("quiz_id", quiz_ids())
def test_each_quiz_has_moodle_xml_that_holds_every_question_choice_and_feedback(lms_dir, quiz_id):
    check_moodle((lms_dir / "moodle" / f"{quiz_id}.xml").read_text(encoding="utf-8"), load_quiz(quiz_id))


@pytest.mark.parametrize("quiz_id", quiz_ids())
def test_each_quiz_has_gift_that_holds_every_question_choice_and_feedback(lms_dir, quiz_id):
    check_gift((lms_dir / "gift" / f"{quiz_id}.gift.txt").read_text(encoding="utf-8"), load_quiz(quiz_id))


def test_the_export_holds_only_the_quizzes_there_are_and_says_how_to_import_them(lms_dir):
    for folder, suffix in (("canvas", ".zip"), ("moodle", ".xml"), ("gift", ".gift.txt")):
        assert sorted(p.name.removesuffix(suffix) for p in (lms_dir / folder).iterdir()) == sorted(quiz_ids())
    readme = (lms_dir / "README.md").read_text(encoding="utf-8")
    assert "QTI .zip file" in readme and "Moodle XML format" in readme and "GIFT format" in readme


def test_the_guide_says_how_to_import_into_canvas_and_moodle():
    guide = (ROOT / "book" / "instructor_guide.md").read_text(encoding="utf-8")
    for step in ("make instructor", "_build/instructor/lms/", "*QTI .zip file*", "*Moodle XML format*", "*GIFT format*"):
        assert step in guide


AWKWARD = parse_quiz("awkward", {"title": "Odd: signs / marks", "questions": [{
    "id": "signs", "prompt": "Is $5 < 3 * 2_b {x} [y] #z ~w =v: ok?",
    "choices": [
        {"text": "- starts like a list & has <b>tags</b>", "correct": True, "feedback": "1. starts like a list; a\\b"},
        {"text": "# starts like a heading", "feedback": "> starts like a quote ~ = # { } :"},
    ]}]})


def test_markup_characters_in_a_question_reach_canvas_as_plain_text():
    items = qti_items(lms.qti_zip(AWKWARD))
    check_qti_item(items["signs"], AWKWARD.questions[0])


def test_markup_characters_in_a_question_reach_moodle_and_gift_as_plain_text():
    check_moodle(lms.moodle_xml(AWKWARD), AWKWARD)
    check_gift(lms.gift(AWKWARD), AWKWARD)
