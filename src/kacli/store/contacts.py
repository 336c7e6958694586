"""Contacts: reads (on a ``Db``) and writes (on a ``UnitOfWork``).

Every change to a contact goes into the change log with its ``contact_id``, so the customer's
history shows it with the contact's name. The relationship stage's history is the log's
``stage`` entries (a note given with a stage move is the ``stage_note`` entry right after it).
"""

from __future__ import annotations

from typing import Any

from kacli.domain import privacy, text, vocab
from kacli.domain.birthdays import Birthday, from_columns
from kacli.errors import BadInput, NotFound
from kacli.store import erasure, history, journal
from kacli.store.customers import SEARCH_COLUMNS, decode, encode, set_fact_values
from kacli.store.db import Db

CONTACT_LISTS = ("phones", "roles")
CONTACT_FLAGS = ("is_primary", "birthday_lunar", "birthday_leap")
# The seed's personal facts (seed 001, group 4), in the order the seed lists them.
PERSONAL_FIELDS = (
    "family", "hometown", "university", "sports", "food", "pets", "books", "last_holiday",
    "next_holiday", "travel", "org_role", "colleagues", "goals", "career",
)
WORK_FIELDS = ("title", "department", "roles", "attitude", "stage", "is_primary", "phones",
               "email", "wechat")


def summaries(db: Db, customer_id: int) -> list[dict[str, Any]]:
    """A customer's people, primary contact first."""
    rows = db.rows(
        """SELECT id, name, title, department, roles, attitude, stage, is_primary, phones,
                  email, wechat
           FROM contact WHERE customer_id = :cid
           ORDER BY is_primary DESC, name_pinyin, id""",
        cid=customer_id,
    )
    out = [decode(r, CONTACT_LISTS, ()) for r in rows]
    for item in out:
        item["is_primary"] = bool(item["is_primary"])
    return out


# ---- reads ----------------------------------------------------------------------------------

def get(db: Db, contact_id: int) -> dict[str, Any]:
    row = db.row(
        """SELECT contact.*, customer.name AS customer
           FROM contact JOIN customer ON customer.id = contact.customer_id
           WHERE contact.id = :id""",
        id=contact_id,
    )
    if row is None:
        raise NotFound("error.unknown_ref", what="contact", ref=str(contact_id))
    return decode(row, CONTACT_LISTS, CONTACT_FLAGS)


def facts(db: Db, contact_id: int) -> dict[str, str]:
    rows = db.rows("SELECT key, value FROM contact_fact WHERE contact_id = :id ORDER BY key",
                   id=contact_id)
    return {r[0]: r[1] for r in rows}


def listing(db: Db, *, customer_id: int | None = None, role: str | None = None,
            stage: str | None = None) -> list[dict[str, Any]]:
    """Contacts, by customer, primary contact first, then by name."""
    mine = "AND contact.customer_id = :cust" if customer_id is not None else ""  # through its index
    rows = db.rows(
        f"""SELECT contact.id, contact.name, contact.customer_id, customer.name AS customer,
                  contact.title, contact.department, contact.roles, contact.attitude,
                  contact.stage, contact.is_primary, contact.phones, contact.email,
                  contact.wechat, contact.forgotten_at
           FROM contact JOIN customer ON customer.id = contact.customer_id
           WHERE (:stage IS NULL OR contact.stage = :stage) {mine}
             AND (:role IS NULL OR contact.roles LIKE :role_like)
           ORDER BY customer.name_pinyin, customer.name, contact.is_primary DESC,
                    contact.name_pinyin, contact.name, contact.id""",
        cust=customer_id, stage=stage, role=role, role_like=f'%"{role}"%' if role else None,
    )
    return [decode(r, CONTACT_LISTS, ("is_primary",)) for r in rows]


def stage_history(db: Db, contact_id: int) -> list[dict[str, Any]]:
    """Every stage the contact has been moved to, oldest first: at, from, to, note."""
    rows = db.rows(
        """SELECT field, old, new, at FROM change
           WHERE contact_id = :id AND field IN ('stage', 'stage_note') ORDER BY id""",
        id=contact_id,
    )
    moves: list[dict[str, Any]] = []
    for r in rows:
        if r["field"] == "stage":
            moves.append({"at": r["at"], "from": r["old"], "to": r["new"], "note": None})
        elif moves and moves[-1]["at"] == r["at"]:
            moves[-1]["note"] = r["new"]
    return moves


def dependents(db: Db, contact_id: int) -> dict[str, int]:
    """What goes with a contact when it is removed (visits and next actions stay)."""
    counts = {}
    for label, sql in (
        ("contact_facts", "SELECT count(*) FROM contact_fact WHERE contact_id = :id"),
        ("contact_changes", "SELECT count(*) FROM change WHERE contact_id = :id"),
        ("contact_visit_links", "SELECT count(*) FROM visit_contact WHERE contact_id = :id"),
        ("contact_deal_roles", "SELECT count(*) FROM deal_role WHERE contact_id = :id"),
    ):
        counts[label] = db.scalar(sql, id=contact_id)
    return counts


