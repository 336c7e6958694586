"""The undo journal: what each write command changed, row by row, so ``kacli undo`` can put it back.

Every write command runs in ``kacli.store.unit.writing()``, which opens one journal command (a row
in ``undo_command``) in the command's own transaction; from then on every row the command inserts,
updates or deletes gets an ``undo_entry`` in that same transaction: which row (its rowid on the
file, its primary key on a server) and, for an update or a delete, the whole row as it was before
(JSON of every column). A crash therefore never leaves a change without its entry, nor an entry
without its change. How the entries are written is each engine's: TEMP triggers on the file
(``kacli.store.sqlite.journal``), a trigger function on the server (``kacli.store.postgres.journal``).

Undo replays the latest command's entries newest first in one transaction. The undo itself is not
journaled: there is no redo. On a server each command records the login that ran it, and undo takes
back the newest command of the current login; it refuses, naming who, when a later command of
someone else changed one of the same rows.

Bounds and barriers: the journal keeps the last ``KEEP`` commands. ``contact forget`` empties it
(the person's data must not survive in a before-image) and leaves a barrier row undo will not pass;
so does an upgrade of the dossier, whose older entries were written for an older schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

KEEP = 100  # commands kept for undo; older ones are dropped when a new one is journaled
OWN_TABLES = ("undo_command", "undo_entry", "kacli_migrations")
BARRIER_FORGET = "forget"
BARRIER_UPGRADE = "upgrade"


@dataclass(frozen=True)
class Entry:
    table: str
    op: str  # I inserted, U updated, D deleted
    row: int | str  # the rowid on the file, the primary key (JSON) on a server


@dataclass(frozen=True)
class Command:
    id: int
    command: str
    at: str
    barrier: str | None
    entries: tuple[Entry, ...] = ()


class ReplayConflict(Exception):
    """The dossier no longer holds what the journal says the command left behind; args: the
    table, and the row's key when the engine knows it."""


def _engine(db):
    from kacli.store import engines

    return engines.part(db, "journal")


def _journaled(db) -> bool:
    engine = _engine(db)
    return engine.journaled(db.conn if db.engine == "sqlite" else db)


def _login(db) -> str | None:
    """Who undo works for: the server's login; on the file, whoever holds it (None)."""
    return _engine(db).login(db) if db.engine == "postgresql" else None


# ---- writing the journal (inside the command's transaction) ---------------------------------

def begin(db, command: str, now: str) -> int | None:
    """Open this command's journal; its id (None on a dossier without a journal)."""
    if not _journaled(db):
        return None
    if db.engine == "postgresql":
        return _engine(db).begin(db, command, now)
    return _engine(db).begin(db.conn, command, now)


@contextmanager
def inserting_many(db, command_id: int | None, table: str) -> Iterator[None]:
    """Many rows inserted into ``table`` in the block, journaled as fast as the engine can (on the
    file by one statement at the end; see ``kacli.store.sqlite.journal.inserting_many``)."""
    if command_id is None or db.engine == "postgresql":
        yield
        return
    with _engine(db).inserting_many(db.conn, command_id, table):
        yield


def end(db, command_id: int | None) -> None:
    """Close the command: forget it if it changed nothing, and keep only the last ``KEEP``."""
    if command_id is None:
        return
    db.execute("""DELETE FROM undo_command WHERE id = :c AND barrier IS NULL
                  AND NOT EXISTS (SELECT 1 FROM undo_entry WHERE command_id = :c)""", c=command_id)
    db.execute("""DELETE FROM undo_command WHERE id <= (
                      SELECT id FROM undo_command ORDER BY id DESC LIMIT 1 OFFSET :keep)""", keep=KEEP)


def purge(db, command_id: int | None, reason: str, shown: str) -> None:
    """Empty the journal, this command's entries too, and make this command a barrier named
    ``shown`` (the command lines themselves may hold the data being erased)."""
    if command_id is None:
        return
    db.execute("DELETE FROM undo_entry")
    db.execute("DELETE FROM undo_command WHERE id != :c", c=command_id)
    db.execute("UPDATE undo_command SET barrier = :reason, command = :shown WHERE id = :c",
               reason=reason, shown=shown, c=command_id)


