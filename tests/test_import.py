"""A salesperson brings a book of business in: Excel sheets and CSVs, bad rows, duplicates, dry runs."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from kacli.errors import ExitCode

GBK_CUSTOMERS = ("客户名称,行业,电话,等级,年营业额,标签\r\n"
                 "华信地产,房地产,010-6500-7788,A,8亿,\"礼品茶,北京\"\r\n"
                 "天福茗茶,茶叶,,B,,\r\n")
CONTACTS = ("客户,姓名,职务,手机,生日,角色\n"
            "华信地产,刘主任,办公室主任,138-1100-2233,农历08-06,购买者\n"
            "hxdc,张董,董事长,,1962-05-01,决策者\n")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def show(kacli, ref: str) -> dict:
    return kacli.json("customer", "show", ref)


def test_a_gbk_csv_saved_by_chinese_excel_imports(kacli, tmp_path):
    # Chinese Excel's "CSV (逗号分隔)" is GBK with CRLF line ends and no byte-order mark.
    path = write(tmp_path / "客户.csv", GBK_CUSTOMERS, "gbk")
    result = kacli.ok("import", "customers", path)
    assert "2 added" in result.stderr
    c = show(kacli, "华信地产")
    assert (c["industry"], c["phones"], c["annual_revenue_fen"], c["tags"]) == (
        "房地产", ["010-6500-7788"], 800_000_000 * 100, ["礼品茶", "北京"])
    assert c["grade"]["grade"] == "A" and c["grade"]["source"] == "manual"


def test_a_utf8_csv_with_or_without_bom_imports(kacli, tmp_path):
    kacli.ok("import", "customers", write(tmp_path / "a.csv", "\ufeffname,industry\nAcme,Tools\n"))
    kacli.ok("import", "customers", write(tmp_path / "b.csv", "name,industry\nBeta,Food\n"))
    assert show(kacli, "Acme")["industry"] == "Tools" and show(kacli, "Beta")["industry"] == "Food"


def test_an_xlsx_with_a_merged_heading_above_the_headers_imports(kacli, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "客户"
    ws.append(["客户信息", None, None, "联系方式"])
    ws.merge_cells("A1:C1")
    ws.append(["客户名称", "行业", "员工数", "电话"])
    ws.append(["宏远机械", "机械制造", 1200, "0571-1234"])
    ws.append([None, None, None, None])  # Excel leaves blank rows at the end
    other = book.create_sheet("其他")
    other.append(["客户名称"])
    other.append(["鼎盛贸易"])
    book.save(tmp_path / "book.xlsx")
    kacli.ok("import", "customers", tmp_path / "book.xlsx")
    c = show(kacli, "宏远机械")
    assert (c["industry"], c["employees"], c["phones"]) == ("机械制造", 1200, ["0571-1234"])
    kacli.ok("import", "customers", tmp_path / "book.xlsx", "--sheet", "其他")
    assert show(kacli, "鼎盛贸易")["name"] == "鼎盛贸易"
    missing = kacli("import", "customers", tmp_path / "book.xlsx", "--sheet", "无")
    assert missing.exit_code == ExitCode.BAD_INPUT and "其他" in missing.stderr


def test_merged_header_cells_name_a_field_once(kacli, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append(["客户名称", "电话", None])
    ws.merge_cells("B1:C1")  # one "电话" heading over two columns: the first holds the phone
    ws.append(["恒通物流", "021-5555", "备用"])
    book.save(tmp_path / "m.xlsx")
    kacli.ok("import", "customers", tmp_path / "m.xlsx")
    assert show(kacli, "恒通物流")["phones"] == ["021-5555"]


def test_contacts_link_to_their_customer_by_name_or_any_ref(kacli, tmp_path):
    kacli.ok("import", "customers", write(tmp_path / "c.csv", GBK_CUSTOMERS, "gbk"))
    kacli.ok("import", "contacts", write(tmp_path / "p.csv", CONTACTS))
    people = {p["name"]: p for p in show(kacli, "华信地产")["contacts"]}
    assert people["刘主任"]["roles"] == ["buyer"] and people["张董"]["roles"] == ["decision_maker"]
    liu = kacli.json("contact", "show", "刘主任")
    assert liu["birthday"] == {"year": None, "month": 8, "day": 6, "lunar": True, "leap": False}


def test_any_bad_row_writes_nothing_and_every_bad_row_is_listed(kacli, tmp_path, unchanged):
    kacli.ok("customer", "add", "华信地产")
    path = write(tmp_path / "p.csv", "客户,姓名,邮箱,关系阶段\n华信地产,好人,ok@example.com,认识\n"
                                     "华信地产,坏邮箱,not-mail,认识\n无此客户,某人,,\n华信地产,坏阶段,,好朋友\n")
    with unchanged():
        result = kacli("import", "contacts", path)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "row 3, 邮箱" in result.stderr and "row 4, 客户" in result.stderr and "row 5, 关系阶段" in result.stderr
    assert "row 2" not in result.stderr


def test_skip_bad_writes_the_good_rows_and_puts_the_bad_ones_aside(kacli, tmp_path):
    kacli.ok("customer", "add", "华信地产")
    path = write(tmp_path / "p.csv", "客户,姓名,邮箱\n华信地产,好人,ok@example.com\n华信地产,坏邮箱,not-mail\n")
    result = kacli.ok("import", "contacts", path, "--skip-bad", tmp_path / "bad.csv", "--json")
    summary = json.loads(result.stdout)
    assert (summary["added"], [b["row"] for b in summary["bad"]]) == (1, [3])
    bad = (tmp_path / "bad.csv").read_text(encoding="utf-8-sig").splitlines()
    assert bad[0] == "客户,姓名,邮箱,reason" and bad[1].startswith("华信地产,坏邮箱,not-mail,邮箱:")
    assert stat.S_IMODE((tmp_path / "bad.csv").stat().st_mode) == 0o600
    assert [p["name"] for p in show(kacli, "华信地产")["contacts"]] == ["好人"]


def test_duplicates_are_skipped_by_default_and_reimport_changes_nothing(kacli, tmp_path, db_path):
    from conftest import snapshot

    path = write(tmp_path / "c.csv", "客户名称,行业\n华信地产,房地产\n华信地产,地产开发\n天福茗茶,茶叶\n")
    first = json.loads(kacli.ok("import", "customers", path, "--json").stdout)
    assert (first["added"], first["skipped"]) == (2, 1)
    assert show(kacli, "华信地产")["industry"] == "房地产"
    before = snapshot(db_path)
    again = json.loads(kacli.ok("import", "customers", path, "--json").stdout)
    assert (again["added"], again["updated"], again["skipped"]) == (0, 0, 3)
    assert snapshot(db_path) == before


def test_update_changes_what_differs_and_keeps_history(kacli, tmp_path, db_path):
    from conftest import snapshot

    kacli.ok("customer", "add", "华信地产", "--industry", "房地产", "--address", "北京")
    path = write(tmp_path / "c.csv", "客户名称,行业\n华信地产,地产开发\n")
    result = json.loads(kacli.ok("import", "customers", path, "--on-duplicate", "update", "--json").stdout)
    assert (result["added"], result["updated"]) == (0, 1)
    c = show(kacli, "华信地产")
    assert (c["industry"], c["address"]) == ("地产开发", "北京")  # an absent column changes nothing
    fields = [h["field"] for h in kacli.json("customer", "history", "华信地产")["changes"]]
    assert "industry" in fields
    before = snapshot(db_path)
    again = json.loads(kacli.ok("import", "customers", path, "--on-duplicate", "update", "--json").stdout)
    assert (again["updated"], again["skipped"]) == (0, 1) and snapshot(db_path) == before


def test_dry_run_shows_what_would_happen_and_writes_nothing(kacli, tmp_path, unchanged):
    kacli.ok("customer", "add", "华信地产")
    path = write(tmp_path / "c.csv", "客户名称,行业\n华信地产,房地产\n天福茗茶,茶叶\n")
    with unchanged():
        result = kacli.ok("import", "customers", path, "--dry-run")
    assert "Dry run" in result.stderr and "1 would be added" in result.stderr and "1 skipped" in result.stderr
    assert "天福茗茶" in result.stdout  # the rows as they would be stored
    with unchanged():
        shaped = json.loads(kacli.ok("import", "customers", path, "--dry-run", "--json").stdout)
    assert shaped["dry_run"] is True and shaped["written"] is False
    assert shaped["preview"][1] == {"name": "天福茗茶", "industry": "茶叶"}


def test_a_map_file_reads_a_crm_export(kacli, tmp_path):
    kacli.ok("customer", "add", "Acme Ltd")
    (tmp_path / "crm.toml").write_text(
        '[columns]\n"Account" = "customer"\n"Opportunity" = "title"\n"Close" = "expected_close"\n'
        '[values.stage]\n"Qualified" = "validate"\n"Proposal" = "negotiate"\n'
        '[dates]\norder = "mdy"\n[defaults]\nstage = "discover"\n', encoding="utf-8")
    path = write(tmp_path / "deals.csv", "Account,Opportunity,Stage,Amount,Close\n"
                                         "Acme Ltd,Fleet renewal,Proposal,\"1,200,000\",3/1/2027\n"
                                         "Acme Ltd,Spare parts,,5万,\n")
    kacli.ok("import", "deals", path, "--map", tmp_path / "crm.toml")
    deals = {d["title"]: d for d in show(kacli, "Acme")["deals"]}
    assert deals["Fleet renewal"]["stage"] == "negotiate" and deals["Fleet renewal"]["expected_close"] == "2027-03-01"
    assert deals["Fleet renewal"]["amount_fen"] == 120_000_000 and deals["Spare parts"]["stage"] == "discover"


def test_visits_and_payments_link_to_contacts_and_deals(kacli, tmp_path):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "刘主任")
    kacli.ok("deal", "add", "华信地产", "礼品茶", "--amount", "60万")
    kacli.ok("import", "visits", write(tmp_path / "v.csv", "客户,日期,方式,联系人,备注,下一步,下一步日期\n"
                                                         "华信地产,2026-11-20,吃饭喝茶,刘主任,谈订单,寄样品,2026-11-30\n"))
    kacli.ok("import", "payments", write(tmp_path / "m.csv", "项目,类型,金额,日期\n礼品茶,分期计划,60万,2026-12-31\n"
                                                           "礼品茶,收款,20万,2026-11-21\n"))
    c = show(kacli, "华信地产")
    assert c["visits"][0]["kind"] == "meal" and [p["name"] for p in c["visits"][0]["contacts"]] == ["刘主任"]
    assert c["next_actions"][0]["text"] == "寄样品" and c["next_actions"][0]["contact"] == "刘主任"
    owed = kacli.json("deal", "show", "礼品茶")["receivable"]
    assert (owed["planned_fen"], owed["received_fen"]) == (60_000_000, 20_000_000)


def test_the_json_summary_has_a_stable_shape(kacli, tmp_path):
    result = kacli.ok("import", "customers", write(tmp_path / "c.csv", "name,星座\nAcme,狮子\n"), "--json")
    summary = json.loads(result.stdout)
    assert set(summary) == {"table", "file", "dry_run", "written", "added", "updated", "skipped", "bad",
                            "ignored_columns", "preview"}
    assert summary["ignored_columns"] == ["星座"] and "星座" in result.stderr


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_template_has_the_headers_an_import_reads_back(kacli, tmp_path, fmt):
    target = tmp_path / f"t.{fmt}"
    kacli.ok("import", "template", "contacts", "--format", fmt, "-o", target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    if fmt == "csv":
        assert target.read_text(encoding="utf-8-sig").startswith("客户/customer,姓名/name,职务/title")
        filled = target.read_text(encoding="utf-8-sig") + "Acme,Ann,CEO" + "," * 28 + "\n"
        target.write_text(filled, encoding="utf-8")
        kacli.ok("customer", "add", "Acme")
        kacli.ok("import", "contacts", target)
        assert show(kacli, "Acme")["contacts"][0]["title"] == "CEO"
    else:
        from openpyxl import load_workbook

        headers = [c.value for c in load_workbook(target).active[1]]
        assert headers[:3] == ["客户/customer", "姓名/name", "职务/title"]


def test_an_unreadable_file_is_bad_input(kacli, tmp_path):
    missing = kacli("import", "customers", tmp_path / "nope.csv")
    assert missing.exit_code == ExitCode.BAD_INPUT
    (tmp_path / "x.xlsx").write_bytes(b"not a workbook")
    assert kacli("import", "customers", tmp_path / "x.xlsx").exit_code == ExitCode.BAD_INPUT


def test_a_big_file_on_a_pipe_gets_no_progress_bar_only_the_summary(kacli, tmp_path):
    rows = "".join(f"客户{i:04d},行业{i % 7}\n" for i in range(400))
    result = kacli.ok("import", "customers", write(tmp_path / "big.csv", "客户名称,行业\n" + rows))
    assert result.stderr.strip() == "Imported customers: 400 added, 0 updated, 0 skipped, 0 bad."
    assert len(kacli.json("customer", "list")) == 400


def _rows(path: Path, sql: str) -> list[tuple]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_imported_rows_are_the_rows_the_add_commands_write(kacli, tmp_path, db_path):
    """A name, its search keys, every column's default, the history and the undo journal: an
    import writes 60,000 rows in one statement each, and they are the rows ``add`` writes."""
    kacli.ok("import", "customers", write(tmp_path / "c.csv",
                                          "客户名称,行业,电话,标签\n華信地產,房地产,010-65007788,导入\n"))
    kacli.ok("import", "contacts", write(tmp_path / "p.csv", "客户,姓名,职务,手机,生日,主要联系人\n"
                                         "华信地产,劉主任,办公室主任,13811002233,1975-08-15,是\n华信地产,张董,,,,\n"))
    added = tmp_path / "added.db"
    kacli.ok("--db", added, "customer", "add", "華信地產", "--industry", "房地产", "--phone", "010-65007788",
             "--tag", "导入")
    kacli.ok("--db", added, "contact", "add", "华信地产", "劉主任", "--title", "办公室主任",
             "--phone", "13811002233", "--birthday", "1975-08-15", "--primary")
    kacli.ok("--db", added, "contact", "add", "华信地产", "张董")
    for table, leave_out in (("customer", ("created_at", "updated_at")),
                             ("contact", ("created_at", "updated_at")), ("change", ("id", "at"))):
        columns = [r[1] for r in _rows(db_path, f'PRAGMA table_info("{table}")') if r[1] not in leave_out]
        sql = f'SELECT {", ".join(columns)} FROM "{table}" ORDER BY rowid'
        assert _rows(db_path, sql) == _rows(added, sql), table
    journal = "SELECT tbl, op, count(*) FROM undo_entry GROUP BY tbl, op ORDER BY tbl, op"
    assert _rows(db_path, journal) == _rows(added, journal) == [
        ("change", "I", 5), ("contact", "I", 2), ("customer", "I", 1)]


def test_the_tables_defaults_are_the_models(db_path, kacli):
    """An import names only the columns its rows set: the others take the table's default."""
    from kacli.store.models import Change, Contact, Customer

    kacli.ok("customer", "add", "华信地产")
    for model, table in ((Customer, "customer"), (Contact, "contact"), (Change, "change")):
        defaults = {r[1]: r[4] for r in _rows(db_path, f'PRAGMA table_info("{table}")')}
        for name, f in model.model_fields.items():
            if defaults[name] is not None:
                assert _rows(db_path, f"SELECT {defaults[name]}")[0][0] == f.default, (table, name)
            elif f.is_required() is False:
                assert f.default is None, (table, name)


