"""Fast pages on a phone: the built site ships only what its pages use, and text paints before scripts run.

Applied to the built HTML after Sphinx has written it (``lcbook.sphinxext`` calls these):

- the theme's icons become inline SVG, taken at build time from the installed theme's Font Awesome
  script, so the 1.5 MB script itself is no longer loaded (the icons and the buttons' names stay);
- no script blocks the first paint: the theme's scripts load ``defer`` (in their order), the
  configuration one-liners that read them are inlined, and scripts for features the chapter
  switches off (Thebe; search-as-you-type's index on pages other than the search page) are dropped;
- each stylesheet keeps only the rules whose classes and ids occur in some built page or script;
- each figure's data (its plotly JSON and its states) moves out of the page into a small script of
  its own in ``_static/figures``, fetched when the figure nears the screen, so the page that paints
  first is text only (the script form, not JSON, so a page opened from disk draws its figures too);
- icons that the theme's stylesheets draw as characters of the Font Awesome font (an admonition's
  icon, an external link's arrow) are drawn by a CSS mask of the same SVG, so no page downloads the
  156 KB icon font.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

# --- Icons -------------------------------------------------------------------------------------

#: Font Awesome's pack names as the theme writes them in a class, by the pack they name.
ICON_PACKS = {"fa-solid": "fas", "fas": "fas", "fa-brands": "fab", "fab": "fab",
              "fa-regular": "far", "far": "far"}
#: Classes that style an icon rather than name it.
_ICON_MODIFIERS = {"fa-lg", "fa-xs", "fa-sm", "fa-xl", "fa-2x", "fa-fw", "fa-spin"}


@dataclass(frozen=True)
class Icon:
    """One icon's drawing: its box and its SVG path."""

    width: int
    height: int
    path: str


def fontawesome_icons(script: str) -> dict[str, dict[str, Icon]]:
    """Every icon defined in a Font Awesome 6 script, by pack ('fas', 'fab', 'far') and name."""
    packs: dict[str, dict[str, Icon]] = {}
    for define in re.finditer(r'\b[A-Za-z_$]+\("(fa[bsr])",\s*([A-Za-z_$]+)\)', script):
        pack, var = define.group(1), define.group(2)
        start = script.rfind(f"var {var}={{", 0, define.start())
        if start < 0 or pack in packs:
            continue
        body = script[start:define.start()]
        icons: dict[str, Icon] = {}
        for m in re.finditer(
            r'(?:"([a-z0-9-]+)"|\b([a-z][a-z0-9]*)):\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]*","([^"]+)"\]', body
        ):
            icons[m.group(1) or m.group(2)] = Icon(int(m.group(3)), int(m.group(4)), m.group(5))
        packs[pack] = icons
    return packs


def fontawesome_codepoints(script: str) -> dict[str, Icon]:
    """Every Font Awesome 6 icon by its character (the font's codepoint): the solid one, as the theme's CSS draws."""
    packs: dict[str, dict[str, Icon]] = {}
    starts = [(d.start(), d.group(1)) for d in re.finditer(r'\b[A-Za-z_$]+\("(fa[bsr])",\s*[A-Za-z_$]+\)', script)]
    entry = re.compile(r':\[(\d+),(\d+),\[[^\]]*\],"([0-9a-f]{4,5})","([^"]+)"\]')
    previous = 0
    for start, pack in starts:
        icons = packs.setdefault(pack, {})
        for m in entry.finditer(script, previous, start):
            icons.setdefault(chr(int(m.group(3), 16)), Icon(int(m.group(1)), int(m.group(2)), m.group(4)))
        previous = start
    if not starts:
        packs["fas"] = {chr(int(m.group(3), 16)): Icon(int(m.group(1)), int(m.group(2)), m.group(4))
                        for m in entry.finditer(script)}
    out: dict[str, Icon] = {}
    for pack in ("fas", "far", "fab"):
        for char, icon in packs.get(pack, {}).items():
            out.setdefault(char, icon)
    return out


_ICON_ELEMENT = re.compile(r'<(i|span)\s([^>]*\bclass="[^"]*\bfa[-a-z]*[^"]*"[^>]*)>\s*</\1>')
_ATTR = re.compile(r'([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*"([^"]*)"')


