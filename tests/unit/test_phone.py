"""Tables on a phone: every data table with a header row stacks its rows into labelled cards."""
from __future__ import annotations

from lcbook.phone import stack_table, stack_tables

TABLE = (
    '<table class="table"><thead><tr><th scope="col">Gene</th><th>Risk &amp; age</th></tr></thead>'
    '<tbody><tr><th scope="row">RUNX1</th><td>high <a href="x">link</a></td></tr>'
    '<tr><td colspan="2">one wide cell</td></tr></tbody></table>'
)


def test_each_body_cell_is_labelled_with_its_column_heading():
    out = stack_table(TABLE)
    assert '<th scope="row" role="rowheader" data-label="Gene">RUNX1</th>' in out
    assert '<td role="cell" data-label="Risk &amp; age">high' in out


def test_a_stacked_table_keeps_its_structure_for_screen_readers():
    out = stack_table(TABLE)
    assert out.startswith('<table class="lc-stack table" role="table">')
    assert out.count('role="row"') == 3 and out.count('role="columnheader"') == 2


def test_a_cell_spanning_columns_gets_no_single_column_label():
    assert '<td colspan="2" role="cell">one wide cell</td>' in stack_table(TABLE)


def test_a_table_without_a_header_row_is_left_as_it_is():
    plain = "<table><tr><td>1</td></tr></table>"
    assert stack_tables(f"<p>a</p>{plain}") == f"<p>a</p>{plain}"


def test_stacking_twice_changes_nothing_more():
    once = stack_tables(TABLE)
    assert stack_tables(once) == once
