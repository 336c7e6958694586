"""The day a deal entered its stage, for the deal views, reports and export: the store reads the
deal's stage moves with its row (one text column, :data:`MOVES`) and the domain's rule works the
day out (``kacli.domain.sales.stage_entered``, the same rule the week list applies). The SQL
runs unchanged on the file and on a server. A module of its own so a report can use it without
loading the deal commands' store.
"""

from __future__ import annotations

import datetime as dt

from kacli.domain.sales import stage_entered
from kacli.store.db import Days, local_day

# The day of the deal's last move into its current stage (the only move the rule reads), up to
# ``:today`` (NULL: every move) so a day in the past reads as it stood that day, as the week list
# reads it; and the instant it was added, whose day in the user's calendar ``entered`` works out
# (``local_day``: no engine knows the user's time zone).
MOVES = """(SELECT max(e.on_date) FROM deal_event e
            WHERE e.deal_id = deal.id AND e.to_stage = deal.stage
                  AND (:today IS NULL OR e.on_date <= :today))"""
ADDED = "deal.created_at"


def last_touch(deal: str = "deal") -> str:
    """The last day up to ``:today`` the deal (table or alias ``deal``) was touched — updated, or
    visited or called about (``visit log --deal``) — as ISO text, else NULL: what restarts its
    stalled clock (``kacli.domain.deal_risks.stall_day``). The later of the two is a CASE (both
    engines read it alike) inside the one lookup of the deal's visits."""
    changed = f"CASE WHEN substr({deal}.updated_at, 1, 10) <= :today THEN substr({deal}.updated_at, 1, 10) END"
    return f"""(SELECT CASE WHEN max(v.date) IS NULL OR {changed} > max(v.date) THEN {changed} ELSE max(v.date) END
               FROM visit v WHERE v.deal_id = {deal}.id AND v.planned = 0 AND v.date <= :today)"""


_DAYS = Days()


def added_day(added: str) -> dt.date:
    """The day in the user's calendar a deal was added, from :data:`ADDED` as read."""
    return local_day(added)


def entered(stage: str, moved: str | None, added: str) -> dt.date:
    """The day the deal entered ``stage``, from :data:`MOVES` and :data:`ADDED` as read."""
    return stage_entered(stage, ((_DAYS[moved], stage),) if moved else (), local_day(added))


def with_entered(row: dict) -> dict:
    """A deal row read with ``MOVES AS moves, ADDED AS added_day``, those two columns replaced by
    ``stage_entered`` (ISO text)."""
    row["stage_entered"] = entered(row["stage"], row.pop("moves"), row.pop("added_day")).isoformat()
    return row
