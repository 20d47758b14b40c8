"""The ISCN karyotype parser: what it accepts, what it rejects and why, and what it says."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lcbook import data
from lcbook.karyotype import (
    ACROCENTRIC,
    AUTOSOMES,
    CHROMOSOMES,
    ERROR_CODES,
    MAX_LENGTH,
    Abnormality,
    CellLine,
    ChromosomeCopy,
    Karyotype,
    KaryotypeError,
    chromosome_copies,
    describe,
    expected_count,
    is_valid_band,
    parse_karyotype,
    valid_bands,
)


def error_of(text: str) -> KaryotypeError:
    with pytest.raises(KaryotypeError) as caught:
        parse_karyotype(text)
    return caught.value


def only(abnormalities):
    (a,) = abnormalities
    return a


# --------------------------------------------------------------------------------------------------
# Numerical changes and the count
# --------------------------------------------------------------------------------------------------


def test_trisomy_21_reads_count_sex_chromosomes_and_one_gain():
    k = parse_karyotype("47,XY,+21")
    assert (k.chromosome_count, k.sex_chromosomes, k.gains, k.losses) == (47, "XY", ("21",), ())
    assert k.warnings == ()
    assert str(k) == "47,XY,+21"


@pytest.mark.parametrize("text", ["46,XX", "46,XY"])
def test_typical_karyotypes_have_no_changes_and_no_warnings(text):
    k = parse_karyotype(text)
    assert k.abnormalities == () and k.warnings == () and str(k) == text


def test_monosomy_is_a_loss_that_lowers_the_count():
    k = parse_karyotype("45,XX,-7")
    assert (k.chromosome_count, k.gains, k.losses) == (45, (), ("7",))


def test_several_gains_are_all_listed():
    assert parse_karyotype("48,XY,+8,+21").gains == ("8", "21")


def test_tetrasomy_is_written_as_the_same_gain_twice():
    assert parse_karyotype("48,XX,+8,+8").gains == ("8", "8")


@pytest.mark.parametrize(
    "text", ["45,X", "47,XXY", "47,XXX", "47,XYY", "48,XXYY", "48,XXXY", "49,XXXXY", "48,XXXX", "49,XXXXX"]
)
def test_sex_chromosome_complements_are_counted_in_the_sex_field(text):
    k = parse_karyotype(text)
    assert k.sex_chromosomes == text.split(",")[1] and k.gains == () and k.warnings == ()


@pytest.mark.parametrize("text, ploidy", [("23,X", 1), ("46,XY", 2), ("69,XXY", 3), ("92,XXYY", 4)])
def test_ploidy_is_read_from_the_count_with_iscn_ranges(text, ploidy):
    assert parse_karyotype(text).cell_lines[0].ploidy == ploidy


def test_changes_to_a_near_triploid_are_counted_from_three_copies():
    k = parse_karyotype("70,XXY,+8")
    assert k.gains == ("8",)
    assert [c.kind for c in chromosome_copies(k) if c.name == "8"] == ["normal"] * 3 + ["extra"]


def test_acquired_loss_of_y_is_shown_in_the_sex_field_and_with_a_minus():
    k = parse_karyotype("45,X,-Y")
    assert (k.sex_chromosomes, k.losses) == ("X", ("Y",))


def test_acquired_gain_of_an_x_adds_one_to_the_count():
    assert parse_karyotype("47,XX,+X").gains == ("X",)


def test_gain_without_matching_count_is_rejected_with_the_expected_count():
    e = error_of("46,XY,+21")
    assert e.code == "COUNT_MISMATCH"
    assert "46,XY,+21 lists one gain, so the count should be 47" in e.message
    assert e.position == 0


def test_count_without_any_change_must_be_the_typical_one():
    e = error_of("47,XY")
    assert e.code == "COUNT_MISMATCH" and "no gains or losses" in e.message and "46" in e.message


def test_count_mismatch_of_a_later_cell_line_points_at_that_line():
    text = "47,XY,+21[12]/47,XY[8]"
    e = error_of(text)
    assert e.code == "COUNT_MISMATCH" and e.position == text.index("/") + 1


def test_count_mismatch_for_a_triploid_count_explains_the_ploidy():
    e = error_of("69,XY")
    assert e.code == "COUNT_MISMATCH" and "triploid" in e.message and "68" in e.message


@pytest.mark.parametrize("text", ["0,XX", "104,XXXX", "46000,XX"])
def test_counts_outside_1_to_103_are_out_of_range(text):
    assert error_of(text).code == "COUNT_OUT_OF_RANGE"


def test_removing_a_chromosome_more_often_than_the_cell_has_it_is_rejected():
    e = error_of("43,XY,-21,-21,-21")
    assert e.code == "NOT_ENOUGH_COPIES" and "21" in e.message and "two" in e.message


def test_gain_and_loss_of_the_same_chromosome_is_accepted_with_a_warning():
    k = parse_karyotype("46,XY,-8,+8")
    assert any("cancel out" in w for w in k.warnings)


# --------------------------------------------------------------------------------------------------
# Mosaics and chimeras
# --------------------------------------------------------------------------------------------------


def test_mosaic_has_one_cell_line_per_slash_each_with_its_cell_count():
    k = parse_karyotype("47,XY,+21[12]/46,XY[8]")
    assert [(line.chromosome_count, line.gains, line.cells) for line in k.cell_lines] == [
        (47, ("21",), 12), (46, (), 8)
    ]
    assert k.is_mosaic and k.total_cells == 20 and k.warnings == ()


def test_mosaic_top_level_fields_are_those_of_the_first_cell_line():
    k = parse_karyotype("45,X[15]/46,XX[5]")
    assert (k.chromosome_count, k.sex_chromosomes) == (45, "X")


def test_mos_prefix_is_kept_in_the_canonical_string():
    k = parse_karyotype("mos 47,XY,+21[12]/46,XY[8]")
    assert k.prefix == "mos" and str(k) == "mos 47,XY,+21[12]/46,XY[8]" and k.warnings == ()


def test_mosaic_line_without_a_cell_count_is_accepted_with_a_warning():
    k = parse_karyotype("47,XY,+21/46,XY[8]")
    assert k.cell_lines[0].cells is None and k.total_cells is None
    assert any("no cell count" in w and "47,XY,+21" in w for w in k.warnings)


def test_cell_lines_with_xx_and_xy_warn_of_possible_chimerism():
    k = parse_karyotype("46,XX[10]/46,XY[10]")
    assert any("chimera" in w for w in k.warnings)


def test_cell_lines_that_differ_by_a_lost_sex_chromosome_get_a_milder_warning():
    k = parse_karyotype("45,X[15]/46,XY[5]")
    assert any("different sex chromosomes" in w and "mosaicism" in w for w in k.warnings)


def test_chi_prefix_declares_a_chimera_so_there_is_no_warning():
    k = parse_karyotype("chi 46,XX[10]/46,XY[10]")
    assert k.prefix == "chi" and k.warnings == ()


def test_a_single_cell_line_may_give_its_cell_count():
    k = parse_karyotype("46,XX,t(8;21)(q22;q22)[20]")
    assert k.cell_lines[0].cells == 20 and not k.is_mosaic and k.warnings == ()


@pytest.mark.parametrize("text", ["46,XX[0]", "46,XX[x]", "46,XX[12", "46,XX[12]x", "46,XX]", "46,XX[[1]]"])
def test_a_malformed_cell_count_is_rejected(text):
    assert error_of(text).code == "BAD_CELL_COUNT"


def test_mos_prefix_with_only_one_cell_line_is_rejected():
    assert error_of("mos 46,XX").code == "BAD_MOSAIC"


@pytest.mark.parametrize("text", ["46,XX//46,XY", "46,XX/", "/46,XX"])
def test_an_empty_cell_line_is_rejected(text):
    assert error_of(text).code == "EMPTY_FIELD"


# --------------------------------------------------------------------------------------------------
# Structural changes
# --------------------------------------------------------------------------------------------------


def test_robertsonian_translocation_counts_as_one_chromosome():
    k = parse_karyotype("45,XX,rob(14;21)(q10;q10)")
    rob = only(k.abnormalities)
    assert (rob.kind, rob.chromosomes, rob.breakpoints) == ("rob", ("14", "21"), (("q10",), ("q10",)))
    assert rob.is_fusion and len(chromosome_copies(k)) == 45


def test_robertsonian_down_syndrome_has_46_chromosomes_with_a_separate_extra_21():
    k = parse_karyotype("46,XY,rob(14;21)(q10;q10),+21")
    assert k.chromosome_count == 46 and k.gains == ("21",)


def test_robertsonian_translocation_between_two_21s_is_allowed():
    assert parse_karyotype("46,XX,rob(21;21)(q10;q10),+21").chromosome_count == 46


def test_rob_between_chromosomes_that_are_not_acrocentric_is_rejected():
    text = "45,XX,rob(1;21)(q10;q10)"
    e = error_of(text)
    assert e.code == "ROB_NOT_ACROCENTRIC" and "13, 14, 15, 21 or 22" in e.message
    assert e.position == text.index("1;")


def test_rob_breakpoints_must_be_the_long_arm_centromere():
    assert error_of("45,XX,rob(14;21)(p10;q10)").code == "NEEDS_CENTROMERE"
    assert error_of("45,XX,rob(14;21)(q11.2;q11.2)").code == "NEEDS_CENTROMERE"


def test_rob_without_breakpoints_is_given_q10_q10_with_a_warning():
    k = parse_karyotype("45,XX,rob(14;21)")
    assert str(k) == "45,XX,rob(14;21)(q10;q10)" and k.warnings


def test_balanced_translocation_keeps_the_count_at_46():
    t = only(parse_karyotype("46,XX,t(8;21)(q22;q22)").abnormalities)
    assert (t.kind, t.chromosomes, t.breakpoints) == ("t", ("8", "21"), (("q22",), ("q22",)))


def test_translocation_needs_one_breakpoint_per_chromosome():
    e = error_of("46,XX,t(8;21)(q22)")
    assert e.code == "WRONG_BREAKPOINT_COUNT" and "two breakpoints" in e.message


def test_translocation_without_breakpoints_is_rejected():
    assert error_of("46,XX,t(8;21)").code == "WRONG_BREAKPOINT_COUNT"


def test_breakpoints_run_together_get_a_semicolon_hint():
    e = error_of("46,XX,t(8;21)(q22q22)")
    assert e.code == "MISSING_SEMICOLON" and "t(8;21)(q22;q22)" in e.message


def test_chromosomes_separated_by_a_comma_get_a_semicolon_hint():
    text = "46,XX,t(8,21)(q22;q22)"
    e = error_of(text)
    assert e.code == "MISSING_SEMICOLON" and e.position == text.index("8,") + 1


@pytest.mark.parametrize("separator", ["/", "."])
def test_other_separators_between_chromosomes_get_a_semicolon_hint(separator):
    e = error_of(f"46,XX,t(8{separator}21)(q22;q22)")
    assert e.code == "MISSING_SEMICOLON" and "t(8;21)" in e.message


def test_chromosomes_run_together_get_a_semicolon_hint():
    e = error_of("46,XX,t(821)(q22;q22)")
    assert e.code == "MISSING_SEMICOLON" and "t(8;21)" in e.message


def test_translocation_of_a_single_chromosome_is_rejected():
    assert error_of("46,XX,t(8)(q22)").code == "WRONG_CHROMOSOME_COUNT"


def test_lowest_chromosome_first_inside_a_translocation_is_normalised_with_a_warning():
    k = parse_karyotype("46,XX,t(21;8)(q22;q22.1)")
    assert str(k) == "46,XX,t(8;21)(q22.1;q22)"
    assert any("t(21;8) as t(8;21)" in w for w in k.warnings)


def test_sex_chromosome_comes_first_inside_a_translocation():
    assert str(parse_karyotype("46,Y,t(18;X)(q11.2;p11.2)")) == "46,Y,t(X;18)(p11.2;q11.2)"


def test_three_way_translocation_is_rotated_so_its_meaning_is_kept():
    k = parse_karyotype("46,XX,t(8;21;3)(q22;q22;p21)")
    assert str(k) == "46,XX,t(3;8;21)(p21;q22;q22)"


def test_terminal_deletion_has_one_breakpoint_and_interstitial_has_two():
    terminal = only(parse_karyotype("46,XX,del(5)(q31)").abnormalities)
    interstitial = only(parse_karyotype("46,XX,del(5)(q13q33)").abnormalities)
    assert terminal.breakpoints == (("q31",),) and interstitial.breakpoints == (("q13", "q33"),)


def test_deletion_with_three_breakpoints_is_rejected():
    e = error_of("46,XX,del(5)(q13q31q33)")
    assert e.code == "WRONG_BREAKPOINT_COUNT" and "terminal" in e.message


def test_deletion_of_two_chromosomes_is_rejected():
    assert error_of("46,XX,del(5;7)(q13;q22)").code == "WRONG_CHROMOSOME_COUNT"


def test_breakpoints_of_a_one_chromosome_change_are_not_separated_by_semicolons():
    assert error_of("46,XX,inv(16)(p13.1;q22)").code == "WRONG_BREAKPOINT_COUNT"


def test_inversion_needs_two_breakpoints():
    assert str(parse_karyotype("46,XX,inv(16)(p13.1q22)")) == "46,XX,inv(16)(p13.1q22)"
    assert error_of("46,XX,inv(16)(p13.1)").code == "WRONG_BREAKPOINT_COUNT"


def test_isochromosome_short_form_is_normalised_with_a_warning():
    k = parse_karyotype("46,XY,i(17q)")
    assert str(k) == "46,XY,i(17)(q10)" and any("i(17q)" in w for w in k.warnings)
    assert k == parse_karyotype("46,XY,i(17)(q10)")


def test_isochromosome_breakpoint_must_be_the_centromere():
    e = error_of("46,XY,i(17)(q21)")
    assert e.code == "NEEDS_CENTROMERE" and "i(17)(q10)" in e.message


def test_ring_chromosome_needs_two_breakpoints():
    assert parse_karyotype("46,XX,r(13)(p13q34)").abnormalities[0].kind == "r"
    assert error_of("46,XX,r(13)(q34)").code == "WRONG_BREAKPOINT_COUNT"


def test_derivative_of_a_translocation_replaces_its_own_chromosome():
    k = parse_karyotype("46,XY,der(22)t(9;22)(q34;q11.2)")
    der = only(k.abnormalities)
    assert der.kind == "der" and der.chromosomes == ("22",) and der.steps[0].chromosomes == ("9", "22")
    assert str(k) == "46,XY,der(22)t(9;22)(q34;q11.2)"


def test_derivative_may_be_made_by_several_rearrangements():
    der = only(parse_karyotype("46,XX,der(1)t(1;3)(p22;q13.1)del(1)(q21)").abnormalities)
    assert [s.kind for s in der.steps] == ["t", "del"]


def test_derivative_must_involve_its_own_chromosome():
    e = error_of("46,XX,der(1)t(2;3)(p22;q13.1)")
    assert e.code == "DERIVATIVE_MISMATCH" and "involve chromosome 1" in e.message


def test_derivative_without_the_rearrangement_that_made_it_is_rejected():
    assert error_of("46,XX,der(22)").code == "INCOMPLETE_DERIVATIVE"
    assert error_of("46,XX,der(22)(q11)").code == "INCOMPLETE_DERIVATIVE"


def test_extra_derivative_with_a_plus_adds_one_to_the_count():
    k = parse_karyotype("47,XY,+der(22)t(11;22)(q23;q11.2)")
    assert only(k.abnormalities).extra and k.gains == ()


def test_whole_arm_derivative_joins_two_chromosomes_into_one():
    k = parse_karyotype("46,XY,+1,der(1;7)(q10;p10)")
    assert k.abnormalities[1].is_fusion


def test_rearranged_x_is_written_as_a_change_and_counts_as_a_chromosome():
    k = parse_karyotype("46,X,i(X)(q10)")
    assert k.sex_chromosomes == "X" and [c.label for c in chromosome_copies(k) if c.name == "X"] == ["", "i(Xq)"]


def test_rearranged_x_also_written_in_the_sex_field_gets_a_hint():
    e = error_of("46,XX,i(X)(q10)")
    assert e.code == "COUNT_MISMATCH" and "46,X,i(X)(q10)" in e.message


def test_markers_add_to_the_count():
    assert parse_karyotype("47,XY,+mar").cell_lines[0].markers == 1
    assert parse_karyotype("48,XY,+2mar").cell_lines[0].markers == 2
    assert str(parse_karyotype("48,XY,+mar1,+mar2")) == "48,XY,+mar1,+mar2"


def test_loss_of_a_marker_is_not_supported():
    assert error_of("45,XY,-mar").code == "UNSUPPORTED_ABNORMALITY"


def test_centromere_is_not_a_breakpoint_for_a_deletion():
    assert error_of("46,XX,del(5)(q10)").code == "CENTROMERE_NOT_ALLOWED"


def test_whole_arm_translocation_at_the_centromere_is_valid():
    assert parse_karyotype("46,XY,t(1;19)(q10;p10)").abnormalities[0].breakpoints == (("q10",), ("p10",))


def test_a_plus_before_a_reciprocal_translocation_is_rejected():
    assert error_of("47,XX,+t(8;21)(q22;q22)").code == "UNSUPPORTED_ABNORMALITY"


# --------------------------------------------------------------------------------------------------
# Bands
# --------------------------------------------------------------------------------------------------


def test_a_band_that_does_not_exist_is_rejected_with_the_arm_range():
    text = "46,XX,t(8;21)(q22;q23)"
    e = error_of(text)
    assert e.code == "UNKNOWN_BAND" and e.position == text.index("q23")
    assert "21q23" in e.message and "21q22.3" in e.message


@pytest.mark.parametrize("band", ["q22", "q22.1", "q22.11", "q22.3", "q21"])
def test_coarser_parent_names_of_bands_are_valid(band):
    assert is_valid_band("21", band)
    parse_karyotype(f"46,XX,del(21)({band})")


def test_bands_of_every_resolution_are_valid():
    assert is_valid_band("11", "q13.5")  # 550 and 850 bands
    assert is_valid_band("9", "q34.11")  # 850 only
    assert is_valid_band("Y", "q11.22")  # parent of the 550/850 q11.221-q11.223


@pytest.mark.parametrize("band", ["q23", "q2", "q22.4", "p14"])
def test_names_that_are_not_bands_or_parents_of_bands_are_invalid(band):
    assert not is_valid_band("21", band)


def test_p10_and_q10_are_the_centromere_not_bands():
    assert not is_valid_band("17", "q10") and "q10" not in valid_bands("17")


def test_valid_bands_rejects_an_unknown_chromosome():
    with pytest.raises(ValueError):
        valid_bands("23")


def test_a_band_written_with_its_chromosome_gets_a_hint():
    e = error_of("46,XX,t(8;21)(8q22;21q22)")
    assert e.code == "BAD_BAND" and "t(8;21)(q22;q22)" in e.message


def test_detailed_system_band_terms_are_not_read():
    assert error_of("46,XX,del(5)(qter)").code == "BAD_BAND"


def test_a_capital_arm_letter_is_rejected_with_a_lower_case_hint():
    e = error_of("46,XX,del(5)(Q31)")
    assert e.code == "BAD_BAND" and "q31" in e.message


# --------------------------------------------------------------------------------------------------
# Chromosome names and abbreviations
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["47,XX,+23", "47,XX,+0", "46,XX,t(8;23)(q22;q22)", "46,XX,del(Z)(q31)"])
def test_an_unknown_chromosome_is_rejected(text):
    e = error_of(text)
    assert e.code == "UNKNOWN_CHROMOSOME" and "1 to 22, plus X and Y" in e.message


def test_a_leading_zero_on_a_chromosome_gets_a_hint():
    assert "without a leading zero" in error_of("47,XX,+08").message


def test_lower_case_sex_chromosomes_are_rejected_with_a_capitals_hint():
    e = error_of("46,xy")
    assert e.code == "BAD_SEX_CHROMOSOMES" and "XY" in e.message


def test_letters_other_than_x_and_y_in_the_sex_field_are_rejected():
    assert error_of("46,XZ").code == "BAD_SEX_CHROMOSOMES"


def test_a_cell_without_an_x_is_accepted_with_a_warning():
    assert any("no X" in w for w in parse_karyotype("45,Y").warnings)


def test_a_chromosome_number_without_a_sign_is_rejected():
    e = error_of("47,XY,21")
    assert e.code == "MISSING_SIGN" and "+21" in e.message


def test_an_upper_case_abbreviation_gets_a_lower_case_hint():
    e = error_of("46,XX,T(8;21)(q22;q22)")
    assert e.code == "UNKNOWN_ABNORMALITY" and "t(...)" in e.message


def test_valid_iscn_that_the_parser_does_not_handle_is_named_as_such():
    assert error_of("45,XX,dic(13;14)(p11.2;p11.2)").code == "UNSUPPORTED_ABNORMALITY"


def test_an_unknown_abbreviation_lists_the_supported_ones():
    e = error_of("46,XX,foo(8)(q22)")
    assert e.code == "UNKNOWN_ABNORMALITY" and "t, del, dup, inv, i, r, add, der, rob" in e.message


# --------------------------------------------------------------------------------------------------
# Order (accepted with a warning and normalized in str(k))
# --------------------------------------------------------------------------------------------------


def test_changes_in_the_wrong_order_are_reordered_with_a_warning():
    k = parse_karyotype("48,XY,+21,+8")
    assert str(k) == "48,XY,+8,+21" and k.gains == ("8", "21")
    assert any("Reordered" in w for w in k.warnings)


def test_sex_chromosome_changes_come_before_autosomes_and_markers_last():
    k = parse_karyotype("49,XX,+mar,+8,+X")
    assert str(k) == "49,XX,+X,+8,+mar"


def test_a_gain_comes_before_a_rearrangement_of_the_same_chromosome():
    assert str(parse_karyotype("47,XX,t(8;21)(q22;q22),+8")) == "47,XX,+8,t(8;21)(q22;q22)"


def test_a_rearrangement_is_ordered_by_its_lowest_chromosome():
    assert str(parse_karyotype("47,XY,+21,t(8;21)(q22;q22)")) == "47,XY,t(8;21)(q22;q22),+21"


def test_y_before_x_in_the_sex_field_is_normalised_with_a_warning():
    k = parse_karyotype("47,YXX")
    assert k.sex_chromosomes == "XXY" and k.warnings


def test_warnings_do_not_take_part_in_equality():
    assert parse_karyotype("48,XY,+21,+8") == parse_karyotype("48,XY,+8,+21")


# --------------------------------------------------------------------------------------------------
# Syntax and robustness
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_or_blank_text_asks_for_a_karyotype_with_an_example(text):
    e = error_of(text)
    assert e.code == "EMPTY" and "46,XX" in e.message


def test_stray_whitespace_is_removed_with_a_warning():
    k = parse_karyotype(" 47, XY, +21 [12] / 46,XY[8]\n")
    assert str(k) == "47,XY,+21[12]/46,XY[8]" and any("spaces" in w for w in k.warnings)


def test_error_positions_count_the_whitespace_that_was_removed():
    text = "46, XX, t(8;21)(q22;q23)"
    assert error_of(text).position == text.index("q23")


def test_a_unicode_minus_sign_is_read_as_a_hyphen_with_a_warning():
    k = parse_karyotype("45,XX,\u22127")
    assert k.losses == ("7",) and k.warnings


@pytest.mark.parametrize("text, bad", [("46,XX,+21é", "é"), ("\uff14\uff16,XX", "\uff14"), ("46,XX\x00", "\x00")])
def test_characters_outside_iscn_are_rejected_at_their_position(text, bad):
    e = error_of(text)
    assert e.code == "UNEXPECTED_CHARACTER" and e.position == text.index(bad)


def test_html_in_the_input_never_comes_back_in_the_message():
    for text in ["<b>46,XX</b>", "46,XX,&lt;", "46,XX,t(8;21)(q22;q22)<script>alert(1)</script>", "46,XX,\"x\""]:
        e = error_of(text)
        assert "<" not in e.message.replace("<2n>", "") and "&" not in e.message and '"' not in e.message


def test_text_longer_than_the_limit_is_rejected_before_parsing():
    e = error_of("46,XX," + "+21," * MAX_LENGTH)
    assert e.code == "TOO_LONG" and e.position is None


def test_a_long_but_allowed_karyotype_gives_a_short_message():
    text = "46,XY" + ",+21" * 200
    e = error_of(text)
    assert e.code in ("COUNT_MISMATCH", "COUNT_OUT_OF_RANGE") and len(e.message) < 400


@pytest.mark.parametrize(
    "text, code",
    [
        ("46,XX,t(8;21)((q22;q22))", "NESTED_PARENTHESES"),
        ("46,XX,t(8;21)(q22;q22", "UNBALANCED_PARENTHESES"),
        ("46,XX,t(8;21)q22;q22)", "UNBALANCED_PARENTHESES"),
        ("46,XX,t(8;21(q22;q22),+8", "NESTED_PARENTHESES"),
        ("46,XX,del(5(q31),+8", "NESTED_PARENTHESES"),
    ],
)
def test_unbalanced_or_nested_parentheses_are_rejected(text, code):
    assert error_of(text).code == code


def test_an_unclosed_parenthesis_is_pointed_at():
    text = "47,XX,+8,del(5)(q31"
    assert error_of(text).position == text.rindex("(")


@pytest.mark.parametrize("text", ["XY,46", ",XX", "+21", "forty-six,XX"])
def test_a_karyotype_must_start_with_the_count(text):
    assert error_of(text).code == "MISSING_COUNT"


def test_a_count_run_into_the_sex_chromosomes_gets_a_comma_hint():
    e = error_of("46XY")
    assert e.code == "MISSING_COMMA" and "46,XY" in e.message


@pytest.mark.parametrize("text", ["46", "47,+21", "46,t(8;21)(q22;q22)"])
def test_the_sex_chromosomes_must_follow_the_count(text):
    assert error_of(text).code == "MISSING_SEX_CHROMOSOMES"


@pytest.mark.parametrize("text", ["47,XY+21", "48,XY,+8+21"])
def test_changes_run_together_get_a_comma_hint(text):
    assert error_of(text).code == "MISSING_COMMA"


@pytest.mark.parametrize("text", ["47,XY,+21,", "47,XY,,+21"])
def test_an_empty_field_between_commas_is_rejected(text):
    assert error_of(text).code == "EMPTY_FIELD"


@pytest.mark.parametrize(
    "text", ["46,XX,del(5)(q3?)", "46,XX,del(5)(q13~q33)", "46,XX,t(8;21)(8qter::21q22)", "<2n>", "46~70,XX[cp5]"]
)
def test_iscn_notation_beyond_the_short_system_is_reported_as_unsupported(text):
    assert error_of(text).code == "UNSUPPORTED_NOTATION"


def test_karyotype_error_is_a_value_error_with_code_position_and_message():
    e = error_of("46,XY,+21")
    assert isinstance(e, ValueError) and str(e) == e.message and e.code in ERROR_CODES


def test_non_text_input_is_a_type_error():
    with pytest.raises(TypeError):
        parse_karyotype(46)  # type: ignore[arg-type]


def test_parsing_is_fast_enough_for_live_feedback():
    texts = [f"{46 + n % 2},XY{',+8' if n % 2 else ''},t(9;22)(q34;q11.2)[{n + 1}]" for n in range(500)]
    start = time.perf_counter()
    for text in texts:
        parse_karyotype(text)
    assert time.perf_counter() - start < 2.0


# --------------------------------------------------------------------------------------------------
# What a karyogram draws: chromosome_copies
# --------------------------------------------------------------------------------------------------


def test_a_typical_karyotype_has_two_normal_copies_of_each_autosome_in_karyogram_order():
    copies = chromosome_copies(parse_karyotype("46,XY"))
    assert [c.name for c in copies] == [c for c in AUTOSOMES for _ in range(2)] + ["X", "Y"]
    assert {c.kind for c in copies} == {"normal"}


def test_a_gained_chromosome_is_one_extra_copy_after_the_normal_ones():
    copies = [c for c in chromosome_copies(parse_karyotype("47,XY,+21")) if c.name == "21"]
    assert [c.kind for c in copies] == ["normal", "normal", "extra"] and copies[2].label == "+21"


def test_a_lost_chromosome_is_simply_absent():
    copies = chromosome_copies(parse_karyotype("45,XX,-7"))
    assert sum(c.name == "7" for c in copies) == 1 and len(copies) == 45


def test_a_robertsonian_chromosome_replaces_one_14_and_one_21():
    copies = chromosome_copies(parse_karyotype("46,XY,rob(14;21)(q10;q10),+21"))
    rob = [c for c in copies if c.kind == "structural"]
    assert rob == [ChromosomeCopy("14", "structural", "rob(14;21)", ("14", "21"))]
    assert [c.kind for c in copies if c.name == "14"] == ["normal", "structural"]
    assert [c.kind for c in copies if c.name == "21"] == ["normal", "extra"]


def test_a_translocation_leaves_two_derivatives_each_carrying_both_chromosomes():
    copies = chromosome_copies(parse_karyotype("46,XX,t(8;21)(q22;q22)"))
    structural = [(c.name, c.label, c.contains) for c in copies if c.kind == "structural"]
    assert structural == [("8", "t(8;21)", ("8", "21")), ("21", "t(8;21)", ("21", "8"))]


def test_a_derivative_chromosome_is_labelled_with_how_it_was_made():
    copies = chromosome_copies(parse_karyotype("46,XY,der(22)t(9;22)(q34;q11.2)"))
    (der,) = [c for c in copies if c.kind == "structural"]
    assert (der.name, der.label, der.contains) == ("22", "der(22)t(9;22)", ("22", "9"))
    assert sum(c.name == "9" for c in copies) == 2


def test_the_extra_x_of_klinefelter_syndrome_is_marked_extra():
    copies = [c for c in chromosome_copies(parse_karyotype("47,XXY")) if c.name in "XY"]
    assert [(c.name, c.kind) for c in copies] == [("X", "normal"), ("X", "extra"), ("Y", "normal")]


def test_markers_are_drawn_last():
    copies = chromosome_copies(parse_karyotype("47,XY,+mar"))
    assert copies[-1] == ChromosomeCopy("mar", "marker", "mar", ())


def test_copies_of_another_cell_line_are_chosen_by_index():
    k = parse_karyotype("47,XY,+21[12]/46,XY[8]")
    assert len(chromosome_copies(k, line=1)) == 46
    with pytest.raises(IndexError):
        chromosome_copies(k, line=2)


def test_expected_count_adds_up_the_cell_line():
    assert expected_count(CellLine(46, "XY", (Abnormality("gain", ("21",)),))) == 47


# --------------------------------------------------------------------------------------------------
# describe
# --------------------------------------------------------------------------------------------------


def test_describe_trisomy_21_names_down_syndrome():
    assert describe(parse_karyotype("47,XY,+21")) == (
        "47,XY,+21: a male with three copies of chromosome 21 (trisomy 21), the cause of Down syndrome."
    )


def test_describe_an_extra_x_in_a_male_names_klinefelter_syndrome():
    assert "a male with an extra X chromosome: Klinefelter syndrome" in describe(parse_karyotype("47,XXY"))


def test_describe_a_single_x_names_turner_syndrome():
    assert "Turner syndrome" in describe(parse_karyotype("45,X"))


def test_describe_a_typical_female_karyotype():
    assert describe(parse_karyotype("46,XX")) == "46,XX: a typical female karyotype: 46 chromosomes, two X."


def test_describe_a_mosaic_gives_each_line_with_its_share_of_cells():
    text = describe(parse_karyotype("47,XY,+21[12]/46,XY[8]"))
    assert "two cell lines: 12 of 20 cells (60%) have three copies of chromosome 21" in text
    assert "8 (40%) are typical" in text and "mosaic Down syndrome" in text


def test_describe_robertsonian_down_syndrome():
    text = describe(parse_karyotype("46,XY,rob(14;21)(q10;q10),+21"))
    assert "translocation Down syndrome" in text and "three copies of the long arm of chromosome 21" in text


def test_describe_a_balanced_robertsonian_carrier():
    text = describe(parse_karyotype("45,XX,rob(14;21)(q10;q10)"))
    assert "carrier of a balanced Robertsonian translocation" in text and "45 chromosomes" in text


def test_describe_names_a_known_leukemia_fusion():
    assert "RUNX1::RUNX1T1" in describe(parse_karyotype("46,XX,t(8;21)(q22;q22)"))


def test_describe_a_triploid_karyotype():
    assert describe(parse_karyotype("69,XXY")).startswith("69,XXY: triploidy: three full sets")


DESCRIBED = [
    "46,XX", "46,XY", "45,X", "47,XXY", "47,XXX", "47,XYY", "48,XXYY", "48,XXXY", "49,XXXXY", "69,XXY", "92,XXYY",
    "47,XY,+21", "47,XX,+18", "47,XY,+13", "45,XX,-7", "47,XY,+21[12]/46,XY[8]", "45,X[15]/46,XX[5]",
    "46,XY,rob(14;21)(q10;q10),+21", "45,XX,rob(14;21)(q10;q10)", "46,XX,t(8;21)(q22;q22)", "46,XX,inv(16)(p13.1q22)",
    "46,XY,der(22)t(9;22)(q34;q11.2)", "46,XX,del(5)(q13q33)", "46,X,i(X)(q10)", "47,XY,+mar", "45,X,-Y",
    "47,XY,+der(22)t(11;22)(q23;q11.2)", "46,XX[10]/46,XY[10]", "chi 46,XX[10]/46,XY[10]", "70,XXY,+8",
]


@pytest.mark.parametrize("text", DESCRIBED)
def test_describe_is_plain_respectful_english(text):
    sentence = describe(parse_karyotype(text))
    assert sentence.startswith(str(parse_karyotype(text)) + ": ") and sentence.endswith(".")
    lowered = sentence.lower()
    for outdated in ("mongol", "retard", "suffer", "afflict", "handicap", "victim", "down's", "abnormal child"):
        assert outdated not in lowered
    assert "<" not in sentence and "  " not in sentence


# --------------------------------------------------------------------------------------------------
# Properties (hypothesis)
# --------------------------------------------------------------------------------------------------

_BANDS = {
    c: sorted({b.band for r in (400, 550, 850) for b in data.cytobands(r) if b.chromosome == c}) for c in CHROMOSOMES
}
_SEX_BY_PLOIDY = {
    2: ["XX", "XY", "X", "XXY", "XXX", "XYY", "XXYY", "XXXY", "XXXXY"],
    3: ["XXX", "XXY", "XYY"],
    4: ["XXXX", "XXYY", "XXXY"],
}
_KINDS = ["gain", "loss", "t", "del", "inv", "i", "r", "der", "+der", "rob", "mar", "dup", "add", "wholearm"]


@st.composite
def cell_lines(draw):
    """A valid ISCN cell line, changes in any order, with its count worked out independently."""
    ploidy = draw(st.sampled_from([2, 2, 2, 3, 4]))
    sex = draw(st.sampled_from(_SEX_BY_PLOIDY[ploidy]))
    free = list(draw(st.permutations(AUTOSOMES)))
    band = lambda c: draw(st.sampled_from(_BANDS[c]))  # noqa: E731
    parts, delta = [], 0
    for kind in draw(st.lists(st.sampled_from(_KINDS), max_size=4)):
        if kind == "rob":
            acro = [c for c in free if c in ACROCENTRIC]
            if len(acro) < 2:
                continue
            a, b = acro[:2]
            free.remove(a)
            free.remove(b)
            parts.append(f"rob({a};{b})(q10;q10)")
            delta -= 1
            continue
        a, b = free.pop(), free.pop()
        if kind == "gain":
            parts.append(f"+{a}")
            delta += 1
        elif kind == "loss":
            parts.append(f"-{a}")
            delta -= 1
        elif kind == "t":
            parts.append(f"t({a};{b})({band(a)};{band(b)})")
        elif kind == "wholearm":
            parts.append(f"t({a};{b})({draw(st.sampled_from(['p10', 'q10']))};q10)")
        elif kind in ("del", "dup"):
            n = draw(st.integers(1, 2))
            parts.append(f"{kind}({a})({''.join(band(a) for _ in range(n))})")
        elif kind in ("inv", "r"):
            parts.append(f"{kind}({a})({band(a)}{band(a)})")
        elif kind == "add":
            parts.append(f"add({a})({band(a)})")
        elif kind == "i":
            parts.append(f"i({a})({draw(st.sampled_from(['p10', 'q10']))})")
        elif kind in ("der", "+der"):
            plus = "+" if kind == "+der" else ""
            delta += 1 if plus else 0
            parts.append(f"{plus}der({a})t({a};{b})({band(a)};{band(b)})")
        elif kind == "mar":
            parts.append("+mar")
            delta += 1
    count = 22 * ploidy + len(sex) + delta
    return ",".join([str(count), sex, *parts]), count


@st.composite
def karyotype_texts(draw):
    lines = draw(st.lists(cell_lines(), min_size=1, max_size=3))
    counted = draw(st.booleans())
    texts = [f"{text}[{draw(st.integers(1, 30))}]" if counted else text for text, _ in lines]
    prefix = draw(st.sampled_from(["", "mos "])) if len(lines) > 1 else ""
    return prefix + "/".join(texts), [count for _, count in lines]


# No example database: the tests write nothing into the work tree.
TEXT = settings(max_examples=300, deadline=None, database=None)
BUILT = settings(max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
ISCN_ALPHABET = "0123456789XYxypq()[];,+-/. tdelinvrobmaruchi?~:<>é"


@TEXT
@given(st.text(max_size=80))
def test_any_text_gives_a_karyotype_or_a_karyotype_error(text):
    try:
        assert isinstance(parse_karyotype(text), Karyotype)
    except KaryotypeError as e:
        assert e.code in ERROR_CODES and e.message
        assert e.position is None or 0 <= e.position <= len(text)


@TEXT
@given(st.text(alphabet=ISCN_ALPHABET, max_size=60))
def test_text_made_of_iscn_characters_gives_a_karyotype_or_a_karyotype_error(text):
    try:
        parse_karyotype(text)
    except KaryotypeError as e:
        assert e.code in ERROR_CODES and e.message and "<script" not in e.message


@BUILT
@given(karyotype_texts(), st.data())
def test_a_valid_karyotype_with_one_edit_gives_a_karyotype_or_a_karyotype_error(case, edits):
    text, _ = case
    j = edits.draw(st.integers(0, len(text)))
    edited = edits.draw(st.sampled_from([
        text[:j] + text[j + 1:],
        text[:j] + edits.draw(st.sampled_from(list(ISCN_ALPHABET))) + text[j:],
        text[:j] + text[j:][::-1],
    ]))
    try:
        parse_karyotype(edited)
    except KaryotypeError as e:
        assert e.code in ERROR_CODES
        assert e.position is None or 0 <= e.position <= len(edited)


@BUILT
@given(karyotype_texts())
def test_valid_karyotypes_are_accepted_with_the_counts_they_were_built_with(case):
    text, counts = case
    k = parse_karyotype(text)
    assert [line.chromosome_count for line in k.cell_lines] == counts


@BUILT
@given(karyotype_texts())
def test_canonical_strings_round_trip_and_are_idempotent(case):
    k = parse_karyotype(case[0])
    canonical = str(k)
    again = parse_karyotype(canonical)
    assert again == k and str(again) == canonical
    assert not any(w.startswith(("Reordered", "Wrote", "Removed", "Added")) for w in again.warnings)


@BUILT
@given(karyotype_texts())
def test_every_cell_line_draws_as_many_chromosomes_as_its_count(case):
    k = parse_karyotype(case[0])
    for j, line in enumerate(k.cell_lines):
        copies = chromosome_copies(k, j)
        assert len(copies) == line.chromosome_count
        assert all(c.kind in ("normal", "extra", "structural", "marker") for c in copies)


@BUILT
@given(karyotype_texts(), st.integers(-3, 3))
def test_a_wrong_count_is_always_caught(case, shift):
    assume(shift != 0)
    text, counts = case
    first = text.removeprefix("mos ")
    wrong = str(counts[0] + shift) + first[len(str(counts[0])):]
    with pytest.raises(KaryotypeError) as caught:
        parse_karyotype(wrong)
    assert caught.value.code in ("COUNT_MISMATCH", "NOT_ENOUGH_COPIES")


@BUILT
@given(cell_lines(), st.randoms(use_true_random=False))
def test_the_order_changes_are_written_in_does_not_change_the_karyotype(case, rnd):
    text, _ = case
    count, sex, *changes = text.split(",")
    rnd.shuffle(changes)
    assert parse_karyotype(",".join([count, sex, *changes])) == parse_karyotype(text)


@BUILT
@given(karyotype_texts())
def test_every_valid_karyotype_can_be_described(case):
    k = parse_karyotype(case[0])
    sentence = describe(k)
    assert sentence.startswith(str(k) + ": ") and sentence.endswith(".") and "  " not in sentence