def inline_icons(page: str, icons: dict[str, dict[str, Icon]]) -> str:
    """The page with each Font Awesome ``<i>`` (or empty ``<span>``) icon replaced by the same icon as inline SVG."""

    def replace(match: re.Match) -> str:
        attrs = dict(_ATTR.findall(match.group(2)))
        classes = attrs.get("class", "").split()
        pack = next((ICON_PACKS[c] for c in classes if c in ICON_PACKS), "fas")
        names = [c[3:] for c in classes if c.startswith("fa-") and c not in ICON_PACKS and c not in _ICON_MODIFIERS]
        icon = next((icons.get(pack, {}).get(n) for n in names if n in icons.get(pack, {})), None)
        if icon is None:
            return match.group(0)
        attrs["class"] = " ".join(["svg-inline--fa"] + classes)
        attrs.setdefault("aria-hidden", "true")
        attrs.pop("title", None)
        kept = "".join(f' {k}="{v}"' for k, v in attrs.items())
        return (f'<svg{kept} focusable="false" role="img" xmlns="http://www.w3.org/2000/svg" '
                f'viewBox="0 0 {icon.width} {icon.height}"><path fill="currentColor" d="{icon.path}"/></svg>')

    return _ICON_ELEMENT.sub(replace, page)


_CONTENT = re.compile(r'(?<![-\w])content:\s*([^;}]+)')
_CUSTOM_PROPERTY = re.compile(r'(--[-\w]+)\s*:\s*([^;}]+)')
_GLYPH_RULE = re.compile(r'^\.fa-[-a-z0-9]+::?before$')


def _css_string(value: str) -> str | None:
    """The text of a CSS string literal ('"\\f05a"' -> '\uf05a'), or None if it is not one."""
    value = value.strip()
    if len(value) < 2 or value[0] not in "\"'" or value[-1] != value[0]:
        return None
    return re.sub(r"\\([0-9a-fA-F]{1,6})\s?|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2),
                  value[1:-1])


def _resolve(value: str, properties: dict[str, str], depth: int = 0) -> str | None:
    value = value.strip().removesuffix("!important").strip()
    var = re.fullmatch(r"var\(\s*(--[-\w]+)\s*(?:,[^)]*)?\)", value)
    if var:
        target = properties.get(var.group(1))
        return _resolve(target, properties, depth + 1) if target is not None and depth < 8 else None
    return _css_string(value)


def icon_mask_url(icon: Icon) -> str:
    """An icon as a CSS url() of an SVG data URI (for mask-image)."""
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {icon.width} {icon.height}'>"
           f"<path d='{icon.path}'/></svg>")
    return 'url("data:image/svg+xml,' + svg.replace("<", "%3C").replace(">", "%3E").replace("#", "%23") + '")'


