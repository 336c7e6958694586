"""The undo journal on a server dossier: one trigger function, a trigger on every user table.

``install`` (run by ``schema.apply`` in the migrations' transaction, after the last step) creates
the function ``kacli_journal()`` and, on each of kacli's tables, a trigger ``kacli_journal``
(AFTER INSERT OR UPDATE OR DELETE, for each row) given the table's primary key columns. Made again
after every upgrade, it follows any table a migration adds or any key it changes; a column added
needs nothing, the before-image being ``to_jsonb(OLD)``, every column.

The trigger does nothing unless the transaction has set ``kacli.command_id`` (``begin``, as
``SET LOCAL``): migrations, an undo's replay and anyone writing outside kacli are not journaled.
Each entry holds the row's primary key as JSON (``row_key``; where the row is after the change,
or was, for a delete), so composite keys are followed as simple ones, and the command holds the
login (``current_user``) that ran it: undo takes back one's own commands.
"""

from __future__ import annotations

import json

from kacli.store.journal import OWN_TABLES, ReplayConflict
from kacli.store.postgres.db import PgDb

_FUNCTION = """CREATE OR REPLACE FUNCTION kacli_journal() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    command text := current_setting('kacli.command_id', true);
    image jsonb;
    row_key jsonb;
BEGIN
    IF command IS NULL OR command = '' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        image := to_jsonb(OLD);
    ELSE
        image := to_jsonb(NEW);
    END IF;
    SELECT jsonb_object_agg(k, image -> k) INTO row_key FROM unnest(TG_ARGV) AS k;
    INSERT INTO undo_entry (command_id, tbl, op, row_key, before)
    VALUES (command::bigint, TG_TABLE_NAME, left(TG_OP, 1), row_key::text,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE to_jsonb(OLD)::text END);
    RETURN NULL;
END
$body$"""

_PROBE = "undo replay"  # the command line of the journal command an undo writes its own changes to


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def journaled(db: PgDb) -> bool:
    return db.scalar("SELECT to_regclass('undo_entry') IS NOT NULL") is True


def primary_keys(db: PgDb) -> dict[str, list[str]]:
    """Each table of the dossier's schema with its primary key's columns, in key order."""
    keys: dict[str, list[str]] = {}
    for row in db.rows(
            """SELECT c.relname, a.attname
               FROM pg_index i
               JOIN pg_class c ON c.oid = i.indrelid
               JOIN pg_namespace n ON n.oid = c.relnamespace
               JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos) ON true
               JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
               WHERE i.indisprimary AND n.nspname = current_schema()
               ORDER BY c.relname, k.pos"""):
        keys.setdefault(row[0], []).append(row[1])
    return keys


def user_tables(db: PgDb) -> dict[str, list[str]]:
    """kacli's tables the journal follows, with their primary keys."""
    from kacli.store.postgres import schema

    keys = primary_keys(db)
    found = {}
    for table in schema.user_tables(db):
        if table in OWN_TABLES:
            continue
        if table not in keys:
            # Entries are keyed by the primary key; a table without one cannot be followed.
            raise RuntimeError(f"table {table} has no primary key: the undo journal cannot follow it")
        found[table] = keys[table]
    return found


def columns(db: PgDb, table: str) -> list[str]:
    return [r[0] for r in db.rows(
        """SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(:t)
           AND attnum > 0 AND NOT attisdropped ORDER BY attnum""", t=_quote(table))]


def install(db: PgDb) -> None:
    """The journal's function and a trigger on every user table, made (again) in the caller's
    transaction."""
    if not journaled(db):
        return
    db.execute(_FUNCTION)
    for table, key in user_tables(db).items():
        q = _quote(table)
        db.execute(f"DROP TRIGGER IF EXISTS kacli_journal ON {q}")
        db.execute(f"""CREATE TRIGGER kacli_journal AFTER INSERT OR UPDATE OR DELETE ON {q}
                       FOR EACH ROW EXECUTE FUNCTION kacli_journal({", ".join(map(_literal, key))})""")


def login(db: PgDb) -> str:
    return db.scalar("SELECT current_user")


