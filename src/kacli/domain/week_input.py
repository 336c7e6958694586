"""What the week list needs to know about one customer: a snapshot the store fills in.

Plain frozen data, no database types, so the rules can be tested by the hundred and the store
can fill thousands of snapshots with a handful of queries. Only *open* things belong here: open
deals, open next actions, visits still planned, instalments with money still owed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Contact:
    """A person at the customer, with what whom-to-call and birthdays need."""

    id: int
    name: str
    phone: str | None = None
    is_primary: bool = False
    roles: tuple[str, ...] = ()  # buying roles: decision_maker, user, buyer, influencer, coach
    last_met: dt.date | None = None  # their most recent logged (not planned) visit
    birthday_month: int | None = None
    birthday_day: int | None = None
    birthday_lunar: bool = False
    birthday_leap: bool = False  # a lunar birthday in a leap month (闰月)


@dataclass(frozen=True)
class NextAction:
    """An open next action; ``kind`` is ``next`` or ``after_sale`` (the call after delivery)."""

    id: int
    text: str
    due: dt.date
    contact_id: int | None = None
    kind: str = "next"


@dataclass(frozen=True)
class PlannedVisit:
    id: int
    date: dt.date
    purpose: str = ""
    contact_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class RoleCover:
    """A contact in a deal's buying centre: their role and, if known, their attitude."""

    contact_id: int
    role: str
    attitude: str | None = None  # supporter, neutral, opponent


@dataclass(frozen=True)
class Deal:
    """An open deal (neither won nor lost)."""

    id: int
    title: str
    stage: str  # discover, validate, negotiate, contract, deliver
    stage_entered: dt.date
    amount_fen: int | None = None
    expected_close: dt.date | None = None
    roles: tuple[RoleCover, ...] = ()


@dataclass(frozen=True)
class Instalment:
    """A payment instalment with money still owed (of an open or a won deal)."""

    deal_id: int
    due: dt.date
    outstanding_fen: int
    deal_title: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Account:
    """One customer as the week list sees it.

    ``last_contact`` is the most recent logged (not planned) visit with anyone at the customer;
    None when no visit was ever logged. The grade is derived from the other facts unless
    ``manual_grade`` is set; ``order_history`` is (date, amount in fen) of won deals/orders.
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
