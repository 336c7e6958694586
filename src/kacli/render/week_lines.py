"""The week list as lines of text: one block per customer, wrapped only between words.

Used on a narrow terminal (through Rich, for the colours) and on a pipe, where nothing of Rich
is loaded: a nightly script piping ``kacli week`` pays only for the list itself.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import unicodedata
from typing import TYPE_CHECKING

from kacli.domain.week import Item
from kacli.i18n import t
from kacli.render import week_text as words

if TYPE_CHECKING:
    from kacli.services.week import WeekList

SCREEN_LINES = 25  # one screen when the output is not a terminal
PIPE_WIDTH = 80  # as Rich assumes for a file


def style_of(item: Item, today: dt.date) -> str:
    """Red overdue, yellow due today, plain later; key-tier customers bold."""
    colour = "red" if item.due < today else "yellow" if item.due == today else ""
    return " ".join(s for s in (colour, "bold" if item.key_account else "") if s)


def cells(text: str) -> int:
    """How many terminal cells ``text`` takes: two for a wide (CJK) character, none for a
    combining mark."""
    if text.isascii():
        return len(text)
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def block_lines(items: list[Item], today: dt.date, title: str, width: int, *,
                explain: bool = False) -> list[tuple[str, str]]:
    """(line, style) for one block per customer: a head line (when, customer, whom, what to do)
    and each reason on its own line, wrapped only between words (a Chinese text between
    characters), never inside a date, an amount or a word."""
    lines = [(part, "bold") for part in wrap(title, width)] if title else []
    for item in items:
        style = style_of(item, today)
        head = " · ".join((words.when(item.due, today), words.customer_label(item), words.whom(item),
                           words.action(item.action) + (f" ({item.score:g})" if explain else "")))
        lines += [(part, style) for part in wrap(head, width, "")]
        for reason in item.reasons:
            lines += [(part, "") for part in wrap(words.reason_text(reason), width, "  - ", "    ")]
    return lines


def wrap(line: str, width: int, first: str = "", rest: str | None = None) -> list[str]:
    """``line`` cut into lines of at most ``width`` cells, after ``first`` (then ``rest``) as
    indent: only at spaces or between two CJK characters, so no date (2026-11-23), amount
    (¥600,000) or word is split; a single word wider than a line is the only thing ever cut."""
    rest = first if rest is None else rest
    out: list[str] = []
    current, indent = "", first
    used = cells(indent)  # the cells of indent + current, kept as tokens are added
    for token in _tokens(line):
        if token == " ":
            if current:
                current += " "
                used += 1
            continue
        size = cells(token)
        if used + size <= width or not current.strip():
            current += token
            used += size
            continue
        out.append(indent + current.rstrip())
        current, indent = token, rest
        used = cells(indent) + size
    if current.strip() or not out:
        out.append(indent + current.rstrip())
    return [piece for line in out for piece in _chop(line, width)]


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_TOKEN = re.compile(f" |[{_CJK}]|[^ {_CJK}]+")


def _tokens(line: str) -> list[str]:
    """Words (runs of non-CJK, non-space characters, punctuation kept with them), single CJK
    characters, and spaces."""
    return _TOKEN.findall(line)


def _chop(line: str, width: int) -> list[str]:
    """The last resort: a single word wider than the terminal is cut at the edge."""
    if width <= 0 or cells(line) <= width:
        return [line]
    pieces, current, used = [], "", 0
    for char in line:
        size = cells(char)
        if current and used + size > width:
            pieces.append(current)
            current, used = "", 0
        current += char
        used += size
    return [*pieces, current]


def on_a_pipe() -> bool:
    """Whether the list goes to a file or a pipe (plain text, not Rich's)."""
    from kacli.render import is_terminal

    return not is_terminal(sys.stdout)


def pipe_width() -> int:
    """``COLUMNS`` when set (at least 20), else 80: as wide as Rich would draw on a pipe."""
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return PIPE_WIDTH


def aligned(rows: list[list[str]], right: frozenset[int] = frozenset()) -> list[str]:
    """``rows`` (the header first) as lines of columns two cells apart, each as wide as its
    widest value, the ``right`` ones aligned right: a small table without Rich."""
    widths = [max(cells(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        padded = [" " * (w - cells(v)) + v if i in right else v + " " * (w - cells(v))
                  for i, (v, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(padded).rstrip())
    return lines


def plain(data: WeekList, limit: int | None) -> None:
    """The list as plain blocks on a pipe: no colour, ``COLUMNS`` (else 80) wide, the most urgent
    rows that fit 25 lines unless ``limit`` says otherwise, then how many more."""
    width = pipe_width()
    today = data.today
    sections = [(t("week.title", today=today.isoformat(), until=data.until.isoformat()), data.items),
                (t("week.later", until=data.until.isoformat()), data.later)]
    sections = [(title, items) for title, items in sections if items]
    keyed = any(i.key_account for _, items in sections for i in items)
    total = sum(len(items) for _, items in sections)
    room = None if limit is not None else SCREEN_LINES - 1 - (1 if keyed else 0) - len(
        wrap(t("week.more", more=total), width))
    lines: list[str] = []
    shown, full = 0, False
    for title, items in sections:
        heading = wrap(title, width)
        for item in items:
            block = [line for line, _ in block_lines([item], today, "", width)]
            full = bool(limit and shown >= limit) or (
                room is not None and len(lines) + len(heading) + len(block) > room)
            if full:
                break
            lines += heading + block
            heading = []
            shown += 1
        if full:
            break
    if shown < total:
        lines += wrap(t("week.more", more=total - shown), width)
    if keyed:
        lines.append(t("week.legend"))
    sys.stdout.write("".join(line + "\n" for line in lines))
