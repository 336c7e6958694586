"""Visits and calls (拜访登记) through the CLI, as a salesperson logs them."""

from __future__ import annotations

import pytest

from conftest import dossier_fixture
from kacli.domain.relationship import VISIT_KIND
from kacli.errors import ExitCode


@dossier_fixture
def hxdc(kacli):
    """华信地产 with 王总 (#1) and 李经理 (#2); 丽华 with its own 王总 (#3)."""
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "王总")
    kacli.ok("contact", "add", "华信地产", "李经理")
    kacli.ok("customer", "add", "丽华酒店")
    kacli.ok("contact", "add", "丽华酒店", "王总")
    return "华信地产"


def stage_of(kacli, contact_id):
    return kacli.json("contact", "show", str(contact_id))["stage"]


def test_the_one_line_example(kacli, hxdc):
    result = kacli.ok("visit", "log", "华信地产", "--contact", "王总", "--kind", "meal",
                      "--note", "谈了明年的会务用茶", "--next", "送样品", "--next-date", "下周三")
    assert result.stdout == ""
    assert "Logged visit #1: 2026-11-23, 华信地产, business meal or tea with 王总." in result.stderr
    visit = kacli.json("visit", "show", "1")
    assert {k: visit[k] for k in ("customer", "date", "kind", "marks_stage", "planned", "note")} == {
        "customer": "华信地产", "date": "2026-11-23", "kind": "meal", "marks_stage": "dating",
        "planned": False, "note": "谈了明年的会务用茶"}
    assert visit["contacts"] == [{"id": 1, "name": "王总"}]  # the 王总 of 华信地产, not of 丽华酒店
    # 下周三 on Monday 2026-11-23 is Wednesday of next calendar week (domain.dates).
    [action] = visit["next_actions"]
    assert (action["text"], action["due"], action["contact"], action["visit_id"]) == (
        "送样品", "2026-12-02", "王总", 1)


def test_a_meal_suggests_dating_with_the_exact_command_and_changes_nothing(kacli, hxdc):
    result = kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "吃饭")
    assert ("王总 is at the acquainted stage; this business meal or tea marks dating. "
            "Suggested next stage: dating — apply it with: kacli contact stage 1 dating "
            "(or add --advance).") in result.stderr
    assert stage_of(kacli, 1) == "acquainted"
    kacli.ok("contact", "stage", "1", "dating")  # the suggested command works as printed
    assert stage_of(kacli, 1) == "dating"


def test_advance_moves_one_step_and_keeps_the_history(kacli, hxdc):
    result = kacli.ok("visit", "log", hxdc, "-c", "王总", "-c", "李经理", "-k", "endorsement",
                      "--advance")
    assert "王总: relationship stage acquainted → dating (backed us at the decision marks alliance)." \
        in result.stderr
    assert (stage_of(kacli, 1), stage_of(kacli, 2)) == ("dating", "dating")  # one step, not three
    moves = kacli.json("contact", "show", "1")["stage_history"]
    assert [(m["from"], m["to"], m["note"], m["visit_id"]) for m in moves[-1:]] == [
        ("acquainted", "dating", None, 1)]
    changes = kacli.json("customer", "history", hxdc)["changes"]
    assert sorted(c["contact"] for c in changes if c["field"] == "stage" and c["old"]) == ["李经理", "王总"]


def test_no_suggestion_when_the_marker_is_not_higher(kacli, hxdc):
    kacli.ok("contact", "stage", "1", "trust")
    result = kacli.ok("visit", "log", hxdc, "-c", "1", "-k", "meal", "--advance")
    assert "stage" not in result.stderr
    assert stage_of(kacli, 1) == "trust"


def test_several_contacts_each_among_that_customers_people(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-c", "lijingli", "-c", "王总")
    assert kacli.json("visit", "show", "1")["contacts"] == [{"id": 2, "name": "李经理"},
                                                           {"id": 1, "name": "王总"}]
    kacli.ok("visit", "log", "丽华", "-c", "王总")
    assert kacli.json("visit", "show", "2")["contacts"] == [{"id": 3, "name": "王总"}]


@pytest.mark.parametrize("choice", VISIT_KIND.choices, ids=lambda c: c.code)
def test_every_kind_in_chinese(kacli, hxdc, choice):
    kacli.ok("visit", "log", hxdc, "-k", choice.hans)
    kacli.ok("visit", "log", hxdc, "-k", choice.hant)
    assert [v["kind"] for v in kacli.json("visit", "list")] == [choice.code, choice.code]


def test_future_date_refused_unless_planned(kacli, hxdc, unchanged):
    with unchanged():
        result = kacli("visit", "log", hxdc, "-k", "call", "--date", "明天")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "2026-11-24" in result.stderr and "--planned" in result.stderr
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "meal", "--planned", "--date", "周五",
             "--purpose", "谈合同")
    [planned] = kacli.json("visit", "list", "--planned")
    assert (planned["date"], planned["planned"], planned["purpose"]) == ("2026-11-27", True, "谈合同")
    assert kacli.json("visit", "list") == []  # not a logged visit yet
    assert stage_of(kacli, 1) == "acquainted"  # and it moves no stage


