"""One command's changes as one transaction, through a SQLModel session.

``with writing(db) as uow:`` opens (creating if needed) and upgrades the dossier, takes the write
lock at once (``BEGIN IMMEDIATE``), and commits when the block ends — or rolls everything back if
anything in it raises, so an error halfway leaves the dossier as it was.

Every command written this way is journaled for ``kacli undo`` (``kacli.store.journal``) in the
same transaction, unless it asks not to be (undo itself).

Importing this module loads SQLModel; only write paths do.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from kacli.store import dossier, journal
from kacli.store.db import Db


@dataclass
class UnitOfWork:
    session: Session
    db: Db  # raw queries on the same connection, inside the same transaction
    path: Path
    now: str  # this command's instant (UTC ISO), for created_at / updated_at / history
    command_id: int | None = None  # this command in the undo journal (None: not journaled)

    def add(self, obj):
        self.session.add(obj)
        return obj

    def flush(self) -> None:
        self.session.flush()


def _now(pinned_today) -> str:
    """This command's instant; on a pinned today (--today), that day at the current UTC time, so
    a script that tells a story day by day records it on those days."""
    now = dossier.utc_now()
    return now if pinned_today is None else f"{pinned_today.isoformat()}{now[10:]}"


@contextmanager
def writing(db: str | None, pinned_today=None, *, command: str = "",
            journaled: bool = True) -> Iterator[UnitOfWork]:
    """``command`` is the command line as typed, which ``kacli undo`` names."""
    path = dossier.resolve_path(db)
    conn = dossier.open_dossier(path, create=True)
    engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # SQLite-only: take the write lock now, not at the first write, so two writers never
        # deadlock upgrading a read lock; the busy timeout makes the second one wait.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    session = Session(engine, expire_on_commit=False)
    try:
        session.connection()  # begin the transaction before any read
        uow = UnitOfWork(session, Db(conn, before_read=session.flush), path, _now(pinned_today))
        if journaled:
            uow.command_id = journal.begin(conn, command, uow.now)
        yield uow
        session.flush()
        journal.end(conn, uow.command_id)
        session.commit()
    except BaseException as exc:
        session.rollback()
        if isinstance(exc, sqlite3.Error) or hasattr(exc, "orig"):
            mapped = dossier.translate(exc, path)
            if mapped is not None:
                raise mapped from exc
        raise
    finally:
        session.close()
        engine.dispose()
        conn.close()
