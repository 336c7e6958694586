"""``report activity``: contacts per week by kind and stage marker, and cadence coverage."""

from __future__ import annotations

from typing import Any

from kacli import i18n
from kacli.domain import vocab
from kacli.domain.relationship import VISIT_KIND
from kacli.domain.reports.activity import NO_STAGE, STAGE_KEYS, Activity
from kacli.i18n import t
from kacli.render.reports import Bar, cell, group, heading, percent, share_of, table


def kind_label(code: str) -> str:
    return VISIT_KIND.label(code, i18n.current())


def stage_label(code: str) -> str:
    return t("report.activity.no_stage") if code == NO_STAGE else vocab.STAGE.label(code, i18n.current())


def grade_label(grade: str | None) -> str:
    return grade if grade is not None else t("report.activity.ungraded")


def json_of(report: Activity) -> dict[str, Any]:
    return {
        "since": report.since.isoformat(), "until": report.until.isoformat(), "total": report.total,
        "weeks": [{"week": w.week.isoformat(), "total": w.total, "by_kind": dict(w.by_kind),
                   "by_stage": dict(w.by_stage)} for w in report.weeks],
        "by_kind": dict(report.by_kind),
        "coverage": [{"grade": c.grade, "customers": c.customers, "on_cadence": c.on_cadence,
                      "share": c.share} for c in report.coverage],
    }


def csv_of(report: Activity):
    kinds = list(report.by_kind)
    weeks = ([t("report.col.week"), t("report.col.contacts"), *(stage_label(s) for s in STAGE_KEYS),
              *(kind_label(k) for k in kinds)],
             [[w.week.isoformat(), w.total, *(w.by_stage[s] for s in STAGE_KEYS),
               *(w.by_kind.get(k, 0) for k in kinds)] for w in report.weeks])
    coverage = ([t("report.col.grade"), t("report.col.customers"), t("report.col.on_cadence"), t("report.col.share")],
                [[grade_label(c.grade), c.customers, c.on_cadence, "" if c.share is None else f"{c.share:.4f}"]
                 for c in report.coverage])
    return [weeks, coverage]


def view(report: Activity):
    title = heading(t("report.activity.title", since=report.since.isoformat(), until=report.until.isoformat(),
                      total=report.total))
    busiest = max((w.total for w in report.weeks), default=0)
    weeks = table(t("report.col.week"), t("report.col.contacts"), *(stage_label(s) for s in STAGE_KEYS),
                  right=tuple(range(1, 2 + len(STAGE_KEYS))))
    for w in report.weeks:
        weeks.add_row(cell(w.week.isoformat()), cell(w.total),
                      *(cell(w.by_stage[s] or "·", "" if w.by_stage[s] else "dim") for s in STAGE_KEYS),
                      Bar(share_of(w.total, busiest), "cyan"))
    parts = [title, weeks]
    if report.by_kind:
        most = max(report.by_kind.values())
        kinds = table(t("report.col.kind"), t("report.col.contacts"), right=(1,), name_column=0)
        for kind, count in report.by_kind.items():
            kinds.add_row(cell(kind_label(kind)), cell(count), Bar(share_of(count, most), "cyan"))
        parts += [cell(""), kinds]
    if report.coverage:
        cover = table(t("report.col.grade"), t("report.col.customers"), t("report.col.on_cadence"),
                      t("report.col.share"), right=(1, 2, 3), bar=t("report.activity.cover_bar"))
        for c in report.coverage:
            style = "green" if (c.share or 0) >= 0.8 else ("yellow" if (c.share or 0) >= 0.5 else "red")
            cover.add_row(cell(grade_label(c.grade)), cell(c.customers), cell(c.on_cadence),
                          cell(percent(c.share, 0)), Bar(c.share or 0, style))
        parts += [cell(""), heading(t("report.activity.coverage", until=report.until.isoformat())), cover]
    return group(*parts)
