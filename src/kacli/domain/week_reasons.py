"""Why a customer is on the week list: the reasons of kacli.domain.week, found for one account.

Each reason is a code, the day it is due, the parameters its message needs and the contact it
names (if any); the words come from the message catalogue, so no prose is made here. Reasons
are named tuples rather than dataclasses: the list makes a hundred thousand of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, NamedTuple

from kacli.domain.calendar import Festival, festivals_between, next_occurrences
from kacli.domain.deal_risks import LATE_STAGES, buying_centre, deal_risks
from kacli.domain.grading import revisit_days
from kacli.domain.receivables import collect_on, still_owed
from kacli.domain.rules import Rules
from kacli.domain.sales import NO_DECISION_MAKER, NO_SUPPORTER_OR_COACH, uncovered_roles
from kacli.domain.week_input import Account, CareVisit, Contact, Deal, RoleCover

__all__ = [
    "CARE_KINDS", "LATE_STAGES", "NO_DECISION_MAKER", "NO_SUPPORTER_OR_COACH", "QUIET_STATUSES",
    "Reason", "Window", "buying_centre", "cared", "payer", "reasons_for", "uncovered_roles",
]
# Visits that count as care given: a greeting or a gift settles a birthday or a festival.
CARE_KINDS = ("greeting", "small_gift", "valuable_gift")
# Customers who get no courtesy reminders (cadence, never contacted, birthdays, festivals); what
# they owe, open next actions and planned visits still show.
QUIET_STATUSES = ("dormant", "lost")
_DAY = dt.timedelta(days=1)


class Reason(NamedTuple):
    """One thing due for a customer. ``params`` hold what the message needs (dates as dates,
    money in fen); ``contact_id`` is the contact this reason is about, if any."""

    code: str
    due: dt.date
    params: Mapping[str, Any] = MappingProxyType({})  # read-only: a default shared by all
    contact_id: int | None = None


@dataclass
class Window:
    """The days listed, ``today`` through ``until``, and what all customers share in them:
    the festivals, and each birthday's dates (fifty thousand contacts share a few hundred)."""

    today: dt.date
    until: dt.date
    rules: Rules
    festivals: list[tuple[Festival, dt.date]] = field(default_factory=list)
    _birthdays: dict[tuple, tuple[dt.date, ...]] = field(default_factory=dict, repr=False)
    # Per reason code: its place among reasons due the same day (heavier first, then by code)
    # and its score term; worked out once, not once per customer.
    rank: dict[str, int] = field(default_factory=dict, repr=False)
    terms: dict[str, tuple[str, float, float]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        weights = self.rules.weight_reason
        for place, code in enumerate(sorted(weights, key=lambda c: (-weights[c], c))):
            self.rank[code] = place
            self.terms[code] = (f"reason.{code}", 1.0, weights[code])

    @classmethod
    def of(cls, today: dt.date, until: dt.date, rules: Rules) -> Window:
        last = until + dt.timedelta(days=rules.festival_lead_days)
        return cls(today, until, rules, festivals_between(today, last, rules.festivals))

    def birthdays(self, month: int, day: int, lunar: bool, leap: bool) -> tuple[dt.date, ...]:
        key = (month, day, lunar, leap)
        found = self._birthdays.get(key)
        if found is None:
            try:
                found = tuple(next_occurrences(month, day, lunar, leap, self.today, self.until))
            except ValueError:
                found = ()  # an impossible birthday is the dossier's error to report
            self._birthdays[key] = found
        return found


def reasons_for(
    account: Account, grade: str | None, window: Window, festivals: bool, bought: bool = False,
    key_account: bool = False, festivals_from: dt.date | None = None,
) -> list[Reason]:
    """Every reason ``account`` is due in ``window``; festival reasons only if ``festivals``
    apply to it (key tier or a festival grade), due no earlier than ``festivals_from`` (the day
    the customer qualified for them, when that was lately: :func:`festivals_since`); ``bought``:
    an individual after a purchase; a ``key_account`` is revisited at least every
    ``key_revisit_days`` whatever its grade."""
    today, until, rules = window.today, window.until, window.rules
    reasons: list[Reason] = []
    courtesy = account.status not in QUIET_STATUSES
    last = account.last_contact
    if courtesy and last is None:
        # Due the day the customer was added (even a Saturday: it did not exist on the Friday),
        # or the day its first call was scheduled (``import --first-call-within``).
        due = booked_from(account, first_call(account) or account.created, today)
        if due <= until:
            reasons.append(Reason("never_contacted", due, {"added": account.created}))
    elif courtesy:
        interval = revisit_days(account.kind, grade, rules, bought=bought)
        if key_account:
            interval = min(interval, rules.key_revisit_days)
        due = workday(last + interval * _DAY, rules, after=last)
        changed = _grade_changed(account)
        if changed is not None and changed > last:
            due = max(due, changed)  # a grade that changes today makes the visit due today, not late
        due = booked_from(account, due, today)
        if due <= until:  # counted from the last logged contact, never from a reminder
            reasons.append(Reason("cadence", due, {
                # Said as of the row's day (``said_as_of``): a row for Thursday reads as Thursday will.
                "last_contact": last, "days": (max(today, due) - last).days, "interval": interval,
                "grade": grade, "after_purchase": bought and grade is None,
            }))
    for action in account.next_actions:
        if action.kind == FIRST_CALL:
            continue  # the first call is the never-contacted reason's day, not a task of its own
        code = "after_sale" if action.kind == "after_sale" else "next_action"
        # The call a week after delivery is a day kacli worked out: kept off the weekend.
        due = workday(action.due, rules) if code == "after_sale" else action.due
        if due <= until:
            reasons.append(Reason(code, due, {"action_id": action.id, "text": action.text},
                                  action.contact_id))
    for visit in account.planned_visits:
        # A planned visit whose day passed without being recorded stays, due on its day.
        if visit.date <= until:
            reasons.append(Reason(
                "planned_visit", visit.date,
                {"visit_id": visit.id, "purpose": visit.purpose, "date": visit.date,
                 "missed": visit.date < today},
                visit.contact_ids[0] if visit.contact_ids else None,
            ))
    if courtesy:
        _care_reasons(account, window, festivals, reasons, festivals_from)
    for deal in account.deals:
        _deal_reasons(deal, account, today, until, rules, reasons)
    for delivery in account.deliveries:
        if today <= delivery.date <= until:
            reasons.append(Reason("delivery", delivery.date, {
                "deal_id": delivery.deal_id, "title": delivery.title, "date": delivery.date}))
    _payment_reasons(account, today, until, reasons)
    return reasons


def _grade_changed(account: Account) -> dt.date | None:
    """The last day the grade could have changed: a stated fact or manual grade changed, or a
    deal was won (the order history grades an organisation; a purchase ends an individual's
    intention grade)."""
    changed = account.grade_facts_changed
    if account.order_history:
        won = account.order_history[-1][0]
        changed = won if changed is None or won > changed else changed
    return changed


# A next action of this kind schedules a lead's first call (``import --first-call-within``).
FIRST_CALL = "first_call"


def first_call(account: Account) -> dt.date | None:
    """The day a never-contacted customer's first call was scheduled, if it was."""
    days = [a.due for a in account.next_actions if a.kind == FIRST_CALL]
    return min(days) if days else None


def first_call_days(count: int, today: dt.date, within: int, rules: Rules) -> list[dt.date]:
    """The days ``count`` new leads get their first call, spread evenly over the ``within`` days
    from today (working days only when ``[calendar] weekend`` moves calls off the weekend), so
    an imported list does not bury the day it arrives; in the leads' order."""
    days = [today + n * _DAY for n in range(within)]
    if rules.weekend_to_friday:
        days = [d for d in days if d.weekday() < 5] or [today]
    return [days[i * len(days) // count] for i in range(count)]


# A visit booked this close ahead (today through today + 6, the default week) is the contact the
# cadence asks for: the call waits for the visit instead of nagging every night until it.
BOOKED_VISIT_DAYS = 7


def booked_visit(account: Account, today: dt.date) -> dt.date | None:
    """The first visit booked from today through ``BOOKED_VISIT_DAYS`` ahead, or None."""
    last = today + (BOOKED_VISIT_DAYS - 1) * _DAY
    days = [v.date for v in account.planned_visits if today <= v.date <= last]
    return min(days) if days else None


def booked_from(account: Account, due: dt.date, today: dt.date) -> dt.date:
    """A call due before a visit booked in the coming week is due on the visit's day."""
    visit = booked_visit(account, today) if account.planned_visits else None
    return visit if visit is not None and due < visit else due


def workday(due: dt.date, rules: Rules, after: dt.date | None = None) -> dt.date:
    """A call or visit kacli dates itself falls on the Friday before a Saturday or Sunday
    (``[calendar] weekend``), unless that Friday is not after ``after`` (the contact it counts
    from); festivals, birthdays and dates the salesperson chose keep their day."""
    if rules.weekend_to_friday and due.weekday() >= 5:
        friday = due - (due.weekday() - 4) * _DAY
        if after is None or friday > after:
            return friday
    return due


def festivals_since(account: Account, grade: str | None, key_account: bool,
                    key_change: tuple[dt.date, bool] | None, rules: Rules) -> dt.date | None:
    """The day a customer lately qualified for festival gifts (became a festival grade, or
    joined the key tier in the last days ``key_change`` covers), or None when it qualified long
    ago: a gift whose send-ahead day passed before then is due from that day, not overdue the
    moment the customer qualifies."""
    days = []
    if key_account and rules.festival_for_key_tier:
        if key_change is None or not key_change[1]:
            return None  # a key account for longer than the news is told
        days.append(key_change[0])
    if grade in rules.festival_grades:
        changed = _grade_changed(account)
        if changed is None:
            return None
        days.append(changed)
    return min(days) if days else None


def self_contacts(account: Account) -> tuple[int, ...]:
    """Whom care logged on an individual with nobody named reaches: the customer themself — the
    contact of the same name, else the primary one, else an only contact."""
    if account.kind != "person" or not account.contacts:
        return ()
    for test in (lambda c: c.name == account.name, lambda c: c.is_primary):
        found = tuple(c.id for c in account.contacts if test(c))
        if found:
            return found[:1]
    return (account.contacts[0].id,) if len(account.contacts) == 1 else ()


def _care_reasons(account: Account, window: Window, festivals: bool, reasons: list[Reason],
                  festivals_from: dt.date | None = None) -> None:
    """Birthdays and festivals, unless care was already given: a greeting or gift with the
    contact from ``birthday_care_days`` before the birthday through it (on an individual, with
    nobody named counts as with the customer themself: :func:`self_contacts`); with anyone at the
    customer from ``festival_lead_days`` before the festival through it."""
    rules, care = window.rules, account.care_visits
    if care and account.kind == "person" and any(not v.contact_ids for v in care):
        self_ids = self_contacts(account)
        care = tuple(v._replace(contact_ids=self_ids) if not v.contact_ids else v for v in care)
    for c in account.contacts:
        if c.birthday_month is not None and c.birthday_day is not None:
            for when in window.birthdays(c.birthday_month, c.birthday_day, c.birthday_lunar,
                                         c.birthday_leap):
                if care and cared(care, when - rules.birthday_care_days * _DAY, when, c.id):
                    continue
                reasons.append(Reason("birthday", when, {
                    "contact": c.name, "date": when, "lunar": c.birthday_lunar,
                    "month": c.birthday_month, "day": c.birthday_day, "leap": c.birthday_leap,
                }, c.id))
    if festivals:
        send = rules.festival_send_days_before * _DAY
        lead = rules.festival_lead_days * _DAY
        for fest, when in window.festivals:
            if care and cared(care, when - lead, when):
                continue
            due = when - send
            if festivals_from is not None and festivals_from > due:
                due = min(festivals_from, when)
            reasons.append(Reason("festival", due, {
                "festival": fest.code, "name_key": fest.name_key, "name": fest.name,
                # Said as of the row's day (``said_as_of``), like every reason on a row.
                "date": when, "days_left": (when - max(window.today, due)).days,
            }))


def said_as_of(reasons: list[Reason], day: dt.date) -> list[Reason]:
    """The reasons of one row, their day counts said as of ``day``, the day the row is for (today,
    or its first day when that is later): a festival riding on today's call is "in 16 days", not
    "in 7 days" as it will be on the day its gift is due."""
    said = []
    for reason in reasons:
        params = reason.params
        if reason.code == "cadence":
            reason = reason._replace(params={**params, "days": (day - params["last_contact"]).days})
        elif reason.code == "festival":
            reason = reason._replace(params={**params, "days_left": (params["date"] - day).days})
        said.append(reason)
    return said


def cared(visits: tuple[CareVisit, ...], first: dt.date, last: dt.date,
          contact_id: int | None = None) -> bool:
    """Whether a greeting or gift was logged from ``first`` through ``last`` (with ``contact_id``
    when given, else with anyone at the customer)."""
    for visit in visits:
        if first <= visit.date <= last and (contact_id is None or contact_id in visit.contact_ids):
            return True
    return False


def _deal_reasons(
    deal: Deal, account: Account, today: dt.date, until: dt.date, rules: Rules,
    reasons: list[Reason],
) -> None:
    """The deal's risks due by ``until`` (``kacli.domain.deal_risks``: every screen reads them there)."""
    for risk in deal_risks(deal, account.kind, account.contacts, today, rules, until):
        reasons.append(Reason(*risk))


def _payment_reasons(account: Account, today: dt.date, until: dt.date, reasons: list[Reason]) -> None:
    """Instalments due by ``until`` and not paid off (payments pay the oldest first), each naming
    whom to ask for the money (:func:`payer`). One the customer promised to pay by a later day
    is asked for on that day (``collect_on``), and is overdue again once the promise has passed."""
    if not account.instalments:
        return
    received = dict(account.paid)
    by_deal: dict[int, list] = {}
    for inst in account.instalments:
        by_deal.setdefault(inst.deal_id, []).append(inst)
    for deal_id, plan in by_deal.items():
        plan.sort(key=lambda i: (i.due, i.id or 0))
        for inst, owed in zip(plan, still_owed([i.amount_fen for i in plan], received.get(deal_id, 0)),
                              strict=True):
            when = collect_on(inst.due, inst.promised)
            if owed > 0 and when <= until:
                code = "payment_overdue" if when < today else "payment_due"
                said = {"deal_id": deal_id, "title": inst.deal_title, "due": inst.due,
                        "outstanding_fen": owed, "instalment_id": inst.id}
                if when != inst.due:
                    said["promised"] = when
                reasons.append(Reason(code, when, said, payer(inst.roles, account.contacts)))


def payer(roles: tuple[RoleCover, ...], contacts: tuple[Contact, ...]) -> int | None:
    """Whom to ask for money owed on a deal: the deal's buyer, else a buyer at the customer, else
    the deal's decision maker, else a decision maker at the customer (lowest id first)."""
    for role in ("buyer", "decision_maker"):
        for cover in roles:
            if cover.role == role:
                return cover.contact_id
        for c in contacts:
            if role in c.roles:
                return c.id
    return None
