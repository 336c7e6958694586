"""The 80/20 key tier (seeds 001 and 002): the customers whose sales make up the first
``key_share`` of all sales over the last ``key_months`` months, worked out whenever it is asked.

Sales (销售额) are won deals at their value on the day they were won (``kacli.store.revenue``):
cash arriving later changes what is owed, not who is a key account.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from kacli.domain.grading import KeyShare, key_tier
from kacli.domain.rules import Rules
from kacli.store import revenue
from kacli.store.db import Db


def key_places(db: Db, today: dt.date, rules: Rules) -> dict[int, KeyShare]:
    """Every customer with sales, ranked for the 80/20 key tier."""
    return key_tier(revenue.revenue(db, today, rules.key_months), rules.key_share)


CHANGE_DAYS = 7  # a customer joining or leaving the key tier is said on its row for a week


def key_changes(db: Db, today: dt.date, rules: Rules) -> dict[int, tuple[dt.date, bool]]:
    """Who joined (True) or left (False) the key tier in the last week, and on which day."""
    from kacli.domain.dates import add
    from kacli.domain.grading import key_tier_changes

    since = add(today - dt.timedelta(days=CHANGE_DAYS), -rules.key_months, "months")
    return key_tier_changes(revenue.orders_since(db, since, today), today, CHANGE_DAYS,
                            rules.key_months, rules.key_share)


def key_ids(db: Db, today: dt.date, rules: Rules) -> frozenset[int]:
    return frozenset(cid for cid, place in key_places(db, today, rules).items() if place.key)


def is_key(db: Db, customer_id: int, today: dt.date, rules: Rules) -> bool:
    """Whether one customer is in the key tier, without ranking everyone (``customer show`` at
    100,000 customers): ``kacli.domain.grading.key_tier``'s rule — it has sales, and the
    customers ranked above it make up less than the key share of all sales (exact fractions)."""
    mine, above, total = revenue.revenue_rank(db, customer_id, today, rules.key_months)
    return mine > 0 and above < Fraction(str(rules.key_share)) * total


def key_tier_listing(db: Db, today: dt.date, rules: Rules) -> list[tuple[int, str, KeyShare]]:
    """The key tier, highest sales first: (customer id, name, place)."""
    tier = key_places(db, today, rules)
    keys = sorted((place.rank, cid) for cid, place in tier.items() if place.key)
    names = revenue.names(db, [cid for _, cid in keys])
    return [(cid, names.get(cid, ""), tier[cid]) for _, cid in keys]
