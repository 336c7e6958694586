"""The 80/20 split of revenue (seeds 001 and 002): customers ranked by revenue over a period.

Revenue, rank, share and running share are exactly the key tier's (``grading.key_tier``) over
the report's period; the line is drawn after the customer whose revenue crosses the key share
(80% unless the rules file says otherwise). ``key`` marks the customers in the key tier as kacli
keeps it (the rules' window up to today), which is the part above the line when the report's
period is that window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping
from typing import NamedTuple

from kacli.domain.grading import key_tier


class Place(NamedTuple):
    rank: int
    customer_id: int
    name: str
    revenue_fen: int
    share: float
    cumulative: float
    key: bool
    above_line: bool  # within the first ``line`` of revenue (the crossing customer included)


class Pareto(NamedTuple):
    since: dt.date
    until: dt.date
    total_fen: int
    line: float  # the key share, e.g. 0.8
    customers: tuple[Place, ...]

    @property
    def above_line(self) -> int:
        """How many customers make up the first ``line`` of revenue."""
        return sum(1 for p in self.customers if p.above_line)


def pareto(revenue: Mapping[int, int], names: Mapping[int, str], key_ids: Collection[int] | None,
           since: dt.date, until: dt.date, line: float = 0.8) -> Pareto:
    """Customers with revenue in the period (``revenue``: fen per customer id), highest first
    (ties by id). ``key_ids`` None: the period is the key tier's own window, so the key tier is
    the part above the line (ranked once, not twice)."""
    places = key_tier(dict(revenue), line)
    ranked = sorted(places.items(), key=lambda item: item[1].rank)
    customers = tuple(
        Place(p.rank, cid, names.get(cid, ""), p.revenue_fen, p.share, p.cumulative,
              p.key if key_ids is None else cid in key_ids, p.key)
        for cid, p in ranked if p.revenue_fen > 0)
    return Pareto(since, until, sum(p.revenue_fen for p in customers), line, customers)


def top(report: Pareto, count: int = 20) -> tuple[tuple[Place, ...], int, int]:
    """The first ``count`` customers, and how many others there are and their revenue."""
    shown = report.customers[:count]
    rest = report.customers[count:]
    return shown, len(rest), sum(p.revenue_fen for p in rest)
