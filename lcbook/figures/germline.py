"""The germline predisposition genes as a searchable table (data/familial/germline_genes.csv).

``germline_table()`` returns an object whose HTML is an accessible table with a labeled search
field above it: typing filters the rows in the page itself (a small inline script, no external
JavaScript, no kernel), and a live region says how many rows are shown ("13 of 13 genes and
conditions shown"). Every cell is HTML-escaped, and the script sets only ``hidden`` and
``textContent``, so nothing a reader types is ever read as HTML. Several tables can share a page:
the script is one delegated listener, installed once, that acts on the table holding the field.

    >>> table = germline_table()
    >>> "of 13 genes and conditions shown" in table.to_html()
    True
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from functools import lru_cache

from lcbook.data import read_table

__all__ = ["COLUMNS", "GermlineGene", "GeneTable", "germline_genes", "germline_table", "NOT_SOURCED"]

NOT_SOURCED = "not sourced here"


@dataclass(frozen=True)
class GermlineGene:
    """One gene or condition of the classifications, with what the sources say about it."""

    gene: str
    icc2022_category: str
    who2022_category: str
    who2016_category: str
    inheritance: str
    associated_neoplasms: str
    preexisting_features: str
    penetrance_or_risk: str
    source: str

    @property
    def sources(self) -> tuple[str, ...]:
        """The citation keys of the row."""
        return tuple(k.strip() for k in self.source.split(";") if k.strip())

    @property
    def penetrance_sourced(self) -> bool:
        """Whether the row gives a sourced risk figure (rather than "not sourced here")."""
        return not self.penetrance_or_risk.startswith(NOT_SOURCED)


@lru_cache(maxsize=None)
def germline_genes() -> tuple[GermlineGene, ...]:
    """The rows of data/familial/germline_genes.csv, in file order (ICC 2022 category order)."""
    return tuple(GermlineGene(**{k: v.strip() for k, v in row.items()})
                 for row in read_table("familial", "germline_genes.csv"))


def _who(row: GermlineGene) -> str:
    """The WHO cell: the WHO 2022 (5th edition) group, then the WHO 2016 group where there was one."""
    earlier = f"WHO 2016: {row.who2016_category}" if row.who2016_category else "not in the WHO 2016 list"
    return f"{row.who2022_category} ({earlier})"


#: The table's columns: (heading, how to get the cell from a row).
COLUMNS: tuple[tuple[str, object], ...] = (
    ("Gene or condition", lambda r: r.gene),
    ("ICC 2022 category", lambda r: r.icc2022_category or "not among the ICC entries given here"),
    ("WHO 2022 group (and WHO 2016)", _who),
    ("Inheritance", lambda r: r.inheritance),
    ("Neoplasms", lambda r: r.associated_neoplasms),
    ("Before any neoplasm", lambda r: r.preexisting_features),
    ("Penetrance or risk", lambda r: r.penetrance_or_risk),
    ("Sources (keys in the bibliography)", lambda r: ", ".join(r.sources)),
)

_SCRIPT = """
(function () {
  // Where this script runs, the filter works: drop the "run this cell" hint.
  document.querySelectorAll(".lc-gene-table .lc-run-hint").forEach(function (hint) { hint.remove(); });
  if (window.lcGeneFilterReady) return;
  window.lcGeneFilterReady = true;
  document.addEventListener("input", function (ev) {
    var box = ev.target;
    if (!box.classList || !box.classList.contains("lc-gene-filter")) return;
    var root = box.closest(".lc-gene-table");
    if (!root) return;
    var words = box.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var rows = root.querySelectorAll("tbody tr");
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.textContent.toLowerCase();
      var hit = words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !hit;
      if (hit) shown += 1;
    });
    var count = root.querySelector(".lc-gene-count");
    count.textContent = shown + " of " + rows.length + " " + count.dataset.lcNoun + " shown";
    var none = root.querySelector(".lc-gene-none");
    none.hidden = shown !== 0;
    none.textContent = shown ? "" : "No row matches: try fewer or shorter words.";
  });
})();
"""

_STYLE = """
.lc-gene-table { margin: 1rem 0; }
.lc-gene-label span { font-weight: 600; display: block; margin-bottom: 0.25rem; }
.lc-gene-table input[type=search] { font: inherit; padding: 0.35rem 0.5rem; width: 100%; max-width: 24rem;
  border: 2px solid #595959; border-radius: 4px; }
.lc-gene-table input[type=search]:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.lc-gene-count { margin: 0.4rem 0; font-size: 0.95em; }
.lc-gene-scroll { overflow-x: auto; }
.lc-gene-scroll table { border-collapse: collapse; font-size: 0.88em; min-width: 66rem; }
.lc-gene-scroll caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; }
.lc-gene-title { font-weight: 600; margin: 0.5rem 0 0.2rem 0; }
.lc-gene-note { font-size: 0.95em; margin: 0.3rem 0; }
.lc-gene-scroll th, .lc-gene-scroll td { border: 1px solid #BDBDBD; padding: 0.3rem 0.45rem;
  vertical-align: top; text-align: left; }
