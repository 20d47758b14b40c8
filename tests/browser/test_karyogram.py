"""The karyograms on a phone: every text at least 12 px and no two labels overlapping, in every preset."""
from __future__ import annotations

import pytest

PAGES = ["book/klinefelter.html", "book/down_syndrome.html", "book/genes_to_skin.html", "book/bloom.html",
         "book/wiskott_aldrich.html", "book/fanconi.html", "book/familial.html", "book/clonal.html"]

# The visible texts of one karyogram (hidden annotations have opacity 0 on an ancestor), with their boxes.
_TEXTS = """gd => {
  const out = [];
  for (const el of gd.querySelectorAll('svg text')) {
    if (!el.textContent.trim()) continue;
    let hidden = false;
    for (let a = el; a && a !== gd; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.opacity === '0' || s.display === 'none' || s.visibility === 'hidden') { hidden = true; break; }
    }
    if (hidden) continue;
    for (const line of (el.querySelectorAll('tspan.line').length ? el.querySelectorAll('tspan.line') : [el])) {
      const r = line.getBoundingClientRect();
      if (r.width === 0) continue;
      out.push({text: line.textContent, x: r.x, y: r.y, w: r.width, h: r.height,
                size: parseFloat(getComputedStyle(line).fontSize)});
    }
  }
  return out;
}"""


def _karyograms(page):
    """The interactive figures that hold a karyogram (their key starts "Outlined:")."""
    return [
        f for f in page.query_selector_all("figure.lc-interactive")
        if page.evaluate(
            "fig => { const gd = document.getElementById(fig.dataset.lcFigure);"
            " return !!(gd.layout.annotations || []).find(a => a.name === 'key'); }", f)
    ]


def _overlaps(texts):
    out = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            dx = min(a["x"] + a["w"], b["x"] + b["w"]) - max(a["x"], b["x"])
            dy = min(a["y"] + a["h"], b["y"] + b["h"]) - max(a["y"], b["y"])
            if dx > 1 and dy > 1:
                out.append((a["text"], b["text"]))
    return out


@pytest.mark.parametrize("path", PAGES)
def test_karyogram_texts_are_12px_or_more_and_never_overlap_at_375px(visit, path):
    page = visit(path, width=375, height=740).page
    figures = _karyograms(page)
    assert figures, f"no karyogram on {path}"
    for figure in figures:
        gd = page.evaluate_handle("fig => document.getElementById(fig.dataset.lcFigure)", figure)
        menu = figure.query_selector("select.lc-state-select")
        if menu is not None and menu.is_visible():  # many presets: a menu on a phone
            values = menu.eval_on_selector_all("option", "os => os.map(o => [o.value, o.textContent])")
            choices = [(text, lambda v=value: menu.select_option(v)) for value, text in values]
        else:
            choices = [(b.inner_text(), b.click) for b in figure.query_selector_all("button.lc-state-button")]
        for label, choose in [("first state", None), *choices]:
            if choose is not None:
                choose()
            texts = page.evaluate(_TEXTS, gd)
            small = {t["text"] for t in texts if t["size"] < 12}
            assert not small, f"{label}: text smaller than 12 px: {sorted(small)}"
            assert not _overlaps(texts), f"{label}: overlapping labels {_overlaps(texts)}"


def test_the_show_the_gene_state_marks_kmt2a_where_it_sat_and_where_it_went(visit):
    page = visit("book/genes_to_skin.html").page
    figure = _karyograms(page)[0]  # the viewer (the fusions section has a second karyogram)
    button = next(b for b in figure.query_selector_all("button.lc-state-button")
                  if b.inner_text().startswith("46,XY,t(9;11)") and "KMT2A" in b.inner_text())
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    shown = page.evaluate(
        "fig => { const gd = document.getElementById(fig.dataset.lcFigure);"
        " return {genes: gd.layout.shapes.filter(s => s.name === 'gene' && s.opacity === 1).length,"
        "         subtitle: gd.layout.title.subtitle.text}; }", figure)
    assert shown["genes"] >= 1 and "KMT2A (11q23.3)" in shown["subtitle"]
    assert "KMT2A::MLLT3" in figure.inner_text()  # the state's description names the fusion
    others = [b for b in figure.query_selector_all("button.lc-state-button") if "show" not in b.inner_text()]
    others[0].click()
    hidden = page.evaluate(
        "fig => document.getElementById(fig.dataset.lcFigure).layout.shapes"
        ".filter(s => s.name === 'gene' && s.opacity === 1).length", figure)
    assert hidden == 0


_SHOWN = """fig => { const gd = document.getElementById(fig.dataset.lcFigure);
  return {bars: gd.layout.shapes.filter(s => s.name === 'gene' && s.opacity === 1)
                  .reduce((n, s) => n + (s.path.match(/M/g) || []).length, 0),
          labels: gd.layout.annotations.filter(a => a.name === 'gene-label' && a.opacity === 1).map(a => a.text),
          subtitle: gd.layout.title.subtitle.text}; }"""


def _gene_button(figure, gene):
    return next(b for b in figure.query_selector_all("button.lc-state-button")
                if "show" in b.inner_text() and gene in b.inner_text().split("show", 1)[1])


@pytest.mark.parametrize("path,gene", [("book/bloom.html", "BLM"), ("book/wiskott_aldrich.html", "WAS"),
                                       ("book/fanconi.html", "FANCA"), ("book/fanconi.html", "FANCG"),
                                       ("book/familial.html", "RUNX1"), ("book/familial.html", "DDX41"),
                                       ("book/familial.html", "GATA2"), ("book/down_syndrome.html", "GATA1")])
def test_every_cause_page_can_show_its_gene_on_the_karyogram_named_beside_its_bar(visit, path, gene):
    page = visit(path).page
    figure = next(f for f in _karyograms(page) if any("show" in b.inner_text()
                                                        for b in f.query_selector_all("button.lc-state-button")))
    before = page.evaluate(_SHOWN, figure)
    button = _gene_button(figure, gene)
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    shown = page.evaluate(_SHOWN, figure)
    assert shown["bars"] >= 1 and f"<i>{gene}</i>" in " ".join(shown["labels"]) and gene in shown["subtitle"]
    assert shown != before
    assert f"{gene} gene" in figure.text_content()  # the table that keyboard and screen-reader users reach


@pytest.mark.parametrize("path", ["book/genes_to_skin.html", "book/clonal.html"])
def test_each_leukemia_state_names_its_fusion_and_changes_the_figure(visit, path):
    page = visit(path).page
    figure = next(f for f in _karyograms(page)
                  if any("inv(16)" in b.inner_text() for b in f.query_selector_all("button.lc-state-button")))
    seen = []
    for label, fusion in [("t(9;11)", "KMT2A::MLLT3"), ("inv(16)", "CBFB::MYH11"), ("t(8;21)", "RUNX1::RUNX1T1")]:
        button = next(b for b in figure.query_selector_all("button.lc-state-button") if label in b.inner_text())
        button.focus()
        page.keyboard.press("Enter")  # keyboard operable
        assert button.get_attribute("aria-pressed") == "true"
        assert fusion in figure.inner_text()
        shown = page.evaluate(_SHOWN, figure)
        assert shown["bars"] >= 4  # each gene where it sat and at the junctions
        seen.append(shown["subtitle"])
    assert len(set(seen)) == 3
