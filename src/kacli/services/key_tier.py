"""The 80/20 key tier (seeds 001 and 002): the customers whose sales make up the first
``key_share`` of all sales over the last ``key_months`` months, worked out whenever it is asked.

Sales (销售额) are won deals at their value on the day they were won (``kacli.store.revenue``):
cash arriving later changes what is owed, not who is a key account.
"""

from __future__ import annotations

import datetime as dt

from kacli.domain.grading import KeyShare, in_key_tier, key_tier, place_of, sales_since
from kacli.domain.key_tier_moves import KeyTierMove, key_tier_history, tier_and_changes
from kacli.domain.rules import Rules
from kacli.store import revenue
from kacli.store.db import Db


def key_places(db: Db, today: dt.date, rules: Rules) -> dict[int, KeyShare]:
    """Every customer with sales, ranked for the 80/20 key tier."""
    return key_tier(revenue.revenue(db, today, rules.key_months), rules.key_share, rules.key_min_customers)


CHANGE_DAYS = 7  # a customer joining or leaving the key tier is said on its row for a week


def key_changes(db: Db, today: dt.date, rules: Rules) -> dict[int, tuple[dt.date, bool]]:
    """Who joined (True) or left (False) the key tier in the last week, and on which day."""
    return key_tier_and_changes(db, today, rules)[1]


def key_tier_and_changes(db: Db, today: dt.date, rules: Rules
                         ) -> tuple[frozenset[int], dict[int, tuple[dt.date, bool]]]:
    """The key tier's ids today, and :func:`key_changes`, from one walk over the sales."""
    since = sales_since(today - dt.timedelta(days=CHANGE_DAYS), rules.key_months)
    return tier_and_changes(revenue.orders_since(db, since, today), today, CHANGE_DAYS,
                            rules.key_months, rules.key_share, rules.key_min_customers)


# How far back ``customer history`` looks for days a customer joined or left the key tier, in
# sales windows: two, so every move the current window's sales can explain is found, while a
# dossier of many years is never walked from its first deal.
HISTORY_WINDOWS = 2


def key_moves(db: Db, customer_id: int, today: dt.date, rules: Rules) -> list[KeyTierMove]:
    """The days one customer joined or left the key tier, oldest first: since its first won deal
    (it cannot be key before it), looking back at most ``HISTORY_WINDOWS`` × ``key_months``."""
    from kacli.domain.dates import add

    first_sale = revenue.first_sale(db, customer_id, today)
    if first_sale is None:
        return []
    first = max(first_sale, add(today, -HISTORY_WINDOWS * rules.key_months, "months"))
    orders = revenue.orders_since(db, sales_since(first - dt.timedelta(days=1), rules.key_months), today)
    return key_tier_history(customer_id, orders, first, today, rules.key_months, rules.key_share,
                            rules.key_min_customers)


def key_ids(db: Db, today: dt.date, rules: Rules) -> frozenset[int]:
    return frozenset(cid for cid, place in key_places(db, today, rules).items() if place.key)


def is_key(db: Db, customer_id: int, today: dt.date, rules: Rules) -> bool:
    """Whether one customer is in the key tier, without ranking everyone (``customer show`` at
    100,000 customers): its place among all sales (:func:`kacli.domain.grading.place_of`), read
    by :func:`kacli.domain.grading.in_key_tier`."""
    mine, above, total, book = place_of(customer_id, revenue.revenue(db, today, rules.key_months))
    return in_key_tier(mine, above, total, rules.key_share, book, rules.key_min_customers)


def key_tier_listing(db: Db, today: dt.date, rules: Rules) -> list[tuple[int, str, KeyShare]]:
    """The key tier, highest sales first: (customer id, name, place)."""
    tier = key_places(db, today, rules)
    keys = sorted((place.rank, cid) for cid, place in tier.items() if place.key)
    names = revenue.names(db, [cid for _, cid in keys])
    return [(cid, names.get(cid, ""), tier[cid]) for _, cid in keys]
