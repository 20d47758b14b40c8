"""The instructor guide, generated from the pages themselves and data/guide/guide.yaml.

What the pages say (their learning objectives, "Try this" questions, self-check questions, time to
learn) is read from the notebooks and quizzes, so the guide stays true when a page changes; what
only an instructor needs (the map from objectives to questions, timings, a lesson plan, discussion
questions, answer keys) comes from guide.yaml. ``check_guide`` says what is missing or stale.

The guide page in the book (the learner build) holds no answer key: between the two
``ANSWER_KEYS_*`` comment lines it says where the keys are, and the instructor edition
(``lcbook.instructor``) puts ``answer_keys_markdown`` there instead.
"""
from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

from lcbook.data import read_yaml
from lcbook.quiz import load_quiz

__all__ = ["PageFacts", "read_page", "chapter_pages", "check_guide", "guide_markdown", "answer_keys_markdown",
           "with_answer_keys", "ANSWER_KEYS_START", "ANSWER_KEYS_END"]

#: MyST comment lines around the answer-key section of the guide page (they render as nothing).
ANSWER_KEYS_START = "% lcbook: answer keys start"
ANSWER_KEYS_END = "% lcbook: answer keys end"

#: What the learner build says in place of the answer keys.
LEARNER_ANSWER_NOTE = (
    "The answers to the pages' \"Try this\" questions are not on this public site, so that students "
    "cannot read them here. They are in the **instructor edition** of the chapter: clone the repository "
    "and run `make instructor`, then open `_build/instructor/html/book/instructor_guide.html`. The same "
    "command writes the self-check questions for your learning management system (see below)."
)


@dataclass(frozen=True)
class PageFacts:
    """What one page offers a class: title, objectives, "Try this" questions, quiz ids, time to learn."""

    page: str
    title: str
    objectives: tuple[str, ...]
    try_this: tuple[str, ...]
    quiz_ids: tuple[str, ...]
    time_to_learn: str


def _unwrap(text: str) -> str:
    return " ".join(text.split())


def _numbered(block: str) -> tuple[str, ...]:
    items = re.split(r"^\d+\.\s+", block.strip(), flags=re.M)
    return tuple(_unwrap(i) for i in items if i.strip())


