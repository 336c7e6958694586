"""Grades (seed 003) and the key tier (80/20, seeds 001 and 002), derived from current facts.

Grades are never stored twice: the dossier keeps the facts (purchase intention, purchase cycle,
batch, orders, a manual grade) and these functions derive the grade whenever it is read, so a
grade can never disagree with the facts it came from.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kacli.domain.rules import PERSON_GRADES, Rules

if TYPE_CHECKING:
    from fractions import Fraction

# What each purchase-intention code means in days, so a changed threshold in the rules file
# ("O buys within 10 days") regrades the codes consistently.
BUY_WITHIN_DAYS = {"1w": 7, "1m": 30, "3m": 90, "6m": 180}

_ORG_GRADE = {("short", "large"): "A", ("short", "small"): "B",
              ("long", "large"): "C", ("long", "small"): "D"}


@dataclass(frozen=True)
class Part:
    """One piece of a grade's explanation: a code and what its message needs."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class GradeResult:
    """The grade in force, where it came from (``manual``, ``rules`` or None) and why."""

    grade: str | None
    source: str | None
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class KeyShare:
    """A customer's place in the 80/20 ranking: share of total revenue, running total, tier."""

    rank: int
    revenue_fen: int
    share: float
    cumulative: float
    key: bool


def _grade_for_days(days: int, rules: Rules) -> str | None:
    for grade in PERSON_GRADES:
        if days <= rules.person_buy_within_days[grade]:
            return grade
    return None


def grade_person(
    buy_within: str | None, expected_purchase: dt.date | None, today: dt.date, rules: Rules,
    *, bought: bool = False,
) -> str | None:
    """O/A/B/C by how soon an individual means to buy; None beyond C's horizon or unknown.

    O/A/B/C describe someone who has not bought yet: once they have (``bought``, see
    :func:`bought_since`) they are ungraded, an after-purchase customer, until a new intention
    is stated. An expected purchase date wins over the ``buy_within`` code: the date is exact and
    moves closer every day, while "within a month" was said on a day kacli does not know. A date
    already passed counts as buying now (O) for ``person_expected_passed_days``; after that the
    intention is stale and the customer is ungraded until a new one is stated.
    """
    if bought:
        return None
    if expected_purchase is not None:
        days = (expected_purchase - today).days
        if days < -rules.person_expected_passed_days:
            return None
        return _grade_for_days(max(0, days), rules)
    if buy_within is not None:
        return _grade_for_days(BUY_WITHIN_DAYS[buy_within], rules)
    return None


# What a rule needs from the order history before it can say anything (``OrgFacts.missing``).
NEEDS_TWO_ORDER_DAYS = "two_order_days"  # the cycle: two orders on different days
NEEDS_TWO_PRICED_ORDERS = "two_priced_orders"  # the batch: two orders with a known amount

Order = tuple[dt.date, int | None]  # (day won, value in fen; None when the deal has no amount)


def bought_since(order_history: Iterable[Order], stated: dt.date | None) -> bool:
    """Whether an individual bought (a won deal) on or after the day their purchase intention was
    stated (any won deal when no intention was ever stated): they are an after-purchase customer.
    A deal won the day the intention was stated counts as bought — the customer said "this week"
    and did."""
    return any(stated is None or day >= stated for day, _ in order_history)


@dataclass(frozen=True)
class OrgFacts:
    """An organisation's cycle and batch as used for its grade, where each came from, and the
    order history behind them, so the explanation can be checked by hand."""

    cycle: str | None
    cycle_from: str | None  # "fact" (the salesperson said so), "history", or None
    batch: str | None
    batch_from: str | None
    median_gap_days: float | None = None
    average_fen: int | None = None
    orders: int = 0  # order days: won deals on the same day are one order
    deals: int = 0  # won deals read
    priced_orders: int = 0  # orders whose amount is known (every deal that day has one)
    first_order: dt.date | None = None
    last_order: dt.date | None = None
    days_since_last: int | None = None  # None when no ``today`` was given
    lapsed: bool = False  # short by its gaps, but the last order is older than a short cycle
    missing: tuple[tuple[str, str], ...] = ()  # (rule "cycle"/"batch", what it needs)