@pytest.mark.parametrize("args", [
    ["--planned"],  # when?
    ["--planned", "--date", "yesterday"],
    ["--planned", "--date", "friday", "--advance"],
    ["--planned", "--date", "friday", "--done", "1"],
])
def test_bad_planned_visits(kacli, hxdc, unchanged, args):
    with unchanged():
        result = kacli("visit", "log", hxdc, *args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr


def test_a_bare_weekday_for_a_logged_visit_is_the_one_just_past(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "--date", "friday")
    kacli.ok("visit", "log", hxdc, "--date", "上周五")
    assert [v["date"] for v in kacli.json("visit", "list")] == ["2026-11-20", "2026-11-20"]


def test_planned_visit_done_later(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-k", "tech_exchange", "--planned", "--date", "2026-11-25",
             "--purpose", "演示新茶礼盒")
    later = {"KACLI_TODAY": "2026-11-26"}
    result = kacli.ok("visit", "update", "1", "--done", "-c", "王总", "--note", "演示顺利", env=later)
    assert "Visit #1 took place on 2026-11-25." in result.stderr  # its planned day, not today
    assert "apply it with: kacli contact stage 1 dating" in result.stderr
    visit = kacli.json("visit", "show", "1", env=later)
    assert (visit["planned"], visit["date"], visit["purpose"], visit["note"]) == (
        False, "2026-11-25", "演示新茶礼盒", "演示顺利")
    assert kacli("visit", "update", "1", "--done").exit_code == ExitCode.BAD_INPUT


def test_planned_visit_done_early_is_dated_today_and_can_advance(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "sample", "--planned", "--date", "+5d")
    kacli.ok("visit", "update", "1", "--done", "--advance")
    assert kacli.json("visit", "show", "1")["date"] == "2026-11-23"
    assert stage_of(kacli, 1) == "dating"


def test_gift_values_and_totals(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "小礼品", "--gift-value", "800")
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-c", "李经理", "-k", "贵重礼品", "--gift-value", "2千",
             "--date", "-3d")
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "small_gift", "--gift-value", "1万",
             "--planned", "--date", "+3d")  # planned: not given yet
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "small_gift")  # value unknown
    wang = kacli.json("contact", "show", "1")
    assert wang["gift_total_fen"] == 280000
    assert kacli.json("contact", "show", "2")["gift_total_fen"] == 200000
    assert [v["gift_value_fen"] for v in wang["visits"]] == [None, 80000, 200000]
    shown = kacli.ok("contact", "show", "1").stdout
    assert "Gifts given" in shown and "¥2,800" in shown


def test_customer_show_has_recent_visits_and_open_next_actions(kacli, hxdc):
    for n in range(6):
        kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "call", "--date", f"-{n}d",
                 "--note", f"第{n}次")
    kacli.ok("next", "add", hxdc, "寄报价单", "--date", "周五", "--contact", "李经理")
    kacli.ok("next", "add", hxdc, "回电话", "--date", "-2d")
    kacli.ok("next", "add", hxdc, "已办", "--date", "周五")
    kacli.ok("next", "done", "3")
    data = kacli.json("customer", "show", hxdc)
    assert [v["note"] for v in data["visits"]] == ["第0次", "第1次", "第2次", "第3次", "第4次"]
    assert data["visits"][0]["contacts"] == [{"id": 1, "name": "王总"}]
    assert [(a["text"], a["due"], a["overdue"], a["contact"]) for a in data["next_actions"]] == [
        ("回电话", "2026-11-21", True, None), ("寄报价单", "2026-11-27", False, "李经理")]
    shown = kacli.ok("customer", "show", hxdc).stdout
    assert "Recent visits" in shown and "Open next actions" in shown and "OVERDUE" in shown


def test_list_filters_and_json_shape(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "call", "--date", "-10d")
    kacli.ok("visit", "log", hxdc, "-c", "李经理", "-k", "feedback", "--satisfaction", "4", "-n", "满意")
    kacli.ok("visit", "log", "丽华", "-k", "call")
    assert [v["id"] for v in kacli.json("visit", "list")] == [3, 2, 1]
    assert [v["id"] for v in kacli.json("visit", "list", hxdc)] == [2, 1]
    assert [v["id"] for v in kacli.json("visit", "list", "--kind", "电话")] == [3, 1]
    assert [v["id"] for v in kacli.json("visit", "list", "--since", "-3d")] == [3, 2]
    assert [v["id"] for v in kacli.json("visit", "list", "--limit", "1")] == [3]
    assert [v["id"] for v in kacli.json("visit", "list", hxdc, "--contact", "王总")] == [1]
    assert kacli.json("visit", "list", hxdc)[0] == {
        "id": 2, "customer_id": 1, "customer": "华信地产", "date": "2026-11-23", "kind": "feedback",
        "marks_stage": None, "planned": False, "purpose": None, "note": "满意", "gift_value_fen": None,
        "satisfaction": 4, "contacts": [{"id": 2, "name": "李经理"}], "introduced_by": None, "deal": None,
        "created_at": kacli.json("visit", "show", "2")["created_at"]}
    table = kacli.ok("visit", "list").stdout
    assert "asked their opinion" in table and "satisfaction 4/5" in table


