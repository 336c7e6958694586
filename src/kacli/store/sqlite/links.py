"""Foreign keys of a dossier file, read from its schema (``sqlite_master``, ``PRAGMA
foreign_key_list``), and pointing them at another row."""

from __future__ import annotations


def references_to(db, table: str) -> list[tuple[str, str]]:
    """Every (table, column) whose foreign key points at ``table``, by table name."""
    names = [r[0] for r in db.rows("SELECT name FROM sqlite_master WHERE type = 'table'"
                                   " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [(name, key["from"]) for name in names
            for key in db.rows(f'PRAGMA foreign_key_list("{name}")') if key["table"] == table]


def repoint(db, table: str, column: str, source_id: int, target_id: int) -> None:
    """``column`` of ``table`` from ``source_id`` to ``target_id``, except in a row that would then
    equal one already there (it stays, and goes with the source row)."""
    db.execute(f'UPDATE OR IGNORE "{table}" SET "{column}" = :t WHERE "{column}" = :s',
               t=target_id, s=source_id)
