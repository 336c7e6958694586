"""How the week list looks: a Rich table on a terminal, JSON for scripts, plain lines for cron.

Colours: red overdue, yellow due today, plain later; key-tier customers bold; Rich honours
NO_COLOR. On a pipe the list is plain blocks (``week_lines``), and ``--json`` and ``remind``
never import Rich either.
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
from kacli.render.week_lines import SCREEN_LINES, aligned, block_lines, on_a_pipe, pipe_width, plain, wrap
from kacli.render.week_lines import style_of as _style

if TYPE_CHECKING:
    from kacli.services.week import WeekList


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


def week(data: WeekList, *, explain: bool = False, limit: int | None = None) -> None:
    """The list as a table, or one block per customer when the terminal is narrower than the
    table needs (no date, amount or word is ever broken, no column squeezed away). Without
    ``limit`` the most urgent rows that fit one screen are shown (the terminal's height; 25
    lines elsewhere), then one line saying how many more; ``limit`` 0 shows every row."""
    today = data.today
    if not data.items:
        message(t("week.empty", today=today.isoformat(), until=data.until.isoformat()))
    if on_a_pipe() and not explain:
        plain(data, limit)  # no Rich at all: a script pays only for the list
        return
    console = out()
    sections = [(t("week.title", today=today.isoformat(), until=data.until.isoformat()), data.items),
                (t("week.later", until=data.until.isoformat()), data.later)]
    sections = [(title, items) for title, items in sections if items]
    keyed = any(i.key_account for _, items in sections for i in items)
    if limit is None:
        lines = (console.size.height if console.is_terminal else SCREEN_LINES) - 1  # the prompt's line
        lines -= 1 if keyed else 0
    else:
        lines = None
    total = sum(len(items) for _, items in sections)
    more = wrap(t("week.more", more=total), console.width)  # the longest it can be
    shown: list[Item] = []
    for title, items in sections:
        room = None if lines is None else lines - len(more)  # the lines saying how many more
        if limit:
            items = items[:max(0, limit - len(shown))]
        draw = _layout(console, today, title, explain, items)
        count = len(items) if room is None else _fit(console, draw, items, room)
        if count:
            made, used = draw(items[:count])
            console.print(made)
            shown += items[:count]
            if lines is not None:
                lines -= used
        if count < len(items) or (limit and len(shown) >= limit):
            break
    if explain:
        for item in shown:
            console.print(terms_table(item))
    if len(shown) < total:
        for line in wrap(t("week.more", more=total - len(shown)), console.width):
            console.print(text(line, style="dim"), no_wrap=True)
    if keyed:
        console.print(text(t("week.legend"), style="dim"))


def _layout(console, today: dt.date, title: str, explain: bool, items: list[Item]):
    """A function of rows giving (what to print, how many lines it takes): the table when the
    whole section fits the width without breaking a word, else one block per customer."""
    from rich.console import Group

    as_table = _table_width(console, week_table(items, today, title, explain=explain)) <= console.width

    def draw(rows):
        if not rows:
            return Group(), 0
        if as_table:
            made = week_table(rows, today, title, explain=explain)
            return made, len(console.render_lines(made, console.options, pad=False))
        lines = week_blocks(rows, today, title, console.width, explain=explain)
        return Group(*lines), len(lines)
    return draw


def _table_width(console, table) -> int:
    """The narrowest the table can be without breaking a word in any cell: each column as wide
    as its widest unbreakable cell (a no-wrap cell whole), plus the padding between columns."""
    from rich.measure import Measurement

    options = console.options.update(width=10_000)
    total = 0
    for column in table.columns:
        header = Measurement.get(console, options, column.header).minimum
        cells = [Measurement.get(console, options, cell) for cell in column.cells]
        widest = max([c.maximum if column.no_wrap else c.minimum for c in cells] + [header])
        total += widest
    return total + 2 * (len(table.columns) - 1)


def _fit(console, draw, items: list[Item], room: int) -> int:
    """How many of ``items`` (most urgent first) fit in ``room`` lines."""
    if room <= 1:
        return 0
    low, high = 0, min(len(items), room)
    if draw(items[:high])[1] <= room:
        return high
    while high - low > 1:  # draw(low) fits, draw(high) does not
        middle = (low + high) // 2
        if draw(items[:middle])[1] <= room:
            low = middle
        else:
            high = middle
    return low


def week_blocks(items: list[Item], today: dt.date, title: str, width: int, *, explain: bool = False):
    """``week_lines.block_lines`` as Rich texts, in their colours."""
    from rich.text import Text

    return [Text(line, style=style, no_wrap=True)
            for line, style in block_lines(items, today, title, width, explain=explain)]


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

def _terms_rows(item: Item) -> tuple[str, list[list[str]]]:
    """The title and the rows (header first, total last) of the score's terms."""
    rows = [[t("why.col.term"), t("why.col.value"), t("why.col.weight"), t("why.col.contribution")]]
    rows += [[words.term_label(term, item.grade), f"{term.value:g}", f"{term.weight:g}",
              f"{term.contribution:g}"] for term in item.terms]
    rows.append([t("why.total"), "", "", f"{item.score:g}"])
    return t("why.title", customer=item.customer, score=f"{item.score:g}"), rows


def terms_table(item: Item):
    from rich.table import Table

    title, rows = _terms_rows(item)
    header, *body, total = rows
    table = Table(title=text(title), title_justify="left", header_style="bold", box=None, pad_edge=False)
    for n, name in enumerate(header):
        table.add_column(name, justify="right" if n else "left")
    for row in body:
        table.add_row(*(text(value) for value in row))
    table.add_row(*(text(value, style="bold" if value else "") for value in total))
    return table


def why(item: Item | None, in_window: bool, customer: str, until: dt.date, today: dt.date) -> None:
    """The row and the terms of its score: Rich on a terminal; on a pipe the row as ``week``
    prints it there (one block) and the terms as plain columns, without loading Rich."""
    if item is None:
        message(t("why.nothing", customer=customer))
        return
    if not in_window:
        message(t("why.not_due", customer=customer, until=until.isoformat(), due=item.due.isoformat()))
    if on_a_pipe():
        title, rows = _terms_rows(item)
        lines = [line for line, _ in block_lines([item], today, "", pipe_width(), explain=True)]
        lines += [title, *aligned(rows, right=frozenset({1, 2, 3}))]
        sys.stdout.write("".join(line + "\n" for line in lines))
        return
    console = out()
    console.print(_layout(console, today, "", True, [item])([item])[0])
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
