"""The reports' arithmetic, directly: ageing buckets, the 80/20 line, the funnel's figures,
months, win/loss, cadence coverage, and money as a report shows it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli import i18n
from kacli.domain import receivables as rcv
from kacli.domain.deal_risks import stall_day
from kacli.domain.reports import activity, ageing, forecast, pareto, period, pipeline, winloss
from kacli.domain.rules import Rules
from kacli.errors import BadInput

TODAY = dt.date(2026, 11, 23)
D = dt.date


@pytest.mark.parametrize(("due", "expected"), [
    (D(2026, 12, 1), "not_due"), (TODAY, "not_due"),  # due today is due, not overdue
    (D(2026, 11, 22), "1_30"), (D(2026, 10, 24), "1_30"),  # 1 and 30 days late
    (D(2026, 10, 23), "31_60"), (D(2026, 9, 24), "31_60"),  # 31 and 60
    (D(2026, 9, 23), "61_90"), (D(2026, 8, 25), "61_90"),  # 61 and 90
    (D(2026, 8, 24), "over_90"), (D(2020, 1, 1), "over_90"),  # 91 and more
])
def test_ageing_buckets_by_days_past_due(due, expected):
    assert ageing.bucket(due, TODAY) == expected


@given(st.lists(st.tuples(st.integers(1, 10_000), st.integers(-200, 200)), min_size=1, max_size=6),
       st.integers(0, 60_000))
def test_ageing_buckets_add_up_to_what_is_owed(plan, paid):
    instalments = [rcv.Instalment(amount, TODAY + dt.timedelta(days=offset)) for amount, offset in plan]
    paid = min(paid, sum(a for a, _ in plan))
    payments = [rcv.Payment(paid, TODAY)] if paid else []
    owed = rcv.receivable(instalments, payments, TODAY)
    report = ageing.ageing([ageing.DealPlan(1, "x", [(i.amount, i.due) for i in instalments], paid)], TODAY)
    assert report.outstanding_fen == owed.outstanding
    overdue = sum(v for k, v in report.buckets.items() if k != "not_due")
    assert overdue == owed.overdue


def test_ageing_biggest_debtor_first_and_due_dates_filter():
    def owing(customer_id, name, amount, due):
        return ageing.DealPlan(customer_id, name, [(amount, due)], 0)

    deals = [owing(1, "小", 10, D(2026, 1, 1)), owing(2, "大", 90, D(2027, 1, 1)), owing(1, "小", 5, D(2026, 11, 1))]
    report = ageing.ageing(deals, TODAY)
    assert [(d.name, d.outstanding_fen) for d in report.customers] == [("大", 90), ("小", 15)]
    assert report.customers[1].buckets == {"not_due": 0, "1_30": 5, "31_60": 0, "61_90": 0, "over_90": 10}
    later = ageing.ageing(deals, TODAY, first_due=D(2026, 6, 1))
    assert [(d.name, d.outstanding_fen) for d in later.customers] == [("大", 90), ("小", 5)]


def test_pareto_line_and_stars_are_separate_things():
    report = pareto.pareto({1: 50, 2: 30, 3: 20, 4: 0}, {1: "a", 2: "b", 3: "c"}, {3}, TODAY, TODAY, 0.8)
    assert [(p.customer_id, p.above_line, p.key) for p in report.customers] == [
        (1, True, False), (2, True, False), (3, False, True)]  # no revenue: not listed
    assert report.total_fen == 100 and report.above_line == 2
    shown, others, rest = pareto.top(report, 1)
    assert [p.customer_id for p in shown] == [1] and (others, rest) == (2, 50)


@given(st.dictionaries(st.integers(1, 50), st.integers(-5, 1_000), max_size=30), st.sampled_from([0.5, 0.8, 1.0]))
def test_pareto_over_the_key_window_stars_the_key_tier(revenue, share):
    """Without ``key_ids`` (the period is the key tier's window) the stars are the key tier of
    the same revenue, exactly as when they are handed over."""
    from kacli.domain.grading import key_ids, key_tier

    given_keys = pareto.pareto(revenue, {}, key_ids(key_tier(revenue, share)), TODAY, TODAY, share)
    assert pareto.pareto(revenue, {}, None, TODAY, TODAY, share) == given_keys


def test_pareto_ties_rank_by_id_and_the_crossing_customer_is_above_the_line():
    report = pareto.pareto({5: 40, 2: 40, 9: 20}, {}, set(), TODAY, TODAY, 0.5)
    assert [(p.rank, p.customer_id, p.above_line) for p in report.customers] == [
        (1, 2, True), (2, 5, True), (3, 9, False)]  # 40 < 50, so the second is in


def test_stalled_is_strictly_more_days_than_the_stage_allows():
    limits = {"validate": 21}
    assert stall_day("validate", TODAY, None, None, limits) == TODAY + dt.timedelta(days=22)
    assert stall_day("deliver", TODAY, None, None, limits) is None  # a stage without a limit


def test_the_pipeline_counts_stalled_as_the_week_list_does():
    """A touch (update, visit or call about the deal) restarts the clock; a hold waits for its date."""
    old = TODAY - dt.timedelta(days=40)
    limits = Rules().stalled_days
    assert limits["validate"] < 40
    stale = pipeline.OpenDeal("validate", 100, None, None, old, None)
    visited = stale._replace(touched=TODAY - dt.timedelta(days=3))
    held = stale._replace(hold_until=TODAY + dt.timedelta(days=5))
    report = pipeline.pipeline([stale, visited, held], TODAY, limits)
    assert report.stages[1].stalled == 1
    assert pipeline.pipeline([held], TODAY + dt.timedelta(days=5), limits).total.stalled == 1


def test_pipeline_figures_follow_the_deal_view():
    deal = pipeline.OpenDeal("negotiate", 1001, None, None, TODAY, None)
    assert pipeline.figures(deal) == (1001, 501)  # 50% half up
    priced = pipeline.OpenDeal("contract", 500, 400, 90, TODAY, None)
    assert pipeline.figures(priced) == (400, 360)
    assert pipeline.figures(pipeline.OpenDeal("discover", None, None, None, TODAY, None)) == (0, 0)


def test_pipeline_every_stage_listed_with_none_for_the_average_of_nothing():
    deals = [pipeline.OpenDeal("validate", 100, None, None, TODAY - dt.timedelta(days=d), None) for d in (10, 31, 40)]
    report = pipeline.pipeline(deals, TODAY, Rules().stalled_days)
    assert [s.stage for s in report.stages] == ["discover", "validate", "negotiate", "contract", "deliver"]
    assert report.stages[1] == pipeline.StageLine("validate", 3, 300, 75, 27.0, 2)
    assert report.stages[0].avg_days_in_stage is None
    assert report.total.count == 3 and report.total.stage is None


def test_forecast_months_cross_the_year_and_place_each_deal():
    assert forecast.months_between(D(2026, 11, 15), D(2027, 2, 1)) == ["2026-11", "2026-12", "2027-01", "2027-02"]
    deals = [pipeline.OpenDeal("discover", 100, None, None, TODAY, D(2027, 1, 31)),
             pipeline.OpenDeal("discover", 100, None, None, TODAY, D(2026, 10, 31)),
             pipeline.OpenDeal("discover", 100, None, None, TODAY, D(2027, 3, 1)),
             pipeline.OpenDeal("discover", 100, None, None, TODAY, None)]
    won = [forecast.Won(D(2026, 12, 24), 300, 250), forecast.Won(D(2026, 10, 1), 999, None)]
    report = forecast.forecast(deals, won, D(2026, 11, 1), D(2027, 2, 28))
    assert [(m.month, m.deals, m.won_fen) for m in report.months] == [
        ("2026-11", 0, 0), ("2026-12", 0, 250), ("2027-01", 1, 0), ("2027-02", 0, 0)]
    assert (report.overdue.deals, report.undated.deals) == (1, 1)  # the March deal is beyond the period
    assert report.months[2].by_stage["discover"] == forecast.StageSum(1, 100, 10)


def test_winloss_stage_reached_is_the_furthest_ever_and_reasons_group_by_text():
    deals = [
        winloss.ClosedDeal("lost", 100, None, D(2026, 1, 1), D(2026, 2, 1), "价格", ("validate", "negotiate")),
        winloss.ClosedDeal("lost", 50, None, D(2026, 1, 1), D(2026, 1, 11), " 价格 ", ("discover",)),
        winloss.ClosedDeal("lost", 10, None, D(2026, 1, 1), D(2026, 1, 2), None, ("discover",)),
        winloss.ClosedDeal("won", 200, 150, D(2026, 1, 1), D(2026, 1, 31), None, ("deliver", "contract")),
        winloss.ClosedDeal("won", 1, None, D(2026, 1, 1), D(2025, 1, 31), None, ("discover",)),  # before
    ]
    report = winloss.winloss(deals, D(2026, 1, 1), D(2026, 12, 31))
    assert report.won == winloss.Tally(1, 150) and report.lost == winloss.Tally(3, 160)
    assert report.win_rate == 0.25 and report.avg_cycle_days == round((31 + 10 + 1 + 30) / 4, 1)
    assert report.lost_reasons == (winloss.Reason("价格", 2, 150), winloss.Reason(None, 1, 10))
    reached = {s.stage: s for s in report.by_stage_reached}
    assert reached["negotiate"].lost == winloss.Tally(1, 100)  # moved back to validate, lost there
    assert reached["deliver"].won == winloss.Tally(1, 150)


def test_activity_weeks_start_monday_and_coverage_counts_the_interval_inclusive():
    assert activity.monday(D(2026, 11, 29)) == D(2026, 11, 23)
    rules = Rules()
    accounts = [activity.Account("org", "A", "active", TODAY - dt.timedelta(days=7)),  # on the day: kept
                activity.Account("org", "A", "active", TODAY - dt.timedelta(days=8)),
                activity.Account("person", "C", "prospect", TODAY - dt.timedelta(days=60)),
                activity.Account("org", None, "active", None),
                activity.Account("org", "A", "lost", TODAY)]
    report = activity.activity([(D(2026, 11, 20), "greeting"), (D(2026, 1, 1), "call")], accounts,
                               D(2026, 11, 16), TODAY, rules)
    assert [(c.grade, c.customers, c.on_cadence, c.share) for c in report.coverage] == [
        ("A", 2, 1, 0.5), ("C", 1, 1, 1.0), (None, 1, 0, 0.0)]
    assert report.total == 1 and report.weeks[0].by_stage["none"] == 1 and len(report.weeks) == 2


def test_a_period_defaults_to_the_key_tier_window_and_refuses_to_run_backwards():
    assert period(None, None, TODAY) == (D(2025, 11, 24), TODAY)
    assert period(None, D(2026, 2, 28), TODAY, months=1) == (D(2026, 1, 29), D(2026, 2, 28))
    with pytest.raises(BadInput):
        period(D(2026, 12, 1), D(2026, 11, 1), TODAY)


@pytest.mark.parametrize(("lang", "fen", "shown"), [
    ("en", 123_456_789, "¥1,234,568"), ("en", 0, "¥0"), ("en", -5_000, "-¥50"),
    ("zh-Hans", 999_900, "¥9,999"), ("zh-Hans", 1_000_000, "¥1万"), ("zh-Hans", 12_500_000, "¥12.5万"),
    ("zh-Hans", 112_500_000, "¥113万"),
    ("zh-Hans", 1_023_000_000, "¥1,023万"), ("zh-Hans", 12_345_000_000, "¥1.23亿"),
    ("zh-Hans", 10_000_000_000, "¥1亿"), ("zh-Hant", 3_000_000, "¥3萬"), ("zh-Hant", 15_000_000_000, "¥1.5億"),
])
def test_money_in_a_report(lang, fen, shown):
    from kacli.render.reports import money

    i18n.set_lang(lang)
    assert money(fen) == shown


def test_money_for_a_spreadsheet_keeps_every_fen():
    from kacli.render.reports import yuan

    assert (yuan(123_456_789), yuan(5), yuan(-150), yuan(None)) == ("1234567.89", "0.05", "-1.50", "")
