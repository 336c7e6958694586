"""``report pareto``: revenue by customer, the 80/20 line, the key tier starred."""

from __future__ import annotations

from typing import Any

from kacli.domain.reports.pareto import Pareto, top
from kacli.i18n import t
from kacli.render.reports import Bar, cell, group, heading, money, note, percent, share_of, table, yuan

TOP = 20
STAR = "★"


def json_of(report: Pareto) -> dict[str, Any]:
    return {
        "since": report.since.isoformat(), "until": report.until.isoformat(),
        "total_fen": report.total_fen,
        "customers": [{"rank": p.rank, "customer_id": p.customer_id, "name": p.name,
                       "revenue_fen": p.revenue_fen, "share": round(p.share, 4),
                       "cumulative": round(p.cumulative, 4), "key": p.key} for p in report.customers],
    }


def csv_of(report: Pareto):
    headers = [t("report.col.rank"), t("col.id"), t("col.customer"), t("report.col.revenue_yuan"),
               t("report.col.share"), t("report.col.cumulative"), t("report.col.key")]
    rows = [[p.rank, p.customer_id, p.name, yuan(p.revenue_fen), f"{p.share:.4f}", f"{p.cumulative:.4f}",
             t("report.yes") if p.key else ""] for p in report.customers]
    return [(headers, rows)]


def view(report: Pareto):
    title = heading(t("report.pareto.title", since=report.since.isoformat(), until=report.until.isoformat()))
    if not report.customers:
        return group(title, note(t("report.pareto.none")))
    line = f"{report.line:.0%}"
    summary = note(t("report.pareto.summary", total=money(report.total_fen), customers=len(report.customers),
                     count=report.above_line, share=line))
    shown, others, rest_fen = top(report, TOP)
    largest = max(report.customers[0].revenue_fen, rest_fen)  # one scale for every bar, the others' too
    grid = table("#", t("col.customer"), t("report.col.revenue"), t("report.col.share"),
                 t("report.col.cumulative"), right=(0, 2, 3, 4), name_column=1)
    for place in shown:
        style = "bold" if place.key else ""
        grid.add_row(cell(place.rank), cell((STAR + " " if place.key else "  ") + place.name, style),
                     cell(money(place.revenue_fen)), cell(percent(place.share)),
                     cell(percent(place.cumulative)), Bar(share_of(place.revenue_fen, largest),
                                                          "green" if place.above_line else "cyan"))
        if place.above_line and place.rank == report.above_line:
            grid.add_row(cell("┄┄", "dim"), cell(t("report.pareto.line", share=line), "yellow"),
                         cell("┄" * 6, "dim"), cell("┄" * 4, "dim"), cell("┄" * 4, "dim"),
                         _rule())
    if others:
        grid.add_row(cell(""), cell("  " + t("report.pareto.others", count=others), "dim"),
                     cell(money(rest_fen)), cell(percent(rest_fen / report.total_fen)), cell("100.0%"),
                     Bar(share_of(rest_fen, largest), "dim"))
    return group(title, summary, grid, note(t("report.pareto.legend", star=STAR), "dim"))


def _rule():
    from rich.rule import Rule

    return Rule(characters="┄", style="dim")
