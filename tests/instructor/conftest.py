"""Fixtures for the two builds: the learner site (_build/html) and the instructor edition (_build/instructor)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from lcbook.guide import load_guide_data
from tests.conftest import ROOT

LEARNER = ROOT / "_build" / "html"
INSTRUCTOR = ROOT / "_build" / "instructor"

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-", "\u00a0": " ", "\u2026": "..."})


def plain(text: str) -> str:
    """Text as a reader sees it, for comparing: no tags, entities decoded, plain quotes, one space."""
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(html.unescape(text).translate(_QUOTES).split())


def words(text: str) -> str:
    """Text with plain quotes, dashes and one space between words (tags and entities left alone)."""
    return " ".join(text.translate(_QUOTES).split())


def squash(text: str, markup: bool = True) -> str:
    """Only the letters and digits of a text (HTML tags dropped), lower-cased: markup-blind comparison.

    With ``markup=False`` the text is plain (a PDF's): nothing in angle brackets is taken for a tag.
    """
    if markup:
        text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"[\W_]+", "", text.translate(_QUOTES)).lower()


def answer_passages(answer: str, min_words: int = 8) -> list[str]:
    """An answer's own wording: its text between citations and page links, squashed (see ``squash``).

    A glossary link keeps its words; a citation or a page link becomes a break, as the built page
    writes other words for it. Passages shorter than ``min_words`` are too common to be the answer's,
    unless the answer has no longer one (then its longest passage of three words or more stands).
    """
    text = re.sub(r"\{term\}`([^`<]*?)\s*(?:<[^`]*>)?`", r"\1", answer)
    text = re.sub(r"\{[a-z:]+\}`[^`]*`", "|", text)
    parts = sorted(text.split("|"), key=lambda part: len(part.split()), reverse=True)
    long = [squash(part) for part in parts if len(part.split()) >= min_words]
    return long or [squash(part) for part in parts[:1] if len(part.split()) >= 3]


def guide_answers() -> list[tuple[str, int, str]]:
    """Every "Try this" answer of guide.yaml: (page, number, answer)."""
    return [(page, n, answer) for page, entry in load_guide_data()["pages"].items()
            for n, answer in enumerate(entry.get("try_this_answers", []), start=1)]


@pytest.fixture(scope="session")
def answers() -> dict[str, list[str]]:
    """Every "Try this" answer of guide.yaml, by page, as its squashed passages."""
    guide = load_guide_data()
    return {page: [f for a in entry.get("try_this_answers", []) for f in answer_passages(a)]
            for page, entry in guide["pages"].items()}


def built(path: Path, what: str) -> Path:
    if not path.exists():
        pytest.fail(f"No {what} in {path.relative_to(ROOT)}: run 'make instructor' (make test does).", pytrace=False)
    return path


@pytest.fixture(scope="session")
def learner_site() -> Path:
    return built(LEARNER / "index.html", "learner build").parent


@pytest.fixture(scope="session")
def instructor_site() -> Path:
    return built(INSTRUCTOR / "html" / "index.html", "instructor edition").parent


@pytest.fixture(scope="session")
def lms_dir() -> Path:
    return built(INSTRUCTOR / "lms" / "README.md", "LMS export").parent
