"""Money owed through the CLI: plans, payments, refusals that write nothing, the lists."""

from __future__ import annotations

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode


def on(day: str) -> dict[str, str]:
    return {"KACLI_TODAY": day}


@dossier_fixture
def deals(kacli):
    """Two customers: 机床厂 with the 280万 automation deal on three instalments, 华信地产 with one."""
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", "--price", "280万")
    kacli.ok("deal", "won", "自动化改造")
    kacli.ok("payment", "plan", "自动化改造", "84万", "--due", "2026-12-31")
    kacli.ok("payment", "plan", "自动化改造", "168万", "--due", "2027-03-31")
    kacli.ok("payment", "plan", "自动化改造", "28万", "--due", "2027-12-31")
    kacli.ok("deal", "add", "华信地产", "会务用茶", "--amount", "12万")
    kacli.ok("payment", "plan", "会务用茶", "12万", "--due", "2026-11-30")
    return kacli


def test_a_payment_pays_the_oldest_instalment_first(deals):
    deals.ok("payment", "received", "自动化改造", "100万", "--note", "首付款", env=on("2026-12-20"))
    money = deals.json("deal", "show", "自动化改造", env=on("2027-04-05"))["receivable"]
    assert [(i["due"], i["paid_fen"], i["outstanding_fen"], i["overdue"]) for i in money["instalments"]] == [
        ("2026-12-31", 84_000_000, 0, False),
        ("2027-03-31", 16_000_000, 152_000_000, True),
        ("2027-12-31", 0, 28_000_000, False),
    ]
    assert money["payments"] == [{"id": 1, "amount_fen": 100_000_000, "date": "2026-12-20", "note": "首付款"}]
    assert (money["planned_fen"], money["received_fen"], money["outstanding_fen"], money["overdue_fen"]) == (
        280_000_000, 100_000_000, 180_000_000, 152_000_000)
    assert money["oldest_overdue"] == "2027-03-31" and money["next_due"] == "2027-12-31"  # not a day gone by


def test_fully_paid_won_deal_is_complete(deals):
    deals.ok("payment", "received", "自动化改造", "252万", env=on("2027-03-30"))
    last = deals.ok("payment", "received", "自动化改造", "28万", env=on("2027-12-01"))
    assert "fully paid" in last.stderr
    assert deals.json("deal", "show", "自动化改造")["receivable"]["complete"] is True
    # an open deal fully paid is not complete: it was never won
    deals.ok("payment", "received", "会务用茶", "12万")
    money = deals.json("deal", "show", "会务用茶")["receivable"]
    assert money["paid_in_full"] is True and money["complete"] is False


def test_payment_list_per_deal_and_per_customer(deals):
    deals.ok("payment", "received", "自动化改造", "84万", env=on("2026-12-28"))
    data = deals.json("payment", "list", env=on("2027-01-10"))
    assert [(d["customer"], d["title"], d["outstanding_fen"], d["overdue_fen"], d["next_due"])
            for d in data["deals"]] == [
        ("华信地产", "会务用茶", 12_000_000, 12_000_000, None),  # only overdue money: nothing next
        ("机床厂", "自动化改造", 196_000_000, 0, "2027-03-31"),
    ]
    assert data["customers"][1] == {
        "customer_id": 1, "customer": "机床厂", "deals": 1, "planned_fen": 280_000_000,
        "received_fen": 84_000_000, "outstanding_fen": 196_000_000, "overdue_fen": 0,
        "oldest_overdue": None, "next_due": "2027-03-31"}
    assert data["total"]["outstanding_fen"] == 208_000_000 and data["total"]["overdue_fen"] == 12_000_000
    assert data["total"]["oldest_overdue"] == "2026-11-30"
    overdue = deals.json("payment", "list", "--overdue", env=on("2027-01-10"))
    assert [d["title"] for d in overdue["deals"]] == ["会务用茶"]
    mine = deals.json("payment", "list", "--customer", "jcc", env=on("2027-01-10"))
    assert [d["title"] for d in mine["deals"]] == ["自动化改造"]
    shown = deals.ok("payment", "list", env=on("2027-01-10")).stdout
    assert "¥2,080,000" in shown and "¥120,000" in shown


