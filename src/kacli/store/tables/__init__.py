"""The dossier's tables as SQLModel classes, one module per table, named after the table.

Import them through ``kacli.store.models``, which builds each on first use.
"""

from __future__ import annotations

from importlib import import_module


def references(column: str) -> str:
    """``"table.column"`` for ``Field(foreign_key=...)``, with the referenced table built first.

    A session resolves every foreign key of a table it flushes through the shared MetaData, so a
    table cannot be written while a table it points at is not built, even when the command never
    touches that one.
    """
    import_module(f"{__name__}.{column.split('.', 1)[0]}")
    return column
