"""An organisation's grade from its order history (kacli.domain.grading): unknown amounts, the
time since the last order, and an explanation that can be checked by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain.grading import (
    NEEDS_TWO_ORDER_DAYS,
    NEEDS_TWO_PRICED_ORDERS,
    Part,
    effective_grade,
    grade_org,
    org_facts,
)
from kacli.domain.rules import defaults

RULES = defaults()
WAN = 1_000_000  # fen in 1万 yuan
START = dt.date(2025, 1, 1)


def orders(*pairs: tuple[int, int | None]) -> list[tuple[dt.date, int | None]]:
    """(days after START, amount in 万 yuan or None when unknown) -> order history."""
    return [(START + dt.timedelta(days=d), None if wan is None else wan * WAN) for d, wan in pairs]


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_a_won_deal_with_no_amount_is_left_out_of_the_average_not_counted_as_zero():
    history = orders((0, 120), (30, 120), (60, None))
    facts = org_facts(None, None, RULES, history, today=day(60))
    assert facts.average_fen == 120 * WAN  # not (120+120+0)/3 = 80万
    assert (facts.orders, facts.priced_orders, facts.batch) == (3, 2, "large")
    assert grade_org(None, None, RULES, history, today=day(60)) == "A"


def test_a_day_with_one_unknown_amount_is_an_order_of_unknown_size():
    # Same-day deals are one order; if one of them has no amount, the order's size is not known.
    history = orders((0, 150), (0, None), (30, 120), (60, 110))
    facts = org_facts(None, None, RULES, history, today=day(60))
    assert (facts.orders, facts.deals, facts.priced_orders) == (3, 4, 2)
    assert facts.average_fen == 115 * WAN


def test_orders_all_without_amount_leave_the_batch_unknown_and_say_so():
    history = orders((0, None), (30, None))
    facts = org_facts(None, None, RULES, history, today=day(30))
    assert facts.cycle == "short" and facts.batch is None
    assert facts.missing == (("batch", NEEDS_TWO_PRICED_ORDERS),)
    assert grade_org(None, None, RULES, history, today=day(30)) is None


def test_three_big_orders_in_early_2024_are_not_short_cycle_in_march_2027():
    history = [(dt.date(2024, 1, 10), 200 * WAN), (dt.date(2024, 3, 1), 200 * WAN),
               (dt.date(2024, 5, 1), 200 * WAN)]
    then = org_facts(None, None, RULES, history, today=dt.date(2024, 6, 1))
    assert (then.cycle, then.lapsed) == ("short", False)
    now = org_facts(None, None, RULES, history, today=dt.date(2027, 3, 10))
    assert (now.cycle, now.lapsed, now.days_since_last) == ("long", True, 1043)
    assert now.median_gap_days == 56  # the gaps alone still say short
    assert grade_org(None, None, RULES, history, today=dt.date(2027, 3, 10)) == "C"
    assert grade_org(None, None, RULES, history, today=dt.date(2024, 6, 1)) == "A"


@pytest.mark.parametrize(("since_last", "cycle"), [(0, "short"), (90, "short"), (91, "long")])
def test_the_time_since_the_last_order_is_held_to_the_short_cycle_threshold(since_last, cycle):
    history = orders((0, 10), (30, 10))
    assert org_facts(None, None, RULES, history, today=day(30 + since_last)).cycle == cycle


def test_the_recency_threshold_follows_the_rules_file():
    rules = dataclasses.replace(RULES, org_short_cycle_days=30)
    history = orders((0, 10), (30, 10))
    assert org_facts(None, None, rules, history, today=day(60)).cycle == "short"
    assert org_facts(None, None, rules, history, today=day(61)).cycle == "long"


def test_the_next_order_makes_a_lapsed_customer_short_cycle_again():
    history = orders((0, 10), (30, 10))
    assert org_facts(None, None, RULES, history, today=day(400)).cycle == "long"
    history += orders((400, 10))
    # gaps 30 and 370: the median (200) is long by the gaps themselves now
    assert org_facts(None, None, RULES, history, today=day(400)).cycle == "long"
    history += orders((420, 10), (440, 10))
    assert org_facts(None, None, RULES, history, today=day(440)).cycle == "short"


def test_a_stated_cycle_wins_over_the_time_since_the_last_order():
    history = orders((0, 10), (30, 10))
    assert grade_org("short", None, RULES, history, today=day(900)) == "B"


def test_an_order_history_already_long_is_not_lapsed():
    facts = org_facts(None, None, RULES, orders((0, 10), (200, 10)), today=day(900))
    assert (facts.cycle, facts.lapsed) == ("long", False)


def test_too_little_history_says_which_rule_lacks_what():
    one = org_facts(None, None, RULES, orders((0, 500)), today=day(10))
    assert one.missing == (("cycle", NEEDS_TWO_ORDER_DAYS), ("batch", NEEDS_TWO_PRICED_ORDERS))
    same_day = org_facts(None, None, RULES, orders((0, 300), (0, 300)), today=day(10))
    assert (same_day.orders, same_day.deals) == (1, 2)
    assert [rule for rule, _ in same_day.missing] == ["cycle", "batch"]
    stated = org_facts("long", None, RULES, orders((0, 300), (5, None)), today=day(10))
    assert stated.missing == (("batch", NEEDS_TWO_PRICED_ORDERS),)


def test_the_explanation_has_every_number_needed_to_check_it_by_hand():
    history = orders((0, 120), (0, 30), (30, 120), (60, None))
    result = effective_grade("org", today=day(70), rules=RULES, order_history=history)
    assert result.grade == "A"
    assert result.parts == (
        Part("orders", {"orders": 3, "deals": 4, "priced_orders": 2, "first": day(0), "last": day(60),
                        "days_since_last": 10}),
        Part("cycle", {"cycle": "short", "from": "history", "median_gap_days": 30,
                       "days_since_last": 10, "lapsed": False, "short_cycle_days": 90}),
        Part("batch", {"batch": "large", "from": "history", "average_fen": 135 * WAN,
                       "priced_orders": 2, "large_batch_fen": 100 * WAN}),
    )


def test_an_ungraded_organisation_is_told_what_is_missing():
    result = effective_grade("org", today=day(10), rules=RULES, order_history=orders((0, 50)))
    assert result.grade is None
    assert [p.code for p in result.parts] == ["orders", "missing", "missing", "ungraded"]
    assert [(p.params["rule"], p.params["have"]) for p in result.parts if p.code == "missing"] == [
        ("cycle", 1), ("batch", 1)]


def test_stated_facts_need_no_order_list():
    result = effective_grade("org", today=day(10), rules=RULES, purchase_cycle="short", batch="small",
                             order_history=orders((0, 50)))
    assert [p.code for p in result.parts] == ["cycle", "batch"]


histories = st.lists(st.tuples(st.integers(0, 900), st.none() | st.integers(0, 300)), max_size=6)


@given(histories, st.integers(0, 1200), st.sampled_from([None, "short", "long"]),
       st.sampled_from([None, "large", "small"]))
def test_the_quick_grade_is_the_explained_grade(pairs, today_offset, cycle, batch):
    history = orders(*pairs)
    today = day(today_offset)
    explained = effective_grade("org", today=today, rules=RULES, purchase_cycle=cycle, batch=batch,
                                order_history=history)
    assert grade_org(cycle, batch, RULES, history, today=today) == explained.grade


@given(histories, st.integers(0, 900), st.integers(0, 1200))
def test_an_order_without_an_amount_never_changes_the_average(pairs, extra_day, today_offset):
    history = orders(*pairs)
    priced_days = {d for d, amount in history if amount is not None}
    unknown = [(day(extra_day), None)]
    if day(extra_day) in priced_days:
        return  # it would make that day's order unknown: covered above
    before = org_facts(None, None, RULES, history, today=day(today_offset))
    after = org_facts(None, None, RULES, history + unknown, today=day(today_offset))
    assert after.average_fen == before.average_fen and after.batch == before.batch
