"""Grades, revisit intervals and the key tier (kacli.domain.grading)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kacli.domain import grading
from kacli.domain.grading import (
    GradeResult,
    Part,
    bought_since,
    effective_grade,
    grade_org,
    grade_person,
    key_ids,
    key_tier,
    org_facts,
    revisit_days,
)
from kacli.domain.rules import defaults

TODAY = dt.date(2026, 11, 23)
RULES = defaults()
WAN = 1_000_000  # fen in 1万 yuan


def days(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


@pytest.mark.parametrize(("code", "grade"), [("1w", "O"), ("1m", "A"), ("3m", "B"), ("6m", "C")])
def test_purchase_intention_codes_grade_individuals(code: str, grade: str) -> None:
    assert grade_person(code, None, TODAY, RULES) == grade


@pytest.mark.parametrize(("ahead", "grade"), [
    (0, "O"), (7, "O"), (8, "A"), (30, "A"), (31, "B"), (90, "B"), (91, "C"), (180, "C"),
    (181, None), (1000, None),
])
def test_expected_purchase_date_grades_by_days_ahead(ahead: int, grade: str | None) -> None:
    assert grade_person(None, days(ahead), TODAY, RULES) == grade


def test_an_expected_purchase_date_already_passed_is_buying_now_for_a_while() -> None:
    assert grade_person(None, days(-1), TODAY, RULES) == "O"
    assert grade_person(None, days(-RULES.person_expected_passed_days), TODAY, RULES) == "O"
    # Then the intention is stale: ungraded until a new one is stated, not O for ever.
    assert grade_person("1w", days(-RULES.person_expected_passed_days - 1), TODAY, RULES) is None
    result = effective_grade("person", today=TODAY, rules=RULES, expected_purchase=days(-20))
    assert result.grade is None
    assert result.parts[0].params == {"date": days(-20), "days": -20}


def test_an_individual_who_bought_is_after_purchase_until_a_new_intention() -> None:
    stated = days(-30)
    assert not bought_since(((days(-40), 100),), stated)  # bought before saying they would buy
    assert bought_since(((days(-30), 100),), stated)  # the same day counts
    assert bought_since(((days(-3), 100),), stated)
    assert bought_since(((days(-3), 100),), None)  # no intention ever stated: any purchase
    assert grade_person("1w", None, TODAY, RULES, bought=True) is None
    result = effective_grade("person", today=TODAY, rules=RULES, buy_within="1w",
                             order_history=((days(-3), 100),), intention_stated=stated)
    assert (result.grade, result.parts[0].code) == (None, "bought")
    assert revisit_days("person", None, RULES, bought=True) == RULES.person_after_purchase_days == 30
    renewed = effective_grade("person", today=TODAY, rules=RULES, buy_within="1w",
                              order_history=((days(-3), 100),), intention_stated=days(-1))
    assert renewed.grade == "O"


def test_the_expected_date_wins_over_the_intention_code() -> None:
    assert grade_person("1w", days(100), TODAY, RULES) == "C"
    assert grade_person("6m", days(2), TODAY, RULES) == "O"


def test_no_intention_means_no_grade() -> None:
    assert grade_person(None, None, TODAY, RULES) is None


def test_changed_thresholds_regrade_the_codes() -> None:
    rules = dataclasses.replace(RULES, person_buy_within_days={"O": 10, "A": 20, "B": 40, "C": 60})
    assert grade_person("1w", None, TODAY, rules) == "O"
    assert grade_person("1m", None, TODAY, rules) == "B"
    assert grade_person("3m", None, TODAY, rules) is None


@pytest.mark.parametrize(("cycle", "batch", "grade"), [
    ("short", "large", "A"), ("short", "small", "B"),
    ("long", "large", "C"), ("long", "small", "D"),
    ("short", None, None), (None, "large", None), (None, None, None),
])
def test_organisations_by_cycle_and_batch(cycle: str | None, batch: str | None, grade: str | None):
    assert grade_org(cycle, batch, RULES) == grade


def orders(*pairs: tuple[int, int]) -> list[tuple[dt.date, int]]:
    """(days after a fixed start, amount in 万 yuan) -> order history."""
    start = dt.date(2025, 1, 1)
    return [(start + dt.timedelta(days=d), wan * WAN) for d, wan in pairs]


def test_history_derives_a_short_cycle_and_large_batch() -> None:
    history = orders((0, 150), (60, 120), (120, 100))
    assert grade_org(None, None, RULES, history) == "A"
    facts = org_facts(None, None, RULES, history)
    assert (facts.cycle_from, facts.batch_from) == ("history", "history")
    assert facts.median_gap_days == 60
    assert facts.average_fen == 370 * WAN // 3


@pytest.mark.parametrize(("gap", "cycle"), [(89, "short"), (90, "short"), (91, "long")])
def test_short_cycle_threshold_is_inclusive(gap: int, cycle: str) -> None:
    assert org_facts(None, None, RULES, orders((0, 1), (gap, 1))).cycle == cycle


@pytest.mark.parametrize(("average_wan", "batch"), [(99, "small"), (100, "large"), (101, "large")])
def test_large_batch_threshold_is_inclusive(average_wan: int, batch: str) -> None:
    history = orders((0, average_wan - 10), (30, average_wan + 10))
    assert org_facts(None, None, RULES, history).batch == batch


def test_the_median_gap_ignores_one_long_pause() -> None:
    # Gaps 30, 30, 400: the mean (153) would say "long"; a steady buyer who paused once is short.
    history = orders((0, 10), (30, 10), (60, 10), (460, 10))
    assert org_facts(None, None, RULES, history).cycle == "short"
    assert org_facts(None, None, RULES, history).median_gap_days == 30


@pytest.mark.parametrize(("days", "median"), [
    ((0, 100, 150, 350), 100),  # gaps 100, 50, 200: the middle one, whatever their order
    ((0, 10, 100), 50),  # gaps 10 and 90: between the two
    ((0, 10, 101), 50.5),  # and it may fall between two days
])
def test_the_median_gap_of_odd_and_even_counts(days: tuple[int, ...], median: float) -> None:
    history = orders(*((d, 10) for d in days))
    assert org_facts(None, None, RULES, history).median_gap_days == median


def test_orders_on_the_same_day_are_one_order() -> None:
    history = orders((0, 60), (0, 60), (200, 120))
    facts = org_facts(None, None, RULES, history)
    assert facts.median_gap_days == 200
    assert facts.average_fen == 120 * WAN
    assert grade_org(None, None, RULES, history) == "C"


def test_one_order_is_not_a_history() -> None:
    assert grade_org(None, None, RULES, orders((0, 500))) is None
    assert grade_org(None, None, RULES, orders((0, 300), (0, 300))) is None
    assert grade_org(None, None, RULES, []) is None


def test_stated_facts_win_over_history_one_by_one() -> None:
    history = orders((0, 10), (30, 10))  # short and small by history
    assert grade_org("long", None, RULES, history) == "D"
    assert grade_org(None, "large", RULES, history) == "A"
    assert grade_org("long", "large", RULES, history) == "C"
    facts = org_facts("long", None, RULES, history)
    assert (facts.cycle_from, facts.batch_from) == ("fact", "history")


def test_a_manual_grade_always_wins() -> None:
    result = effective_grade("person", today=TODAY, rules=RULES, manual_grade="C",
                             buy_within="1w")
    assert result == GradeResult("C", "manual", (Part("manual", {"grade": "C"}),))
    org = effective_grade("org", today=TODAY, rules=RULES, manual_grade="D",
                          purchase_cycle="short", batch="large")
    assert (org.grade, org.source) == ("D", "manual")


def test_effective_grade_from_the_rules_explains_itself() -> None:
    person = effective_grade("person", today=TODAY, rules=RULES, expected_purchase=days(20))
    assert (person.grade, person.source) == ("A", "rules")
    assert person.parts == (Part("expected_purchase", {"date": days(20), "days": 20}),)
    by_code = effective_grade("person", today=TODAY, rules=RULES, buy_within="3m")
    assert by_code.parts == (Part("buy_within", {"buy_within": "3m"}),)
    org = effective_grade("org", today=TODAY, rules=RULES, purchase_cycle="short",
                          order_history=orders((0, 10), (40, 10)))
    assert (org.grade, org.source) == ("B", "rules")
    assert [(p.code, p.params.get("from")) for p in org.parts] == [
        ("orders", None), ("cycle", "fact"), ("batch", "history")]


def test_ungraded_says_so() -> None:
    result = effective_grade("org", today=TODAY, rules=RULES, purchase_cycle="short")
    assert (result.grade, result.source) == (None, None)
    assert result.parts[-1] == Part("ungraded")
    assert effective_grade("person", today=TODAY, rules=RULES).parts == (Part("ungraded"),)


@pytest.mark.parametrize(("kind", "grade", "interval"), [
    ("person", "O", 3), ("person", "A", 7), ("person", "B", 15), ("person", "C", 60),
    ("org", "A", 7), ("org", "B", 14), ("org", "C", 30), ("org", "D", 90),
    ("person", None, 30), ("org", None, 30), ("person", "D", 30), ("org", "O", 30),
])
def test_revisit_intervals(kind: str, grade: str | None, interval: int) -> None:
    assert revisit_days(kind, grade, RULES) == interval


def test_revisit_intervals_follow_the_rules_file() -> None:
    rules = dataclasses.replace(RULES, ungraded_revisit_days=45,
                                org_revisit_days={"A": 2, "B": 14, "C": 30, "D": 90})
    assert revisit_days("org", "A", rules) == 2
    assert revisit_days("org", None, rules) == 45


def tier_keys(revenue: dict[int, int], share: float = 0.8) -> list[int]:
    return sorted(key_ids(key_tier(revenue, share)))


def test_key_tier_of_nobody() -> None:
    assert key_tier({}) == {}


def test_one_customer_with_revenue_is_the_key_tier() -> None:
    tier = key_tier({5: 1000})
    assert tier[5].key and tier[5].share == 1.0 and tier[5].rank == 1


def test_the_customer_reaching_80_percent_exactly_is_in_and_the_next_is_out() -> None:
    assert tier_keys({1: 50, 2: 30, 3: 20}) == [1, 2]


def test_the_customer_crossing_80_percent_is_in() -> None:
    assert tier_keys({1: 50, 2: 29, 3: 21}) == [1, 2, 3]
    assert tier_keys({1: 90, 2: 5, 3: 5}) == [1]


def test_80_percent_is_not_missed_by_float_rounding() -> None:
    # 0.7 + 0.1 < 0.8 in floats; in fact the first two make exactly 80%, so the third is out.
    assert 7 / 10 + 1 / 10 < 0.8
    assert tier_keys({1: 7, 2: 1, 3: 1, 4: 1}) == [1, 2]
    assert tier_keys({1: 70, 2: 10, 3: 10, 4: 10}) == [1, 2]


def test_ties_are_ranked_by_id() -> None:
    tier = key_tier({9: 100, 4: 100, 7: 100, 1: 100, 2: 100})
    assert [tier[i].rank for i in (1, 2, 4, 7, 9)] == [1, 2, 3, 4, 5]
    assert tier_keys({9: 100, 4: 100, 7: 100, 1: 100, 2: 100}) == [1, 2, 4, 7]


def test_no_revenue_is_never_key() -> None:
    tier = key_tier({1: 0, 2: 0})
    assert not tier[1].key and not tier[2].key
    assert tier[1].share == 0.0
    assert tier_keys({1: 100, 2: 0, 3: -50}, share=1.0) == [1]


def test_shares_and_running_totals() -> None:
    tier = key_tier({1: 600, 2: 300, 3: 100})
    assert [(tier[i].share, tier[i].cumulative) for i in (1, 2, 3)] == [
        (0.6, 0.6), (0.3, 0.9), (0.1, 1.0)]
    assert tier[2].revenue_fen == 300


def test_the_share_is_a_setting() -> None:
    assert tier_keys({1: 40, 2: 30, 3: 20, 4: 10}, share=0.5) == [1, 2]
    assert tier_keys({1: 40, 2: 30, 3: 20, 4: 10}, share=0.4) == [1]


@given(
    st.dictionaries(st.integers(1, 500), st.integers(0, 10**9), max_size=40),
    st.sampled_from([0.5, 0.8, 0.9, 1.0]),
)
def test_the_key_tier_is_the_smallest_top_group_reaching_the_share(
    revenue: dict[int, int], share: float
) -> None:
    tier = key_tier(revenue, share)
    assert set(tier) == set(revenue)
    assert sorted(place.rank for place in tier.values()) == list(range(1, len(revenue) + 1))
    keys = [i for i in tier if tier[i].key]
    total = sum(revenue.values())
    key_revenue = sum(revenue[i] for i in keys)
    assert all(revenue[i] > 0 for i in keys)
    if total:
        assert key_revenue >= Fraction(str(share)) * total  # the line is reached
        last = max(keys, key=lambda i: tier[i].rank)
        assert key_revenue - revenue[last] < Fraction(str(share)) * total  # and not overshot
        # every key customer outranks every other customer
        assert max(tier[i].rank for i in keys) < min(
            (tier[i].rank for i in tier if not tier[i].key), default=len(tier) + 1)
    else:
        assert keys == []


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers(1, 30), st.integers(-5, 300), max_size=12), st.integers(1, 30),
       st.sampled_from([0.5, 0.8, 0.95]), st.integers(1, 6))
def test_one_customers_place_gives_the_same_answer_as_ranking_everyone(sales, customer_id, share, minimum):
    # customer show asks place_of for one customer; the lists rank everyone with key_tier.
    tier = grading.key_tier(sales, share, minimum)
    mine, above, total, book = grading.place_of(customer_id, sales)
    alone = grading.in_key_tier(mine, above, total, share, book, minimum)
    assert alone == (customer_id in tier and tier[customer_id].key)
