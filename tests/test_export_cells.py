"""What leaves kacli cannot attack the person who opens it: cells a spreadsheet would run are
written as text (CSV: a leading quote; XLSX: string cells), and import reads them back exactly."""

from __future__ import annotations

import csv
import io

from kacli.errors import ExitCode

NAME = "=HYPERLINK(\"http://x\",\"y\")"
PHONE = "+86 138 0000 0000"


def _book(kacli):
    kacli.ok("customer", "add", NAME, "--phone", PHONE, "--set", "备注=@SUM(A1)", "--revenue", "100万",
             "--industry", "-制造")


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_export_quotes_runnable_cells_and_import_reads_them_back(kacli, tmp_path, monkeypatch):
    _book(kacli)
    before = kacli.json("customer", "show", NAME)
    kacli.ok("export", "customers", "-o", tmp_path / "c.csv")
    rows = _cells((tmp_path / "c.csv").read_bytes())
    cells = [c for row in rows for c in row]
    assert "'" + NAME in cells and "'" + PHONE in cells and "'-制造" in cells
    assert not [c for c in cells if c and c[0] in "=+-@\t\r"]
    monkeypatch.setenv("KACLI_DB", str(tmp_path / "fresh.db"))
    kacli.ok("import", "customers", tmp_path / "c.csv")
    after = kacli.json("customer", "show", NAME)
    for key in ("name", "phones", "facts", "industry"):
        assert after[key] == before[key]


def test_xlsx_export_writes_text_never_formulas_and_reads_back(kacli, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    _book(kacli)
    before = kacli.json("customer", "show", NAME)
    kacli.ok("export", "all", "-o", tmp_path / "all.xlsx")
    book = load_workbook(tmp_path / "all.xlsx")
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert NAME in [c.value for c in cells] and PHONE in [c.value for c in cells]
    monkeypatch.setenv("KACLI_DB", str(tmp_path / "fresh.db"))
    kacli.ok("import", "customers", tmp_path / "all.xlsx", "--sheet", "customers")
    after = kacli.json("customer", "show", NAME)
    for key in ("name", "phones", "facts", "industry"):
        assert after[key] == before[key]


def test_report_csv_quotes_runnable_cells(kacli):
    _book(kacli)
    kacli.ok("--today", "2026-11-01", "deal", "add", NAME, "年度采购", "--amount", "50万", "--no-competitor")
    kacli.ok("deal", "won", "年度采购", "--date", "2026-11-20")
    out = kacli.ok("report", "pareto", "--csv").stdout
    cells = [c for row in csv.reader(io.StringIO(out.lstrip("\ufeff"))) for c in row]
    assert "'" + NAME in cells
    assert not [c for c in cells if c and c[0] in "=+@\t\r"]


def test_skip_bad_into_xlsx_keeps_a_control_character_and_the_good_rows(kacli, tmp_path):
    from openpyxl import load_workbook

    sheet = tmp_path / "in.csv"
    sheet.write_text("name,employees\nGood Co,10\nBad\x01Co,many\n", encoding="utf-8")
    done = kacli("import", "customers", sheet, "--skip-bad", tmp_path / "bad.xlsx")
    assert done.exit_code == ExitCode.OK, (done.stdout, done.stderr)
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Good Co"]
    rows = list(load_workbook(tmp_path / "bad.xlsx").active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == "Bad_x0001_Co" and rows[1][1] == "many"


def test_a_bad_rows_file_that_cannot_be_written_imports_nothing(kacli, tmp_path, monkeypatch, unchanged):
    from kacli.store import outputs

    def refuse(out, data):
        raise outputs.OutputRefused("error.output_unwritable", path=out.given, detail="No space left on device")

    kacli.ok("customer", "add", "Other Co")
    monkeypatch.setattr(outputs, "write", refuse)
    sheet = tmp_path / "in.csv"
    sheet.write_text("name,employees\nGood Co,10\nBad Co,many\n", encoding="utf-8")
    with unchanged():
        done = kacli("import", "customers", sheet, "--skip-bad", tmp_path / "bad.csv")
    assert done.exit_code == ExitCode.BAD_INPUT and "bad.csv" in done.stderr