def test_importing_customers_and_contacts_loads_no_orm(tmp_path, db_path):
    """Half a second of SQLAlchemy start-up per command is most of a small import's time."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from kacli.cli import main\n"
        "sys.argv[1:] = ['--db', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
        "print(sorted({'sqlalchemy', 'sqlmodel', 'kacli.store.models'} & set(sys.modules)))\n"
    )
    for table, path in (("customers", write(tmp_path / "c.csv", GBK_CUSTOMERS, "gbk")),
                        ("contacts", write(tmp_path / "p.csv", CONTACTS))):
        out = subprocess.run([sys.executable, "-c", code, str(db_path), "import", table, str(path)],
                             capture_output=True, text=True, check=True)
        assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr
        assert "2 added" in out.stderr


def test_an_import_of_contacts_with_primaries_is_undone_exactly(kacli, tmp_path, db_path):
    from conftest import snapshot

    kacli.ok("import", "customers", write(tmp_path / "c.csv", GBK_CUSTOMERS, "gbk"))
    kacli.ok("contact", "add", "华信地产", "王总", "--primary")
    before = snapshot(db_path)
    kacli.ok("import", "contacts", write(tmp_path / "p.csv", "客户,姓名,主要联系人,其他\n"
                                         "华信地产,刘主任,是,爱好=茶\n天福茗茶,张董,,\n"))
    assert [p["name"] for p in show(kacli, "华信地产")["contacts"] if p["is_primary"]] == ["刘主任"]
    kacli.ok("undo", "--yes")
    assert snapshot(db_path) == before


def test_imported_rows_take_their_ids_from_the_dossier_as_adds_do(kacli, tmp_path):
    """A removed customer's id is never handed out again, and an add after an import gets the
    next id, on a file and on a server alike."""
    kacli.ok("customer", "add", "甲公司")
    kacli.ok("customer", "add", "乙公司")
    kacli.ok("customer", "remove", "乙公司", "--yes")
    kacli.ok("import", "customers", write(tmp_path / "c.csv", GBK_CUSTOMERS, "gbk"))
    kacli.ok("customer", "add", "丙公司")
    ids = {c["name"]: c["id"] for c in kacli.json("customer", "list")}
    assert ids == {"甲公司": 1, "华信地产": 3, "天福茗茶": 4, "丙公司": 5}
    kacli.ok("import", "contacts", write(tmp_path / "p.csv", CONTACTS))
    kacli.ok("contact", "add", "天福茗茶", "周经理")
    people = {p["name"]: (p["id"], p["customer"]) for p in kacli.json("contact", "list")}
    assert people == {"刘主任": (1, "华信地产"), "张董": (2, "华信地产"), "周经理": (3, "天福茗茶")}