def _orders_by_day(order_history: Iterable[Order] | None) -> tuple[dict[dt.date, int | None], int]:
    """One order per day: the day's won deals summed; None when any of them has no amount (the
    order's size is then not known, and it is left out of the average, never counted as ¥0)."""
    per_day: dict[dt.date, int | None] = {}
    deals = 0
    for day, amount in order_history or ():
        deals += 1
        before = per_day.get(day, 0)
        per_day[day] = None if before is None or amount is None else before + amount
    return per_day, deals


def org_facts(
    purchase_cycle: str | None,
    batch: str | None,
    rules: Rules,
    order_history: Iterable[Order] | None = None,
    *,
    today: dt.date | None = None,
) -> OrgFacts:
    """Cycle and batch from the salesperson's facts, else derived from the order history.

    The salesperson's stated facts win: they know of a framework contract or a new budget that
    the dossier's orders do not show yet. History fills in only what was not stated:

    - orders on the same day are one order (an order split into lines must not halve the cycle);
    - the cycle needs two orders on different days. It is short when the *median* gap between
      orders is within the short-cycle threshold (the median, so one long pause does not make a
      steady buyer "long") **and** the last order is not older than that threshold on ``today``:
      the time since the last order counts toward the cycle, so a customer who stopped ordering
      two years ago is not short-cycle now. Its next order makes it short again;
    - the batch needs two orders with a known amount; it is large when their *average* reaches
      the large-batch amount. An order with no amount is left out of the average.
    """
    per_day, deals = _orders_by_day(order_history)
    days = sorted(per_day)
    priced = [amount for amount in per_day.values() if amount is not None]
    median_gap = average = since_last = None
    if days and today is not None:
        since_last = max(0, (today - days[-1]).days)
    if len(days) >= 2:
        median_gap = _median(sorted((b - a).days for a, b in zip(days, days[1:], strict=False)))
    if len(priced) >= 2:
        average = sum(priced) // len(priced)
    missing: list[tuple[str, str]] = []
    lapsed = False
    cycle, cycle_from = purchase_cycle, "fact" if purchase_cycle else None
    if cycle is None:
        if median_gap is None:
            missing.append(("cycle", NEEDS_TWO_ORDER_DAYS))
        else:
            short = median_gap <= rules.org_short_cycle_days
            lapsed = short and since_last is not None and since_last > rules.org_short_cycle_days
            cycle, cycle_from = ("short" if short and not lapsed else "long"), "history"
    size, batch_from = batch, "fact" if batch else None
    if size is None:
        if average is None:
            missing.append(("batch", NEEDS_TWO_PRICED_ORDERS))
        else:
            size, batch_from = ("large" if average >= rules.org_large_batch_fen else "small"), "history"
    return OrgFacts(cycle, cycle_from, size, batch_from, median_gap, average, len(days), deals,
                    len(priced), days[0] if days else None, days[-1] if days else None, since_last,
                    lapsed, tuple(missing))


def grade_org(
    purchase_cycle: str | None,
    batch: str | None,
    rules: Rules,
    order_history: Iterable[Order] | None = None,
    *,
    today: dt.date | None = None,
) -> str | None:
    """A/B/C/D by purchase cycle and batch (see :func:`org_facts`); None if either is unknown.

    Pass ``today`` so the time since the last order counts toward the cycle; without it the
    history is read as if the last order were today.
    """
    if purchase_cycle and batch:  # stated facts win; no need to read the history
        return _ORG_GRADE.get((purchase_cycle, batch))
    if not order_history:
        return None
    facts = org_facts(purchase_cycle, batch, rules, order_history, today=today)
    return _ORG_GRADE.get((facts.cycle, facts.batch))


