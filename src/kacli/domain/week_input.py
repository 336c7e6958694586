"""What the week list needs to know about one customer: a snapshot the store fills in.

Plain immutable data, no database types, so the rules can be tested by the hundred and the store
can fill thousands of snapshots with a handful of queries. Named tuples rather than frozen
dataclasses: a list over ten thousand customers makes fifty thousand of them, and a named tuple
costs a fifth as much to make. The store reads rows; every decision (which reasons, whom to call,
what is owed, which grade) is made in ``kacli.domain.week`` and ``kacli.domain.week_reasons``.

Only what is not done *as of today* belongs here: open deals, next actions not done by today,
visits still planned, instalments of deals not lost, and the visits logged up to today.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class Contact(NamedTuple):
    """A person at the customer, with what whom-to-call, the buying centre and birthdays need."""

    id: int
    name: str
    phone: str | None = None
    is_primary: bool = False
    roles: tuple[str, ...] = ()  # buying roles: decision_maker, user, buyer, influencer, coach
    # Their most recent logged (not planned) visit; the store fills it in only where
    # ``kacli.domain.week.meetings_matter`` says the row depends on it.
    last_met: dt.date | None = None
    birthday_month: int | None = None
    birthday_day: int | None = None
    birthday_lunar: bool = False
    birthday_leap: bool = False  # a lunar birthday in a leap month (闰月)
    attitude: str | None = None  # supporter, neutral, opponent


class NextAction(NamedTuple):
    """An open next action; ``kind`` is ``next``, ``after_sale`` (the call after delivery) or
    ``first_call`` (a lead's first call, scheduled on import)."""

    id: int
    text: str
    due: dt.date
    contact_id: int | None = None
    kind: str = "next"


class PlannedVisit(NamedTuple):
    """A visit planned and not yet recorded as done (its day may have passed)."""

    id: int
    date: dt.date
    purpose: str = ""
    contact_ids: tuple[int, ...] = ()


class CareVisit(NamedTuple):
    """A greeting or gift logged (not planned) on ``date`` with ``contact_ids``: care given."""

    date: dt.date
    contact_ids: tuple[int, ...] = ()


class RoleCover(NamedTuple):
    """A contact in a deal's own buying centre: their role and, if known, their attitude."""

    contact_id: int
    role: str
    attitude: str | None = None  # supporter, neutral, opponent


class Deal(NamedTuple):
    """An open deal (neither won nor lost). ``stage_entered`` is the day of the last move into
    its current stage (``kacli.domain.sales.stage_entered`` reads it from the moves)."""

    id: int
    title: str
    stage: str  # discover, validate, negotiate, contract, deliver
    stage_entered: dt.date
    amount_fen: int | None = None
    expected_close: dt.date | None = None
    roles: tuple[RoleCover, ...] = ()
    chance: int | None = None  # the salesperson's chance to win in percent, else the stage's
    touched: dt.date | None = None  # the last day the deal itself was updated (up to today)
    hold_until: dt.date | None = None  # a known postponement (``deal hold``): see sales.held_due


class Delivery(NamedTuple):
    """A deal (open or won) with an agreed delivery date and no delivery recorded yet."""

    deal_id: int
    title: str
    date: dt.date


class Instalment(NamedTuple):
    """A payment instalment planned on an open or a won deal, as planned: what is still owed is
    worked out with the deal's payments (``Account.paid``) by ``kacli.domain.receivables``."""

    deal_id: int
    due: dt.date
    amount_fen: int
    deal_title: str = ""
    id: int | None = None
    roles: tuple[RoleCover, ...] = ()  # the deal's own buying centre: who pays
    promised: dt.date | None = None  # the day the customer promised to pay it by


class Account(NamedTuple):
    """One customer as the week list sees it.

    ``last_contact`` is the most recent logged (not planned) visit with anyone at the customer
    up to today; None when none was logged. The grade is derived from the other facts unless
    ``manual_grade`` is set; ``order_history`` is (date, amount in fen) of won deals up to today.
    ``intention_stated`` is the day an individual's purchase intention was last stated.
    """

    id: int
    name: str
    kind: str  # "org" or "person"
    created: dt.date
    last_contact: dt.date | None = None
    manual_grade: str | None = None
    buy_within: str | None = None
    expected_purchase: dt.date | None = None
    purchase_cycle: str | None = None
    batch: str | None = None
    order_history: tuple[tuple[dt.date, int], ...] = ()
    contacts: tuple[Contact, ...] = ()
    next_actions: tuple[NextAction, ...] = ()
    planned_visits: tuple[PlannedVisit, ...] = ()
    deals: tuple[Deal, ...] = ()
    instalments: tuple[Instalment, ...] = ()
    status: str = "active"  # prospect, active, dormant, lost
    phone: str | None = None  # the customer's own first phone
    intention_stated: dt.date | None = None
    care_visits: tuple[CareVisit, ...] = ()
    paid: tuple[tuple[int, int], ...] = ()  # (deal id, fen received by today) per deal
    deliveries: tuple[Delivery, ...] = ()
    grade_facts_changed: dt.date | None = None  # last day a grade's facts changed (history)
