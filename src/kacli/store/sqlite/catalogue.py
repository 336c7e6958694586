"""A dossier file's tables, their columns, keys and defaults, read from ``sqlite_master`` and
``PRAGMA table_info`` (``contact forget`` searches every text column; ``import`` fills a column
a row does not set with its default)."""

from __future__ import annotations

_TEXT_TYPES = ("TEXT", "CHAR", "CLOB")


def tables(db) -> list[str]:
    """The dossier's own tables, without its bookkeeping and the undo journal."""
    return [r[0] for r in db.rows(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name != 'kacli_migrations' AND name NOT LIKE 'undo_%' ORDER BY name")]


def columns(db, table: str) -> list[str]:
    return [r["name"] for r in db.rows(f'SELECT name FROM pragma_table_info("{table}")')]


def text_columns(db, table: str) -> list[str]:
    """The columns that hold text (a column without a declared type may hold text too)."""
    return [r["name"] for r in db.rows(f'SELECT name, type FROM pragma_table_info("{table}")')
            if not r["type"] or any(k in r["type"].upper() for k in _TEXT_TYPES)]


def primary_key(db, table: str) -> list[str]:
    """The columns of the table's primary key, in key order."""
    return [r["name"] for r in db.rows(
        f'SELECT name FROM pragma_table_info("{table}") WHERE pk > 0 ORDER BY pk')]


def defaults(db, table: str) -> dict[str, object]:
    """Each column and the value the table gives a row that does not set it (None: no default)."""
    info = db.rows(f'SELECT name, dflt_value FROM pragma_table_info("{table}")')
    given = [r for r in info if r["dflt_value"] is not None]
    values = db.row(f"SELECT {', '.join(r['dflt_value'] for r in given)}") if given else ()
    return {**{r["name"]: None for r in info},
            **{r["name"]: v for r, v in zip(given, values, strict=True)}}
