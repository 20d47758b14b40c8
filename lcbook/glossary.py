"""The chapter's glossary (data/glossary.yaml): the glossary page, and links from each page's first use.

A term counts as used where one of its aliases appears as a whole word in a page's prose: not in a
heading, code, a role or directive line, a link, or HTML. Acronyms (all capitals) match only in
capitals. ``link_first_uses`` wraps the first use of every term on a page in a ``{term}`` role; a
page that is fully linked is left unchanged, which is what the tests check.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lcbook.data import read_yaml

__all__ = ["Term", "load_glossary", "glossary_markdown", "link_first_uses", "linked_terms"]


@dataclass(frozen=True)
class Term:
    """One glossary entry: its heading, the words that count as a use, and its definition."""

    term: str
    aliases: tuple[str, ...]
    definition: str


def load_glossary() -> tuple[Term, ...]:
    """The glossary entries from data/glossary.yaml, in alphabetical order."""
    entries = read_yaml("glossary.yaml")
    terms = []
    for entry in entries:
        aliases = tuple(entry.get("aliases") or ())
        if not aliases:
            raise ValueError(f"The glossary entry {entry['term']!r} has no aliases: add the words a page uses.")
        terms.append(Term(entry["term"], aliases, " ".join(entry["definition"].split())))
    return tuple(sorted(terms, key=lambda t: t.term.lower()))


def glossary_markdown(terms: tuple[Term, ...]) -> str:
    """The glossary page (MyST Markdown) for these entries."""
    lines = [
        "# Glossary",
        "",
        "The key terms of the chapter, in alphabetical order. On every page, the first use of each term",
        "links here. Sources are listed in the {doc}`bibliography`.",
        "",
        "```{glossary}",
        ":sorted:",
        "",
    ]
    for t in terms:
        lines += [t.term, f"  {t.definition}", ""]
    lines += ["```", ""]
    return "\n".join(lines)


# Spans of a Markdown cell where a word is not prose a term link may go into.
_PROTECTED = re.compile(
    r"`[^`\n]*`"  # code and roles ({cite:p}`...`, {term}`...`, {doc}`...`)
    r"|\[[^\]\n]*\]\([^)\n]*\)"  # Markdown links
    r"|<[^>\n]+>"  # HTML tags
    r"|\$[^$\n]+\$"  # inline maths
    r"|^\s*#.*$"  # headings
    r"|^\s*```.*$"  # fences and directive lines
    r"|^\s*:[\w-]+:.*$"  # directive options
    , re.M,
)
_TERM_ROLE = re.compile(r"\{term\}`(?:[^`<]*<([^>`]+)>|([^`]+))`")


def _pattern(alias: str) -> re.Pattern[str]:
    flags = 0 if alias.isupper() else re.I
    return re.compile(r"(?<![\w/-])" + re.escape(alias) + r"(?![\w/-])", flags)


def linked_terms(text: str) -> set[str]:
    """The glossary terms (lower case) that a text already links with a {term} role."""
    return {(m.group(1) or m.group(2)).strip().lower() for m in _TERM_ROLE.finditer(text)}


def _free_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _PROTECTED.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = max(start, m.end())
    spans.append((start, len(text)))
    return spans


def _first_use(cells: list[str], term: Term) -> tuple[int, int, int] | None:
    """(cell index, start, end) of the first use of a term in prose, or None."""
    patterns = [_pattern(a) for a in sorted(term.aliases, key=len, reverse=True)]
    for i, text in enumerate(cells):
        best = None
        for lo, hi in _free_spans(text):
            for p in patterns:
                m = p.search(text, lo, hi)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), m.end())
            if best:
                return i, best[0], best[1]
    return None


def link_first_uses(cells: list[str], terms: tuple[Term, ...]) -> list[str]:
    """The Markdown cells of one page with the first use of every glossary term linked to it."""
    cells = list(cells)
    for term in terms:
        if term.term.lower() in linked_terms("\n".join(cells)):
            continue
        found = _first_use(cells, term)
        if found is None:
            continue
        i, start, end = found
        text = cells[i]
        used = text[start:end]
        role = f"{{term}}`{used}`" if used.lower() == term.term.lower() else f"{{term}}`{used} <{term.term}>`"
        cells[i] = text[:start] + role + text[end:]
    return cells
