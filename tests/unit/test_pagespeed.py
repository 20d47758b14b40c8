"""Fast pages: icons inline, no render-blocking script, stylesheets trimmed to the rules the site uses."""
from __future__ import annotations

from pathlib import Path

from lcbook.pagespeed import (
    Icon,
    defer_scripts,
    externalize_figures,
    fontawesome_codepoints,
    icon_masks,
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


def test_an_empty_span_icon_becomes_inline_svg_too():
    icons = {"fas": {"bars": Icon(width=448, height=512, path="M0 0h448v64H0z")}}
    out = inline_icons('<button><span class="fa-solid fa-bars"></span></button>', icons)
    assert "<span" not in out and 'viewBox="0 0 448 512"' in out


def test_the_icon_font_script_gives_each_icon_by_its_character():
    script = 'var a={"circle-info":[512,512,["info-circle"],"f05a","M1 1z"]};'
    assert fontawesome_codepoints(script)["\uf05a"] == Icon(512, 512, "M1 1z")


def test_an_icon_font_character_in_a_stylesheet_becomes_a_mask_of_the_same_icon():
    css = (':root{--icon-info:"\\f05a";--icon-note:var(--icon-info)}'
           ".note .title:after{color:blue;content:var(--icon-note);font:var(--fa-font-solid);width:1rem}"
           'a.external:after{content:"\uf05a"}')
    out = icon_masks(css, {"\uf05a": Icon(512, 512, "M1 1z")})
    rule = out[out.index(".note .title:after"):]
    assert 'content:""' in rule and "mask:url(\"data:image/svg+xml," in rule and "M1 1z" in rule
    assert "background-color:currentColor" in rule and "color:blue" in rule
    external = out[out.index("a.external:after"):]
    assert "width:1em" in external and "\uf05a" not in external


def test_a_glyph_class_rule_and_ordinary_content_are_left_alone():
    css = '.fa-bars:before{content:"\uf0c9"}.quote:before{content:"\u201c"}'
    out = icon_masks(css, {"\uf0c9": Icon(448, 512, "M0 0z")})
    assert '.fa-bars:before{content:"\uf0c9"}' in out and '.quote:before{content:"\u201c"}' in out


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


FIGURE_PAGE = """<p>Text</p><figure class="lc-interactive" data-lc-figure="lc-fig-1">
<div id="lc-fig-1" class="plotly-graph-div lc-plot" style="height:300px;width:100%"></div><script type="application/json" class="lc-plot-data" data-lc-for="lc-fig-1">{"data":[],"layout":{"title":"<\\/b>"}}</script>
<p class="lc-state-description" id="lc-fig-1-desc" aria-live="polite">One</p>
<script type="application/json" class="lc-states">[{"label":"One"},{"label":"Two"}]</script>
</figure>"""


def test_a_figures_data_moves_out_of_the_page_into_a_script_of_its_own():
    page, files = externalize_figures(FIGURE_PAGE)
    assert "application/json" not in page and "<p>Text</p>" in page
    (key, script), = files.items()
    assert f'data-lc-data="{key}"' in page and 'style="height:300px;width:100%"' in page
    assert script.startswith(f'(window.lcbookFigures=window.lcbookFigures||{{}})["{key}"]=')
    assert '"states":[{"label":"One"},{"label":"Two"}]' in script and '"title":"<\\/b>"' in script


def test_the_same_figure_data_gets_the_same_file_in_every_build():
    assert externalize_figures(FIGURE_PAGE)[1].keys() == externalize_figures(FIGURE_PAGE)[1].keys()
    other = FIGURE_PAGE.replace('"label":"Two"', '"label":"Three"')
    assert externalize_figures(other)[1].keys() != externalize_figures(FIGURE_PAGE)[1].keys()
