"""Facts about a server dossier and its soundness: what ``dossier info`` and ``dossier check`` say
on a PostgreSQL database.

There is no file to examine on a server (its pages are the server's business); what kacli can
check is that the schema is the one its migrations make and that the undo journal is whole.
"""

from __future__ import annotations

import json
import sqlite3

from kacli.store.postgres.db import PgDb
from kacli.store.postgres.transfer import BOOKKEEPING, JOURNAL_TABLES, server_count
from kacli.store.postgres.uri import redacted


def info(uri: str, db: PgDb, tables: tuple[str, ...]) -> dict:
    from kacli.store.postgres import schema

    return {
        "engine": "postgresql",
        "uri": redacted(uri),
        "database": db.scalar("SELECT current_database()"),
        "server_version": db.scalar("SHOW server_version"),
        "schema_version": schema.version(db),
        "counts": {t: server_count(db, t) for t in tables},
    }


def expected_columns() -> dict[str, list[str]]:
    """Every table and its columns as this kacli's migrations make them (built in memory)."""
    from kacli.store import migrations

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.apply(conn, now="1970-01-01T00:00:00Z")
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: [r[1] for r in conn.execute(f'PRAGMA table_info("{n}")')] for n in names}
    finally:
        conn.close()


def problems(db: PgDb) -> list[str]:
    """What is wrong with the server dossier's schema or its undo journal; empty when sound."""
    from kacli.store.migrations import LATEST, MIGRATIONS
    from kacli.store.postgres import schema

    found: list[str] = []
    done = schema.applied(db)
    missing = [n for n, _, _ in MIGRATIONS if n not in done]
    if missing:
        found.append(f"migrations not applied: {', '.join(map(str, missing))}")
    if max(done, default=0) > LATEST:
        found.append(f"schema version {max(done)} is newer than this kacli ({LATEST})")
    have: dict[str, list[str]] = {}
    for table, column in db.rows(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"):
        have.setdefault(table, []).append(column)
    for table, columns in sorted(expected_columns().items()):
        if table not in have:
            found.append(f"table {table} is missing")
            continue
        lost = [c for c in columns if c not in have[table]]
        extra = [c for c in have[table] if c not in columns]
        if lost:
            found.append(f"table {table} lacks column(s) {', '.join(lost)}")
        if extra:
            found.append(f"table {table} has column(s) no migration made: {', '.join(extra)}")
    if not found:
        found += _journal_problems(db, set(have) - {BOOKKEEPING, *JOURNAL_TABLES})
    return found


def _journal_problems(db: PgDb, tables: set[str]) -> list[str]:
    """Every undo entry names a dossier table and a known change, and a before-image (of an
    updated or deleted row) that reads as a row."""
    if not db.scalar("SELECT to_regclass('undo_entry') IS NOT NULL"):
        return []
    found = []
    for entry_id, table, op, before in db.each("SELECT id, tbl, op, before FROM undo_entry ORDER BY id"):
        if table not in tables:
            found.append(f"undo entry {entry_id} names no dossier table ({table})")
        elif op not in ("I", "U", "D"):
            found.append(f"undo entry {entry_id} has an unknown change ({op})")
        elif op != "I":
            try:
                row = json.loads(before) if isinstance(before, str) else before
            except ValueError:
                row = None
            if not isinstance(row, dict):
                found.append(f"undo entry {entry_id} has no readable row before the change")
        if len(found) >= 20:
            break
    return found
