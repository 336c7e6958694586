"""``report receivables``: money owed by age, the biggest debtors first."""

from __future__ import annotations

from typing import Any

from kacli.domain.reports.ageing import BUCKETS, Ageing
from kacli.i18n import t
from kacli.render.reports import Bar, cell, fits, group, heading, money, note, share_of, table, width, yuan

TOP = 20
_STYLE = {"not_due": "green", "1_30": "yellow", "31_60": "dark_orange", "61_90": "red", "over_90": "bold red"}


def bucket_label(code: str) -> str:
    return t(f"report.bucket.{code}")


def json_of(report: Ageing) -> dict[str, Any]:
    return {
        "as_of": report.as_of.isoformat(),
        "buckets": [{"bucket": code, "fen": report.buckets[code]} for code in BUCKETS],
        "customers": [{"customer_id": d.customer_id, "name": d.name, "outstanding_fen": d.outstanding_fen,
                       "buckets": dict(d.buckets)} for d in report.customers],
    }


def csv_of(report: Ageing):
    headers = [t("col.id"), t("col.customer"), t("report.col.outstanding_yuan"),
               *(f"{bucket_label(code)} (¥)" for code in BUCKETS)]
    rows = [[d.customer_id, d.name, yuan(d.outstanding_fen), *(yuan(d.buckets[c]) for c in BUCKETS)]
            for d in report.customers]
    rows.append(["", t("report.total"), yuan(report.outstanding_fen), *(yuan(report.buckets[c]) for c in BUCKETS)])
    return [(headers, rows)]


def view(report: Ageing):
    title = heading(t("report.receivables.title", as_of=report.as_of.isoformat()))
    if not report.customers:
        return group(title, note(t("report.receivables.none")))
    summary = note(t("report.receivables.summary", total=money(report.outstanding_fen),
                     customers=len(report.customers)))
    largest = max(report.buckets.values())
    ages = table(t("report.col.age"), t("report.col.amount"), t("report.col.share"), right=(1, 2))
    for code in BUCKETS:
        fen = report.buckets[code]
        ages.add_row(cell(bucket_label(code)), cell(money(fen)),
                     cell(f"{fen / report.outstanding_fen:.0%}"), Bar(share_of(fen, largest), _STYLE[code]))
    debtors = _debtors(report)
    return group(title, summary, ages, cell(""), debtors)


def _debtors(report: Ageing):
    """The biggest debtors with every bucket when they fit the width; else what is owed, what of
    it is overdue and what is over 90 days (the whole ageing is in the chart above, CSV and JSON)."""
    shown = report.customers[:TOP]
    rest = report.customers[TOP:]
    names = [d.name[:24] for d in shown]
    all_buckets = list(BUCKETS[1:])
    columns = [[t("col.customer"), *names], [t("report.col.outstanding"), *(money(d.outstanding_fen) for d in shown)]]
    columns += [[bucket_label(c), *(money(d.buckets[c]) for d in shown)] for c in all_buckets]
    wide = fits(columns, width() - 10)
    codes = all_buckets if wide else ["overdue", "over_90"]
    headers = [bucket_label(c) if c != "overdue" else t("report.col.overdue") for c in codes]
    grid = table(t("col.customer"), t("report.col.outstanding"), *headers, bar=t("report.col.overdue_share"),
                 right=tuple(range(1, 2 + len(codes))), name_column=0)
    for d in shown:
        overdue = d.outstanding_fen - d.buckets["not_due"]
        amounts = [overdue if c == "overdue" else d.buckets[c] for c in codes]
        grid.add_row(cell(d.name), cell(money(d.outstanding_fen)),
                     *(cell(money(a) if a else "·", _STYLE.get(c, "red") if a else "dim")
                       for c, a in zip(codes, amounts, strict=True)),
                     Bar(share_of(overdue, d.outstanding_fen), "red"))
    if rest:
        grid.add_row(cell(t("report.pareto.others", count=len(rest)), "dim"),
                     cell(money(sum(d.outstanding_fen for d in rest))), *(cell("") for _ in codes), cell(""))
    return grid
