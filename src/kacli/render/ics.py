"""Calendar events as an iCalendar (RFC 5545) file, with the icalendar library.

All-day events (``DTSTART;VALUE=DATE``), a summary in the user's language, a display alarm,
and ``DTSTAMP`` fixed to the event's day so that exporting the same dossier twice gives the same
bytes (a subscribed calendar then sees no change).
"""

from __future__ import annotations

import datetime as dt

from kacli import __version__, i18n
from kacli.domain.calendar_feed import Event
from kacli.domain.money import format_amount
from kacli.i18n import t


def summary(event: Event) -> str:
    p = event.params
    if event.kind == "next_action":
        return t("ics.next_action", customer=p["customer"], text=p["text"])
    if event.kind == "after_sale":
        return t("ics.after_sale", customer=p["customer"], text=p["text"])
    if event.kind == "planned_visit":
        text = t("ics.planned_visit", customer=p["customer"])
        return f"{text} — {p['purpose']}" if p["purpose"] else text
    if event.kind == "instalment":
        return t("ics.instalment", customer=p["customer"], deal=p["deal"], amount=format_amount(p["outstanding_fen"]))
    if event.kind == "birthday":
        key = "ics.birthday_lunar" if p["lunar"] else "ics.birthday"
        return t(key, name=p["name"], customer=p["customer"], month=p["month"], day=p["day"])
    if event.kind == "festival":
        name = t(p["name_key"]) if p["name_key"] else p["name"]
        return t("ics.festival", festival=name, date=p["date"].isoformat(), customers="、".join(p["customers"]))
    raise AssertionError(event.kind)


def calendar_bytes(events: list[Event]) -> bytes:
    from icalendar import Alarm, Calendar
    from icalendar import Event as VEvent

    cal = Calendar()
    cal.add("prodid", f"-//kacli//kacli {__version__}//{i18n.current()}")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", t("ics.calendar_name"))
    for event in events:
        item = VEvent()
        item.add("uid", event.uid)
        item.add("dtstamp", dt.datetime.combine(event.day, dt.time(), tzinfo=dt.UTC))
        item.add("dtstart", event.day)
        item.add("dtend", event.day + dt.timedelta(days=1))
        text = summary(event)
        item.add("summary", text)
        item.add("categories", [event.kind])
        item.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", text)
        alarm.add("trigger", event.alarm)
        item.add_component(alarm)
        cal.add_component(item)
    return cal.to_ical()
