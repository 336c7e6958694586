"""Deals (项目): reads on a ``Db``, writes on a ``UnitOfWork``.

A deal's stage moves and outcomes are kept in ``deal_event`` with their dates; the stage a deal
is in was entered on the date of its latest event with a ``to_stage``. "No competitor on this
deal", said explicitly, is kept as a ``deal_competitor`` row with an empty name (the schema has
no column for it); ``competitors()`` never returns that row.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from kacli.domain import sales
from kacli.errors import BadInput
from kacli.store import history
from kacli.store.db import Db
from kacli.store.stage_entered import ADDED, MOVES, added_day, with_entered

NO_COMPETITOR = ""  # the name of the row that says "nobody competes"
STAGES = sales.STAGES



def _dict(row) -> dict[str, Any]:
    return dict(zip(row.keys(), tuple(row), strict=True))


# ---- reads ----------------------------------------------------------------------------------

def _iso(today: dt.date | None) -> str | None:
    return today.isoformat() if today else None


def get(db: Db, deal_id: int, today: dt.date | None = None) -> dict[str, Any]:
    """A deal with its customer and the day it entered its stage, by the moves up to ``today``
    (every move when not given)."""
    row = db.row(f"""SELECT deal.*, customer.name AS customer, {MOVES} AS moves, {ADDED} AS added_day
                     FROM deal JOIN customer ON customer.id = deal.customer_id
                     WHERE deal.id = :id""", id=deal_id, today=_iso(today))
    return with_entered(_dict(row))


def competitors(db: Db, deal_id: int) -> list[dict[str, Any]]:
    rows = db.rows("SELECT name, position FROM deal_competitor WHERE deal_id = :id AND name != ''"
                   " ORDER BY id", id=deal_id)
    return [_dict(r) for r in rows]


def no_competitor(db: Db, deal_id: int) -> bool:
    return db.scalar("SELECT count(*) FROM deal_competitor WHERE deal_id = :id AND name = ''",
                     id=deal_id) > 0


def events(db: Db, deal_id: int, today: dt.date | None = None) -> list[dict[str, Any]]:
    """The deal's moves and outcomes up to ``today`` (every one when not given), oldest first."""
    rows = db.rows("""SELECT on_date, from_stage, to_stage, outcome, note FROM deal_event
                      WHERE deal_id = :id AND (:today IS NULL OR on_date <= :today)
                      ORDER BY on_date, id""", id=deal_id, today=_iso(today))
    return [_dict(r) for r in rows]


