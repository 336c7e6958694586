"""Who to call this week: the week list as a pure function of account snapshots.

The store reads one :class:`Account` per customer; :func:`build_week` returns one :class:`Item`
per customer with something due from ``today`` through ``today + days - 1``, most urgent first.
Each item carries its reasons as codes with parameters (the words come later, from the message
catalogue in the user's language) and the terms of its priority score, so ``kacli why`` can show
how the score was made, like taskwarrior's urgency.

Reason codes, when each is raised and what its ``due`` is:

- ``never_contacted``: no visit ever logged; due the day the customer was added.
- ``cadence``: last contact + the grade's revisit interval is on or before the window's last
  day; due that day. Counted from the last logged contact, never from a reminder.
- ``next_action`` / ``after_sale``: an open next action (kind ``next`` / ``after_sale``) due in
  the window or before it.
- ``planned_visit``: a planned visit in the window.
- ``birthday``: a contact's birthday (solar or lunar) in the window.
- ``festival``: a festival at most ``festival_lead_days`` after the window's last day and not
  passed, for key-tier customers and the grades the rules name; due on the festival.
- ``deal_closing``: an open deal's expected close in the window or passed.
- ``deal_stalled``: an open deal more days in its stage than the stage allows; due the first
  stalled day.
- ``roles_uncovered``: an open deal at negotiate or later with no decision maker, or with no
  supporter and no coach; due today (a risk to act on now, not a dated task).
- ``payment_due`` / ``payment_overdue``: an unpaid instalment due in the window / already past.

The score is a weighted sum, every weight a setting in the rules file: the grade's weight (or
the ungraded one), the key-tier weight, days overdue times a weight (capped, and negative while
the row is still ahead), money at stake in 万 yuan times a weight (capped), and one weight for
each kind of reason present.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from kacli.domain.grading import KeyShare, grade_org, grade_person
from kacli.domain.rules import Rules
from kacli.domain.week_input import Account, Contact
from kacli.domain.week_reasons import Reason, Window, reasons_for

__all__ = [
    "ACTION_FOR_REASON", "ACTION_ORDER", "Item", "Reason", "Term", "Window", "build_week",
    "choose_contact", "explain", "grade_of", "suggested_action", "week_item",
]

# The suggested action is the first of these that any of the row's reasons already due calls
# for (all of them when none is due yet): a visit beats everything (the rest can be done during
# it), money owed comes next.
ACTION_ORDER = ("visit", "collect", "gift", "greet", "follow_up", "call")
ACTION_FOR_REASON = {
    "planned_visit": "visit", "deal_closing": "visit", "roles_uncovered": "visit",
    "payment_due": "collect", "payment_overdue": "collect",
    "festival": "gift", "birthday": "greet",
    "next_action": "follow_up", "after_sale": "follow_up",
    "never_contacted": "call", "cadence": "call", "deal_stalled": "call",
}


class Term(NamedTuple):
    """One term of the priority score: ``contribution = value * weight``."""

    name: str  # "grade", "key_tier", "overdue_days", "money_wan", "reason.<code>"
    value: float
    weight: float
    contribution: float


class Item(NamedTuple):
    """One row of the week list: a customer, whom to call, why, and how urgent.

    A named tuple rather than a frozen dataclass: ten thousand rows are made on every list, and a
    frozen dataclass costs five times more to make."""

    customer: str
    customer_id: int
    contact: str | None
    contact_id: int | None
    phone: str | None
    grade: str | None
    key_account: bool
    due: dt.date
    overdue_days: int
    score: float
    action: str
    reasons: tuple[Reason, ...]
    # (name, value, weight) of each score term; Terms are made only when asked for (``why``).
    term_inputs: tuple[tuple[str, float, float], ...] = ()

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(Term(n, v, w, round(v * w, 4)) for n, v, w in self.term_inputs)


def build_week(
    accounts: Iterable[Account],
    today: dt.date,
    days: int,
    rules: Rules,
    key_tier: Mapping[int, KeyShare] | Collection[int] = (),
) -> list[Item]:
    """Every customer with something due from ``today`` through ``today + days - 1``.

    ``key_tier`` is :func:`kacli.domain.grading.key_tier`'s result or a set of key-tier ids.
    Sorted by score (highest first), then earliest due, then customer id, so equal scores
    keep a stable order between runs.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    window = Window.of(today, today + dt.timedelta(days=days - 1), rules)
    keys = _key_ids(key_tier)
    items = []
    for account in accounts:
        item = week_item(account, window, account.id in keys)
        if item is not None:
            items.append(item)
    items.sort(key=lambda i: (-i.score, i.due, i.customer_id))
    return items


def gets_festivals(key_account: bool, grade: str | None, rules: Rules) -> bool:
    """Festival greetings go to the key tier and to the festival grades (O and A by default)."""
    return (key_account and rules.festival_for_key_tier) or grade in rules.festival_grades


