"""Deals closed in a period: won and lost, win rate, sales cycle, why deals were lost.

A deal's value is ``sales.value`` (the price once negotiated, else the amount). Its cycle runs
from the day it was added to the day it was closed. The stage it reached is the furthest stage it
ever entered, so a deal lost in negotiation counts at negotiate even if it was moved back before.
Lost reasons are grouped by their text as typed (trimmed); a deal lost with none counts under None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from kacli.domain import sales
from kacli.domain.reports import fraction, mean


class ClosedDeal(NamedTuple):
    outcome: str  # "won" or "lost"
    amount_fen: int | None
    price_fen: int | None
    added: dt.date
    closed_on: dt.date
    lost_reason: str | None
    stages: tuple[str, ...]  # every stage it was ever in, its current one included


class Tally(NamedTuple):
    count: int
    value_fen: int


class Reason(NamedTuple):
    reason: str | None
    count: int
    value_fen: int


class StageReached(NamedTuple):
    stage: str
    won: Tally
    lost: Tally


class WinLoss(NamedTuple):
    since: dt.date
    until: dt.date
    won: Tally
    lost: Tally
    win_rate: float | None  # won / closed, None when nothing closed
    avg_cycle_days: float | None
    lost_reasons: tuple[Reason, ...]  # most deals first, then most value
    by_stage_reached: tuple[StageReached, ...]  # every stage, in order


def furthest(stages: Iterable[str]) -> str:
    return max(stages, key=sales.stage_index)


def winloss(deals: Iterable[ClosedDeal], since: dt.date, until: dt.date) -> WinLoss:
    tally = {"won": [0, 0], "lost": [0, 0]}
    stages = {stage: {"won": [0, 0], "lost": [0, 0]} for stage in sales.STAGES}
    reasons: dict[str | None, list[int]] = {}
    cycles = []
    for deal in deals:
        if deal.outcome not in tally or not since <= deal.closed_on <= until:
            continue
        value = sales.value(deal.amount_fen, deal.price_fen) or 0
        for counter in (tally[deal.outcome], stages[furthest(deal.stages)][deal.outcome]):
            counter[0] += 1
            counter[1] += value
        cycles.append(max(0, (deal.closed_on - deal.added).days))
        if deal.outcome == "lost":
            reason = (deal.lost_reason or "").strip() or None
            counter = reasons.setdefault(reason, [0, 0])
            counter[0] += 1
            counter[1] += value
    won, lost = Tally(*tally["won"]), Tally(*tally["lost"])
    grouped = sorted((Reason(r, n, v) for r, (n, v) in reasons.items()),
                     key=lambda r: (-r.count, -r.value_fen, r.reason or ""))
    return WinLoss(
        since, until, won, lost, fraction(won.count, won.count + lost.count), mean(cycles),
        tuple(grouped),
        tuple(StageReached(s, Tally(*t["won"]), Tally(*t["lost"])) for s, t in stages.items()),
    )
