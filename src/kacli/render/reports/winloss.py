"""``report winloss``: deals closed in the period — won and lost, why, and where they got to."""

from __future__ import annotations

from typing import Any

from kacli.domain.reports.winloss import Tally, WinLoss
from kacli.i18n import t
from kacli.render.reports import (
    Bar,
    cell,
    days,
    group,
    heading,
    money,
    note,
    percent,
    share_of,
    stage_label,
    table,
    yuan,
)

LOST = "▒"  # the lost bar, told from the won one without colour


def _tally(tally: Tally) -> dict[str, int]:
    return {"count": tally.count, "value_fen": tally.value_fen}


def json_of(report: WinLoss) -> dict[str, Any]:
    return {
        "since": report.since.isoformat(), "until": report.until.isoformat(),
        "won": _tally(report.won), "lost": _tally(report.lost),
        "win_rate": report.win_rate, "avg_cycle_days": report.avg_cycle_days,
        "lost_reasons": [{"reason": r.reason, "count": r.count, "value_fen": r.value_fen}
                         for r in report.lost_reasons],
        "by_stage_reached": [{"stage": s.stage, "won": _tally(s.won), "lost": _tally(s.lost)}
                             for s in report.by_stage_reached],
    }


def _reason(text: str | None) -> str:
    return text if text is not None else t("report.winloss.no_reason")


def csv_of(report: WinLoss):
    summary = ([t("report.col.outcome"), t("report.col.deals"), t("report.col.value_yuan")],
               [[t("report.won"), report.won.count, yuan(report.won.value_fen)],
                [t("report.lost"), report.lost.count, yuan(report.lost.value_fen)],
                [t("report.col.win_rate"), "" if report.win_rate is None else f"{report.win_rate:.4f}", ""],
                [t("report.col.avg_cycle"), days(report.avg_cycle_days), ""]])
    reasons = ([t("report.col.lost_reason"), t("report.col.deals"), t("report.col.value_yuan")],
               [[_reason(r.reason), r.count, yuan(r.value_fen)] for r in report.lost_reasons])
    stages = ([t("report.col.stage_reached"), f"{t('report.won')} {t('report.col.deals')}",
               f"{t('report.won')} (¥)", f"{t('report.lost')} {t('report.col.deals')}", f"{t('report.lost')} (¥)"],
              [[stage_label(s.stage), s.won.count, yuan(s.won.value_fen), s.lost.count, yuan(s.lost.value_fen)]
               for s in report.by_stage_reached])
    return [summary, reasons, stages]


def view(report: WinLoss):
    title = heading(t("report.winloss.title", since=report.since.isoformat(), until=report.until.isoformat()))
    closed = report.won.count + report.lost.count
    if not closed:
        return group(title, note(t("report.winloss.none")))
    summary = note(t("report.winloss.summary", won=report.won.count, won_value=money(report.won.value_fen),
                     lost=report.lost.count, lost_value=money(report.lost.value_fen),
                     rate=percent(report.win_rate, 0), cycle=days(report.avg_cycle_days)))
    largest = max(report.won.count, report.lost.count)
    outcomes = table(t("report.col.outcome"), t("report.col.deals"), t("report.col.value"), right=(1, 2))
    outcomes.add_row(cell(t("report.won"), "green"), cell(report.won.count), cell(money(report.won.value_fen)),
                     Bar(share_of(report.won.count, largest), "green"))
    outcomes.add_row(cell(t("report.lost"), "red"), cell(report.lost.count), cell(money(report.lost.value_fen)),
                     Bar(share_of(report.lost.count, largest), "red", fill=LOST))
    parts = [title, summary, outcomes]
    if report.lost_reasons:
        most = report.lost_reasons[0].count
        reasons = table(t("report.col.lost_reason"), t("report.col.deals"), t("report.col.value"),
                        right=(1, 2), name_column=0)
        for r in report.lost_reasons:
            reasons.add_row(cell(_reason(r.reason)), cell(r.count), cell(money(r.value_fen)),
                            Bar(share_of(r.count, most), "red", fill=LOST))
        parts += [cell(""), reasons]
    most = max(max(s.won.count, s.lost.count) for s in report.by_stage_reached)
    stages = table(t("report.col.stage_reached"), t("report.won"), t("report.lost"), right=(1, 2),
                   bar=t("report.winloss.bar", won="█", lost=LOST))
    for s in report.by_stage_reached:
        stages.add_row(cell(stage_label(s.stage)), cell(s.won.count or ""), cell(s.lost.count or ""),
                       group(Bar(share_of(s.won.count, most), "green"),
                             Bar(share_of(s.lost.count, most), "red", fill=LOST)))
    return group(*parts, cell(""), stages)
