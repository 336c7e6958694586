"""``report forecast``: open deals by expected-close month, weighted and not, and won per month."""

from __future__ import annotations

from typing import Any

from kacli.domain import sales
from kacli.domain.reports.forecast import Forecast, Month
from kacli.i18n import t
from kacli.render.reports import Bar, cell, group, heading, money, note, share_of, stage_label, table, yuan

WON = "▒"  # the won bar, told from the weighted one without colour


def _month(m: Month) -> dict[str, Any]:
    return {"weighted_fen": m.weighted_fen, "value_fen": m.value_fen, "deals": m.deals,
            "by_stage": {stage: {"deals": s.deals, "value_fen": s.value_fen, "weighted_fen": s.weighted_fen}
                         for stage, s in m.by_stage.items()}}


def json_of(report: Forecast) -> dict[str, Any]:
    return {
        "since": report.since.isoformat(), "until": report.until.isoformat(),
        "months": [{"month": m.month, **_month(m), "won_fen": m.won_fen} for m in report.months],
        "overdue": _month(report.overdue), "undated": _month(report.undated),
    }


def _lines(report: Forecast) -> list[tuple[str, Month]]:
    return [(m.month, m) for m in report.months] + [(t("report.forecast.overdue"), report.overdue),
                                                    (t("report.forecast.undated"), report.undated)]


def csv_of(report: Forecast):
    headers = [t("report.col.month"), t("report.col.deals"), t("report.col.value_yuan"),
               t("report.col.weighted_yuan"), t("report.col.won_yuan")]
    for stage in sales.STAGES:
        label = stage_label(stage)
        headers += [f"{label} {t('report.col.deals')}", f"{label} {t('report.col.weighted_yuan')}"]
    rows = []
    for name, m in _lines(report):
        row = [name, m.deals, yuan(m.value_fen), yuan(m.weighted_fen), yuan(m.won_fen) if m.month else ""]
        for stage in sales.STAGES:
            row += [m.by_stage[stage].deals, yuan(m.by_stage[stage].weighted_fen)]
        rows.append(row)
    return [(headers, rows)]


def view(report: Forecast):
    title = heading(t("report.forecast.title", since=report.since.isoformat(), until=report.until.isoformat()))
    lines = _lines(report)
    largest = max(max(m.weighted_fen, m.won_fen) for _, m in lines)
    grid = table(t("report.col.month"), t("report.col.deals"), t("report.col.value"), t("report.col.weighted"),
                 t("report.col.won"), bar=t("report.forecast.bar"), right=(1, 2, 3, 4))
    for name, m in lines:
        if m.month is None and not m.deals:
            continue  # no overdue or undated deals: no line for them
        style = "yellow" if m is report.overdue else ("dim" if m is report.undated else "")
        grid.add_row(cell(name, style), cell(m.deals), cell(money(m.value_fen)), cell(money(m.weighted_fen)),
                     cell(money(m.won_fen) if m.month else ""),
                     group(Bar(share_of(m.weighted_fen, largest), "cyan"),
                           Bar(share_of(m.won_fen, largest), "green", fill=WON)) if m.won_fen
                     else Bar(share_of(m.weighted_fen, largest), "cyan"))
    legend = note(t("report.forecast.legend", weighted="█", won=WON), "dim")
    return group(title, grid, legend)
