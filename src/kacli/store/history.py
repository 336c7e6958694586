"""The dynamic dossier: every change to a customer or contact, field by field, with its instant."""

from __future__ import annotations

import json
from typing import Any

from kacli.store.db import Db, Row, limited


def as_text(value: Any) -> str | None:
    """How a value is kept in the history: text, lists as JSON, booleans as yes/no."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def record(uow, *, customer_id: int, field: str, old: Any, new: Any, contact_id: int | None = None):
    from kacli.store.models import Change

    uow.add(Change(customer_id=customer_id, contact_id=contact_id, field=field,
                   old=as_text(old), new=as_text(new), at=uow.now))


def apply(uow, obj, changes: dict[str, Any], *, customer_id: int, contact_id: int | None = None,
          prefix: str = "") -> list[str]:
    """Set each changed attribute on ``obj`` and record it; the names of the fields that changed."""
    changed: list[str] = []
    for field, new in changes.items():
        old = getattr(obj, field)
        if old == new:
            continue
        setattr(obj, field, new)
        record(uow, customer_id=customer_id, contact_id=contact_id, field=prefix + field,
               old=old, new=new)
        changed.append(field)
    if changed and hasattr(obj, "updated_at"):
        obj.updated_at = uow.now
    return changed


def for_customer(db: Db, customer_id: int, *, limit: int | None = None) -> list[Row]:
    """The customer's history, newest first, with the contact's name where it is about one."""
    return db.rows(
        f"""SELECT change.id, change.field, change.old, change.new, change.at,
                  change.contact_id, contact.name AS contact_name
           FROM change LEFT JOIN contact ON contact.id = change.contact_id
           WHERE change.customer_id = :cid
           ORDER BY change.at DESC, change.id DESC
           {limited(limit)}""",
        cid=customer_id, limit=limit,
    )


def for_contact(db: Db, contact_id: int) -> list[Row]:
    return db.rows(
        "SELECT id, field, old, new, at FROM change WHERE contact_id = :cid ORDER BY at DESC, id DESC",
        cid=contact_id,
    )


# The day each individual's purchase intention (buy within, expected purchase) was last stated up
# to :today — set, not cleared — else the day they were added; individuals with an intention on
# file only. ``{where}`` narrows the customers (the week list reads a range of ids at a time).
INTENTION_STATED = """
    SELECT c.id, COALESCE(
        (SELECT max(substr(h.at, 1, 10)) FROM change h
         WHERE h.customer_id = c.id AND h.contact_id IS NULL AND h.new IS NOT NULL
               AND h.field IN ('buy_within', 'expected_purchase')
               AND substr(h.at, 1, 10) <= :today),
        substr(c.created_at, 1, 10))
    FROM customer c WHERE c.kind = 'person' {where}
          AND (c.buy_within IS NOT NULL OR c.expected_purchase IS NOT NULL)"""


def intentions_stated(db: Db, today, customer_id: int | None = None) -> dict[int, Any]:
    """The day each individual's intention was last stated (``INTENTION_STATED``);
    ``customer_id`` reads one customer's only."""
    import datetime as dt

    one = "AND c.id = :cid" if customer_id is not None else ""
    rows = db.rows(INTENTION_STATED.format(where=one), today=today.isoformat(), cid=customer_id)
    return {r[0]: dt.date.fromisoformat(r[1]) for r in rows if r[1]}
