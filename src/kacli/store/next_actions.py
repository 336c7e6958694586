"""Next actions (下一步): open until done. Reads on a ``Db``, writes on a ``UnitOfWork``.

``kind`` is ``next`` for what the salesperson typed and ``after_sale`` for the follow-up call
scheduled when a deal is delivered. Done ones keep their ``done_on`` date; the note given when
closing one goes to the customer's change history (there is no note column on the action).
"""

from __future__ import annotations

from typing import Any

from kacli.domain import notes
from kacli.errors import BadInput, NotFound
from kacli.store import history
from kacli.store.db import Db

_SELECT = """SELECT na.id, na.customer_id, customer.name AS customer, na.contact_id,
                    contact.name AS contact, na.visit_id, na.deal_id, na.kind, na.text, na.due,
                    na.done_on, na.created_at, deal.title AS deal_title
             FROM next_action na
             JOIN customer ON customer.id = na.customer_id
             LEFT JOIN contact ON contact.id = na.contact_id
             LEFT JOIN deal ON deal.id = na.deal_id"""


def _dicts(rows) -> list[dict[str, Any]]:
    return [dict(zip(r.keys(), tuple(r), strict=True)) for r in rows]


# ---- reads ----------------------------------------------------------------------------------

def get(db: Db, action_id: int) -> dict[str, Any]:
    found = _dicts(db.rows(f"{_SELECT} WHERE na.id = :id", id=action_id))
    if not found:
        raise NotFound("error.next_not_found", id=action_id)
    return found[0]


def listing(db: Db, *, customer_id: int | None = None, include_done: bool = False,
            visit_id: int | None = None) -> list[dict[str, Any]]:
    """Open actions by due date (undated last); with ``include_done`` the done ones after them,
    most recently done first."""
    # Only the filters given: "(:cust IS NULL OR ...)" would keep SQLite from the customer's index.
    filters = "".join(sql for sql, value in (
        ("AND na.customer_id = :cust ", customer_id), ("AND na.visit_id = :visit ", visit_id),
    ) if value is not None)
    return _dicts(db.rows(
        f"""{_SELECT}
            WHERE (:include_done = 1 OR na.done_on IS NULL) {filters}
            ORDER BY na.done_on IS NOT NULL, na.done_on DESC, na.due IS NULL, na.due, na.id""",
        cust=customer_id, visit=visit_id, include_done=int(include_done),
    ))


def open_for_customer(db: Db, customer_id: int) -> list[dict[str, Any]]:
    """The customer's open next actions, soonest due first."""
    return listing(db, customer_id=customer_id)


def from_visit(db: Db, visit_id: int) -> list[dict[str, Any]]:
    """The next actions a visit created, open or done."""
    return listing(db, visit_id=visit_id, include_done=True)


# ---- writes ---------------------------------------------------------------------------------

def add(uow, *, customer_id: int, text: str, due: str | None, contact_id: int | None = None,
        visit_id: int | None = None, deal_id: int | None = None, kind: str = "next") -> int:
    from kacli.store.models import NextAction

    action = uow.add(NextAction(customer_id=customer_id, contact_id=contact_id, visit_id=visit_id,
                                deal_id=deal_id, kind=kind, text=text, due=due,
                                created_at=uow.now))
    uow.flush()
    return action.id


def _done_text(action: dict[str, Any]) -> str:
    """What the history keeps of a done action: the text the user typed, or for the after-sale
    call kacli made (its text is the deal's title) a note worded when it is read."""
    if action["kind"] == "after_sale" and action["text"] == action["deal_title"]:
        return notes.encode("after_sale", title=action["text"])
    return action["text"]


def close(uow, action_id: int, *, on: str, note: str | None = None,
          customer_id: int | None = None) -> dict[str, Any]:
    """Mark an open action done on ``on`` (ISO date); the action as it was.

    With ``customer_id``, refuse an action of another customer (closing it from a visit there).
    """
    action = get(uow.db, action_id)
    if customer_id is not None and action["customer_id"] != customer_id:
        raise BadInput("error.next_other_customer", id=action_id, customer=action["customer"])
    if action["done_on"] is not None:
        raise BadInput("error.next_already_done", id=action_id, date=action["done_on"])
    uow.db.execute("UPDATE next_action SET done_on = :on WHERE id = :id", on=on, id=action_id)
    history.record(uow, customer_id=action["customer_id"], contact_id=action["contact_id"],
                   field="next_action_done", old=_done_text(action),
                   new=f"{on} — {note}" if note else on)
    return action


def update(uow, action_id: int, *, text: str | None = None, due: str | None = None,
           contact_id: int | None = None) -> list[str]:
    """Correct an action's text, due date or contact (those given); the fields that changed."""
    action = get(uow.db, action_id)
    wanted = {"text": text, "due": due, "contact_id": contact_id}
    changes = {k: v for k, v in wanted.items() if v is not None and v != action[k]}
    if changes:
        sets = ", ".join(f"{k} = :{k}" for k in changes)
        uow.db.execute(f"UPDATE next_action SET {sets} WHERE id = :id", id=action_id, **changes)
    return list(changes)


def remove(uow, action_id: int) -> dict[str, Any]:
    """Remove an action entered by mistake; the action as it was."""
    action = get(uow.db, action_id)
    uow.db.execute("DELETE FROM next_action WHERE id = :id", id=action_id)
    return action
