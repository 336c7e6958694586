"""Reading customers and contacts as ``kacli.domain.dupes`` compares them."""

from __future__ import annotations

import json
from collections import defaultdict

from kacli.domain import dupes
from kacli.store.db import Db


def _customers(db: Db) -> list[dupes.Entry]:
    """Every customer as compared: its own phones, and its people's phones and e-mails."""
    reach: dict[int, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for r in db.rows("SELECT customer_id, phones, email FROM contact WHERE forgotten_at IS NULL"):
        phones, emails = reach[r["customer_id"]]
        phones.extend(json.loads(r["phones"] or "[]"))
        if r["email"]:
            emails.append(r["email"])
    entries = []
    for r in db.rows("SELECT id, name, name_key, name_pinyin, phones FROM customer"):
        phones, emails = reach.get(r["id"], ([], []))
        entries.append(dupes.Entry(r["id"], r["name"], r["name_key"], r["name_pinyin"],
                                   tuple(json.loads(r["phones"] or "[]") + phones), tuple(emails)))
    return entries


def customer_pairs(db: Db) -> list[dupes.Pair]:
    """Likely duplicate customers."""
    return dupes.pairs(_customers(db), firms=True)


def twins_of(db: Db, name: str, phones: list[str]) -> list[dupes.Pair]:
    """The customers a customer about to be added as ``name`` with ``phones`` may already be."""
    from kacli.domain.names import lookup_key

    new = dupes.Entry(0, name, lookup_key(name), phones=tuple(phones))
    return dupes.twins(new, _customers(db))


def contact_pairs(db: Db) -> list[tuple[str, dupes.Pair]]:
    """Likely duplicate contacts, each pair with the name of the customer both are at."""
    entries, at = [], {}
    for r in db.rows("""SELECT contact.id, contact.name, contact.name_key, contact.name_pinyin,
                               contact.phones, contact.email, contact.customer_id,
                               customer.name AS customer
                        FROM contact JOIN customer ON customer.id = contact.customer_id
                        WHERE contact.forgotten_at IS NULL"""):
        at[r["customer_id"]] = r["customer"]
        entries.append(dupes.Entry(r["id"], r["name"], r["name_key"], r["name_pinyin"],
                                   tuple(json.loads(r["phones"] or "[]")),
                                   (r["email"],) if r["email"] else (), r["customer_id"]))
    return [(at[p.first.group], p) for p in dupes.pairs(entries)]
