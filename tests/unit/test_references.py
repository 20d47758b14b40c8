"""Every citation in the book resolves, and the book's bibliography holds only what it cites."""
from __future__ import annotations

import re

from tests.conftest import ROOT

CITE = re.compile(r"\{(?:foot)?cite(?::\w+)?\}`([^`]+)`")


def _cited() -> set[str]:
    keys: set[str] = set()
    for path in list((ROOT / "book").rglob("*.ipynb")) + list((ROOT / "book").rglob("*.md")):
        if "_build" in path.parts:
            continue
        for m in CITE.finditer(path.read_text(encoding="utf-8")):
            keys.update(k.strip() for k in m.group(1).split(","))
    return keys


def _bib_keys() -> set[str]:
    text = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    return set(re.findall(r"^@\w+\{([^,]+),", text, flags=re.M))


def test_every_cited_key_is_in_the_books_bibliography():
    assert _cited() - _bib_keys() == set()


def test_the_books_bibliography_holds_only_cited_entries():
    assert _bib_keys() - _cited() == set()


def test_no_page_uses_outdated_terms():
    for path in (ROOT / "book").rglob("*.ipynb"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"retardation|mongol", text, re.I), path


def test_pubmed_ids_use_the_field_the_bibliography_turns_into_links():
    # pybtex links `pubmed = {...}` to PubMed; a `pmid` field would be shown as nothing at all.
    text = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    assert not re.search(r"^\s*pmid\s*=", text, flags=re.M | re.I)


def test_every_entry_has_an_author_and_a_year():
    text = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    for key, body in re.findall(r"^@\w+\{([^,]+),(.*?)^\}", text, flags=re.M | re.S):
        assert re.search(r"^\s*(author|editor)\s*=", body, re.M), f"{key} has no author or editor"
        assert re.search(r"^\s*year\s*=", body, re.M), f"{key} has no year"
