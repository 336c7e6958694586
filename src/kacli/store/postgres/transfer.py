"""Copying a dossier between its file and a PostgreSQL database, whole, in one transaction.

- ``push``: a dossier file into a database that holds no dossier yet (or an empty one). A
  database already holding exactly the file's rows gets nothing more; one holding anything else
  is refused, its counts named.
- ``pull``: a server dossier into a new dossier file (the same format ``dossier backup`` writes on
  the file), made whole under a temporary name and given its name in one step.
- ``restore``: a dossier file read back into the database in place of its rows.

Ids travel as they are, so every reference between rows still holds, and the server's identity
sequences are moved past them so the next id the server gives is new. The undo journal stays
where it was written: a copy starts with nothing to undo (its entries describe writes made on the
other side, and may hold before-images of rows the copy never had). After a copy, every table is
counted on both sides and the counts must agree, or nothing is kept.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from kacli.errors import BadInput, DossierError, DossierTooNew
from kacli.store.postgres.db import PgDb
from kacli.store.postgres.uri import redacted

# Tables that are not the salesperson's data: the undo journal and the schema's bookkeeping.
JOURNAL_TABLES = ("undo_command", "undo_entry")
BOOKKEEPING = "kacli_migrations"
_BATCH = 2000  # rows read from the source at a time: a large dossier is never held whole


@dataclass(frozen=True)
class Counts:
    """Rows of every dossier table on both sides of a copy (file first)."""

    tables: tuple[tuple[str, int, int], ...]
    copied: bool = True  # False: the destination already held exactly these rows

    @property
    def agree(self) -> bool:
        return all(a == b for _, a, b in self.tables)

    def as_json(self) -> dict:
        return {"copied": self.copied,
                "tables": {name: {"file": a, "server": b} for name, a, b in self.tables}}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# ---- the file's side --------------------------------------------------------------------------

def file_tables(conn: sqlite3.Connection) -> list[str]:
    """The dossier's data tables, every table after the tables it refers to."""
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    names = [n for n in names if n not in JOURNAL_TABLES and n != BOOKKEEPING]
    parents = {n: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list({_q(n)})")} - {n} for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and parents[n] <= set(ordered)]
        if not ready:  # a cycle between tables: cannot happen with kacli's schema
            raise RuntimeError("the dossier's tables refer to each other in a circle")
        ordered += ready
    return ordered


def file_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({_q(table)})")]


def file_count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {_q(table)}").fetchone()[0]


@contextmanager
def file_at_latest(source: Path, *, live: bool) -> Iterator[sqlite3.Connection]:
    """A read of the dossier file ``source`` at this kacli's schema, in one read transaction
    (``live``: it may be the dossier in use, see ``dossier.read_only_view``). The file itself is
    never written: an older one is upgraded in a private copy, as opening it would upgrade it."""
    from kacli.store import dossier, migrations, safefile

    with dossier.read_only_view(source, live=live) as view:
        current = migrations.version(view)
        if current > migrations.LATEST:
            raise DossierTooNew("error.dossier_too_new", path=source, version=current, known=migrations.LATEST)
        if current == migrations.LATEST:
            view.execute("BEGIN")
            try:
                yield view
            finally:
                view.rollback()
            return
        with tempfile.TemporaryDirectory(prefix="kacli-copy-") as private:  # 0700: personal data
            copy = Path(private) / "dossier.db"
            safefile.sqlite_copy(view, copy, journal="DELETE")
            conn = dossier.open_dossier(copy, create=False)
            try:
                conn.execute("BEGIN")
                yield conn
            finally:
                conn.close()


# ---- the server's side ------------------------------------------------------------------------

def server_columns(db: PgDb, table: str) -> list[str]:
    return [r[0] for r in db.rows(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
        " AND table_name = :t ORDER BY ordinal_position", t=table)]


def server_count(db: PgDb, table: str) -> int:
    return db.scalar(f"SELECT count(*) FROM {_q(table)}")


def _ready_for_writing(db: PgDb, uri: str, now: str) -> None:
    """The write lock taken and the database made an up-to-date dossier (in this transaction)."""
    from kacli.store.migrations import LATEST
    from kacli.store.postgres import dossier as server
    from kacli.store.postgres import schema

    server.lock_for_write(db, uri)
    current = schema.version(db)
    if current > LATEST:
        raise DossierTooNew("error.dossier_too_new", path=redacted(uri), version=current, known=LATEST)
    if not schema.has_bookkeeping(db) and schema.user_tables(db):
        raise DossierError("error.server_foreign", url=redacted(uri))
    schema.apply(db, now=now)


def _copy_into_server(db: PgDb, source: sqlite3.Connection, tables: list[str]) -> None:
    for table in tables:
        columns = file_columns(source, table)
        names = ", ".join(_q(c) for c in columns)
        rows = source.execute(f"SELECT {names} FROM {_q(table)}")
        with db.conn.cursor().copy(f"COPY {_q(table)} ({names}) FROM STDIN") as copy:
            while batch := rows.fetchmany(_BATCH):
                for row in batch:
                    copy.write_row(row)
    _move_identities_past(db, tables)


def _move_identities_past(db: PgDb, tables: list[str]) -> None:
    """Each identity sequence set after the largest id now in its table (or back to the start)."""
    for table in tables:
        sequence = db.scalar("SELECT pg_get_serial_sequence(:t, 'id')", t=_q(table)) \
            if "id" in server_columns(db, table) else None
        if sequence is None:
            continue
        top = db.scalar(f"SELECT max(id) FROM {_q(table)}")
        if top is None:
            db.execute("SELECT setval(:s, 1, false)", s=sequence)
        else:
            db.execute("SELECT setval(:s, :n)", s=sequence, n=top)


def _same_rows(db: PgDb, source: sqlite3.Connection, tables: list[str]) -> bool:
    for table in tables:
        columns = file_columns(source, table)
        names = ", ".join(_q(c) for c in columns)
        mine = sorted((tuple(r) for r in source.execute(f"SELECT {names} FROM {_q(table)}")), key=repr)
        theirs = sorted((tuple(r) for r in db.rows(f"SELECT {names} FROM {_q(table)}")), key=repr)
        if mine != theirs:
            return False
    return True


def _counts(db: PgDb, source: sqlite3.Connection, tables: list[str], *, copied: bool) -> Counts:
    return Counts(tuple((t, file_count(source, t), server_count(db, t)) for t in tables), copied)


def _what_is_there(db: PgDb, tables: list[str]) -> str:
    from kacli.i18n import label_or_code

    held = [(t, server_count(db, t)) for t in tables]
    return ", ".join(f"{label_or_code(f'dossier.table.{t}', t)} {n:,}" for t, n in held if n)


@contextmanager
def _server_transaction(uri: str, now: str) -> Iterator[PgDb]:
    """One transaction on the server, committed when the block ends, else rolled back; a lost
    server or a refused login said in one sentence."""
    import psycopg

    from kacli.store.postgres import dossier as server
    from kacli.store.postgres.connect import connect

    db = PgDb(connect(uri))
    try:
        yield db
        db.commit()
    except BaseException as exc:
        with suppress(psycopg.Error):  # a server gone has kept nothing
            db.rollback()
        if isinstance(exc, psycopg.Error):
            mapped = server._gone(exc, uri)
            if mapped is exc:
                mapped = DossierError("error.transfer_failed", url=redacted(uri),
                                      detail=type(exc).__name__)
            raise mapped from None
        raise
    finally:
        db.conn.close()


def push(source: Path, uri: str, *, now: str) -> Counts:
    """Copy the dossier file ``source`` into the database ``uri``."""
    with file_at_latest(source, live=True) as conn, _server_transaction(uri, now) as db:
        _ready_for_writing(db, uri, now)
        tables = file_tables(conn)
        if any(server_count(db, t) for t in tables):
            if _same_rows(db, conn, tables):
                return _counts(db, conn, tables, copied=False)
            raise BadInput("error.push_not_empty", url=redacted(uri), held=_what_is_there(db, tables))
        db.execute(f"DELETE FROM {_q(JOURNAL_TABLES[0])}")  # nothing before the copy can be undone
        _copy_into_server(db, conn, tables)
        counts = _counts(db, conn, tables, copied=True)
        if not counts.agree:
            raise DossierError("error.transfer_counts", url=redacted(uri))
        return counts


def restore(source: Path, uri: str, *, now: str) -> Counts:
    """Replace every row of the server dossier at ``uri`` with the dossier file ``source``'s."""
    with file_at_latest(source, live=False) as conn, _server_transaction(uri, now) as db:
        _ready_for_writing(db, uri, now)
        tables = file_tables(conn)
        everything = ", ".join(_q(t) for t in (*tables, *JOURNAL_TABLES))
        db.execute(f"TRUNCATE {everything}")
        _copy_into_server(db, conn, tables)
        counts = _counts(db, conn, tables, copied=True)
        if not counts.agree:
            raise DossierError("error.transfer_counts", url=redacted(uri))
        return counts


def pull(uri: str, dest: Path, *, replace: bool, now: str) -> Counts:
    """Copy the server dossier at ``uri`` into a new dossier file ``dest`` (0600), made whole
    under a temporary name; FileExistsError if ``dest`` appeared meanwhile and not ``replace``."""
    from kacli.store import migrations, safefile
    from kacli.store.postgres import dossier as server

    opened = server.open_db(uri, create=False, now=now)  # upgraded first, if this kacli is newer
    opened.conn.close()
    with _server_transaction(uri, now) as db:
        db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")  # one moment's rows
        safefile.make_folders(dest.parent)
        temp = safefile.temp_beside(dest, "pull")
        try:
            os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            safefile.private_file(temp)
            conn = sqlite3.connect(temp, isolation_level=None)
            try:
                conn.execute("PRAGMA synchronous = OFF")  # synced whole by publish()
                migrations.apply(conn, now=now)
                tables = file_tables(conn)
                conn.execute("BEGIN")
                for table in tables:
                    columns = file_columns(conn, table)
                    names = ", ".join(_q(c) for c in columns)
                    marks = ", ".join("?" for _ in columns)
                    cursor = db.conn.cursor()
                    cursor.execute(f"SELECT {names} FROM {_q(table)}".replace("%", "%%"))
                    while batch := cursor.fetchmany(_BATCH):
                        conn.executemany(f"INSERT INTO {_q(table)} ({names}) VALUES ({marks})", batch)
                conn.execute("COMMIT")
                counts = Counts(tuple((t, file_count(conn, t), server_count(db, t)) for t in tables))
                conn.execute("PRAGMA foreign_keys = ON")
                if conn.execute("PRAGMA foreign_key_check").fetchone() is not None or not counts.agree:
                    raise DossierError("error.transfer_counts", url=redacted(uri))
            finally:
                conn.close()
            safefile.publish(temp, dest, replace=replace)
        finally:
            safefile.discard(temp)
    return counts
