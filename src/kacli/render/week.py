"""How the week list looks: a Rich table on a terminal, JSON for scripts, plain lines for cron.

Colours: red overdue, yellow due today, plain later; key-tier customers bold. Rich drops the
colour codes on a pipe and honours NO_COLOR. ``--json`` and ``remind`` never import Rich.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kacli.domain.week import Item
from kacli.i18n import t, tn
from kacli.render import message, out, text
from kacli.render import week_text as words

if TYPE_CHECKING:
    from kacli.services.week import WeekList


def _style(item: Item, today: dt.date) -> str:
    colour = "red" if item.due < today else "yellow" if item.due == today else ""
    return " ".join(s for s in (colour, "bold" if item.key_account else "") if s)


# ---- kacli week -----------------------------------------------------------------------------

def week_table(items: list[Item], today: dt.date, title: str, *, explain: bool = False):
    from rich.table import Table

    table = Table(title=text(title) if title else None, title_justify="left", header_style="bold",
                  pad_edge=False, box=None, expand=True)
    table.add_column(t("week.col.when"), no_wrap=True)
    table.add_column(t("col.customer"), overflow="fold")
    table.add_column(t("week.col.whom"), overflow="fold")
    table.add_column(t("week.col.why"), overflow="fold", ratio=1)  # the reasons take what is left
    table.add_column(t("week.col.action"), no_wrap=True)
    if explain:
        table.add_column(t("week.col.score"), justify="right")
    sep = "\n"
    for item in items:
        cells = [text(words.when(item.due, today)), text(words.customer_label(item)),
                 text(words.whom(item)), text(sep.join(words.reason_text(r) for r in item.reasons)),
                 text(words.action(item.action))]
        if explain:
            cells.append(text(f"{item.score:g}"))
        table.add_row(*cells, style=_style(item, today))
    return table


def week(data: WeekList, *, explain: bool = False) -> None:
    today = data.today
    console = out()
    if not data.items:
        message(t("week.empty", today=today.isoformat(), until=data.until.isoformat()))
    else:
        title = t("week.title", today=today.isoformat(), until=data.until.isoformat())
        console.print(week_table(data.items, today, title, explain=explain))
    if data.later:
        console.print(week_table(data.later, today, t("week.later", until=data.until.isoformat()),
                                 explain=explain))
    if explain:
        for item in (*data.items, *data.later):
            console.print(terms_table(item))
    if any(i.key_account for i in (*data.items, *data.later)):
        console.print(text(t("week.legend"), style="dim"))


def json_row(explain: bool = False) -> Callable[[Item], str]:
    """What ``week --json`` keeps of a row: its JSON text, made as soon as the row is found."""
    # One encoder for every row (json.dumps makes one per call); rows are plain trees of dicts and lists.
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode

    def shape(item: Item) -> str:
        row = words.item_json(item)
        if explain:
            row["terms"] = words.terms_json(item)
        return encode(row)

    return shape


def week_json(data: WeekList[str]) -> None:
    """``{"today", "until", "items": [...]}`` with one item per line: as readable as indented
    JSON, and made by the C encoder (indented JSON is encoded in Python, row by row)."""
    rows = [*data.items, *data.later]
    head = json.dumps({"today": data.today.isoformat(), "until": data.until.isoformat()})
    write = sys.stdout.write
    write(head[:-1] + ', "items": [')
    for n, row in enumerate(rows):
        write(("\n  " if n == 0 else ",\n  ") + row)
    write("\n]}\n" if rows else "]}\n")


# ---- kacli remind ---------------------------------------------------------------------------

def remind_line(item: Item, today: dt.date) -> str:
    """2026-11-20 overdue 3d · 华信地产 (A★) · 王总 138… · call: last contact 17 days ago, …"""
    return " · ".join((
        f"{item.due.isoformat()} {words.when(item.due, today)}", words.customer_label(item),
        words.whom(item), words.todo(item),
    ))


def remind_row(today: dt.date) -> Callable[[Item], str]:
    return lambda item: remind_line(item, today)


def remind(data: WeekList[str], subject: bool = False) -> None:
    """One plain line per customer; nothing at all when nothing is due (cron then mails nothing).

    With ``subject``, a mail subject in the user's language comes first ("kacli: 3 customers to
    contact"), so a script reads the subject and the body from one consistent read."""
    if subject and data.items:
        sys.stdout.write(tn("remind.subject", len(data.items)) + "\n")
    for line in data.items:
        sys.stdout.write(line + "\n")


# ---- kacli why / --explain ------------------------------------------------------------------

def terms_table(item: Item):
    from rich.table import Table

    table = Table(title=text(t("why.title", customer=item.customer, score=f"{item.score:g}")),
                  title_justify="left", header_style="bold", box=None, pad_edge=False)
    table.add_column(t("why.col.term"))
    for key in ("why.col.value", "why.col.weight", "why.col.contribution"):
        table.add_column(t(key), justify="right")
    for term in item.terms:
        table.add_row(text(words.term_label(term, item.grade)), text(f"{term.value:g}"),
                      text(f"{term.weight:g}"), text(f"{term.contribution:g}"))
    table.add_row(text(t("why.total"), style="bold"), text(""), text(""),
                  text(f"{item.score:g}", style="bold"))
    return table


def why(item: Item | None, in_window: bool, customer: str, until: dt.date, today: dt.date) -> None:
    if item is None:
        message(t("why.nothing", customer=customer))
        return
    if not in_window:
        message(t("why.not_due", customer=customer, until=until.isoformat(), due=item.due.isoformat()))
    console = out()
    console.print(week_table([item], today, "", explain=True))
    console.print(terms_table(item))


def why_json(item: Item | None, in_window: bool, customer_id: int, customer: str) -> dict[str, Any]:
    """The row (as in ``week --json``, or its next one ahead) and its terms; ``item`` null when
    nothing is due in the coming year."""
    data: dict[str, Any] = {"customer": customer, "customer_id": customer_id, "in_window": in_window,
                            "item": None, "terms": []}
    if item is not None:
        data["item"] = words.item_json(item)
        data["terms"] = words.terms_json(item)
    return data


# ---- kacli customer list --key --------------------------------------------------------------

def key_tier(rows, months: int) -> None:
    from rich.table import Table

    from kacli.domain.money import format_amount

    if not rows:
        message(t("key.none", months=months))
        return
    share = sum(place.share for _, _, place in rows)  # of all revenue, also when filtered
    table = Table(title=text(tn("key.title", len(rows), share=f"{share:.0%}", months=months)),
                  title_justify="left", header_style="bold", box=None, pad_edge=False)
    for key in ("key.col.rank", "col.id", "col.customer", "key.col.revenue", "key.col.share",
                "key.col.cumulative"):
        table.add_column(t(key), justify="left" if key == "col.customer" else "right")
    for customer_id, name, place in rows:
        table.add_row(text(place.rank), text(customer_id), text(name), text(format_amount(place.revenue_fen)),
                      text(f"{place.share:.1%}"), text(f"{place.cumulative:.1%}"))
    out().print(table)


def key_tier_json(rows) -> list[dict[str, Any]]:
    return [{"rank": place.rank, "id": customer_id, "name": name, "revenue_fen": place.revenue_fen,
             "share": round(place.share, 4), "cumulative": round(place.cumulative, 4)}
            for customer_id, name, place in rows]
