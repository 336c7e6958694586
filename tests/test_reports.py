"""Reports a salesperson reads at a glance: each on a small dossier whose answers are worked out
by hand here, through the CLI with today pinned to 2026-11-23 (a Monday)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode

WAN = 1_000_000  # fen in 1万 yuan


def on(day: str) -> dict[str, str]:
    return {"KACLI_TODAY": day}


@dossier_fixture
def sales(kacli):
    """Four customers; deals won, lost and open on known days (no payments: revenue is the won
    deals' value, whichever way the key tier counts it)."""
    for name in ("机床厂", "华信地产", "小卖部"):
        kacli.ok("customer", "add", name)
    kacli.ok("customer", "add", "张先生", "--kind", "person")

    def won(customer, title, amount, added, closed, *extra):
        kacli.ok("deal", "add", customer, title, "--amount", amount, *extra, env=on(added))
        kacli.ok("deal", "won", title, "--date", closed, env=on(closed))

    def lost(customer, title, amount, added, closed, reason, advanced=None):
        kacli.ok("deal", "add", customer, title, "--amount", amount, env=on(added))
        if advanced:
            kacli.ok("deal", "advance", title, "--to", "negotiate", "--date", advanced, env=on(advanced))
        kacli.ok("deal", "lost", title, "--reason", reason, "--date", closed, env=on(closed))

    won("机床厂", "生产线", "600万", "2026-01-01", "2026-03-01")
    won("华信地产", "办公楼", "300万", "2026-05-01", "2026-06-10", "--price", "250万")
    won("张先生", "轿车", "100万", "2026-08-01", "2026-09-01")
    won("小卖部", "货架", "50万", "2026-09-01", "2026-10-01")
    won("小卖部", "旧单", "900万", "2024-12-01", "2025-01-01")
    won("机床厂", "备件", "20万", "2026-11-02", "2026-11-05")
    lost("机床厂", "检测仪", "80万", "2026-02-01", "2026-04-01", "价格偏高", advanced="2026-03-01")
    lost("华信地产", "空调", "20万", "2026-07-01", "2026-07-21", " 价格偏高 ")
    lost("小卖部", "冰柜", "10万", "2026-06-01", "2026-08-01", "预算取消")
    kacli.ok("deal", "add", "机床厂", "数控改造", "--amount", "100万", "--close", "2026-12-15", env=on("2026-11-01"))
    kacli.ok("deal", "add", "华信地产", "智能楼宇", "--amount", "200万", "--stage", "validate",
             "--close", "2027-02-10", env=on("2026-10-01"))
    kacli.ok("deal", "add", "张先生", "二手车", "--amount", "40万", "--stage", "negotiate", "--chance", "60",
             env=on("2026-11-13"))
    kacli.ok("deal", "add", "小卖部", "收银系统", "--amount", "35万", "--price", "30万", "--stage", "negotiate",
             "--close", "2026-10-31", env=on("2026-10-23"))
    return kacli


# ---- pareto ---------------------------------------------------------------------------------

def test_pareto_ranks_the_last_twelve_months_with_the_80_percent_line_and_the_key_tier(sales):
    data = sales.json("report", "pareto")
    assert (data["since"], data["until"]) == ("2025-11-24", "2026-11-23")
    total = 1020 * WAN  # 620 + 250 + 100 + 50; the 900万 of 2025-01-01 is before the period
    assert data["total_fen"] == total
    assert [(c["rank"], c["name"], c["revenue_fen"], c["key"]) for c in data["customers"]] == [
        (1, "机床厂", 620 * WAN, True),  # above it nothing: in the tier
        (2, "华信地产", 250 * WAN, True),  # 60.8% above it, under 80%: in (the price, not the amount)
        (3, "张先生", 100 * WAN, False),  # 85.3% above it
        (4, "小卖部", 50 * WAN, False),
    ]
    assert [c["share"] for c in data["customers"]] == [round(620 / 1020, 4), round(250 / 1020, 4),
                                                       round(100 / 1020, 4), round(50 / 1020, 4)]
    assert [c["cumulative"] for c in data["customers"]] == [round(620 / 1020, 4), round(870 / 1020, 4),
                                                            round(970 / 1020, 4), 1.0]
    assert set(data["customers"][0]) == {"rank", "customer_id", "name", "revenue_fen", "share", "cumulative", "key"}
    assert set(data) == {"since", "until", "total_fen", "customers"}


def test_pareto_over_another_period_still_stars_the_key_tier_kacli_keeps(sales, small_book):
    data = sales.json("report", "pareto", "--since", "2025-01-01")
    assert data["total_fen"] == 1920 * WAN
    assert [(c["name"], c["revenue_fen"], c["key"]) for c in data["customers"]] == [
        ("小卖部", 950 * WAN, False), ("机床厂", 620 * WAN, True), ("华信地产", 250 * WAN, True),
        ("张先生", 100 * WAN, False)]
    # the line of this period: 小卖部 and 机床厂 make 81.8%
    view = sales.ok("report", "pareto", "--since", "2025-01-01").stdout
    assert "the first 2 make 80%" in view


def test_pareto_view_draws_bars_marks_the_line_and_stars_in_yuan(sales):
    out = sales.ok("report", "pareto").stdout
    assert "¥6,200,000" in out and "★ 机床厂" in out and "★ 华信地产" in out and "★ 张先生" not in out
    lines = out.splitlines()
    line_at = next(i for i, line in enumerate(lines) if "80% line" in line)
    assert "华信地产" in lines[line_at - 1] and "张先生" in lines[line_at + 1]
    assert "█" in lines[line_at - 1]


def test_money_is_in_wan_in_chinese(sales):
    out = sales.ok("report", "pareto", "--lang", "zh-Hans").stdout
    assert "¥620万" in out and "¥1,020万" in out
    assert "¥620萬" in sales.ok("report", "pareto", "--lang", "zh-Hant").stdout


# ---- pipeline -------------------------------------------------------------------------------

def test_pipeline_counts_open_deals_by_stage_with_weighted_value_days_and_stalled(sales):
    data = sales.json("report", "pipeline")
    stages = {s["stage"]: s for s in data["stages"]}
    assert [s["stage"] for s in data["stages"]] == ["discover", "validate", "negotiate", "contract", "deliver"]
    # 数控改造 100万 at 10%, 22 days (limit 30)
    assert stages["discover"] == {"stage": "discover", "count": 1, "value_fen": 100 * WAN,
                                  "weighted_fen": 10 * WAN, "avg_days_in_stage": 22.0, "stalled": 0}
    # 智能楼宇 200万 at 25%, 53 days: stalled
    assert stages["validate"] == {"stage": "validate", "count": 1, "value_fen": 200 * WAN,
                                  "weighted_fen": 50 * WAN, "avg_days_in_stage": 53.0, "stalled": 1}
    # 二手车 40万 at its own 60%, 10 days; 收银系统 priced 30万 at 50%, 31 days (limit 21): stalled
    assert stages["negotiate"] == {"stage": "negotiate", "count": 2, "value_fen": 70 * WAN,
                                   "weighted_fen": 39 * WAN, "avg_days_in_stage": 20.5, "stalled": 1}
    assert stages["contract"] == {"stage": "contract", "count": 0, "value_fen": 0, "weighted_fen": 0,
                                  "avg_days_in_stage": None, "stalled": 0}
    assert data["total"] == {"count": 4, "value_fen": 370 * WAN, "weighted_fen": 99 * WAN,
                             "avg_days_in_stage": 29.0, "stalled": 2}


def test_pipeline_between_dates_keeps_the_deals_expected_to_close_then(sales):
    data = sales.json("report", "pipeline", "--since", "2026-12-01", "--until", "2027-03-31")
    assert (data["total"]["count"], data["total"]["value_fen"]) == (2, 300 * WAN)


def test_pipeline_funnel_is_drawn_centred(sales):
    out = sales.ok("report", "pipeline").stdout
    funnel = out.split("Funnel (value)", 1)[1].splitlines()
    widest = next(line for line in funnel if "validate" in line)  # 200万
    half = next(line for line in funnel if "discover" in line)  # 100万
    full = widest.count("█")
    assert abs(half.count("█") - full / 2) <= 1
    # centred under the widest bar: as much room on each side
    start = widest.index("█")
    left = half.index("█") - start
    right = (start + full) - (half.rindex("█") + 1)
    assert abs(left - right) <= 1 and left > 0


# ---- forecast -------------------------------------------------------------------------------

def test_forecast_by_expected_close_month_with_won_so_far(sales):
    data = sales.json("report", "forecast")
    assert (data["since"], data["until"]) == ("2026-11-01", "2027-04-30")
    months = {m["month"]: m for m in data["months"]}
    assert list(months) == ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03", "2027-04"]
    assert {k: months["2026-11"][k] for k in ("deals", "value_fen", "weighted_fen", "won_fen")} == {
        "deals": 0, "value_fen": 0, "weighted_fen": 0, "won_fen": 20 * WAN}  # 备件 won on 11-05
    assert {k: months["2026-12"][k] for k in ("deals", "value_fen", "weighted_fen", "won_fen")} == {
        "deals": 1, "value_fen": 100 * WAN, "weighted_fen": 10 * WAN, "won_fen": 0}
    assert months["2027-02"]["by_stage"]["validate"] == {"deals": 1, "value_fen": 200 * WAN,
                                                         "weighted_fen": 50 * WAN}
    assert data["undated"]["deals"] == 1 and data["undated"]["weighted_fen"] == 24 * WAN  # 二手车
    assert data["overdue"]["deals"] == 1 and data["overdue"]["value_fen"] == 30 * WAN  # 收银系统, due 10-31
    assert set(data["months"][0]) == {"month", "weighted_fen", "value_fen", "won_fen", "deals", "by_stage"}


# ---- winloss --------------------------------------------------------------------------------

def test_winloss_counts_the_period_s_closed_deals_win_rate_cycle_and_reasons(sales):
    data = sales.json("report", "winloss")
    assert data["won"] == {"count": 5, "value_fen": 1020 * WAN}
    assert data["lost"] == {"count": 3, "value_fen": 110 * WAN}
    assert data["win_rate"] == 0.625
    # days added -> closed: 59, 40, 31, 30, 3 won; 59, 20, 61 lost
    assert data["avg_cycle_days"] == round((59 + 40 + 31 + 30 + 3 + 59 + 20 + 61) / 8, 1)
    assert data["lost_reasons"] == [{"reason": "价格偏高", "count": 2, "value_fen": 100 * WAN},
                                    {"reason": "预算取消", "count": 1, "value_fen": 10 * WAN}]
    reached = {s["stage"]: s for s in data["by_stage_reached"]}
    assert reached["discover"] == {"stage": "discover", "won": {"count": 5, "value_fen": 1020 * WAN},
                                   "lost": {"count": 2, "value_fen": 30 * WAN}}
    assert reached["negotiate"]["lost"] == {"count": 1, "value_fen": 80 * WAN}  # 检测仪
    assert (data["since"], data["until"]) == ("2025-11-24", "2026-11-23")


def test_winloss_view_and_an_empty_period(sales):
    out = sales.ok("report", "winloss").stdout
    assert "win rate 62%" in out and "价格偏高" in out
    empty = sales.json("report", "winloss", "--since", "2020-01-01", "--until", "2020-12-31")
    assert empty["won"] == {"count": 0, "value_fen": 0} and empty["win_rate"] is None
    assert empty["avg_cycle_days"] is None
    assert "No deals closed" in sales.ok("report", "winloss", "--since", "2020-01-01", "--until", "2020-12-31").stdout


def test_winloss_counts_the_cycle_from_the_day_added_in_the_users_calendar(kacli, db_path, in_zone):
    """Added at 04:00 on 2 October in Shanghai (20:00 UTC the day before), won on 12 October:
    ten days, as the deal's own views count them, not eleven."""
    import sqlite3

    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "生产线", "--amount", "60万", env=on("2026-10-01"))
    kacli.ok("deal", "won", "生产线", "--date", "2026-10-12", env=on("2026-10-12"))
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE deal SET created_at = '2026-10-01T20:00:00Z'")
    in_zone("Asia/Shanghai")
    assert kacli.json("report", "winloss", "--since", "2026-10-01")["avg_cycle_days"] == 10
    in_zone("UTC")
    assert kacli.json("report", "winloss", "--since", "2026-10-01")["avg_cycle_days"] == 11


