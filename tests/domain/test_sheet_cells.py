"""What a spreadsheet would run is written as text, and read back exactly (pure rules)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import sheet_cells

RUNNABLE = ["=SUM(A1)", "+86 138 0000 0000", "-1", "@cmd", "\tx", "\rx", "=", "'=x", "''+x"]
PLAIN = ["", "'", "'hello", "华信地产", "1-2", "a=b", "_x0041_", "x'=y"]


@pytest.mark.parametrize("value", RUNNABLE)
def test_a_cell_a_spreadsheet_would_run_gets_a_quote(value):
    written = sheet_cells.csv_cell(value)
    assert written == "'" + value
    assert sheet_cells.from_csv(written) == value


@pytest.mark.parametrize("value", PLAIN)
def test_other_cells_are_written_as_they_are(value):
    assert sheet_cells.csv_cell(value) == value
    assert sheet_cells.from_csv(value) == value


@given(st.text())
def test_csv_round_trip_is_exact_and_never_starts_with_a_formula(value):
    written = sheet_cells.csv_cell(value)
    assert sheet_cells.from_csv(written) == value
    assert written[:1] not in sheet_cells.RUNS


@given(st.text())
def test_xlsx_text_holds_every_character_and_reads_back(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    written = sheet_cells.xlsx_text(value)
    assert not ILLEGAL_CHARACTERS_RE.search(written)
    if "_x" not in value:  # a literal _xHHHH_ is Excel's own escape: read as the character
        assert sheet_cells.from_xlsx(written) == value
