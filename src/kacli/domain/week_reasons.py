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
from kacli.domain.grading import revisit_days
from kacli.domain.receivables import collect_on, still_owed
from kacli.domain.rules import Rules
from kacli.domain.sales import held_due
from kacli.domain.week_input import Account, CareVisit, Contact, Deal, RoleCover

LATE_STAGES = ("negotiate", "contract", "deliver")
# Visits that count as care given: a greeting or a gift settles a birthday or a festival.
CARE_KINDS = ("greeting", "small_gift", "valuable_gift")
# Customers who get no courtesy reminders (cadence, never contacted, birthdays, festivals); what
# they owe, open next actions and planned visits still show.
QUIET_STATUSES = ("dormant", "lost")
NO_DECISION_MAKER = "no_decision_maker"
NO_SUPPORTER_OR_COACH = "no_supporter_or_coach"
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
    key_account: bool = False,
) -> list[Reason]:
    """Every reason ``account`` is due in ``window``; festival reasons only if ``festivals``
    apply to it (key tier or a festival grade); ``bought``: an individual after a purchase; a
    ``key_account`` is revisited at least every ``key_revisit_days`` whatever its grade."""
    today, until, rules = window.today, window.until, window.rules
    reasons: list[Reason] = []
    courtesy = account.status not in QUIET_STATUSES
    last = account.last_contact
    if courtesy and last is None:
        if account.created <= until:
            reasons.append(Reason("never_contacted", account.created, {"added": account.created}))
    elif courtesy:
        interval = revisit_days(account.kind, grade, rules, bought=bought)
        if key_account:
            interval = min(interval, rules.key_revisit_days)
        due = last + interval * _DAY
        changed = _grade_changed(account)
        if changed is not None and changed > last:
            due = max(due, changed)  # a grade that changes today makes the visit due today, not late
        if due <= until:  # counted from the last logged contact, never from a reminder
            reasons.append(Reason("cadence", due, {
                "last_contact": last, "days": (today - last).days, "interval": interval,
                "grade": grade, "after_purchase": bought and grade is None,
            }))
    for action in account.next_actions:
        if action.due <= until:
            code = "after_sale" if action.kind == "after_sale" else "next_action"
            reasons.append(Reason(code, action.due, {"action_id": action.id, "text": action.text},
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
        _care_reasons(account, window, festivals, reasons)
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


def _care_reasons(account: Account, window: Window, festivals: bool, reasons: list[Reason]) -> None:
    """Birthdays and festivals, unless care was already given: a greeting or gift with the
    contact from ``birthday_care_days`` before the birthday through it; with anyone at the
    customer from ``festival_lead_days`` before the festival through it."""
    rules, care = window.rules, account.care_visits
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
            reasons.append(Reason("festival", when - send, {
                "festival": fest.code, "name_key": fest.name_key, "name": fest.name,
                "date": when, "days_left": (when - window.today).days,
            }))


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
    # A held deal's closing and stalled reasons wait for the hold's date (sales.held_due).
    closing = deal.expected_close
    if closing is not None:
        closing = held_due(closing, deal.hold_until)
    if closing is not None and closing <= until:
        reasons.append(Reason("deal_closing", closing, {
            "deal_id": deal.id, "title": deal.title, "stage": deal.stage,
            "expected_close": deal.expected_close, "amount_fen": deal.amount_fen,
        }))
    threshold = rules.stalled_days.get(deal.stage)
    if threshold is not None:
        stalls = deal.stage_entered + (threshold + 1) * _DAY
        # Stalled is due once: an update of the deal on or after that day (a new close date, a
        # changed chance, a note) settles it until the threshold has passed again.
        if deal.touched is not None and deal.touched >= stalls:
            stalls = deal.touched + (threshold + 1) * _DAY
        stalls = held_due(stalls, deal.hold_until)
        if stalls <= until:  # stalled already, or will be before the window ends
            reasons.append(Reason("deal_stalled", stalls, {
                "deal_id": deal.id, "title": deal.title, "stage": deal.stage,
                "days_in_stage": (today - deal.stage_entered).days, "threshold": threshold,
                "stalls": stalls, "upcoming": stalls > today,
            }))
    # An individual is their own user, buyer and decision maker: no buying centre to cover.
    if deal.stage in LATE_STAGES and account.kind != "person":
        covers = buying_centre(deal, account.contacts)
        missing = uncovered_roles(covers)
        if missing:
            # A risk, not a deadline: due today, every day until the role is covered.
            reasons.append(Reason("roles_uncovered", today, {
                "deal_id": deal.id, "title": deal.title, "stage": deal.stage, "missing": missing,
            }))
        names = {c.id: c.name for c in account.contacts}
        for cover in covers:
            if cover.attitude == "opponent" and cover.role in ("decision_maker", "coach"):
                # The seeds' buying-centre risk: the one who decides (or guides) is against us.
                reasons.append(Reason("decision_maker_opposed", today, {
                    "deal_id": deal.id, "title": deal.title, "stage": deal.stage,
                    "role": cover.role, "contact": names.get(cover.contact_id, ""),
                }, cover.contact_id))
                break


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


def buying_centre(deal: Deal, contacts: tuple[Contact, ...]) -> list[RoleCover]:
    """The deal's buying centre as a salesperson reads it: the deal's own roles, and the roles
    recorded on each contact the deal does not name and whom we have met (a logged visit with
    them: a decision maker on file but never reached is the cooked duck's missing link). A
    contact the deal names has the roles the deal gives them; a deal role without an attitude
    takes the contact's."""
    attitude = {c.id: c.attitude for c in contacts}
    covers = [cover if cover.attitude else cover._replace(attitude=attitude.get(cover.contact_id))
              for cover in deal.roles]
    named = {cover.contact_id for cover in deal.roles}
    for c in contacts:
        if c.roles and c.last_met is not None and c.id not in named:
            covers.extend(RoleCover(c.id, role, c.attitude) for role in c.roles)
    return covers


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


def uncovered_roles(covers: list[RoleCover] | tuple[RoleCover, ...]) -> tuple[str, ...]:
    """What the buying centre lacks: ``no_decision_maker``, and ``no_supporter_or_coach`` when
    nobody supports us and no coach guides us — the cooked duck flies away for want of either.
    (The same flags as ``kacli.domain.sales.coverage`` uses for a deal's own view.)"""
    decision_maker = ally = False
    for cover in covers:
        decision_maker = decision_maker or cover.role == "decision_maker"
        ally = ally or cover.attitude == "supporter" or cover.role == "coach"
    if decision_maker:
        return () if ally else (NO_SUPPORTER_OR_COACH,)
    return (NO_DECISION_MAKER,) if ally else (NO_DECISION_MAKER, NO_SUPPORTER_OR_COACH)
