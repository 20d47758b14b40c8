"""The review page: the causes and risk tables, the model over them, the risk chart and the causes table."""
from __future__ import annotations

import json
import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lcbook.data import read_table
from lcbook.display import OKABE_ITO
from lcbook.figures.review import (
    FAMILY_STATES,
    GROUP_STYLE,
    CausesTable,
    causes_table,
    risk_comparison,
)
from lcbook.review import (
    CAUSE_COLUMNS,
    FAMILIES,
    MEASURES,
    RISK_COLUMNS,
    Cause,
    cause_by_id,
    highest_per_cause,
    load_causes,
    load_risks,
    magnitude_words,
    orders_apart,
    parse_cause,
    parse_risk,
    risks_by_family,
    source_label,
    validate,
)
from tests.conftest import ROOT, toc_pages

# Citation keys of the fact sheet (sections 1-9) that the review data may use.
FACT_SHEET_KEYS = {
    "Chou2008Blood", "Roberts2013Blood", "Yoshida2013NatGenet", "Antonarakis1991NEJM", "Antonarakis1992AJHG",
    "BMJBP-DS", "Hasle2000Lancet", "Brazzelli2019PediatrDermatol", "Webb2007ADC", "Klusmann2008Blood",
    "Langer2023GeneReviews", "Ellis1995Cell", "Chaganti1974PNAS", "Sugranes2022GenetMed",
    "NICHD-KS", "Ji2016IJC", "Hasle1995KS", "Swerdlow2005JNCI",
    "Buchbinder2014ACG", "Pai2010IACNA", "Rivers2019BJH", "GeneReviews-WAS", "Braun2014STM", "Albert2010Blood",
    "Moldovan2009AnnuRevGenet", "Mehta2021GeneReviews", "Rosenberg2003Blood", "Rosenberg2008Haematologica",
    "Alter2018Haematologica", "Butturini1994Blood",
    "Spinner2014Blood", "Deuitch2021GeneReviews", "NIH-FPDMM2023Blood", "DDX41Review2023Blood",
    "Makishima2023Blood", "Goldin2009Haematologica", "Goldin2004Blood", "Robak2023Cancers",
    "Jaiswal2014NEJM", "Steensma2015Blood", "Steensma2018HematologyASH", "Larson2011MJHID", "McNerney2017NatRevCancer",
    "Huh2013AnnLabMed",
    "Hsu2013RadiatRes", "Richardson2009RadiatRes", "IARC2018Vol120", "Fircanis2014AJH",
    "Sawada2011Blood",
}
LOW_AUTHORITY = {"DermpathAtlas-LC", "StandardOfCare", "ClickToCure-EMD", "RUNX1-FPD-org", "Devins2015Medscape",
                 "Dermpedia2024"}


def _row(**overrides) -> dict[str, str]:
    row = {c: "" for c in RISK_COLUMNS}
    row.update(cause_id="fanconi", endpoint="AML", measure="observed_expected", value="868",
               setting="German registry", population="German registry", source="Rosenberg2008Haematologica")
    row.update(overrides)
    return row


def _numbers(text: str) -> set[float]:
    return {float(m.replace(",", "")) for m in re.findall(r"\d[\d,]*(?:\.\d+)?", text)}


# --- the data ---------------------------------------------------------------------------------


def test_causes_table_has_its_columns_and_every_row_names_fact_sheet_sources():
    rows = read_table("review", "causes.csv")
    assert tuple(rows[0]) == CAUSE_COLUMNS
    for row in rows:
        keys = {k.strip() for k in row["source"].split(";")}
        assert keys and keys <= FACT_SHEET_KEYS, row["cause_id"]
        assert not keys & LOW_AUTHORITY


def test_risks_table_has_its_columns_and_every_row_names_one_fact_sheet_source():
    rows = read_table("review", "risks.csv")
    assert tuple(rows[0]) == RISK_COLUMNS
    for row in rows:
        assert row["source"] in FACT_SHEET_KEYS, row
        assert row["measure"] in MEASURES


