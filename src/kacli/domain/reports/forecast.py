"""Open deals by the month they are expected to close, and what was won in each month.

Each open deal counts its value and weighted value (``pipeline.figures``) in the month of its
expected close. Deals with no close date have their own line (``undated``); open deals whose
close date passed before the report's first day are ``overdue`` (still open, so still expected);
deals expected after its last day are left out. A month's ``won_fen`` is the value of the deals
won in it (the price once negotiated, else the amount), counted on the day won.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from kacli.domain import sales
from kacli.domain.reports.pipeline import OpenDeal, figures


class StageSum(NamedTuple):
    deals: int
    value_fen: int
    weighted_fen: int


class Month(NamedTuple):
    month: str | None  # "2026-11"; None for the undated and overdue lines
    deals: int
    value_fen: int
    weighted_fen: int
    won_fen: int
    by_stage: dict[str, StageSum]


class Forecast(NamedTuple):
    since: dt.date
    until: dt.date
    months: tuple[Month, ...]
    undated: Month
    overdue: Month


class Won(NamedTuple):
    closed_on: dt.date
    amount_fen: int | None
    price_fen: int | None


def month_key(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(first: dt.date, last: dt.date) -> list[str]:
    """Every month from ``first``'s through ``last``'s, as ``YYYY-MM``."""
    keys = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


class _Acc:
    def __init__(self) -> None:
        self.deals = self.value = self.weighted = self.won = 0
        self.stages = {stage: [0, 0, 0] for stage in sales.STAGES}

    def add(self, deal: OpenDeal) -> None:
        value, weighted = figures(deal)
        self.deals += 1
        self.value += value
        self.weighted += weighted
        line = self.stages[deal.stage]
        line[0] += 1
        line[1] += value
        line[2] += weighted

    def month(self, key: str | None) -> Month:
        return Month(key, self.deals, self.value, self.weighted, self.won,
                     {stage: StageSum(*line) for stage, line in self.stages.items()})


def forecast(open_deals: Iterable[OpenDeal], won: Iterable[Won], since: dt.date,
             until: dt.date) -> Forecast:
    months = {key: _Acc() for key in months_between(since, until)}
    undated, overdue = _Acc(), _Acc()
    for deal in open_deals:
        close = deal.expected_close
        if close is None:
            undated.add(deal)
        elif close < since:
            overdue.add(deal)
        elif close <= until:
            months[month_key(close)].add(deal)
    for deal in won:
        if since <= deal.closed_on <= until:
            months[month_key(deal.closed_on)].won += sales.value(deal.amount_fen, deal.price_fen) or 0
    return Forecast(since, until, tuple(acc.month(key) for key, acc in months.items()),
                    undated.month(None), overdue.month(None))
