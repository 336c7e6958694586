"""A dossier in a PostgreSQL database, driven as a user drives it (--db postgresql://…): made by
the first write, refused when it is someone else's or a newer kacli's, and every failure to reach
it one sentence with exit 3 that never shows a password."""

from __future__ import annotations

import psycopg
import pytest

from kacli.errors import ExitCode
from kacli.store.migrations import LATEST
from pgserver import with_database


def test_an_empty_database_holds_no_dossier_until_the_first_write(kacli, pg_database):
    read = kacli("--db", pg_database, "week")
    assert read.exit_code == ExitCode.DOSSIER
    assert "holds no dossier yet" in read.stderr and "Traceback" not in read.stderr
    kacli.ok("--db", pg_database, "customer", "add", "华信地产", "--grade", "A")
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT max(version) FROM kacli_migrations").fetchone()[0] == LATEST
        assert conn.execute("SELECT name FROM customer").fetchall() == [("华信地产",)]
    assert [c["name"] for c in kacli.json("--db", pg_database, "customer", "list")] == ["华信地产"]


def test_a_database_of_other_tables_is_never_taken_over(kacli, pg_database):
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    for args in (("week",), ("customer", "add", "华信地产")):
        result = kacli("--db", pg_database, *args)
        assert result.exit_code == ExitCode.DOSSIER, result.output
        assert "not a kacli dossier" in result.stderr
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT to_regclass('customer')").fetchone()[0] is None


def test_a_dossier_made_by_a_newer_kacli_is_refused(kacli, pg_database):
    kacli.ok("--db", pg_database, "customer", "add", "华信地产")
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute("INSERT INTO kacli_migrations VALUES (999, 'from the future', '2030-01-01T00:00:00Z')")
    result = kacli("--db", pg_database, "customer", "add", "机床厂")
    assert result.exit_code == ExitCode.DOSSIER
    assert "newer kacli" in result.stderr


def test_an_older_dossier_is_upgraded_whole(kacli, pg_database):
    """A database some versions behind gets the rest in one transaction, its data kept."""
    from kacli.store.migrations import MIGRATIONS
    from kacli.store.postgres import schema
    from kacli.store.postgres.connect import connect
    from kacli.store.postgres.db import PgDb

    db = PgDb(connect(pg_database))
    db.execute(schema._BOOKKEEPING)
    for number, name, steps in MIGRATIONS[:3]:
        for step in steps:
            step(db) if callable(step) else db.execute(schema.statement(step))
        db.execute("INSERT INTO kacli_migrations VALUES (:v, :n, '2026-01-01T00:00:00Z')", v=number, n=name)
    db.execute("INSERT INTO customer (name, created_at, updated_at) VALUES ('华信地产', 'x', 'x')")
    db.commit()
    db.conn.close()
    assert [c["name"] for c in kacli.json("--db", pg_database, "customer", "list")] == ["华信地产"]
    with psycopg.connect(pg_database) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM kacli_migrations ORDER BY version")]
        assert versions == [number for number, _, _ in MIGRATIONS]
        assert conn.execute("SELECT name_key FROM customer").fetchone()[0] == "华信地产"


@pytest.mark.parametrize("make_uri, says", [
    (lambda server, tmp: f"postgresql:///sales?host={tmp}&user=lina&password=s3cret", "Cannot reach"),
    (lambda server, tmp: with_database(server, "no_such_db") + "&password=s3cret", "no such database"),
])
def test_a_server_that_cannot_be_used_is_one_sentence_and_exit_3(kacli, pg_server, tmp_path, make_uri, says):
    uri = make_uri(pg_server, tmp_path)
    for args in (("week",), ("customer", "add", "华信地产"), ("remind",)):
        result = kacli("--db", uri, *args)
        assert result.exit_code == ExitCode.DOSSIER, result.output
        assert says in result.stderr and "Traceback" not in result.stderr
        assert "s3cret" not in result.output + result.stderr