def test_the_causes_are_the_chapters_causes_each_with_its_page():
    ids = [c.cause_id for c in load_causes()]
    assert ids[:5] == ["down_syndrome", "bloom", "klinefelter", "wiskott_aldrich", "fanconi"]
    assert {"gata2", "runx1", "ddx41", "familial_cll", "chip", "smoking"} <= set(ids)
    pages = {p.removeprefix("book/") for p in toc_pages()}
    assert {c.page for c in load_causes()} <= pages


def test_every_risk_figure_is_positive_and_no_percentage_exceeds_100():
    for r in load_risks():
        assert r.value > 0
        if r.family != "relative":
            assert max(r.value, r.value_high or 0) <= 100


def test_risk_figures_hold_the_fact_sheet_numbers():
    got = {(r.cause_id, r.measure, r.endpoint, r.setting): (r.value, r.value_high, r.ci_low, r.ci_high)
           for r in load_risks()}
    expected = {
        ("down_syndrome", "sir", "leukemia", "age 0-4, Denmark"): (56, None, 38, 81),
        ("down_syndrome", "sir", "leukemia", "age 5-29, Denmark"): (10, None, 4, 20),
        ("down_syndrome", "fold_review", "AML", "under 5, review estimate"): (150, None, None, None),
        ("down_syndrome", "fold_review", "ALL", "under 5, review estimate"): (40, None, None, None),
        ("down_syndrome", "fold_review", "ALL", "age 5-30, review estimate"): (12, None, None, None),
        ("klinefelter", "sir", "leukemia", "Sweden"): (3.62, None, None, None),
        ("fanconi", "observed_expected", "leukemia", "North American cohort"): (785, None, None, None),
        ("fanconi", "observed_expected", "AML", "German registry"): (868, None, None, None),
        ("familial_cll", "relative_risk", "CLL", "relatives, Sweden 2009"): (8.5, None, 6.1, 11.7),
        ("familial_cll", "relative_risk", "CLL", "relatives, Sweden 2004"): (7.52, None, 3.63, 15.56),
        ("smoking", "relative_risk", "AML", "current smokers"): (1.40, None, 1.22, 1.60),
        ("smoking", "relative_risk", "AML", "ever smokers"): (1.25, None, 1.15, 1.36),
        ("smoking", "relative_risk", "AML", "more than 30 cigarettes a day"): (1.77, None, None, None),
        ("down_syndrome", "cumulative_incidence_percent", "leukemia", "by age 5, Denmark"): (2.1, None, None, None),
        ("down_syndrome", "cumulative_incidence_percent", "leukemia", "by age 30, Denmark"): (2.7, None, None, None),
        ("down_syndrome", "percent_of_cohort", "ML-DS after TAM", "babies with TAM, Germany"): (23, None, None, None),
        ("bloom", "cumulative_incidence_percent", "any cancer", "by age 40, registry"): (83, None, None, None),
        ("wiskott_aldrich", "percent_of_cohort", "any malignancy", "X-linked thrombocytopenia"):
            (5.2, None, None, None),
        ("wiskott_aldrich", "percent_of_cohort", "acute leukemia", "after retroviral gene therapy"):
            (77.8, None, None, None),
        ("fanconi", "cumulative_incidence_percent", "leukemia", "by age 48, North America"): (10, None, None, None),
        ("fanconi", "cumulative_incidence_percent", "MDS/AML", "by age 40, IFAR"): (52, None, None, None),
        ("fanconi", "cumulative_incidence_percent", "AML", "by age 50, GeneReviews"): (13, None, None, None),
        ("gata2", "percent_of_cohort", "MDS", "NIH series"): (84, None, None, None),
        ("gata2", "percent_of_cohort", "AML", "NIH series"): (14, None, None, None),
        ("runx1", "percent_of_cohort", "hematological cancer", "NIH study"): (17.1, None, None, None),
        ("ddx41", "cumulative_incidence_percent", "myeloid neoplasm", "by age 90, Japan"): (49, None, None, None),
        ("chip", "percent_per_year", "overt neoplasia", "people with CHIP"): (0.5, 1, None, None),
        ("fanconi", "percent_per_year", "AML", "peak, in the teens"): (1, None, None, None),
    }
    assert got == expected