def icon_masks(css: str, icons: dict[str, Icon]) -> str:
    """A stylesheet whose icon-font characters (``content: "\\f05a"``) are drawn as masks of the same SVG icon.

    A rule that puts one Font Awesome character in a pseudo-element gets ``content: ""`` and a mask in
    the current text colour, so the icon looks the same and the browser never needs the icon font.
    """
    import tinycss2

    properties = dict(_CUSTOM_PROPERTY.findall(css))

    def convert(rules) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                prelude = tinycss2.serialize(rule.prelude).strip()
                body = tinycss2.serialize(rule.content).strip()
                out.append(prelude + "{" + _masked(prelude, body) + "}")
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in (
                    "media", "supports", "layer", "container"):
                inner = convert(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}")
            else:
                out.append(tinycss2.serialize([rule]).strip())
        return "\n".join(out)

    def _masked(prelude: str, body: str) -> str:
        m = _CONTENT.search(body)
        if not m or all(_GLYPH_RULE.match(s.strip()) for s in _split_selectors(prelude)):
            return body
        text = _resolve(m.group(1), properties)
        if not text or len(text) != 1 or text not in icons:
            return body
        url = icon_mask_url(icons[text])
        size = "" if re.search(r"(?<![-\w])width\s*:", body) else "width:1em;height:1em;vertical-align:-.125em;"
        # Last, so that they win over the rule's own font: with the icon font named, the browser
        # would still download it (for the empty box's line metrics).
        mask = (f'content:"";display:inline-block;{size}background-color:currentColor;'
                f"-webkit-mask:{url} center/contain no-repeat;mask:{url} center/contain no-repeat;"
                "font-family:inherit;font-weight:inherit")
        rest = (body[:m.start()] + body[m.end():]).strip().strip(";").replace(";;", ";")
        return (rest + ";" if rest else "") + mask

    return convert(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


# --- Scripts ------------------------------------------------------------------------------------

#: Scripts the chapter does not use: Thebe is off, and the icons are inline SVG now.
DROPPED_SCRIPTS = ("sphinx-thebe.js", "scripts/fontawesome.js")
#: Search-as-you-type is off (``search_as_you_type = false``): only the search page needs the index.
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")
#: Scripts a page needs only when it holds their widget: dropped from pages without it.
SCRIPTS_IF = {"design-tabs.js": "sd-tab-set"}
#: Small configuration scripts that later inline one-liners extend: inlined, so that those still run.
INLINED_SCRIPTS = ("documentation_options.js",)

_SCRIPT_TAG = re.compile(r'[ \t]*<script\b([^>]*)>(.*?)</script>\n?', re.DOTALL)
_PRELOAD = re.compile(r'[ \t]*<link rel="preload" as="script" href="([^"]+)"\s*/?>\n?')
_THEBE_INLINE = ("THEBE_JS_URL", "text/x-thebe-config", "kernelName")
_THEBE_CSS = re.compile(r'[ \t]*<link[^>]+sphinx-thebe\.css[^>]*>\n?')


def _src(attrs: str) -> str | None:
    m = re.search(r'\bsrc="([^"]+)"', attrs)
    return m.group(1) if m else None


def _script_file(src: str) -> str:
    return src.split("?", 1)[0]


def defer_scripts(page: str, static_dir: Path | None = None, search_page: bool = False) -> str:
    """The page with no render-blocking script: theme scripts deferred, unused ones dropped."""

    def rewrite(match: re.Match, in_head: bool) -> str:
        attrs, body = match.group(1), match.group(2)
        src = _src(attrs)
        if src is None:
            thebe = any(marker in attrs or marker in body for marker in _THEBE_INLINE)
            return "" if thebe else match.group(0)
        name = _script_file(src)
        if name.endswith(DROPPED_SCRIPTS) or (not search_page and name.endswith(SEARCH_SCRIPTS)):
            return ""
        if any(name.endswith(script) and marker not in page for script, marker in SCRIPTS_IF.items()):
            return ""
        if not in_head:
            return match.group(0)
        if static_dir is not None and name.endswith(INLINED_SCRIPTS):
            local = static_dir / Path(name).name
            if local.exists():
                code = local.read_text(encoding="utf-8").replace("</", "<\\/")
                return f"<script>{code}</script>\n"
        if re.search(r"\b(defer|async)\b", attrs):
            return match.group(0)
        return match.group(0).replace("<script", "<script defer", 1)

    head_end = page.find("</head>")
    if head_end < 0:
        return page
    head = _SCRIPT_TAG.sub(lambda m: rewrite(m, True), page[:head_end])
    head = _THEBE_CSS.sub("", head)
    # Preloads would fetch the (now deferred) scripts ahead of the stylesheet the first paint needs.
    head = _PRELOAD.sub("", head)
    return head + _SCRIPT_TAG.sub(lambda m: rewrite(m, False), page[head_end:])


# --- Stylesheets --------------------------------------------------------------------------------

_TOKEN = re.compile(r"[A-Za-z_][-A-Za-z0-9_]*")
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_ID_ATTR = re.compile(r'\bid="([^"]*)"')


def used_names(pages: Iterable[str], scripts: Iterable[str] = ()) -> set[str]:
    """Class names and ids a stylesheet may need: those in the pages, and every word in their scripts."""
    names: set[str] = set()
    for page in pages:
        for value in _CLASS_ATTR.findall(page):
            names.update(value.split())
        names.update(_ID_ATTR.findall(page))
    for script in scripts:
        names.update(_TOKEN.findall(script))
    return names


_NOT = re.compile(r":(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)")
_SELECTOR_NAME = re.compile(r"[.#](-?[_a-zA-Z][-_a-zA-Z0-9]*)")


def selector_used(selector: str, names: set[str]) -> bool:
    """Whether a selector can match: every class and id it requires occurs among ``names``."""
    required = _SELECTOR_NAME.findall(_NOT.sub("", re.sub(r"\[[^\]]*\]", "", selector)))
    return all(name in names for name in required)


def purge_css(css: str, names: set[str]) -> str:
    """A stylesheet without the rules that can match nothing in the site."""
    import tinycss2

    def purge(rules) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule":
                prelude = tinycss2.serialize(rule.prelude).strip()
                kept = [s.strip() for s in _split_selectors(prelude) if selector_used(s, names)]
                if kept:
                    out.append(",".join(kept) + "{" + tinycss2.serialize(rule.content).strip() + "}")
            elif rule.type == "at-rule":
                keyword = rule.lower_at_keyword
                prelude = tinycss2.serialize(rule.prelude).strip()
                if rule.content is None:
                    out.append(f"@{rule.at_keyword} {prelude};")
                elif keyword in ("media", "supports", "layer", "container", "document"):
                    inner = purge(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))
                    if inner:
                        out.append(f"@{rule.at_keyword} {prelude}{{{inner}}}")
                else:
                    out.append(f"@{rule.at_keyword} {prelude}{{{tinycss2.serialize(rule.content).strip()}}}")
        return "\n".join(out)

    return purge(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))