def roles(db: Db, deal_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Each deal's buying centre: contact, role, attitude for the deal (else the contact's own)."""
    if not deal_ids:
        return {}
    marks = ",".join(str(int(i)) for i in deal_ids)
    rows = db.rows(f"""SELECT r.deal_id, r.contact_id, c.name, c.title, r.role,
                              COALESCE(r.attitude, c.attitude) AS attitude,
                              CASE WHEN r.attitude IS NULL THEN 'contact' ELSE 'deal' END
                                  AS attitude_source,
                              c.stage
                       FROM deal_role r JOIN contact c ON c.id = r.contact_id
                       WHERE r.deal_id IN ({marks}) ORDER BY r.deal_id, r.id""")
    out: dict[int, list[dict[str, Any]]] = {i: [] for i in deal_ids}
    for r in rows:
        item = _dict(r)
        out[item.pop("deal_id")].append(item)
    return out


def gate_facts(db: Db, deal: dict[str, Any]) -> sales.DealFacts:
    positions = tuple(c["position"] for c in competitors(db, deal["id"]))
    count = db.scalar("SELECT count(*) FROM instalment WHERE deal_id = :id", id=deal["id"])
    return sales.DealFacts(
        competitor_positions=positions, no_competitor=no_competitor(db, deal["id"]),
        price=deal["price"], delivery_date=deal["delivery_date"], warranty=deal["warranty"],
        payment_terms=deal["payment_terms"], service=deal["service"], instalments=count,
    )


def listing(db: Db, *, include_closed: bool = False, customer_id: int | None = None,
            today: dt.date | None = None) -> list[dict[str, Any]]:
    """Deals (open ones unless ``include_closed``), with their customer and stage-entered date
    (by the moves up to ``today``, every move when not given)."""
    # Only the filters given, so one customer's deals are read through its index.
    mine = "AND deal.customer_id = :cust" if customer_id is not None else ""
    rows = db.rows(_LISTING.format(where=f"(:closed = 1 OR deal.outcome = 'open') {mine}"),
                   closed=include_closed, cust=customer_id, today=_iso(today))
    return [with_entered(_dict(r)) for r in rows]


def each_in_group(db: Db, *, outcome: str, stage: str | None = None, today: dt.date | None = None
                  ) -> Iterator[dict[str, Any]]:
    """The deals with ``outcome`` (and in ``stage``, when given), one at a time as ``listing``
    orders them: ``deal list`` writes each group as it is read."""
    where = "deal.outcome = :outcome" + (" AND deal.stage = :stage" if stage is not None else "")
    return (with_entered(_dict(r)) for r in db.each(_LISTING.format(where=where), outcome=outcome, stage=stage,
                                                    today=_iso(today)))


_LISTING = f"""SELECT deal.*, customer.name AS customer, {MOVES} AS moves, {ADDED} AS added_day
               FROM deal JOIN customer ON customer.id = deal.customer_id
               WHERE {{where}}
               ORDER BY deal.expected_close IS NULL, deal.expected_close, deal.id"""


# ---- writes ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Move:
    from_stage: str
    to_stage: str
    missing: list[str]  # what the gates crossed lack (moved on anyway, with a warning)
    after_sale: dict[str, Any] | None  # {"id", "due"} of the follow-up call reaching deliver scheduled


class FollowUp(NamedTuple):
    """The call after delivery (seed 003: a week later): how many days after delivery it is due
    (the rules file's ``after_sale.days``). Its text is the deal's title, worded when it is read
    ("ask how {title} is working out since delivery") in the reader's language."""

    days: int = 7


def history_prefix(title: str) -> str:
    return f"deal:{title}:"


def add(uow, customer_id: int, title: str, values: dict[str, Any], rivals: dict[str, str | None],
        no_rival: bool, on_date: dt.date, after_sale: FollowUp) -> tuple[int, Move]:
    """A new deal in ``values.get('stage', 'discover')``, its first stage event dated ``on_date``.

    Starting past discover is allowed; the result lists what the gates before that stage lack.
    """
    from kacli.domain.names import lookup_key, search_keys
    from kacli.store.models import Deal, DealEvent

    pinyin, initials = search_keys(title)
    deal = uow.add(Deal(customer_id=customer_id, title=title, title_pinyin=pinyin,
                        title_initials=initials, title_key=lookup_key(title), created_at=uow.now,
                        updated_at=uow.now, **values))
    uow.flush()
    uow.add(DealEvent(deal_id=deal.id, on_date=on_date.isoformat(), to_stage=deal.stage,
                      created_at=uow.now))
    history.record(uow, customer_id=customer_id, field="deal", old=None, new=title)
    save_competitors(uow, deal.id, rivals, [], no_rival)
    missing = sales.gate_missing(STAGES[0], deal.stage, gate_facts(uow.db, get(uow.db, deal.id)))
    action = delivered(uow, deal, on_date, after_sale) if deal.stage == "deliver" else None
    return deal.id, Move(STAGES[0], deal.stage, missing, action)


def update(uow, deal_id: int, values: dict[str, Any]) -> list[str]:
    """Change a deal's fields (not its stage: see ``move``); the fields that changed."""
    from kacli.domain.names import lookup_key, search_keys
    from kacli.store.models import Deal

    deal = uow.session.get(Deal, deal_id)
    prefix = history_prefix(deal.title)
    if "title" in values and values["title"] != deal.title:
        values["title_pinyin"], values["title_initials"] = search_keys(values["title"])
        values["title_key"] = lookup_key(values["title"])
        # The after-sale call kacli made reads from the deal's title; the user's own text stays.
        uow.db.execute("""UPDATE next_action SET text = :new WHERE deal_id = :d
                          AND kind = 'after_sale' AND text = :old""",
                       new=values["title"], d=deal_id, old=deal.title)
    changed = history.apply(uow, deal, values, customer_id=deal.customer_id, prefix=prefix)
    return [f for f in changed if f not in ("title_pinyin", "title_initials", "title_key")]


def add_note(uow, deal_id: int, on_date: dt.date, note: str) -> list[str]:
    """A dated note on the deal, kept in its history as an event without a move; it is an
    update of the deal (it settles a stalled deal as a changed field does)."""
    from kacli.store.models import Deal, DealEvent

    uow.add(DealEvent(deal_id=deal_id, on_date=on_date.isoformat(), note=note, created_at=uow.now))
    uow.session.get(Deal, deal_id).updated_at = uow.now
    return ["note"]


def save_competitors(uow, deal_id: int, given: dict[str, str | None], removed: list[str],
                     none: bool) -> list[str]:
    """Add or re-position competitors, drop ``removed``, or say nobody competes; what changed."""
    from kacli.store.models import DealCompetitor

    changed = []
    for name in removed:
        if not uow.db.execute("DELETE FROM deal_competitor WHERE deal_id = :d AND name = :n",
                              d=deal_id, n=name):
            raise BadInput("error.unknown_competitor", name=name)
        changed.append(f"competitor:{name}")
    for name, position in given.items():
        row = uow.db.row("SELECT id, position FROM deal_competitor WHERE deal_id = :d AND name = :n",
                         d=deal_id, n=name)
        if row is None:
            uow.add(DealCompetitor(deal_id=deal_id, name=name, position=position))
        elif position is not None and position != row["position"]:
            uow.db.execute("UPDATE deal_competitor SET position = :p WHERE id = :id",
                           p=position, id=row["id"])
        else:
            continue
        changed.append(f"competitor:{name}")
    if given:
        uow.db.execute("DELETE FROM deal_competitor WHERE deal_id = :d AND name = ''", d=deal_id)
    if none:
        if uow.db.scalar("SELECT count(*) FROM deal_competitor WHERE deal_id = :d AND name != ''",
                         d=deal_id):
            raise BadInput("error.deal_has_competitors")
        if not uow.db.scalar("SELECT count(*) FROM deal_competitor WHERE deal_id = :d", d=deal_id):
            uow.add(DealCompetitor(deal_id=deal_id, name=NO_COMPETITOR))
            changed.append("no_competitor")
    return changed


def move(uow, deal_id: int, to_stage: str | None, on_date: dt.date, note: str | None, *,
         strict: bool, after_sale: FollowUp) -> Move:
    """Move a deal to ``to_stage`` (None: the next one) on ``on_date``, through the stage gates."""
    from kacli.store.models import Deal, DealEvent

    found = get(uow.db, deal_id)
    if found["outcome"] == "lost":
        raise BadInput("error.deal_lost_move", title=found["title"])
    to_stage = to_stage or sales.next_stage(found["stage"])
    if to_stage is None:
        raise BadInput("error.deal_last_stage", title=found["title"])
    if to_stage == found["stage"]:
        raise BadInput("error.deal_same_stage", title=found["title"])
    if on_date.isoformat() < found["stage_entered"]:
        raise BadInput("error.deal_move_before", date=on_date.isoformat(), entered=found["stage_entered"])
    missing = sales.check_move(found["stage"], to_stage, gate_facts(uow.db, found), strict=strict)
    deal = uow.session.get(Deal, deal_id)
    uow.add(DealEvent(deal_id=deal_id, on_date=on_date.isoformat(), from_stage=deal.stage,
                      to_stage=to_stage, note=note, created_at=uow.now))
    deal.stage, deal.updated_at = to_stage, uow.now
    action = None
    if to_stage == "deliver":
        action = delivered(uow, deal, on_date, after_sale)
    else:
        deal.delivered_on = None  # moved back: the delivery was not accepted after all
    return Move(found["stage"], to_stage, missing, action)


def delivered(uow, deal, on_date: dt.date, after_sale: FollowUp) -> dict[str, Any] | None:
    """Record the delivery and schedule the follow-up call ``after_sale.days`` later (once per deal)."""
    from kacli.store.models import NextAction

    deal.delivered_on = on_date.isoformat()
    if uow.db.scalar("SELECT count(*) FROM next_action WHERE deal_id = :d AND kind = 'after_sale'",
                     d=deal.id):
        return None
    deal_roles = [(r[0], r[1]) for r in uow.db.rows(
        """SELECT r.contact_id, r.role FROM deal_role r JOIN contact c ON c.id = r.contact_id
           WHERE r.deal_id = :d AND c.forgotten_at IS NULL ORDER BY r.id""", d=deal.id)]
    people = [(r[0], tuple(json.loads(r[1] or "[]"))) for r in uow.db.rows(
        """SELECT id, roles FROM contact WHERE customer_id = :c AND forgotten_at IS NULL
           ORDER BY id""", c=deal.customer_id)]
    contact = sales.after_sale_contact(deal_roles, people)
    action = uow.add(NextAction(customer_id=deal.customer_id, contact_id=contact, deal_id=deal.id,
                                kind="after_sale", text=deal.title, created_at=uow.now,
                                due=(on_date + dt.timedelta(days=after_sale.days)).isoformat()))
    uow.flush()
    return {"id": action.id, "due": action.due}


def close(uow, deal_id: int, outcome: str, on_date: dt.date, reason: str | None, *,
          force: bool = False) -> None:
    """End a deal as won or lost; the stage stays where it was."""
    from kacli.store.models import Deal, DealEvent

    deal = uow.session.get(Deal, deal_id)
    if deal.outcome != "open":
        raise BadInput(f"error.deal_already_{deal.outcome}", title=deal.title)
    added = added_day(uow.db.scalar(f"SELECT {ADDED} FROM deal WHERE id = :id", id=deal_id))
    sales.check_closed_on(on_date, added, title=deal.title, force=force)
    uow.add(DealEvent(deal_id=deal_id, on_date=on_date.isoformat(), from_stage=deal.stage,
                      outcome=outcome, note=reason, created_at=uow.now))
    history.apply(uow, deal, {"outcome": outcome, "closed_on": on_date.isoformat(),
                              "lost_reason": reason}, customer_id=deal.customer_id,
                  prefix=history_prefix(deal.title))
    if outcome == "won":
        from kacli.domain.sales import status_after_win
        from kacli.store.models import Customer

        customer = uow.session.get(Customer, deal.customer_id)
        history.apply(uow, customer, {"status": status_after_win(customer.status)},
                      customer_id=customer.id)


def link_role(uow, deal_id: int, contact_id: int, role: str, attitude: str | None) -> bool:
    """Link a contact to a deal in ``role``; True when new, False when only the attitude changed."""
    from kacli.store.models import Deal, DealRole

    deal = uow.session.get(Deal, deal_id)
    found = uow.db.row("SELECT id, attitude FROM deal_role WHERE deal_id = :d AND contact_id = :c"
                       " AND role = :r", d=deal_id, c=contact_id, r=role)
    if found is None:
        uow.add(DealRole(deal_id=deal_id, contact_id=contact_id, role=role, attitude=attitude))
    elif attitude is not None and attitude != found["attitude"]:
        uow.db.execute("UPDATE deal_role SET attitude = :a WHERE id = :id", a=attitude, id=found["id"])
    else:
        return False
    history.record(uow, customer_id=deal.customer_id, contact_id=contact_id,
                   field=history_prefix(deal.title) + role, old=None if found is None else found["attitude"],
                   new=attitude or role)
    return found is None


def unlink_role(uow, deal_id: int, contact_id: int, role: str | None) -> int:
    """Unlink a contact from a deal (one role, or every role when ``role`` is None); how many."""
    from kacli.store.models import Deal

    deal = uow.session.get(Deal, deal_id)
    gone = uow.db.execute("DELETE FROM deal_role WHERE deal_id = :d AND contact_id = :c"
                          " AND (:r IS NULL OR role = :r)", d=deal_id, c=contact_id, r=role)
    if not gone:
        raise BadInput("error.role_not_linked")
    history.record(uow, customer_id=deal.customer_id, contact_id=contact_id,
                   field=history_prefix(deal.title) + (role or "role"), old=role or "role", new=None)
    return gone
