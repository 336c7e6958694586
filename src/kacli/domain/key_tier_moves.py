"""When customers joined or left the 80/20 key tier, found by walking the days it can change.

The tier is ranked by each customer's sales over the last ``key_months`` months
(:func:`kacli.domain.grading.sales_in_period`), so it can only change on a day a deal is won (by
anyone: a rival's big order can push a customer out) or a day a won deal drops out of the
window. Between those days every customer's sales stay the same, and so does the tier. Both
walks below start from the sales on the day before their period and apply each such day's
changes in turn; membership is always :func:`kacli.domain.grading.in_key_tier`.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from kacli.domain.grading import in_key_tier, ranking_key, ranks_ahead, sales_in_period, sales_since

Orders = Iterable[tuple[int, dt.date, int]]  # (customer id, day won, value in fen)

_DAY = dt.timedelta(days=1)


class KeyTierMove(NamedTuple):
    """A customer joined (``joined``) or left the key tier on ``day``."""

    day: dt.date
    joined: bool


def leaves_window(won: dt.date, months: int) -> dt.date:
    """The first day a deal won on ``won`` no longer counts toward the key tier's sales: the
    first day whose window (:func:`sales_since`) opens on or after it. ``months`` later, or the
    day after that when a month end was clamped (won Jan 31, 1 month: out on Mar 1, not Feb 28)."""
    from kacli.domain.dates import add

    day = add(won, months, "months")
    while sales_since(day, months) < won:
        day += _DAY
    return day


def sales_moves(orders: Orders, first: dt.date, last: dt.date, months: int
                ) -> Iterator[tuple[dt.date, dict[int, int]]]:
    """The days from ``first`` through ``last`` on which someone's sales change, oldest first,
    each with the change per customer (a deal won adds its value; a deal leaving the window
    takes it away)."""
    moves: dict[dt.date, dict[int, int]] = {}
    leaving: dict[dt.date, dt.date] = {}  # deals are won on few distinct days: work each out once
    for customer_id, won, value in orders:
        if not value:
            continue
        out = leaving.get(won)
        if out is None:
            out = leaving[won] = leaves_window(won, months)
        for day, change in ((won, value), (out, -value)):
            if first <= day <= last:
                per_customer = moves.setdefault(day, {})
                per_customer[customer_id] = per_customer.get(customer_id, 0) + change
    for day in sorted(moves):
        yield day, moves[day]


def key_tier_history(customer_id: int, orders: Orders, first: dt.date, last: dt.date, months: int,
                     share: float, minimum: int = 1) -> list[KeyTierMove]:
    """The days ``customer_id`` joined (True) or left (False) the key tier from ``first`` through
    ``last``, oldest first. ``orders`` must hold every deal won in the window of the day before
    ``first`` and after it, through ``last``.

    Only this customer's place is followed: the sales of those ranked above it and of everyone
    are kept as running sums, so a day that changes other customers' sales costs as many steps
    as it has changes; only a day that changes this customer's own sales re-reads everyone."""
    orders = list(orders)
    sales = sales_in_period(orders, first - _DAY, months)

    def counts_above(other: int, theirs: int, mine: int) -> int:
        return theirs if theirs > 0 and ranks_ahead(customer_id, mine, other, theirs) else 0

    def above_of(mine: int) -> int:
        return sum(counts_above(other, theirs, mine) for other, theirs in sales.items()
                   if other != customer_id)

    total = sum(v for v in sales.values() if v > 0)
    book = sum(1 for v in sales.values() if v > 0)  # customers with sales: 80/20 needs a book
    mine = max(sales.get(customer_id, 0), 0)
    above = above_of(mine)
    member = in_key_tier(mine, above, total, share, book, minimum)
    history: list[KeyTierMove] = []
    for day, changes in sales_moves(orders, first, last, months):
        own = customer_id in changes
        for other, change in changes.items():
            before = sales.get(other, 0)
            after = sales[other] = before + change
            total += max(after, 0) - max(before, 0)
            book += (after > 0) - (before > 0)
            if not own:
                above += counts_above(other, after, mine) - counts_above(other, before, mine)
        if own:
            mine = max(sales[customer_id], 0)
            above = above_of(mine)
        now = in_key_tier(mine, above, total, share, book, minimum)
        if now != member:
            history.append(KeyTierMove(day, now))
            member = now
    return history


def _tier(ranked: list[tuple[int, int]], total: int, share: float, minimum: int = 1) -> set[int]:
    """The key tier of a ranking of :func:`ranking_key` keys, highest sales first: everyone
    :func:`in_key_tier` holds for. Once the sales ranked above reach the line, nobody further
    down is in, so the walk stops there."""
    tier: set[int] = set()
    running = 0
    book = sum(1 for negative, _ in ranked if negative < 0)
    for negative, customer_id in ranked:
        if not in_key_tier(-negative, running, total, share, book, minimum):
            break
        tier.add(customer_id)
        running -= negative
    return tier


def key_tier_changes(orders: Orders, today: dt.date, days: int, months: int,
                     share: float, minimum: int = 1) -> dict[int, tuple[dt.date, bool]]:
    """Customers who joined (True) or left (False) the key tier during the last ``days`` days
    through ``today``, with the day it happened (the latest change when there were several)."""
    return tier_and_changes(orders, today, days, months, share, minimum)[1]


def tier_and_changes(orders: Orders, today: dt.date, days: int, months: int, share: float,
                     minimum: int = 1) -> tuple[frozenset[int], dict[int, tuple[dt.date, bool]]]:
    """The key tier as it stands ``today`` and :func:`key_tier_changes`: the walk ends on the
    tier of today, so the week list ranks everyone once, not twice.

    The ranking is kept sorted as sales change, so a day moves only the customers whose sales
    changed, and the tier is read down to its line."""
    orders = list(orders)
    first = today - dt.timedelta(days=days - 1)
    sales = sales_in_period(orders, first - _DAY, months)
    ranked = sorted(ranking_key(cid, v) for cid, v in sales.items())
    total = sum(sales.values())
    before = _tier(ranked, total, share, minimum)
    found: dict[int, tuple[dt.date, bool]] = {}
    for day, changes in sales_moves(orders, first, today, months):
        for customer_id, change in changes.items():
            old = sales.get(customer_id, 0)
            new = sales[customer_id] = old + change
            if old > 0:
                del ranked[bisect.bisect_left(ranked, ranking_key(customer_id, old))]
            if new > 0:
                bisect.insort(ranked, ranking_key(customer_id, new))
            total += max(new, 0) - max(old, 0)
        now = _tier(ranked, total, share, minimum)
        for customer_id in now ^ before:
            found[customer_id] = (day, customer_id in now)
        before = now
    return frozenset(before), found