def profile(db: Db, contact_id: int) -> dict[str, Any]:
    """Everything the dossier knows about one contact (the shape of ``contact show --json``)."""
    row = get(db, contact_id)
    birthday = from_columns(row["birth_year"], row["birth_month"], row["birth_day"],
                            row["birthday_lunar"], row["birthday_leap"])
    data: dict[str, Any] = {"id": row["id"], "name": row["name"],
                            "customer_id": row["customer_id"], "customer": row["customer"]}
    data.update({f: row[f] for f in WORK_FIELDS})
    data["birthday"] = birthday.as_json() if birthday else None
    data["personal"] = {f: row[f] for f in PERSONAL_FIELDS}
    data["facts"] = facts(db, contact_id)
    data["stage_history"] = stage_history(db, contact_id)
    data["history"] = [{"at": r["at"], "field": r["field"], "old": r["old"], "new": r["new"]}
                       for r in history.for_contact(db, contact_id)]
    data["forgotten_at"] = row["forgotten_at"]
    data["created_at"] = row["created_at"]
    data["updated_at"] = row["updated_at"]
    return data


# ---- writes ---------------------------------------------------------------------------------

def _check_unique(uow, customer_id: int, name: str, except_id: int | None = None) -> str:
    """``name``'s lookup key; BadInput when another contact at the customer has the same key."""
    from kacli.domain.names import lookup_key

    key = lookup_key(name)
    found = uow.db.row(
        """SELECT contact.id, contact.name, customer.name FROM contact
           JOIN customer ON customer.id = contact.customer_id
           WHERE contact.customer_id = :cid AND contact.name_key = :key AND contact.id != :me
           LIMIT 1""",
        cid=customer_id, key=key, me=-1 if except_id is None else except_id)
    if found is not None:
        raise BadInput("error.duplicate_contact", name=found[1], customer=found[2], id=found[0])
    return key


def _birthday_columns(b: Birthday | None) -> dict[str, Any]:
    if b is None:
        return {"birth_year": None, "birth_month": None, "birth_day": None,
                "birthday_lunar": False, "birthday_leap": False}
    return {"birth_year": b.year, "birth_month": b.month, "birth_day": b.day,
            "birthday_lunar": b.lunar, "birthday_leap": b.leap}


def _clear_other_primaries(uow, customer_id: int, keep_id: int) -> None:
    """One primary contact per customer: setting one clears the others, in their history."""
    from kacli.store.models import Contact

    others = uow.db.rows(
        "SELECT id FROM contact WHERE customer_id = :cid AND is_primary = 1 AND id != :keep",
        cid=customer_id, keep=keep_id)
    for (other_id,) in others:
        other = uow.session.get(Contact, other_id)
        history.apply(uow, other, {"is_primary": False}, customer_id=customer_id,
                      contact_id=other_id)


def add(uow, customer_id: int, name: str, values: dict[str, Any], new_facts: dict[str, str]):
    """A new contact at a customer; ``values`` as ``update`` takes them (``birthday`` a Birthday)."""
    from kacli.domain.names import search_keys
    from kacli.store.models import Contact, ContactFact

    key = _check_unique(uow, customer_id, name)
    values = dict(values)
    columns = _birthday_columns(values.pop("birthday", None))
    columns.update(encode(values))
    pinyin, initials = search_keys(name)
    contact = uow.add(Contact(customer_id=customer_id, name=name, name_pinyin=pinyin,
                              name_initials=initials, name_key=key, created_at=uow.now,
                              updated_at=uow.now, **columns))
    uow.flush()
    history.record(uow, customer_id=customer_id, contact_id=contact.id, field="created",
                   old=None, new=name)
    history.record(uow, customer_id=customer_id, contact_id=contact.id, field="stage",
                   old=None, new=contact.stage)
    if contact.is_primary:
        _clear_other_primaries(uow, customer_id, contact.id)
    for key, value in new_facts.items():
        uow.add(ContactFact(contact_id=contact.id, key=key, value=value))
    return contact


def update(uow, contact_id: int, values: dict[str, Any], set_facts: dict[str, str],
           unset_facts: list[str]) -> list[str]:
    """Apply the changes; the fields that actually changed (facts as ``fact:key``)."""
    from kacli.domain.names import search_keys
    from kacli.store.models import Contact, ContactFact

    contact = uow.session.get(Contact, contact_id)
    customer_id = contact.customer_id
    for key in unset_facts:
        if uow.session.get(ContactFact, (contact_id, key)) is None:
            raise BadInput("error.unknown_contact_fact", name=key)
    values = dict(values)
    changed: list[str] = []
    if "birthday" in values:
        new = values.pop("birthday")
        old = from_columns(contact.birth_year, contact.birth_month, contact.birth_day,
                           contact.birthday_lunar, contact.birthday_leap)
        if new != old:
            for column, value in _birthday_columns(new).items():
                setattr(contact, column, value)
            history.record(uow, customer_id=customer_id, contact_id=contact_id, field="birthday",
                           old=old.as_text() if old else None, new=new.as_text() if new else None)
            changed.append("birthday")
    if "name" in values and values["name"] != contact.name:
        values["name_key"] = _check_unique(uow, customer_id, values["name"], contact_id)
        values["name_pinyin"], values["name_initials"] = search_keys(values["name"])
    changed += history.apply(uow, contact, encode(values), customer_id=customer_id,
                             contact_id=contact_id)
    changed = [f for f in changed if f not in SEARCH_COLUMNS]
    if values.get("is_primary"):
        _clear_other_primaries(uow, customer_id, contact_id)
    changed += set_fact_values(uow, ContactFact, "contact_id", contact_id, set_facts, unset_facts,
                               customer_id=customer_id, contact_id=contact_id)
    if changed:
        contact.updated_at = uow.now
    return changed


