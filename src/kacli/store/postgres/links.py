"""Foreign keys of a server dossier, read from PostgreSQL's catalogue, and pointing them at
another row."""

from __future__ import annotations

from kacli.store.postgres.db import PgDb


def references_to(db: PgDb, table: str) -> list[tuple[str, str]]:
    """Every (table, column) whose single-column foreign key points at ``table``, by table name."""
    return [(r[0], r[1]) for r in db.rows(
        """SELECT c.relname, a.attname
           FROM pg_constraint k
           JOIN pg_class c ON c.oid = k.conrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
           WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND n.nspname = current_schema()
             AND k.confrelid = to_regclass(:t)
           ORDER BY c.relname, a.attname""", t=f'"{table}"')]


def repoint(db: PgDb, table: str, column: str, source_id: int, target_id: int) -> None:
    """``column`` of ``table`` from ``source_id`` to ``target_id``, except in a row that would then
    equal one already there (it stays, and goes with the source row): all rows at once, or, when
    one of them collides, row by row, each behind its own savepoint."""
    from kacli.store.postgres.journal import primary_keys

    update = f'UPDATE "{table}" SET "{column}" = :t WHERE "{column}" = :s'
    if _tried(db, update, t=target_id, s=source_id):
        return
    key = primary_keys(db)[table]
    where = " AND ".join(f'"{k}" = :k{i}' for i, k in enumerate(key))
    names = ", ".join(f'"{k}"' for k in key)
    for row in db.rows(f'SELECT {names} FROM "{table}" WHERE "{column}" = :s', s=source_id):
        _tried(db, f"{update} AND {where}", t=target_id, s=source_id,
               **{f"k{i}": value for i, value in enumerate(row)})


def _tried(db: PgDb, sql: str, **params) -> bool:
    """Run ``sql`` behind a savepoint; False, and nothing changed, when it breaks a unique key."""
    import psycopg

    db.execute("SAVEPOINT kacli_repoint")
    try:
        db.execute(sql, **params)
    except psycopg.errors.UniqueViolation:
        db.execute("ROLLBACK TO SAVEPOINT kacli_repoint")
        return False
    db.execute("RELEASE SAVEPOINT kacli_repoint")
    return True