def begin(db: PgDb, command: str, now: str) -> int:
    """Open this command's journal: from here on, this transaction's changes are its entries."""
    command_id = db.scalar("""INSERT INTO undo_command (command, at, login)
                              VALUES (:command, :at, current_user) RETURNING id""", command=command, at=now)
    _journal_into(db, command_id)
    return command_id


def _journal_into(db: PgDb, command_id: int | None) -> None:
    db.execute("SELECT set_config('kacli.command_id', :id, true)",
               id="" if command_id is None else str(command_id))


def replay(db: PgDb, command_id: int) -> None:
    """Put back what the command changed, newest change first, in the caller's transaction.

    ``ReplayConflict`` when a row is not where the journal left it, or when putting it back would
    change a row the command never touched (a row someone else since hung on one it added, which
    the foreign key's cascade would take with it)."""
    tables = user_tables(db)
    entries = db.rows("SELECT tbl, op, row_key, before FROM undo_entry WHERE command_id = :c"
                      " ORDER BY id DESC", c=command_id)
    # The replay journals its own changes, to see that it changed the command's rows and no others.
    probe = db.scalar("INSERT INTO undo_command (command, at, login) VALUES (:p, '', current_user)"
                      " RETURNING id", p=_PROBE)
    _journal_into(db, probe)
    for table, _, _, _ in entries:
        if table not in tables:
            raise ReplayConflict(table)
    pending = list(entries)
    while pending:
        # A row whose parent comes back later in the list (a cascade's deletes are journaled after
        # the row that caused them) waits for the next round, with every older change of its own.
        waiting, blocked = [], set()
        for entry in pending:
            table, op, row_key, before = entry
            if (table, row_key) in blocked or not _put_back_one(db, tables[table], entry):
                waiting.append(entry)
                blocked.add((table, row_key))
        if len(waiting) == len(pending):
            raise ReplayConflict(waiting[0][0])
        pending = waiting
    _journal_into(db, None)
    touched = [(r[0], r[1]) for r in db.rows(
        "SELECT tbl, row_key FROM undo_entry WHERE command_id = :p ORDER BY id", p=probe)]
    db.execute("DELETE FROM undo_command WHERE id = :p", p=probe)
    if len(touched) > len(entries):  # each put-back changed one row: the rest was a cascade's
        own = {(r[0], r[2]) for r in entries}
        other = next((t for t in touched if t not in own), touched[-1])
        raise ReplayConflict(*other)


def _put_back_one(db: PgDb, key: list[str], entry) -> bool:
    """Put one entry back behind a savepoint: True when done, False when its parent row is not
    there (yet); ``ReplayConflict`` when the row is not where the journal left it."""
    import psycopg

    table, op, row_key, before = entry
    db.execute("SAVEPOINT kacli_undo")
    try:
        changed = _put_back(db, table, key, op, row_key, before)
    except psycopg.errors.ForeignKeyViolation:
        db.execute("ROLLBACK TO SAVEPOINT kacli_undo")
        return False
    except psycopg.errors.IntegrityError as exc:
        db.execute("ROLLBACK TO SAVEPOINT kacli_undo")
        raise ReplayConflict(table) from exc
    if changed != 1:
        raise ReplayConflict(table)
    db.execute("RELEASE SAVEPOINT kacli_undo")
    return True


def _put_back(db: PgDb, table: str, key: list[str], op: str, row_key: str, before: str | None) -> int:
    q = _quote(table)
    keys = ", ".join(map(_quote, key))
    where = f"({keys}) = (SELECT {keys} FROM jsonb_populate_record(NULL::{q}, CAST(:row_key AS jsonb)))"
    if op == "I":
        return db.execute(f"DELETE FROM {q} WHERE {where}", row_key=row_key)
    known = set(columns(db, table))
    names = ", ".join(_quote(n) for n in json.loads(before) if n in known)
    image = f"jsonb_populate_record(NULL::{q}, CAST(:before AS jsonb))"
    if op == "U":
        return db.execute(f"UPDATE {q} SET ({names}) = (SELECT {names} FROM {image}) WHERE {where}",
                          before=before, row_key=row_key)
    return db.execute(f"INSERT INTO {q} ({names}) SELECT {names} FROM {image}", before=before)
