"""A server dossier's tables, their columns, keys and defaults, read from PostgreSQL's catalogue
(``contact forget`` searches every text column; ``import`` fills a column a row does not set with
its default)."""

from __future__ import annotations

from kacli.store.postgres.db import PgDb

_TEXT_TYPES = ("text", "character varying", "character")


def tables(db: PgDb) -> list[str]:
    """The dossier's own tables, without its bookkeeping and the undo journal."""
    return [r[0] for r in db.rows(
        """SELECT tablename FROM pg_tables WHERE schemaname = current_schema()
           AND tablename != 'kacli_migrations' AND tablename NOT LIKE 'undo\\_%'
           ORDER BY tablename""")]


def columns(db: PgDb, table: str) -> list[str]:
    return [r[0] for r in db.rows(
        """SELECT column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position""",
        t=table)]


def text_columns(db: PgDb, table: str) -> list[str]:
    return [r[0] for r in db.rows(
        """SELECT column_name, data_type FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position""",
        t=table) if r[1] in _TEXT_TYPES]


def primary_key(db: PgDb, table: str) -> list[str]:
    """The columns of the table's primary key, in key order."""
    return [r[0] for r in db.rows(
        """SELECT a.attname
           FROM pg_index i
           JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, pos) ON true
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
           WHERE i.indisprimary AND i.indrelid = to_regclass(:t)
           ORDER BY k.pos""", t=f'"{table}"')]


def defaults(db: PgDb, table: str) -> dict[str, object]:
    """Each column and the value the table gives a row that does not set it (None: no default,
    or an identity the server hands out)."""
    info = db.rows("""SELECT column_name, column_default FROM information_schema.columns
                      WHERE table_schema = current_schema() AND table_name = :t
                      ORDER BY ordinal_position""", t=table)
    given = [r for r in info if r[1] is not None]
    values = db.row(f"SELECT {', '.join(r[1] for r in given)}") if given else ()
    return {**{r[0]: None for r in info}, **{r[0]: v for r, v in zip(given, values, strict=True)}}
