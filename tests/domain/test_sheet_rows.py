"""Reading a sheet's headers and cells as the command line reads options (pure rules)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import sheet_fields, sheet_rows
from kacli.domain.birthdays import Birthday
from kacli.domain.money import parse_amount
from kacli.errors import BadInput
from kacli.i18n import messages

TODAY = dt.date(2026, 11, 23)
NO_MAP = sheet_rows.ImportMap()


def columns(table: str, headers: list[str], mapped: dict[str, str] | None = None) -> list[str | None]:
    index = sheet_fields.header_index(table, messages(), mapped)
    found = sheet_fields.resolve(headers, index)
    return [found.get(i) for i in range(len(headers))]


@pytest.mark.parametrize("header, code", [
    ("name", "name"), ("客户名称", "name"), ("客戶名稱", "name"), ("公司名称", "name"),
    ("industry", "industry"), ("行业", "industry"), ("行業", "industry"),
    ("电话", "phones"), ("等级", "grade_manual"), ("标签", "tags"), ("年营业额", "annual_revenue"),
    ("客户名称/name", "name"), ("Annual Revenue", "annual_revenue"), ("  客户名称 *", "name"),
])
def test_a_customer_header_is_its_code_its_label_or_an_everyday_word(header, code):
    assert columns("customers", [header]) == [code]


@pytest.mark.parametrize("header, code", [
    ("客户", "customer"), ("姓名", "name"), ("联系人", "name"), ("手机", "phones"), ("电话", "phones"),
    ("职务", "title"), ("職務", "title"), ("生日", "birthday"), ("邮箱", "email"), ("角色", "roles"),
])
def test_a_contact_header_is_understood_in_simplified_and_traditional(header, code):
    assert columns("contacts", [header]) == [code]


def test_deal_headers_amount_and_stage():
    assert columns("deals", ["客户", "项目名称", "金额", "阶段"]) == ["customer", "title", "amount", "stage"]


def test_an_unknown_header_is_left_out_and_a_field_is_taken_once():
    assert columns("contacts", ["姓名", "星座", "手机", "电话"]) == ["name", None, "phones", None]


def test_a_map_names_any_header():
    assert columns("deals", ["Account", "Opportunity Name", "Stage"],
                   {"Account": "customer", "Opportunity Name": "title"}) == ["customer", "title", "stage"]


def test_the_header_row_is_the_one_naming_most_fields():
    rows = [["客户信息", "客户信息", "客户信息"], ["客户名称", "行业", "电话"], ["华信地产", "房地产", "010"]]
    index = sheet_fields.header_index("customers", messages())
    assert sheet_fields.header_row(rows, index) == 1


def test_template_headers_are_bilingual_and_read_back_as_the_same_fields():
    for table in sheet_fields.TABLES:
        headers = sheet_fields.template_headers(table, messages())
        assert "/" in headers[0]
        assert columns(table, headers) == [f.code for f in sheet_fields.fields(table)]


def read(table: str, cells: dict, rules=NO_MAP):
    return sheet_rows.read_row(table, cells, TODAY, rules)


def test_cells_are_read_as_the_command_line_reads_them():
    values, errors = read("deals", {"customer": "华信地产", "title": "礼品茶", "amount": "60万",
                                    "stage": "商务谈判", "outcome": "赢单", "expected_close": "2026/12/1"})
    assert errors == []
    assert values == {"customer": "华信地产", "title": "礼品茶", "amount": 60_000_000, "stage": "negotiate",
                      "outcome": "won", "expected_close": "2026-12-01"}


def test_every_bad_cell_of_a_row_is_reported_with_its_column():
    values, errors = read("contacts", {"customer": "华信地产", "name": "王总", "stage": "好朋友",
                                       "email": "not-an-email", "birthday": "1980-02-30"})
    assert sorted(e.column for e in errors) == ["birthday", "email", "stage"]
    assert all(e.error.message() for e in errors)


def test_a_missing_required_value_is_an_error_of_that_column():
    _, errors = read("contacts", {"name": "王总"})
    assert [e.column for e in errors] == ["customer"]


@pytest.mark.parametrize("cell, birthday", [
    ("1975-08-15", Birthday(8, 15, 1975)),
    ("08-15", Birthday(8, 15)),
    ("农历1975-04-10", Birthday(4, 10, 1975, lunar=True)),
    ("農曆 04-10", Birthday(4, 10, lunar=True)),
])
def test_a_birthday_cell_may_say_it_is_lunar(cell, birthday):
    values, errors = read("contacts", {"customer": "c", "name": "n", "birthday": cell})
    assert errors == [] and values["birthday"] == birthday


def test_a_lunar_column_makes_the_birthday_lunar():
    values, _ = read("contacts", {"customer": "c", "name": "n", "birthday": "04-10", "birthday_lunar": "是"})
    assert values["birthday"] == Birthday(4, 10, lunar=True) and "birthday_lunar" not in values


def test_a_day_month_date_needs_the_map_to_say_which_unless_it_is_plain():
    _, errors = read("visits", {"customer": "c", "date": "3/1/2026"})
    assert [e.column for e in errors] == ["date"]
    values, _ = read("visits", {"customer": "c", "date": "3/1/2026"}, sheet_rows.ImportMap(date_order="dmy"))
    assert values["date"] == "2026-01-03"
    values, _ = read("visits", {"customer": "c", "date": "3/1/2026"}, sheet_rows.ImportMap(date_order="mdy"))
    assert values["date"] == "2026-03-01"
    values, _ = read("visits", {"customer": "c", "date": "25/1/2026"})
    assert values["date"] == "2026-01-25"


def test_a_map_translates_a_sources_words_and_fills_defaults():
    rules = sheet_rows.import_map({"values": {"stage": {"Qualified": "validate"}, "outcome": {"Won": "won"}},
                                   "defaults": {"stage": "discover"}}, "deals")
    values, errors = read("deals", {"customer": "c", "title": "t", "stage": "Qualified", "outcome": "Won"}, rules)
    assert errors == [] and values["stage"] == "validate" and values["outcome"] == "won"
    values, _ = read("deals", {"customer": "c", "title": "t"}, rules)
    assert values["stage"] == "discover"


def test_a_map_naming_an_unknown_field_is_refused():
    with pytest.raises(BadInput):
        sheet_rows.import_map({"columns": {"Foo": "shoe_size"}}, "customers")
    with pytest.raises(BadInput):
        sheet_rows.import_map({"dates": {"order": "yyyy"}}, "customers")


@pytest.mark.parametrize("cell, flag", [("是", True), ("否", False), ("yes", True), ("0", False), ("✓", True)])
def test_yes_and_no_in_either_language(cell, flag):
    values, _ = read("contacts", {"customer": "c", "name": "n", "is_primary": cell})
    assert values["is_primary"] is flag


def test_facts_as_pairs_or_json():
    values, _ = read("customers", {"name": "c", "facts": "年会=12月中旬; 茶=铁观音"})
    assert values["facts"] == {"年会": "12月中旬", "茶": "铁观音"}
    values, _ = read("customers", {"name": "c", "facts": '{"年会": "12月中旬"}'})
    assert values["facts"] == {"年会": "12月中旬"}


def test_json_export_values_are_read_typed():
    values, errors = read("customers", {"name": "c", "annual_revenue_fen": 12345, "tags": ["a", "b"],
                                        "need": True, "facts": {"k": "v"}})
    assert errors == []
    assert values == {"name": "c", "annual_revenue": 12345, "tags": ["a", "b"], "need": True, "facts": {"k": "v"}}


@given(st.integers(min_value=0, max_value=10**14 - 1))
def test_an_amount_written_to_a_sheet_reads_back_to_the_same_fen(fen):
    assert parse_amount(sheet_rows.amount_text(fen)) == fen


@pytest.mark.parametrize("raw, text", [(3.0, "3"), (dt.datetime(2026, 3, 1, 0, 0), "2026-03-01"), (None, ""),
                                       (True, "yes"), (["a", "b"], "a, b")])
def test_spreadsheet_cells_become_text(raw, text):
    assert sheet_rows.cell_text(raw) == text
