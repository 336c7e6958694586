"""Logging and completing visits: one transaction that records the visit, its next action, the
next actions it closes, and the relationship stages it moves.

What a later visit does to open next actions: nothing by itself. A visit does not say which
promise it kept, so closing is explicit (``--done ID``), in the same transaction as the visit;
the customer's still-open actions are returned so the salesperson is reminded of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from kacli.domain import notes, relationship
from kacli.domain.dates import parse_date
from kacli.domain.refs import Candidate
from kacli.domain.relationship import NOT_CONTACT_KINDS
from kacli.domain.week_reasons import FIRST_CALL
from kacli.errors import BadInput, NotFound
from kacli.store import contacts, next_actions, refs, visits


@dataclass(frozen=True)
class StageMove:
    """A contact whose relationship a visit marks as further on than the dossier says."""

    contact_id: int
    contact: str
    current: str
    marked: str  # the stage the visit's kind marks
    suggested: str  # one step up from current
    applied: bool


@dataclass
class Outcome:
    visit_id: int
    customer_id: int
    customer: str
    kind: str
    date: str
    planned: bool
    contacts: list[Candidate] = field(default_factory=list)
    next_id: int | None = None
    closed: list[dict[str, Any]] = field(default_factory=list)
    moves: list[StageMove] = field(default_factory=list)
    already_moved: list[StageMove] = field(default_factory=list)  # by this visit, earlier
    introduced_by: Candidate | None = None
    still_open: list[dict[str, Any]] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)


def mark_overdue(actions: list[dict[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    """The next actions, each with ``overdue``: open and its due day has passed."""
    return [{**a, "overdue": relationship.overdue(
        dt.date.fromisoformat(a["due"]) if a["due"] else None, today, done=a["done_on"] is not None)}
        for a in actions]


def customer_activity(db, customer_id: int, today: dt.date) -> dict[str, Any]:
    """What ``customer show`` adds: the last five logged visits and the open next actions."""
    return {"visits": visits.recent_for_customer(db, customer_id, limit=5),
            "next_actions": mark_overdue(next_actions.open_for_customer(db, customer_id), today)}


def _people(uow, refs_given: list[str], customer_id: int) -> list[Candidate]:
    found: dict[int, Candidate] = {}
    for ref in refs_given:
        person = refs.contact(uow.db, ref, customer_id=customer_id)
        found.setdefault(person.id, person)
    return list(found.values())


def stage_moves(uow, people: list[Candidate], kind: str, *, advance: bool, visit_id: int,
                introduced_by: int | None = None) -> tuple[list[StageMove], list[StageMove]]:
    """The stage suggestions a visit of ``kind`` makes for ``people`` (applied with ``advance``),
    and the people this visit already moved a stage, whom it moves no further."""
    current = visits.stages(uow.db, [p.id for p in people])
    moved = visits.moved_by(uow.db, visit_id)
    introduced = relationship.introduced_ids(kind, [p.id for p in people], introduced_by)
    moves, already = [], []
    for person in people:
        met_only = person.id in introduced
        if person.id in moved:
            if relationship.suggestion(current[person.id], kind, introduced=met_only) is not None:
                before, after = moved[person.id]
                already.append(StageMove(person.id, person.name, before,
                                         relationship.marked_stage(kind), after, True))
            continue
        suggested = relationship.suggestion(current[person.id], kind, introduced=met_only)
        if suggested is None:
            continue
        if advance:
            contacts.set_stage(uow, person.id, suggested, note=notes.encode("stage_by_visit", visit=visit_id))
            visits.record_move(uow, visit_id, person.id, current[person.id], suggested)
        moves.append(StageMove(person.id, person.name, current[person.id],
                               relationship.marked_stage(kind), suggested, advance))
    return moves, already


def _close(uow, done_ids: list[int], *, on: str, customer_id: int) -> list[dict[str, Any]]:
    return [next_actions.close(uow, action_id, on=on, customer_id=customer_id)
            for action_id in dict.fromkeys(done_ids)]


def log_visit(uow, customer_ref: str, contact_refs: list[str], values: dict[str, Any], *,
              next_text: str | None = None, next_due: str | None = None,
              done_ids: list[int] | None = None, advance: bool = False,
              introduced_by: str | None = None, deal_ref: str | None = None, today: dt.date) -> Outcome:
    """Record a visit checked by the command (``values`` as ``store.visits.add`` takes them).

    ``introduced_by`` names the contact who made an introduction (穿针引线): they were at the
    visit too, and the introduction marks their stage, not that of the people introduced.
    ``deal_ref`` names the customer's deal the visit was about (it settles the deal's stall).
    """
    customer = refs.customer(uow.db, customer_ref)
    deal_id = None
    if deal_ref is not None:
        try:
            deal_id = refs.deal(uow.db, deal_ref, customer_id=customer.id).id
        except NotFound:
            elsewhere = refs.deal(uow.db, deal_ref)  # say so when it is another customer's deal
            raise BadInput("error.visit_deal_customer", title=elsewhere.name,
                           customer=customer.name) from None
    people = _people(uow, contact_refs, customer.id)
    introducer = None
    if introduced_by is not None:
        if values["kind"] != "introduction":
            raise BadInput("error.visit_introduced_by_kind")
        introducer = refs.contact(uow.db, introduced_by, customer_id=customer.id)
        people = [p for p in people if p.id != introducer.id]
        if not people:
            raise BadInput("error.visit_introduced_nobody", contact=introducer.name)
        people.insert(0, introducer)
    values = {**values, "introduced_by": introducer.id if introducer else None, "deal_id": deal_id}
    visit_id = visits.add(uow, customer.id, values, [p.id for p in people])
    outcome = Outcome(visit_id, customer.id, customer.name, values["kind"], values["date"],
                      values["planned"], people, introduced_by=introducer)
    if next_text is not None:
        outcome.next_id = next_actions.add(
            uow, customer_id=customer.id, text=next_text, due=next_due,
            contact_id=people[0].id if people else None, visit_id=visit_id)
    outcome.closed = _close(uow, done_ids or [], on=values["date"], customer_id=customer.id)
    if not values["planned"] and values["kind"] not in NOT_CONTACT_KINDS:
        # The first call of a lead is made by any contact that got through.
        first = [a["id"] for a in next_actions.open_for_customer(uow.db, customer.id) if a["kind"] == FIRST_CALL]
        outcome.closed += _close(uow, first, on=values["date"], customer_id=customer.id)
    if not values["planned"]:
        outcome.moves, outcome.already_moved = stage_moves(
            uow, people, values["kind"], advance=advance, visit_id=visit_id,
            introduced_by=introducer.id if introducer else None)
    outcome.still_open = mark_overdue([a for a in next_actions.open_for_customer(uow.db, customer.id)
                                       if a["id"] != outcome.next_id], today)
    return outcome


def update_visit(uow, visit_id: int, changes: dict[str, Any], *, date_text: str | None,
                 contact_refs: list[str] | None, mark_done: bool, advance: bool,
                 today: dt.date) -> Outcome:
    """Change a visit; ``mark_done`` turns a planned visit into one that happened.

    The visit as changed is checked as a whole: its date against today, its gift value and
    satisfaction against its kind.
    """
    visit = visits.get(uow.db, visit_id)
    if mark_done and not visit["planned"]:
        raise BadInput("error.visit_not_planned", id=visit_id)
    planned = visit["planned"] and not mark_done
    if advance and planned:
        raise BadInput("error.visit_advance_planned")
    changes = dict(changes)
    if date_text is not None:
        changes["date"] = parse_date(date_text, today, prefer="future" if planned else "past").isoformat()
    if mark_done:
        changes["planned"] = False
        changes.setdefault("date", relationship.done_date(
            dt.date.fromisoformat(visit["date"]), today).isoformat())
    merged = {**visit, **changes}
    relationship.check_date(dt.date.fromisoformat(merged["date"]), today, planned=planned)
    relationship.check_extras(merged["kind"], gift_value=merged["gift_value"],
                              satisfaction=merged["satisfaction"])
    contact_ids = None
    people = [Candidate(c["id"], c["name"]) for c in visit["contacts"]]
    if contact_refs is not None:
        people = _people(uow, [r for r in contact_refs if r.strip()], visit["customer_id"])
        contact_ids = [p.id for p in people]
    outcome = Outcome(visit_id, visit["customer_id"], visit["customer"], merged["kind"],
                      merged["date"], planned, people)
    outcome.changed = visits.update(uow, visit_id, changes, contact_ids)
    if not planned and (mark_done or advance or {"kind", "contacts"} & set(outcome.changed)):
        outcome.moves, outcome.already_moved = stage_moves(
            uow, people, merged["kind"], advance=advance, visit_id=visit_id,
            introduced_by=visit["introduced_by"])
    return outcome