def effective_grade(
    kind: str,
    *,
    today: dt.date,
    rules: Rules,
    manual_grade: str | None = None,
    buy_within: str | None = None,
    expected_purchase: dt.date | None = None,
    purchase_cycle: str | None = None,
    batch: str | None = None,
    order_history: Iterable[Order] | None = None,
    intention_stated: dt.date | None = None,
) -> GradeResult:
    """The grade in force and its explanation. A manual grade always wins over the rules.
    ``order_history`` is the won deals (an organisation's grade may come from it; an individual
    who bought since ``intention_stated`` is after-purchase)."""
    if manual_grade:
        return GradeResult(manual_grade, "manual", (Part("manual", {"grade": manual_grade}),))
    if kind == "person":
        bought = bought_since(order_history or (), intention_stated)
        grade = grade_person(buy_within, expected_purchase, today, rules, bought=bought)
        if bought:
            parts = (Part("bought", {"revisit_days": rules.person_after_purchase_days}),)
        elif expected_purchase is not None:
            days = (expected_purchase - today).days
            parts = (Part("expected_purchase", {"date": expected_purchase, "days": days}),)
        elif buy_within is not None:
            parts = (Part("buy_within", {"buy_within": buy_within}),)
        else:
            parts = ()
    else:
        facts = org_facts(purchase_cycle, batch, rules, order_history, today=today)
        grade = _ORG_GRADE.get((facts.cycle, facts.batch))
        parts = tuple(_org_parts(facts, rules))
    if grade is None:
        if parts and parts[0].code == "bought":  # after-purchase care explains itself
            return GradeResult(None, None, parts)
        return GradeResult(None, None, (*parts, Part("ungraded")))
    return GradeResult(grade, "rules", parts)


def _org_parts(facts: OrgFacts, rules: Rules) -> Iterable[Part]:
    """The organisation's grade, piece by piece, with every number needed to check it by hand:
    the orders read (same-day deals as one order, first and last date), the median gap and the
    days since the last order against the short-cycle threshold, the average against the
    large-batch amount, and which rule lacks data when the history is too short."""
    if facts.deals and ("history" in (facts.cycle_from, facts.batch_from) or facts.missing):
        yield Part("orders", {"orders": facts.orders, "deals": facts.deals,
                              "priced_orders": facts.priced_orders, "first": facts.first_order,
                              "last": facts.last_order, "days_since_last": facts.days_since_last})
    if facts.cycle_from == "fact":
        yield Part("cycle", {"cycle": facts.cycle, "from": "fact"})
    elif facts.cycle is not None:
        yield Part("cycle", {"cycle": facts.cycle, "from": "history",
                             "median_gap_days": facts.median_gap_days,
                             "days_since_last": facts.days_since_last, "lapsed": facts.lapsed,
                             "short_cycle_days": rules.org_short_cycle_days})
    if facts.batch_from == "fact":
        yield Part("batch", {"batch": facts.batch, "from": "fact"})
    elif facts.batch is not None:
        yield Part("batch", {"batch": facts.batch, "from": "history",
                             "average_fen": facts.average_fen, "priced_orders": facts.priced_orders,
                             "large_batch_fen": rules.org_large_batch_fen})
    for rule, needs in facts.missing:
        yield Part("missing", {"rule": rule, "needs": needs,
                               "have": facts.orders if rule == "cycle" else facts.priced_orders})


def revisit_days(kind: str, grade: str | None, rules: Rules, *, bought: bool = False) -> int:
    """Days between visits for a grade; the ungraded interval for no grade or one the kind
    does not use (a person manually graded D); the after-purchase interval for an ungraded
    individual who bought."""
    if bought and grade is None and kind == "person":
        return rules.person_after_purchase_days
    table = rules.person_revisit_days if kind == "person" else rules.org_revisit_days
    if grade is None or grade not in table:
        return rules.ungraded_revisit_days
    return table[grade]


def in_key_tier(mine: int, above: int, total: int, share: float, book: int = 1,
                minimum: int = 1) -> bool:
    """The 80/20 rule (seeds 001 and 002) for one customer: it has sales (``mine`` above zero),
    and the customers ranked above it (more sales, or as much and a lower id) make up less than
    ``share`` of ``total``, all sales. So the customer whose sales cross the line is in, and the
    line is always reached. A book of fewer than ``minimum`` customers with sales (``book``)
    has no key tier yet: with two customers, 80/20 would call one sale a key account. Exact
    fractions, so 80% of a total is never missed by a float
    rounding; in integers, because comparing an int with a Fraction costs more than a ranking
    loop around it."""
    if book < minimum:
        return False
    line = _share(share)
    return mine > 0 and above * line.denominator < line.numerator * total