# ---- receivables ----------------------------------------------------------------------------

@dossier_fixture
def owed(kacli):
    for name in ("机床厂", "华信地产", "小卖部"):
        kacli.ok("customer", "add", name)
    kacli.ok("customer", "add", "张先生", "--kind", "person")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "280万")
    kacli.ok("deal", "won", "自动化改造")
    for amount, due in (("84万", "2026-06-30"), ("100万", "2026-10-10"), ("96万", "2027-01-31")):
        kacli.ok("payment", "plan", "自动化改造", amount, "--due", due)
    kacli.ok("payment", "received", "自动化改造", "50万", "--date", "2026-07-15")
    kacli.ok("deal", "add", "华信地产", "会务用茶", "--amount", "12万")
    kacli.ok("payment", "plan", "会务用茶", "5万", "--due", "2026-11-23")
    kacli.ok("payment", "plan", "会务用茶", "7万", "--due", "2026-10-24")
    kacli.ok("deal", "add", "张先生", "轿车", "--amount", "30万")
    kacli.ok("payment", "plan", "轿车", "30万", "--due", "2026-08-25")
    kacli.ok("payment", "received", "轿车", "10万", "--date", "2026-09-01")
    kacli.ok("deal", "add", "小卖部", "货架", "--amount", "10万")
    kacli.ok("payment", "plan", "货架", "10万", "--due", "2026-09-01")
    kacli.ok("payment", "received", "货架", "10万", "--date", "2026-09-01")
    return kacli


