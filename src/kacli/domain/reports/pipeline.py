"""Open deals by stage (seed 003's five stages): count, value, weighted value, days, stalled.

Value, chance and the weighted amount are ``kacli.domain.sales``'s, as ``deal list`` shows them;
a deal is stalled by ``sales.is_stalled`` against the rules' days for its stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from kacli.domain import sales
from kacli.domain.reports import mean


class OpenDeal(NamedTuple):
    stage: str
    amount_fen: int | None
    price_fen: int | None
    chance: int | None  # the salesperson's own chance, else None (the stage's)
    stage_entered: dt.date
    expected_close: dt.date | None


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


def _line(stage: str | None, deals: list[OpenDeal], today: dt.date,
          stalled_days: Mapping[str, int]) -> StageLine:
    value = weighted = stalled = 0
    days = []
    for deal in deals:
        v, w = figures(deal)
        value += v
        weighted += w
        in_stage = sales.days_in_stage(deal.stage_entered, today)
        days.append(in_stage)
        stalled += sales.is_stalled(in_stage, stalled_days.get(deal.stage))
    return StageLine(stage, len(deals), value, weighted, mean(days), stalled)


def pipeline(deals: Iterable[OpenDeal], today: dt.date, stalled_days: Mapping[str, int]) -> Pipeline:
    by_stage: dict[str, list[OpenDeal]] = {stage: [] for stage in sales.STAGES}
    for deal in deals:
        by_stage[deal.stage].append(deal)
    stages = tuple(_line(stage, members, today, stalled_days) for stage, members in by_stage.items())
    everyone = [d for members in by_stage.values() for d in members]
    return Pipeline(stages, _line(None, everyone, today, stalled_days))
