"""Customers through the CLI, as a salesperson uses them."""

from __future__ import annotations

import pytest

from kacli.errors import ExitCode


def test_add_then_show_finds_by_pinyin_initials(kacli):
    kacli.ok("customer", "add", "华信地产", "--industry", "房地产", "--scope", "地区性",
             "--phone", "010-1234", "--phone", "010-5678", "--set", "年会=12月")
    data = kacli.json("customer", "show", "hxdc")
    assert data["name"] == "华信地产"
    assert data["scope"] == "regional"
    assert data["phones"] == ["010-1234", "010-5678"]
    assert data["facts"] == {"年会": "12月"}
    assert kacli.json("customer", "show", "huaxindichan")["id"] == data["id"]
    assert kacli.json("customer", "show", "华信")["id"] == data["id"]


def test_show_on_missing_dossier_exits_3_and_says_where(kacli, db_path):
    result = kacli("customer", "list")
    assert result.exit_code == ExitCode.DOSSIER
    assert str(db_path) in result.stderr
    assert "kacli customer add" in result.stderr
    assert not db_path.exists()


def test_dossier_created_private(kacli, db_path):
    kacli.ok("customer", "add", "Acme")
    assert db_path.stat().st_mode & 0o777 == 0o600


def test_list_by_tag_ignores_case_and_reads_the_tag_as_typed(kacli):
    """``--tag vip`` finds the customer tagged VIP on either engine; a tag is a whole tag, never a
    pattern (``%`` or ``_`` in it match only themselves)."""
    kacli.ok("customer", "add", "华信地产", "--tag", "VIP,华南")
    kacli.ok("customer", "add", "机床厂", "--tag", "vip客户")
    kacli.ok("customer", "add", "德联汽车", "--tag", "50%_off")
    def tagged(tag):
        return [c["name"] for c in kacli.json("customer", "list", "--tag", tag)]
    assert tagged("vip") == tagged("VIP") == tagged("Vip") == ["华信地产"]
    assert tagged("华南") == ["华信地产"]
    assert tagged("%") == tagged("_") == tagged("50%") == []
    assert tagged("50%_OFF") == ["德联汽车"]


def test_duplicate_name_refused_and_nothing_written(kacli, unchanged):
    kacli.ok("customer", "add", "华信地产")
    with unchanged():
        result = kacli("customer", "add", "华信地产")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "already" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--kind", "company-ish"],
        ["--scope", "galactic"],
        ["--employees", "many"],
        ["--revenue", "lots"],
        ["--expect-purchase", "someday"],
        ["--grade", "Z"],
        ["--set", "novalue"],
        ["--industry", "x" * 10_001],
    ],
)
def test_bad_update_changes_nothing(kacli, unchanged, args):
    kacli.ok("customer", "add", "华信地产")
    with unchanged():
        result = kacli("customer", "update", "华信地产", "--status", "active", *args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr


def test_empty_name_refused(kacli, unchanged):
    kacli.ok("customer", "add", "Acme")
    with unchanged():
        assert kacli("customer", "add", "   ").exit_code == ExitCode.BAD_INPUT


def test_update_records_history(kacli):
    kacli.ok("customer", "add", "华信地产", "--status", "prospect")
    kacli.ok("customer", "update", "hxdc", "--status", "active", "--grade", "A",
             "--grade-reason", "年度框架")
    changes = kacli.json("customer", "history", "hxdc")["changes"]
    status = [c for c in changes if c["field"] == "status"]
    assert status == [{**status[0], "old": "prospect", "new": "active"}]
    assert {c["field"] for c in changes} >= {"created", "status", "grade_manual"}


def test_manual_grade_shown_as_manual(kacli):
    kacli.ok("customer", "add", "华信地产", "--grade", "A", "--grade-reason", "年度框架")
    grade = kacli.json("customer", "show", "hxdc")["grade"]
    assert grade == {"grade": "A", "source": "manual", "reason": "年度框架",
                     "parts": [{"code": "manual", "grade": "A"}]}


def test_ambiguous_ref_lists_candidates(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("customer", "add", "华信科技")
    result = kacli("customer", "show", "华信")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "华信地产" in result.stderr and "华信科技" in result.stderr


def test_money_input_understood(kacli):
    kacli.ok("customer", "add", "Acme", "--revenue", "1.2亿")
    assert kacli.json("customer", "show", "Acme")["annual_revenue_fen"] == 120_000_000_00


def test_sql_text_stored_literally(kacli):
    name = "'; DROP TABLE customer; --"
    kacli.ok("customer", "add", name)
    assert [c["name"] for c in kacli.json("customer", "list")] == [name]


def test_remove_on_pipe_without_yes_refuses(kacli):
    kacli.ok("customer", "add", "Acme")
    result = kacli("customer", "remove", "Acme")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "--yes" in result.stderr
    assert len(kacli.json("customer", "list")) == 1
    kacli.ok("customer", "remove", "Acme", "--yes")
    assert kacli.json("customer", "list") == []


def test_qualification_of_an_organisation(kacli):
    kacli.ok("customer", "add", "机床厂", "--industry-fit", "--good-credit", "--reach-dept",
             "--reach-dm", "--need")
    q = kacli.json("customer", "show", "机床厂")["qualification"]
    assert q["qualified"] is True
    assert q["standards"] == {"standard1": True, "standard2": True}


def test_competitor_recorded_and_updated(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("customer", "competitor", "hxdc", "天福茗茶", "--product", "铁观音", "--satisfaction", "3")
    kacli.ok("customer", "competitor", "hxdc", "天福茗茶", "--satisfaction", "2")
    [comp] = kacli.json("customer", "show", "hxdc")["competitors"]
    assert (comp["name"], comp["product"], comp["satisfaction"]) == ("天福茗茶", "铁观音", 2)
    assert kacli("customer", "competitor", "hxdc", "X", "--satisfaction", "9").exit_code == 2


def test_chinese_messages(kacli):
    result = kacli("--lang", "zh-Hans", "customer", "add", "华信地产")
    assert "已添加客户" in result.stderr
    result = kacli("--lang", "zh-Hant", "customer", "add", "华信地产")
    assert "已經有名為" in result.stderr


def test_unset_unknown_fact_is_bad_input(kacli, unchanged):
    kacli.ok("customer", "add", "Acme", "--set", "年会=12月")
    with unchanged():
        result = kacli("customer", "update", "Acme", "--unset", "生日")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "生日" in result.stderr
    kacli.ok("customer", "update", "Acme", "--unset", "年会")
    assert kacli.json("customer", "show", "Acme")["facts"] == {}


def test_list_shows_the_grade_in_force(kacli):
    kacli.ok("customer", "add", "华信地产", "--cycle", "short", "--batch", "large")  # A by the rules
    kacli.ok("customer", "add", "李先生", "--kind", "person", "--buy-within", "1w")  # O
    kacli.ok("customer", "add", "机床厂", "--cycle", "long", "--batch", "small", "--grade", "A")
    grades = {c["name"]: c["grade"] for c in kacli.json("customer", "list")}
    assert grades == {"华信地产": "A", "李先生": "O", "机床厂": "A"}


def test_every_field_option_is_an_option_of_add_and_update():
    import inspect

    from kacli.commands import customer_options, customers

    for command in (customers.add, customers.update):
        params = set(inspect.signature(command).parameters)
        assert set(customer_options.FIELD_OPTIONS) <= params, command.__name__
    columns = customer_options.columns(dict.fromkeys(customer_options.FIELD_OPTIONS))
    from kacli.store.models import Customer

    assert set(columns) <= set(Customer.model_fields)
