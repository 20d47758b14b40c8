"""Sphinx extension: serve the chapter's JavaScript and CSS from the book itself, only where needed.

Add ``lcbook.sphinxext`` to the book's extensions (Jupyter Book: ``sphinx.extra_extensions``).
plotly.js (the basic bundle, vendored with this package) is copied once into ``_static`` and linked
only on pages that hold a plotly figure, before any other script; nothing is loaded from another host.
"""
from __future__ import annotations

import html
import json
import math
import re
import shutil
from pathlib import Path
from typing import Any

from lcbook import phone

STATIC_DIR = Path(__file__).resolve().parent / "static"
PLOTLY_JS = "plotly-basic.min.js"
FIGURE_MARKER = 'class="plotly-graph-div'


def _add_static_path(app: Any, config: Any) -> None:
    path = str(STATIC_DIR)
    if path not in config.html_static_path:
        config.html_static_path.append(path)


# In a live kernel a figure's output also holds its live controls (lcbook.widgets.live); the page has
# its own controls and no kernel, so the book never shows the widget view.
WIDGET_MIMETYPE = "application/vnd.jupyter.widget-view+json"


def _no_widget_view(app: Any, config: Any) -> None:
    overrides = list(getattr(config, "nb_mime_priority_overrides", None) or [])
    for builder in ("html", "dirhtml", "singlehtml"):
        if (builder, WIDGET_MIMETYPE, None) not in overrides:
            overrides.append((builder, WIDGET_MIMETYPE, None))
    config.nb_mime_priority_overrides = overrides


