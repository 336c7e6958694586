"""Revenue and orders: what the 80/20 key tier and an organisation's grade are derived from."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kacli.domain import dates
from kacli.store.db import Db


def _rows(db: Db, sql: str, **params) -> list[tuple]:
    cursor = db.conn.cursor()
    cursor.row_factory = None  # plain tuples: tens of thousands of rows, read by position
    return cursor.execute(sql, params).fetchall()


# Revenue per customer (fen) in the period (:since, :today]: money counted when it arrives, a
# deal's payments received in the period; a won deal with no payment recorded at all counts its
# value (price, else amount) if it was won in the period, so a salesperson who does not track
# payments still gets a key tier. Customers without revenue are left out. Only the payments and won
# deals inside the period are summed: older ones would only add zeros.
_REVENUE = """
    SELECT id, SUM(amount) AS revenue FROM (
        SELECT d.customer_id AS id, p.amount AS amount FROM payment p JOIN deal d ON d.id = p.deal_id
        WHERE p.date > :since AND p.date <= :today
        UNION ALL
        SELECT d.customer_id, COALESCE(d.price, d.amount, 0) FROM deal d
        WHERE d.outcome = 'won' AND d.closed_on > :since AND d.closed_on <= :today
          AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.deal_id = d.id))
    GROUP BY id HAVING revenue > 0"""


def _period(today: dt.date, months: int) -> dict[str, str]:
    return {"since": dates.add(today, -months, "months").isoformat(), "today": today.isoformat()}


def revenue(db: Db, today: dt.date, months: int) -> dict[int, int]:
    """Revenue per customer (fen) over the ``months`` up to ``today``, for the 80/20 key tier."""
    return dict(_rows(db, _REVENUE, **_period(today, months)))


def revenue_between(db: Db, first: dt.date, last: dt.date) -> dict[int, int]:
    """Revenue per customer (fen) from ``first`` through ``last``, by the key tier's rule: the
    80/20 report over any period."""
    since = first - dt.timedelta(days=1)
    return dict(_rows(db, _REVENUE, since=since.isoformat(), today=last.isoformat()))


def revenue_rank(db: Db, customer_id: int, today: dt.date, months: int) -> tuple[int, int, int]:
    """One customer's place in the revenue ranking without reading everyone's: its revenue, the
    revenue of the customers ranked above it (more revenue, or as much and a lower id), and the
    total of all revenue."""
    row = _rows(db, f"""
        WITH rev AS ({_REVENUE}), mine AS (SELECT COALESCE(MAX(revenue), 0) AS revenue FROM rev WHERE id = :cid)
        SELECT mine.revenue,
               (SELECT COALESCE(SUM(r.revenue), 0) FROM rev r
                WHERE r.revenue > mine.revenue OR (r.revenue = mine.revenue AND r.id < :cid)),
               (SELECT COALESCE(SUM(revenue), 0) FROM rev)
        FROM mine""", cid=customer_id, **_period(today, months))
    return row[0]


def names(db: Db, customer_ids: Iterable[int]) -> dict[int, str]:
    """Customer names by id (for the key-tier listing)."""
    ids = list(customer_ids)
    if not ids:
        return {}
    listed = ",".join(str(int(i)) for i in ids)  # ints from the dossier, never user text
    return dict(_rows(db, f"SELECT id, name FROM customer WHERE id IN ({listed})"))
