"""Adding many customers and contacts in one statement each (``import``), on a ``UnitOfWork``.

The rows written are exactly those ``customers.add`` and ``contacts.add`` write one at a time —
the same columns and search keys, the same facts, the same ``created`` (and, for a contact,
``stage``) entries in the change log — but with ``executemany`` on the session's connection, in
its transaction, so 10,000 customers with 50,000 contacts import in seconds rather than minutes.
Ids are handed out from the table's current maximum: the transaction holds the write lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kacli.store import journal
from kacli.store.customers import encode
from kacli.store.history import as_text


def _defaults(uow, table: str) -> dict[str, Any]:
    """What the table gives a row for a column it does not set (the models' defaults: a test
    checks they agree), read from the schema so an import needs no ORM."""
    info = uow.db.rows(f'PRAGMA table_info("{table}")')
    given = [r for r in info if r["dflt_value"] is not None]
    values = uow.db.row(f"SELECT {', '.join(r['dflt_value'] for r in given)}") if given else ()
    return {**{r["name"]: None for r in info}, **{r["name"]: v for r, v in zip(given, values, strict=True)}}


def _insert(uow, table: str, rows: Sequence[dict[str, Any]], defaults: dict[str, Any] | None = None) -> None:
    """All the rows in one statement, journaled for undo as one statement too.

    Only the columns some row sets are named, so a column no row sets takes the table's default;
    a row without a column that another row sets gets that default from ``defaults``.
    """
    if not rows:
        return
    fill = defaults or {}
    columns = [(c, fill.get(c)) for c in dict.fromkeys(c for row in rows for c in row)]
    _insert_values(uow, table, [c for c, _ in columns],
                   [tuple([row.get(c, default) for c, default in columns]) for row in rows])


def _insert_values(uow, table: str, columns: Sequence[str], values: Sequence[tuple]) -> None:
    if not values:
        return
    sql = f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES ({", ".join("?" for _ in columns)})'
    with journal.inserting_many(uow.db, uow.command_id, table):
        uow.db.conn.executemany(sql, values)


def _first_id(uow, table: str) -> int:
    return (uow.db.scalar(f'SELECT max(id) FROM "{table}"') or 0) + 1


def _changes(uow, entries: list[tuple[int, int | None, str, Any]]) -> None:
    _insert_values(uow, "change", ("customer_id", "contact_id", "field", "old", "new", "at"),
                   [(c, p, f, None, as_text(v), uow.now) for c, p, f, v in entries])


def add_customers(uow, items: Sequence[tuple[str, dict[str, Any], dict[str, str]]]) -> list[int]:
    """(name, column values, facts) per customer, as ``customers.add`` takes them; their ids."""
    from kacli.domain.names import lookup_key, search_keys

    uow.flush()
    next_id = _first_id(uow, "customer")
    rows, facts, ids = [], [], []
    for offset, (name, values, new_facts) in enumerate(items):
        row_id = next_id + offset
        pinyin, initials = search_keys(name)
        # An exported customer keeps the day it was first recorded (the week list counts from it).
        rows.append({"created_at": uow.now, **encode(values), "id": row_id, "name": name,
                     "name_pinyin": pinyin, "name_initials": initials, "name_key": lookup_key(name),
                     "updated_at": uow.now})
        facts += [{"customer_id": row_id, "key": k, "value": v} for k, v in new_facts.items()]
        ids.append(row_id)
    _insert(uow, "customer", rows, _defaults(uow, "customer"))
    _changes(uow, [(i, None, "created", item[0]) for i, item in zip(ids, items, strict=True)])
    _insert(uow, "customer_fact", facts)
    return ids


def add_contacts(uow, items: Sequence[tuple[int, str, dict[str, Any], dict[str, str]]]) -> list[int]:
    """(customer id, name, values, facts) per contact, as ``contacts.add`` takes them; their ids.

    One primary contact per customer, as ``contacts.add`` keeps it: the last one marked wins.
    """
    from kacli.domain.names import lookup_key, search_keys
    from kacli.store.contacts import _birthday_columns

    uow.flush()
    defaults = _defaults(uow, "contact")
    next_id = _first_id(uow, "contact")
    rows, facts, ids, changes, primary = [], [], [], [], {}
    for offset, (customer_id, name, values, new_facts) in enumerate(items):
        row_id = next_id + offset
        values = dict(values)
        columns = _birthday_columns(values.pop("birthday", None))
        columns.update(encode(values))
        pinyin, initials = search_keys(name)
        row = {**columns, "id": row_id, "customer_id": customer_id, "name": name,
               "name_pinyin": pinyin, "name_initials": initials, "name_key": lookup_key(name),
               "created_at": uow.now, "updated_at": uow.now}
        rows.append(row)
        if row.get("is_primary"):
            primary[customer_id] = row_id
        facts += [{"contact_id": row_id, "key": k, "value": v} for k, v in new_facts.items()]
        stage = row.get("stage", defaults["stage"])
        changes += [(customer_id, row_id, "created", name), (customer_id, row_id, "stage", stage)]
        ids.append(row_id)
    _insert(uow, "contact", rows, defaults)
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
