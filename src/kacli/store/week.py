"""What the week list reads: every customer as a :class:`kacli.domain.week_input.Account`.

A handful of set-based queries per range of a few thousand customers (never one per customer),
read as plain tuples: ``kacli week`` over ten thousand customers and half a million visits must
stay close to the cost of the bare cadence query. Only what the list can use is read:

- next actions and instalments due by the window's last day, visits planned inside it;
- the contacts a row can name (``kacli.domain.week.choose_contact``): primary contacts, those a
  next action or planned visit names, those with a birthday in the window, and every contact of
  a customer with no primary contact (whom to call then depends on roles and on who was met
  last; the date each was last met is read only where there is no decision maker either);
- the won orders of organisations whose purchase cycle or batch is not stated (their grade is
  derived from the order history).

Dates are read once per distinct text: a dossier holds a few thousand distinct days.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import namedtuple
from collections.abc import Iterable

from kacli.domain import week_input
from kacli.domain.calendar import lunar_to_solar
from kacli.domain.week_reasons import LATE_STAGES, Window
from kacli.store.db import Db


def _mirror(cls):
    """A named tuple with the fields and defaults of the snapshot class ``cls``.

    The week list reads its snapshots by attribute only, and a frozen dataclass costs five to ten
    times more to make than a named tuple: over fifty thousand snapshots that is most of the
    loading time. (``tests/test_week_store.py`` checks the list is the same either way.)
    """
    fields = dataclasses.fields(cls)
    defaults = [f.default for f in fields if f.default is not dataclasses.MISSING]
    return namedtuple(cls.__name__, [f.name for f in fields], defaults=defaults)


Account = _mirror(week_input.Account)
Contact = _mirror(week_input.Contact)
Deal = _mirror(week_input.Deal)
Instalment = _mirror(week_input.Instalment)
NextAction = _mirror(week_input.NextAction)
PlannedVisit = _mirror(week_input.PlannedVisit)
RoleCover = _mirror(week_input.RoleCover)


class _Days(dict):
    """ISO text -> date, parsed once per distinct text."""

    def __missing__(self, text: str) -> dt.date:
        day = self[text] = dt.date.fromisoformat(text)
        return day


def _ints(ids: Iterable[int]) -> str:
    """A literal list for ``IN (...)``: the ids are ints from the dossier, never user text."""
    return ",".join(str(int(i)) for i in ids)


def _rows(db: Db, sql: str, **params) -> list[tuple]:
    """Plain tuples rather than sqlite3.Row: tens of thousands of rows, read by position."""
    cursor = db.conn.cursor()
    cursor.row_factory = None
    return cursor.execute(sql, params).fetchall()


def chunks(db: Db, size: int) -> list[tuple[int, int]]:
    """The customers' ids cut into ranges of ``size`` customers (first and last id, inclusive):
    the list is made a range at a time, so memory stays flat however large the dossier."""
    ids = [r[0] for r in _rows(db, "SELECT id FROM customer ORDER BY id")]
    return [(ids[i], ids[min(i + size, len(ids)) - 1]) for i in range(0, len(ids), size)]


def accounts(db: Db, window: Window, first: int, last: int) -> list[Account]:
    """The customers with ids ``first`` through ``last`` as the week list sees them, by id."""
    days = _Days()
    today, until = window.today, window.until
    span = {"lo": first, "hi": last}
    customers = _rows(db, """
        SELECT c.id, c.name, c.kind, date(c.created_at, 'localtime'), c.grade_manual, c.buy_within,
               c.expected_purchase, c.purchase_cycle, c.batch,
               (SELECT max(v.date) FROM visit v WHERE v.customer_id = c.id AND v.planned = 0)
        FROM customer c WHERE c.id BETWEEN :lo AND :hi ORDER BY c.id""", **span)
    actions = _next_actions(db, until, span, days)
    visits = _planned_visits(db, today, until, span, days)
    named = {a.contact_id for items in actions.values() for a in items if a.contact_id}
    named.update(c for items in visits.values() for v in items for c in v.contact_ids[:1])
    people = _contacts(db, window, span, named, [c[0] for c in customers])
    deals, orders, instalments = _deals(db, until, span, days)
    out = []
    for (cid, name, kind, created, manual, buy_within, expected, cycle, batch, last_met) in customers:
        # A customer "added" after a pinned --today counts as added that day.
        added = min(days[created], today) if created else today
        history = ()
        if kind == "org" and not manual and not (cycle and batch):
            history = orders.get(cid, ())
        out.append(Account(
            cid, name, kind, added, days[last_met] if last_met else None, manual, buy_within,
            days[expected] if expected else None, cycle, batch, history,
            people.get(cid, ()), actions.get(cid, ()), visits.get(cid, ()), deals.get(cid, ()),
            instalments.get(cid, ()),
        ))
    return out


def _next_actions(db: Db, until: dt.date, span: dict, days: _Days) -> dict[int, tuple[NextAction, ...]]:
    rows = _rows(db, """
        SELECT customer_id, id, text, due, contact_id, kind FROM next_action
        WHERE customer_id BETWEEN :lo AND :hi AND done_on IS NULL AND due <= :until
        ORDER BY due, id""", until=until.isoformat(), **span)
    out: dict[int, list] = {}
    for cid, action_id, text, due, contact_id, kind in rows:
        out.setdefault(cid, []).append(NextAction(action_id, text, days[due], contact_id, kind))
    return {cid: tuple(items) for cid, items in out.items()}


def _planned_visits(db: Db, today: dt.date, until: dt.date, span: dict,
                    days: _Days) -> dict[int, tuple[PlannedVisit, ...]]:
    # CROSS JOIN keeps customers outside, so each customer's planned visits are one index range.
    rows = _rows(db, """
        SELECT v.customer_id, v.id, v.date, COALESCE(v.purpose, ''),
               (SELECT group_concat(contact_id) FROM
                   (SELECT contact_id FROM visit_contact WHERE visit_id = v.id ORDER BY contact_id))
        FROM customer c CROSS JOIN visit v
        WHERE c.id BETWEEN :lo AND :hi AND v.customer_id = c.id AND v.planned = 1
              AND v.date >= :today AND v.date <= :until
        ORDER BY v.date, v.id""", today=today.isoformat(), until=until.isoformat(), **span)
    out: dict[int, list] = {}
    for cid, visit_id, day, purpose, people in rows:
        ids = tuple(int(i) for i in people.split(",")) if people else ()
        out.setdefault(cid, []).append(PlannedVisit(visit_id, days[day], purpose, ids))
    return {cid: tuple(items) for cid, items in out.items()}


_CONTACT = """SELECT id, customer_id, name, json_extract(phones, '$[0]'), is_primary, roles,
                     birth_month, birth_day, birthday_lunar, birthday_leap
              FROM contact WHERE forgotten_at IS NULL"""


def _contacts(db: Db, window: Window, span: dict, named: set[int],
              customer_ids: list[int]) -> dict[int, tuple[Contact, ...]]:
    solar, lunar_months = _birthday_prefilter(window)
    rows = _rows(db, f"""{_CONTACT} AND customer_id BETWEEN :lo AND :hi
        AND (is_primary = 1 OR id IN ({_ints(named)})
             OR (birthday_lunar = 0 AND birth_month * 100 + birth_day IN ({_ints(solar)}))
             OR (birthday_lunar = 1 AND birth_month IN ({_ints(lunar_months)})))""", **span)
    found = {r[0]: r for r in rows}
    with_primary = {r[1] for r in rows if r[4]}
    no_primary = [cid for cid in customer_ids if cid not in with_primary]
    if no_primary:
        for r in _rows(db, f"{_CONTACT} AND customer_id IN ({_ints(no_primary)})"):
            found[r[0]] = r
    roles_of = _RolesCache()
    no_primary_set = set(no_primary)
    without_dm = {r[1] for r in found.values() if r[1] in no_primary_set} - {
        r[1] for r in found.values() if "decision_maker" in roles_of[r[5]]}
    last_met = _last_met(db, [r[0] for r in found.values() if r[1] in without_dm])
    out: dict[int, list] = {}
    for (contact_id, cid, name, phone, primary, roles, month, day, lunar, leap) in found.values():
        keep = primary or contact_id in named or cid in no_primary_set
        if month is not None and day is not None and window.birthdays(month, day, bool(lunar), bool(leap)):
            keep = True
        else:
            month = day = None  # the birthday is not in the window: nothing for the list to say
        if keep:
            out.setdefault(cid, []).append(Contact(
                contact_id, name, phone, bool(primary), roles_of[roles], last_met.get(contact_id),
                month, day, bool(lunar), bool(leap)))
    return {cid: tuple(sorted(items, key=lambda c: c.id)) for cid, items in out.items()}


class _RolesCache(dict):
    """Roles JSON text -> tuple: a dossier holds only a few dozen distinct combinations."""

    def __missing__(self, text: str) -> tuple[str, ...]:
        roles = self[text] = tuple(json.loads(text or "[]"))
        return roles


def _birthday_prefilter(window: Window) -> tuple[list[int], list[int]]:
    """Solar birthdays (month * 100 + day) kept in the window, and the lunar months that overlap
    it; the window itself decides each contact afterwards, so a wider lunar filter costs little."""
    solar = [m * 100 + d for m in range(1, 13) for d in range(1, 32)
             if _exists(m, d) and window.birthdays(m, d, False, False)]
    months = set()
    for year in range(window.today.year - 1, window.until.year + 1):
        for month in range(1, 13):
            try:
                start = lunar_to_solar(year, month, 1)
                end = lunar_to_solar(year + (month == 12), month % 12 + 1, 1)
            except ValueError:
                continue  # outside the lunar tables: no lunar birthday there
            if start <= window.until and end > window.today:  # a leap month lies inside this span
                months.add(month)
    return solar, sorted(months)


def _exists(month: int, day: int) -> bool:
    return day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


def _last_met(db: Db, contact_ids: list[int]) -> dict[int, dt.date]:
    if not contact_ids:
        return {}
    rows = _rows(db, f"""
        SELECT vc.contact_id, max(v.date) FROM visit_contact vc JOIN visit v ON v.id = vc.visit_id
        WHERE v.planned = 0 AND vc.contact_id IN ({_ints(contact_ids)}) GROUP BY vc.contact_id""")
    return {contact_id: dt.date.fromisoformat(day) for contact_id, day in rows}


def _deals(db: Db, until: dt.date, span: dict, days: _Days):
    """Open deals with their buying centres, won orders, and instalments still owed by ``until``."""
    rows = _rows(db, """
        SELECT d.id, d.customer_id, d.outcome, d.title, d.stage, COALESCE(d.price, d.amount),
               d.expected_close, d.closed_on,
               CASE WHEN d.outcome = 'open' THEN COALESCE(
                   (SELECT e.on_date FROM deal_event e WHERE e.deal_id = d.id AND e.to_stage = d.stage
                    ORDER BY e.on_date DESC, e.id DESC LIMIT 1),
                   date(d.created_at, 'localtime')) END
        FROM deal d WHERE d.customer_id BETWEEN :lo AND :hi AND d.outcome != 'lost' ORDER BY d.id""", **span)
    late = ",".join(f"'{stage}'" for stage in LATE_STAGES)
    covers: dict[int, list] = {}
    # A deal's own attitude wins; else the contact's (as kacli.store.deals.roles reads them).
    for deal_id, contact_id, role, attitude in _rows(db, f"""
            SELECT r.deal_id, r.contact_id, r.role, COALESCE(r.attitude, c.attitude)
            FROM deal d JOIN deal_role r ON r.deal_id = d.id JOIN contact c ON c.id = r.contact_id
            WHERE d.customer_id BETWEEN :lo AND :hi AND d.outcome = 'open' AND d.stage IN ({late})
            ORDER BY r.id""", **span):
        covers.setdefault(deal_id, []).append(RoleCover(contact_id, role, attitude))
    deals: dict[int, list] = {}
    orders: dict[int, list] = {}
    titles: dict[int, tuple[int, str]] = {}
    for deal_id, cid, outcome, title, stage, amount, closing, closed, entered in rows:
        titles[deal_id] = (cid, title)
        if outcome == "open":
            deals.setdefault(cid, []).append(Deal(
                deal_id, title, stage, days[entered], amount, days[closing] if closing else None,
                tuple(covers.get(deal_id, ()))))
        elif closed:
            orders.setdefault(cid, []).append((days[closed], amount or 0))
    owed = _owed(db, until, titles, span, days)
    return ({cid: tuple(items) for cid, items in deals.items()},
            {cid: tuple(sorted(items)) for cid, items in orders.items()}, owed)


def _owed(db: Db, until: dt.date, titles: dict[int, tuple[int, str]], span: dict,
          days: _Days) -> dict[int, tuple[Instalment, ...]]:
    """Instalments due by ``until`` with money still owed.

    Payments pay a deal's instalments oldest due first, whenever the money arrived (the rule of
    ``kacli.domain.receivables.allocate``, applied here to plain rows: its dataclasses cost more
    than the queries over thousands of deals; ``tests/test_week_store.py`` checks both agree). The
    oldest instalments take the money first, so those due after ``until`` need not be read.
    """
    paid = dict(_rows(db, """SELECT p.deal_id, SUM(p.amount) FROM payment p JOIN deal d ON d.id = p.deal_id
                             WHERE d.customer_id BETWEEN :lo AND :hi AND d.outcome != 'lost'
                             GROUP BY p.deal_id""", **span))
    out: dict[int, list] = {}
    deal_now, left = None, 0
    for deal_id, inst_id, due, amount in _rows(db, """
            SELECT i.deal_id, i.id, i.due, i.amount FROM instalment i JOIN deal d ON d.id = i.deal_id
            WHERE d.customer_id BETWEEN :lo AND :hi AND d.outcome != 'lost' AND i.due <= :until
            ORDER BY i.deal_id, i.due, i.id""", until=until.isoformat(), **span):
        if deal_id != deal_now:
            deal_now, left = deal_id, paid.get(deal_id, 0)
        covered = min(left, amount)
        left -= covered
        if covered < amount:
            cid, title = titles[deal_id]
            out.setdefault(cid, []).append(Instalment(deal_id, days[due], amount - covered, title, inst_id))
    return {cid: tuple(items) for cid, items in out.items()}
