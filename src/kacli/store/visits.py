"""Visits and calls (拜访登记): reads on a ``Db``, writes on a ``UnitOfWork``.

A visit belongs to one customer and names the contacts met (``visit_contact``). A planned visit
(``planned = 1``) has not happened yet: it counts for no gift total and no last contact.
"""

from __future__ import annotations

from typing import Any

from kacli.errors import NotFound
from kacli.store.db import Db, limited

_CHUNK = 500  # ids per IN (...) list: well under SQLite's bound-parameter limit

_SELECT = """SELECT v.id, v.customer_id, customer.name AS customer, v.date, v.kind, v.note,
                    v.planned, v.purpose, v.gift_value, v.satisfaction, v.created_at,
                    v.introduced_by, introducer.name AS introduced_by_name,
                    v.deal_id, about.title AS deal_title
             FROM visit v JOIN customer ON customer.id = v.customer_id
             LEFT JOIN contact introducer ON introducer.id = v.introduced_by
             LEFT JOIN deal about ON about.id = v.deal_id"""


def _in(ids: list[int]) -> tuple[str, dict[str, int]]:
    names = {f"i{n}": value for n, value in enumerate(ids)}
    return ", ".join(f":{name}" for name in names), names


def _contacts_of(db: Db, visit_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The contacts met at each visit, by name."""
    out: dict[int, list[dict[str, Any]]] = {vid: [] for vid in visit_ids}
    for start in range(0, len(visit_ids), _CHUNK):
        placeholders, params = _in(visit_ids[start:start + _CHUNK])
        rows = db.rows(
            f"""SELECT vc.visit_id, contact.id, contact.name
                FROM visit_contact vc JOIN contact ON contact.id = vc.contact_id
                WHERE vc.visit_id IN ({placeholders})
                ORDER BY contact.name_pinyin, contact.id""",
            **params,
        )
        for visit_id, contact_id, name in rows:
            out[visit_id].append({"id": contact_id, "name": name})
    return out


def _with_contacts(db: Db, rows) -> list[dict[str, Any]]:
    visits = [dict(zip(r.keys(), tuple(r), strict=True)) for r in rows]
    met = _contacts_of(db, [v["id"] for v in visits]) if visits else {}
    for visit in visits:
        visit["planned"] = bool(visit["planned"])
        visit["contacts"] = met[visit["id"]]
    return visits


# ---- reads ----------------------------------------------------------------------------------

def get(db: Db, visit_id: int) -> dict[str, Any]:
    """One visit with its contacts; NotFound if there is none with this id."""
    rows = db.rows(f"{_SELECT} WHERE v.id = :id", id=visit_id)
    if not rows:
        raise NotFound("error.visit_not_found", id=visit_id)
    return _with_contacts(db, rows)[0]


def listing(db: Db, *, customer_id: int | None = None, contact_id: int | None = None,
            kind: str | None = None, since: str | None = None, planned: bool = False,
            limit: int | None = None) -> list[dict[str, Any]]:
    """Logged visits newest first, or planned ones soonest first, filtered."""
    order = "v.date, v.id" if planned else "v.date DESC, v.id DESC"
    # Only the filters given: "(:cust IS NULL OR ...)" would keep SQLite from the customer's index.
    filters = "".join(sql for sql, value in (
        ("AND v.customer_id = :cust ", customer_id), ("AND v.kind = :kind ", kind),
        ("AND v.date >= :since ", since),
        ("AND EXISTS (SELECT 1 FROM visit_contact vc WHERE vc.visit_id = v.id AND vc.contact_id = :contact) ",
         contact_id),
    ) if value is not None)
    rows = db.rows(
        f"""{_SELECT}
            WHERE v.planned = :planned {filters}
            ORDER BY {order}
            {limited(limit)}""",
        planned=int(planned), cust=customer_id, kind=kind, since=since, contact=contact_id, limit=limit,
    )
    return _with_contacts(db, rows)


def recent_for_customer(db: Db, customer_id: int, limit: int = 5) -> list[dict[str, Any]]:
    """The customer's last ``limit`` logged visits, newest first, with the contacts met."""
    return listing(db, customer_id=customer_id, limit=limit)


def visits_for_contact(db: Db, contact_id: int, limit: int | None = 5) -> list[dict[str, Any]]:
    """The logged visits where this contact was met, newest first."""
    return listing(db, contact_id=contact_id, limit=limit)


def gift_total(db: Db, contact_id: int) -> int:
    """Fen given to this contact in gifts that were logged (a gift to several counts for each)."""
    return db.scalar(
        """SELECT COALESCE(SUM(v.gift_value), 0)
           FROM visit v JOIN visit_contact vc ON vc.visit_id = v.id
           WHERE vc.contact_id = :cid AND v.planned = 0""",
        cid=contact_id,
    )


def last_contact_by_customer(db: Db) -> dict[int, str]:
    """Each customer's most recent logged (not planned) visit date, ISO; customers never visited
    are absent."""
    rows = db.rows("SELECT customer_id, MAX(date) FROM visit WHERE planned = 0 GROUP BY customer_id")
    return {r[0]: r[1] for r in rows}


def last_met_by_contact(db: Db) -> dict[int, str]:
    """Each contact's most recent logged visit date, ISO; contacts never met are absent."""
    rows = db.rows(
        """SELECT vc.contact_id, MAX(v.date)
           FROM visit_contact vc JOIN visit v ON v.id = vc.visit_id
           WHERE v.planned = 0 GROUP BY vc.contact_id"""
    )
    return {r[0]: r[1] for r in rows}


def stages(db: Db, contact_ids: list[int]) -> dict[int, str]:
    """The current relationship stage of each of these contacts."""
    if not contact_ids:
        return {}
    placeholders, params = _in(contact_ids)
    rows = db.rows(f"SELECT id, stage FROM contact WHERE id IN ({placeholders})", **params)
    return {r[0]: r[1] for r in rows}


# ---- writes ---------------------------------------------------------------------------------

def add(uow, customer_id: int, values: dict[str, Any], contact_ids: list[int]) -> int:
    """Record a visit (``values``: date, kind, note, planned, purpose, gift_value, satisfaction)."""
    from kacli.store.models import Visit

    visit = uow.add(Visit(customer_id=customer_id, created_at=uow.now, **values))
    uow.flush()
    _link(uow, visit.id, contact_ids)
    return visit.id


def _link(uow, visit_id: int, contact_ids: list[int]) -> None:
    from kacli.store.models import VisitContact

    for contact_id in dict.fromkeys(contact_ids):
        uow.add(VisitContact(visit_id=visit_id, contact_id=contact_id))


def update(uow, visit_id: int, values: dict[str, Any], contact_ids: list[int] | None) -> list[str]:
    """Apply the changes; the fields that changed (``contacts`` when the people met changed)."""
    from kacli.store.models import Visit

    visit = uow.session.get(Visit, visit_id)
    changed = []
    for field, new in values.items():
        if getattr(visit, field) != new:
            setattr(visit, field, new)
            changed.append(field)
    if contact_ids is not None:
        current = [c["id"] for c in _contacts_of(uow.db, [visit_id])[visit_id]]
        wanted = list(dict.fromkeys(contact_ids))
        if set(current) != set(wanted):
            uow.db.execute("DELETE FROM visit_contact WHERE visit_id = :id", id=visit_id)
            _link(uow, visit_id, wanted)
            changed.append("contacts")
    return changed


def moved_by(db: Db, visit_id: int) -> dict[int, tuple[str, str]]:
    """The contacts this visit has moved up the relationship ladder: {contact id: (from, to)}."""
    rows = db.rows("SELECT contact_id, from_stage, to_stage FROM visit_stage_move WHERE visit_id = :id",
                   id=visit_id)
    return {r["contact_id"]: (r["from_stage"], r["to_stage"]) for r in rows}


def record_move(uow, visit_id: int, contact_id: int, from_stage: str, to_stage: str) -> None:
    """Remember that this visit moved this contact, so it never moves them a second stage."""
    from kacli.store.models import VisitStageMove

    uow.add(VisitStageMove(visit_id=visit_id, contact_id=contact_id, from_stage=from_stage,
                           to_stage=to_stage, created_at=uow.now))


def remove(uow, visit_id: int) -> None:
    # Its contacts' links go with it; next actions it created stay open (visit_id set to NULL).
    uow.db.execute("DELETE FROM visit WHERE id = :id", id=visit_id)