def set_stage(uow, contact_id: int, stage: str, note: str | None = None) -> str | None:
    """Move a contact to relationship ``stage`` (any spelling ``vocab.STAGE`` accepts) by hand.

    The move is kept in the change log (field ``stage``; the note, if any, as ``stage_note``).
    Returns the old stage, or None when the contact already was at ``stage`` (nothing recorded).
    """
    from kacli.store.models import Contact

    code = vocab.STAGE.parse(stage)
    clean_note = text.free_text(note, field="stage_note")
    contact = uow.session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("error.unknown_ref", what="contact", ref=str(contact_id))
    old = contact.stage
    if old == code:
        return None
    history.apply(uow, contact, {"stage": code}, customer_id=contact.customer_id,
                  contact_id=contact_id)
    if clean_note:
        history.record(uow, customer_id=contact.customer_id, contact_id=contact_id,
                       field="stage_note", old=None, new=clean_note)
    return old


def remove(uow, contact_id: int) -> None:
    """Remove a contact; its facts, own history, visit links and deal roles go with it.

    History lines that are business facts (a next action done with its note, a role on a deal)
    stay, without the person. The customer's history keeps one line saying the contact was
    removed, with the former id (``#ID``), so a later ``forget`` can still reach the name.
    """
    row = uow.db.row("SELECT customer_id, name FROM contact WHERE id = :id", id=contact_id)
    erasure.keep_business_history(uow.db, contact_id)
    # Foreign keys cascade: facts, the contact's own change rows, visit links, deal roles.
    uow.db.execute("DELETE FROM contact WHERE id = :id", id=contact_id)
    history.record(uow, customer_id=row["customer_id"], field="contact_removed", old=row["name"],
                   new=f"#{contact_id}")


def forget(uow, contact_id: int) -> erasure.Plan:
    """Erase a contact's personal data for good (a privacy request); the row itself stays.

    The name becomes a placeholder, every personal field, phone, address, birthday and named
    fact is cleared, and the contact's own change rows (whose old values hold personal text) are
    deleted; a forgotten contact is no longer the primary one (there is no one left to call).
    Every whole mention of a name they had, their phones, email and WeChat is replaced by the
    placeholder in every free-text field of the dossier (notes, next actions, deals, facts,
    history), except what other records hold too (``domain.privacy``); history lines
    that are business facts stay, without the person. Roles, attitude and stage stay, so deals
    and visits keep their link and the buying centre its shape. ``secure_delete`` zeroes the
    freed bytes in this transaction; run ``maintenance.scrub`` on the file after it commits to
    clear the rest.
    """
    row = uow.db.row("SELECT customer_id FROM contact WHERE id = :id", id=contact_id)
    erasure.erase_freed(uow.db)
    who = erasure.person(uow.db, contact_id)
    planned = erasure.plan(uow.db, who, contact_id, privacy.placeholder(contact_id))
    cleared = ", ".join(f"{f} = NULL" for f in ("title", "department", "email", "wechat",
                                                "birth_year", "birth_month", "birth_day",
                                                *PERSONAL_FIELDS))
    uow.db.execute(
        f"""UPDATE contact SET name = :name, name_pinyin = '', name_initials = '', name_key = :name,
                               phones = '[]',
                               is_primary = 0, birthday_lunar = 0, birthday_leap = 0, {cleared},
                               forgotten_at = :now, updated_at = :now
            WHERE id = :id""",
        name=privacy.placeholder(contact_id), now=uow.now, id=contact_id,
    )
    uow.db.execute("DELETE FROM contact_fact WHERE contact_id = :id", id=contact_id)
    erasure.keep_business_history(uow.db, contact_id)
    uow.db.execute("DELETE FROM change WHERE contact_id = :id", id=contact_id)
    erasure.apply(uow.db, planned.edits)
    # An audit line that holds nothing personal: the erasure itself happened, and when.
    history.record(uow, customer_id=row["customer_id"], contact_id=contact_id, field="forgotten",
                   old=None, new=None)
    # Forgotten data must stay forgotten: no before-image in the undo journal may keep it.
    uow.flush()
    journal.purge(uow.db, uow.command_id, journal.BARRIER_FORGET,
                  shown=f"kacli contact forget {contact_id}")
    return planned
