"""The self-check quizzes (data/quizzes/) in the formats learning management systems import.

- ``text2qti_source``: the quiz as text2qti's plain text, which text2qti turns into a QTI 1.2 zip
  for Canvas (``qti_zip``);
- ``moodle_xml``: Moodle's question-bank XML, one category per quiz;
- ``gift``: GIFT text (Moodle and other LMSs).

Every format keeps each choice's feedback. Choices are written in the order the pages show them
(``lcbook.quiz.display_order``), so the correct one is not always first where an LMS does not shuffle.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lcbook.quiz import Quiz, display_order

__all__ = ["CATEGORY", "text2qti_source", "qti_zip", "moodle_xml", "gift"]

#: The question-bank category every quiz goes under (Moodle, GIFT).
CATEGORY = "Why does leukemia cutis happen?"

# Characters that Markdown (text2qti's input) or text2qti itself (``$`` starts LaTeX) would read as
# markup anywhere, escaped with a backslash; ``<`` (raw HTML) becomes an entity; and what would start
# a list, heading or quote at the start of a text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]$])")
_MARKDOWN_START = re.compile(r"^([-+#>]|\d+[.)])")


def _md(text: str) -> str:
    """Plain text escaped for text2qti's Markdown, on one line."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split())).replace("<", "&lt;")
    return _MARKDOWN_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], text)


def _plain(text: str) -> str:
    """Plain text on one line (text2qti does not read titles as Markdown)."""
    return " ".join(text.split())


def text2qti_source(quiz: Quiz) -> str:
    """The quiz in text2qti's plain-text format, with feedback for every choice."""
    lines = [f"Quiz title: {_plain(quiz.title)}",
             f"Quiz description: Self-check from the chapter \u201c{_md(CATEGORY)}\u201d.",
             "Shuffle answers: true", ""]
    for n, question in enumerate(quiz.questions, start=1):
        lines.append(f"Title: {question.id}")
        lines.append(f"{n}.  {_md(question.prompt)}")
        for letter, choice in zip("abcdefghijklmnopqrstuvwxyz", display_order(quiz.id, question)):
            mark = "*" if choice.correct else ""
            lines.append(f"{mark}{letter}) {_md(choice.text)}")
            lines.append(f"... {_md(choice.feedback)}")
        lines.append("")
    return "\n".join(lines)


def qti_zip(quiz: Quiz) -> bytes:
    """The quiz as a QTI 1.2 zip that Canvas imports, made by text2qti."""
    from text2qti.config import Config
    from text2qti.qti import QTI
    from text2qti.quiz import Quiz as QtiQuiz

    # Config() without .load(): text2qti's defaults, and no config file written to the home folder.
    parsed = QtiQuiz(text2qti_source(quiz), config=Config(), source_name=f"{quiz.id}.txt")
    return QTI(parsed).zip_bytes()


def _category(title: str) -> str:
    """A quiz title as one level of a category path (a slash would start a new level)."""
    return " ".join(title.replace("/", "-").split())


def _text(parent: ET.Element, tag: str, value: str, html: bool = False) -> ET.Element:
    node = ET.SubElement(parent, tag, {"format": "html"} if html else {})
    ET.SubElement(node, "text").text = value
    return node


def _html(text: str) -> str:
    from html import escape

    return f"<p>{escape(' '.join(text.split()))}</p>"


def moodle_xml(quiz: Quiz) -> str:
    """The quiz as Moodle XML: a category named after it, then one single-answer question each."""
    root = ET.Element("quiz")
    category = ET.SubElement(root, "question", {"type": "category"})
    _text(category, "category", f"$course$/top/{CATEGORY}/{_category(quiz.title)}")
    for question in quiz.questions:
        q = ET.SubElement(root, "question", {"type": "multichoice"})
        _text(q, "name", question.id)
        _text(q, "questiontext", _html(question.prompt), html=True)
        _text(q, "generalfeedback", "", html=True)
        ET.SubElement(q, "defaultgrade").text = "1"
        ET.SubElement(q, "penalty").text = "0"
        ET.SubElement(q, "hidden").text = "0"
        ET.SubElement(q, "idnumber").text = f"{quiz.id}/{question.id}"
        ET.SubElement(q, "single").text = "true"
        ET.SubElement(q, "shuffleanswers").text = "true"
        ET.SubElement(q, "answernumbering").text = "abc"
        for choice in display_order(quiz.id, question):
            answer = ET.SubElement(q, "answer", {"fraction": "100" if choice.correct else "0", "format": "html"})
            ET.SubElement(answer, "text").text = _html(choice.text)
            _text(answer, "feedback", _html(choice.feedback), html=True)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def _gift(text: str) -> str:
    return _GIFT_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def gift(quiz: Quiz) -> str:
    """The quiz as GIFT text: a category line, then one question with per-choice feedback each."""
    lines = [f"// {quiz.title} (generated from data/quizzes/{quiz.id}.yaml)",
             f"$CATEGORY: $course$/top/{CATEGORY}/{_category(quiz.title)}", ""]
    for question in quiz.questions:
        lines.append(f"::{_gift(question.id)}:: {_gift(question.prompt)} {{")
        for choice in display_order(quiz.id, question):
            lines.append(f"\t{'=' if choice.correct else '~'}{_gift(choice.text)} #{_gift(choice.feedback)}")
        lines += ["}", ""]
    return "\n".join(lines)
