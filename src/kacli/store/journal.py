"""The undo journal: what each write command changed, row by row, so ``kacli undo`` can put it back.

Every write command runs in ``kacli.store.unit.writing()``, which opens one journal command
(a row in ``undo_command``) and, on its connection only, TEMP triggers on every user table of the
live schema (AFTER INSERT / UPDATE / DELETE). The triggers write, in the command's own
transaction, one ``undo_entry`` per changed row: the new rowid for an insert, the whole row as it
was before (JSON of every column) for an update or a delete. A crash therefore never leaves a
change without its entry, nor an entry without its change. Because the triggers are generated
from ``PRAGMA table_info`` each time a write begins, a table or column added by any migration is
covered without anything to regenerate, and a migration never meets a trigger.

Undo replays the latest command's entries newest first in one transaction, with foreign keys
checked at commit. The undo itself is not journaled: there is no redo.

Bounds and barriers: the journal keeps the last ``KEEP`` commands. ``contact forget`` empties it
(the person's data must not survive in a before-image) and leaves a barrier row undo will not pass;
so does an upgrade of the dossier, whose older entries were written for an older schema.

SQLite-only: TEMP triggers, ``json_object`` and rowids.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

KEEP = 100  # commands kept for undo; older ones are dropped when a new one is journaled
_OWN = ("undo_command", "undo_entry", "kacli_migrations")
_CHUNK = 40  # columns per json_object/json_set call: SQLite caps a function's arguments at 100+
BARRIER_FORGET = "forget"
BARRIER_UPGRADE = "upgrade"

@dataclass(frozen=True)
class Entry:
    table: str
    op: str  # I inserted, U updated, D deleted
    row_id: int


@dataclass(frozen=True)
class Command:
    id: int
    command: str
    at: str
    barrier: str | None
    entries: tuple[Entry, ...] = ()


class ReplayConflict(Exception):
    """The dossier no longer holds what the journal says the command left behind."""


def journaled(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='undo_entry'").fetchone() is not None


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type='table'"
                        " AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    found = []
    for name, sql in rows:
        if name in _OWN:
            continue
        if "WITHOUT ROWID" in (sql or "").upper():
            # Entries are keyed by rowid; a table without one needs another key here first.
            raise RuntimeError(f"table {name} has no rowid: the undo journal cannot follow it")
        found.append(name)
    return found


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")').fetchall()]


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _image(cols: list[str]) -> str:
    """SQL for the OLD row as a JSON object of every column, in chunks SQLite accepts."""
    def pairs(chunk, key):
        return ", ".join(f"{key(c)}, OLD.{_quote(c)}" for c in chunk)

    def lit(text: str) -> str:
        return "'" + text.replace("'", "''") + "'"

    sql = f"json_object({pairs(cols[:_CHUNK], lit)})"
    for start in range(_CHUNK, len(cols), _CHUNK):
        chunk = cols[start:start + _CHUNK]
        sql = f"json_set({sql}, {pairs(chunk, lambda c: lit('$.' + json.dumps(c)))})"
    return sql


_TARGET = "INSERT INTO undo_entry (command_id, tbl, op, row_id, before) VALUES"


def _trigger_name(table: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in table)


def _insert_trigger(command_id: int, table: str) -> str:
    tbl = "'" + table.replace("'", "''") + "'"
    return f"""CREATE TEMP TRIGGER undo_i_{_trigger_name(table)} AFTER INSERT ON main.{_quote(table)} BEGIN
            {_TARGET} ({command_id}, {tbl}, 'I', NEW.rowid, NULL); END"""


def _triggers(command_id: int, table: str, cols: list[str]) -> list[str]:
    """The three TEMP triggers for one table; the command's id is written into them."""
    q = _quote(table)
    name = _trigger_name(table)
    tbl = "'" + table.replace("'", "''") + "'"
    return [
        _insert_trigger(command_id, table),
        f"""CREATE TEMP TRIGGER undo_u_{name} AFTER UPDATE ON main.{q} BEGIN
            {_TARGET} ({command_id}, {tbl}, 'U', OLD.rowid, {_image(cols)}); END""",
        f"""CREATE TEMP TRIGGER undo_d_{name} AFTER DELETE ON main.{q} BEGIN
            {_TARGET} ({command_id}, {tbl}, 'D', OLD.rowid, {_image(cols)}); END""",
    ]


# ---- writing the journal (inside the command's transaction) ---------------------------------

def begin(conn: sqlite3.Connection, command: str, now: str) -> int | None:
    """Open this command's journal and its triggers; its id (None on a dossier without a journal)."""
    if not journaled(conn):
        return None
    command_id = conn.execute("INSERT INTO undo_command (command, at) VALUES (?, ?)",
                              (command, now)).lastrowid
    for table in user_tables(conn):
        for statement in _triggers(command_id, table, columns(conn, table)):
            conn.execute(statement)
    return command_id


@contextmanager
def inserting_many(conn: sqlite3.Connection, command_id: int | None, table: str) -> Iterator[None]:
    """Inside the block, rows inserted into ``table`` are journaled by one statement at its end
    rather than by the insert trigger once per row (a 50,000-row import: 0.1 s instead of 3 s).

    The entries are the ones the trigger writes, in rowid order. Only inserts are taken over:
    the block must give each new row a rowid above every existing one (AUTOINCREMENT does), and
    updates and deletes in it are journaled by their triggers as always.
    """
    if command_id is None:
        yield
        return
    q = _quote(table)
    (last,) = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM main.{q}").fetchone()
    conn.execute(f"DROP TRIGGER temp.undo_i_{_trigger_name(table)}")
    try:
        yield
    finally:
        conn.execute(_insert_trigger(command_id, table))
    conn.execute(f"""INSERT INTO undo_entry (command_id, tbl, op, row_id, before)
                     SELECT ?, ?, 'I', rowid, NULL FROM main.{q} WHERE rowid > ? ORDER BY rowid""",
                 (command_id, table, last))


