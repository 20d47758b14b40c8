"""Sphinx extension for the instructor edition: the guide with its answer keys, a banner on every page.

Added only by ``make instructor`` (tools/instructor.py), never by the learner build: the guide page's
source holds no answer key (see lcbook.guide), and this extension puts the keys, generated from
data/guide/guide.yaml, in place of the note that says where they are.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

GUIDE_DOC = "book/instructor_guide"

BANNER = (
    '<div class="lc-instructor-banner" role="note"><strong>Instructor edition.</strong> '
    "This copy of the chapter holds the answer keys: do not publish it where students can read it.</div>"
)
_BANNER_STYLE = (
    "<style>.lc-instructor-banner{background:#fff3cd;color:#3d2e00;border:2px solid #b8860b;"
    "border-radius:6px;padding:.5rem .9rem;margin:0 0 1rem 0;}</style>"
)


def add_banner(html_text: str) -> str:
    """A built page with the instructor-edition banner at the top of its article (once)."""
    if "lc-instructor-banner" in html_text:
        return html_text
    for anchor in ('<article class="bd-article">', '<article class="bd-article" role="main">', "<main"):
        at = html_text.find(anchor)
        if at >= 0:
            end = html_text.find(">", at) + 1
            return html_text[:end] + _BANNER_STYLE + BANNER + html_text[end:]
    return html_text


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    if docname != GUIDE_DOC:
        return
    from lcbook.guide import answer_keys_markdown, chapter_pages, load_guide_data, with_answer_keys

    root = Path(app.srcdir)
    keys = answer_keys_markdown(chapter_pages(root), load_guide_data())
    source[0] = with_answer_keys(source[0], keys)


def _banner_everywhere(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for path in Path(app.outdir).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        marked = add_banner(text)
        if marked != text:
            path.write_text(marked, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    app.connect("source-read", _source_read)
    # After lcbook.sphinxext's own rewriting of the built pages (priority 900).
    app.connect("build-finished", _banner_everywhere, priority=950)
    return {"version": "0.2.0", "parallel_read_safe": True, "parallel_write_safe": True}
