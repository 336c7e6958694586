"""Sales: what the 80/20 key tier is derived from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kacli.store.db import Db, id_list

# Sales per customer (fen) in the period (:since, :today]: each won deal's value (price, else
# amount) on the day it was won (销售额 — the seeds' 80/20 is about sales). Cash arriving later
# changes what is owed, not who is a key account: recording a first instalment never moves a
# customer in or out of the key tier. Customers without sales are left out.
_REVENUE = """
    SELECT customer_id AS id, SUM(COALESCE(price, amount, 0)) AS revenue FROM deal
    WHERE outcome = 'won' AND closed_on > :since AND closed_on <= :today
    GROUP BY customer_id HAVING SUM(COALESCE(price, amount, 0)) > 0"""


def _period(today: dt.date, months: int) -> dict[str, str]:
    from kacli.domain.grading import sales_since  # where the window opens: the domain says

    return {"since": sales_since(today, months).isoformat(), "today": today.isoformat()}


def orders_since(db: Db, since: dt.date, today: dt.date) -> list[tuple[int, dt.date, int]]:
    """(customer id, day won, value in fen) of every deal won after ``since`` through ``today``."""
    rows = db.tuples("""SELECT customer_id, closed_on, COALESCE(price, amount, 0) FROM deal
                        WHERE outcome = 'won' AND closed_on > :since AND closed_on <= :today""",
                 since=since.isoformat(), today=today.isoformat())
    return [(cid, dt.date.fromisoformat(day), value) for cid, day, value in rows]


def first_sale(db: Db, customer_id: int, today: dt.date) -> dt.date | None:
    """The day the customer's first won deal was won, up to ``today``; None before any."""
    rows = db.tuples("""SELECT MIN(closed_on) FROM deal
                        WHERE customer_id = :cid AND outcome = 'won' AND closed_on <= :today""",
                 cid=customer_id, today=today.isoformat())
    return dt.date.fromisoformat(rows[0][0]) if rows and rows[0][0] else None


def revenue(db: Db, today: dt.date, months: int) -> dict[int, int]:
    """Revenue per customer (fen) over the ``months`` up to ``today``, for the 80/20 key tier."""
    return dict(db.tuples(_REVENUE, **_period(today, months)))


def revenue_between(db: Db, first: dt.date, last: dt.date) -> dict[int, int]:
    """Revenue per customer (fen) from ``first`` through ``last``, by the key tier's rule: the
    80/20 report over any period."""
    since = first - dt.timedelta(days=1)
    return dict(db.tuples(_REVENUE, since=since.isoformat(), today=last.isoformat()))


def names(db: Db, customer_ids: Iterable[int]) -> dict[int, str]:
    """Customer names by id (for the key-tier listing)."""
    ids = list(customer_ids)
    if not ids:
        return {}
    return dict(db.tuples(f"SELECT id, name FROM customer WHERE id IN ({id_list(ids)})"))