def test_no_number_the_fact_sheet_marks_unverified_is_used():
    by_cause = {(r.cause_id, r.value) for r in load_risks()}
    assert ("down_syndrome", 500) not in by_cause  # about 500-fold AMKL: UNVERIFIED
    assert ("chip", 11.1) not in by_cause  # hazard ratio of CHIP: UNVERIFIED
    assert ("wiskott_aldrich", 13) not in by_cause  # "13% malignancy in classic WAS": UNVERIFIED
    assert not any(r.measure == "hazard_ratio" for r in load_risks())


def test_computed_percentages_match_their_counts():
    counted = [r for r in load_risks() if r.events is not None]
    assert {(r.events, r.n, r.value) for r in counted} == {(7, 9, 77.8), (19, 111, 17.1)}


def test_every_source_the_data_name_is_cited_on_the_review_page():
    page = (ROOT / "book" / "review.ipynb").read_text(encoding="utf-8")
    cited = {k.strip() for m in re.finditer(r"\{cite:p\}`([^`]+)`", page) for k in m.group(1).split(",")}
    named = {k for c in load_causes() for k in c.sources} | {k for r in load_risks() for k in r.sources}
    assert named <= cited, sorted(named - cited)


# --- the model --------------------------------------------------------------------------------


def test_a_figure_without_a_source_is_refused_with_a_message_that_says_so():
    with pytest.raises(ValueError, match="source is empty"):
        parse_risk(_row(source=""), line=7)


def test_a_null_result_is_refused_because_it_cannot_sit_on_a_log_scale():
    with pytest.raises(ValueError, match="positive.*log scale"):
        parse_risk(_row(value="0"))


def test_an_unknown_measure_is_refused_naming_the_measures_there_are():
    with pytest.raises(ValueError, match="unknown measure 'odds'.*relative_risk"):
        parse_risk(_row(measure="odds"))


def test_a_confidence_interval_that_misses_the_value_is_refused():
    with pytest.raises(ValueError, match="must contain the value"):
        parse_risk(_row(ci_low="900", ci_high="1000"))
    with pytest.raises(ValueError, match="both ends"):
        parse_risk(_row(ci_low="700"))


def test_a_percentage_above_100_is_refused():
    with pytest.raises(ValueError, match="cannot exceed 100"):
        parse_risk(_row(measure="cumulative_incidence_percent", value="120"))


def test_a_percentage_that_does_not_match_its_counts_is_refused():
    with pytest.raises(ValueError, match="does not match 7 of 9"):
        parse_risk(_row(measure="percent_of_cohort", value="70", events="7", n="9"))


def test_a_number_written_as_words_is_refused_with_the_column_named():
    with pytest.raises(ValueError, match="ci_low must be a number"):
        parse_risk(_row(ci_low="about 6", ci_high="12"))


def test_a_figure_for_a_cause_not_in_the_causes_table_is_refused():
    with pytest.raises(ValueError, match="not a row of causes.csv"):
        validate(load_causes(), [parse_risk(_row(cause_id="scurvy"))])


def test_a_cause_without_its_mechanism_is_refused():
    row = {c: "x" for c in CAUSE_COLUMNS} | {"route": "Genetic syndrome", "mechanism": " "}
    with pytest.raises(ValueError, match="fill in mechanism"):
        parse_cause(row, line=3)


def test_the_three_families_partition_the_figures():
    parts = [risks_by_family(f) for f in FAMILIES]
    assert sum(len(p) for p in parts) == len(load_risks())
    assert [len(p) for p in parts] == [13, 13, 2]
    with pytest.raises(ValueError, match="Unknown family 'odds'"):
        risks_by_family("odds")


def test_highest_per_cause_picks_each_causes_largest_relative_figure():
    got = {r.cause_id: r.value for r in highest_per_cause("relative")}
    assert got == {"down_syndrome": 150, "klinefelter": 3.62, "fanconi": 868, "familial_cll": 8.5,
                   "smoking": 1.77}


def test_fanconi_aml_and_current_smoking_are_almost_three_orders_of_magnitude_apart():
    assert orders_apart(868, 1.40) == pytest.approx(math.log10(620), abs=1e-9)
    assert round(orders_apart(868, 1.40), 1) == 2.8


