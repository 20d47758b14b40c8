"""Sister chromatid exchange: the simulation, the explorer figure and the live simulator widget."""
from __future__ import annotations

import json
import math
from collections import Counter

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lcbook.sce import (
    BLOOM_MEAN,
    NORMAL_MEAN,
    Chromosome,
    chromosome_set,
    place_exchanges,
    simulate_counts,
    simulate_metaphase,
    summarize_counts,
)

N_CELLS = 2000


def _rng(seed: int = 7) -> np.random.Generator:
    return np.random.default_rng(seed)


# --- The model ----------------------------------------------------------------------------------


def test_the_published_means_are_89_in_bloom_syndrome_and_6_9_in_typical_cells():
    assert (BLOOM_MEAN, NORMAL_MEAN) == (89.0, 6.9)


def test_simulated_bloom_mean_is_within_four_standard_errors_of_89():
    counts = simulate_counts(BLOOM_MEAN, N_CELLS, _rng(1))
    assert abs(counts.mean() - BLOOM_MEAN) < 4 * math.sqrt(BLOOM_MEAN / N_CELLS)


def test_simulated_typical_mean_is_within_four_standard_errors_of_6_9():
    counts = simulate_counts(NORMAL_MEAN, N_CELLS, _rng(2))
    assert abs(counts.mean() - NORMAL_MEAN) < 4 * math.sqrt(NORMAL_MEAN / N_CELLS)


def test_simulated_metaphases_average_the_mean_they_were_given():
    rng = _rng(3)
    n = 300
    counts = [simulate_metaphase(BLOOM_MEAN, rng).exchange_count for _ in range(n)]
    assert abs(np.mean(counts) - BLOOM_MEAN) < 4 * math.sqrt(BLOOM_MEAN / n)


def test_same_seed_gives_the_same_metaphase():
    assert simulate_metaphase(BLOOM_MEAN, _rng(11)) == simulate_metaphase(BLOOM_MEAN, _rng(11))


def test_different_seeds_give_different_metaphases():
    assert simulate_metaphase(BLOOM_MEAN, _rng(11)) != simulate_metaphase(BLOOM_MEAN, _rng(12))


def test_same_seed_gives_the_same_counts():
    assert np.array_equal(simulate_counts(NORMAL_MEAN, 50, _rng(5)), simulate_counts(NORMAL_MEAN, 50, _rng(5)))


def test_a_metaphase_has_46_chromosomes_each_with_two_sisters():
    m = simulate_metaphase(BLOOM_MEAN, _rng())
    assert len(m.chromosomes) == 46
    for c in m.chromosomes:
        for sister in (0, 1):
            segments = c.segments(sister)
            assert segments[0].start == 0.0 and segments[-1].end == 1.0
    with pytest.raises(ValueError, match="two sister chromatids"):
        m.chromosomes[0].segments(2)


def test_a_female_cell_has_two_x_and_a_male_cell_an_x_and_a_y():
    assert Counter(c.name for c in chromosome_set("XX"))["X"] == 2
    male = Counter(c.name for c in chromosome_set("XY"))
    assert (male["X"], male["Y"], sum(male.values())) == (1, 1, 46)


def test_every_autosome_is_present_twice():
    counts = Counter(c.name for c in chromosome_set())
    assert all(counts[str(n)] == 2 for n in range(1, 23))


def test_a_metaphase_without_exchanges_has_one_dark_and_one_pale_sister_throughout():
    m = place_exchanges(0, _rng())
    for c in m.chromosomes:
        assert [s.dark for s in c.segments(c.dark_sister)] == [True]
        assert [s.dark for s in c.segments(1 - c.dark_sister)] == [False]


def test_each_exchange_swaps_the_staining_distal_to_it():
    # Centromere at 0.4; one exchange on the q arm (0.7) and one on the p arm (0.1).
    c = Chromosome("1", 1, 1.0, 0.4, dark_sister=0, exchanges=(0.1, 0.7))
    assert c.is_dark(0, 0.5) and c.is_dark(0, 0.2)  # between the exchanges and the centromere
    assert not c.is_dark(0, 0.8) and not c.is_dark(0, 0.05)  # distal to each exchange: swapped
    assert c.is_dark(1, 0.8) and c.is_dark(1, 0.05)


def test_two_exchanges_on_one_arm_swap_the_staining_back_beyond_the_second():
    c = Chromosome("1", 1, 1.0, 0.4, dark_sister=1, exchanges=(0.6, 0.8))
    assert [c.is_dark(1, x) for x in (0.5, 0.7, 0.9)] == [True, False, True]