def after_upgrade(db, now: str) -> None:
    """An upgraded dossier starts a new journal: older entries describe rows of an older schema.
    Runs inside the upgrade's transaction."""
    if not _journaled(db):
        return
    if db.scalar("SELECT 1 FROM undo_command LIMIT 1"):
        db.execute("DELETE FROM undo_entry")
        db.execute("DELETE FROM undo_command")
        db.execute("INSERT INTO undo_command (command, at, barrier) VALUES ('', :at, :barrier)",
                   at=now, barrier=BARRIER_UPGRADE)


# ---- reading it -----------------------------------------------------------------------------

def recent(db, limit: int = KEEP) -> tuple[list[Command], Command | None]:
    """Up to ``limit`` commands undo can take back (the current login's, on a server), newest
    first, and the barrier it stops at when there is one before the next command it could undo."""
    if not _journaled(db):
        return [], None
    rows = db.rows("""SELECT id, command, at, barrier FROM undo_command
                      WHERE barrier IS NOT NULL OR login IS NULL OR login = :me
                      ORDER BY id DESC LIMIT :n""", me=_login(db), n=limit + 1)
    undoable: list[Command] = []
    for r in rows:
        if r["barrier"] is not None:
            return undoable, Command(r["id"], r["command"], r["at"], r["barrier"])
        if len(undoable) == limit:
            break
        undoable.append(Command(r["id"], r["command"], r["at"], None, _entries(db, r["id"])))
    return undoable, None


def _entries(db, command_id: int) -> tuple[Entry, ...]:
    rows = db.rows("SELECT tbl, op, row_id, row_key FROM undo_entry WHERE command_id = :c ORDER BY id",
                   c=command_id)
    return tuple(Entry(r["tbl"], r["op"], r["row_id"] if r["row_id"] is not None else r["row_key"])
                 for r in rows)


def changed_since(db, command_id: int, table: str | None = None, row_key: str | None = None):
    """The first later command that changed one of ``command_id``'s rows (or the given row):
    its login, command line and the table, or None."""
    if table is None:
        mine = "SELECT 1 FROM undo_entry m WHERE m.command_id = :c AND m.tbl = e.tbl AND m.row_key = e.row_key"
    else:
        mine = "SELECT 1 WHERE e.tbl = :tbl AND e.row_key = :row_key"
    return db.row(f"""SELECT c.login, c.command, e.tbl FROM undo_entry e
                      JOIN undo_command c ON c.id = e.command_id
                      WHERE e.command_id > :c AND e.row_key IS NOT NULL AND EXISTS ({mine})
                      ORDER BY e.command_id, e.id LIMIT 1""", c=command_id, tbl=table, row_key=row_key)


# ---- undoing --------------------------------------------------------------------------------

def broke_a_link(exc: BaseException) -> bool:
    """True for the failure of an undo's commit when a replayed row lacks its parent."""
    import sqlite3

    orig = getattr(exc, "orig", None) or exc
    if getattr(orig, "sqlstate", None) == "23503":  # PostgreSQL's foreign_key_violation
        return True
    return isinstance(orig, sqlite3.IntegrityError) and "FOREIGN KEY" in str(orig).upper()


def undo_latest(db, command_id: int) -> None:
    """Undo ``command_id`` if it is still the latest undoable command (another kacli may have
    written since the user was asked); BadInput otherwise, when someone else has since changed
    the same rows, or when the rows have moved on."""
    from kacli.errors import BadInput

    commands, _ = recent(db, limit=1)
    if not commands or commands[0].id != command_id:
        raise BadInput("error.undo_moved")
    _refuse_if_changed(db, changed_since(db, command_id))
    try:
        if db.engine == "postgresql":
            _engine(db).replay(db, command_id)
        else:
            _engine(db).replay(db.conn, command_id)
    except ReplayConflict as exc:
        if len(exc.args) > 1:
            _refuse_if_changed(db, changed_since(db, command_id, *exc.args[:2]))
        raise BadInput("error.undo_conflict", table=str(exc.args[0])) from exc
    db.execute("DELETE FROM undo_command WHERE id = :c", c=command_id)


def _refuse_if_changed(db, found) -> None:
    from kacli.errors import BadInput
    from kacli.i18n import label_or_code

    if found is None:
        return
    raise BadInput("error.undo_changed_since", login=found["login"] or "?", command=found["command"],
                   table=label_or_code(f"undo.table.{found['tbl']}", found["tbl"]))
