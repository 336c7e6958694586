"""An organisation graded from its won deals, as ``customer show`` explains it."""

from __future__ import annotations


def on(day: str) -> dict[str, str]:
    return {"KACLI_TODAY": day}


def won(kacli, customer: str, title: str, day: str, *amount: str) -> None:
    kacli.ok("deal", "add", customer, title, *(("--amount", amount[0]) if amount else ()), env=on(day))
    kacli.ok("deal", "won", title, "--date", day, env=on(day))


def grade(kacli, customer: str, day: str) -> dict:
    return kacli.json("customer", "show", customer, env=on(day))["grade"]


def test_a_won_deal_without_amount_does_not_drag_the_average_batch_down(kacli):
    kacli.ok("customer", "add", "钢厂")
    won(kacli, "钢厂", "一期", "2027-01-10", "120万")
    won(kacli, "钢厂", "二期", "2027-02-20", "120万")
    won(kacli, "钢厂", "备件", "2027-03-01")  # amount not known
    shown = grade(kacli, "钢厂", "2027-03-10")
    assert shown["grade"] == "A"  # 120万 on average: large, not "¥800,000" small
    batch = next(p for p in shown["parts"] if p["code"] == "batch")
    assert (batch["average_fen"], batch["priced_orders"]) == (120_000_000, 2)
    text = kacli.ok("customer", "show", "钢厂", env={**on("2027-03-10"), "COLUMNS": "400"}).stdout
    assert "1 without an amount (left out of the average)" in text
    assert "average order ¥1,200,000 over 2 orders with an amount" in text


def test_orders_long_ago_are_no_short_cycle_now(kacli):
    kacli.ok("customer", "add", "机床厂")
    for n, day in enumerate(("2024-01-10", "2024-03-01", "2024-05-01")):
        won(kacli, "机床厂", f"订单{n}", day, "200万")
    assert grade(kacli, "机床厂", "2024-06-01")["grade"] == "A"
    later = grade(kacli, "机床厂", "2027-03-10")
    assert later["grade"] == "C"  # long cycle now, large batch
    cycle = next(p for p in later["parts"] if p["code"] == "cycle")
    assert (cycle["cycle"], cycle["lapsed"], cycle["days_since_last"]) == ("long", True, 1043)
    text = kacli.ok("customer", "show", "机床厂", env={**on("2027-03-10"), "COLUMNS": "400"}).stdout
    assert "3 orders from 3 won deals (same-day deals are one order), 2024-01-10 to 2024-05-01" in text
    assert "median 56 days between orders, but no order for 1043 days, more than 90" in text
    # the customer list reads the same grade
    [row] = kacli.json("customer", "list", env=on("2027-03-10"))
    assert row["grade"] == "C"


def test_too_little_history_says_what_is_missing_and_offers_the_options(kacli):
    kacli.ok("customer", "add", "新厂")
    won(kacli, "新厂", "首单", "2027-03-01", "50万")
    won(kacli, "新厂", "加单", "2027-03-01", "10万")  # same day: one order
    shown = grade(kacli, "新厂", "2027-03-10")
    assert shown["grade"] is None
    orders = next(p for p in shown["parts"] if p["code"] == "orders")
    assert (orders["orders"], orders["deals"]) == (1, 2)
    assert [(p["rule"], p["have"]) for p in shown["parts"] if p["code"] == "missing"] == [
        ("cycle", 1), ("batch", 1)]
    env = {**on("2027-03-10"), "COLUMNS": "400"}
    text = kacli.ok("customer", "show", "新厂", env=env).stdout
    assert "it needs two orders on different days (has 1), or state it with --cycle short|long" in text
    assert "or state it with --batch large|small" in text
    zh = kacli.ok("customer", "show", "新厂", env={**env, "KACLI_LANG": "zh-Hans"}).stdout
    assert "需要两次不同日期的订单（现有 1 次）" in zh and ";" not in zh.split("等级")[1].split("\n")[0]
    kacli.ok("customer", "update", "新厂", "--cycle", "long", "--batch", "small")
    assert grade(kacli, "新厂", "2027-03-10")["grade"] == "D"