def ranking_key(customer_id: int, sales: int) -> tuple[int, int]:
    """The 80/20 ranking's order, smallest first: more sales first, and as much with a lower id
    first (so ties keep one order between runs)."""
    return (-sales, customer_id)


def ranks_ahead(customer_id: int, sales: int, other_id: int, other_sales: int) -> bool:
    """Whether ``other`` ranks ahead of ``customer`` (:func:`ranking_key`)."""
    return ranking_key(other_id, other_sales) < ranking_key(customer_id, sales)


def place_of(customer_id: int, sales_by_customer: dict[int, int]) -> tuple[int, int, int, int]:
    """One customer's place for :func:`in_key_tier` without ranking everyone: its sales, the
    sales of those ranked ahead of it (:func:`ranks_ahead`), all sales (none below zero) and how
    many customers have sales."""
    mine = max(sales_by_customer.get(customer_id, 0), 0)
    above = total = book = 0
    for other, sales in sales_by_customer.items():
        if sales > 0:
            total += sales
            book += 1
            if other != customer_id and ranks_ahead(customer_id, mine, other, sales):
                above += sales
    return mine, above, total, book


def _median(values: list[int]) -> float:
    """The middle of sorted ``values`` (the mean of the two middle ones for an even count), as
    ``statistics.median`` gives it, without loading ``statistics`` (and ``decimal``) per run."""
    half = len(values) // 2
    return values[half] if len(values) % 2 else (values[half - 1] + values[half]) / 2


@functools.cache
def _share(share: float) -> Fraction:
    from fractions import Fraction  # once per run, and not at start-up

    return Fraction(str(share))


def key_tier(revenue_by_customer: dict[int, int], share: float = 0.8, minimum: int = 1) -> dict[int, KeyShare]:
    """Every customer's place in the 80/20 ranking, with the key tier marked by
    :func:`in_key_tier`: ranked by revenue, highest first, ties by id. No revenue (zero or less)
    is never key."""
    total = sum(v for v in revenue_by_customer.values() if v > 0)
    book = sum(1 for v in revenue_by_customer.values() if v > 0)
    ranked = sorted(revenue_by_customer.items(), key=lambda item: ranking_key(*item))
    out: dict[int, KeyShare] = {}
    running = 0
    for rank, (customer_id, revenue) in enumerate(ranked, 1):
        earned = max(revenue, 0)
        key = in_key_tier(earned, running, total, share, book, minimum)
        running += earned
        out[customer_id] = KeyShare(
            rank=rank,
            revenue_fen=revenue,
            share=earned / total if total else 0.0,
            cumulative=running / total if total else 0.0,
            key=key,
        )
    return out


def key_ids(tier: dict[int, KeyShare]) -> frozenset[int]:
    """The ids of the customers in the key tier."""
    return frozenset(customer_id for customer_id, place in tier.items() if place.key)


def sales_since(today: dt.date, months: int) -> dt.date:
    """The day before the key tier's sales window opens on ``today``: a deal won after it,
    through ``today``, counts toward the ``months`` of sales the tier is ranked by."""
    from kacli.domain.dates import add

    return add(today, -months, "months")


def sales_in_period(orders: Iterable[tuple[int, dt.date, int]], today: dt.date, months: int) -> dict[int, int]:
    """Each customer's sales over the ``months`` up to ``today`` (after :func:`sales_since`,
    through ``today``) from (customer id, day won, value in fen) orders: the key tier's revenue."""
    since = sales_since(today, months)
    out: dict[int, int] = {}
    for customer_id, day, value in orders:
        if since < day <= today:
            out[customer_id] = out.get(customer_id, 0) + value
    return {cid: total for cid, total in out.items() if total > 0}
