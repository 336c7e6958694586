"""The dates of the week list as calendar events, for ``kacli export ics``.

The events are the week list's own reasons (``kacli.domain.week_reasons``) over the span asked
for: next actions, after-sale calls, planned visits, instalments due, contacts' birthdays and the
festivals of the customers who get greetings. Cadence and deal reasons stay in the week list: they
move with every visit and would make a calendar noisy.

Every event has a UID that depends only on what it is about (the next action's id, the contact
and the year of a birthday, the festival and its date), so a re-exported file replaces the
events a calendar already has instead of adding copies. A birthday is one event per year: a lunar
birthday falls on a different solar day each year, which a yearly RRULE cannot say, and one rule
for both keeps the file simple for every client.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kacli.domain.rules import Rules
from kacli.domain.week_reasons import Reason

UID_DOMAIN = "kacli"
MORNING = dt.timedelta(hours=9)  # alarms ring at 09:00 local time
BIRTHDAY_ALARM_DAYS = 3  # time to order a cake or a gift (seed 000's cake was improvised: better not)


@dataclass(frozen=True)
class Event:
    uid: str
    day: dt.date
    kind: str  # next_action, after_sale, planned_visit, instalment, birthday, festival
    params: dict[str, Any] = field(default_factory=dict)  # what the summary's message needs
    alarm: dt.timedelta = MORNING  # from the start of the day (negative: days before)


def festival_day(festival_date: dt.date, rules: Rules) -> dt.date:
    """The day a festival's greetings event is on: the send-ahead day, as the week list has it
    (gifts are chosen and sent ``festival.send_days_before`` days before the festival)."""
    return festival_date - dt.timedelta(days=rules.festival_send_days_before)


def _ahead(days: int) -> dt.timedelta:
    return MORNING - dt.timedelta(days=days)


def customer_events(customer_id: int, customer: str, reasons: Iterable[Reason],
                    contacts: dict[int, str], rules: Rules) -> list[Event]:
    """The events among one customer's reasons (festivals are gathered by ``festival_events``)."""
    out = []
    for r in reasons:
        p = r.params
        if r.code in ("next_action", "after_sale"):
            out.append(Event(f"next-{p['action_id']}@{UID_DOMAIN}", r.due, r.code,
                             {"customer": customer, "text": p["text"]}))
        elif r.code == "planned_visit":
            out.append(Event(f"visit-{p['visit_id']}@{UID_DOMAIN}", r.due, r.code,
                             {"customer": customer, "purpose": p.get("purpose") or ""}))
        elif r.code in ("payment_due", "payment_overdue"):
            out.append(Event(f"instalment-{p['instalment_id']}@{UID_DOMAIN}", r.due, "instalment",
                             {"customer": customer, "deal": p["title"], "outstanding_fen": p["outstanding_fen"]}))
        elif r.code == "birthday":
            out.append(Event(f"birthday-{r.contact_id}-{r.due.year}@{UID_DOMAIN}", r.due, r.code,
                             {"customer": customer, "name": p["contact"], "lunar": p["lunar"],
                              "month": p["month"], "day": p["day"]}, _ahead(BIRTHDAY_ALARM_DAYS)))
    return out


def festival_events(greeted: Iterable[tuple[str, Reason]], rules: Rules) -> list[Event]:
    """One event per festival date, naming every customer to greet: (customer, festival reason)."""
    by_day: dict[tuple[str, dt.date], dict[str, Any]] = {}
    for customer, r in greeted:
        key = (r.params["festival"], r.params["date"])  # the festival's own day: a stable UID
        entry = by_day.setdefault(key, {"name_key": r.params["name_key"], "name": r.params["name"],
                                        "date": r.params["date"], "customers": []})
        if customer not in entry["customers"]:
            entry["customers"].append(customer)
    return [Event(f"festival-{code}-{day.isoformat()}@{UID_DOMAIN}", festival_day(day, rules), "festival",
                  params, MORNING)
            for (code, day), params in sorted(by_day.items(), key=lambda item: item[0][1])]
