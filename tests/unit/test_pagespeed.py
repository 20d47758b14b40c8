"""Fast pages: icons inline, no render-blocking script, stylesheets trimmed to the rules the site uses."""
from __future__ import annotations

from pathlib import Path

from lcbook.pagespeed import (
    Icon,
    defer_scripts,
    inline_icons,
    purge_css,
    selector_used,
    speed_up_site,
    used_names,
)

PAGE = """<html><head>
<script src="_static/doctools.js"></script>
<script src="_static/scripts/fontawesome.js"></script>
<script src="_static/searchtools.js"></script>
<script src="_static/design-tabs.js"></script>
<link rel="preload" as="script" href="_static/scripts/bootstrap.js">
<script>const THEBE_JS_URL = "https://unpkg.com/thebe"</script>
<link rel="stylesheet" href="_static/theme.css">
</head><body><p class="lede">Text</p>
<button title="Menu"><i class="fa-solid fa-bars"></i></button>
<script src="_static/late.js"></script></body></html>"""


def test_head_scripts_are_deferred_so_text_paints_first():
    out = defer_scripts(PAGE)
    head = out.split("</head>")[0]
    assert '<script defer src="_static/doctools.js">' in head
    assert '<link rel="preload"' not in head


def test_scripts_for_switched_off_features_are_dropped():
    out = defer_scripts(PAGE)
    assert "fontawesome.js" not in out and "THEBE_JS_URL" not in out
    assert "searchtools.js" not in out


def test_the_search_page_keeps_its_search_scripts():
    assert "searchtools.js" in defer_scripts(PAGE, search_page=True)


def test_a_widget_script_is_dropped_from_pages_without_the_widget():
    assert "design-tabs.js" not in defer_scripts(PAGE)
    assert "design-tabs.js" in defer_scripts(PAGE.replace('class="lede"', 'class="sd-tab-set"'))


def test_a_font_awesome_icon_becomes_inline_svg_and_its_button_keeps_its_name():
    icons = {"fas": {"bars": Icon(width=448, height=512, path="M0 0h448v64H0z")}}
    out = inline_icons(PAGE, icons)
    assert "<i " not in out and "<svg" in out and 'viewBox="0 0 448 512"' in out
    assert '<button title="Menu">' in out


def test_a_rule_is_kept_only_when_every_class_it_needs_is_used():
    names = used_names(['<p class="lede">x</p>'])
    assert selector_used("p.lede", names) and selector_used("p", names)
    assert not selector_used(".lede .unused", names)
    css = purge_css(".lede{color:red}.unused{color:blue}@media (max-width:9px){.unused{x:y}.lede{a:b}}", names)
    assert ".lede{color:red}" in css and ".unused" not in css and "@media" in css


def test_a_class_named_only_in_a_script_keeps_its_rule():
    names = used_names(["<p>x</p>"], ["el.classList.add('is-open')"])
    assert ".is-open{a:b}" in purge_css(".is-open{a:b}", names)


def test_every_page_links_one_trimmed_bundle_instead_of_its_stylesheets(tmp_path: Path):
    static = tmp_path / "_static"
    static.mkdir()
    (static / "theme.css").write_text(".lede{color:red}.unused{color:blue}", encoding="utf-8")
    page = tmp_path / "index.html"
    out = speed_up_site(tmp_path, {page: PAGE})[page]
    assert 'href="_static/theme.css"' not in out
    bundles = list(static.glob("lcbook-site-*.css"))
    assert len(bundles) == 1 and bundles[0].name in out
    text = bundles[0].read_text(encoding="utf-8")
    assert ".lede{color:red}" in text and ".unused" not in text