@settings(max_examples=60, deadline=None)
@given(
    exchanges=st.lists(st.floats(0.001, 0.999), max_size=12, unique=True),
    centromere=st.floats(0.05, 0.95),
    dark_sister=st.sampled_from([0, 1]),
)
def test_the_sisters_always_stain_opposite_and_switch_colour_exactly_at_the_exchanges(
    exchanges, centromere, dark_sister
):
    exchanges = sorted(e for e in exchanges if abs(e - centromere) > 1e-6)
    c = Chromosome("1", 1, 1.0, centromere, dark_sister, tuple(exchanges))
    segs0, segs1 = c.segments(0), c.segments(1)
    assert [s.dark for s in segs0] == [not s.dark for s in segs1]
    switches = [a.end for a, b in zip(segs0, segs0[1:]) if a.dark != b.dark]
    assert switches == exchanges
    assert c.is_dark(dark_sister, centromere)


def test_exchanges_fall_on_longer_chromosomes_more_often():
    rng = _rng(4)
    per_name: Counter[str] = Counter()
    for _ in range(100):
        for c in simulate_metaphase(BLOOM_MEAN, rng).chromosomes:
            per_name[c.name] += len(c.exchanges)
    # Chromosome 1 is about 4.7 times as long as chromosome 21 (ISCN lengths).
    assert per_name["1"] > 3 * per_name["21"]
    assert per_name["1"] > per_name["2"] * 0.9 > per_name["12"] > per_name["21"]


def test_place_exchanges_places_exactly_the_number_asked_for():
    assert place_exchanges(37, _rng()).exchange_count == 37


def test_exchange_positions_lie_along_the_chromosome_in_order():
    for c in simulate_metaphase(BLOOM_MEAN, _rng(9)).chromosomes:
        assert list(c.exchanges) == sorted(c.exchanges)
        assert all(0.0 <= e <= 1.0 for e in c.exchanges)


def test_a_mean_of_zero_gives_a_cell_without_exchanges():
    assert simulate_metaphase(0.0, _rng()).exchange_count == 0


def test_negative_rate_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="cannot be negative"):
        simulate_metaphase(-1.0, _rng())
    with pytest.raises(ValueError, match="cannot be negative"):
        simulate_counts(-0.5, 10, _rng())


def test_a_mean_that_is_not_a_number_is_refused_with_a_clear_message():
    for bad in ("89", None, True, float("nan")):
        with pytest.raises(ValueError, match="must be a number|cannot be negative"):
            simulate_metaphase(bad, _rng())


def test_an_absurdly_high_mean_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="more than this model draws"):
        simulate_counts(1e9, 10, _rng())


def test_a_bad_number_of_cells_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="at least one cell"):
        simulate_counts(BLOOM_MEAN, 0, _rng())
    with pytest.raises(ValueError, match="whole number"):
        simulate_counts(BLOOM_MEAN, 2.5, _rng())
    with pytest.raises(ValueError, match="cannot be negative"):
        simulate_counts(BLOOM_MEAN, -3, _rng())


def test_a_missing_random_generator_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="numpy.random.Generator"):
        simulate_metaphase(BLOOM_MEAN, 42)


def test_an_unknown_sex_chromosome_set_is_refused():
    with pytest.raises(ValueError, match="'XX' or 'XY'"):
        simulate_metaphase(BLOOM_MEAN, _rng(), sex="XXY")


def test_a_count_summary_gives_mean_minimum_and_maximum():
    s = summarize_counts(np.array([3, 5, 10]))
    assert (s.cells, s.mean, s.minimum, s.maximum) == (3, 6.0, 3, 10)
    with pytest.raises(ValueError, match="no cells"):
        summarize_counts(np.array([]))


# --- The explorer figure ------------------------------------------------------------------------

from lcbook.figures.sce import metaphase_figure, sce_explorer  # noqa: E402

BASIC_BUNDLE = {"scatter", "bar", "pie"}


@pytest.fixture(scope="module")
def explorer():
    return sce_explorer()


def test_the_explorer_offers_typical_then_bloom_cells(explorer):
    labels = [s.label for s in explorer.states]
    assert labels == [f"Typical {i}" for i in range(1, 5)] + [f"Bloom {i}" for i in range(1, 5)]


def test_every_state_changes_the_figure(explorer):
    shown = {explorer.figure_at(i).to_json() for i in range(len(explorer.states))}
    assert len(shown) == len(explorer.states)


def test_each_description_gives_the_cells_count_and_the_published_averages(explorer):
    for i, state in enumerate(explorer.states):
        title = explorer.figure_at(i).layout.annotations[0].text
        n = int(title.split(": ")[1].split(" exchange")[0])
        kind = "Bloom" if state.label.startswith("Bloom") else "typical"
        assert state.description.startswith(f"This simulated {kind} cell has {n} exchange")
        assert "about 89 per metaphase" in state.description or "average about 7 per metaphase" in state.description
        assert "Chaganti et al. 1974" in state.description


