"""The rows the reports count (``kacli.domain.reports``): only the columns each one needs.

Reads only, as plain tuples (tens of thousands of rows, read by position). Revenue for the 80/20
report is ``kacli.store.revenue``'s, not read here. Each function imports its own report's row
type, so a report loads none of the others' modules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kacli.domain.relationship import NOT_CONTACT_KINDS
from kacli.store.db import Days, Db
from kacli.store.stage_entered import ADDED, MOVES, added_day, entered, last_touch

if TYPE_CHECKING:
    from kacli.domain.reports.ageing import DealPlan
    from kacli.domain.reports.forecast import Won
    from kacli.domain.reports.pipeline import OpenDeal
    from kacli.domain.reports.winloss import ClosedDeal


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def open_deals(db: Db, first_close: dt.date | None = None, last_close: dt.date | None = None, *,
               with_entered: bool = True, today: dt.date | None = None) -> list[OpenDeal]:
    """Every open deal; only those expected to close within [first_close, last_close] if either
    is given (then deals without a close date are left out). Without ``with_entered`` the day each
    entered its stage, last touch and hold are not looked up: the forecast has no use for them.
    With it, ``today`` bounds the last touch (the stalled clock)."""
    from kacli.domain.reports.pipeline import OpenDeal

    window = ""
    if first_close or last_close:
        window = ("AND deal.expected_close IS NOT NULL"
                  " AND (:first IS NULL OR deal.expected_close >= :first)"
                  " AND (:last IS NULL OR deal.expected_close <= :last)")
    days = Days()
    clock = f"{MOVES}, {ADDED}, {last_touch()}, deal.hold_until" if with_entered else "NULL, NULL, NULL, NULL"
    rows = db.tuples(f"""SELECT deal.stage, deal.amount, deal.price, deal.chance, {clock}, deal.expected_close
                         FROM deal WHERE deal.outcome = 'open' {window}""",
                 first=_iso(first_close), last=_iso(last_close), today=_iso(today or dt.date.today()))
    return [OpenDeal(stage, amount, price, chance, entered(stage, moved, added) if added else None,
                     days[close] if close else None, days[last] if last else None,
                     days[hold] if hold else None)
            for stage, amount, price, chance, moved, added, last, hold, close in rows]


def won_deals(db: Db, first: dt.date, last: dt.date) -> list[Won]:
    """Deals won from ``first`` through ``last``."""
    from kacli.domain.reports.forecast import Won

    days = Days()
    rows = db.tuples("""SELECT closed_on, amount, price FROM deal
                        WHERE outcome = 'won' AND closed_on BETWEEN :first AND :last""",
                 first=first.isoformat(), last=last.isoformat())
    return [Won(days[closed], amount, price) for closed, amount, price in rows]


def closed_deals(db: Db, first: dt.date, last: dt.date) -> list[ClosedDeal]:
    """Deals won or lost from ``first`` through ``last``, with every stage each was ever in."""
    from kacli.domain.reports.winloss import ClosedDeal

    params = {"first": first.isoformat(), "last": last.isoformat()}
    closed = """outcome IN ('won', 'lost') AND closed_on BETWEEN :first AND :last"""
    stages: dict[int, list[str]] = {}
    for deal_id, stage in db.tuples(f"""SELECT e.deal_id, e.to_stage FROM deal_event e
                                       WHERE e.to_stage IS NOT NULL
                                         AND e.deal_id IN (SELECT id FROM deal WHERE {closed})""",
                                **params):
        stages.setdefault(deal_id, []).append(stage)
    days = Days()
    rows = db.tuples(f"""SELECT id, outcome, amount, price, {ADDED}, closed_on,
                               lost_reason, stage FROM deal WHERE {closed}""", **params)
    return [ClosedDeal(outcome, amount, price, added_day(added), days[closed_on], reason,
                       (stage, *stages.get(deal_id, ())))
            for deal_id, outcome, amount, price, added, closed_on, reason, stage in rows]


def contacts_logged(db: Db, first: dt.date, last: dt.date) -> Iterator[tuple[dt.date, str]]:
    """(date, kind) of every logged (not planned) visit from ``first`` through ``last``."""
    days = Days()
    rows = db.tuples("""SELECT date, kind FROM visit
                        WHERE planned = 0 AND date BETWEEN :first AND :last""",
                 first=first.isoformat(), last=last.isoformat())
    return ((days[day], kind) for day, kind in rows)


def payment_plans(db: Db) -> list[DealPlan]:
    """Every deal with a payment plan: its customer, its instalments (amount, due) in the order
    planned, and the money received on it (one total: payments pay the oldest instalments first,
    whenever they arrived)."""
    from kacli.domain.reports.ageing import DealPlan

    days = Days()
    received = dict(db.tuples("SELECT deal_id, SUM(amount) FROM payment GROUP BY deal_id"))
    names = dict(db.tuples("SELECT id, name FROM customer"))
    plans: dict[int, DealPlan] = {}
    # In the order planned: a scan of the table by row id, each instalment's deal by its key.
    for deal_id, customer_id, amount, due in db.tuples("""
            SELECT i.deal_id, d.customer_id, i.amount, i.due
            FROM instalment i JOIN deal d ON d.id = i.deal_id ORDER BY i.id"""):
        plan = plans.get(deal_id)
        if plan is None:
            plan = plans[deal_id] = DealPlan(customer_id, names[customer_id], [], received.get(deal_id, 0))
        plan.instalments.append((amount, days[due]))
    return list(plans.values())


NOT_CONTACT = ",".join(f"'{kind}'" for kind in NOT_CONTACT_KINDS)  # recorded, but no contact
GRADE_FACTS = ("id", "kind", "status", "grade_manual", "buy_within", "expected_purchase",
               "purchase_cycle", "batch")


def cadence_facts(db: Db, as_of: dt.date) -> list[tuple[dict, dt.date | None]]:
    """Every customer's grade facts (``GRADE_FACTS``) and last logged contact up to ``as_of``."""
    days = Days()
    rows = db.tuples(f"""SELECT {', '.join('c.' + f for f in GRADE_FACTS)},
                               (SELECT max(v.date) FROM visit v WHERE v.customer_id = c.id
                                AND v.planned = 0 AND v.date <= :as_of
                                AND v.kind NOT IN ({NOT_CONTACT}))
                        FROM customer c""", as_of=as_of.isoformat())
    return [(dict(zip(GRADE_FACTS, row[:-1], strict=True)), days[row[-1]] if row[-1] else None)
            for row in rows]

