"""The undo journal on a dossier file: TEMP triggers made by each write from the live schema.

``begin`` opens the command's journal and, on its connection only, TEMP triggers on every user
table (AFTER INSERT / UPDATE / DELETE) that write one ``undo_entry`` per changed row: the new rowid
for an insert, the whole row as it was before (``json_object`` of every column) for an update or a
delete. Because the triggers are generated from ``PRAGMA table_info`` each time a write begins, a
table or column added by any migration is covered without anything to regenerate, and a migration
never meets a trigger. ``replay`` puts a command's rows back by rowid, foreign keys checked at
commit. The rest of the journal (bounds, barriers, reading it) is ``kacli.store.journal``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from kacli.store.journal import OWN_TABLES, ReplayConflict

_CHUNK = 40  # columns per json_object/json_set call: SQLite caps a function's arguments at 100+


def journaled(conn: sqlite3.Connection) -> bool:
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='undo_entry'").fetchone() is not None


def user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name, sql FROM main.sqlite_master WHERE type='table'"
                        " AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
    found = []
    for name, sql in rows:
        if name in OWN_TABLES:
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


def begin(conn: sqlite3.Connection, command: str, now: str) -> int:
    """Open this command's journal and its triggers; its id."""
    command_id = conn.execute("INSERT INTO undo_command (command, at) VALUES (?, ?)",
                              (command, now)).lastrowid
    for table in user_tables(conn):
        for statement in _triggers(command_id, table, columns(conn, table)):
            conn.execute(statement)
    return command_id


@contextmanager
def inserting_many(conn: sqlite3.Connection, command_id: int, table: str) -> Iterator[None]:
    """Inside the block, rows inserted into ``table`` are journaled by one statement at its end
    rather than by the insert trigger once per row (a 50,000-row import: 0.1 s instead of 3 s).

    The entries are the ones the trigger writes, in rowid order. Only inserts are taken over:
    the block must give each new row a rowid above every existing one (AUTOINCREMENT does), and
    updates and deletes in it are journaled by their triggers as always.
    """
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


def replay(conn: sqlite3.Connection, command_id: int) -> None:
    """Put back what the command changed, newest change first.

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
