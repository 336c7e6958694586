"""Who to call this week: the week list as a pure function of account snapshots.

The store reads one :class:`Account` per customer; :func:`build_week` returns one :class:`Item`
per customer with something due from ``today`` through ``today + days - 1``, most urgent first.
Each item carries its reasons as codes with parameters (the words come later, from the message
catalogue in the user's language) and the terms of its priority score, so ``kacli why`` can show
how the score was made, like taskwarrior's urgency.

Reason codes, when each is raised and what its ``due`` is:

- ``never_contacted``: no visit ever logged; due the day the customer was added, or the day
  its first call was scheduled (a ``first_call`` next action).
- ``cadence``: last contact + the grade's revisit interval is on or before the window's last
  day; due that day (the Friday before when it is a weekend). Counted from the last logged
  contact that got through, never from a reminder. A call due before a visit booked in the
  coming week is due on the visit's day (``week_reasons.booked_from``).
- ``next_action`` / ``after_sale``: an open next action (kind ``next`` / ``after_sale``) due in
  the window or before it.
- ``planned_visit``: a planned visit in the window, or one whose day passed without being
  recorded as done (due on its day, until it is done or removed).
- ``birthday``: a contact's birthday (solar or lunar) in the window, unless a greeting or gift
  was logged with them from ``birthday_care_days`` before it (on an individual, one logged with
  nobody named is with the customer themself).
- ``festival``: a festival at most ``festival_lead_days`` after the window's last day and not
  passed, for key-tier customers and the grades the rules name, unless a greeting or gift was
  logged with anyone at the customer inside the lead days; due ``festival_send_days_before``
  days before the festival (gifts are chosen and sent ahead), or the day the customer qualified
  when that was later.
- ``deal_closing``: an open deal's expected close in the window or passed.
- ``deal_stalled``: an open deal that is, or will be by the window's last day, more days in its
  stage than the stage allows; due the first stalled day.
- ``roles_uncovered``: an organisation's open deal at negotiate or later whose buying centre
  (the deal's roles, and the roles on the customer's contacts) has no decision maker, or no
  supporter and no coach; due today (a risk to act on now, not a dated task).
- ``decision_maker_not_met``, ``decision_maker_opposed``, ``single_threaded``: a deal's other
  risks, due today (``kacli.domain.deal_risks`` decides every one of them).
- ``payment_due`` / ``payment_overdue``: an unpaid instalment due in the window / already past;
  whom to call is the deal's buyer, else a buyer at the customer, else the decision maker.
- ``key_tier_changed``: news, told on the day the customer joined or left the key tier, unless
  it was contacted that day; never overdue, never the row's action.

A row is listed for a window only when it is due inside it; its reasons are said as of the day
it is due.

Dormant and lost customers get no courtesy reasons (never contacted, cadence, birthday,
festival); what they owe, open next actions and planned visits still show.

Rows are in the order a day is worked through: overdue first, then today, then each later day
in date order; by score within each (:func:`order_key`).

The score is a weighted sum, every weight a setting in the rules file: the grade's weight (or
the ungraded one), the key-tier weight, days overdue times a weight (capped, and negative while
the row is still ahead), money at stake in 万 yuan times a weight (capped), and one weight for
each kind of reason present.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from typing import NamedTuple

from kacli.domain.deal_risks import PEOPLE_STAGES
from kacli.domain.grading import KeyShare, bought_since, grade_org, grade_person
from kacli.domain.rules import Rules
from kacli.domain.sales import chance, weighted
from kacli.domain.week_input import Account, Contact
from kacli.domain.week_reasons import (
    BOOKED_VISIT_DAYS,
    Reason,
    Window,
    booked_visit,
    festivals_since,
    reasons_for,
    said_as_of,
)

__all__ = [
    "ACTION_FOR_REASON", "ACTION_ORDER", "Item", "Reason", "Term", "Window", "build_week",
    "choose_contact", "explain", "grade_of", "horizon", "meetings_matter", "order_key", "suggested_action",
    "week_item", "week_list",
]

LOOK_AHEAD_DAYS = 366
INFORMATIONAL = frozenset({"key_tier_changed"})

# The suggested action is the first of these that any of the row's reasons already due calls
# for (all of them when none is due yet): a visit beats everything (the rest can be done during
# it), money owed comes next.
ACTION_ORDER = ("visit", "collect", "gift", "greet", "follow_up", "call", "note")
ACTION_FOR_REASON = {
    "planned_visit": "visit", "deal_closing": "visit", "roles_uncovered": "visit",
    "payment_due": "collect", "payment_overdue": "collect",
    "festival": "gift", "birthday": "greet",
    "next_action": "follow_up", "after_sale": "follow_up",
    "never_contacted": "call", "cadence": "call", "deal_stalled": "call",
    "delivery": "visit", "decision_maker_opposed": "visit", "key_tier_changed": "note",
    "decision_maker_not_met": "visit", "single_threaded": "visit",
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
    *,
    only_due: bool = False,
) -> list[Item]:
    """Every customer with something due from ``today`` through ``today + days - 1``, in
    :func:`order_key`'s order. ``key_tier`` is :func:`kacli.domain.grading.key_tier`'s result
    or a set of key-tier ids; ``only_due`` keeps only the reasons due by the window's last day
    (``kacli remind``: no festival a fortnight ahead in tonight's mail)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    window = Window.of(today, today + dt.timedelta(days=days - 1), rules)
    return week_list(accounts, window, _key_ids(key_tier), only_due=only_due)[0]


def week_list(
    accounts: Iterable[Account], window: Window, keys: Collection[int], *,
    ahead: Window | None = None, only_due: bool = False,
    key_changes: Mapping[int, tuple[dt.date, bool]] | None = None,
) -> tuple[list[Item], list[Item]]:
    """The rows due in ``window`` (:func:`order_key`'s order) and, with ``ahead`` (a longer
    window from the same day, see :func:`horizon`), every other customer at the first date
    something is due for them (soonest first, then by score). ``key_changes``: customers who
    joined (True) or left the key tier lately, and the day (``kacli.domain.key_tier_moves.key_tier_changes``)."""
    today = window.today
    items: list[Item] = []
    later: list[Item] = []
    for account in accounts:
        key = account.id in keys
        changed = key_changes.get(account.id) if key_changes else None
        item = week_item(account, window, key, only_due=only_due, key_change=changed)
        if item is not None:
            items.append(item)
        elif ahead is not None and (found := week_item(account, ahead, key, first_day=True)) is not None:
            later.append(found)
    items.sort(key=lambda i: order_key(i, today))
    later.sort(key=lambda i: (i.due, -i.score, i.customer_id))
    return items, later


def gets_festivals(key_account: bool, grade: str | None, rules: Rules) -> bool:
    """Festival greetings go to the key tier and to the festival grades (O and A by default)."""
    return (key_account and rules.festival_for_key_tier) or grade in rules.festival_grades


def order_key(item: Item, today: dt.date) -> tuple:
    """Overdue rows first, then today's, then each later day in date order; by score (highest
    first) within each, then by customer id so equal rows keep their order between runs. All
    overdue rows are one group: the most important late thing comes first, not the oldest."""
    due = item.due
    return (due if due > today else today, due >= today, -item.score, item.customer_id)


def horizon(today: dt.date, until: dt.date, rules: Rules) -> dt.date:
    """How far ``--all`` and ``customer show`` look for a customer's next due date: a year, or
    longer when a revisit interval is longer, so every cadence comes round once."""
    longest = max(*rules.person_revisit_days.values(), *rules.org_revisit_days.values(),
                  rules.ungraded_revisit_days, rules.person_after_purchase_days)
    return max(until, today + dt.timedelta(days=max(LOOK_AHEAD_DAYS, longest + 1)))


def week_item(account: Account, window: Window, key_account: bool, *,
              only_due: bool = False, first_day: bool = False,
              key_change: tuple[dt.date, bool] | None = None) -> Item | None:
    """The row for one customer (``kacli why``); None if nothing is due in ``window``
    (``Window.of(today, until, rules)``); ``only_due`` as in :func:`build_week`. With
    ``first_day`` (a customer's next due date far ahead: ``--all``, ``customer show``) the row is
    only what is due on its first day: a festival months away sets neither its action nor its
    score."""
    today, rules = window.today, window.rules
    bought = _bought(account)
    grade = grade_of(account, today, rules, bought)
    festivals = gets_festivals(key_account, grade, rules)
    since = festivals_since(account, grade, key_account, key_change, rules) if festivals else None
    reasons = reasons_for(account, grade, window, festivals, bought, key_account, since)
    if key_change is not None and (news := key_tier_news(account, key_change, today)) is not None:
        reasons.append(news)
    if only_due:
        until = window.until
        reasons = [r for r in reasons if r.due <= until]
    if not reasons:
        return None
    if len(reasons) > 1:
        rank = window.rank
        reasons.sort(key=lambda r: (r.due, rank[r.code]))
    due = reasons[0].due
    if due > window.until:
        return None  # a row shown for a window is due inside it; a gift due later waits
    if first_day:
        reasons = [r for r in reasons if r.due == due]
    reasons = said_as_of(reasons, max(today, due))
    contact = choose_contact(account.contacts, reasons)
    term_inputs = _term_inputs(account, grade, key_account, due, reasons, window)
    score = 0.0
    for _, value, weight in term_inputs:
        score += value * weight
    if contact is not None:
        whom, whom_id, phone = contact.name, contact.id, contact.phone or account.phone
    elif account.kind == "person":  # an individual with no contacts is whom to call
        whom, whom_id, phone = account.name, None, account.phone
    else:
        whom, whom_id, phone = None, None, account.phone
    return Item(
        customer=account.name,
        customer_id=account.id,
        contact=whom,
        contact_id=whom_id,
        phone=phone,
        grade=grade,
        key_account=key_account,
        due=due,
        overdue_days=max(0, (today - due).days),
        score=round(score, 2),
        action=suggested_action(reasons, today, booked=booked_visit(account, today) is not None),
        reasons=tuple(reasons),
        term_inputs=term_inputs,
    )


def grade_of(account: Account, today: dt.date, rules: Rules, bought: bool | None = None) -> str | None:
    """The grade in force: the manual one, else the rules' (as ``effective_grade``, without
    building its explanation — this runs once per customer on every list). An individual who
    bought since stating their intention is ungraded (after-purchase care)."""
    if account.manual_grade:
        return account.manual_grade
    if account.kind == "person":
        if bought is None:
            bought = _bought(account)
        return grade_person(account.buy_within, account.expected_purchase, today, rules, bought=bought)
    return grade_org(account.purchase_cycle, account.batch, rules, account.order_history, today=today)


def _bought(account: Account) -> bool:
    """An individual, not graded by hand, who won a deal since stating their intention."""
    return (account.kind == "person" and not account.manual_grade
            and bought_since(account.order_history, account.intention_stated))


def explain(item: Item) -> list[Term]:
    """Each score term as (term, value, weight, contribution); contributions sum to the score.

    Terms whose value is zero are left out, as in taskwarrior's ``information`` report."""
    return list(item.terms)


def key_tier_news(account: Account, change: tuple[dt.date, bool], today: dt.date) -> Reason | None:
    """Joining or leaving the key tier is news, not a task: told on the day it happens (never
    overdue), and not once the customer has been contacted since."""
    day, joined = change
    if day != today or (account.last_contact is not None and account.last_contact >= day):
        return None
    return Reason("key_tier_changed", day, {"joined": joined, "date": day})


def suggested_action(reasons: Iterable[Reason], today: dt.date | None = None, *,
                     booked: bool = False) -> str:
    """What to do about the row. A visit booked in the coming week (``booked``, or a planned
    visit on the row within ``BOOKED_VISIT_DAYS`` or missed) covers the rest, whatever the
    window, so ``remind`` and ``week`` agree; otherwise only the reasons already due (by
    ``today``, or on the row's first day when it is ahead) have a say: an overdue call is not put
    off for a festival gift eleven days ahead. News alone (``key_tier_changed``) is only to
    ``note``."""
    reasons = reasons if isinstance(reasons, (list, tuple)) else list(reasons)
    everything = {r.code for r in reasons}
    if booked:
        return "visit"
    if "planned_visit" in everything:
        last = today + dt.timedelta(days=BOOKED_VISIT_DAYS - 1) if today is not None else None
        if last is None or any(r.code == "planned_visit" and r.due <= last for r in reasons):
            return "visit"
    codes = everything - INFORMATIONAL
    if not codes:
        return "note"
    if today is not None and reasons:
        # What is due by today, else what is due on the row's first day: the reasons a shorter
        # window (``remind``) also holds, so both give the row one action.
        first = max(today, min(r.due for r in reasons))
        due = {r.code for r in reasons if r.due <= first} & codes
        codes = due or codes
    wanted = {ACTION_FOR_REASON[code] for code in codes}
    return next(action for action in ACTION_ORDER if action in wanted)


def meetings_matter(account: Account) -> bool:
    """Whether the customer's row depends on when each contact was last met
    (``Contact.last_met``): an organisation with an open deal at validate or later (its risks
    read whom we have met: ``deal_risks.PEOPLE_STAGES``), or several contacts with none primary and no decision
    maker (whom to call falls back to the one met last). Only these two rules read it, so the
    store looks up meetings for these customers alone: most rows never need them."""
    contacts = account.contacts
    if account.kind != "person" and any(d.stage in PEOPLE_STAGES for d in account.deals):
        return True
    return len(contacts) > 1 and not any(c.is_primary or "decision_maker" in c.roles for c in contacts)


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
    cap = rules.stalled_overdue_cap_days if reasons[0].code == "deal_stalled" else rules.overdue_cap_days
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
    """Open deals' weighted values (amount × chance to win: a 600万 deal at 10 % is a 60万 deal
    for urgency) plus unpaid instalments due of deals no longer open (a won deal's remainder); an
    open deal's own instalments are part of its value already."""
    total = 0
    for deal in account.deals:
        if deal.amount_fen:
            total += weighted(deal.amount_fen, chance(deal.stage, deal.chance)) or 0
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
