"""Open deals by stage (seed 003's five stages): count, value, weighted value, days, stalled.

Value, chance and the weighted amount are ``kacli.domain.sales``'s, as ``deal list`` shows them;
a deal is stalled on the day ``deal_risks.stall_day`` gives, as the week list calls it stalled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from kacli.domain import sales
from kacli.domain.deal_risks import stall_day


class OpenDeal(NamedTuple):
    stage: str
    amount_fen: int | None
    price_fen: int | None
    chance: int | None  # the salesperson's own chance, else None (the stage's)
    stage_entered: dt.date | None  # None when not read (the forecast does not need it)
    expected_close: dt.date | None
    touched: dt.date | None = None  # the last update of, or visit or call about, the deal
    hold_until: dt.date | None = None


class StageLine(NamedTuple):
    stage: str | None  # None for the total
    count: int
    value_fen: int
    weighted_fen: int
    avg_days_in_stage: float | None
    stalled: int


class Pipeline(NamedTuple):
    stages: tuple[StageLine, ...]  # every stage, in order, also when empty
    total: StageLine


def figures(deal: OpenDeal) -> tuple[int, int]:
    """A deal's value and weighted value in fen, 0 when its amount is unknown."""
    value = sales.value(deal.amount_fen, deal.price_fen)
    percent = sales.chance(deal.stage, deal.chance)
    return value or 0, sales.weighted(value, percent) or 0


def pipeline(deals: Iterable[OpenDeal], today: dt.date, stalled_days: Mapping[str, int]) -> Pipeline:
    # per stage: count, value, weighted, days in stage summed, stalled
    sums = {stage: [0, 0, 0, 0, 0] for stage in sales.STAGES}
    for deal in deals:
        value, weighted = figures(deal)
        in_stage = sales.days_in_stage(deal.stage_entered, today)
        line = sums[deal.stage]
        line[0] += 1
        line[1] += value
        line[2] += weighted
        line[3] += in_stage
        stalls = stall_day(deal.stage, deal.stage_entered, deal.touched, deal.hold_until, stalled_days)
        line[4] += stalls is not None and stalls <= today
    total = [sum(line[i] for line in sums.values()) for i in range(5)]
    return Pipeline(tuple(_line(stage, line) for stage, line in sums.items()), _line(None, total))


def _line(stage: str | None, sums: list[int]) -> StageLine:
    count, value, weighted, days, stalled = sums
    return StageLine(stage, count, value, weighted, round(days / count, 1) if count else None, stalled)
