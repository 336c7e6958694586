"""``report pipeline``: open deals by stage, drawn as a funnel of their value."""

from __future__ import annotations

from typing import Any

from kacli.domain.reports.pipeline import Pipeline, StageLine
from kacli.i18n import t
from kacli.render.reports import Bar, cell, days, group, heading, money, note, share_of, stage_label, table, yuan


def _line(line: StageLine) -> dict[str, Any]:
    return {"count": line.count, "value_fen": line.value_fen, "weighted_fen": line.weighted_fen,
            "avg_days_in_stage": line.avg_days_in_stage, "stalled": line.stalled}


def json_of(report: Pipeline) -> dict[str, Any]:
    return {"stages": [{"stage": s.stage, **_line(s)} for s in report.stages], "total": _line(report.total)}


def _headers(money_header: str, weighted_header: str) -> list[str]:
    return [t("report.col.stage"), t("report.col.deals"), money_header, weighted_header,
            t("report.col.avg_days"), t("report.col.stalled")]


def csv_of(report: Pipeline):
    def row(name: str, s: StageLine) -> list[Any]:
        return [name, s.count, yuan(s.value_fen), yuan(s.weighted_fen), days(s.avg_days_in_stage), s.stalled]

    rows = [row(stage_label(s.stage), s) for s in report.stages] + [row(t("report.total"), report.total)]
    return [(_headers(t("report.col.value_yuan"), t("report.col.weighted_yuan")), rows)]


def view(report: Pipeline):
    title = heading(t("report.pipeline.title"))
    if not report.total.count:
        return group(title, note(t("report.pipeline.none")))
    grid = table(*_headers(t("report.col.value"), t("report.col.weighted")), right=(1, 2, 3, 4, 5), bars=False)
    for s in report.stages:
        grid.add_row(cell(stage_label(s.stage)), cell(s.count), cell(money(s.value_fen)),
                     cell(money(s.weighted_fen)), cell(days(s.avg_days_in_stage)),
                     cell(s.stalled or "", "red" if s.stalled else ""))
    total = report.total
    grid.add_row(cell(t("report.total"), "bold"), cell(total.count, "bold"), cell(money(total.value_fen), "bold"),
                 cell(money(total.weighted_fen), "bold"), cell(days(total.avg_days_in_stage)),
                 cell(total.stalled or "", "red" if total.stalled else ""))
    return group(title, grid, cell(""), _funnel(report))


def _funnel(report: Pipeline):
    """Each stage a bar centred under the one before, as wide as its value (its deals when no
    amount is known): the funnel, across the whole width."""
    by_value = report.total.value_fen > 0
    largest = max((s.value_fen if by_value else s.count) for s in report.stages)
    funnel = table("", right=(0,))
    funnel.show_header = False
    for s in report.stages:
        size = s.value_fen if by_value else s.count
        funnel.add_row(cell(stage_label(s.stage)), Bar(share_of(size, largest), "cyan", centred=True))
    return group(heading(t("report.col.funnel_value" if by_value else "report.col.funnel_deals")), funnel)