.lc-gene-scroll thead th { background: #F2F2F2; color: #000000; }
.lc-gene-scroll tbody th { font-weight: 600; }
.lc-gene-scroll td:last-child { overflow-wrap: anywhere; }
"""


#: What a reader sees where the table's script has not run (a notebook before Run All).
RUN_TO_FILTER = "Run this cell (or Run All) to filter the table here."


@dataclass(frozen=True)
class GeneTable:
    """A searchable table: a caption, column headings, rows of text, and what a row is called."""

    caption: str
    headings: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""
    noun: str = "genes and conditions"
    label: str = "Filter the table (gene, category, neoplasm, feature...)"

    def __post_init__(self) -> None:
        if any(len(r) != len(self.headings) for r in self.rows):
            raise ValueError("Every row needs one cell per column heading.")

    def count_text(self, shown: int | None = None) -> str:
        """The live count, e.g. "13 of 13 genes and conditions shown"."""
        n = len(self.rows)
        return f"{n if shown is None else shown} of {n} {self.noun} shown"

    def to_html(self) -> str:
        """The table's self-contained HTML: search field, live count, table, style and script.

        No element ids: the field is labeled by wrapping it in its label, and the script finds its
        table from the field, so any number of tables (even identical ones) can share a page. The
        caption is for screen readers; sighted readers see the same words above the scrolling table.
        """
        esc = html.escape
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in self.headings)
        body = "".join(
            "<tr>" + f'<th scope="row">{esc(r[0])}</th>' + "".join(f"<td>{esc(c)}</td>" for c in r[1:]) + "</tr>"
            for r in self.rows
        )
        return "\n".join(part for part in [
            '<div class="lc-gene-table">',
            f"<style>{_STYLE}</style>",
            f'<p class="lc-gene-title" aria-hidden="true">{esc(self.caption)}</p>',
            f'<p class="lc-gene-note">{esc(self.note)}</p>' if self.note else "",
            f'<label class="lc-gene-label"><span>{esc(self.label)}</span>'
            '<input type="search" class="lc-gene-filter" autocomplete="off" spellcheck="false"></label>',
            f'<p class="lc-gene-count" role="status" aria-live="polite" '
            f'data-lc-noun="{esc(self.noun)}">{esc(self.count_text())}</p>',
            # Empty until the script finds no row: a notebook's sanitized output drops `hidden`.
            '<p class="lc-gene-none" hidden></p>',
            f'<p class="lc-run-hint">{RUN_TO_FILTER}</p>',
            f'<div class="lc-gene-scroll" role="region" aria-label="{esc(self.caption)}" tabindex="0">',
            f"<table><caption>{esc(self.caption)}</caption>",
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>",
            f"<script>{_SCRIPT}</script>",
            "</div>",
        ] if part)

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        return f"{self.caption} ({self.count_text()})"


def germline_table(rows: tuple[GermlineGene, ...] | None = None) -> GeneTable:
    """The germline predisposition genes and conditions as a searchable, accessible HTML table."""
    rows = germline_genes() if rows is None else rows
    if not rows:
        raise ValueError("The table needs at least one gene.")
    return GeneTable(
        caption="Germline predisposition to hematological neoplasms: genes and conditions",
        note=("ICC 2022 and WHO categories, inheritance, neoplasms, features and penetrance where "
              "sourced; \u201cnot sourced here\u201d means that the chapter's sources give no information "
              "for that cell. "
              "Scroll the table sideways on a narrow screen."),
        headings=tuple(h for h, _ in COLUMNS),
        rows=tuple(tuple(str(get(r)) for _, get in COLUMNS) for r in rows),
    )
