"""The net effect of a command on each table, as ``kacli undo`` reports it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kacli.domain.undo import TableChange, net_effects


def test_each_row_counts_once_by_its_net_effect():
    entries = [("deal", "U", 1), ("deal", "U", 1), ("deal", "U", 2), ("payment", "I", 5),
               ("payment", "U", 5), ("payment", "I", 6), ("payment", "D", 6), ("role", "D", 3)]
    assert net_effects(entries) == [TableChange("deal", 0, 2, 0), TableChange("payment", 1, 0, 0),
                                    TableChange("role", 0, 0, 1)]


def test_a_row_made_and_removed_leaves_nothing():
    assert net_effects([("visit", "I", 1), ("visit", "D", 1)]) == []


@given(st.lists(st.tuples(st.sampled_from(["a", "b"]), st.sampled_from("IUD"), st.integers(1, 4))))
def test_never_more_counts_than_rows_touched(entries):
    rows = {(table, row) for table, _, row in entries}
    counted = sum(c.added + c.changed + c.removed for c in net_effects(entries))
    assert counted <= len(rows)