def test_receivables_are_aged_by_days_overdue_biggest_debtor_first(owed):
    data = owed.json("report", "receivables")
    assert data["as_of"] == "2026-11-23"
    # 机床厂: the 50万 paid the oldest 84万 first -> 34万 146 days late, 100万 44 days late, 96万 not due.
    # 华信地产: 5万 due today (due, not overdue), 7万 30 days late. 张先生: 20万 left, 90 days late.
    assert data["buckets"] == [
        {"bucket": "not_due", "fen": 101 * WAN}, {"bucket": "1_30", "fen": 7 * WAN},
        {"bucket": "31_60", "fen": 100 * WAN}, {"bucket": "61_90", "fen": 20 * WAN},
        {"bucket": "over_90", "fen": 34 * WAN}]
    assert [(c["name"], c["outstanding_fen"]) for c in data["customers"]] == [
        ("机床厂", 230 * WAN), ("张先生", 20 * WAN), ("华信地产", 12 * WAN)]  # 小卖部 paid in full
    assert data["customers"][0]["buckets"] == {"not_due": 96 * WAN, "1_30": 0, "31_60": 100 * WAN,
                                               "61_90": 0, "over_90": 34 * WAN}
    assert set(data["customers"][0]) == {"customer_id", "name", "outstanding_fen", "buckets"}


