"""Whom to call: the dossier's snapshots handed to the pure week list, a range at a time.

The rules are ``kacli.domain.week``'s; this module only feeds it (``kacli.store.week`` reads the
rows, ``kacli.services.key_tier`` the 80/20 tier) and shapes each row as soon as the order is
known. ``--all`` looks up to ``kacli.domain.week.horizon`` ahead for the next due date of
customers with nothing due in the window.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Generic, TypeVar

from kacli.domain.rules import Rules
from kacli.domain.week import Item, horizon, week_item, week_list
from kacli.domain.week_input import Account
from kacli.domain.week_reasons import Window
from kacli.errors import BadInput
from kacli.services.key_tier import is_key, key_changes, key_tier_and_changes
from kacli.store import week as store
from kacli.store.db import Db

MAX_DAYS = 366
CHUNK = 2_000  # customers read at a time: a few megabytes of snapshots, a handful of queries each

Row = TypeVar("Row")


@dataclass(frozen=True)
class WeekList(Generic[Row]):
    """The rows due from ``today`` through ``until`` in the list's order; with ``--all``,
    ``later`` holds every other customer at its next due date (soonest first). A row is an
    :class:`Item`, or what ``shape`` made of it."""

    today: dt.date
    until: dt.date
    items: list[Row]
    later: list[Row]


def check_days(days: int) -> int:
    """The window is one day to a year long."""
    if not 1 <= days <= MAX_DAYS:
        raise BadInput("error.week_days", days=days)
    return days


def week(db: Db, today: dt.date, days: int, rules: Rules, *, everyone: bool = False,
         only_due: bool = False, shape: Callable[[Item], Row] = lambda item: item) -> WeekList[Row]:
    """The week list (``kacli.domain.week.week_list``) over every customer, read ``CHUNK`` at a
    time; ``only_due`` keeps only the reasons due in the window (``kacli remind``)."""
    check_days(days)
    until = today + dt.timedelta(days=days - 1)
    window = Window.of(today, until, rules)
    ahead = Window.of(today, horizon(today, until, rules), rules) if everyone else None
    with _no_cycle_collection():
        keys, changes = key_tier_and_changes(db, today, rules)
        items, later = week_list(_accounts(db, ahead or window), window, keys,
                                 ahead=ahead, only_due=only_due, key_changes=changes)
    return WeekList(today, until, [shape(i) for i in items], [shape(i) for i in later])


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The list makes millions of small tuples and no reference cycles: Python's cycle collector
    would only walk the ones still alive again and again (a fifth of the time at 10,000
    customers, more at 100,000). Memory is freed as ever, by reference counts."""
    import gc

    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _accounts(db: Db, window: Window) -> Iterator[Account]:
    for first, last in store.chunks(db, CHUNK):
        yield from store.accounts(db, window, first, last)


@dataclass(frozen=True)
class Outlook:
    """One customer's row: due in the window (``in_window``), else its next one ahead (or None)."""

    item: Item | None
    in_window: bool
    until: dt.date


def outlook(db: Db, customer_id: int, today: dt.date, days: int, rules: Rules) -> Outlook:
    """The row ``kacli why`` explains and ``customer show`` calls the next due date."""
    check_days(days)
    until = today + dt.timedelta(days=days - 1)
    key = is_key(db, customer_id, today, rules)
    ahead = Window.of(today, horizon(today, until, rules), rules)
    found = store.accounts(db, ahead, customer_id, customer_id)
    if not found:
        return Outlook(None, False, until)
    item = week_item(found[0], Window.of(today, until, rules), key,
                     key_change=key_changes(db, today, rules).get(customer_id))
    if item is not None:
        return Outlook(item, True, until)
    return Outlook(week_item(found[0], ahead, key, first_day=True), False, until)


def customer_next_due(db: Db, customer_id: int, today: dt.date, rules: Rules) -> Item | None:
    """What is due next for a customer: this week's row (every reason due within seven days),
    else the first date in the coming year with its reasons; None if nothing at all."""
    return outlook(db, customer_id, today, 7, rules).item