def week_item(account: Account, window: Window, key_account: bool) -> Item | None:
    """The row for one customer (``kacli why``); None if nothing is due in ``window``
    (``Window.of(today, until, rules)``)."""
    today, rules = window.today, window.rules
    grade = grade_of(account, today, rules)
    reasons = reasons_for(account, grade, window, gets_festivals(key_account, grade, rules))
    if not reasons:
        return None
    if len(reasons) > 1:
        rank = window.rank
        reasons.sort(key=lambda r: (r.due, rank[r.code]))
    due = reasons[0].due
    contact = choose_contact(account.contacts, reasons)
    term_inputs = _term_inputs(account, grade, key_account, due, reasons, window)
    score = 0.0
    for _, value, weight in term_inputs:
        score += value * weight
    return Item(
        customer=account.name,
        customer_id=account.id,
        contact=contact.name if contact else None,
        contact_id=contact.id if contact else None,
        phone=contact.phone if contact else None,
        grade=grade,
        key_account=key_account,
        due=due,
        overdue_days=max(0, (today - due).days),
        score=round(score, 2),
        action=suggested_action(reasons, today),
        reasons=tuple(reasons),
        term_inputs=term_inputs,
    )


def grade_of(account: Account, today: dt.date, rules: Rules) -> str | None:
    """The grade in force: the manual one, else the rules' (as ``effective_grade``, without
    building its explanation — this runs once per customer on every list)."""
    if account.manual_grade:
        return account.manual_grade
    if account.kind == "person":
        return grade_person(account.buy_within, account.expected_purchase, today, rules)
    return grade_org(account.purchase_cycle, account.batch, rules, account.order_history)


def explain(item: Item) -> list[Term]:
    """Each score term as (term, value, weight, contribution); contributions sum to the score.

    Terms whose value is zero are left out, as in taskwarrior's ``information`` report."""
    return list(item.terms)


def suggested_action(reasons: Iterable[Reason], today: dt.date | None = None) -> str:
    """What to do about the row. A visit already planned in the window covers the rest; otherwise
    only the reasons already due (by ``today``) have a say when there are any: an overdue call
    is not put off for a festival gift eleven days ahead."""
    reasons = reasons if isinstance(reasons, (list, tuple)) else list(reasons)
    codes = {r.code for r in reasons}
    if "planned_visit" in codes:
        return "visit"
    if today is not None:
        due = {r.code for r in reasons if r.due <= today}
        codes = due or codes
    wanted = {ACTION_FOR_REASON[code] for code in codes}
    return next(action for action in ACTION_ORDER if action in wanted)


def choose_contact(contacts: tuple[Contact, ...], reasons: list[Reason]) -> Contact | None:
    """Whom to call: the contact the most pressing reason names, else the primary contact,
    else a decision maker, else the one met last, else the first one added (lowest id wins
    ties)."""
    if not contacts:
        return None
    for reason in reasons:  # already most pressing first
        if reason.contact_id is not None:
            for c in contacts:
                if c.id == reason.contact_id:
                    return c
    ordered = sorted(contacts, key=lambda c: c.id) if len(contacts) > 1 else contacts
    for c in ordered:
        if c.is_primary:
            return c
    for c in ordered:
        if "decision_maker" in c.roles:
            return c
    met = [c for c in ordered if c.last_met is not None]
    if met:
        return max(met, key=lambda c: (c.last_met, -c.id))
    return ordered[0]


def _term_inputs(
    account: Account,
    grade: str | None,
    key_account: bool,
    due: dt.date,
    reasons: list[Reason],
    window: Window,
) -> tuple[tuple[str, float, float], ...]:
    """(name, value, weight) of each score term with a value; reasons count once per kind
    (ten unpaid instalments are one worry, and the money term already weighs them)."""
    rules = window.rules
    cap = rules.overdue_cap_days
    overdue = max(-cap, min(cap, (window.today - due).days))
    money = min(_money_at_stake(account, reasons) / 1_000_000, rules.money_cap_wan)
    out = [("grade", 1.0, rules.weight_grade.get(grade, rules.weight_ungraded))]
    if key_account:
        out.append(("key_tier", 1.0, rules.weight_key_tier))
    if overdue:
        out.append(("overdue_days", float(overdue), rules.weight_overdue_day))
    if money:
        out.append(("money_wan", round(money, 2), rules.weight_money_wan))
    seen = set()
    for reason in reasons:
        if reason.code not in seen:
            seen.add(reason.code)
            out.append(window.terms[reason.code])
    return tuple(out)


def _money_at_stake(account: Account, reasons: list[Reason]) -> int:
    """Open deals' amounts plus unpaid instalments due of deals no longer open (a won deal's
    remainder); an open deal's own instalments are part of its amount already."""
    total = 0
    for deal in account.deals:
        total += deal.amount_fen or 0
    if account.instalments:
        open_ids = {d.id for d in account.deals}
        for reason in reasons:
            if reason.code.startswith("payment_") and reason.params["deal_id"] not in open_ids:
                total += reason.params["outstanding_fen"]
    return total


def _key_ids(key_tier: Mapping[int, KeyShare] | Collection[int]) -> frozenset[int]:
    if isinstance(key_tier, Mapping):
        return frozenset(i for i, place in key_tier.items() if place.key)
    return frozenset(key_tier)
