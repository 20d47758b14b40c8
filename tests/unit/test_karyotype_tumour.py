"""Tumor-karyotype notation (ISCN 2020): the constitutional c, count ranges, [cp n], idem, sl and sdl."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcbook.figures.karyotype import karyogram
from lcbook.karyotype import (
    ERROR_CODES,
    Karyotype,
    KaryotypeError,
    chromosome_copies,
    describe,
    parse_karyotype,
)


def error_of(text: str) -> KaryotypeError:
    with pytest.raises(KaryotypeError) as caught:
        parse_karyotype(text)
    return caught.value


# -- the constitutional mark c ---------------------------------------------------------------------


def test_myeloid_leukemia_of_down_syndrome_parses_with_count_48_and_the_constitutional_21_marked():
    k = parse_karyotype("48,XY,+8,+21c")
    assert k.chromosome_count == 48
    (line,) = k.cell_lines
    assert [str(a) for a in line.constitutional] == ["+21c"]
    assert [a.constitutional for a in line.abnormalities] == [False, True]
    assert str(k) == "48,XY,+8,+21c"


def test_a_constitutional_change_counts_like_any_other():
    assert error_of("47,XY,+8,+21c").code == "COUNT_MISMATCH"
    assert len(chromosome_copies(parse_karyotype("48,XY,+8,+21c"))) == 48


def test_a_constitutional_sex_chromosome_complement_is_marked_on_the_line():
    line = parse_karyotype("48,XXYc,+8").cell_lines[0]
    assert line.sex_chromosomes == "XXY" and line.constitutional_sex
    assert str(line) == "48,XXYc,+8"


def test_a_constitutional_rearrangement_keeps_its_mark():
    (a,) = parse_karyotype("46,XY,t(11;22)(q23;q11.2)c").abnormalities
    assert a.kind == "t" and a.constitutional and str(a) == "t(11;22)(q23;q11.2)c"


def test_the_description_says_which_change_is_constitutional_and_names_only_its_syndrome():
    text = describe(parse_karyotype("48,XY,+8,+21c"))
    assert "trisomy 21, constitutional" in text and "Down syndrome" in text
    assert "acquired" in text
    assert "Patau" not in describe(parse_karyotype("48,XY,+13,+21c"))


def test_the_karyogram_labels_the_constitutional_copy():
    fig = karyogram("48,XY,+8,+21c")
    assert "<b>+21c</b>" in fig.data[[t.name for t in fig.data].index("labels")].text


@pytest.mark.parametrize("text, code", [
    ("47,XY,+21C", "BAD_CONSTITUTIONAL"),
    ("47,XY,+21cc", "BAD_CONSTITUTIONAL"),
    ("47,XXYC", "BAD_CONSTITUTIONAL"),
    ("47,XY,+21c[4]/47,XY,+8[16]", "BAD_CONSTITUTIONAL"),
])
def test_a_misused_constitutional_mark_is_rejected_with_a_clear_message(text, code):
    e = error_of(text)
    assert e.code == code and "c" in e.message and e.position is not None


def test_a_constitutional_change_must_be_written_in_every_cell_line():
    e = error_of("47,XY,+21c[4]/47,XY,+8[16]")
    assert "every cell line" in e.message and e.position == len("47,XY,+21c[4]/")
    assert parse_karyotype("47,XY,+21c[4]/48,XY,+8,+21c[16]").is_mosaic


# -- count ranges and composite karyotypes ---------------------------------------------------------


def test_a_composite_karyotype_with_a_count_range_parses():
    line = parse_karyotype("46~47,XY,+8[cp10]").cell_lines[0]
    assert (line.chromosome_count, line.max_count, line.cells, line.composite) == (46, 47, 10, True)
    assert str(line) == "46~47,XY,+8[cp10]"


def test_a_composite_count_must_be_reachable_with_the_listed_changes():
    assert parse_karyotype("45~48,XX,-5,+8,+11,+13[cp10]")
    e = error_of("50~52,XY,+8[cp10]")
    assert e.code == "COUNT_MISMATCH" and "46" in e.message and "47" in e.message


def test_a_count_range_without_cp_is_accepted_with_a_note():
    k = parse_karyotype("46~47,XY,+8")
    assert any("[cp n]" in w for w in k.warnings)


@pytest.mark.parametrize("text", ["48~45,XY", "46~46,XY", "46~,XY", "~47,XY", "45~46~47,XY", "4a~47,XY"])
def test_a_malformed_count_range_is_rejected(text):
    assert error_of(text).code == "BAD_COUNT_RANGE"


@pytest.mark.parametrize("text", ["46,XY,+8[cp1]", "46,XY,+8[cp]", "46,XY,+8[CP10]", "46,XY,+8[cpx]"])
def test_a_malformed_composite_cell_count_is_rejected(text):
    assert error_of(text).code == "BAD_CELL_COUNT"


def test_the_description_explains_a_composite_karyotype():
    text = describe(parse_karyotype("46~47,XY,+8[cp10]"))
    assert "composite karyotype of 10 cells with 46 to 47 chromosomes" in text


# -- clones: idem, sl, sdl -------------------------------------------------------------------------


def test_idem_adds_the_stemline_changes_to_a_clone():
    k = parse_karyotype("46,XX,t(8;21)(q22;q22.1)[10]/47,idem,+8[5]")
    stem, side = k.cell_lines
    assert side.inherits == "idem" and side.sex_chromosomes == "XX"
    assert [str(a) for a in side.abnormalities] == ["+8", "t(8;21)(q22;q22.1)"]
    assert str(k) == "46,XX,t(8;21)(q22;q22.1)[10]/47,idem,+8[5]"
    assert len(chromosome_copies(k, 1)) == 47


def test_sl_and_sdl_name_the_stemline_and_a_sideline():
    k = parse_karyotype("46,XX,t(9;22)(q34;q11.2)[3]/47,sl,+8[17]/48,sdl1,+9[5]")
    assert [line.chromosome_count for line in k.cell_lines] == [46, 47, 48]
    assert [a.label for a in k.cell_lines[2].abnormalities] == ["+8", "+9", "t(9;22)"]


def test_an_inherited_clone_is_count_checked_with_its_inherited_changes():
    assert error_of("46,XX,t(8;21)(q22;q22.1)[10]/46,idem,+8[5]").code == "COUNT_MISMATCH"


@pytest.mark.parametrize("text", [
    "47,idem,+8",
    "46,XX[5]/47,idem,+8[3]",
    "46,XX,t(8;21)(q22;q22)[3]/47,sdl,+8[2]",
    "46,XX,t(8;21)(q22;q22)[3]/47,sl,+8[2]/48,sdl2,+9[2]",
    "46,XX,t(8;21)(q22;q22)[3]/47,IDEM,+8[2]",
    "46,XX,t(8;21)(q22;q22)[3]/47,sl1,+8[2]",
    "46,XX,t(8;21)(q22;q22)[3]/46,idem,t(8;21)(q22;q22)[2]",
])
def test_a_misused_clone_reference_is_rejected_with_a_clear_message(text):
    e = error_of(text)
    assert e.code == "BAD_CLONE_REFERENCE" and e.position is not None and len(e.message) > 30


def test_mixing_idem_with_sl_gets_a_warning():
    k = parse_karyotype("46,XX,t(8;21)(q22;q22)[3]/47,idem,+8[2]/47,sl,+9[2]")
    assert any("mixes idem" in w for w in k.warnings)


# -- properties ------------------------------------------------------------------------------------

_GAINS = ["+8", "+21", "+13", "+4"]


@st.composite
def tumour_texts(draw):
    """A valid tumor karyotype (stemline, clones by idem/sl/sdl, c marks, [cp n], ranges) and its counts."""
    sex = draw(st.sampled_from(["XX", "XY", "XXYc", "XYc"]))
    inborn = draw(st.sampled_from([[], ["+21c"]]))
    stem_changes = draw(st.sampled_from([["t(8;21)(q22;q22.1)"], ["-7"], ["inv(16)(p13.1q22)"], ["+8"]]))
    base = 44 + len(sex.rstrip("c"))
    stem_count = base + len(inborn) + sum(1 if c.startswith("+") else -1 if c.startswith("-") else 0 for c in stem_changes)
    composite = draw(st.booleans())
    if composite:
        gains = [g for g in _GAINS if g not in stem_changes][: draw(st.integers(1, 2))]
        losses = sum(1 for c in stem_changes if c.startswith("-"))
        low = base + len(inborn) - losses  # a constitutional change is in every cell
        high = low + sum(1 for c in stem_changes if c.startswith("+")) + len(gains)
        lo, hi = draw(st.integers(low, high)), None
        if lo < high and draw(st.booleans()):
            hi = draw(st.integers(lo + 1, high))
        count = f"{lo}~{hi}" if hi else str(lo)
        text = ",".join([count, sex, *stem_changes, *gains, *inborn]) + f"[cp{draw(st.integers(2, 30))}]"
        return text, [lo]
    lines = [(",".join([str(stem_count), sex, *stem_changes, *inborn]) + f"[{draw(st.integers(1, 20))}]", stem_count)]
    word = draw(st.sampled_from(["idem", "sl"]))
    added = [g for g in _GAINS if g not in stem_changes][:2]
    for j, gain in enumerate(added[: draw(st.integers(0, 2))]):
        ref = word if j == 0 or word == "idem" else "sdl1"
        parent = lines[0][1] if ref != "sdl1" else lines[1][1]
        lines.append((f"{parent + 1},{ref},{gain}[{draw(st.integers(1, 20))}]", parent + 1))
    return "/".join(t for t, _ in lines), [c for _, c in lines]


TUMOUR = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
TUMOUR_ALPHABET = "0123456789XYpq()[];,+-/.~ cidemslpCtd"


@TUMOUR
@given(tumour_texts())
def test_valid_tumour_karyotypes_are_accepted_with_their_counts(case):
    text, counts = case
    k = parse_karyotype(text)
    assert [line.chromosome_count for line in k.cell_lines] == counts


@TUMOUR
@given(tumour_texts())
def test_tumour_karyotypes_round_trip_and_can_be_described(case):
    k = parse_karyotype(case[0])
    assert parse_karyotype(str(k)) == k and str(parse_karyotype(str(k))) == str(k)
    assert describe(k).startswith(str(k) + ": ")


@TUMOUR
@given(tumour_texts(), st.data())
def test_a_tumour_karyotype_with_one_edit_never_raises_another_exception(case, edits):
    text, _ = case
    j = edits.draw(st.integers(0, len(text)))
    edited = edits.draw(st.sampled_from([
        text[:j] + text[j + 1:],
        text[:j] + edits.draw(st.sampled_from(list(TUMOUR_ALPHABET))) + text[j:],
        text[:j] + text[j:][::-1],
    ]))
    try:
        assert isinstance(parse_karyotype(edited), Karyotype)
    except KaryotypeError as e:
        assert e.code in ERROR_CODES and e.message
        assert e.position is None or 0 <= e.position <= len(edited)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=TUMOUR_ALPHABET, max_size=50))
def test_text_made_of_tumour_notation_never_raises_another_exception(text):
    try:
        parse_karyotype(text)
    except KaryotypeError as e:
        assert e.code in ERROR_CODES and e.message


# -- live: the explorer ----------------------------------------------------------------------------


def test_the_explorer_draws_tumour_notation_and_keeps_a_clear_message_for_its_misuse():
    from lcbook.widgets.karyotype import karyotype_explorer

    e = karyotype_explorer("48,XY,+8,+21c")
    assert str(e.karyotype) == "48,XY,+8,+21c" and "constitutional" in e.message.value
    drawn = e.figure
    e.text.value = "46,XX,t(8;21)(q22;q22.1)[10]/47,idem,+8[5]"
    assert e.figure is not drawn and "idem" in e.message.value
    kept = e.figure
    e.text.value = "47,idem,+8"
    assert e.figure is kept and 'role="alert"' in e.message.value and "first cell line" in e.message.value
