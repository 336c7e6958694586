"""Removing a deal entered by mistake, with everything that hangs on it."""

from __future__ import annotations

from kacli.store import history
from kacli.store.db import Db

# What goes with a deal: (label, table, column naming the deal). next_action.deal_id has no
# foreign key (the schema made it a plain column), so those rows are removed here by hand.
_DEPENDENTS = (
    ("deal_roles", "deal_role", "deal_id"),
    ("instalments", "instalment", "deal_id"),
    ("receipts", "payment", "deal_id"),
    ("next_actions", "next_action", "deal_id"),
    ("deal_competitors", "deal_competitor", "deal_id"),
    ("deal_events", "deal_event", "deal_id"),
)


def dependents(db: Db, deal_id: int) -> dict[str, int]:
    """What goes with a deal when it is removed, by kind."""
    return {label: db.scalar(f"SELECT count(*) FROM {table} WHERE {column} = :id", id=deal_id)
            for label, table, column in _DEPENDENTS}


def remove(uow, deal_id: int) -> None:
    """Remove the deal, its roles, payment plan and receipts, stage moves, competitors and the
    next actions made for it; the customer's history keeps one line saying so."""
    row = uow.db.row("SELECT customer_id, title FROM deal WHERE id = :id", id=deal_id)
    uow.db.execute("DELETE FROM next_action WHERE deal_id = :id", id=deal_id)
    uow.db.execute("DELETE FROM deal WHERE id = :id", id=deal_id)  # the rest cascade
    history.record(uow, customer_id=row["customer_id"], field="deal_removed", old=row["title"], new=None)
