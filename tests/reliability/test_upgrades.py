"""Upgrades: a dossier from every earlier schema version upgrades with its data intact, a copy is
taken first, and a dossier from a newer kacli is refused untouched.

Every ``tests/fixtures/dossier-vN.db`` is a dossier as schema N made it (see build.py). Those
older than the current schema are upgraded here; the newest is opened as it is, so the day a
migration is added the fixture of the version before it is already tested.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys

import pytest
from support import FIXTURES, child_env, integrity, run, scaled

from conftest import snapshot
from kacli.errors import ExitCode
from kacli.store import migrations

VERSIONS = sorted(int(p.stem.rsplit("-v", 1)[1]) for p in FIXTURES.glob("dossier-v*.db"))
# Every migration's version, in the order applied (numbers may have gaps).
APPLIED = [number for number, _, _ in migrations.MIGRATIONS]


def _columns(path, table) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    finally:
        conn.close()


def _old_rows(path, table, columns) -> list[tuple]:
    """The rows of ``table`` as seen through the columns the old schema had."""
    conn = sqlite3.connect(path)
    try:
        names = ", ".join(f'"{c}"' for c in columns)
        return conn.execute(f'SELECT {names} FROM "{table}" ORDER BY rowid').fetchall()
    finally:
        conn.close()


def test_there_is_a_fixture_for_every_released_schema_version():
    # Versions are numbered ahead of their release, so the list may have gaps; the fixtures are
    # the oldest versions, all of them.
    assert APPLIED[:len(VERSIONS)] == VERSIONS, "build the missing fixture with tests/fixtures/build.py"


@pytest.mark.parametrize("version", VERSIONS)
def test_a_dossier_from_each_version_opens_with_its_data_intact(kacli, db_path, version):
    shutil.copy(FIXTURES / f"dossier-v{version}.db", db_path)
    before = snapshot(db_path)
    old_columns = {t: _columns(db_path, t) for t in before if t != "kacli_migrations"}
    shown = kacli.json("customer", "show", "hxdc")
    assert shown["name"] == "华信地产" and shown["contacts"][0]["name"] == "王总"
    kacli.ok("customer", "update", "hxdc", "--status", "active")  # a write works on it too
    for table, columns in old_columns.items():
        if table in ("customer", "change", "undo_command", "undo_entry"):
            continue  # changed by the update just made (and its journal: an upgrade starts anew)
        assert _old_rows(db_path, table, columns) == before[table], table
    assert kacli.json("dossier", "info")["schema_version"] == migrations.LATEST
    assert integrity(db_path) == []
    copies = list(db_path.parent.glob(f"dossier.db.v{version}-*.bak"))
    if version < migrations.LATEST:
        [copy] = copies
        assert copy.stat().st_mode & 0o777 == 0o600
        assert snapshot(copy) == before  # the copy is the dossier exactly as it was before the upgrade
        assert not copy.with_name(copy.name + "-wal").exists()
    else:
        assert copies == []  # nothing to upgrade, nothing copied


def test_undo_takes_back_a_command_the_dossier_journaled_before_and_stops_at_an_upgrade(kacli, db_path):
    journaled = [v for v in VERSIONS if v >= 5]  # the undo journal came with schema 5
    assert journaled, "the fixtures of schema 5 and later record a command (status set dormant)"
    for version in journaled:
        shutil.copy(FIXTURES / f"dossier-v{version}.db", db_path)
        for extra in db_path.parent.glob("dossier.db.*"):
            extra.unlink()
        assert kacli.json("customer", "show", "hxdc")["status"] == "dormant"
        undone = kacli("undo", "--yes")
        status = kacli.json("customer", "show", "hxdc")["status"]
        if version == migrations.LATEST:  # no upgrade: the journaled command is undone
            assert undone.exit_code == 0 and status == "active", undone.stderr
        else:  # the upgrade is a barrier: what came before it is kept as it is
            assert undone.exit_code == 2 and "upgrade" in undone.stderr and status == "dormant"


@pytest.mark.slow
@pytest.mark.parametrize("version", [v for v in VERSIONS if v < migrations.LATEST])
def test_several_processes_opening_an_old_dossier_at_once_upgrade_it_once(tmp_path, version):
    # Several rounds: the processes start within the same second, so copies named to the second
    # used to collide (one process failed); now the one that upgrades makes the only copy.
    for round_ in range(scaled(4)):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        db = folder / "dossier.db"
        shutil.copy(FIXTURES / f"dossier-v{version}.db", db)
        children = [subprocess.Popen([sys.executable, "-m", "kacli", *args], env=child_env(db),
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                    for args in (["customer", "list", "--json"], ["customer", "add", "Other"],
                                 ["customer", "show", "hxdc", "--json"], ["dossier", "info"])]
        for child in children:
            _, err = child.communicate(timeout=120)
            assert child.returncode == ExitCode.OK, err
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT version FROM kacli_migrations ORDER BY version").fetchall()
        conn.close()
        assert rows == [(v,) for v in APPLIED]
        assert integrity(db) == []
        [copy] = folder.glob(f"dossier.db.v{version}-*.bak")
        assert integrity(copy) == [] and _old_rows(copy, "kacli_migrations", ["version"]) == [
            (v,) for v in APPLIED if v <= version]


def test_two_copies_in_the_same_second_get_different_names(tmp_path, monkeypatch):
    from kacli.store import dossier

    monkeypatch.setattr(dossier, "stamp", lambda: "20261123T080000")
    db = tmp_path / "dossier.db"
    first = dossier.unique_beside(db, f"v1-{dossier.stamp()}", dossier.BACKUP_SUFFIX)
    first.write_bytes(b"x")
    second = dossier.unique_beside(db, f"v1-{dossier.stamp()}", dossier.BACKUP_SUFFIX)
    assert second != first and second.name.endswith(".bak") and not second.exists()


@pytest.mark.parametrize("version", VERSIONS)
def test_a_dossier_from_a_newer_kacli_is_refused_untouched(tmp_path, version):
    db = tmp_path / "dossier.db"
    shutil.copy(FIXTURES / f"dossier-v{version}.db", db)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO kacli_migrations VALUES (?, 'from the future', '2031-01-01T00:00:00Z')",
                 (migrations.LATEST + 1,))
    conn.commit()
    conn.close()
    before = db.read_bytes()
    for args in (["customer", "list"], ["customer", "add", "X"], ["customer", "update", "hxdc", "--status",
                                                                 "active"], ["dossier", "info"]):
        done = run(db, *args)
        assert done.returncode == ExitCode.DOSSIER, (args, done.stderr)
        assert "newer kacli" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == before
    assert list(tmp_path.glob("*.bak")) == []


def test_a_v2_dossier_upgrades_to_holds_and_stage_moves_with_its_data_intact(kacli, db_path):
    shutil.copy(FIXTURES / "dossier-v2.db", db_path)
    deal = kacli.json("deal", "show", "二期茶歇采购", env={"KACLI_TODAY": "2026-01-10"})
    assert (deal["amount_fen"], deal["stage"], deal["chance"], deal["hold"]) == (120000000, "negotiate", 60, None)
    visit = kacli.json("visit", "show", "1")
    assert (visit["kind"], visit["note"], visit["introduced_by"]) == ("meal", "和王总喝茶，谈明年扩建", None)
    kacli.ok("deal", "hold", "二期茶歇采购", "--until", "2026-03-01", env={"KACLI_TODAY": "2026-01-10"})
    held = kacli.json("deal", "show", "二期茶歇采购", env={"KACLI_TODAY": "2026-01-10"})["hold"]
    assert held == {"until": "2026-03-01", "reason": None, "active": True}
    # an old visit has moved no one yet: it may suggest a move once, and only once
    assert kacli.json("contact", "show", "王总")["stage"] == "dating"
    kacli.ok("visit", "update", "1", "--kind", "introduction", "--satisfaction", "", "--gift-value", "",
             "--advance")
    kacli.ok("visit", "update", "1", "--advance")
    assert kacli.json("contact", "show", "王总")["stage"] == "trust"
