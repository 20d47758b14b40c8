"""The landing page's causal chain and its overview figure."""
from __future__ import annotations

from lcbook.causal import CHAIN, ROUTES, chain_in_words, route
from lcbook.figures.causal import causal_chain, chain_list

import pytest


def test_three_routes_lead_into_the_chain():
    assert [r.key for r in ROUTES] == ["syndromes", "familial", "acquired"]


def test_the_chain_runs_from_dna_changes_to_the_skin():
    assert [s.key for s in CHAIN] == ["change", "stem", "clone", "skin"]


def test_every_syndrome_of_the_source_text_is_a_cause_in_the_syndromes_route():
    causes = " ".join(route("syndromes").causes)
    for name in ("Down", "Klinefelter", "Bloom", "Wiskott-Aldrich", "Fanconi"):
        assert name in causes


def test_an_unknown_route_is_refused_with_the_known_ones():
    with pytest.raises(KeyError, match="syndromes, familial, acquired"):
        route("viral")


def test_overview_has_one_state_for_all_routes_and_one_per_route():
    labels = [s.label for s in causal_chain().states]
    assert labels == ["All routes"] + [r.label for r in ROUTES]


def test_highlighting_a_route_dims_the_other_routes_boxes():
    inter = causal_chain()
    fig = inter.figure_at(2)  # Familial predisposition
    opacities = [fig.layout.shapes[i].opacity for i in range(len(ROUTES))]
    assert opacities[1] > opacities[0] and opacities[1] > opacities[2]


def test_every_state_changes_the_figure():
    inter = causal_chain()
    drawn = {inter.figure_at(i).to_json() for i in range(len(inter.states))}
    assert len(drawn) == len(inter.states)


def test_chain_in_words_names_every_route_and_step():
    text = chain_in_words()
    for r in ROUTES:
        assert r.label in text
    assert "leukemia cutis" in text


def test_the_overview_figure_links_every_cause_page_of_the_chapter():
    import re

    from lcbook.figures.causal import causal_chain
    from tests.conftest import ROOT

    html = causal_chain().to_html()
    linked = set(re.findall(r'<a href="([a-z_]+)\.html">', html))
    pages = {p.name.removesuffix(".ipynb") for p in (ROOT / "book").glob("*.ipynb")} - {"intro"}
    assert linked == pages | {"familial", "clonal", "into_skin", "review"}


def test_chain_list_is_a_wrapped_list_on_the_page_and_the_same_words_in_a_notebook():
    words = chain_list()
    page = words._repr_html_()
    assert page.count("<li>") == len(ROUTES) + len(CHAIN)
    assert "<pre" not in page and "&amp; environment" in page
    assert repr(words) == chain_in_words()