@given(a=st.floats(1e-3, 1e6), b=st.floats(1e-3, 1e6))
def test_orders_apart_is_antisymmetric_and_ten_times_is_one_order(a, b):
    assert orders_apart(a, b) == pytest.approx(-orders_apart(b, a), abs=1e-9)
    assert orders_apart(10 * a, a) == pytest.approx(1.0)


@pytest.mark.parametrize("bad", [0, -3, float("nan"), "868", True])
def test_orders_apart_refuses_what_is_not_a_positive_number(bad):
    with pytest.raises(ValueError, match="positive number"):
        orders_apart(bad, 1.4)


def test_magnitude_words_name_the_order_of_magnitude():
    assert [magnitude_words(x) for x in (1.4, 3.62, 56, 868)] == [
        "less than twice", "between 2 and 10 times", "between 10 and 100 times", "between 100 and 1,000 times"]


def test_figures_are_written_as_the_sources_give_them():
    texts = {(r.cause_id, r.setting): r.value_text for r in load_risks()}
    assert texts[("down_syndrome", "age 0-4, Denmark")] == "56×"
    assert texts[("down_syndrome", "by age 5, Denmark")] == "2.1%"
    assert texts[("chip", "people with CHIP")] == "0.5-1% a year"
    current = next(r for r in load_risks() if r.setting == "current smokers")
    assert (current.value_text, current.ci_text) == ("1.40×", "1.22-1.60")
    assert cause_by_id("fanconi").condition == "Fanconi anemia"
    with pytest.raises(ValueError, match="Unknown cause"):
        cause_by_id("scurvy")


def test_a_percentage_we_computed_from_counts_is_labelled_as_computed():
    labels = {r.measure_label for r in load_risks() if r.events is not None}
    assert labels == {"percent of a cohort affected (computed from the counts)"}
    assert all("computed" not in r.measure_label for r in load_risks() if r.events is None)


def test_every_source_has_an_author_year_label_that_matches_the_bibliography():
    bib = (ROOT / "book" / "references.bib").read_text(encoding="utf-8")
    for risk in load_risks():
        entry = bib.split("{" + risk.source + ",", 1)[1].split("\n}", 1)[0]
        year = re.search(r"year\s*=\s*\{(\d{4})\}", entry).group(1)
        assert year in source_label(risk.source), risk.source
        surname = re.search(r"author\s*=\s*\{+([A-Za-z ]+)", entry).group(1)  # up to an accent or comma
        assert surname in source_label(risk.source), risk.source
    with pytest.raises(ValueError, match="sources.csv"):
        source_label("Nobody1900Nowhere")


# --- the risk chart ---------------------------------------------------------------------------


def _main_points(fig) -> set[float]:
    return {x for t in fig.data if t.visible is not False and t.xaxis in (None, "x") for x in t.x if x is not None}


def test_each_state_shows_exactly_its_familys_figures_on_the_main_axis():
    chart = risk_comparison()
    for i, (_, family) in enumerate(FAMILY_STATES):
        fig = chart.figure_at(i)
        expected = {v for r in risks_by_family(family) for v in (r.value, r.value_high) if v is not None}
        assert _main_points(fig) == expected
        labels = {y for t in fig.data if t.visible is not False and t.xaxis in (None, "x") for y in t.y if y}
        assert set(fig.layout.yaxis.categoryarray) == labels
        assert len(fig.layout.yaxis.categoryarray) == len(risks_by_family(family))


def test_switching_state_changes_the_axis_and_shows_the_rate_panel_only_with_percentages():
    chart = risk_comparison()
    relative, absolute = chart.figure_at(0), chart.figure_at(1)
    assert "comparison rate" in relative.layout.xaxis.title.text
    assert "Percent of people" in absolute.layout.xaxis.title.text
    assert relative.layout.xaxis.type == absolute.layout.xaxis.type == "log"
    rate = [t for t in absolute.data if t.xaxis == "x2"]
    assert rate and all(t.visible is not False for t in rate)
    assert all(t.visible is False for t in relative.data if t.xaxis == "x2")
    assert relative.layout.xaxis2.visible is False and absolute.layout.xaxis2.visible is True
    assert {x for t in rate for x in t.x if x is not None} == {0.5, 1.0}


