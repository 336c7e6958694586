"""The dossier's tables as SQLModel classes, one module per table, named after the table.

Import them through ``kacli.store.models``, which builds each on first use.
"""

from __future__ import annotations

from typing import Any


def references(column: str) -> dict[str, Any]:
    """``Field(**references("customer.id"))``: a column the schema links to ``customer.id``.

    The link is noted on the column (``column.info["references"]``; a test holds it to the
    migrated schema) but not declared to SQLAlchemy as a foreign key. Declared, it would make
    every write build the tables its rows point at before it could flush (a session resolves each
    foreign key of a table it writes), so logging a visit would build the customer, contact and
    deal classes too. Nothing here needs SQLAlchemy to know the links: SQLite enforces them, the
    migrations create them, and no ``relationship()`` follows them (a session does not order
    inserts by foreign key without one).
    """
    return {"sa_column_kwargs": {"info": {"references": column}}}
