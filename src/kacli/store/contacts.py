"""Contacts: reads (on a ``Db``) and writes (on a ``UnitOfWork``)."""

from __future__ import annotations

from typing import Any

from kacli.store.customers import decode
from kacli.store.db import Db

CONTACT_LISTS = ("phones", "roles")


def summaries(db: Db, customer_id: int) -> list[dict[str, Any]]:
    """A customer's people, primary contact first."""
    rows = db.rows(
        """SELECT id, name, title, department, roles, attitude, stage, is_primary, phones,
                  email, wechat
           FROM contact WHERE customer_id = :cid
           ORDER BY is_primary DESC, name_pinyin, id""",
        cid=customer_id,
    )
    out = [decode(r, CONTACT_LISTS, ()) for r in rows]
    for item in out:
        item["is_primary"] = bool(item["is_primary"])
    return out
