"""The dossier's records as ``export`` writes them: one dict per row, keyed by the sheet's field codes.

Links are by name (a contact's customer, a payment's deal and customer), so a file can be read
back by ``import`` into another dossier. Forgotten contacts (privacy erasures) are left out.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from kacli.domain.birthdays import from_columns
from kacli.store.contacts import CONTACT_FLAGS, CONTACT_LISTS
from kacli.store.customers import decode
from kacli.store.db import Db


def _grouped(db: Db, sql: str) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for r in db.rows(sql):
        item = dict(zip(r.keys(), tuple(r), strict=True))
        out[item.pop("owner")].append(item)
    return out


def customers(db: Db) -> list[dict[str, Any]]:
    facts = _grouped(db, "SELECT customer_id AS owner, key, value FROM customer_fact ORDER BY key")
    rivals = _grouped(db, """SELECT customer_id AS owner, name, product, satisfaction, salesperson, style,
                                    relationship FROM competitor ORDER BY id""")
    out = []
    for row in db.rows("SELECT * FROM customer ORDER BY id"):
        record = decode(row)
        record["facts"] = {f["key"]: f["value"] for f in facts.get(record["id"], [])}
        record["competitors"] = [{k: v for k, v in c.items() if v is not None} for c in rivals.get(record["id"], [])]
        out.append(record)
    return out


def contacts(db: Db) -> list[dict[str, Any]]:
    facts = _grouped(db, "SELECT contact_id AS owner, key, value FROM contact_fact ORDER BY key")
    out = []
    for row in db.rows("""SELECT contact.*, customer.name AS customer FROM contact
                          JOIN customer ON customer.id = contact.customer_id
                          WHERE contact.forgotten_at IS NULL ORDER BY contact.id"""):
        record = decode(row, CONTACT_LISTS, CONTACT_FLAGS)
        birthday = from_columns(record["birth_year"], record["birth_month"], record["birth_day"],
                                record["birthday_lunar"], record["birthday_leap"])
        record["birthday"] = birthday
        record["birthday_lunar"] = birthday.lunar if birthday else None
        record["birthday_leap"] = birthday.leap if birthday and birthday.lunar else None
        record["facts"] = {f["key"]: f["value"] for f in facts.get(record["id"], [])}
        out.append(record)
    return out


def deals(db: Db) -> list[dict[str, Any]]:
    from kacli.store.stage_entered import ADDED, MOVES, with_entered

    rivals = _grouped(db, "SELECT deal_id AS owner, name, position FROM deal_competitor ORDER BY id")
    follow_ups = {r[0]: r[1] for r in db.rows(
        "SELECT deal_id, done_on FROM next_action WHERE kind = 'after_sale' AND deal_id IS NOT NULL")}
    roles = _grouped(db, """SELECT r.deal_id AS owner, c.name AS contact, r.role, r.attitude
                            FROM deal_role r JOIN contact c ON c.id = r.contact_id ORDER BY r.id""")
    out = []
    for row in db.rows(f"""SELECT deal.*, customer.name AS customer, {MOVES} AS moves, {ADDED} AS added_day
                           FROM deal JOIN customer ON customer.id = deal.customer_id ORDER BY deal.id""",
                       today=None):
        record = with_entered(dict(zip(row.keys(), tuple(row), strict=True)))
        named = [c for c in rivals.get(record["id"], []) if c["name"]]
        record["competitors"] = [{k: v for k, v in c.items() if v is not None} for c in named]
        record["no_competitor"] = True if len(named) < len(rivals.get(record["id"], [])) else None
        record["roles"] = [{k: v for k, v in r.items() if v is not None} for r in roles.get(record["id"], [])]
        record["after_sale_done"] = follow_ups.get(record["id"])
        out.append(record)
    return out


def visits(db: Db) -> list[dict[str, Any]]:
    people = _grouped(db, """SELECT vc.visit_id AS owner, c.name FROM visit_contact vc
                             JOIN contact c ON c.id = vc.contact_id ORDER BY c.id""")
    actions = _grouped(db, """SELECT a.visit_id AS owner, a.text, a.due, a.done_on, c.name AS contact
                              FROM next_action a LEFT JOIN contact c ON c.id = a.contact_id
                              WHERE a.visit_id IS NOT NULL ORDER BY a.id""")
    out = []
    for row in db.rows("""SELECT visit.*, customer.name AS customer FROM visit
                          JOIN customer ON customer.id = visit.customer_id ORDER BY visit.date, visit.id"""):
        record = dict(zip(row.keys(), tuple(row), strict=True))
        record["planned"] = bool(record["planned"])
        record["contacts"] = [p["name"] for p in people.get(record["id"], [])]
        action = (actions.get(record["id"]) or [None])[0]
        if action:
            record.update(next=action["text"], next_due=action["due"], next_done=action["done_on"],
                          next_contact=action["contact"])
        out.append(record)
    # Next actions set on their own (``kacli next add``): a row with only the next-action columns.
    for r in db.rows("""SELECT customer.name AS customer, a.text, a.due, a.done_on, c.name AS contact
                        FROM next_action a JOIN customer ON customer.id = a.customer_id
                        LEFT JOIN contact c ON c.id = a.contact_id
                        WHERE a.visit_id IS NULL AND a.kind = 'next' ORDER BY a.id"""):
        out.append({"customer": r["customer"], "next": r["text"], "next_due": r["due"],
                    "next_done": r["done_on"], "next_contact": r["contact"]})
    return out


def payments(db: Db) -> list[dict[str, Any]]:
    rows = db.rows("""SELECT 'instalment' AS kind, i.due AS date, i.amount, NULL AS note, d.title AS deal,
                             c.name AS customer, i.id AS sort_id, 0 AS sort_kind
                      FROM instalment i JOIN deal d ON d.id = i.deal_id JOIN customer c ON c.id = d.customer_id
                      UNION ALL
                      SELECT 'payment', p.date, p.amount, p.note, d.title, c.name, p.id, 1
                      FROM payment p JOIN deal d ON d.id = p.deal_id JOIN customer c ON c.id = d.customer_id
                      ORDER BY sort_kind, sort_id""")
    return [dict(zip(r.keys(), tuple(r), strict=True)) for r in rows]


READERS = {"customers": customers, "contacts": contacts, "deals": deals, "visits": visits,
           "payments": payments}