def test_receivables_csv_opens_in_excel_and_reads_back(owed):
    raw = owed.ok("report", "receivables", "--csv").stdout
    assert raw.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))
    assert rows[0][:3] == ["#", "Customer", "Owed (¥)"]
    assert rows[1][1:] == ["机床厂", "2300000.00", "960000.00", "0.00", "1000000.00", "0.00", "340000.00"]
    assert rows[-1][1:3] == ["Total", "2620000.00"]


def test_receivables_svg_is_a_picture_with_the_numbers(owed, tmp_path):
    picture = tmp_path / "owed.svg"
    result = owed.ok("report", "receivables", "--svg", str(picture))
    assert result.stdout == "" and str(picture) in result.stderr
    text = picture.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag.endswith("svg")
    words = "".join(root.itertext()).replace("\xa0", " ")
    assert "¥2,620,000" in words and "机床厂" in words and "¥340,000" in words
    assert picture.stat().st_mode & 0o777 == 0o600


# ---- activity -------------------------------------------------------------------------------

@dossier_fixture
def visits(kacli):
    kacli.ok("customer", "add", "机床厂", "--cycle", "short", "--batch", "large")  # A: every 7 days
    kacli.ok("customer", "add", "华信地产", "--cycle", "short", "--batch", "small")  # B: every 14 days
    kacli.ok("customer", "add", "张先生", "--kind", "person", "--buy-within", "1m")  # A: every 7 days
    kacli.ok("customer", "add", "李女士", "--kind", "person", "--buy-within", "3m")  # B: every 15 days
    kacli.ok("customer", "add", "小卖部", "--status", "dormant")
    for customer, kind, day in (("机床厂", "call", "2026-11-20"), ("机床厂", "meal", "2026-11-10"),
                                ("机床厂", "visit", "2026-08-01"), ("华信地产", "visit", "2026-11-02"),
                                ("张先生", "social", "2026-11-23"), ("小卖部", "call", "2026-11-22")):
        kacli.ok("visit", "log", customer, "--kind", kind, "--date", day)
    kacli.ok("visit", "log", "华信地产", "--planned", "--date", "2026-11-25")
    return kacli


