"""``kacli week`` and ``kacli why`` through the CLI: every reason built from real commands.

Today is pinned to Monday 2026-11-23 (conftest), so the default window is 11-23 .. 11-29.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode

ITEM_KEYS = {"customer", "customer_id", "contact", "contact_id", "grade", "key_account", "due",
             "overdue_days", "score", "action", "phone", "reasons"}
REASON_KEYS = {"code", "text", "due"}


def week(kacli, *args: str, **kw) -> dict:
    return kacli.json("week", *args, **kw)


def row(data: dict, customer: str) -> dict:
    found = [i for i in data["items"] if i["customer"] == customer]
    assert len(found) == 1, data
    return found[0]


def codes(item: dict) -> list[str]:
    return [r["code"] for r in item["reasons"]]


def reason(item: dict, code: str) -> dict:
    found = [r for r in item["reasons"] if r["code"] == code]
    assert found, item
    return found[0]


def add_hxdc(kacli) -> str:
    """华信地产: an A organisation (short cycle, large batch) with 王总 as primary contact,
    last met on Tuesday 2026-11-10."""
    kacli.ok("customer", "add", "华信地产", "--cycle", "short", "--batch", "large")
    kacli.ok("contact", "add", "华信地产", "王总", "--primary", "--phone", "138-0000-1111",
             "--role", "决策者")
    kacli.ok("contact", "add", "华信地产", "李经理", "--phone", "139-2222-3333")
    kacli.ok("visit", "log", "华信地产", "-c", "王总", "--date", "2026-11-10")
    return "华信地产"


def add_revenue(kacli) -> None:
    """Three customers whose deals were won this year: 800万, 100万 and 50万."""
    for name, amount in (("华信地产", "800万"), ("机床厂", "100万"), ("茶叶店", "50万")):
        kacli.ok("customer", "add", name)
        kacli.ok("deal", "add", name, f"{name}项目", "--amount", amount)
        kacli.ok("deal", "won", f"{name}项目", "--date", "2026-06-01", "--force")


@dossier_fixture
def hxdc(kacli):
    return add_hxdc(kacli)


@dossier_fixture
def revenue(kacli):
    add_revenue(kacli)


# ---- the shape ----------------------------------------------------------------------------

def test_json_has_exactly_the_documented_shape(kacli, hxdc):
    data = week(kacli)
    assert set(data) == {"today", "until", "items"}
    assert (data["today"], data["until"]) == ("2026-11-23", "2026-11-29")
    item = row(data, hxdc)
    assert set(item) == ITEM_KEYS
    assert all(set(r) == REASON_KEYS for r in item["reasons"])
    assert item == {**item, "contact": "王总", "grade": "A", "key_account": False, "due": "2026-11-17",
                    "overdue_days": 6, "action": "call"}
    assert isinstance(item["score"], float)
    assert item["reasons"] == [{"code": "cadence", "text": "last contact 13 days ago, every 7 days",
                                "due": "2026-11-17"}]


def test_days_sets_the_window(kacli, hxdc):
    assert week(kacli, "--days", "1")["until"] == "2026-11-23"
    assert week(kacli, "--days", "14")["until"] == "2026-12-06"
    for bad in ("0", "400"):
        result = kacli("week", "--days", bad)
        assert result.exit_code == ExitCode.BAD_INPUT
        assert "--days" in result.stderr and "Traceback" not in result.stderr


# ---- cadence ------------------------------------------------------------------------------

def test_cadence_counts_from_the_last_contact_with_anyone(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "李经理", "--date", "2026-11-20", "--kind", "call")
    item = row(week(kacli), hxdc)
    assert item["due"] == "2026-11-27" and item["overdue_days"] == 0
    # The row is due Friday and says its reason as of that day.
    assert reason(item, "cadence")["text"] == "last contact 7 days ago, every 7 days"
    assert week(kacli, "--days", "4")["items"] == []


def test_a_customer_contacted_today_is_not_due(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总")
    result = kacli.ok("week")
    assert result.stdout == ""
    assert "Nothing due from 2026-11-23 to 2026-11-29" in result.stderr
    assert week(kacli)["items"] == []


def test_a_planned_visit_is_not_a_contact(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "--planned", "--date", "2026-11-26", "--purpose", "送样品",
             "-c", "李经理")
    item = row(week(kacli), hxdc)
    assert codes(item) == ["planned_visit", "cadence"]
    assert reason(item, "cadence")["due"] == "2026-11-26"  # the booked visit is the contact it asks for
    assert reason(item, "planned_visit") == {"code": "planned_visit", "due": "2026-11-26",
                                             "text": "visit planned 2026-11-26: 送样品"}
    assert (item["contact"], item["action"]) == ("李经理", "visit")  # the reason names 李经理


def test_a_manual_grade_wins_over_the_rules(kacli):
    kacli.ok("customer", "add", "机床厂", "--cycle", "long", "--batch", "small")  # D: every 90 days
    kacli.ok("visit", "log", "机床厂", "--date", "2026-11-10")
    assert week(kacli)["items"] == []
    kacli.ok("customer", "update", "机床厂", "--grade", "A")
    item = row(week(kacli), "机床厂")
    # A every 7 days from 11-10 would be 11-17, but the grade changed today: due today, not late.
    assert (item["grade"], item["due"], item["overdue_days"]) == ("A", "2026-11-23", 0)
    kacli.ok("customer", "update", "机床厂", "--grade", "auto")
    assert week(kacli)["items"] == []


def test_individuals_by_purchase_intention(kacli):
    kacli.ok("customer", "add", "张先生", "--kind", "person", "--buy-within", "1w")  # O: every 3 days
    kacli.ok("visit", "log", "张先生", "--date", "2026-11-20")
    item = row(week(kacli), "张先生")
    assert (item["grade"], item["due"], item["overdue_days"]) == ("O", "2026-11-23", 0)


def test_never_contacted_is_due_the_day_the_customer_was_added(kacli):
    kacli.ok("customer", "add", "新客户")
    item = row(week(kacli), "新客户")
    found = reason(item, "never_contacted")
    assert found["due"] <= "2026-11-23"  # added on the real clock's day, or today if later
    assert found["text"] == f"never contacted (added {found['due']})"
    assert (item["contact"], item["action"], item["grade"]) == (None, "call", None)


# ---- next actions, birthdays, festivals -----------------------------------------------------

def test_next_action_names_its_contact(kacli, hxdc):
    kacli.ok("next", "add", hxdc, "寄报价单", "--date", "2026-11-25", "--contact", "李经理")
    kacli.ok("next", "add", hxdc, "回访", "--date", "2026-12-20")  # after the window: not listed
    item = row(week(kacli), hxdc)
    assert codes(item) == ["cadence", "next_action"]
    assert reason(item, "next_action") == {"code": "next_action", "text": "next action: 寄报价单",
                                           "due": "2026-11-25"}
    # The overdue revisit comes first, so the action is a call (the next action can be raised).
    assert (item["contact"], item["action"]) == ("李经理", "call")


def test_birthdays_solar_and_lunar(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总")  # nothing else due
    kacli.ok("contact", "update", "王总", "--birthday", "11-28")
    kacli.ok("contact", "update", "李经理", "--birthday", "1980-10-17", "--lunar")  # 2026-11-25
    item = row(week(kacli), hxdc)
    assert [(r["code"], r["due"]) for r in item["reasons"]] == [
        ("birthday", "2026-11-25"), ("birthday", "2026-11-28")]
    assert item["reasons"][0]["text"] == "李经理's birthday 2026-11-25 (lunar 10-17)"
    assert (item["contact"], item["action"]) == ("李经理", "greet")


def test_festivals_for_grades_o_and_a_but_not_b(kacli, hxdc):
    kacli.ok("customer", "add", "机床厂", "--grade", "B")
    moved = {"KACLI_TODAY": "2027-01-25"}  # Spring Festival 2027 is on Feb 6
    kacli.ok("visit", "log", hxdc, env=moved)
    kacli.ok("visit", "log", "机床厂", env=moved)
    data = week(kacli, env=moved)
    item = row(data, hxdc)
    assert reason(item, "festival") == {"code": "festival", "due": "2027-01-30",
                                        "text": "Spring Festival in 7 days (2027-02-06)"}  # as of 01-30
    assert item["action"] == "gift"
    assert all(i["customer"] != "机床厂" for i in data["items"])


# ---- deals and money --------------------------------------------------------------------------

def test_deal_closing_roles_uncovered_then_covered(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总")
    kacli.ok("deal", "add", hxdc, "会务用茶", "--amount", "300万", "--close", "2026-11-27",
             "--stage", "negotiate")
    item = row(week(kacli), hxdc)
    assert codes(item) == ["roles_uncovered", "single_threaded", "deal_closing"]
    assert reason(item, "roles_uncovered")["text"] == (
        "deal “会务用茶” at negotiate: no supporter or coach")  # 王总 is the decision maker
    assert reason(item, "single_threaded")["text"] == (
        "deal “会务用茶” at negotiate: only 王总 met in the last 60 days")
    kacli.ok("deal", "role", "会务用茶", "王总", "--as", "决策者", "--attitude", "支持")
    assert codes(row(week(kacli), hxdc)) == ["single_threaded", "deal_closing"]


def test_a_deal_stalls_after_its_stages_days(kacli, hxdc):
    kacli.ok("deal", "add", hxdc, "会务用茶")  # discover on 2026-11-23: stalled after 30 days
    later = {"KACLI_TODAY": "2026-12-24"}
    kacli.ok("visit", "log", hxdc, "-c", "王总", env=later)
    item = row(week(kacli, env=later), hxdc)
    assert reason(item, "deal_stalled") == {
        "code": "deal_stalled", "due": "2026-12-24", "deal_id": 1,
        "text": "deal “会务用茶” 31 days in discover (limit 30)"}
    ahead = {"KACLI_TODAY": "2026-12-20"}  # stalls on 12-24, inside the window: shown, due that day
    kacli.ok("visit", "log", hxdc, "-c", "王总", env=ahead)
    assert reason(row(week(kacli, env=ahead), hxdc), "deal_stalled") == {
        "code": "deal_stalled", "due": "2026-12-24", "deal_id": 1,
        "text": "deal “会务用茶” stalls on 2026-12-24 (27 days in discover, limit 30)"}
    before = {"KACLI_TODAY": "2026-12-16"}
    kacli.ok("visit", "log", hxdc, "-c", "王总", env=before)
    assert week(kacli, env=before)["items"] == []


def test_payments_due_overdue_and_paid(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总")
    kacli.ok("deal", "add", hxdc, "会务用茶", "--amount", "100万")
    kacli.ok("deal", "won", "会务用茶")
    kacli.ok("payment", "plan", "会务用茶", "60万", "--due", "2026-11-26")
    kacli.ok("payment", "plan", "会务用茶", "40万", "--due", "2026-12-26")
    item = row(week(kacli), hxdc)
    assert reason(item, "payment_due") == {"code": "payment_due", "due": "2026-11-26", "deal_id": 1,
                                           "text": "¥600,000 due 2026-11-26 (会务用茶)"}
    assert item["action"] == "collect"
    late = {"KACLI_TODAY": "2026-11-28"}
    assert reason(row(week(kacli, env=late), hxdc), "payment_overdue")["text"] == (
        "¥600,000 overdue since 2026-11-26 (会务用茶)")
    kacli.ok("payment", "received", "会务用茶", "50万")  # oldest first: 10万 of it still owed
    assert reason(row(week(kacli), hxdc), "payment_due")["text"] == "¥100,000 due 2026-11-26 (会务用茶)"
    kacli.ok("payment", "received", "会务用茶", "10万")
    # Paid in full: the news that the won deal made 华信 a key account today does not keep the row
    # of a customer met today.
    assert week(kacli)["items"] == []


def test_the_call_after_delivery(kacli, hxdc):
    kacli.ok("deal", "add", hxdc, "会务用茶", "--stage", "contract")
    kacli.ok("deal", "won", "会务用茶")
    kacli.ok("deal", "advance", "会务用茶", "--to", "deliver")  # delivered today: call on 11-30
    later = {"KACLI_TODAY": "2026-11-30"}
    kacli.ok("visit", "log", hxdc, "-c", "王总", env=later)
    item = row(week(kacli, env=later), hxdc)
    assert [r["code"] for r in item["reasons"]] == ["after_sale"]
    assert item["reasons"][0]["due"] == "2026-11-30"
    assert item["reasons"][0]["text"].startswith("after-sale follow-up: ")
    assert (item["action"], item["contact"]) == ("follow_up", "王总")


# ---- words ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("zh-Hans", "上次联系已13天，每7天一次"),
    ("zh-Hant", "上次聯繫已13天，每7天一次"),
    ("en", "last contact 13 days ago, every 7 days"),
])
def test_reason_texts_follow_the_language_and_codes_do_not(kacli, hxdc, lang, text):
    item = row(week(kacli, "--lang", lang), hxdc)
    assert item["reasons"] == [{"code": "cadence", "text": text, "due": "2026-11-17"}]
    assert item["action"] == "call"


def test_human_view_in_chinese(kacli, hxdc):
    out = kacli.ok("week", "--lang", "zh-Hans").stdout
    assert "逾期6天" in out and "华信地产 (A)" in out and "王总 138-0000-1111" in out and "打电话" in out


def test_colours_on_a_terminal_red_overdue_yellow_today_bold_key(kacli, revenue, small_book):
    kacli.ok("visit", "log", "机床厂", "--date", "2026-10-01")  # ungraded: overdue since 10-31
    kacli.ok("visit", "log", "茶叶店", "--date", "2026-10-24")  # due today
    kacli.ok("visit", "log", "华信地产", "--date", "2026-10-25")  # key account, due tomorrow
    lines = kacli.ok("week", env={"FORCE_COLOR": "1", "COLUMNS": "200"}).stdout.splitlines()
    assert "\x1b[31m" in next(line for line in lines if "机床厂" in line)
    assert "\x1b[33m" in next(line for line in lines if "茶叶店" in line)
    key = next(line for line in lines if "华信地产" in line)
    assert "\x1b[1m" in key and "\x1b[31m" not in key and "\x1b[33m" not in key


def test_human_view_has_no_colour_codes_on_a_pipe(kacli, hxdc):
    result = kacli.ok("week")
    assert "\x1b[" not in result.stdout
    assert "overdue 6d" in result.stdout and "last contact 13 days ago" in result.stdout
    assert result.stderr == ""


# ---- rules ---------------------------------------------------------------------------------------------

def test_the_rules_file_changes_the_list(kacli, hxdc, isolated):
    rules = isolated.parent / "rules.toml"
    rules.write_text("[org]\nrevisit_days = { A = 20 }\n", encoding="utf-8")
    assert week(kacli)["items"] == []  # 2026-11-10 + 20 days is after the window
    rules.write_text("[org]\nrevisit_days = { A = 'x' }\n", encoding="utf-8")
    result = kacli("week")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"{rules}:2: org.revisit_days.A: expected a whole number" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


# ---- in a real process ---------------------------------------------------------------------------------

def test_week_json_in_a_real_process_loads_no_terminal_or_orm_code(kacli, hxdc, db_path):
    code = (
        "import sys\n"
        f"sys.argv = ['kacli', '--db', {str(db_path)!r}, 'week', '--json']\n"
        "from kacli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({'rich', 'sqlmodel', 'sqlalchemy', 'pypinyin'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *data, loaded = out.stdout.strip().splitlines()
    assert loaded == "[]", out.stdout
    assert row(json.loads("\n".join(data)), hxdc)["due"] == "2026-11-17"


def test_python_dash_m_kacli_week(hxdc):
    out = subprocess.run([sys.executable, "-m", "kacli", "week", "--json"], capture_output=True,
                         text=True, check=True)
    assert row(json.loads(out.stdout), hxdc)["overdue_days"] == 6


def test_the_cycle_collector_is_back_on_after_the_list(kacli):
    # The list pauses Python's cycle collector while it builds its rows, and only while it does.
    import gc

    kacli.ok("customer", "add", "华信地产")
    assert gc.isenabled()
    kacli.ok("week")
    assert gc.isenabled()
    gc.disable()
    try:
        kacli.ok("week")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
