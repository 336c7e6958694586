"""The dossier's own commands on a PostgreSQL server: info, check, backup, restore, and push and
pull between the file and a server; a password never shown; writers taking turns."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading

import psycopg
import pytest

from conftest import pg_admin
from kacli.errors import ExitCode
from kacli.store.migrations import LATEST
from pgserver import with_database

SECRET = "s3cret"


@pytest.fixture
def database(pg_server: str) -> str:
    """An empty database, named by a URI that carries a password (the test server ignores it)."""
    name = f"t_{secrets.token_hex(6)}"
    with pg_admin(pg_server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield with_database(pg_server, name) + f"&password={SECRET}"
    with pg_admin(pg_server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _said(result) -> str:
    return result.stdout + result.stderr


def _book(kacli) -> None:
    """A small dossier file: customers, a contact, a deal with a payment, a visit."""
    kacli.ok("customer", "add", "华信地产", "--grade", "A")
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("customer", "remove", "机床厂", "--yes")  # a gap in the ids, kept by a copy
    kacli.ok("customer", "add", "Acme")
    kacli.ok("contact", "add", "华信地产", "王总", "--role", "决策者")
    kacli.ok("deal", "add", "华信地产", "二期项目", "--amount", "120000")
    kacli.ok("visit", "log", "华信地产", "--kind", "call", "--note", "谈价格")


def _rows(uri: str, sql: str) -> list[tuple]:
    with psycopg.connect(uri) as conn:
        return conn.execute(sql).fetchall()


def test_push_copies_the_file_with_its_ids_and_a_second_push_adds_nothing(kacli, db_path, database):
    _book(kacli)
    before = kacli.json("customer", "list")
    first = kacli("dossier", "push", database, "--json")
    assert first.exit_code == 0, _said(first)
    counts = json.loads(first.stdout)
    assert counts["copied"] is True
    assert counts["tables"]["customer"] == {"file": 2, "server": 2}
    assert all(c["file"] == c["server"] for c in counts["tables"].values())
    assert SECRET not in _said(first)
    assert kacli.json("--db", database, "customer", "list") == before
    assert _rows(database, "SELECT id, name FROM customer ORDER BY id") == [(1, "华信地产"), (3, "Acme")]
    # The server's next id is past the copied ones: nothing collides.
    kacli.ok("--db", database, "customer", "add", "New")
    assert _rows(database, "SELECT id FROM customer WHERE name = 'New'") == [(4,)]
    # Pushing again refuses (the server now holds more); a fresh database takes it twice over.
    again = kacli("dossier", "push", database)
    assert again.exit_code == ExitCode.BAD_INPUT and "Customers 3" in again.stderr
    assert SECRET not in _said(again)


def test_a_second_push_of_the_same_file_adds_nothing(kacli, db_path, database):
    _book(kacli)
    kacli.ok("dossier", "push", database)
    second = kacli.ok("dossier", "push", database, "--json")
    assert json.loads(second.stdout)["copied"] is False
    assert "nothing was added" in second.stderr
    assert _rows(database, "SELECT count(*) FROM customer") == [(2,)]


def test_push_refuses_a_database_of_other_tables_and_a_server_as_source(kacli, db_path, database):
    kacli.ok("customer", "add", "Acme")
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    result = kacli("dossier", "push", database)
    assert result.exit_code == ExitCode.DOSSIER and "not a kacli dossier" in result.stderr
    assert _rows(database, "SELECT to_regclass('customer')") == [(None,)]
    assert kacli("--db", database, "dossier", "push", database).exit_code == ExitCode.BAD_INPUT
    assert kacli("dossier", "push", str(db_path)).exit_code == ExitCode.BAD_INPUT
    assert kacli("dossier", "pull", str(db_path.parent / "x.db")).exit_code == ExitCode.BAD_INPUT


def test_pull_makes_a_new_dossier_file_and_never_overwrites(kacli, db_path, database, tmp_path):
    _book(kacli)
    kacli.ok("dossier", "push", database)
    kacli.ok("--db", database, "customer", "add", "On the server")
    copy = tmp_path / "offline.db"
    pulled = kacli.ok("--db", database, "dossier", "pull", str(copy), "--json")
    assert json.loads(pulled.stdout)["tables"]["customer"] == {"file": 3, "server": 3}
    assert copy.stat().st_mode & 0o777 == 0o600
    assert kacli.json("--db", str(copy), "customer", "list") == kacli.json("--db", database, "customer", "list")
    assert kacli.ok("--db", str(copy), "dossier", "check").exit_code == 0
    # The copy's own ids continue after the copied ones.
    kacli.ok("--db", str(copy), "customer", "add", "Offline")
    assert sqlite3.connect(copy).execute("SELECT id FROM customer WHERE name='Offline'").fetchone() == (5,)
    refused = kacli("--db", database, "dossier", "pull", str(copy))
    assert refused.exit_code == ExitCode.BAD_INPUT and "already exists" in refused.stderr
    refused = kacli("--db", database, "dossier", "pull", str(db_path))  # never the dossier file
    assert refused.exit_code == ExitCode.BAD_INPUT


def test_backup_and_restore_on_a_server(kacli, database, tmp_path):
    kacli.ok("--db", database, "customer", "add", "Before")
    backup = tmp_path / "server.db"
    kacli.ok("--db", database, "dossier", "backup", str(backup))
    assert kacli.json("--db", str(backup), "customer", "list")[0]["name"] == "Before"
    kacli.ok("--db", database, "customer", "add", "After")
    asked = kacli("--db", database, "dossier", "restore", str(backup))  # a pipe, no --yes
    assert asked.exit_code == ExitCode.BAD_INPUT
    assert len(kacli.json("--db", database, "customer", "list")) == 2
    kacli.ok("--db", database, "dossier", "restore", str(backup), "--yes")
    assert [c["name"] for c in kacli.json("--db", database, "customer", "list")] == ["Before"]
    kacli.ok("--db", database, "customer", "add", "Later")
    assert _rows(database, "SELECT id FROM customer WHERE name = 'Later'") == [(2,)]
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a dossier at all" * 100)
    bad = kacli("--db", database, "dossier", "restore", str(broken), "--yes")
    assert bad.exit_code == ExitCode.BAD_INPUT and "Traceback" not in bad.stderr
    assert len(kacli.json("--db", database, "customer", "list")) == 2


def test_info_and_check_on_a_server(kacli, database):
    kacli.ok("--db", database, "customer", "add", "Acme")
    assert kacli.ok("--db", database, "dossier", "path").stdout.strip().endswith("password=***")
    facts = kacli.json("--db", database, "dossier", "info")
    assert facts["engine"] == "postgresql" and facts["schema_version"] == LATEST
    assert facts["counts"]["customer"] == 1 and SECRET not in facts["uri"]
    assert SECRET not in kacli.ok("--db", database, "dossier", "info").stdout
    assert "is sound" in kacli.ok("--db", database, "dossier", "check").stderr
    with psycopg.connect(database, autocommit=True) as conn:
        conn.execute("ALTER TABLE deal DROP COLUMN title_key")
    damaged = kacli("--db", database, "dossier", "check")
    assert damaged.exit_code == ExitCode.DOSSIER
    assert "title_key" in damaged.stderr and SECRET not in _said(damaged)


def test_check_finds_an_unreadable_undo_entry(kacli, database):
    kacli.ok("--db", database, "customer", "add", "Acme")
    with psycopg.connect(database, autocommit=True) as conn:
        command = conn.execute("INSERT INTO undo_command (command, at) VALUES ('x', 'x') RETURNING id").fetchone()[0]
        conn.execute("INSERT INTO undo_entry (command_id, tbl, op, row_id, before)"
                     " VALUES (%s, 'customer', 'U', 1, '{')", (command,))
    damaged = kacli("--db", database, "dossier", "check")
    assert damaged.exit_code == ExitCode.DOSSIER and "undo entry" in damaged.stderr


@pytest.mark.parametrize("args", [
    ("dossier", "info"), ("dossier", "check"), ("dossier", "backup", "{tmp}/new.db"),
    ("dossier", "restore", "{tmp}/b.db", "--yes"), ("dossier", "pull", "{tmp}/p.db"), ("customer", "add", "Acme"),
])
def test_a_password_is_never_shown_when_the_server_cannot_be_used(kacli, pg_server, tmp_path, args):
    kacli.ok("--db", str(tmp_path / "b.db"), "customer", "add", "Acme")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    for uri in (f"postgresql://lina:{SECRET}@/sales?host={tmp_path}",
                with_database(pg_server, "no_such_db") + f"&password={SECRET}"):
        result = kacli("--db", uri, *args)
        assert result.exit_code == ExitCode.DOSSIER, _said(result)
        assert SECRET not in _said(result) and "Traceback" not in result.stderr
    pushed = kacli("--db", str(tmp_path / "b.db"), "dossier", "push", f"postgresql://lina:{SECRET}@/x?host={tmp_path}")
    assert pushed.exit_code == ExitCode.DOSSIER and SECRET not in _said(pushed)


def test_the_command_line_kept_for_undo_never_holds_a_password(kacli, database, db_path):
    from kacli import settings

    kacli.ok("--db", database, "customer", "add", "Acme")
    assert SECRET not in settings.command_line() and "password=***" in settings.command_line()
    kacli.ok("customer", "add", "Acme", "--industry", f"see postgresql://lina:{SECRET}@crm/sales")
    kept = sqlite3.connect(db_path).execute("SELECT command FROM undo_command").fetchall()
    assert kept and all(SECRET not in c for (c,) in kept) and "lina:***@" in kept[-1][0]
    assert SECRET not in _said(kacli("undo", "--yes"))
    server_kept = _rows(database, "SELECT command FROM undo_command")
    assert all(SECRET not in c for (c,) in server_kept)


def test_a_writer_waits_for_the_lock_no_longer_than_the_busy_timeout(kacli, database):
    from kacli.store.postgres.schema import WRITE_LOCK

    kacli.ok("--db", database, "customer", "add", "Seed")
    with psycopg.connect(database) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        before = _rows(database, "SELECT * FROM customer")
        result = kacli("--db", database, "customer", "add", "Other", env={"KACLI_BUSY_TIMEOUT": "0.2"})
        assert result.exit_code == ExitCode.DOSSIER, _said(result)
        assert "Try again" in result.stderr and "Traceback" not in result.stderr and SECRET not in result.stderr
        assert _rows(database, "SELECT * FROM customer") == before
        assert kacli.json("--db", database, "customer", "list")[0]["name"] == "Seed"  # readers never wait
        holder.rollback()
    kacli.ok("--db", database, "customer", "add", "Other")


def test_an_upgrade_the_server_gave_up_on_is_tried_again(kacli, database, monkeypatch):
    from kacli.store.postgres import dossier as server

    real, failures = server._ready, []

    def flaky(db, uri, **kw):
        if len(failures) < 2:
            failures.append(1)
            raise psycopg.errors.SerializationFailure("could not serialize access")
        return real(db, uri, **kw)

    monkeypatch.setattr(server, "_ready", flaky)
    kacli.ok("--db", database, "customer", "add", "Acme")
    assert len(failures) == 2
    failures.clear()
    monkeypatch.setattr(server, "RETRIES", 2)
    result = kacli("--db", database, "customer", "add", "Other")
    assert result.exit_code == ExitCode.DOSSIER and "Try again" in result.stderr


def test_writers_in_threads_take_turns_and_lose_nothing(database):
    """The fast lane's small version of the stress test: six writers and two readers at once on
    one database, through the unit of work every command uses."""
    from kacli.store.dossier import reading
    from kacli.store.unit import writing

    with writing(database, command="seed") as uow:
        uow.db.execute("SELECT 1")
    errors: list[BaseException] = []
    done = threading.Event()
    reads = [0]

    def writer(n: int) -> None:
        try:
            for i in range(8):
                with writing(database, command=f"w{n}") as uow:
                    before = uow.db.scalar("SELECT count(*) FROM customer")
                    uow.db.execute("INSERT INTO customer (name, created_at, updated_at) VALUES (:n, 'x', 'x')",
                                   n=f"W{n}-{i}")
                    assert uow.db.scalar("SELECT count(*) FROM customer") == before + 1
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def reader() -> None:
        try:
            while not done.is_set():
                with reading(database) as db:
                    db.scalar("SELECT count(*) FROM customer")
                reads[0] += 1
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    readers = [threading.Thread(target=reader) for _ in range(2)]
    writers = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    for t in (*readers, *writers):
        t.start()
    for t in writers:
        t.join(timeout=120)
    done.set()
    for t in readers:
        t.join(timeout=30)
    assert errors == []
    assert reads[0] > 0
    names = {r[0] for r in _rows(database, "SELECT name FROM customer")}
    assert names == {f"W{n}-{i}" for n in range(6) for i in range(8)}