def test_update_fields_and_checks_the_whole_visit(kacli, hxdc, unchanged):
    kacli.ok("visit", "log", hxdc, "-c", "王总", "-k", "small_gift", "--gift-value", "500")
    result = kacli.ok("visit", "update", "1", "--note", "茶叶", "--date", "昨天", "-c", "李经理")
    assert "Updated visit #1: Date, Note, Contacts." in result.stderr
    with unchanged():
        assert kacli("visit", "update", "1", "--kind", "call").exit_code == ExitCode.BAD_INPUT
        assert kacli("visit", "update", "1", "--date", "+1d").exit_code == ExitCode.BAD_INPUT
        assert kacli("visit", "update", "99", "--note", "x").exit_code == ExitCode.BAD_INPUT
    kacli.ok("visit", "update", "1", "--kind", "call", "--gift-value", "")
    visit = kacli.json("visit", "show", "1")
    assert (visit["kind"], visit["gift_value_fen"], visit["date"], visit["note"]) == (
        "call", None, "2026-11-22", "茶叶")
    assert visit["contacts"] == [{"id": 2, "name": "李经理"}]
    assert "Nothing changed" in kacli.ok("visit", "update", "1", "--note", "茶叶").stderr


@pytest.mark.parametrize("args", [
    ["-c", "张三"],  # not a contact there
    ["-c", "王总", "-c", "nobody"],
    ["-k", "banquet-ish"],
    ["-k", "feedback", "--satisfaction", "6"],
    ["-k", "feedback", "--satisfaction", "good"],
    ["-k", "call", "--satisfaction", "4"],
    ["-k", "call", "--gift-value", "100"],
    ["-k", "small_gift", "--gift-value", "lots"],
    ["--date", "2026-02-30"],
    ["--date", "someday"],
    ["--next", "送样品"],  # no due date
    ["--next-date", "周五"],  # nothing to do
    ["--next", "送样品", "--next-date", "whenever"],
    ["--done", "99"],
    ["-n", "bad\x00note"],
])
def test_bad_input_changes_nothing(kacli, hxdc, unchanged, args):
    with unchanged():
        result = kacli("visit", "log", hxdc, *args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_customer_and_visit(kacli, hxdc, unchanged):
    with unchanged():
        assert kacli("visit", "log", "nowhere").exit_code == ExitCode.BAD_INPUT
        result = kacli("visit", "show", "7")
    assert result.exit_code == ExitCode.BAD_INPUT and "no visit #7" in result.stderr


def test_remove_asks_and_keeps_its_next_actions(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "--next", "送样品", "--next-date", "周五")
    result = kacli("visit", "remove", "1")
    assert result.exit_code == ExitCode.BAD_INPUT and "--yes" in result.stderr
    assert len(kacli.json("visit", "list")) == 1
    kacli.ok("visit", "remove", "1", "--yes")
    assert kacli.json("visit", "list") == []
    [action] = kacli.json("next", "list")
    assert (action["text"], action["visit_id"]) == ("送样品", None)


def test_messages_in_chinese(kacli, hxdc):
    result = kacli.ok("--lang", "zh-Hans", "visit", "log", hxdc, "-c", "王总", "-k", "技術交流")
    assert "已登记拜访 #1：2026-11-23，华信地产，技术交流（王总）。" in result.stderr
    assert "王总 目前处于“认识”阶段；这次技术交流是“约会”阶段的标志活动。" in result.stderr
    assert "kacli contact stage 1 dating" in result.stderr


def test_last_contact_by_customer(kacli, hxdc, db_path):
    from kacli.store import visits
    from kacli.store.dossier import reading

    kacli.ok("visit", "log", hxdc, "-c", "王总", "--date", "-9d")
    kacli.ok("visit", "log", hxdc, "-c", "李经理", "--date", "-2d")
    kacli.ok("visit", "log", hxdc, "--planned", "--date", "+1d")
    kacli.ok("customer", "add", "新客户")
    with reading(str(db_path)) as db:
        assert visits.last_contact_by_customer(db) == {1: "2026-11-21"}
        assert visits.last_met_by_contact(db) == {1: "2026-11-14", 2: "2026-11-21"}


def test_a_visits_deal_and_people_are_found_among_its_customers_own(kacli):
    """Another customer's deal or contact with a like name does not make ``--deal``/``--contact``
    ambiguous: a visit is about its own customer's deal, with its own customer's people."""
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("customer", "add", "丽华酒店")
    kacli.ok("contact", "add", "华信地产", "王总")
    kacli.ok("contact", "add", "丽华酒店", "王总监")
    kacli.ok("deal", "add", "华信地产", "MES项目")
    kacli.ok("deal", "add", "丽华酒店", "MES二期")
    kacli.ok("visit", "log", "华信地产", "--contact", "王", "--deal", "MES", "--kind", "call")
    [visit] = kacli.json("visit", "list", "华信地产")
    assert visit["deal"]["title"] == "MES项目", visit
    assert [c["name"] for c in visit["contacts"]] == ["王总"]
