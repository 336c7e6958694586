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
from kacli.domain.rules import Rules
from kacli.domain.sales import is_stalled
from kacli.domain.week_input import Account, Deal

LATE_STAGES = ("negotiate", "contract", "deliver")
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
    account: Account, grade: str | None, window: Window, festivals: bool
) -> list[Reason]:
    """Every reason ``account`` is due in ``window``; festival reasons only if ``festivals``
    apply to it (key tier or a festival grade)."""
    today, until, rules = window.today, window.until, window.rules
    reasons: list[Reason] = []
    last = account.last_contact
    if last is None:
        if account.created <= until:
            reasons.append(Reason("never_contacted", account.created, {"added": account.created}))
    else:
        interval = revisit_days(account.kind, grade, rules)
        due = last + interval * _DAY
        if due <= until:  # counted from the last logged contact, never from a reminder
            reasons.append(Reason("cadence", due, {
                "last_contact": last, "days": (today - last).days, "interval": interval,
                "grade": grade,
            }))
    for action in account.next_actions:
        if action.due <= until:
            code = "after_sale" if action.kind == "after_sale" else "next_action"
            reasons.append(Reason(code, action.due, {"action_id": action.id, "text": action.text},
                                  action.contact_id))
    for visit in account.planned_visits:
        if today <= visit.date <= until:
            reasons.append(Reason(
                "planned_visit", visit.date,
                {"visit_id": visit.id, "purpose": visit.purpose, "date": visit.date},
                visit.contact_ids[0] if visit.contact_ids else None,
            ))
    for c in account.contacts:
        if c.birthday_month is not None and c.birthday_day is not None:
            for when in window.birthdays(c.birthday_month, c.birthday_day, c.birthday_lunar,
                                         c.birthday_leap):
                reasons.append(Reason("birthday", when, {
                    "contact": c.name, "date": when, "lunar": c.birthday_lunar,
                    "month": c.birthday_month, "day": c.birthday_day, "leap": c.birthday_leap,
                }, c.id))
    if festivals:
        for fest, when in window.festivals:
            reasons.append(Reason("festival", when, {
                "festival": fest.code, "name_key": fest.name_key, "name": fest.name,
                "date": when, "days_left": (when - today).days,
            }))
    for deal in account.deals:
        _deal_reasons(deal, today, until, rules, reasons)
    for inst in account.instalments:
        if inst.outstanding_fen > 0 and inst.due <= until:
            code = "payment_overdue" if inst.due < today else "payment_due"
            reasons.append(Reason(code, inst.due, {
                "deal_id": inst.deal_id, "title": inst.deal_title, "due": inst.due,
                "outstanding_fen": inst.outstanding_fen, "instalment_id": inst.id,
            }))
    return reasons


def _deal_reasons(
    deal: Deal, today: dt.date, until: dt.date, rules: Rules, reasons: list[Reason]
) -> None:
    closing = deal.expected_close
    if closing is not None and closing <= until:
        reasons.append(Reason("deal_closing", closing, {
            "deal_id": deal.id, "title": deal.title, "stage": deal.stage,
            "expected_close": closing, "amount_fen": deal.amount_fen,
        }))
    threshold = rules.stalled_days.get(deal.stage)
    in_stage = (today - deal.stage_entered).days
    if is_stalled(in_stage, threshold):
        reasons.append(Reason("deal_stalled", deal.stage_entered + (threshold + 1) * _DAY, {
            "deal_id": deal.id, "title": deal.title, "stage": deal.stage,
            "days_in_stage": in_stage, "threshold": threshold,
        }))
    if deal.stage in LATE_STAGES:
        missing = uncovered_roles(deal)
        if missing:
            # A risk, not a deadline: due today, every day until the role is covered.
            reasons.append(Reason("roles_uncovered", today, {
                "deal_id": deal.id, "title": deal.title, "stage": deal.stage, "missing": missing,
            }))


def uncovered_roles(deal: Deal) -> tuple[str, ...]:
    """What the buying centre lacks: ``no_decision_maker``, and ``no_supporter_or_coach`` when
    nobody supports us and no coach guides us — the cooked duck flies away for want of either.
    (The same flags as ``kacli.domain.sales.coverage`` uses for a deal's own view.)"""
    decision_maker = ally = False
    for cover in deal.roles:
        decision_maker = decision_maker or cover.role == "decision_maker"
        ally = ally or cover.attitude == "supporter" or cover.role == "coach"
    if decision_maker:
        return () if ally else (NO_SUPPORTER_OR_COACH,)
    return (NO_DECISION_MAKER,) if ally else (NO_DECISION_MAKER, NO_SUPPORTER_OR_COACH)