def _split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, []
    for ch in prelude:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def linked_files(page: str, kind: str) -> list[str]:
    """Local files a page links: kind 'css' (stylesheets) or 'js' (scripts), as written (no query)."""
    if kind == "css":
        found = [m.group(1) for m in _STYLESHEET_LINK.finditer(page)]
    else:
        found = re.findall(r'<script[^>]*\bsrc="([^"]+)"', page)
    return [html.unescape(f.split("?", 1)[0]) for f in found if "://" not in f]


# --- Figure data -------------------------------------------------------------------------------

#: Where a figure's data goes, under _static.
FIGURE_DIR = "figures"
_PLOT_DATA = re.compile(
    r'<script type="application/json" class="lc-plot-data" data-lc-for="([^"]+)">(.*?)</script>', re.DOTALL)
_STATES = re.compile(r'<script type="application/json" class="lc-states">(.*?)</script>\n?', re.DOTALL)
_FIGURE_OPEN = '<figure class="lc-interactive" data-lc-figure="{id}">'


def figure_script(key: str, plot: str, states: str | None) -> str:
    """The script that hands one figure's data (plotly JSON, states) to the page's lcbook.js."""
    body = '{"plot":' + plot + (',"states":' + states if states is not None else "") + "}"
    return f'(window.lcbookFigures=window.lcbookFigures||{{}})["{key}"]={body};\n'


def externalize_figures(page: str) -> tuple[str, dict[str, str]]:
    """The page with each figure's inline data replaced by a link to its own script; and those scripts by key.

    The key is the digest of the data, so two builds (and two pages showing one figure) write one file.
    """
    import hashlib

    files: dict[str, str] = {}
    for match in list(_PLOT_DATA.finditer(page)):
        div_id, plot = match.group(1), match.group(2)
        states = None
        opening = page.find(_FIGURE_OPEN.format(id=div_id))
        if opening >= 0:
            closing = page.find("</figure>", opening)
            found = _STATES.search(page, opening, closing)
            if found:
                states = found.group(1)
                page = page[:found.start()] + page[found.end():]
        key = hashlib.sha1((plot + "\x1f" + (states or "")).encode("utf-8")).hexdigest()[:16]
        files[key] = figure_script(key, plot, states)
        page = page.replace(match.group(0), "", 1)
        page = page.replace(f'<div id="{div_id}" class="plotly-graph-div lc-plot"',
                            f'<div id="{div_id}" class="plotly-graph-div lc-plot" data-lc-data="{key}"', 1)
    return page, files


# --- The whole site -----------------------------------------------------------------------------

#: Scripts whose words are not class names a stylesheet needs (plotly.js brings its own styles).
_NOT_SCANNED = ("plotly-basic.min.js", "plotly.min.js")
_STYLESHEET_LINK = re.compile(r'[ \t]*<link\b(?=[^>]*rel="stylesheet")[^>]*href="([^"]+)"[^>]*>\n?')
_INLINE_SCRIPT = re.compile(r'<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>', re.DOTALL)
_CSS_URL = re.compile(r'url\(\s*(["\']?)(?!data:|https?:|/|#)([^"\')]+)\1\s*\)')
BUNDLE_PREFIX = "lcbook-site-"


