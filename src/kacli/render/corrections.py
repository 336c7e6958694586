"""Corrections: what goes with a removed deal, and a deal's payments each with its number."""

from __future__ import annotations

from typing import Any

from kacli.domain.money import format_amount
from kacli.i18n import t
from kacli.render import message, out, rows_table


def deal_what_goes(title: str, counts: dict[str, int]) -> str:
    parts = [t(f"count.{k}", n=v) for k, v in counts.items() if v]
    return t("deal.remove_what", title=title, what=", ".join(parts) or t("count.nothing_else"))


def schedule(data: dict[str, Any]) -> None:
    """Each instalment (I…) and receipt (R…) of one deal, then the totals."""
    message(t("payment.schedule_title", title=data["title"], id=data["deal_id"]))
    if data["instalments"]:
        rows = [[i["number"], i["due"], format_amount(i["amount_fen"]), format_amount(i["paid_fen"]),
                 format_amount(i["outstanding_fen"]), t("payment.overdue_mark") if i["overdue"] else ""]
                for i in data["instalments"]]
        out().print(rows_table([t("payment.col.number"), t("payment.col.due"), t("payment.col.amount"),
                                t("payment.col.paid"), t("payment.col.outstanding"), ""], rows))
    else:
        message(t("payment.no_plan"))
    if data["receipts"]:
        out().print("")
        rows = [[r["number"], r["date"], format_amount(r["amount_fen"]), r["note"] or ""]
                for r in data["receipts"]]
        out().print(rows_table([t("payment.col.number"), t("payment.col.date"), t("payment.col.amount"),
                                t("payment.col.note")], rows))
    message(t("payment.schedule_totals", planned=format_amount(data["planned_fen"]),
              received=format_amount(data["received_fen"]),
              outstanding=format_amount(data["outstanding_fen"])))
