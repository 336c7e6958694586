"""Migrations are numbered ahead of their release: a dossier gets every migration it lacks, even
one numbered below the highest it already has."""

from __future__ import annotations

import sqlite3

from kacli.store import migrations


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_migration_released_after_a_higher_numbered_one_is_still_applied(monkeypatch):
    steps = [(1, "one", ["CREATE TABLE one (x)"]), (3, "three", ["CREATE TABLE three (x)"]),
             (5, "five", ["CREATE TABLE five (x)"])]
    conn = sqlite3.connect(":memory:", isolation_level=None)
    # a kacli that had 1 and 5 but not yet 3
    monkeypatch.setattr(migrations, "MIGRATIONS", [steps[0], steps[2]])
    assert migrations.apply(conn, upto=5, now="2026-01-01T00:00:00Z") == [1, 5]
    assert migrations.version(conn) == 5
    # the next kacli brings 3
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    assert migrations.pending(conn, upto=5) == [3]
    assert migrations.apply(conn, upto=5, now="2026-01-02T00:00:00Z") == [3]
    assert {"one", "three", "five"} <= _tables(conn)
    assert migrations.applied(conn) == {1, 3, 5} and migrations.pending(conn, upto=5) == []
    assert migrations.apply(conn, upto=5, now="2026-01-03T00:00:00Z") == []  # nothing twice


def test_opening_a_dossier_applies_a_missing_lower_numbered_migration(kacli, db_path, monkeypatch):
    kacli.ok("customer", "add", "机床厂")  # a dossier at the newest version
    released_late = (3, "released after 4", ["CREATE TABLE released_late (x)"])
    listed = sorted([*migrations.MIGRATIONS, released_late], key=lambda m: m[0])
    monkeypatch.setattr(migrations, "MIGRATIONS", listed)
    kacli.ok("customer", "show", "机床厂")
    conn = sqlite3.connect(db_path)
    try:
        assert "released_late" in _tables(conn)
        assert 3 in {r[0] for r in conn.execute("SELECT version FROM kacli_migrations")}
    finally:
        conn.close()
