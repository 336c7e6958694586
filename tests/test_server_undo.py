"""Undo on a server dossier shared by several logins: each takes back their own last command, and
undo refuses, naming who, when someone else has since changed the same rows."""

from __future__ import annotations

import secrets

import psycopg
import pytest

from conftest import pg_admin
from kacli.errors import ExitCode


@pytest.fixture
def logins(pg_server, kacli, engine):
    """Two logins with a password each, allowed to work in the test's dossier (made by the first)."""
    names = [f"kacli_{who}_{secrets.token_hex(4)}" for who in ("lina", "zhou")]
    with pg_admin(pg_server) as admin:
        for name in names:
            admin.execute(f"CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'")
    kacli.ok("customer", "add", "华信地产")  # the dossier, made by the suite's own login
    with psycopg.connect(engine.uri, autocommit=True) as conn:
        for name in names:
            conn.execute(f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {name}")
            conn.execute(f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {name}")
    uri = engine.uri.replace("user=kacli_test", "user={}&password=pw-{}")
    yield {name.split("_")[1]: uri.format(name, name) for name in names}
    with psycopg.connect(engine.uri, autocommit=True) as conn:
        conn.execute(f"DROP OWNED BY {', '.join(names)}")
    with pg_admin(pg_server) as admin:
        for name in names:
            admin.execute(f"DROP ROLE {name}")


@pytest.fixture
def engine(request, isolated, monkeypatch):
    """These tests are about a server: the test's dossier is a server database."""
    from conftest import engine as both

    request.param = "server"
    yield from both.__wrapped__(request, isolated, monkeypatch)


def test_each_login_undoes_their_own_last_command(kacli, logins):
    lina, zhou = logins["lina"], logins["zhou"]
    kacli.ok("--db", lina, "contact", "add", "华信地产", "王总")
    kacli.ok("--db", zhou, "contact", "add", "华信地产", "李经理")
    listed = kacli.json("--db", lina, "undo", "--list")["commands"]
    assert [c["command"].split(" contact ")[1] for c in listed] == ["add 华信地产 王总"]
    done = kacli.ok("--db", lina, "undo", "--yes")
    assert "王总" in done.stderr and "李经理" not in done.stderr
    assert [c["name"] for c in kacli.json("contact", "list", "华信地产")] == ["李经理"]
    kacli.ok("--db", zhou, "undo", "--yes")
    assert kacli.json("contact", "list", "华信地产") == []
    assert kacli("--db", zhou, "undo", "--yes").exit_code == ExitCode.BAD_INPUT


def test_undo_refuses_when_someone_else_changed_the_same_row_since(kacli, logins):
    lina, zhou = logins["lina"], logins["zhou"]
    kacli.ok("--db", lina, "contact", "add", "华信地产", "王总", "--title", "总经理")
    kacli.ok("--db", zhou, "contact", "update", "王总", "--title", "董事长")
    refused = kacli("--db", lina, "undo", "--yes")
    assert refused.exit_code == ExitCode.BAD_INPUT, refused.output
    assert "kacli_zhou_" in refused.stderr and "contacts" in refused.stderr
    assert "contact update 王总" in refused.stderr and "Traceback" not in refused.stderr
    assert kacli.json("contact", "show", "王总")["title"] == "董事长"
    # Once the other login has taken their change back, the first can undo theirs.
    kacli.ok("--db", zhou, "undo", "--yes")
    kacli.ok("--db", lina, "undo", "--yes")
    assert kacli.json("contact", "list", "华信地产") == []


def test_undo_refuses_when_someone_else_hung_a_row_on_one_it_would_remove(kacli, logins):
    """Undoing a new customer would take the contact someone else added there with it."""
    lina, zhou = logins["lina"], logins["zhou"]
    kacli.ok("--db", lina, "customer", "add", "宏达机械")
    kacli.ok("--db", zhou, "contact", "add", "宏达机械", "张工")
    refused = kacli("--db", lina, "undo", "--yes")
    assert refused.exit_code == ExitCode.BAD_INPUT, refused.output
    assert "kacli_zhou_" in refused.stderr
    assert [c["name"] for c in kacli.json("contact", "list", "宏达机械")] == ["张工"]


def test_a_password_in_the_command_line_is_not_journaled(kacli, logins):
    kacli.ok("--db", logins["lina"], "contact", "add", "华信地产", "王总")
    [latest] = kacli.json("--db", logins["lina"], "undo", "--list")["commands"]
    assert "pw-" not in latest["command"] and "password=***" in latest["command"]


def test_a_table_added_by_a_later_migration_is_journaled(kacli, engine, monkeypatch):
    """The journal's triggers are made again with every upgrade: a new table is followed at once."""
    from kacli.store import migrations
    from kacli.store.unit import writing

    kacli.ok("customer", "add", "华信地产")
    released_late = (3, "released after 4", [
        "CREATE TABLE region (code TEXT NOT NULL, customer_id INTEGER NOT NULL REFERENCES customer(id),"
        " PRIMARY KEY (code, customer_id))"])
    monkeypatch.setattr(migrations, "MIGRATIONS", sorted([*migrations.MIGRATIONS, released_late],
                                                         key=lambda m: m[0]))
    with writing(engine.uri, command="kacli region 华信地产 华东") as uow:
        uow.db.execute("INSERT INTO region (code, customer_id) VALUES ('华东', 1)")
    [latest] = kacli.json("undo", "--list")["commands"]
    assert latest["changes"] == [{"table": "region", "added": 1, "changed": 0, "removed": 0}]
    kacli.ok("undo", "--yes")
    with psycopg.connect(engine.uri) as conn:
        assert conn.execute("SELECT count(*) FROM region").fetchone() == (0,)