def end(conn: sqlite3.Connection, command_id: int | None) -> None:
    """Close the command: forget it if it changed nothing, and keep only the last ``KEEP``."""
    if command_id is None:
        return
    conn.execute("""DELETE FROM undo_command WHERE id = ? AND barrier IS NULL
                    AND NOT EXISTS (SELECT 1 FROM undo_entry WHERE command_id = ?)""",
                 (command_id, command_id))
    conn.execute("""DELETE FROM undo_command WHERE id <= (
                        SELECT id FROM undo_command ORDER BY id DESC LIMIT 1 OFFSET ?)""", (KEEP,))


def purge(conn: sqlite3.Connection, command_id: int | None, reason: str, shown: str) -> None:
    """Empty the journal, this command's entries too, and make this command a barrier named
    ``shown`` (the command lines themselves may hold the data being erased)."""
    if command_id is None:
        return
    conn.execute("DELETE FROM undo_entry")
    conn.execute("DELETE FROM undo_command WHERE id != ?", (command_id,))
    conn.execute("UPDATE undo_command SET barrier = ?, command = ? WHERE id = ?",
                 (reason, shown, command_id))


def after_upgrade(conn: sqlite3.Connection, now: str) -> None:
    """An upgraded dossier starts a new journal: older entries describe rows of an older schema.
    Runs inside the upgrade's transaction."""
    if not journaled(conn):
        return
    if conn.execute("SELECT 1 FROM undo_command LIMIT 1").fetchone():
        conn.execute("DELETE FROM undo_entry")
        conn.execute("DELETE FROM undo_command")
        conn.execute("INSERT INTO undo_command (command, at, barrier) VALUES ('', ?, ?)",
                     (now, BARRIER_UPGRADE))


# ---- reading it -----------------------------------------------------------------------------

def recent(db, limit: int = KEEP) -> tuple[list[Command], Command | None]:
    """Up to ``limit`` commands undo can take back, newest first, and the barrier it stops at
    when there is one before the next command it could undo."""
    if not journaled(db.conn):
        return [], None
    rows = db.rows("SELECT id, command, at, barrier FROM undo_command ORDER BY id DESC LIMIT :n",
                   n=limit + 1)
    undoable: list[Command] = []
    for r in rows:
        if r["barrier"] is not None:
            return undoable, Command(r["id"], r["command"], r["at"], r["barrier"])
        if len(undoable) == limit:
            break
        undoable.append(Command(r["id"], r["command"], r["at"], None, _entries(db, r["id"])))
    return undoable, None


def _entries(db, command_id: int) -> tuple[Entry, ...]:
    rows = db.rows("SELECT tbl, op, row_id FROM undo_entry WHERE command_id = :c ORDER BY id",
                   c=command_id)
    return tuple(Entry(r["tbl"], r["op"], r["row_id"]) for r in rows)


# ---- undoing --------------------------------------------------------------------------------

def replay(conn: sqlite3.Connection, command_id: int) -> None:
    """Put back what the command changed, newest change first, and drop it from the journal.

    Runs inside the caller's transaction (on a connection without journal triggers). Foreign
    keys are checked at commit, so a parent and its children come back in any order.
    ``ReplayConflict`` when a row is not where the journal left it.
    """
    conn.execute("PRAGMA defer_foreign_keys = ON")
    known = {table: set(columns(conn, table)) for table in user_tables(conn)}
    rows = conn.execute("SELECT tbl, op, row_id, before FROM undo_entry WHERE command_id = ?"
                        " ORDER BY id DESC", (command_id,)).fetchall()
    for table, op, row_id, before in rows:
        if table not in known:
            raise ReplayConflict(table)
        q = _quote(table)
        if op == "I":
            changed = conn.execute(f"DELETE FROM main.{q} WHERE rowid = ?", (row_id,)).rowcount
        else:
            image = {k: v for k, v in json.loads(before).items() if k in known[table]}
            names = list(image)
            if op == "U":
                sets = ", ".join(f"{_quote(n)} = ?" for n in names)
                changed = conn.execute(f"UPDATE main.{q} SET {sets} WHERE rowid = ?",
                                       [*image.values(), row_id]).rowcount
            else:
                cols = ", ".join(["rowid", *(_quote(n) for n in names)])
                marks = ", ".join("?" * (len(names) + 1))
                try:
                    changed = conn.execute(f"INSERT INTO main.{q} ({cols}) VALUES ({marks})",
                                           [row_id, *image.values()]).rowcount
                except sqlite3.IntegrityError as exc:
                    raise ReplayConflict(table) from exc
        if changed != 1:
            raise ReplayConflict(table)
    conn.execute("DELETE FROM undo_command WHERE id = ?", (command_id,))


def broke_a_link(exc: BaseException) -> bool:
    """True for the failure of an undo's commit when a replayed row lacks its parent."""
    orig = getattr(exc, "orig", None) or exc
    return isinstance(orig, sqlite3.IntegrityError) and "FOREIGN KEY" in str(orig).upper()


def undo_latest(db, command_id: int) -> None:
    """Undo ``command_id`` if it is still the latest undoable command (another kacli may have
    written since the user was asked); BadInput otherwise, or when the rows have moved on."""
    from kacli.errors import BadInput

    commands, _ = recent(db, limit=1)
    if not commands or commands[0].id != command_id:
        raise BadInput("error.undo_moved")
    try:
        replay(db.conn, command_id)
    except ReplayConflict as exc:
        raise BadInput("error.undo_conflict", table=str(exc)) from exc