def test_activity_counts_contacts_per_week_by_stage_and_kind(visits):
    data = visits.json("report", "activity")
    assert (data["since"], data["until"], data["total"]) == ("2026-09-07", "2026-11-23", 5)
    assert len(data["weeks"]) == 12 and data["weeks"][0]["week"] == "2026-09-07"
    weeks = {w["week"]: w for w in data["weeks"]}
    assert weeks["2026-11-16"]["total"] == 2 and weeks["2026-11-16"]["by_kind"] == {"call": 2}
    assert weeks["2026-11-16"]["by_stage"] == {"acquainted": 2, "dating": 0, "trust": 0, "alliance": 0, "none": 0}
    assert weeks["2026-11-09"]["by_stage"]["dating"] == 1  # the meal
    assert weeks["2026-11-23"]["by_stage"]["trust"] == 1  # the banquet, today
    assert weeks["2026-09-07"]["total"] == 0
    assert data["by_kind"] == {"call": 2, "meal": 1, "social": 1, "visit": 1}


def test_activity_cadence_coverage_per_grade(visits):
    data = visits.json("report", "activity")
    # A: 机床厂 3 days ago, 张先生 today -> both on cadence. B: 华信地产 21 days ago (interval 14),
    # 李女士 never. 小卖部 is dormant: left out.
    assert data["coverage"] == [{"grade": "A", "customers": 2, "on_cadence": 2, "share": 1.0},
                                {"grade": "B", "customers": 2, "on_cadence": 0, "share": 0.0}]
    out = visits.ok("report", "activity").stdout
    assert "On cadence" in out and "100%" in out


# ---- every report -------------------------------------------------------------------------

REPORTS = ("pareto", "pipeline", "forecast", "receivables", "winloss", "activity")


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_has_json_csv_svg_and_a_view_at_80_columns(sales, name, tmp_path):
    data = json.loads(sales.ok("report", name, "--json").stdout)
    assert isinstance(data, dict)
    raw = sales.ok("report", name, "--csv").stdout
    assert raw.startswith("\ufeff") and list(csv.reader(io.StringIO(raw.lstrip("\ufeff"))))[0]
    picture = tmp_path / f"{name}.svg"
    sales.ok("report", name, "--svg", str(picture))
    ET.parse(picture)
    for lang in ("en", "zh-Hans"):
        out = sales.ok("report", name, "--lang", lang, env={"COLUMNS": "80"}).stdout
        from rich.cells import cell_len

        assert out.strip() and max(cell_len(line) for line in out.splitlines()) <= 80


@pytest.mark.parametrize("name", REPORTS)
def test_every_report_on_an_empty_dossier(kacli, name):
    kacli.ok("customer", "add", "机床厂")
    assert kacli.ok("report", name).stdout.strip()
    assert isinstance(kacli.json("report", name), dict)


def test_bad_periods_and_choices_are_refused(sales, tmp_path):
    inverted = sales("report", "winloss", "--since", "2026-12-01", "--until", "2026-01-01")
    assert inverted.exit_code == ExitCode.BAD_INPUT and "after it ends" in inverted.stderr
    both = sales("report", "pareto", "--json", "--csv")
    assert both.exit_code == ExitCode.BAD_INPUT and both.stdout == ""
    bad = sales("report", "pareto", "--since", "someday")
    assert bad.exit_code == ExitCode.BAD_INPUT
    (tmp_path / "a-file").write_text("")
    nowhere = sales("report", "pareto", "--svg", str(tmp_path / "a-file" / "x.svg"))
    assert nowhere.exit_code == ExitCode.BAD_INPUT and "Cannot write" in nowhere.stderr
