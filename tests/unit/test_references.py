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


# --- Every reference can be checked by a reader: who wrote it and where to find it ----------------

#: Words that mark an entry, or a page, as not yet checked against its source.
CHECKING_FLAGS = re.compile(
    r"authors? not checked|not re-?checked|not checked|\bunchecked\b|title (?:wording )?approximate"
    r"|--\s*verify|source book not identified|unofficial (?:web )?cop(?:y|ies)",
    re.I,
)

#: Hosts of unofficial copies of copyrighted books and papers: cite the publisher's edition instead.
UNOFFICIAL_HOSTS = (
    "mussenhealth.us", "basicmedicalkey.com", "americorpshealth.biz", "daneshyari.com", "kikoxp.com",
    "oncohemakey.com", "scribd.com", "pdfslide.net", "fdokumen.com", "vdocuments", "dokumen.pub",
)

IDENTIFIER = re.compile(r"^\s*(doi|pubmed|isbn|url)\s*=|\\url\{https?://", re.M | re.I)


def _entries() -> list[tuple[str, str, str]]:
    text = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    return re.findall(r"^@(\w+)\{([^,]+),(.*?)^\}", text, flags=re.M | re.S)


def test_every_entry_names_its_people_authors_or_editors():
    for _, key, body in _entries():
        people = re.search(r"^\s*(author|editor)\s*=\s*\{(.*?)\},?\s*$", body, re.M | re.S)
        assert people, f"{key} names no author or editor"
        assert "," in people.group(2) or people.group(2).startswith("{"), f"{key}: write authors as 'Surname, Given'"


def test_every_entry_has_a_doi_pmid_isbn_or_official_url():
    for _, key, body in _entries():
        assert IDENTIFIER.search(body), f"{key} has no DOI, PMID, ISBN or URL"


def test_every_journal_article_gives_its_journal_and_volume_or_an_identifier_that_finds_it():
    for kind, key, body in _entries():
        if kind.lower() != "article":
            continue
        assert re.search(r"^\s*journal\s*=", body, re.M), f"{key} has no journal"
        assert re.search(r"^\s*(volume|doi|url)\s*=", body, re.M), f"{key} has neither a volume nor a DOI/URL"


def test_no_entry_is_flagged_as_unchecked():
    for _, key, body in _entries():
        assert not CHECKING_FLAGS.search(body), f"{key}: {CHECKING_FLAGS.search(body).group(0)!r}"


def test_no_entry_points_at_an_unofficial_copy():
    for _, key, body in _entries():
        for host in UNOFFICIAL_HOSTS:
            assert host not in body, f"{key} points at {host}; cite the publisher's edition"


def _page_sources() -> list[tuple[str, str]]:
    """What the built pages are made from: the notebooks' cells, the Markdown pages, the data files."""
    import json

    sources = []
    for path in sorted((ROOT / "book").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        sources.append((str(path.relative_to(ROOT)), "\n".join("".join(c["source"]) for c in cells)))
    for path in [*sorted((ROOT / "book").glob("*.md")), *sorted((ROOT / "data").rglob("*.csv")),
                 *sorted((ROOT / "data").rglob("*.yaml"))]:
        sources.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    return sources


def test_no_page_source_prints_a_checking_flag():
    # Saved notebook outputs are left out: the build executes the notebooks again.
    for path, text in _page_sources():
        found = CHECKING_FLAGS.search(text)
        assert not found, f"{path}: {text[max(0, found.start() - 80):found.end()]!r}"
        for host in UNOFFICIAL_HOSTS:
            assert host not in text, f"{path} links {host}"


def test_no_built_page_prints_a_checking_flag():
    html_dir = ROOT / "_build" / "html"
    pages = sorted(html_dir.rglob("*.html")) if html_dir.is_dir() else []
    import pytest

    if not pages:
        pytest.skip("the book is not built (make html)")
    newest_source = max(p.stat().st_mtime for p in [ROOT / "book" / "references.bib",
                                                      *(ROOT / "book").glob("*.ipynb"), *(ROOT / "data").rglob("*")])
    if (html_dir / "index.html").stat().st_mtime < newest_source:
        pytest.skip("the built pages are older than their sources (make html)")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = CHECKING_FLAGS.search(text)
        assert not found, f"{page.relative_to(html_dir)}: {text[max(0, found.start() - 80):found.end()]!r}"


def test_two_works_with_one_author_year_label_get_a_and_b():
    from lcbook.sphinxext import distinct_labels

    labels = ["Hasle et al. 2000", "Makishima et al. 2023", "Makishima et al. 2023", "Wang et al. 2019"]
    assert distinct_labels(labels) == ["Hasle et al. 2000", "Makishima et al. 2023a", "Makishima et al. 2023b",
                                       "Wang et al. 2019"]


def _built_pages():
    import pytest

    html_dir = ROOT / "_build" / "html" / "book"
    pages = sorted(html_dir.glob("*.html")) if html_dir.is_dir() else []
    if not pages:
        pytest.skip("the book is not built (make html)")
    return {p.stem: p.read_text(encoding="utf-8") for p in pages}


def test_the_citations_in_the_text_carry_the_bibliographys_a_and_b():
    pages = _built_pages()
    familial = pages["familial"]
    assert "Makishima <em>et al.</em>, 2023a" in familial and "Makishima <em>et al.</em>, 2023b" in familial
    assert not re.search(r"Makishima <em>et al\.</em>, 2023</a>", familial)


def test_an_author_list_ending_in_others_is_cited_as_et_al():
    for name, text in _built_pages().items():
        assert not re.search(r">[A-Z][\w-]* and others, \d{4}<", text), name
