"""The days a customer joins or leaves the 80/20 key tier: found by walking only the days sales
change, and always the same as ranking everyone again on every day."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from kacli.domain.grading import in_key_tier, key_ids, key_tier, sales_in_period
from kacli.domain.key_tier_moves import key_tier_changes, key_tier_history, leaves_window, tier_and_changes

WAN = 10_000 * 100  # 1万 in fen
START = dt.date(2027, 1, 1)


def d(offset: int) -> dt.date:
    return START + dt.timedelta(days=offset)


def tier_on(orders, day: dt.date, months: int = 12, share: float = 0.8, minimum: int = 1) -> frozenset[int]:
    """The key tier on one day, ranking everyone: what the walks must agree with."""
    return key_ids(key_tier(sales_in_period(orders, day, months), share, minimum))


def ranked_every_day(customer_id, orders, first, last, months=12, share=0.8, minimum=1):
    member = customer_id in tier_on(orders, first - dt.timedelta(days=1), months, share, minimum)
    moves = []
    day = first
    while day <= last:
        now = customer_id in tier_on(orders, day, months, share, minimum)
        if now != member:
            moves.append((day, now))
            member = now
        day += dt.timedelta(days=1)
    return moves


# ---- the rule itself --------------------------------------------------------------------------

def test_in_key_tier_is_the_80_20_line_in_exact_fractions() -> None:
    assert in_key_tier(100, 0, 100, 0.8)  # alone: all the sales
    assert in_key_tier(1, 799, 1000, 0.8)  # ranked above make up 79.9 %: it crosses the line
    assert not in_key_tier(1, 800, 1000, 0.8)  # exactly 80 % above: the line is reached
    assert not in_key_tier(0, 0, 1000, 0.8)  # no sales is never key
    assert in_key_tier(7, 6999999999999, 10**13, 0.7) and not in_key_tier(7, 7 * 10**12, 10**13, 0.7)


# ---- one customer's history ----------------------------------------------------------------------

def test_a_customer_joins_the_day_its_deal_is_won() -> None:
    orders = [(1, d(0), 100 * WAN), (2, d(10), 500 * WAN)]
    assert key_tier_history(2, orders, d(0), d(30), 12, 0.8) == [(d(10), True)]
    assert key_tier_history(1, orders, d(0), d(30), 12, 0.8) == [(d(0), True), (d(10), False)]


def test_a_customer_leaves_when_its_sales_pass_out_of_the_window() -> None:
    orders = [(1, d(0), 100 * WAN)]
    out = dt.date(2028, 1, 1)  # won 2027-01-01, counted through 2027-12-31 with a 12-month window
    assert leaves_window(d(0), 12) == out
    assert 1 in tier_on(orders, out - dt.timedelta(days=1)) and 1 not in tier_on(orders, out)
    assert key_tier_history(1, orders, d(0), dt.date(2028, 6, 1), 12, 0.8) == [(d(0), True), (out, False)]
    assert key_tier_history(1, orders, d(0), out - dt.timedelta(days=1), 12, 0.8) == [(d(0), True)]


def test_a_month_end_deal_leaves_when_the_window_really_passes_it() -> None:
    assert leaves_window(dt.date(2027, 1, 31), 1) == dt.date(2027, 3, 1)  # not Feb 28: Jan 28 opens it
    assert leaves_window(dt.date(2028, 2, 29), 12) == dt.date(2029, 3, 1)
    assert leaves_window(dt.date(2027, 2, 28), 1) == dt.date(2027, 3, 28)


@given(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 24))
def test_a_deal_counts_from_the_day_it_is_won_until_the_day_it_leaves(won: dt.date, months: int) -> None:
    out = leaves_window(won, months)
    orders = [(1, won, 1)]
    for day in (won, out - dt.timedelta(days=1)):
        assert sales_in_period(orders, day, months) == {1: 1}
    assert sales_in_period(orders, out, months) == {}
    assert sales_in_period(orders, won - dt.timedelta(days=1), months) == {}


def test_a_tie_goes_to_the_lower_id() -> None:
    orders = [(2, d(0), 100), (1, d(5), 100)]  # equal sales from day 5: 1 ranks first
    assert key_tier_history(1, orders, d(0), d(30), 12, 0.5) == [(d(5), True)]
    assert key_tier_history(2, orders, d(0), d(30), 12, 0.5) == [(d(0), True), (d(5), False)]


def test_the_exact_line_decides_on_the_boundary_day() -> None:
    # 300 + 100 ranked above 3 are exactly 80 % of 500: 3 is out; with 1 fen less above it is in.
    exact = [(1, d(0), 300), (2, d(0), 100), (3, d(0), 100)]
    assert key_tier_history(3, exact, d(0), d(10), 12, 0.8) == []
    assert key_tier_history(2, exact, d(0), d(10), 12, 0.8) == [(d(0), True)]
    less = [(1, d(0), 299), *exact[1:]]
    assert key_tier_history(3, less, d(0), d(10), 12, 0.8) == [(d(0), True)]
    # 1 fen more for 1 on day 4 puts the line back exactly: 3 leaves that day.
    assert key_tier_history(3, [*less, (1, d(4), 1)], d(0), d(10), 12, 0.8) == [(d(0), True), (d(4), False)]


def test_a_customer_without_sales_never_joins() -> None:
    orders = [(1, d(0), 100), (2, d(3), 0), (3, d(4), 50)]
    assert key_tier_history(2, orders, d(0), d(400), 12, 0.8) == []
    assert key_tier_history(9, orders, d(0), d(400), 12, 0.8) == []


def test_a_customer_joins_when_anothers_deal_leaves_the_window() -> None:
    orders = [(1, d(0), 1000), (2, d(100), 300), (3, d(150), 200)]
    out = leaves_window(d(0), 12)
    assert key_tier_history(3, orders, d(0), d(500), 12, 0.8) == [(out, True)]  # 300 of 500 ranked above
    assert key_tier_history(1, orders, d(0), d(500), 12, 0.8) == [(d(0), True), (out, False)]


def test_history_starts_from_the_day_before_its_period() -> None:
    orders = [(1, d(0), 100)]
    assert key_tier_history(1, orders, d(1), d(30), 12, 0.8) == []  # key already on the first day


# ---- the same as ranking everyone every day -------------------------------------------------------

ORDERS = st.lists(st.tuples(st.integers(1, 5), st.integers(0, 150).map(d), st.integers(0, 6)),
                  max_size=14)


@settings(max_examples=150, deadline=None)
@given(ORDERS, st.integers(1, 3), st.sampled_from([0.2, 0.5, 0.8, 1.0]), st.integers(0, 120),
       st.integers(0, 90), st.integers(1, 4))
def test_the_walk_finds_every_move_ranking_every_day_finds(orders, months, share, start, length, minimum) -> None:
    first, last = d(start), d(start + length)
    for customer_id in range(1, 6):
        expected = ranked_every_day(customer_id, orders, first, last, months, share, minimum)
        assert key_tier_history(customer_id, orders, first, last, months, share, minimum) == expected


@settings(max_examples=150, deadline=None)
@given(ORDERS, st.integers(1, 3), st.sampled_from([0.2, 0.5, 0.8, 1.0]), st.integers(0, 200),
       st.integers(1, 10), st.integers(1, 4))
def test_the_weeks_changes_are_the_days_the_tier_differs(orders, months, share, today, days, minimum) -> None:
    today_ = d(today)
    expected: dict[int, tuple[dt.date, bool]] = {}
    before = tier_on(orders, today_ - dt.timedelta(days=days), months, share, minimum)
    for back in range(days - 1, -1, -1):
        day = today_ - dt.timedelta(days=back)
        now = tier_on(orders, day, months, share, minimum)
        for customer_id in now ^ before:
            expected[customer_id] = (day, customer_id in now)
        before = now
    assert key_tier_changes(orders, today_, days, months, share, minimum) == expected
    # The walk ends on today's tier, which the week list takes instead of ranking everyone again.
    tier, changes = tier_and_changes(orders, today_, days, months, share, minimum)
    assert changes == expected and tier == tier_on(orders, today_, months, share, minimum)


def test_a_young_book_has_no_key_tier_until_enough_customers_have_sales() -> None:
    # One individual's ¥38,000 first sale is all the sales of a new dossier: 100 %, but no 80/20.
    first = [(1, d(0), 3_800_000)]
    assert key_tier_history(1, first, d(0), d(30), 12, 0.8, minimum=5) == []
    assert key_tier_history(1, first, d(0), d(30), 12, 0.8) == [(d(0), True)]  # no minimum: key at once
    book = [*first, *((n, d(10 + n), 100_000) for n in range(2, 6))]  # the fifth customer buys on d(15)
    assert key_tier_history(1, book, d(0), d(30), 12, 0.8, minimum=5) == [(d(15), True)]
    assert in_key_tier(100, 0, 100, 0.8, book=4, minimum=5) is False
