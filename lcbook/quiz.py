"""Self-check questions: kept as data in data/quizzes/, validated here, shown by lcbook.selfcheck."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lcbook.data import data_dir, read_yaml
from lcbook.errors import FriendlyError

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class QuizError(FriendlyError):
    """A quiz file that a page cannot show; the message says what to fix in which file."""


@dataclass(frozen=True)
class Choice:
    """One answer a learner can pick, and what they are told when they pick it."""

    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    """A multiple-choice question with exactly one correct answer."""

    id: str
    prompt: str
    choices: tuple[Choice, ...]

    @property
    def answer(self) -> Choice:
        """The correct choice."""
        return next(c for c in self.choices if c.correct)


@dataclass(frozen=True)
class Quiz:
    """A page's self-check: an id (its file name) and its questions."""

    id: str
    title: str
    questions: tuple[Question, ...]


def parse_quiz(quiz_id: str, raw: object) -> Quiz:
    """Check a quiz read from YAML and return it, or raise QuizError naming the problem."""
    where = f"data/quizzes/{quiz_id}.yaml"
    if not isinstance(raw, dict) or not isinstance(raw.get("questions"), list) or not raw["questions"]:
        raise QuizError(f"{where}: expected a mapping with a non-empty 'questions' list.")
    questions, seen = [], set()
    for n, q in enumerate(raw["questions"], start=1):
        if not isinstance(q, dict):
            raise QuizError(f"{where}: question {n} is not a mapping.")
        qid = str(q.get("id", ""))
        if not _ID.match(qid):
            raise QuizError(f"{where}: question {n} needs an 'id' of lower-case letters, digits and hyphens.")
        if qid in seen:
            raise QuizError(f"{where}: question id {qid!r} is used twice.")
        seen.add(qid)
        prompt = q.get("prompt")
        if not isinstance(prompt, str) or not prompt.strip():
            raise QuizError(f"{where}: question {qid!r} has no prompt.")
        raw_choices = q.get("choices")
        if not isinstance(raw_choices, list) or len(raw_choices) < 2:
            raise QuizError(f"{where}: question {qid!r} needs at least two choices.")
        choices = []
        for m, c in enumerate(raw_choices, start=1):
            if not isinstance(c, dict) or not isinstance(c.get("text"), str) or not c["text"].strip():
                raise QuizError(f"{where}: question {qid!r}, choice {m} has no text.")
            feedback = c.get("feedback")
            if not isinstance(feedback, str) or not feedback.strip():
                raise QuizError(
                    f"{where}: question {qid!r}, choice {m} has no feedback; every answer needs one "
                    "(for a wrong answer, name the misconception)."
                )
            correct = c.get("correct", False)
            if not isinstance(correct, bool):
                raise QuizError(f"{where}: question {qid!r}, choice {m}: 'correct' must be true or false.")
            choices.append(Choice(text=c["text"].strip(), correct=correct, feedback=feedback.strip()))
        if sum(c.correct for c in choices) != 1:
            raise QuizError(f"{where}: question {qid!r} must have exactly one correct choice.")
        questions.append(Question(id=qid, prompt=prompt.strip(), choices=tuple(choices)))
    title = raw.get("title", "Self-check")
    return Quiz(id=quiz_id, title=str(title), questions=tuple(questions))


def load_quiz(quiz_id: str) -> Quiz:
    """The quiz stored in data/quizzes/<quiz_id>.yaml."""
    if not _ID.match(quiz_id):
        raise QuizError(f"{quiz_id!r} is not a quiz name: use lower-case letters, digits and hyphens.")
    return parse_quiz(quiz_id, read_yaml("quizzes", f"{quiz_id}.yaml"))


def quiz_ids() -> tuple[str, ...]:
    """The names of every quiz in data/quizzes/."""
    return tuple(sorted(p.stem for p in (data_dir() / "quizzes").glob("*.yaml")))


def display_order(quiz_id: str, question: Question) -> tuple[Choice, ...]:
    """A question's choices in the order a page shows them: shuffled, the same way in every build.

    Authors write the correct choice first; showing it there would give the answer away. The order
    comes from a hash of the quiz and question ids, so two builds write the same page.
    """
    import hashlib
    import random

    seed = int.from_bytes(hashlib.sha256(f"{quiz_id}/{question.id}".encode("utf-8")).digest()[:8], "big")
    choices = list(question.choices)
    random.Random(seed).shuffle(choices)
    return tuple(choices)