def test_bloom_cells_drawn_have_many_more_exchanges_than_typical_ones(explorer):
    counts = [int(s.description.split(" has ")[1].split(" ")[0]) for s in explorer.states]
    assert max(counts[:4]) * 3 < min(counts[4:])


def test_figure_at_each_state_is_what_the_page_shows(explorer):
    for i, state in enumerate(explorer.states):
        fig = explorer.figure_at(i)
        for k, t in enumerate(state.traces):
            assert list(fig.data[t].x) == state.data["x"][k]
            assert list(fig.data[t].y) == state.data["y"][k]
        assert fig.layout.annotations[0].text == state.layout["annotations[0].text"]


def test_the_first_state_is_the_figure_the_page_starts_with(explorer):
    assert json.loads(explorer.figure_at(0).to_json()) == json.loads(explorer.figure.to_json())


def test_the_dark_chromatids_drawn_match_the_simulated_cell(explorer):
    # Each state's dark trace has one segment per dark stretch; none of a typical cell's 46 pairs is
    # missing its dark chromatid.
    for state in explorer.states:
        dark_x = state.data["x"][1]
        segments = dark_x.count(None)
        n = int(state.description.split(" has ")[1].split(" ")[0])
        assert 46 <= segments <= 46 + n


def test_the_explorer_uses_only_basic_bundle_trace_types(explorer):
    assert {t.type for t in explorer.figure.data} <= BASIC_BUNDLE


def test_the_explorer_keeps_few_traces(explorer):
    assert len(explorer.figure.data) <= 12


def test_the_explorer_page_fragment_stays_under_300_kb(explorer):
    assert len(explorer.to_html().encode("utf-8")) < 300_000


def test_the_explorer_html_is_the_same_on_every_build():
    assert sce_explorer().to_html() == sce_explorer().to_html()


def test_another_seed_draws_other_cells():
    assert sce_explorer(seed=1).to_html() != sce_explorer(seed=2).to_html()


def test_the_text_alternative_summarises_both_groups_with_the_published_values(explorer):
    rows = {r[0]: r for r in explorer.alt.rows}
    assert set(rows) == {"Typical", "Bloom syndrome"}
    assert rows["Bloom syndrome"][5:] == ("89.0", "45–162")
    assert rows["Typical"][5:] == ("6.9", "1–14")
    assert float(rows["Bloom syndrome"][2]) > 5 * float(rows["Typical"][2])
    assert "13" in explorer.alt.takeaway and "carriers" in explorer.alt.takeaway


def test_the_explorer_refuses_a_silly_number_of_samples():
    with pytest.raises(ValueError, match="between 1 and 6"):
        sce_explorer(samples=0)


def test_the_explorer_has_one_height_for_every_state(explorer):
    assert all("height" not in s.layout for s in explorer.states)


def test_a_metaphase_figure_draws_one_cell_with_its_count_in_the_title():
    m = place_exchanges(12, _rng())
    fig = metaphase_figure(m, "Test cell")
    assert "Test cell: 12 exchanges" in fig.layout.annotations[0].text
    assert {t.type for t in fig.data} <= BASIC_BUNDLE


# --- The live widget -----------------------------------------------------------------------------

from lcbook.widgets.sce import sce_simulator  # noqa: E402


def test_the_simulator_shows_a_cell_and_its_count_at_once():
    w = sce_simulator()
    assert w.count is not None
    assert f"has {w.count} sister chromatid exchange" in w.message.value
    assert len(w.output.outputs) == 1


def test_simulating_again_draws_a_new_cell_and_count():
    w = sce_simulator(seed=3)
    counts = {w.count}
    for _ in range(5):
        w.button.click()
        counts.add(w.count)
    assert len(counts) > 1


def test_the_simulator_follows_the_mean_slider():
    w = sce_simulator()
    w.mean.value = 0.0
    w.button.click()
    assert w.count == 0


def test_the_same_seed_replays_the_same_cells():
    a, b = sce_simulator(seed=9), sce_simulator(seed=9)
    assert a.count == b.count and a.metaphase == b.metaphase


def test_a_bad_seed_gives_a_friendly_message_and_keeps_the_last_cell():
    w = sce_simulator()
    before = w.metaphase
    w.seed.value = -4
    w.button.click()
    assert "No cell was simulated" in w.message.value and "0 or more" in w.message.value
    assert w.metaphase is before


def test_bad_input_message_is_escaped():
    w = sce_simulator()
    assert w.simulate(mean="<script>alert(1)</script>") is False
    assert "<script>" not in w.message.value
    assert "&lt;script&gt;" in w.message.value
