"""The day a deal entered its stage, for the deal views, reports and export: the store reads the
deal's stage moves with its row (one text column, :data:`MOVES`) and the domain's rule works the
day out (``kacli.domain.sales.stage_entered``, the same rule the week list applies), so the rule
is never written in SQL. A module of its own so a report can use it without loading the deal
commands' store.
"""

from __future__ import annotations

import datetime as dt

from kacli.domain.sales import stage_entered
from kacli.store.db import Days

# The deal's moves into its current stage (the only ones the rule reads) as "YYYY-MM-DD>stage",
# comma-separated, in no particular order (the rule takes the latest day), up to ``:today`` (NULL:
# every move) so a day in the past reads as it stood that day, as the week list reads it; and the
# day it was added in the user's calendar.
MOVES = """(SELECT group_concat(e.on_date || '>' || e.to_stage) FROM deal_event e
            WHERE e.deal_id = deal.id AND e.to_stage = deal.stage
                  AND (:today IS NULL OR e.on_date <= :today))"""
ADDED = "date(deal.created_at, 'localtime')"


def last_touch(deal: str = "deal") -> str:
    """The last day up to ``:today`` the deal (table or alias ``deal``) was touched — updated, or
    visited or called about (``visit log --deal``) — as ISO text, else NULL: what restarts its
    stalled clock (``kacli.domain.deal_risks.stall_day``)."""
    return f"""NULLIF(max(
        COALESCE(CASE WHEN substr({deal}.updated_at, 1, 10) <= :today THEN substr({deal}.updated_at, 1, 10) END, ''),
        COALESCE((SELECT max(v.date) FROM visit v
                  WHERE v.deal_id = {deal}.id AND v.planned = 0 AND v.date <= :today), '')), '')"""


_DAYS = Days()


def added_day(added: str) -> dt.date:
    """The day in the user's calendar a deal was added, from :data:`ADDED` as read."""
    return _DAYS[added]


def entered(stage: str, moves: str | None, added: str) -> dt.date:
    """The day the deal entered ``stage``, from :data:`MOVES` and :data:`ADDED` as read."""
    days = _DAYS
    if not moves:
        parsed: tuple = ()
    elif "," not in moves:  # most deals moved into their stage once
        parsed = ((days[moves[:10]], moves[11:]),)
    else:
        parsed = tuple((days[move[:10]], move[11:]) for move in moves.split(","))
    return stage_entered(stage, parsed, days[added])


def with_entered(row: dict) -> dict:
    """A deal row read with ``MOVES AS moves, ADDED AS added_day``, those two columns replaced by
    ``stage_entered`` (ISO text)."""
    row["stage_entered"] = entered(row["stage"], row.pop("moves"), row.pop("added_day")).isoformat()
    return row
