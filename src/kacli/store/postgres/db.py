"""``Db`` over a psycopg connection: the store's queries, written once with ``:name`` parameters,
run unchanged on PostgreSQL.

psycopg takes ``%(name)s`` parameters and reads every ``%`` in a statement as the start of one, so
each statement is rewritten once (and remembered): ``%`` doubled, and ``:name`` outside quotes
and outside PostgreSQL's ``::`` casts made ``%(name)s``. Rows answer by position and by column
name, as ``sqlite3.Row`` does, so the code reading them is the same on both engines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any

_TOKENS = re.compile(r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(::)|(?<![:\w]):([A-Za-z_]\w*)|(%)""")


@lru_cache(maxsize=2048)
def to_psycopg(sql: str) -> str:
    """A statement with ``:name`` parameters, in psycopg's ``%(name)s`` form."""

    def swap(match: re.Match) -> str:
        quoted, ident, cast, param, percent = match.groups()
        if quoted is not None:
            return quoted.replace("%", "%%")
        if ident is not None:
            return ident.replace("%", "%%")
        if cast is not None:
            return cast
        if param is not None:
            return f"%({param})s"
        return "%%"

    return _TOKENS.sub(swap, sql)


class Row(tuple):
    """A result row read by position (``row[0]``) or by column name (``row["name"]``)."""

    __slots__ = ()
    _index: dict[str, int] = {}

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, type(self)._index[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(type(self)._index)


@lru_cache(maxsize=512)
def _row_class(names: tuple[str, ...]) -> type[Row]:
    return type("Row", (Row,), {"__slots__": (), "_index": {n: i for i, n in enumerate(names)}})


def row_factory(cursor) -> Callable[[Sequence[Any]], Row]:
    names = tuple(col.name for col in cursor.description or ())
    cls = _row_class(names)
    return cls


class PgDb:
    """The store's query interface (``rows``, ``each``, ``row``, ``scalar``, ``execute``) on one
    psycopg connection."""

    engine = "postgresql"

    def __init__(self, conn, before_read: Callable[[], None] | None = None):
        self.conn = conn
        self._before_read = before_read

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.conn.info.transaction_status != TransactionStatus.IDLE

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def _run(self, sql: str, params: dict[str, Any]):
        if self._before_read:
            self._before_read()
        cursor = self.conn.cursor(row_factory=row_factory)
        cursor.execute(to_psycopg(sql), params or None)
        return cursor

    def rows(self, sql: str, **params: Any) -> list[Row]:
        return self._run(sql, params).fetchall()

    def each(self, sql: str, **params: Any) -> Iterator[Row]:
        return iter(self._run(sql, params).fetchall())

    def row(self, sql: str, **params: Any) -> Row | None:
        return self._run(sql, params).fetchone()

    def scalar(self, sql: str, **params: Any) -> Any:
        found = self.row(sql, **params)
        return None if found is None else found[0]

    def tuples(self, sql: str, **params: Any) -> list[tuple]:
        """The rows as plain tuples, read by position."""
        if self._before_read:
            self._before_read()
        cursor = self.conn.cursor()
        cursor.execute(to_psycopg(sql), params or None)
        return cursor.fetchall()

    def execute(self, sql: str, **params: Any) -> int:
        return self._run(sql, params).rowcount