def test_a_won_deal_without_a_plan_is_not_complete(deals):
    deals.ok("deal", "add", "机床厂", "备件", "--amount", "5万")
    deals.ok("deal", "won", "备件")
    money = deals.json("deal", "show", "备件")["receivable"]
    assert money["planned_fen"] == 0 and money["complete"] is False
    assert "No payment schedule" in deals.ok("deal", "show", "备件").stdout


def test_paid_in_full_deals_leave_the_list_unless_all(deals):
    deals.ok("payment", "received", "会务用茶", "12万")
    assert [d["title"] for d in deals.json("payment", "list")["deals"]] == ["自动化改造"]
    assert len(deals.json("payment", "list", "--all")["deals"]) == 2


def test_customer_show_says_what_is_owed(deals):
    owed = deals.json("customer", "show", "华信地产", env=on("2026-12-05"))["receivable"]
    assert owed == {"outstanding_fen": 12_000_000, "overdue_fen": 12_000_000, "oldest_overdue": "2026-11-30"}
    shown = deals.ok("customer", "show", "华信地产", env=on("2026-12-05")).stdout
    assert "Money owed" in shown and "overdue since 2026-11-30" in shown


@pytest.mark.parametrize("args,says", [
    (["payment", "received", "会务用茶", "13万"], "more than"),
    (["payment", "received", "自动化改造", "0"], "more than nothing"),
    (["payment", "received", "自动化改造", "--", "-5万"], "not an amount"),
    (["payment", "received", "自动化改造", "1万", "--date", "tomorrow"], "future"),
    (["payment", "plan", "自动化改造", "0", "--due", "2027-01-01"], "more than nothing"),
    (["payment", "plan", "自动化改造", "1万", "--due", "someday"], "not a date"),
    (["payment", "plan", "没有这个项目", "1万", "--due", "2027-01-01"], "No deal"),
    (["payment", "list", "--customer", "没有这个客户"], "No customer"),
])
def test_refusals_write_nothing(deals, unchanged, args, says):
    with unchanged():
        result = deals(*args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert says in result.stderr and "Traceback" not in result.stderr


def test_paying_a_deal_with_no_plan_is_refused(deals, unchanged):
    deals.ok("deal", "add", "机床厂", "备件")
    with unchanged():
        result = deals("payment", "received", "备件", "1万")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "no payment schedule" in result.stderr and "kacli payment plan" in result.stderr


def test_overpaying_after_partial_payments_is_refused(deals, unchanged):
    deals.ok("payment", "received", "自动化改造", "200万")
    with unchanged():
        result = deals("payment", "received", "自动化改造", "800000.01")
    assert result.exit_code == ExitCode.BAD_INPUT and "¥800,000" in result.stderr
    deals.ok("payment", "received", "自动化改造", "80万")


def test_a_schedule_larger_than_the_deal_is_refused_unless_forced(deals, unchanged):
    with unchanged():
        refused = deals("payment", "plan", "会务用茶", "1万", "--due", "2027-01-31")
    assert refused.exit_code == ExitCode.BAD_INPUT and "--force" in refused.stderr
    result = deals.ok("payment", "plan", "会务用茶", "1万", "--due", "2027-01-31", "--force")
    assert "more than the deal is worth" in result.stderr


def test_chinese_messages(deals):
    result = deals.ok("--lang", "zh-Hans", "payment", "received", "会务用茶", "2万")
    assert "尚欠 ¥100,000" in result.stderr


def _collect(kacli, day: str) -> list[tuple[str, str]]:
    week = kacli.json("week", "--days", "7", env=on(day))
    return [(r["code"], r["due"]) for item in week["items"] for r in item["reasons"]
            if r["code"] in ("payment_due", "payment_overdue")]


def test_a_promised_payment_is_asked_for_on_the_promised_day(kacli, unchanged):
    """The month's 德联 instalment: due 05-31, unpaid; on 06-04 王总 promises it for next Friday.
    payment list's next due never names a day gone by, and the week asks for the money again
    on the promised day, not every morning before it."""
    kacli.ok("customer", "add", "德联汽车")
    kacli.ok("contact", "add", "德联汽车", "王总", "--role", "购买者")
    kacli.ok("deal", "add", "德联汽车", "MES项目", "--amount", "80万", env=on("2027-05-06"))
    kacli.ok("deal", "won", "MES项目", env=on("2027-05-20"))
    kacli.ok("payment", "plan", "MES项目", "24万", "--due", "2027-05-31", env=on("2027-05-20"))
    kacli.ok("payment", "plan", "MES项目", "56万", "--due", "2027-08-31", env=on("2027-05-20"))
    [row] = kacli.json("payment", "list", env=on("2027-06-04"))["deals"]
    assert (row["oldest_overdue"], row["next_due"]) == ("2027-05-31", "2027-08-31")
    assert _collect(kacli, "2027-06-04") == [("payment_overdue", "2027-05-31")]
    with unchanged():
        past = kacli("payment", "promise", "MES项目", "2027-06-01", env=on("2027-06-04"))
        assert past.exit_code == ExitCode.BAD_INPUT
        refused = kacli("payment", "promise", "R1", "下周五", env=on("2027-06-04"))
        assert refused.exit_code == ExitCode.BAD_INPUT and "receipt" in refused.stderr
    said = kacli.ok("payment", "promise", "MES项目", "下周五", env=on("2027-06-04"))  # Friday 06-11
    assert "¥240,000 promised by 2027-06-11 (I1)" in said.stderr, said.stderr
    assert _collect(kacli, "2027-06-04") == []  # it waits: not asked for every morning before the day
    assert _collect(kacli, "2027-06-07") == [("payment_due", "2027-06-11")]  # the week that holds the day
    [row] = kacli.json("payment", "list", env=on("2027-06-04"))["deals"]
    assert (row["overdue_fen"], row["next_due"]) == (24_000_000, "2027-06-11")  # still late by contract
    assert "¥240,000 promised for 2027-06-11 (MES项目, due 2027-05-31)" in kacli.ok(
        "week", env=on("2027-06-07")).stdout
    assert _collect(kacli, "2027-06-14") == [("payment_overdue", "2027-06-11")]  # the promise was broken
    assert "promised for 2027-06-11 and not paid" in kacli.ok("week", env=on("2027-06-14")).stdout
    assert kacli.json("payment", "show", "MES项目")["instalments"][0]["promised"] == "2027-06-11"
    [kept] = [c for c in kacli.json("customer", "history", "德联汽车")["changes"]
              if c["field"] == "deal:MES项目:promised"]
    assert (kept["old"], kept["new"]) == (None, "2027-06-11")
    assert "promised payment day" in kacli.ok("customer", "history", "德联汽车").stdout


def test_money_beyond_two_billion_fen_is_kept_to_the_fen(kacli):
    """A contract worth more than ¥21,474,836.47 (2^31 fen): planned, paid and shown exactly."""
    kacli.ok("customer", "add", "中建八局")
    kacli.ok("deal", "add", "中建八局", "总部大楼幕墙", "--amount", "3.5亿", "--price", "3.2亿")
    kacli.ok("deal", "won", "总部大楼幕墙")
    kacli.ok("payment", "plan", "总部大楼幕墙", "3.2亿", "--due", "2026-12-31")
    kacli.ok("payment", "received", "总部大楼幕墙", "2.5亿")
    money = kacli.json("payment", "show", "总部大楼幕墙")
    assert (money["value_fen"], money["planned_fen"], money["received_fen"], money["outstanding_fen"]) == (
        32_000_000_000, 32_000_000_000, 25_000_000_000, 7_000_000_000)
    assert [r["amount_fen"] for r in money["receipts"]] == [25_000_000_000]
