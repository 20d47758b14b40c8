"""Two builds from one source: the learner site holds no answer key, the instructor edition every one."""
from __future__ import annotations

from lcbook.guide import ANSWER_KEYS_END, ANSWER_KEYS_START
from tests.conftest import ROOT
from tests.instructor.conftest import answer_passages, guide_answers, plain, squash

# Every file a reader's browser can fetch from the site, or search: pages, scripts, the search index,
# the page sources (_sources), the downloads and the data files that come with them.
TEXT_SUFFIXES = {".html", ".js", ".json", ".txt", ".md", ".ipynb", ".xml", ".css", ".svg", ".inv", ".py"}


def site_text(site) -> dict[str, str]:
    texts = {}
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in TEXT_SUFFIXES:
            texts[str(path.relative_to(site))] = squash(path.read_text(encoding="utf-8", errors="ignore"))
    return texts


def test_every_try_this_answer_has_wording_of_its_own_to_look_for():
    unsearchable = [(page, n) for page, n, answer in guide_answers() if not answer_passages(answer)]
    assert not unsearchable, f"answers too short to recognise in a build: {unsearchable}"


def test_no_answer_key_text_appears_anywhere_in_the_learner_build(learner_site, answers):
    texts = site_text(learner_site)
    assert any(name.startswith("_sources") for name in texts) and "searchindex.js" in texts
    leaks = [(page, fragment, name) for page, fragments in answers.items() for fragment in fragments
             for name, text in texts.items() if fragment in text]
    assert not leaks, "answer keys in the learner build:\n" + "\n".join(f"{p}: {f[:60]!r} in {n}" for p, f, n in leaks[:10])


def test_the_guide_page_source_holds_no_answer_key(answers):
    source = squash((ROOT / "book" / "instructor_guide.md").read_text(encoding="utf-8"))
    assert not [f for fragments in answers.values() for f in fragments if f in source]
    assert ANSWER_KEYS_START in (ROOT / "book" / "instructor_guide.md").read_text(encoding="utf-8")


def test_the_learner_guide_says_where_the_answer_keys_are(learner_site):
    page = plain((learner_site / "book" / "instructor_guide.html").read_text(encoding="utf-8"))
    assert "make instructor" in page and "instructor edition" in page
    assert ANSWER_KEYS_START not in page and ANSWER_KEYS_END not in page


def test_the_instructor_guide_holds_every_answer(instructor_site, answers):
    page = squash((instructor_site / "book" / "instructor_guide.html").read_text(encoding="utf-8"))
    missing = [(p, f) for p, fragments in answers.items() for f in fragments if f not in page]
    assert not missing, f"{len(missing)} answer fragments missing, first: {missing[:3]}"


def test_every_page_of_the_instructor_edition_says_it_is_the_instructor_edition(instructor_site):
    pages = list((instructor_site / "book").glob("*.html"))
    unmarked = [p.name for p in pages if "lc-instructor-banner" not in p.read_text(encoding="utf-8")]
    assert not unmarked
    assert "lc-instructor-banner" not in (ROOT / "_build" / "html" / "book" / "intro.html").read_text(encoding="utf-8")
