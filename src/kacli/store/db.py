"""A small query interface over one SQLite connection: ``rows``, ``row``, ``scalar``, ``execute``.

Query functions in ``kacli.store`` take a ``Db`` so the same query serves a read command (a
plain stdlib connection, fast to open) and a write (the connection under the SQLModel session,
inside its transaction). Parameters are named (``:name``), which SQLAlchemy's ``text()`` accepts
too, so the queries can move to another database with a different ``Db``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Row = sqlite3.Row


def limited(limit: int | None) -> str:
    """``LIMIT :limit`` when a limit is given, else nothing: "no limit" has no one spelling both
    engines take (SQLite's ``LIMIT -1`` is an error on a server)."""
    return "" if limit is None else "LIMIT :limit"


class Db:
    engine = "sqlite"

    def __init__(self, conn: sqlite3.Connection, before_read: Callable[[], None] | None = None):
        self.conn = conn
        self._before_read = before_read  # e.g. flush the ORM session first

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def rows(self, sql: str, **params: Any) -> list[Row]:
        if self._before_read:
            self._before_read()
        return self.conn.execute(sql, params).fetchall()

    def each(self, sql: str, **params: Any) -> Iterator[Row]:
        """The rows one at a time, as SQLite finds them: a long list is never held whole. Read
        them before the next write on this connection."""
        if self._before_read:
            self._before_read()
        return iter(self.conn.execute(sql, params))

    def row(self, sql: str, **params: Any) -> Row | None:
        if self._before_read:
            self._before_read()
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, **params: Any) -> Any:
        found = self.row(sql, **params)
        return None if found is None else found[0]

    def tuples(self, sql: str, **params: Any) -> list[tuple]:
        """The rows as plain tuples, read by position: the cheapest form for the tens of
        thousands of rows a list or a report reads."""
        if self._before_read:
            self._before_read()
        cursor = self.conn.cursor()
        cursor.row_factory = None
        return cursor.execute(sql, params).fetchall()

    def execute(self, sql: str, **params: Any) -> int:
        """Run a statement; the number of rows it changed."""
        if self._before_read:
            self._before_read()
        return self.conn.execute(sql, params).rowcount


def id_list(ids: Iterable[int]) -> str:
    """Ids read from the dossier (never user text) as an SQL list, ``1,2,3``; ``NULL`` for none,
    so ``IN (...)`` matches nothing. Both engines read it alike."""
    return ",".join(str(int(i)) for i in ids) or "NULL"


class Days(dict):
    """ISO date text -> date, each distinct text parsed once: a read of thousands of rows meets
    only a few hundred distinct days."""

    def __missing__(self, text: str) -> dt.date:
        day = self[text] = dt.date.fromisoformat(text)
        return day


def local_day(instant: str) -> dt.date:
    """An instant as kept (UTC text, ``2026-11-23T01:30:00Z``) -> the day it fell on in the
    user's calendar (this machine's time zone). The day a customer or deal was added is this
    day, on either engine: neither knows the user's zone."""
    moment = dt.datetime.fromisoformat(instant)
    if moment.tzinfo is None:  # kept without its zone: UTC all the same
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().date()


class LocalDays(dict):
    """:func:`local_day` of each distinct text once, for one read of many rows."""

    def __missing__(self, text: str) -> dt.date:
        day = self[text] = local_day(text)
        return day
