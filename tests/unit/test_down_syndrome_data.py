"""The Down syndrome and Klinefelter data files: columns, types, ranges, and a source on every row."""
from __future__ import annotations

import re

import pytest

from lcbook import data
from tests.conftest import ROOT

#: The fact sheet's cross-check table (section 2): Snijders et al. 1999 (Table 4, 40 weeks), live births.
FACT_SHEET_SNIJDERS = {20: 1527, 25: 1352, 30: 895, 35: 356, 40: 97, 44: 30}

FILES = {
    ("down_syndrome", "maternal_age_risk_snijders1996.csv"): ["age_years", "risk_one_in", "source"],
    ("down_syndrome", "parental_origin.csv"): [
        "study", "parent", "division", "share_percent", "share_of", "n_cases", "approximate", "source",
    ],
    ("klinefelter", "parental_origin.csv"): [
        "source_name", "parent", "share_percent_low", "share_percent_high", "wording", "authority", "source",
    ],
    ("klinefelter", "cancer_cohorts.csv"): [
        "study", "country", "n_men", "karyotype_group", "outcome", "measure", "value", "ci_low", "ci_high",
        "source",
    ],
}
KEY = re.compile(r"[A-Za-z][A-Za-z0-9-]+")


@pytest.mark.parametrize("parts", sorted(FILES), ids=lambda p: "/".join(p))
def test_each_file_has_its_documented_columns(parts):
    assert all(list(row) == FILES[parts] for row in data.read_table(*parts))


@pytest.mark.parametrize("parts", sorted(FILES), ids=lambda p: "/".join(p))
def test_every_row_names_citation_keys_that_its_readme_explains(parts):
    readme = data.data_path(parts[0], "README.md").read_text(encoding="utf-8")
    for row in data.read_table(*parts):
        keys = [k.strip() for k in row["source"].split(";")]
        assert keys and all(KEY.fullmatch(k) and f"`{k}`" in readme for k in keys), row


@pytest.mark.parametrize("parts", sorted(FILES), ids=lambda p: "/".join(p))
def test_every_file_is_described_in_its_readme(parts):
    readme = (ROOT / "data" / parts[0] / "README.md").read_text(encoding="utf-8")
    assert f"`{parts[1]}`" in readme


# --- Down syndrome -----------------------------------------------------------------------------------


def test_snijders_table_matches_the_fact_sheet():
    assert {r.age_years: r.risk_one_in for r in data.snijders_maternal_age_risk()} == FACT_SHEET_SNIJDERS


def test_snijders_risks_rise_with_age():
    rows = data.snijders_maternal_age_risk()
    assert [r.age_years for r in rows] == sorted(r.age_years for r in rows)
    assert all(a.risk < b.risk for a, b in zip(rows, rows[1:]))


def test_parental_origin_shares_are_percentages_of_a_named_group():
    for r in data.down_syndrome_parental_origin():
        assert 0 < r.share_percent <= 100 and r.n_cases > 0
        assert r.parent in ("mother", "father") and r.division in ("any", "meiosis I", "meiosis II")
        assert r.share_of in ("all cases", "maternal errors", "paternal errors")


def test_shares_of_one_group_in_one_study_add_up_to_at_most_100():
    totals: dict[tuple[str, str], float] = {}
    for r in data.down_syndrome_parental_origin():
        totals[(r.study, r.share_of)] = totals.get((r.study, r.share_of), 0) + r.share_percent
    assert all(t <= 100 + 1e-9 for t in totals.values())
    assert totals[("Antonarakis 1991", "all cases")] == pytest.approx(100)
    assert totals[("Antonarakis 1992", "maternal errors")] == pytest.approx(100)
    assert totals[("Antonarakis 1992", "paternal errors")] == pytest.approx(100)


def test_parental_origin_holds_the_fact_sheets_figures():
    got = {(r.study, r.parent, r.division): r.share_percent for r in data.down_syndrome_parental_origin()}
    assert got[("Antonarakis 1991", "mother", "any")] == 95.3
    assert got[("Antonarakis 1991", "father", "any")] == 4.7
    # Antonarakis 1992: of the informative maternal cases 128 in meiosis I, 38 in meiosis II; paternal 2 and 7 of 9.
    assert got[("Antonarakis 1992", "mother", "meiosis I")] == 77.1
    assert got[("Antonarakis 1992", "mother", "meiosis II")] == 22.9
    assert got[("Antonarakis 1992", "father", "meiosis I")] == 22.2
    assert got[("Antonarakis 1992", "father", "meiosis II")] == 77.8


def test_no_share_is_marked_approximate_since_the_abstract_gives_every_count():
    assert not any(r.approximate for r in data.down_syndrome_parental_origin())


# --- Klinefelter ---------------------------------------------------------------------------------------


def test_klinefelter_origin_ranges_are_ordered_percentages():
    for r in data.klinefelter_parental_origin():
        assert 0 <= r.share_percent_low <= r.share_percent_high <= 100 and r.parent in ("mother", "father")
        assert r.wording and r.authority


def test_klinefelter_origin_says_about_half_come_from_the_father():
    fathers = [r for r in data.klinefelter_parental_origin() if r.parent == "father"]
    assert fathers and all(40 <= r.share_percent_low <= r.share_percent_high <= 60 for r in fathers)


def test_klinefelter_cohort_results_are_ratios_with_a_known_measure():
    for r in data.klinefelter_cancer_cohorts():
        assert r.measure in ("SMR", "SIR", "RR") and r.value >= 0 and r.n_men > 0


def test_klinefelter_confidence_limits_are_both_given_or_both_blank_and_bracket_the_value():
    for r in data.klinefelter_cancer_cohorts():
        assert (r.ci_low is None) == (r.ci_high is None)
        if r.ci_low is not None:
            assert r.ci_low <= r.value <= r.ci_high


def test_klinefelter_cohorts_are_the_three_of_the_fact_sheet():
    cohorts = {(r.study, r.country, r.n_men) for r in data.klinefelter_cancer_cohorts()}
    assert cohorts == {("Swerdlow 2005", "United Kingdom", 3518), ("Hasle 1995", "Denmark", 696),
                       ("Ji 2016", "Sweden", 1085)}


def test_klinefelter_leukemia_result_is_the_swedish_sir():
    leukemia = [r for r in data.klinefelter_cancer_cohorts() if r.outcome == "leukemia"]
    assert [(r.country, r.measure, r.value) for r in leukemia] == [("Sweden", "SIR", 3.62)]