def test_a_stated_range_is_drawn_as_a_segment_joining_its_two_ends():
    chip = next(t for t in risk_comparison().figure_at(1).data if t.xaxis == "x2" and t.name == "Clonal hematopoiesis")
    assert list(chip.x[:3]) == [0.5, 1.0, None]
    assert "lines" in chip.mode


def test_confidence_intervals_are_drawn_as_whiskers_where_the_source_gives_them():
    ds = next(t for t in risk_comparison().figure.data if t.name == "Down syndrome")
    i = list(ds.x).index(56)
    assert (ds.error_x.array[i], ds.error_x.arrayminus[i]) == (25, 18)
    assert ds.error_x.array[list(ds.x).index(150)] == 0


def test_hover_gives_each_points_population_and_source():
    fig = risk_comparison().figure
    fa = next(t for t in fig.data if t.name == "Fanconi anemia")
    text = fa.customdata[list(fa.x).index(868)]
    assert "German Fanconi Anemia Registry" in text and "Source: Rosenberg et al. 2008" in text
    assert "Rosenberg2008Haematologica" not in text


def test_state_descriptions_warn_that_the_families_cannot_share_an_axis_and_to_compare_magnitudes():
    states = risk_comparison().states
    assert all("cannot share an axis" in s.description for s in states)
    assert "orders of magnitude, not decimals" in states[0].description
    assert "no excess in Denmark" in states[0].description


def test_every_number_in_the_descriptions_and_the_takeaway_comes_from_the_data_file():
    allowed = {n for row in read_table("review", "risks.csv") for cell in row.values() for n in _numbers(cell)}
    chart = risk_comparison()
    for text in [s.description for s in chart.states] + [chart.alt.takeaway]:
        assert _numbers(text) <= allowed, sorted(_numbers(text) - allowed)


def test_the_text_alternative_lists_every_figure_with_its_source():
    chart = risk_comparison()
    assert len(chart.alt.rows) == len(load_risks())
    assert [row[7] for row in chart.alt.rows] == [r.source_text for r in load_risks()]
    assert not {row[7] for row in chart.alt.rows} & {r.source for r in load_risks()}
    assert ("Fanconi anemia", "AML", "observed-to-expected ratio (O/E)", "868×") == chart.alt.rows[7][:4]


def test_colours_are_okabe_ito_or_grey_and_traces_are_scatter_only():
    allowed = set(OKABE_ITO.values()) | {"#5A5A5A"}
    assert {c for c, _ in GROUP_STYLE.values()} <= allowed
    fig = risk_comparison().figure
    assert {t.type for t in fig.data} == {"scatter"}
    assert {c.group for c in load_causes()} <= set(GROUP_STYLE)


def test_the_chart_is_the_same_on_every_build_and_light_enough_for_a_page():
    a, b = risk_comparison().to_html(), risk_comparison().to_html()
    assert a == b
    assert len(a.encode("utf-8")) < 400_000
    states = json.loads(a.split('class="lc-states">')[1].split("</script>")[0])
    assert [s["label"] for s in states] == [label for label, _ in FAMILY_STATES]


# --- the causes table -------------------------------------------------------------------------


def test_causes_table_has_column_and_row_headers_and_groups_rows_by_route():
    page = causes_table().to_html()
    assert page.count('<th scope="col">') == 7
    assert page.count('<th scope="row">') == len(load_causes())
    assert page.count('<th scope="rowgroup"') == 3
    assert "<caption>" in page and 'role="region"' in page
    for cause in load_causes():
        assert f'<th scope="row">{cause.condition}</th>' in page.replace("&#x27;", "'")


def test_causes_table_escapes_its_text():
    evil = Cause(*(["<script>x</script>"] * 3), "Genetic syndrome", *(["<b>"] * 8))
    page = CausesTable((evil,)).to_html()
    assert "<script>x" not in page and "&lt;script&gt;" in page
    assert "Genetic syndrome" in repr(CausesTable((evil,)))