def read_page(notebook: Path, page: str) -> PageFacts:
    """The facts an instructor needs from one notebook page."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    md = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    title = re.search(r"^# (.+)$", md, re.M).group(1).strip()
    overview = md.split("## Overview", 1)[1].split("## Prerequisites", 1)[0]
    numbered = overview[re.search(r"^1\.\s", overview, re.M).start():]
    objectives = _numbered(numbered)
    try_this: list[str] = []
    for block in re.findall(r"```\{admonition\} Try this\n(?::class:[^\n]*\n)?(.*?)```", md, re.S):
        try_this.extend(_numbered(block))
    quiz_ids = tuple(re.findall(r'self_check\("([a-z0-9-]+)"\)', code))
    time = re.search(r"\*\*Time to learn:\*\*\s*([^\n]+)", md)
    return PageFacts(page, title, objectives, tuple(try_this), quiz_ids,
                     time.group(1).strip().rstrip(".") if time else "")


def chapter_pages(root: Path) -> list[PageFacts]:
    """The facts of every notebook page in the book at ``root``, in the order of its _toc.yml."""
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    names = [toc["root"]] + [c["file"] for c in toc["chapters"]]
    return [read_page(root / f"{n}.ipynb", n) for n in names if (root / f"{n}.ipynb").exists()]


def check_guide(pages: list[PageFacts], guide: dict) -> list[str]:
    """Everything the guide data lacks or gets wrong for these pages (empty when the guide is complete)."""
    problems = []
    known = {p.page for p in pages}
    for name in guide.get("pages", {}):
        if name not in known:
            problems.append(f"guide.yaml describes {name}, which is not a page of the chapter")
    total = sum(step["minutes"] for step in guide.get("lesson_plan", []))
    if total != 50:
        problems.append(f"the lesson plan takes {total} minutes, not 50")
    for p in pages:
        entry = guide.get("pages", {}).get(p.page)
        if entry is None:
            problems.append(f"{p.page}: no entry in guide.yaml")
            continue
        mapping = entry.get("objectives", {})
        question_ids = {q.id for qid in p.quiz_ids for q in load_quiz(qid).questions}
        for i in range(1, len(p.objectives) + 1):
            row = mapping.get(i) or {}
            if not row.get("questions") and not row.get("activities"):
                problems.append(f"{p.page}: objective {i} is mapped to no question or activity")
            for q in row.get("questions", []):
                if q not in question_ids:
                    problems.append(f"{p.page}: objective {i} names question {q!r}, not in the page's self-check")
        if len(mapping) > len(p.objectives):
            problems.append(f"{p.page}: guide maps {len(mapping)} objectives, the page has {len(p.objectives)}")
        answers = entry.get("try_this_answers", [])
        if len(answers) != len(p.try_this):
            problems.append(f"{p.page}: {len(p.try_this)} 'Try this' questions but {len(answers)} answers")
        if not entry.get("discussion"):
            problems.append(f"{p.page}: no discussion question")
    return problems


def _escape_cell(text: str) -> str:
    return text.replace("|", "\\|")


def guide_markdown(pages: list[PageFacts], guide: dict, template: str) -> str:
    """The instructor guide page: the template's prose with the generated tables and answer keys."""
    problems = check_guide(pages, guide)
    if problems:
        raise ValueError("The instructor guide is incomplete:\n- " + "\n- ".join(problems))
    timing = ["| Page | Time to learn (self-study) | In class |", "|---|---|---|"]
    for p in pages:
        entry = guide["pages"][p.page]
        timing.append(f"| {{doc}}`{p.page.split('/')[-1]}` | {p.time_to_learn} | {_escape_cell(entry['in_class'])} |")
    plan = ["| Minutes | Activity |", "|---|---|"]
    start = 0
    for step in guide["lesson_plan"]:
        plan.append(f"| {start}-{start + step['minutes']} | {_escape_cell(step['activity'])} |")
        start += step["minutes"]
    objectives, discussion = [], []
    for p in pages:
        entry = guide["pages"][p.page]
        prompts = {q.id: q.prompt for qid in p.quiz_ids for q in load_quiz(qid).questions}
        name = p.page.split("/")[-1]
        objectives += [f"### {p.title}", "", f"The page: {{doc}}`{name}`. \"Try this\" questions are numbered as on the page.",
                       "", "| Objective | Self-check questions | Activities |", "|---|---|---|"]
        for i, text in enumerate(p.objectives, start=1):
            row = entry["objectives"].get(i, {})
            qs = "<br>".join(_escape_cell(f"\u201c{prompts[q]}\u201d") for q in row.get("questions", []))
            acts = "<br>".join(_escape_cell(a) for a in row.get("activities", []))
            objectives.append(f"| {i}. {_escape_cell(text)} | {qs} | {acts} |")
        objectives.append("")
        discussion += [f"**{{doc}}`{name}`**", ""] + [f"- {d}" for d in entry["discussion"]] + [""]
    answers = "\n".join([ANSWER_KEYS_START, "", LEARNER_ANSWER_NOTE, "", ANSWER_KEYS_END])
    return (template
            .replace("{{TIMING_TABLE}}", "\n".join(timing))
            .replace("{{LESSON_PLAN}}", "\n".join(plan))
            .replace("{{OBJECTIVES}}", "\n".join(objectives).rstrip())
            .replace("{{DISCUSSION}}", "\n".join(discussion).rstrip())
            .replace("{{ANSWERS}}", answers))


def answer_keys_markdown(pages: list[PageFacts], guide: dict) -> str:
    """The answer keys of every page's "Try this" questions, one folded admonition a page (instructor edition)."""
    answers = ["The answers are folded: open one when you need it.", ""]
    for p in pages:
        entry = guide["pages"][p.page]
        if p.try_this:
            answers += [f"````{{admonition}} {p.title}: answers", ":class: dropdown", ""]
            for i, (q, a) in enumerate(zip(p.try_this, entry.get("try_this_answers", [])), start=1):
                answers += [f"{i}. *{q}*", "", f"   {a}", ""]
            answers += ["````", ""]
    return "\n".join(answers).rstrip()


def with_answer_keys(page_source: str, keys: str) -> str:
    """The guide page's source with its answer-key section replaced by ``keys``."""
    start, end = page_source.find(ANSWER_KEYS_START), page_source.find(ANSWER_KEYS_END)
    if start < 0 or end < start:
        raise ValueError("The guide page has no answer-key section: run 'python tools/guide.py build'.")
    return page_source[:start] + keys + page_source[end + len(ANSWER_KEYS_END):]


def load_guide_data() -> dict:
    """data/guide/guide.yaml, with objective numbers as integers."""
    guide = copy.deepcopy(read_yaml("guide", "guide.yaml"))
    for entry in guide.get("pages", {}).values():
        entry["objectives"] = {int(k): v for k, v in (entry.get("objectives") or {}).items()}
    return guide
