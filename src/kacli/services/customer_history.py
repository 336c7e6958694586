"""``customer history``: every recorded change, and the days the customer joined or left the key
tier, in one list newest first."""

from __future__ import annotations

import datetime as dt

from kacli.domain.key_tier_moves import KeyTierMove
from kacli.domain.rules import Rules
from kacli.services.key_tier import key_moves
from kacli.store import history
from kacli.store.db import Db, Row


def customer_history(db: Db, customer_id: int, today: dt.date, rules: Rules) -> list[Row | KeyTierMove]:
    """The customer's changes (kept as they happened, each with its instant) and its key-tier
    moves (worked out from won deals, each with its day), newest first. A move is listed above
    the changes of its own day: it follows from what happened that day (a deal won)."""
    def newest(entry: Row | KeyTierMove) -> tuple[str, int]:
        if isinstance(entry, KeyTierMove):
            return entry.day.isoformat(), 1
        return entry["at"][:10], 0

    changes = history.for_customer(db, customer_id)  # newest first; the sort below keeps that order
    return sorted([*changes, *key_moves(db, customer_id, today, rules)], key=newest, reverse=True)
