"""``payment list``: per deal and per customer, planned, received, outstanding, overdue, next due.

The deals are read and handed on one at a time, in customer order, so a list of any length is
never held whole; what is summed per customer and in total is kept as running figures.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kacli.services.deals import money_facts
from kacli.store import payments
from kacli.store.db import Db

AMOUNTS = ("planned_fen", "received_fen", "outstanding_fen", "overdue_fen")


@dataclass(slots=True)
class Owed:
    """Money summed over deals as they are read; the earliest overdue and next due dates."""

    planned_fen: int = 0
    received_fen: int = 0
    outstanding_fen: int = 0
    overdue_fen: int = 0
    oldest_overdue: str | None = None
    next_due: str | None = None

    def add(self, deal: dict[str, Any]) -> None:
        self.planned_fen += deal["planned_fen"]
        self.received_fen += deal["received_fen"]
        self.outstanding_fen += deal["outstanding_fen"]
        self.overdue_fen += deal["overdue_fen"]
        self.oldest_overdue = _earliest(self.oldest_overdue, deal["oldest_overdue"])
        self.next_due = _earliest(self.next_due, deal["next_due"])

    def figures(self) -> dict[str, Any]:
        return {"planned_fen": self.planned_fen, "received_fen": self.received_fen,
                "outstanding_fen": self.outstanding_fen, "overdue_fen": self.overdue_fen,
                "oldest_overdue": self.oldest_overdue, "next_due": self.next_due}


def _earliest(day: str | None, other: str | None) -> str | None:
    if day is None or (other is not None and other < day):
        return other
    return day


@dataclass(slots=True)
class CustomerOwed:
    customer_id: int
    customer: str
    deals: int = 0
    owed: Owed = field(default_factory=Owed)


@dataclass
class MoneyOwed:
    """``deals`` are read as they are iterated; ``customers`` (in the order their deals came)
    and ``total`` are complete once they all have been."""

    deals: Iterator[dict[str, Any]]
    customers: list[CustomerOwed]
    total: Owed


def money_owed(db: Db, today: dt.date, *, customer_id: int | None = None, overdue_only: bool = False,
               include_paid: bool = False) -> MoneyOwed:
    """Deals with a plan and money still outstanding; ``include_paid`` adds the fully paid ones,
    ``overdue_only`` keeps only those with an overdue instalment."""
    customers: list[CustomerOwed] = []
    total = Owed()

    def listed() -> Iterator[dict[str, Any]]:
        for d in payments.each_per_deal(db, today, customer_id=customer_id):
            money = money_facts(d["receivable"], d["outcome"], [])
            if (overdue_only and not money["overdue_fen"]) or (not include_paid and not money["outstanding_fen"]):
                continue
            deal = {"deal_id": d["deal_id"], "title": d["title"], "customer_id": d["customer_id"],
                    "customer": d["customer"], "outcome": d["outcome"],
                    **{k: money[k] for k in (*AMOUNTS, "oldest_overdue", "next_due", "complete")}}
            if not customers or customers[-1].customer_id != deal["customer_id"]:  # by customer
                customers.append(CustomerOwed(deal["customer_id"], deal["customer"]))
            customers[-1].deals += 1
            customers[-1].owed.add(deal)
            total.add(deal)
            yield deal

    return MoneyOwed(listed(), customers, total)
