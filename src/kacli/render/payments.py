"""How money owed looks: a deal's instalments and payments, ``payment list``, and the customer's
"Money owed" panel."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from kacli.domain.money import format_amount
from kacli.i18n import t
from kacli.render import facts_grid, panel, text

if TYPE_CHECKING:
    from kacli.services.money_owed import CustomerOwed, MoneyOwed

LATE = "bold red"


def status_text(money: dict[str, Any], outcome: str) -> str:
    """Where the money stands: complete, paid in full, or what is still outstanding."""
    if not money["instalments"]:
        return t("payment.no_plan")
    if money["complete"]:
        return t("payment.complete")
    if money["paid_in_full"]:
        return t("payment.paid_in_full")
    return t("payment.outstanding_line", amount=format_amount(money["outstanding_fen"]))


def deal_money(money: dict[str, Any], outcome: str):
    """The instalments with what is paid of each, the payments, and the totals of one deal."""
    from rich.console import Group
    from rich.table import Table

    plan = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("payment.col.due", "payment.col.amount", "payment.col.paid", "payment.col.outstanding"):
        plan.add_column(t(key), justify="left" if key == "payment.col.due" else "right")
    for i in money["instalments"]:
        style = LATE if i["overdue"] else ""
        plan.add_row(text(i["due"] + (" ⚑" if i["overdue"] else ""), style), text(format_amount(i["amount_fen"])),
                     text(format_amount(i["paid_fen"])), text(format_amount(i["outstanding_fen"]), style))
    received = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("col.date", "payment.col.received", "payment.col.note"):
        received.add_column(t(key))
    for p in money["payments"]:
        received.add_row(text(p["date"]), text(format_amount(p["amount_fen"])), text(p["note"]))
    if not money["instalments"]:
        return text(status_text(money, outcome), style="dim")
    parts = [plan]
    if money["payments"]:
        parts.append(received)
    parts.append(facts_grid(_totals(money)))
    parts.append(text(status_text(money, outcome), style="bold" if money["complete"] else ""))
    return Group(*parts)


def _totals(money: dict[str, Any]) -> list[tuple[str, Any]]:
    overdue = format_amount(money["overdue_fen"]) if money["overdue_fen"] else None
    if overdue and money["oldest_overdue"]:
        overdue = t("payment.overdue_since", amount=overdue, date=money["oldest_overdue"])
    return [
        (t("payment.col.planned"), format_amount(money["planned_fen"])),
        (t("payment.col.received"), format_amount(money["received_fen"])),
        (t("payment.col.outstanding"), format_amount(money["outstanding_fen"])),
        (t("payment.col.overdue"), overdue),
        (t("payment.col.next_due"), money.get("next_due")),
    ]


def customer_money(owed: dict[str, Any]):
    """``customer show``: what the customer owes, and since when part of it is overdue."""
    if not owed["outstanding_fen"]:
        return panel(t("payment.group.money"), text(t("payment.nothing_owed"), style="dim"))
    rows = [(t("payment.col.outstanding"), format_amount(owed["outstanding_fen"]))]
    if owed["overdue_fen"]:
        rows.append((t("payment.col.overdue"), t("payment.overdue_since", amount=format_amount(
            owed["overdue_fen"]), date=owed["oldest_overdue"])))
    return panel(t("payment.group.money"), facts_grid(rows))


def listing(data: MoneyOwed) -> None:
    """One line per deal, a subtotal under a customer with several, the total last; written as
    the deals are read (see ``kacli.render.record_lines``). A deal with money overdue is red."""
    from kacli.render import record_lines

    deals = data.deals
    first = next(deals, None)
    if first is None:
        from kacli.render import message

        message(t("payment.none"))
        return
    keys = ("col.customer", "payment.col.deal", "payment.col.planned", "payment.col.received",
            "payment.col.outstanding", "payment.col.overdue", "payment.col.next_due")
    record_lines.write([t(k) for k in keys], _lines(chain([first], deals), data),
                       right=(money := frozenset(i for i, k in enumerate(keys) if k in _MONEY)),
                       summed=money)


def _lines(deals: Iterator[dict[str, Any]], data: MoneyOwed) -> Iterator[tuple[list, str]]:
    shown = None  # the customer whose deals are being listed
    for d in deals:
        if shown is not None and shown.customer_id != d["customer_id"]:
            yield from _subtotal(shown)
        shown = data.customers[-1]
        yield [d["customer"], f"#{d['deal_id']} {d['title']}", *_figures(d)], LATE if d["overdue_fen"] else ""
    if shown is not None:
        yield from _subtotal(shown)
    yield [t("payment.total"), "", *_figures(data.total.figures())], "bold"


def _subtotal(customer: CustomerOwed) -> Iterator[tuple[list, str]]:
    if customer.deals > 1:
        yield ["", t("payment.customer_total"), *_figures(customer.owed.figures())], "dim"


_MONEY = {"payment.col.planned", "payment.col.received", "payment.col.outstanding", "payment.col.overdue"}


def _figures(m: dict[str, Any]) -> list[str]:
    return [format_amount(m["planned_fen"]), format_amount(m["received_fen"]),
            format_amount(m["outstanding_fen"]), format_amount(m["overdue_fen"]) if m["overdue_fen"] else "",
            m.get("next_due") or ""]


def listing_json(data: MoneyOwed) -> dict[str, Any]:
    """``payment list --json``: the deals written as they are read, then each customer's sums
    and the total."""
    from kacli.render.json_text import Later

    def customers() -> Iterator[dict[str, Any]]:
        return ({"customer_id": c.customer_id, "customer": c.customer, "deals": c.deals, **c.owed.figures()}
                for c in data.customers)

    return {"deals": data.deals, "customers": Later(customers), "total": Later(data.total.figures)}
