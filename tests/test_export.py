"""A salesperson takes the dossier out (CSV for Excel, XLSX, JSON) and can bring it back whole."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from kacli.errors import ExitCode

TABLES = ("customers", "contacts", "deals", "visits", "payments")


def build_book(kacli) -> None:
    """A small dossier touching every table and the facts ``customer show`` displays."""
    run = kacli.ok
    run("customer", "add", "华信地产", "--industry", "房地产", "--scope", "national", "--ownership", "private",
        "--source", "exhibition", "--status", "active", "--cycle", "short", "--batch", "large", "--tag", "礼品茶",
        "--phone", "010-6500-7788", "--revenue", "8亿", "--employees", "300", "--set", "年会=12月中旬",
        "--need", "--good-credit", "--today", "2026-06-01")
    run("customer", "competitor", "华信地产", "天福茗茶", "--product", "铁观音礼盒", "--satisfaction", "3")
    run("contact", "add", "华信地产", "刘主任", "--title", "办公室主任", "--role", "buyer", "--attitude", "supporter",
        "--stage", "trust", "--primary", "--phone", "138-1100-2233", "--birthday", "08-06", "--lunar",
        "--family", "女儿今年高考", "--email", "liu@example.com", "--set", "茶=普洱", "--today", "2026-06-01")
    run("contact", "add", "华信地产", "张董", "--title", "董事长", "--role", "decision_maker",
        "--birthday", "1962-05-01", "--today", "2026-06-01")
    run("deal", "add", "华信地产", "年终答谢会礼品茶", "--amount", "60万", "--close", "2026-12-30",
        "--budget", "65万", "--competitor", "天福茗茶=equal", "--today", "2026-07-20")
    run("deal", "role", "年终答谢会礼品茶", "刘主任", "--as", "buyer", "--attitude", "supporter")
    run("deal", "advance", "年终答谢会礼品茶", "--to", "negotiate", "--date", "2026-08-25")
    run("customer", "add", "李先生", "--kind", "person", "--buy-within", "1w", "--need", "--can-pay",
        "--authority", "--today", "2026-09-01")
    run("contact", "add", "李先生", "李先生", "--primary", "--phone", "186-0000-5566", "--today", "2026-09-01")
    run("deal", "add", "李先生", "白色轿车", "--amount", "25万", "--no-competitor", "--today", "2026-09-02")
    run("deal", "role", "白色轿车", "李先生", "--as", "buyer")
    run("deal", "advance", "白色轿车", "--to", "deliver", "--date", "2026-10-01")
    run("deal", "won", "白色轿车", "--date", "2026-10-01")
    run("payment", "plan", "白色轿车", "25万", "--due", "2026-10-15", "--today", "2026-10-01")
    run("payment", "received", "白色轿车", "10万", "--date", "2026-10-10", "--note", "首付")
    run("visit", "log", "华信地产", "--contact", "刘主任", "--kind", "meal", "--date", "2026-09-08",
        "--note", "刘主任再次承诺订单", "--next", "约张董", "--next-date", "2026-11-30")
    run("visit", "log", "李先生", "--kind", "call", "--date", "2026-11-01", "--note", "回访")
    run("next", "add", "华信地产", "寄样品", "--date", "2026-12-05")


def profile_without_ids(kacli, name: str) -> dict:
    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items()
                    if k != "id" and not k.endswith("_id") and k not in ("created_at", "updated_at")}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    return strip(kacli.json("customer", "show", name))


@pytest.mark.parametrize("fmt", ["json", "xlsx", "csv"])
def test_export_everything_import_into_an_empty_dossier_and_every_customer_matches(kacli, tmp_path, monkeypatch,
                                                                                  fmt):
    build_book(kacli)
    names = [c["name"] for c in kacli.json("customer", "list")]
    before = {n: profile_without_ids(kacli, n) for n in names}
    target = tmp_path / ("book" if fmt == "csv" else f"book.{fmt}")
    kacli.ok("export", "all", "--format", fmt, "-o", target)
    monkeypatch.setenv("KACLI_DB", str(tmp_path / "fresh.db"))
    for table in TABLES:
        args = {"json": (target,), "xlsx": (target, "--sheet", table), "csv": (target / f"{table}.csv",)}[fmt]
        kacli.ok("import", table, *args)
    after = {n: profile_without_ids(kacli, n) for n in names}
    assert after == before
    again = [json.loads(kacli.ok("import", t, *({"json": (target,), "xlsx": (target, "--sheet", t),
                                                 "csv": (target / f"{t}.csv",)}[fmt]), "--json").stdout)
             for t in TABLES]
    assert [(s["added"], s["updated"]) for s in again] == [(0, 0)] * len(TABLES)


def test_csv_has_a_bom_for_excel_or_is_gb18030_when_asked(kacli, tmp_path):
    build_book(kacli)
    kacli.ok("export", "customers", "-o", tmp_path / "c.csv")
    data = (tmp_path / "c.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and "华信地产".encode() in data
    kacli.ok("export", "contacts", "--encoding", "gb18030", "-o", tmp_path / "p.csv")
    text = (tmp_path / "p.csv").read_bytes().decode("gb18030")
    assert text.startswith("客户/customer,姓名/name") and "刘主任" in text
    assert kacli("export", "contacts", "--encoding", "latin-1").exit_code == ExitCode.BAD_INPUT


def test_xlsx_all_has_one_sheet_per_table(kacli, tmp_path):
    from openpyxl import load_workbook

    build_book(kacli)
    kacli.ok("export", "all", "-o", tmp_path / "all.xlsx")  # the format from the file name
    book = load_workbook(tmp_path / "all.xlsx")
    assert book.sheetnames == list(TABLES)
    assert book["deals"]["B2"].value == "年终答谢会礼品茶"


def test_json_uses_the_json_conventions(kacli, tmp_path):
    build_book(kacli)
    result = kacli.ok("export", "deals", "--format", "json")  # on a pipe: stdout
    deals = json.loads(result.stdout)["deals"]
    gift = next(d for d in deals if d["title"] == "年终答谢会礼品茶")
    assert gift["amount_fen"] == 60_000_000 and gift["stage"] == "negotiate" and gift["customer"] == "华信地产"
    assert gift["competitors"] == [{"name": "天福茗茶", "position": "equal"}]


def test_files_are_created_private(kacli, tmp_path):
    build_book(kacli)
    for table in (*TABLES, "all"):
        target = tmp_path / f"{table}.xlsx"
        kacli.ok("export", table, "--format", "xlsx", "-o", target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    (tmp_path / "old.json").write_text("{}")
    (tmp_path / "old.json").chmod(0o644)
    kacli.ok("export", "customers", "-o", tmp_path / "old.json", "--force")  # replacing a file makes it private too
    assert stat.S_IMODE((tmp_path / "old.json").stat().st_mode) == 0o600


def test_all_as_csv_is_a_folder_of_files(kacli, tmp_path):
    build_book(kacli)
    kacli.ok("export", "all", "--format", "csv", "-o", tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in Path(tmp_path / "out").iterdir())


def test_an_unknown_format_is_refused(kacli, tmp_path):
    result = kacli("export", "customers", "--format", "pdf", "-o", tmp_path / "x.pdf")
    assert result.exit_code == ExitCode.BAD_INPUT and not (tmp_path / "x.pdf").exists()


def test_import_export_commands_load_no_file_libraries_at_start_up(kacli, db_path):
    import subprocess
    import sys

    kacli.ok("customer", "add", "Acme")
    code = (
        "import sys\n"
        f"sys.argv = ['kacli', '--db', {str(db_path)!r}, 'customer', 'list', '--json']\n"
        "from kacli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({'openpyxl', 'icalendar', 'vobject'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
