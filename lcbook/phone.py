"""The built page on a phone: tables that stack their rows instead of running off a narrow screen.

Each data table with a header row gets the class ``lc-stack`` and, on every body cell, a ``data-label``
naming its column; ``lcbook.css`` shows each row as a card of "column: value" lines below 640 px.
Explicit ARIA roles keep the table's structure for screen readers when CSS changes the display.
"""
from __future__ import annotations

import html
import re

_TABLE = re.compile(r"<table\b[^>]*>.*?</table>", re.DOTALL)
_THEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.DOTALL)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_ROW = re.compile(r"(<tr\b[^>]*>)(.*?)(</tr>)", re.DOTALL)
_CELL_OPEN = re.compile(r"<(td|th)\b([^>]*)>")


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def _with_attrs(tag: str, attrs: str, extra: dict[str, str]) -> str:
    added = "".join(f' {k}="{html.escape(v)}"' for k, v in extra.items() if f"{k}=" not in attrs)
    return f"<{tag}{attrs}{added}>"


def _label_row(row: str, headings: list[str]) -> str:
    column = 0

    def label(match: re.Match) -> str:
        nonlocal column
        tag, attrs = match.group(1), match.group(2)
        span = int(m.group(1)) if (m := re.search(r'colspan="(\d+)"', attrs)) else 1
        extra = {"role": "rowheader" if tag == "th" else "cell"}
        if span == 1 and column < len(headings) and headings[column]:
            extra["data-label"] = headings[column]
        column += span
        return _with_attrs(tag, attrs, extra)

    return _CELL_OPEN.sub(label, row)


def stack_table(table: str) -> str:
    """One table marked to stack on a phone: a class, ARIA roles and each cell's column name."""
    head = _THEAD.search(table)
    if not head or "lc-stack" in table[: table.index(">")]:
        return table
    headings = [_text(h) for h in _TH.findall(head.group(1))]
    opening = table[: table.index(">") + 1]
    if 'class="' in opening:
        new_opening = opening.replace('class="', 'class="lc-stack ', 1)
    else:
        new_opening = opening[:-1] + ' class="lc-stack">'
    new_opening = _with_attrs("table", new_opening[len("<table"):-1], {"role": "table"})
    before, thead, after = table[len(opening): head.start()], head.group(0), table[head.end():]
    thead = re.sub(r"<th\b([^>]*)>", lambda m: _with_attrs("th", m.group(1), {"role": "columnheader"}), thead)
    thead = re.sub(r"<tr\b([^>]*)>", lambda m: _with_attrs("tr", m.group(1), {"role": "row"}), thead)
    thead = re.sub(r"<thead\b([^>]*)>", lambda m: _with_attrs("thead", m.group(1), {"role": "rowgroup"}), thead)
    after = re.sub(r"<tbody\b([^>]*)>", lambda m: _with_attrs("tbody", m.group(1), {"role": "rowgroup"}), after)
    after = _ROW.sub(
        lambda m: _with_attrs("tr", m.group(1)[3:-1], {"role": "row"}) + _label_row(m.group(2), headings) + m.group(3),
        after,
    )
    return new_opening + before + thead + after


def stack_tables(page: str) -> str:
    """The page with every table that has a header row marked to stack on a phone."""
    return _TABLE.sub(lambda m: stack_table(m.group(0)), page)
