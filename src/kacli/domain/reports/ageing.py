"""Money owed, aged (seed 003's receivables; seed 002: the biggest buyer is often the biggest
debtor).

What each instalment still owes is ``kacli.domain.receivables``'s allocation (payments pay the
oldest instalments first). Each unpaid part falls in a bucket by how many days past its due date
it is on the day of the report: not yet due (due today or later — due today is due, not
overdue), 1–30, 31–60, 61–90, and over 90 days overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from operator import itemgetter
from typing import NamedTuple

from kacli.domain.receivables import oldest_first, still_owed

BUCKETS = ("not_due", "1_30", "31_60", "61_90", "over_90")


def bucket(due: dt.date, as_of: dt.date) -> str:
    late = (as_of - due).days
    if late <= 0:
        return "not_due"
    if late <= 30:
        return "1_30"
    if late <= 60:
        return "31_60"
    if late <= 90:
        return "61_90"
    return "over_90"


class DealPlan(NamedTuple):
    """A deal's payment plan and what was received on it, as plain numbers (a report reads
    thousands of them)."""

    customer_id: int
    customer: str
    instalments: list[tuple[int, dt.date]]  # (amount in fen, due), in the order planned
    received: int  # fen, all payments on the deal


class Debtor(NamedTuple):
    customer_id: int
    name: str
    outstanding_fen: int
    buckets: dict[str, int]  # every bucket, in order


class Ageing(NamedTuple):
    as_of: dt.date
    buckets: dict[str, int]
    customers: tuple[Debtor, ...]  # who owes anything, the biggest debtor first

    @property
    def outstanding_fen(self) -> int:
        return sum(self.buckets.values())


def ageing(deals: Iterable[DealPlan], as_of: dt.date, *, first_due: dt.date | None = None,
           last_due: dt.date | None = None) -> Ageing:
    """Per customer and in total; only instalments due within [first_due, last_due] if given."""
    owed: dict[int, tuple[str, dict[str, int]]] = {}
    due_of = itemgetter(1)
    for deal in deals:
        if deal.received >= sum(amount for amount, _ in deal.instalments):
            continue  # paid in full (most deals): nothing of it is owed, whatever the order
        plan = oldest_first(deal.instalments, due_of)
        for (_, due), outstanding in zip(plan, still_owed([amount for amount, _ in plan], deal.received),
                                         strict=True):
            if outstanding <= 0:
                continue
            if (first_due and due < first_due) or (last_due and due > last_due):
                continue
            _, mine = owed.setdefault(deal.customer_id, (deal.customer, dict.fromkeys(BUCKETS, 0)))
            mine[bucket(due, as_of)] += outstanding
    debtors = [Debtor(cid, name, sum(b.values()), b) for cid, (name, b) in owed.items()]
    debtors.sort(key=lambda d: (-d.outstanding_fen, d.customer_id))
    totals = {code: sum(d.buckets[code] for d in debtors) for code in BUCKETS}
    return Ageing(as_of, totals, tuple(debtors))