def _page_assets(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    body = context.get("body") or ""
    app.add_css_file("lcbook.css")
    app.add_css_file("lcbook-print.css", media="print")  # a page printed as a handout (make pdf)
    app.add_js_file("lcbook-theme.js", priority=900, defer="defer")
    if FIGURE_MARKER in body:
        # lcbook.js loads plotly.js (from the same _static folder) when a figure first nears the screen.
        app.add_js_file("lcbook.js", priority=900, defer="defer")


# --- Reading time, the chain of causes, and a MyST Markdown download for every notebook page ---

#: Words a reader reads in a minute of study text (a conservative figure for technical prose).
WORDS_PER_MINUTE = 200
#: Pages shorter than this (a bibliography page's heading) get no reading time.
MIN_WORDS_FOR_READING_TIME = 100
_SKIP_WORDS_IN = ("literal_block", "raw", "comment", "citation")


def reading_minutes(words: int) -> int:
    """Estimated minutes to read ``words`` words of prose (at least 1)."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def count_prose_words(doctree: Any) -> int:
    """Words of prose on a page: its text without code, code output, figures' data or the bibliography."""
    from docutils import nodes

    def skipped(node: Any) -> bool:
        while node is not None:
            if node.__class__.__name__ in _SKIP_WORDS_IN:
                return True
            classes = node.get("classes", []) if isinstance(node, nodes.Element) else []
            if "cell_output" in classes or "cell_input" in classes:
                return True
            node = node.parent
        return False

    return sum(len(t.astext().split()) for t in doctree.findall(nodes.Text) if not skipped(t.parent))


def chain_nav_html(chain: list[tuple[str, str, str]], current: str) -> str:
    """The "where am I in the chain of causes" navigation: (docname, title, href) in reading order."""
    items = []
    position = 0
    for i, (docname, title, href) in enumerate(chain, start=1):
        label = html.escape(title)
        if docname == current:
            position = i
            items.append(f'<li aria-current="page"><strong>{label}</strong> (this page)</li>')
        else:
            items.append(f'<li><a href="{html.escape(href)}">{label}</a></li>')
    return (
        '<nav class="lc-chain" aria-label="Chapter map">'
        f"<details><summary>Chapter map: page {position} of {len(chain)}</summary>"
        f'<ol>{"".join(items)}</ol></details></nav>'
    )


def reading_time_html(minutes: int, words: int, interactive: bool = True) -> str:
    """One line giving the estimated reading time (a page's interactives and self-check take longer)."""
    unit = "minute" if minutes == 1 else "minutes"
    extra = " of text; the interactives and the self-check take longer" if interactive else ""
    return f'<p class="lc-reading-time">Reading time: about {minutes} {unit} ({words:,} words){extra}.</p>'



def notebook_to_myst(notebook_json: str) -> str:
    """A notebook as MyST Markdown (the text-based notebook format Jupyter Book and Jupytext read)."""
    nb = json.loads(notebook_json)
    kernel = nb.get("metadata", {}).get("kernelspec", {"name": "python3", "display_name": "Python 3",
                                                         "language": "python"})
    header = [
        "---",
        "jupytext:",
        "  text_representation:",
        "    extension: .md",
        "    format_name: myst",
        "kernelspec:",
        f"  display_name: {kernel.get('display_name', 'Python 3')}",
        f"  language: {kernel.get('language', 'python')}",
        f"  name: {kernel.get('name', 'python3')}",
        "---",
        "",
    ]
    parts = ["\n".join(header)]
    for cell in nb.get("cells", []):
        source = "".join(cell.get("source", "")).rstrip("\n")
        if cell.get("cell_type") == "code":
            tags = cell.get("metadata", {}).get("tags", [])
            fence = "```{code-cell} ipython3"
            if tags:
                fence += "\n---\ntags: [" + ", ".join(tags) + "]\n---"
            parts.append(f"{fence}\n{source}\n```\n")
        elif cell.get("cell_type") == "markdown":
            parts.append(source + "\n")
    return "\n".join(parts)


def _chain(app: Any, pagename: str, context: dict) -> list[tuple[str, str, str]]:
    titles = app.env.titles
    chain = []
    for docname in app.config.lcbook_chain or []:
        if docname in titles:
            chain.append((docname, titles[docname].astext(), context["pathto"](docname)))
    return chain


def _page_extras(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    """Reading time and chain navigation under the title; a .md download beside the .ipynb one."""
    if doctree is None or "body" not in context:
        return
    body = context["body"]
    extras = ""
    words = count_prose_words(doctree)
    wanted = app.config.lcbook_reading_time_pages
    if words >= MIN_WORDS_FOR_READING_TIME and (wanted == "all" or pagename in (wanted or [])):
        interactive = FIGURE_MARKER in body or "lc-selfcheck" in body
        extras += reading_time_html(reading_minutes(words), words, interactive)
    if pagename in (app.config.lcbook_chain or []):
        extras += chain_nav_html(_chain(app, pagename, context), pagename)
    if extras:
        end_h1 = body.find("</h1>")
        if end_h1 >= 0:
            cut = end_h1 + len("</h1>")
            context["body"] = body[:cut] + extras + body[cut:]
    if context.get("page_source_suffix") == ".ipynb":
        md_name = f"{pagename}.md"
        _MD_DOWNLOADS[pagename] = md_name
        for button in context.get("header_buttons", []):
            if button.get("label") == "download-buttons":
                button["buttons"].insert(1, {
                    "type": "link",
                    "url": f"{context['pathto']('_sources', 1)}/{md_name}",
                    "text": ".md",
                    "tooltip": "Download as MyST Markdown",
                    "icon": "fab fa-markdown",
                    "label": "download-myst-button",
                })


_MD_DOWNLOADS: dict[str, str] = {}


# --- One page embedded in another book: links to the rest of the chapter go to the published chapter ---

#: The chapter's pages (its _toc.yml, without the book/ folder): a host book that embeds one of them
#: gets its links to the others, and to the glossary, sent to ``lcbook_chapter_url``.
CHAPTER_PAGES: tuple[str, ...] = (
    "intro", "genes_to_skin", "down_syndrome", "bloom", "klinefelter", "wiskott_aldrich", "fanconi",
    "familial", "clonal", "into_skin", "review", "glossary", "instructor_guide", "bibliography",
)
#: Chapter pages the instructor guide tells a host to copy with a page: links to these stay local.
COPIED_WITH_A_PAGE: tuple[str, ...] = ("bibliography",)


def page_name(docname: str) -> str:
    """A document's name without its folder and suffix ('week3/down_syndrome.ipynb' -> 'down_syndrome')."""
    return docname.strip().removesuffix(".ipynb").removesuffix(".md").split("/")[-1]


def chapter_link(base_url: str, reftype: str, target: str) -> str | None:
    """Where a reference to another chapter page or a glossary term points in the published chapter, if anywhere."""
    if not base_url:
        return None
    base = base_url.rstrip("/")
    if reftype == "doc":
        name = page_name(target)
        return f"{base}/book/{name}.html" if name in CHAPTER_PAGES else None
    if reftype == "term":
        from sphinx.util.nodes import _make_id

        from lcbook.glossary import load_glossary

        canonical = {t.term.lower(): t.term for t in load_glossary()}
        term = canonical.get(target.strip().lower(), target.strip())
        return f"{base}/book/glossary.html#{_make_id('term-' + term)}"
    return None


def is_chapter_page(env: Any, docname: str) -> bool:
    """Whether a document of the book being built is one of the chapter's notebook pages."""
    return page_name(docname) in CHAPTER_PAGES and str(env.doc2path(docname)).endswith(".ipynb")


def chapter_url_warning(found_docs: set[str], chapter_docs: list[str], chapter_url: str) -> str | None:
    """The warning for a book that holds some chapter pages but does not say where the others are."""
    if chapter_url or not chapter_docs:
        return None
    present = {page_name(d) for d in found_docs}
    if set(CHAPTER_PAGES) <= present:
        return None  # the whole chapter: its links stay inside the book
    return (
        f"lcbook_chapter_url is not set, so the links from {', '.join(sorted(chapter_docs))} to the "
        "chapter's other pages and its glossary would land on pages of this book with the same names, "
        "or nowhere. Set it under sphinx: config: in _config.yml to where the chapter is published, "
        "for example lcbook_chapter_url: https://lcbook-authors.github.io/leukemia-cutis-book"
    )


def _link_to_chapter(ref: Any, url: str) -> Any:
    from docutils import nodes

    link = nodes.reference("", "", internal=False, refuri=url, classes=["lc-chapter-link"])
    link += ref.children
    return link


def _chapter_links_transform() -> type:
    from sphinx import addnodes
    from sphinx.transforms.post_transforms import SphinxPostTransform

    class ChapterLinks(SphinxPostTransform):
        """On a chapter page in a host book: {doc} and {term} links to the chapter go to lcbook_chapter_url."""

        default_priority = 5  # before Sphinx resolves references (10), so no host page of that name wins

        def run(self, **kwargs: Any) -> None:
            base = self.config.lcbook_chapter_url
            if not base or not is_chapter_page(self.env, self.env.docname):
                return
            found = {page_name(d): d for d in self.env.found_docs}
            for ref in list(self.document.findall(addnodes.pending_xref)):
                reftype, target = ref.get("reftype", ""), ref.get("reftarget", "")
                if reftype == "doc" and page_name(target) in COPIED_WITH_A_PAGE and page_name(target) in found:
                    continue
                url = chapter_link(base, reftype, target) if reftype in ("doc", "term") else None
                if url is not None:
                    ref.replace_self(_link_to_chapter(ref, url))

    return ChapterLinks


def _missing_reference(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    url = chapter_link(app.config.lcbook_chapter_url, node.get("reftype", ""), node.get("reftarget", ""))
    if url is None:
        return None
    from docutils import nodes

    ref = nodes.reference("", "", internal=False, refuri=url, classes=["lc-chapter-link"])
    ref += contnode
    return ref


FIGURE_LINKS = re.compile(r'<nav class="lc-figure-links".*?</nav>', re.DOTALL)
_RELATIVE_PAGE_HREF = re.compile(r'href="(?:\./)?([A-Za-z0-9_]+)\.html(#[^"]*)?"')


def chapter_figure_links(body: str, base_url: str) -> str:
    """A page's body with its figures' "read on" links to chapter pages sent to the published chapter."""
    base = base_url.rstrip("/")

    def to_chapter(match: re.Match) -> str:
        name, anchor = match.group(1), match.group(2) or ""
        return f'href="{base}/book/{name}.html{anchor}"' if name in CHAPTER_PAGES else match.group(0)

    return FIGURE_LINKS.sub(lambda nav: _RELATIVE_PAGE_HREF.sub(to_chapter, nav.group(0)), body)


def _figure_links_to_chapter(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    base = app.config.lcbook_chapter_url
    if base and "body" in context and is_chapter_page(app.env, pagename):
        context["body"] = chapter_figure_links(context["body"], base)


def _warn_without_chapter_url(app: Any, env: Any) -> list[str]:
    chapter_docs = [d for d in env.found_docs if is_chapter_page(env, d)]
    message = chapter_url_warning(set(env.found_docs), chapter_docs, app.config.lcbook_chapter_url)
    if message:
        from sphinx.util import logging

        logging.getLogger(__name__).warning(message, type="lcbook", subtype="chapter_url")
    return []


# What a host book needs for the chapter's pages, set here unless the book sets it itself: the
# bibliography labelled by author and year like the citations in the text, and a colour mode the
# theme accepts from the first script on (an empty one logs "Got invalid theme mode").
HOST_DEFAULTS: dict[str, str] = {
    "bibtex_default_style": "lcbook",
    "bibtex_reference_style": "lcbook_author_year",
}
DEFAULT_MODE = "auto"


def _set_by_book(config: Any, name: str) -> bool:
    return name in getattr(config, "_raw_config", {}) or name in getattr(config, "overrides", {})


def _host_defaults(app: Any, config: Any) -> None:
    for name, value in HOST_DEFAULTS.items():
        if name in config and not _set_by_book(config, name):
            config[name] = value
    # pydata-sphinx-theme reads its default colour mode from html_context, not from its theme options.
    if not (config.html_context or {}).get("default_mode"):
        config.html_context = {**(config.html_context or {}), "default_mode": DEFAULT_MODE}


# Accessibility fixes for the theme's own markup (sphinx-book-theme 1.3.0, pydata-sphinx-theme 0.17.1,
# docutils, sphinx-togglebutton), found by axe-core. Each pair is (what the theme writes, the fix).
A11Y_FIXES: tuple[tuple[str, str], ...] = (
    # The search field's aria-label "Search" hides its visible text "Search Ctrl+K": name it by its text.
    ('<button class="btn search-button-field search-button__button pst-js-only" title="Search" aria-label="Search"',
     '<button class="btn search-button-field search-button__button pst-js-only" title="Search"'),
    # The colour-mode icons carry titles that become visible text unlike the button's name "Color mode".
    ('data-mode="light" title="Light"></i>', 'data-mode="light" aria-hidden="true"></i>'),
    ('data-mode="dark"  title="Dark"></i>', 'data-mode="dark" aria-hidden="true"></i>'),
    ('data-mode="auto"  title="System Settings"></i>', 'data-mode="auto" aria-hidden="true"></i>'),
    # A folded code cell's toggle is named "Toggle hidden content" but shows "Show code cell source".
    ('<summary aria-label="Toggle hidden content">', "<summary>"),
    # docutils marks bibliography entries with the deprecated doc-biblioentry role inside role="list".
    ('role="doc-biblioentry"', 'role="listitem"'),
)


# Saved ipywidgets state: useless without widget JavaScript (which the static page does not load),
# tens of kilobytes a page, and different in every build (random model ids).
WIDGET_STATE = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>\s*', re.DOTALL
)


# In an iframe on another site (an LMS page), a browser that blocks third-party storage throws on
# any use of localStorage or sessionStorage, and the theme's scripts (colour mode, sidebar state) stop with an error.
# This runs first in <head> and gives the page an in-memory storage instead, for that visit only.
STORAGE_GUARD = (
    "<script>(function(){['localStorage','sessionStorage'].forEach(function(n){"
    "try{window[n].getItem('lc');}catch(e){var m={};"
    "var s={getItem:function(k){return Object.prototype.hasOwnProperty.call(m,k)?m[k]:null;},"
    "setItem:function(k,v){m[k]=String(v);},removeItem:function(k){delete m[k];},"
    "clear:function(){m={};},key:function(i){return Object.keys(m)[i]||null;},"
    "get length(){return Object.keys(m).length;}};"
    "try{Object.defineProperty(window,n,{value:s,configurable:true});}catch(e2){}}});})();</script>"
)


def guard_storage(html_text: str) -> str:
    """The page with the storage guard as the first script in <head> (once)."""
    if STORAGE_GUARD in html_text or "<head>" not in html_text:
        return html_text
    return html_text.replace("<head>", "<head>" + STORAGE_GUARD, 1)


def fix_theme_accessibility(html_text: str) -> str:
    """The page's HTML with the theme's known accessibility faults mended."""
    for old, new in A11Y_FIXES:
        html_text = html_text.replace(old, new)
    return html_text


# Jupyter Book writes sphinx-thebe's configuration script twice on every page; the second copy throws
# "Identifier 'THEBE_JS_URL' has already been declared" in the console. Keep the first.
THEBE_CONFIG = re.compile(r'[ \t]*<script>const THEBE_JS_URL = [^<]*</script>\n?')


def dedupe_thebe_config(html_text: str) -> str:
    """The page with only the first copy of sphinx-thebe's configuration script."""
    seen = []

    def keep_first(match: re.Match) -> str:
        seen.append(match)
        return match.group(0) if len(seen) == 1 else ""

    return THEBE_CONFIG.sub(keep_first, html_text)


def fix_page(html_text: str) -> str:
    """A built page as the reader gets it: accessibility mended, saved widget state removed, tables that stack on a phone."""
    html_text = WIDGET_STATE.sub("", fix_theme_accessibility(html_text))
    return guard_storage(dedupe_thebe_config(phone.stack_tables(html_text)))


def _write_md_downloads(app: Any) -> None:
    for pagename, md_name in _MD_DOWNLOADS.items():
        source = Path(app.srcdir) / f"{pagename}.ipynb"
        if source.exists():
            target = Path(app.outdir) / "_sources" / md_name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(notebook_to_myst(source.read_text(encoding="utf-8")), encoding="utf-8")


def _fix_built_pages(app: Any, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    _write_md_downloads(app)
    outdir = Path(app.outdir)
    # Sphinx copies a static file only when the build output lacks it, so an incremental build would
    # bundle an old lcbook.css: copy the chapter's own static files afresh every time.
    for asset in STATIC_DIR.iterdir():
        if asset.is_file():
            shutil.copyfile(asset, outdir / "_static" / asset.name)
    pages = {path: path.read_text(encoding="utf-8") for path in outdir.rglob("*.html")}
    fixed = {path: fix_page(text) for path, text in pages.items()}
    if app.config.lcbook_fast_pages:
        from lcbook import pagespeed

        fixed = pagespeed.speed_up_site(outdir, fixed)
    for path, text in fixed.items():
        if text != pages[path]:
            path.write_text(text, encoding="utf-8")


# --- The bibliography's labels: author and year, like the citations in the text ---

def author_year_label(entry: Any) -> str:
    """'Hasle et al. 2000' for a pybtex entry (first author's surname, 'et al.' for more, the year)."""
    persons = entry.persons.get("author") or entry.persons.get("editor") or []
    if persons:
        name = " ".join(persons[0].prelast_names + persons[0].last_names) or str(persons[0])
        name = re.sub(r"\\[a-zA-Z]+|[{}\\'\"`^~]", "", name).strip()
        if len(persons) > 1 or "others" in (str(p) for p in persons[1:]):
            name += " et al."
    else:
        name = entry.key
    return f"{name} {entry.fields.get('year', 'n.d.')}"


def distinct_labels(labels: list[str]) -> list[str]:
    """The labels with 'a', 'b', ... after the year where two works share one ('Makishima et al. 2023a')."""
    from collections import Counter

    counts, seen = Counter(labels), Counter()
    out = []
    for label in labels:
        if counts[label] > 1:
            out.append(label + "abcdefghijklmnopqrstuvwxyz"[seen[label]])
            seen[label] += 1
        else:
            out.append(label)
    return out


#: The letter after the year of each entry that shares its first author and year with another
#: ("Makishima2023Blood": "b"), so the citations in the text match the bibliography's labels.
YEAR_SUFFIXES: dict[str, str] = {}


def year_suffixes(entries: list[Any]) -> dict[str, str]:
    """The 'a', 'b', ... that the bibliography puts after the year, by citation key (sorted as it sorts)."""
    from pybtex.style.formatting.plain import Style as PlainStyle

    ordered = list(PlainStyle().sort(entries))
    plain = [author_year_label(entry) for entry in ordered]
    return {entry.key: label[len(base):] for entry, base, label in zip(ordered, plain, distinct_labels(plain))
            if label != base}


def _read_year_suffixes(app: Any) -> None:
    from pathlib import Path

    from pybtex.database import parse_file

    entries = []
    # A host book may use the extension without sphinxcontrib-bibtex (no bibtex_bibfiles at all).
    for name in getattr(app.config, "bibtex_bibfiles", None) or []:
        path = Path(app.confdir) / name
        if path.is_file():
            entries.extend(parse_file(str(path)).entries.values())
    YEAR_SUFFIXES.clear()
    YEAR_SUFFIXES.update(year_suffixes(entries))


def _register_bibliography_style() -> None:
    from pybtex.plugin import register_plugin
    from pybtex.style.formatting.plain import Style as PlainStyle
    from pybtex.style.labels import BaseLabelStyle

    class AuthorYearLabels(BaseLabelStyle):
        def format_labels(self, sorted_entries):
            yield from distinct_labels([author_year_label(entry) for entry in sorted_entries])

    class AuthorYearStyle(PlainStyle):
        default_label_style = "lcbook-author-year"

    register_plugin("pybtex.style.labels", "lcbook-author-year", AuthorYearLabels, force=True)
    register_plugin("pybtex.style.formatting", "lcbook", AuthorYearStyle, force=True)


def _register_reference_style() -> None:
    """'author_year' citations with the bibliography's letter ('Makishima et al., 2023b') and 'et al.' for 'and others'."""
    from dataclasses import dataclass

    from pybtex.style.template import field, first_of, join, node, optional
    from sphinxcontrib.bibtex.plugin import register_plugin
    from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
    from sphinxcontrib.bibtex.style.referencing.basic_author_year import (
        BasicAuthorYearParentheticalReferenceStyle, BasicAuthorYearTextualReferenceStyle)
    from sphinxcontrib.bibtex.style.template import join2, post_text, pre_text, reference

    @node
    def lettered_year(children: Any, data: dict[str, Any]) -> Any:
        letter = YEAR_SUFFIXES.get(data["entry"].key, "")
        return join[first_of[optional[field("year")], "n.d."], letter].format_data(data)

    @node
    def first_author(children: Any, data: dict[str, Any], person: Any = None, full: bool = False) -> Any:
        # "Sawada et al." for an entry whose authors end in "and others" (the stock style prints
        # "Sawada and others"); every other entry as the stock style formats it.
        entry = data["entry"]
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        named = [p for p in persons if str(p) != "others"]
        if named and len(named) < len(persons) and not full:
            first = person.style_plugin.format(named[0], person.abbreviate)
            return join[first, person.other].format_data(data)
        return person.author_or_editor_or_title(full=full).format_data(data)

    @dataclass
    class Parenthetical(BasicAuthorYearParentheticalReferenceStyle):
        def inner(self, role_name: str) -> Any:
            return join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
                pre_text,
                reference[join(sep=self.author_year_sep)[
                    first_author(person=self.person, full="s" in role_name), lettered_year]],
                post_text,
            ]

    @dataclass
    class Textual(BasicAuthorYearTextualReferenceStyle):
        def inner(self, role_name: str) -> Any:
            return join(sep=self.text_reference_sep)[
                first_author(person=self.person, full="s" in role_name),
                join[self.bracket.left,
                     join2(sep1=self.pre_text_sep, sep2=self.post_text_sep)[
                         pre_text, reference[lettered_year], post_text],
                     self.bracket.right],
            ]

    @dataclass
    class LetteredAuthorYear(AuthorYearReferenceStyle):
        def __post_init__(self) -> None:
            super().__post_init__()
            ours = {BasicAuthorYearParentheticalReferenceStyle: Parenthetical,
                    BasicAuthorYearTextualReferenceStyle: Textual}
            self.styles = [ours[type(style)](**{f: getattr(style, f) for f in style.__dataclass_fields__})
                           if type(style) in ours else style for style in self.styles]
            self.role_style.update((role, style) for style in self.styles for role in style.role_names())

    register_plugin("sphinxcontrib.bibtex.style.referencing", "lcbook_author_year", LetteredAuthorYear, force=True)


def setup(app: Any) -> dict[str, Any]:
    """Register the extension with Sphinx."""
    _register_bibliography_style()
    _register_reference_style()
    app.add_config_value("lcbook_chain", [], "html")
    app.add_config_value("lcbook_reading_time_pages", "all", "html")
    # Inline icons, deferred scripts, stylesheets trimmed to what the site uses (lcbook.pagespeed).
    app.add_config_value("lcbook_fast_pages", True, "html")
    # Set in a host book that embeds one page: where the rest of the chapter is published.
    app.add_config_value("lcbook_chapter_url", "", "env")
    app.add_post_transform(_chapter_links_transform())
    app.connect("missing-reference", _missing_reference)
    app.connect("env-updated", _warn_without_chapter_url)
    app.connect("builder-inited", _read_year_suffixes)
    app.connect("config-inited", _add_static_path)
    app.connect("config-inited", _host_defaults)
    app.connect("config-inited", _no_widget_view)
    app.connect("html-page-context", _page_assets)
    app.connect("html-page-context", _figure_links_to_chapter)
    # After the theme has built its header buttons (sphinx-book-theme connects at the default, 500).
    app.connect("html-page-context", _page_extras, priority=600)
    # After the theme's own build-finished work (pydata-sphinx-theme rewrites pygments.css then).
    app.connect("build-finished", _fix_built_pages, priority=900)
    return {"version": "0.2.0", "parallel_read_safe": True, "parallel_write_safe": True}
