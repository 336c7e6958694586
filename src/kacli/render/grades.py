"""A grade's explanation in words, checkable by hand: the orders read, the numbers compared with
the rules' thresholds, and what is missing when the history is too short."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kacli import i18n
from kacli.domain import vocab
from kacli.domain.money import format_amount
from kacli.i18n import t


def _day(value: Any) -> str:
    return value if isinstance(value, str) else value.isoformat()


def _orders(p: Mapping[str, Any]) -> str:
    line = t("grade.part.orders", orders=p["orders"], deals=p["deals"], first=_day(p["first"]),
             last=_day(p["last"]))
    if p["days_since_last"] is not None:
        line += t("grade.part.orders_since", days=p["days_since_last"])
    if p["priced_orders"] < p["orders"]:
        line += t("grade.part.orders_unpriced", n=p["orders"] - p["priced_orders"])
    return line


def _cycle(p: Mapping[str, Any]) -> str:
    label = vocab.CYCLE.label(p["cycle"], i18n.current())
    if p["from"] != "history":
        return label  # stated by the salesperson: nothing to check
    gap = f"{p['median_gap_days']:g}"
    if p["lapsed"]:
        return t("grade.part.cycle_lapsed", cycle=label, median_gap_days=gap,
                 days=p["days_since_last"], limit=p["short_cycle_days"])
    key = "grade.part.cycle_short" if p["cycle"] == "short" else "grade.part.cycle_long"
    return t(key, cycle=label, median_gap_days=gap, limit=p["short_cycle_days"])


def _batch(p: Mapping[str, Any]) -> str:
    label = vocab.BATCH.label(p["batch"], i18n.current())
    if p["from"] != "history":
        return label
    key = "grade.part.batch_large" if p["batch"] == "large" else "grade.part.batch_small"
    return t(key, batch=label, average=format_amount(p["average_fen"]), n=p["priced_orders"],
             limit=format_amount(p["large_batch_fen"]))


def grade_part(code: str, params: Mapping[str, Any]) -> str:
    """One piece of a grade's explanation (``kacli.domain.grading.Part``) in words."""
    if code == "orders":
        return _orders(params)
    if code == "cycle":
        return _cycle(params)
    if code == "batch":
        return _batch(params)
    if code == "missing":
        return t(f"grade.part.missing_{params['rule']}", have=params["have"])
    from kacli.render.week_text import grade_part as person_part

    return person_part(code, params)
