"""One command's changes as one transaction, through a SQLModel session.

``with writing(db) as uow:`` opens (creating if needed) and upgrades the dossier, takes the write
lock at once (``BEGIN IMMEDIATE``), and commits when the block ends — or rolls everything back if
anything in it raises, so an error halfway leaves the dossier as it was.

Every command written this way, on the file or on a server, is journaled for ``kacli undo``
(``kacli.store.journal``) in the same transaction, unless it asks not to be (undo itself).

The SQLModel session joins that transaction the first time a command asks for it
(``uow.session``, ``uow.add``): loading SQLAlchemy and the models takes about half a second, which
a command writing with plain SQL on ``uow.db`` (``import`` of customers and contacts) never pays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kacli.store import dossier, journal
from kacli.store.db import Db


@dataclass
class UnitOfWork:
    db: Db  # raw queries on the same connection, inside the same transaction
    path: Path | None  # the dossier file; None on a server
    now: str  # this command's instant (UTC ISO), for created_at / updated_at / history
    command_id: int | None = None  # this command in the undo journal (None: not journaled)
    _session: Any = field(default=None, repr=False)
    _engine: Any = field(default=None, repr=False)

    @property
    def session(self):
        """SQLModel's session, on this unit's connection and inside its transaction."""
        if self._session is None:
            self._engine, self._session = _session_on(self.db)
        return self._session

    def add(self, obj):
        self.session.add(obj)
        return obj

    def flush(self) -> None:
        if self._session is not None:
            self._session.flush()

    def _commit(self) -> None:
        if self._session is not None:
            self._session.commit()
        if self.db.in_transaction:  # a session that never ran a statement commits nothing
            self.db.commit()

    def _rollback(self) -> None:
        if self._session is not None:
            self._session.rollback()
        if self.db.in_transaction:
            self.db.rollback()

    def _close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._engine.dispose()


def _session_on(db):
    """An engine over this one connection and a session holding it, inside the transaction the
    unit of work began (SQLite's driver sends no BEGIN of its own on a connection in autocommit
    mode, and psycopg's is already open, so SQLAlchemy's begin adds nothing)."""
    from sqlalchemy.pool import StaticPool
    from sqlmodel import Session, create_engine

    conn = db.conn
    url = "postgresql+psycopg://" if db.engine == "postgresql" else "sqlite://"
    engine = create_engine(url, creator=lambda: conn, poolclass=StaticPool)
    # SQLAlchemy rolls a connection back after it first reads the dialect's settings from it;
    # here that would end the unit's transaction, so that one rollback is skipped.
    engine.dialect.do_rollback = lambda dbapi_connection: None
    try:
        session = Session(engine, expire_on_commit=False)
        session.connection()
    finally:
        del engine.dialect.do_rollback
    return engine, session


def _now(pinned_today) -> str:
    """This command's instant; on a pinned today (--today), that day at the current UTC time, so
    a script that tells a story day by day records it on those days."""
    now = dossier.utc_now()
    return now if pinned_today is None else f"{pinned_today.isoformat()}{now[10:]}"


@contextmanager
def writing(db: str | None, pinned_today=None, *, command: str = "",
            journaled: bool = True) -> Iterator[UnitOfWork]:
    """``command`` is the command line as typed, which ``kacli undo`` names. One transaction on
    either engine; what differs (opening, the write lock, what a failure means) is the engine's."""
    now = _now(pinned_today)
    server = dossier.server_uri(db)
    engine = _ServerWrite(server, now) if server is not None else _FileWrite(dossier.resolve_path(db))
    uow = None
    try:
        uow = UnitOfWork(engine.db(lambda: uow.flush()), engine.path, now)
        engine.lock(uow.db)
        if journaled:
            uow.command_id = journal.begin(uow.db, command, uow.now)
        yield uow
        uow.flush()
        journal.end(uow.db, uow.command_id)
        uow._commit()
    except BaseException as exc:
        engine.roll_back(uow)
        mapped = engine.translate(exc)
        if mapped is not None:
            raise mapped from exc
        raise
    finally:
        if uow is not None:
            uow._close()
        engine.close()


class _FileWrite:
    """The dossier file: opened (made, upgraded) first; the write lock taken at once."""

    def __init__(self, path: Path):
        self.path = path
        self.conn = dossier.open_dossier(path, create=True)

    def db(self, before_read) -> Db:
        return Db(self.conn, before_read=before_read)

    def lock(self, db: Db) -> None:
        # SQLite-only: take the write lock now, not at the first write, so two writers never
        # deadlock upgrading a read lock; the busy timeout makes the second one wait.
        self.conn.execute("BEGIN IMMEDIATE")

    def roll_back(self, uow: UnitOfWork | None) -> None:
        if uow is not None:
            uow._rollback()
        elif self.conn.in_transaction:
            self.conn.rollback()

    def translate(self, exc: BaseException):
        if isinstance(exc, sqlite3.Error) or hasattr(exc, "orig"):
            return dossier.translate(exc, self.path)
        return None

    def close(self) -> None:
        self.conn.close()


class _ServerWrite:
    """A PostgreSQL dossier: opened (made, upgraded) first; the database's kacli write lock."""

    path = None

    def __init__(self, uri: str, now: str):
        from kacli.store.postgres import dossier as server

        self.uri, self.server = uri, server
        self.conn = server.open_db(uri, create=True, now=now).conn

    def db(self, before_read):
        from kacli.store.postgres.db import PgDb

        return PgDb(self.conn, before_read=before_read)

    def lock(self, db) -> None:
        self.server.lock_for_write(db, self.uri)

    def roll_back(self, uow: UnitOfWork | None) -> None:
        import psycopg

        try:
            if uow is not None:
                uow._rollback()
            else:
                self.conn.rollback()
        except psycopg.Error:
            pass  # the server is gone: nothing was committed

    def translate(self, exc: BaseException):
        import psycopg

        orig = getattr(exc, "orig", exc)
        if self.server.must_retry(orig):
            # Behind the write lock no other kacli writer can meet this one; a transaction the
            # server still gave up on is said as a busy dossier, never as a driver's error.
            return self.server.busy(self.uri)
        if isinstance(orig, psycopg.Error):
            mapped = self.server._gone(orig, self.uri)
            return None if mapped is orig else mapped
        return None

    def close(self) -> None:
        self.conn.close()