def _rebase_urls(css: str, css_path: Path, bundle_dir: Path) -> str:
    import os

    def rebase(m: re.Match) -> str:
        target = (css_path.parent / m.group(2)).resolve()
        return f'url("{Path(os.path.relpath(target, bundle_dir)).as_posix()}")'

    return _CSS_URL.sub(rebase, css)


_IMPORT = re.compile(r'@import\s+(?:url\(\s*)?["\']?([^"\')\s]+)["\']?\s*\)?\s*;')


def read_stylesheet(path: Path, bundle_dir: Path, seen: frozenset[Path] = frozenset()) -> str:
    """A stylesheet with its @imports inlined and every url() relative to ``bundle_dir``."""
    css = path.read_text(encoding="utf-8")
    parts, last = [], 0
    for m in _IMPORT.finditer(css):
        parts.append(_rebase_urls(css[last:m.start()], path, bundle_dir))
        target = (path.parent / m.group(1)).resolve()
        if target not in seen and target.exists():
            parts.append(read_stylesheet(target, bundle_dir, seen | {path}))
        last = m.end()
    parts.append(_rebase_urls(css[last:], path, bundle_dir))
    return "".join(parts)


def speed_up_site(outdir: Path, pages: dict[Path, str]) -> dict[Path, str]:
    """Every built page (path -> HTML) with inline icons, deferred scripts and one trimmed stylesheet."""
    import hashlib
    import os

    static = outdir / "_static"
    fontawesome = static / "scripts" / "fontawesome.js"
    fa_script = fontawesome.read_text(encoding="utf-8") if fontawesome.exists() else ""
    icons = fontawesome_icons(fa_script)
    glyphs = fontawesome_codepoints(fa_script)
    out = {
        path: defer_scripts(inline_icons(text, icons), static, search_page=path.name == "search.html")
        for path, text in pages.items()
    }
    figures = static / FIGURE_DIR
    for path, text in out.items():
        text, files = externalize_figures(text)
        if files:
            figures.mkdir(exist_ok=True)
            for key, script in files.items():
                target = figures / f"{key}.js"
                if not target.exists():
                    target.write_text(script, encoding="utf-8")
            out[path] = text

    scripts: dict[Path, str] = {}
    for path, text in out.items():
        for src in linked_files(text, "js"):
            local = (path.parent / src).resolve()
            if local.exists() and not local.name.endswith(_NOT_SCANNED):
                scripts.setdefault(local, local.read_text(encoding="utf-8", errors="ignore"))
    inline = [body for text in out.values() for body in _INLINE_SCRIPT.findall(text)]
    names = used_names(out.values(), list(scripts.values()) + inline)

    bundles: dict[tuple[Path, ...], Path] = {}
    for path, text in out.items():
        sheets = [(path.parent / href).resolve() for href in linked_files(text, "css")]
        sheets = [s for s in sheets if s.exists() and s.is_relative_to(outdir.resolve())]
        if not sheets or any(s.name.startswith(BUNDLE_PREFIX) for s in sheets):
            continue
        key = tuple(sheets)
        if key not in bundles:
            digest = hashlib.sha1("\n".join(s.name for s in key).encode()).hexdigest()[:8]
            bundle = static / f"{BUNDLE_PREFIX}{digest}.css"
            parts = [
                f"/* {s.name} (trimmed to the rules this site uses) */\n"
                + icon_masks(purge_css(read_stylesheet(s, static.resolve()), names), glyphs)
                for s in key
            ]
            bundle.write_text("\n".join(parts) + "\n", encoding="utf-8")
            bundles[key] = bundle
        href = Path(os.path.relpath(bundles[key], path.parent)).as_posix()
        local = {s for s in key}
        first = True

        def relink(m: re.Match) -> str:
            nonlocal first
            if (path.parent / m.group(1).split("?", 1)[0]).resolve() not in local:
                return m.group(0)
            if first:
                first = False
                return f'    <link rel="stylesheet" type="text/css" href="{href}" />\n'
            return ""

        out[path] = _STYLESHEET_LINK.sub(relink, text)
    return out
