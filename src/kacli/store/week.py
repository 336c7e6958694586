"""What the week list reads: every customer as a :class:`kacli.domain.week_input.Account`.

The store reads rows; the rules (which reasons, whom to call, what is owed, which grade) are
``kacli.domain.week``'s alone. A handful of set-based queries per range of a few thousand
customers (never one per customer), read as plain tuples. Only what the window can use is read:

- next actions and instalments due by the window's last day, visits still planned up to it;
- greetings and gifts logged since the earliest day one could settle a birthday or festival in
  the window;
- nothing that happened after ``today``: with ``--today`` in the past, visits, payments, won or
  lost deals, stage moves and actions done after that day are not counted, so the list reads as
  it stood that day.

Dates are read once per distinct text: a dossier holds a few thousand distinct days.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from kacli.domain.relationship import NOT_CONTACT_KINDS
from kacli.domain.sales import stage_entered
from kacli.domain.week import meetings_matter
from kacli.domain.week_input import (
    Account,
    CareVisit,
    Contact,
    Deal,
    Delivery,
    Instalment,
    NextAction,
    PlannedVisit,
    RoleCover,
)
from kacli.domain.week_reasons import BOOKED_VISIT_DAYS, CARE_KINDS, Window
from kacli.store.db import Days, Db, LocalDays, id_list
from kacli.store.history import INTENTION_STATED
from kacli.store.stage_entered import last_touch

# Visit kinds that are recorded but are no contact (a call nobody answered), as SQL.
NOT_CONTACT = ",".join(f"'{kind}'" for kind in NOT_CONTACT_KINDS)


class _Json(dict):
    """JSON list text -> tuple: a dossier holds only a few dozen distinct role combinations."""

    def __missing__(self, text: str) -> tuple[str, ...]:
        roles = self[text] = tuple(json.loads(text or "[]"))
        return roles


def _first_phone(phones: str | None) -> str | None:
    """The first number of a JSON list of phone numbers, as kept; None for none. The list is
    usually one plain number, read without decoding the whole list."""
    if not phones or phones == "[]":
        return None
    if phones.startswith('["'):
        end = phones.find('"', 2)
        if end > 0 and "\\" not in phones[2:end]:
            return phones[2:end]
    listed = json.loads(phones)
    return listed[0] if listed else None


def _grouped(rows: Iterable[tuple], make) -> dict[int, tuple]:
    out: dict[int, list] = {}
    for row in rows:
        out.setdefault(row[0], []).append(make(row))
    return {cid: tuple(items) for cid, items in out.items()}


def chunks(db: Db, size: int) -> list[tuple[int, int]]:
    """The customers' ids cut into ranges of ``size`` customers (first and last id, inclusive):
    the list is made a range at a time, so memory stays flat however large the dossier."""
    ids = [r[0] for r in db.tuples("SELECT id FROM customer ORDER BY id")]
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


def accounts(db: Db, window: Window, first: int, last: int) -> list[Account]:
    """The customers with ids ``first`` through ``last`` as the week list sees them, by id."""
    days = Days()
    today, until = window.today, window.until
    span = {"lo": first, "hi": last, "today": today.isoformat(), "until": until.isoformat()}
    # A weekend's after-sale call is due the Friday before, and a visit booked in the coming week
    # settles the call before it, whatever the window: read that far.
    ahead = {"actions_until": (until + dt.timedelta(days=2)).isoformat(),
             "visits_until": max(until, today + dt.timedelta(days=BOOKED_VISIT_DAYS - 1)).isoformat()}
    # The day a customer was added is the day in the user's calendar (read after), which is at
    # most a day from the instant's own UTC day: read up to tomorrow's, then keep those whose
    # earlier day is today's or before.
    customers = db.tuples(f"""
        SELECT c.id, c.name, c.kind, c.created_at, c.grade_manual, c.buy_within,
               c.expected_purchase, c.purchase_cycle, c.batch,
               (SELECT max(v.date) FROM visit v
                WHERE v.customer_id = c.id AND v.planned = 0 AND v.date <= :today
                      AND v.kind NOT IN ({NOT_CONTACT})),
               c.status, c.phones
        FROM customer c WHERE c.id BETWEEN :lo AND :hi AND substr(c.created_at, 1, 10) <= :tomorrow
        ORDER BY c.id""", **span, tomorrow=(today + dt.timedelta(days=1)).isoformat())
    stated = _intentions(db, span, days)
    # "+contact_id": not the contact index, whose NULL entries are every customer's own changes
    # (read for each range of customers, the list grew with the square of the dossier).
    regraded = dict(db.tuples("""
        SELECT customer_id, max(substr(at, 1, 10)) FROM change
        WHERE customer_id BETWEEN :lo AND :hi AND +contact_id IS NULL AND substr(at, 1, 10) <= :today
              AND field IN ('grade_manual', 'purchase_cycle', 'batch', 'buy_within', 'expected_purchase', 'kind')
        GROUP BY customer_id""", **span))
    actions = _grouped(db.tuples("""
        SELECT customer_id, id, text, due, contact_id, kind FROM next_action
        WHERE customer_id BETWEEN :lo AND :hi AND (done_on IS NULL OR done_on > :today)
              AND (due <= :actions_until OR kind = 'first_call') ORDER BY due, id""", **span, **ahead),
        lambda r: NextAction(r[1], r[2], days[r[3]], r[4], r[5]))
    planned = _grouped(_visits(db, "v.planned = 1 AND v.date <= :visits_until", {**span, **ahead}),
                       lambda r: PlannedVisit(r[1], days[r[2]], r[3], r[5]))
    rules = window.rules
    since = today - dt.timedelta(days=max(rules.festival_lead_days, rules.birthday_care_days))
    care = _grouped(_visits(db, f"""v.planned = 0 AND v.date >= :since AND v.date <= :today
                                    AND v.kind IN ({','.join(f"'{k}'" for k in CARE_KINDS)})""",
                            {**span, "since": since.isoformat()}),
                    lambda r: CareVisit(days[r[2]], r[5]))
    people = _contacts(db, span, days)
    deals, deliveries, orders, instalments, paid = _deals(db, span, days)
    out = []
    local = LocalDays()
    for (cid, name, kind, created, manual, buy_within, expected, cycle, batch, last_met, status,
         phones) in customers:
        if created:
            added = local[created]
            if added > today and created[:10] > today.isoformat():
                continue
            # A customer "added" after a pinned --today counts as added that day.
            added = min(added, today)
        else:
            added = today
        out.append(Account(
            cid, name, kind, added, days[last_met] if last_met else None, manual, buy_within,
            days[expected] if expected else None, cycle, batch, orders.get(cid, ()),
            people.get(cid, ()), actions.get(cid, ()), planned.get(cid, ()), deals.get(cid, ()),
            instalments.get(cid, ()), status, _first_phone(phones), stated.get(cid), care.get(cid, ()),
            paid.get(cid, ()), deliveries.get(cid, ()),
            days[regraded[cid]] if cid in regraded else None,
        ))
    return _with_meetings(db, out, span["today"], days)


def _intentions(db: Db, span: dict, days: Days) -> dict[int, dt.date]:
    """The day each individual's purchase intention was last stated (set, not cleared), up to
    today; the day the customer was added when the history has no such change."""
    rows = db.tuples(INTENTION_STATED.format(where="AND c.id BETWEEN :lo AND :hi"), **span)
    return {cid: days[day] for cid, day in rows if day}


def _visits(db: Db, where: str, params: dict) -> list[tuple]:
    """(customer id, visit id, date, purpose, kind, contact ids) of the visits ``where`` says."""
    # CROSS JOIN keeps customers outside, so each customer's visits are one index range.
    rows = db.tuples(f"""
        SELECT v.customer_id, v.id, v.date, COALESCE(v.purpose, ''), v.kind
        FROM customer c CROSS JOIN visit v
        WHERE c.id BETWEEN :lo AND :hi AND v.customer_id = c.id AND {where}
        ORDER BY v.date, v.id""", **params)
    if not rows:
        return []
    met: dict[int, list[int]] = {}
    for visit_id, contact_id in db.tuples(f"""
            SELECT visit_id, contact_id FROM visit_contact WHERE visit_id IN ({id_list(r[1] for r in rows)})
            ORDER BY contact_id"""):
        met.setdefault(visit_id, []).append(contact_id)
    return [(*r, tuple(met.get(r[1], ()))) for r in rows]


def _contacts(db: Db, span: dict, days: Days) -> dict[int, tuple[Contact, ...]]:
    """Every contact of the customers in ``span`` (whom to call and the buying centre need all
    of them), without the day each was last met (:func:`_with_meetings`)."""
    rows = db.tuples("""
        SELECT c.customer_id, c.id, c.name, c.phones, c.is_primary, c.roles,
               c.birth_month, c.birth_day, c.birthday_lunar, c.birthday_leap, c.attitude
        FROM contact c WHERE c.customer_id BETWEEN :lo AND :hi AND c.forgotten_at IS NULL
        ORDER BY c.customer_id, c.id""", **span)
    roles = _Json()
    return _grouped(rows, lambda r: Contact(
        r[1], r[2], _first_phone(r[3]), bool(r[4]), roles[r[5]], None, r[6], r[7], bool(r[8]), bool(r[9]), r[10]))


def _with_meetings(db: Db, accounts: list[Account], today: str, days: Days) -> list[Account]:
    """``accounts`` with the day each contact was last met up to today, looked up only for the
    customers whose rows depend on it (``meetings_matter``): the lookup walks every visit of a
    contact, the costliest read of the list."""
    wanted = [a for a in accounts if a.contacts and meetings_matter(a)]
    if not wanted:
        return accounts
    ids = id_list(c.id for a in wanted for c in a.contacts)
    met = dict(db.tuples(f"""
        SELECT p.id, (SELECT max(v.date) FROM visit_contact vc JOIN visit v ON v.id = vc.visit_id
                      WHERE vc.contact_id = p.id AND v.planned = 0 AND v.date <= :today
                            AND v.kind NOT IN ({NOT_CONTACT}))
        FROM contact p WHERE p.id IN ({ids})""", today=today))
    filled = {a.id: a._replace(contacts=tuple(
        c._replace(last_met=days[met[c.id]]) if met.get(c.id) else c for c in a.contacts))
        for a in wanted}
    return [filled.get(a.id, a) for a in accounts]


def _deals(db: Db, span: dict, days: Days):
    """Open deals with their moves and buying centres, won orders, instalments due by the
    window's last day and what was paid on each deal by today. A deal won or lost after today
    is still open as of today."""
    rows = db.tuples(f"""
        SELECT d.id, d.customer_id, d.outcome, d.title, d.stage, COALESCE(d.price, d.amount),
               d.expected_close, d.closed_on, d.created_at, d.chance,
               CASE WHEN d.delivered_on IS NULL OR d.delivered_on > :today THEN d.delivery_date END,
               d.hold_until, {last_touch("d")}
        FROM deal d WHERE d.customer_id BETWEEN :lo AND :hi
              AND (d.outcome != 'lost' OR d.closed_on > :today) ORDER BY d.id""", **span)
    today = span["today"]
    # Stage moves only of the deals still open today: most deals are closed, and a closed deal's
    # moves are read by nothing here.
    open_ids = {r[0] for r in rows if r[2] == "open" or (r[7] is not None and r[7] > today)}
    moves: dict[int, list] = {}
    for deal_id, on_date, to_stage in db.tuples(f"""
            SELECT e.deal_id, e.on_date, e.to_stage FROM deal_event e
            WHERE e.deal_id IN ({id_list(sorted(open_ids))}) AND e.to_stage IS NOT NULL AND e.on_date <= :today
            ORDER BY e.id""", today=today):
        moves.setdefault(deal_id, []).append((days[on_date], to_stage))
    # Deals that count as of today: open ones, and won ones (orders; money may be due on them).
    titles = {r[0]: (r[1], r[3]) for r in rows if r[0] in open_ids or r[2] == "won"}
    due = db.tuples("""
            SELECT i.deal_id, i.id, i.due, i.amount, i.promised_on FROM instalment i JOIN deal d ON d.id = i.deal_id
            WHERE d.customer_id BETWEEN :lo AND :hi AND i.due <= :until ORDER BY i.deal_id, i.due, i.id""",
            **span)
    # Buying centres only of the deals still open and of those money is due on (whom to ask).
    wanted = sorted(open_ids | {r[0] for r in due if r[0] in titles})
    covers: dict[int, list] = {}
    for deal_id, contact_id, role, attitude in db.tuples(f"""
            SELECT r.deal_id, r.contact_id, r.role, r.attitude
            FROM deal_role r JOIN contact c ON c.id = r.contact_id
            WHERE r.deal_id IN ({id_list(wanted)}) AND c.forgotten_at IS NULL ORDER BY r.id"""):
        covers.setdefault(deal_id, []).append(RoleCover(contact_id, role, attitude))
    deals: dict[int, list] = {}
    added_on = LocalDays()
    orders: dict[int, list] = {}
    deliveries: dict[int, list] = {}
    for (deal_id, cid, outcome, title, stage, amount, closing, closed, created, chance, delivery,
         hold_until, touched) in rows:
        if delivery and delivery <= span["until"] and outcome != "lost":
            deliveries.setdefault(cid, []).append(Delivery(deal_id, title, days[delivery]))
        if deal_id in open_ids:
            deals.setdefault(cid, []).append(Deal(
                deal_id, title, stage, stage_entered(stage, tuple(moves.get(deal_id, ())), added_on[created]),
                amount, days[closing] if closing else None, tuple(covers.get(deal_id, ())), chance,
                days[touched] if touched else None, days[hold_until] if hold_until else None))
        elif outcome == "won" and closed:
            orders.setdefault(cid, []).append((days[closed], amount))  # None: amount unknown
    owed: dict[int, list] = {}
    for deal_id, inst_id, day, amount, promised in due:
        if deal_id in titles:
            cid, title = titles[deal_id]
            owed.setdefault(cid, []).append(Instalment(deal_id, days[day], amount, title, inst_id,
                                                       tuple(covers.get(deal_id, ())),
                                                       days[promised] if promised else None))
    paid: dict[int, list] = {}
    for deal_id, received in db.tuples("""
            SELECT p.deal_id, SUM(p.amount) FROM payment p JOIN deal d ON d.id = p.deal_id
            WHERE d.customer_id BETWEEN :lo AND :hi AND p.date <= :today GROUP BY p.deal_id""", **span):
        if deal_id in titles:
            paid.setdefault(titles[deal_id][0], []).append((deal_id, received))
    return ({cid: tuple(items) for cid, items in deals.items()},
            {cid: tuple(items) for cid, items in deliveries.items()},
            {cid: tuple(sorted(items)) for cid, items in orders.items()},
            {cid: tuple(items) for cid, items in owed.items()},
            {cid: tuple(items) for cid, items in paid.items()})
