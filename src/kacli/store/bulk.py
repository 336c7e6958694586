"""Adding many customers and contacts with a few statements per table (``import``), on a ``UnitOfWork``.

The rows written are exactly those ``customers.add`` and ``contacts.add`` write one at a time —
the same columns and search keys, the same facts, the same ``created`` (and, for a contact,
``stage``) entries in the change log — but many rows to a statement, on the unit's connection and
in its transaction, so 10,000 customers with 50,000 contacts import in seconds rather than
minutes. Ids come from the engine (``INSERT … RETURNING``), on a file as on a server.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kacli.store import engines, journal
from kacli.store.customers import encode
from kacli.store.history import as_text

# Parameters per statement: SQLite before 3.32 takes no more than 999.
_PARAMETERS = 999


def _insert(uow, table: str, rows: Sequence[dict[str, Any]], defaults: dict[str, Any] | None = None,
            returning: str | None = None) -> list[tuple]:
    """All the rows, many to a statement, in order, journaled for undo as one insert.

    Only the columns some row sets are named, so a column no row sets takes the table's default;
    a row without a column that another row sets gets that default from ``defaults``. With
    ``returning`` (columns, ``id`` first), those columns of every new row.
    """
    if not rows:
        return []
    fill = defaults or {}
    columns = list(dict.fromkeys(c for row in rows for c in row))
    names = ", ".join(f'"{c}"' for c in columns)
    tail = f" RETURNING {returning}" if returning else ""
    per_statement = max(1, _PARAMETERS // len(columns))
    found: list[tuple] = []
    with journal.inserting_many(uow.db, uow.command_id, table):
        for start in range(0, len(rows), per_statement):
            chunk = rows[start:start + per_statement]
            marks = ", ".join("(" + ", ".join(f":p{i}_{j}" for j in range(len(columns))) + ")"
                              for i in range(len(chunk)))
            params = {f"p{i}_{j}": row.get(c, fill.get(c))
                      for i, row in enumerate(chunk) for j, c in enumerate(columns)}
            sql = f'INSERT INTO "{table}" ({names}) VALUES {marks}{tail}'
            if returning:
                found += [tuple(r) for r in uow.db.rows(sql, **params)]
            else:
                uow.db.execute(sql, **params)
    return found


def _ids(found: list[tuple], keys: list[tuple]) -> list[int]:
    """The new rows' ids in the order of ``keys``: ``found`` holds (id, *key) per row, in
    whatever order the engine returned them."""
    by_key = {tuple(r[1:]): r[0] for r in found}
    return [by_key[k] for k in keys]


def _defaults(uow, table: str) -> dict[str, Any]:
    """What the table gives a row for a column it does not set (the models' defaults: a test
    checks they agree), read from the schema so an import needs no ORM."""
    return engines.part(uow.db, "catalogue").defaults(uow.db, table)


def _changes(uow, entries: list[tuple[int, int | None, str, Any]]) -> None:
    _insert(uow, "change", [{"customer_id": c, "contact_id": p, "field": f, "old": None,
                             "new": as_text(v), "at": uow.now} for c, p, f, v in entries])


def add_customers(uow, items: Sequence[tuple[str, dict[str, Any], dict[str, str]]]) -> list[int]:
    """(name, column values, facts) per customer, as ``customers.add`` takes them; their ids.
    The names are distinct (``import`` has merged rows naming one customer)."""
    from kacli.domain.names import lookup_key, search_keys

    uow.flush()
    rows = []
    for name, values, _ in items:
        pinyin, initials = search_keys(name)
        # An exported customer keeps the day it was first recorded (the week list counts from it).
        rows.append({"created_at": uow.now, **encode(values), "name": name,
                     "name_pinyin": pinyin, "name_initials": initials, "name_key": lookup_key(name),
                     "updated_at": uow.now})
    found = _insert(uow, "customer", rows, _defaults(uow, "customer"), returning="id, name")
    ids = _ids(found, [(name,) for name, _, _ in items])
    _changes(uow, [(i, None, "created", item[0]) for i, item in zip(ids, items, strict=True)])
    _insert(uow, "customer_fact", [{"customer_id": i, "key": k, "value": v}
                                   for i, (_, _, new_facts) in zip(ids, items, strict=True)
                                   for k, v in new_facts.items()])
    return ids


def add_contacts(uow, items: Sequence[tuple[int, str, dict[str, Any], dict[str, str]]]) -> list[int]:
    """(customer id, name, values, facts) per contact, as ``contacts.add`` takes them; their ids.
    No two are one customer's contacts of the same name (``import`` has merged such rows).

    One primary contact per customer, as ``contacts.add`` keeps it: the last one marked wins.
    """
    from kacli.domain.names import lookup_key, search_keys
    from kacli.store.contacts import _birthday_columns

    uow.flush()
    defaults = _defaults(uow, "contact")
    rows = []
    for customer_id, name, values, _ in items:
        values = dict(values)
        columns = _birthday_columns(values.pop("birthday", None))
        columns.update(encode(values))
        pinyin, initials = search_keys(name)
        rows.append({**columns, "customer_id": customer_id, "name": name,
                     "name_pinyin": pinyin, "name_initials": initials, "name_key": lookup_key(name),
                     "created_at": uow.now, "updated_at": uow.now})
    found = _insert(uow, "contact", rows, defaults, returning="id, customer_id, name")
    ids = _ids(found, [(customer_id, name) for customer_id, name, _, _ in items])
    facts, changes, primary = [], [], {}
    for row_id, row, (customer_id, name, _, new_facts) in zip(ids, rows, items, strict=True):
        if row.get("is_primary"):
            primary[customer_id] = row_id
        facts += [{"contact_id": row_id, "key": k, "value": v} for k, v in new_facts.items()]
        stage = row.get("stage", defaults["stage"])
        changes += [(customer_id, row_id, "created", name), (customer_id, row_id, "stage", stage)]
    _changes(uow, changes)
    _insert(uow, "contact_fact", facts)
    for customer_id, keep in primary.items():
        uow.db.execute("UPDATE contact SET is_primary = 0 WHERE customer_id = :c AND id != :k AND is_primary = 1",
                       c=customer_id, k=keep)
    return ids


def names(uow, table: str, owner: str | None = None) -> list[tuple[int, str, int | None]]:
    """(id, name, owner id) of every customer, contact (owner: customer) or deal (title)."""
    column = "title" if table == "deal" else "name"
    owner_col = owner or "NULL"
    return [(r[0], r[1], r[2]) for r in uow.db.rows(f'SELECT id, {column}, {owner_col} FROM "{table}"')]
