"""Grades (seed 003) and the key tier (80/20, seeds 001 and 002), derived from current facts.

Grades are never stored twice: the dossier keeps the facts (purchase intention, purchase cycle,
batch, orders, a manual grade) and these functions derive the grade whenever it is read, so a
grade can never disagree with the facts it came from.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from kacli.domain.rules import PERSON_GRADES, Rules

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


def bought_since(order_history: Iterable[tuple[dt.date, int]], stated: dt.date | None) -> bool:
    """Whether an individual bought (a won deal) on or after the day their purchase intention was
    stated (any won deal when no intention was ever stated): they are an after-purchase customer.
    A deal won the day the intention was stated counts as bought — the customer said "this week"
    and did."""
    return any(stated is None or day >= stated for day, _ in order_history)


@dataclass(frozen=True)
class OrgFacts:
    """An organisation's cycle and batch as used for its grade, and where each came from."""

    cycle: str | None
    cycle_from: str | None  # "fact" (the salesperson said so), "history", or None
    batch: str | None
    batch_from: str | None
    median_gap_days: float | None = None
    average_fen: int | None = None


def org_facts(
    purchase_cycle: str | None,
    batch: str | None,
    rules: Rules,
    order_history: Iterable[tuple[dt.date, int]] | None = None,
) -> OrgFacts:
    """Cycle and batch from the salesperson's facts, else derived from the order history.

    The salesperson's stated facts win: they know of a framework contract or a new budget that
    the dossier's orders do not show yet. History fills in only what was not stated. Orders on
    the same day are one order (an order split into lines must not halve the cycle). With at
    least two orders: the cycle is short when the *median* gap between orders is within the
    short-cycle threshold (the median, so one long pause does not make a steady buyer "long"),
    and the batch is large when the *average* order reaches the large-batch amount.
    """
    per_day: dict[dt.date, int] = {}
    for day, amount in order_history or ():
        per_day[day] = per_day.get(day, 0) + amount
    median_gap = average = None
    if len(per_day) >= 2:
        days = sorted(per_day)
        median_gap = statistics.median((b - a).days for a, b in zip(days, days[1:], strict=False))
        average = sum(per_day.values()) // len(per_day)
    cycle, cycle_from = purchase_cycle, "fact" if purchase_cycle else None
    if cycle is None and median_gap is not None:
        cycle = "short" if median_gap <= rules.org_short_cycle_days else "long"
        cycle_from = "history"
    size, batch_from = batch, "fact" if batch else None
    if size is None and average is not None:
        size = "large" if average >= rules.org_large_batch_fen else "small"
        batch_from = "history"
    return OrgFacts(cycle, cycle_from, size, batch_from, median_gap, average)


def grade_org(
    purchase_cycle: str | None,
    batch: str | None,
    rules: Rules,
    order_history: Iterable[tuple[dt.date, int]] | None = None,
) -> str | None:
    """A/B/C/D by purchase cycle and batch (see :func:`org_facts`); None if either is unknown."""
    if purchase_cycle and batch:  # stated facts win; no need to read the history
        return _ORG_GRADE.get((purchase_cycle, batch))
    if not order_history:
        return None
    facts = org_facts(purchase_cycle, batch, rules, order_history)
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
    order_history: Iterable[tuple[dt.date, int]] | None = None,
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
        facts = org_facts(purchase_cycle, batch, rules, order_history)
        grade = _ORG_GRADE.get((facts.cycle, facts.batch))
        parts = tuple(_org_parts(facts))
    if grade is None:
        if parts and parts[0].code == "bought":  # after-purchase care explains itself
            return GradeResult(None, None, parts)
        return GradeResult(None, None, (*parts, Part("ungraded")))
    return GradeResult(grade, "rules", parts)


def _org_parts(facts: OrgFacts) -> Iterable[Part]:
    if facts.cycle is not None:
        yield Part("cycle", {"cycle": facts.cycle, "from": facts.cycle_from,
                             "median_gap_days": facts.median_gap_days})
    if facts.batch is not None:
        yield Part("batch", {"batch": facts.batch, "from": facts.batch_from,
                             "average_fen": facts.average_fen})


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


def key_tier(revenue_by_customer: dict[int, int], share: float = 0.8) -> dict[int, KeyShare]:
    """Every customer's place in the 80/20 ranking, with the key tier marked.

    Ranked by revenue, highest first, ties by id. A customer is in the tier when the customers
    ranked above it make up less than ``share`` of the total, so the one whose revenue crosses
    the line is in and the line is always reached. No revenue (zero or less) is never key.
    Exact fractions, so 80% of a total is never missed by a float rounding.
    """
    total = sum(v for v in revenue_by_customer.values() if v > 0)
    line = Fraction(str(share)) * total
    # running < line, in integers: comparing an int with a Fraction costs more than the rest of the loop.
    top, bottom = line.numerator, line.denominator
    ranked = sorted(revenue_by_customer.items(), key=lambda item: (-item[1], item[0]))
    out: dict[int, KeyShare] = {}
    running = 0
    for rank, (customer_id, revenue) in enumerate(ranked, 1):
        earned = max(revenue, 0)
        key = earned > 0 and running * bottom < top
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


def sales_in_period(orders: Iterable[tuple[int, dt.date, int]], today: dt.date, months: int) -> dict[int, int]:
    """Each customer's sales over the ``months`` up to ``today`` (after the day ``months`` back,
    through ``today``) from (customer id, day won, value in fen) orders: the key tier's revenue."""
    from kacli.domain.dates import add

    since = add(today, -months, "months")
    out: dict[int, int] = {}
    for customer_id, day, value in orders:
        if since < day <= today:
            out[customer_id] = out.get(customer_id, 0) + value
    return {cid: total for cid, total in out.items() if total > 0}


def key_tier_changes(orders: list[tuple[int, dt.date, int]], today: dt.date, days: int, months: int,
                     share: float) -> dict[int, tuple[dt.date, bool]]:
    """Customers who joined (True) or left (False) the key tier during the last ``days`` days
    through ``today``, with the day it happened (the latest change when there were several)."""
    def tier(day: dt.date) -> frozenset[int]:
        return key_ids(key_tier(sales_in_period(orders, day, months), share))

    changes: dict[int, tuple[dt.date, bool]] = {}
    before = tier(today - dt.timedelta(days=days))
    for back in range(days - 1, -1, -1):
        day = today - dt.timedelta(days=back)
        now = tier(day)
        for cid in now ^ before:
            changes[cid] = (day, cid in now)
        before = now
    return changes
