"""``kacli export ics``: the week list's dates over a span, as an iCalendar file.

The events come from the same rows as ``kacli week`` (``store.week.accounts`` and
``domain.week.week_item``), read ``CHUNK`` customers at a time, so the calendar and the week list
never disagree about who is due for what.
"""

from __future__ import annotations

import datetime as dt

from kacli.domain import calendar_feed
from kacli.domain.calendar_feed import Event
from kacli.domain.week import week_item
from kacli.domain.week_reasons import Window
from kacli.services.key_tier import key_ids
from kacli.services.week import CHUNK
from kacli.store import week as store
from kacli.store.db import Db
from kacli.store.rules_file import load_rules


def events(db: Db, today: dt.date, days: int, rules=None) -> list[Event]:
    rules = rules or load_rules()
    window = Window.of(today, today + dt.timedelta(days=days - 1), rules)
    keys = key_ids(db, today, rules)
    out: list[Event] = []
    greeted = []
    for first, last in store.chunks(db, CHUNK):
        for account in store.accounts(db, window, first, last):
            item = week_item(account, window, account.id in keys)
            if item is None:
                continue
            reasons = list(item.reasons)
            contacts = {c.id: c.name for c in account.contacts}
            out += calendar_feed.customer_events(account.id, account.name, reasons, contacts, rules)
            greeted += [(account.name, r) for r in reasons if r.code == "festival" and r.due <= window.until]
    out += calendar_feed.festival_events(greeted, rules)
    out.sort(key=lambda e: (e.day, e.uid))
    return out


def export(db: Db, today: dt.date, days: int) -> bytes:
    from kacli.render.ics import calendar_bytes

    return calendar_bytes(events(db, today, days))
