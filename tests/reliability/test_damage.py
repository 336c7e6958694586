"""Damage: a truncated or corrupted dossier gets exit 3 and a message pointing at
``kacli dossier check`` and the latest backup beside it; ``kacli dossier restore FILE`` puts a backup
back only after checking it, and keeps the file it replaces.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3

import pytest
from support import fresh_copy, integrity, run

from conftest import snapshot
from kacli.errors import ExitCode

pytestmark = pytest.mark.slow

READS = [["customer", "list", "--json"], ["customer", "show", "hxdc", "--json"], ["customer", "history", "hxdc"]]
WRITES = [["customer", "add", "Newcomer"], ["customer", "update", "hxdc", "--status", "dormant"]]


def _big_dossier(folder):
    """The seeded dossier with three hundred customers more, so its tables span many pages, and a
    backup beside it; checkpointed, so every row lives in the main file."""
    db = fresh_copy(folder)
    conn = sqlite3.connect(db)
    now = "2026-11-20T08:00:00Z"
    conn.executemany(
        "INSERT INTO customer (name, business_notes, created_at, updated_at) VALUES (?, ?, ?, ?)",
        [(f"客户{i:03d}", f"长期合作，年采购量稳定。{i}" * 20, now, now) for i in range(300)])
    conn.commit()
    conn.close()
    backup = folder / "dossier.db.2026-11-20.bak"
    assert run(db, "dossier", "backup", str(backup)).returncode == 0
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for side in ("-wal", "-shm"):
        if os.path.exists(f"{db}{side}"):
            os.remove(f"{db}{side}")
    return db, backup


def _page_size(db) -> int:
    return sqlite3.connect(db).execute("PRAGMA page_size").fetchone()[0]


def _root_page(db, table) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    finally:
        conn.close()


def _truncate(db, size) -> None:
    with open(db, "r+b") as f:
        f.truncate(size)


def _assert_points_at_check_and_backup(done, backup) -> None:
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "Traceback" not in done.stderr
    assert "kacli dossier check" in done.stderr
    assert str(backup) in done.stderr


@pytest.mark.parametrize("cut", ["half", "page", "few_bytes"])
def test_a_truncated_dossier_is_exit_3_pointing_at_check_and_the_backup(tmp_path, cut):
    db, backup = _big_dossier(tmp_path)
    size = db.stat().st_size
    _truncate(db, {"half": size // 2, "page": 3 * _page_size(db), "few_bytes": 10}[cut])
    damaged = db.read_bytes()
    for args in READS + WRITES:
        _assert_points_at_check_and_backup(run(db, *args), backup)
    assert db.read_bytes() == damaged  # a refused write did not make it worse
    check = run(db, "dossier", "check")
    assert check.returncode == ExitCode.DOSSIER and "Traceback" not in check.stderr


def test_a_corrupted_table_is_exit_3_pointing_at_check_and_the_backup(tmp_path):
    db, backup = _big_dossier(tmp_path)
    page = _page_size(db)
    with open(db, "r+b") as f:
        f.seek((_root_page(db, "customer") - 1) * page)
        f.write(random.Random(1).randbytes(page // 2))
    for args in READS + WRITES:
        _assert_points_at_check_and_backup(run(db, *args), backup)
    assert run(db, "dossier", "check").returncode == ExitCode.DOSSIER


@pytest.mark.parametrize("seed", range(4))
def test_random_bytes_in_the_middle_never_trace_back(tmp_path, seed):
    """Overwritten bytes may land where no query looks; whatever a command meets, it exits 0 or 3,
    never with a traceback, and ``dossier check`` tells sound from damaged."""
    db, backup = _big_dossier(tmp_path)
    size = db.stat().st_size
    rng = random.Random(seed)
    with open(db, "r+b") as f:
        for _ in range(8):
            f.seek(rng.randrange(size // 4, 3 * size // 4))
            f.write(rng.randbytes(rng.randint(16, 512)))
    for args in READS:
        done = run(db, *args)
        assert done.returncode in (ExitCode.OK, ExitCode.DOSSIER) and "Traceback" not in done.stderr, done.stderr
        if done.returncode == ExitCode.DOSSIER:
            _assert_points_at_check_and_backup(done, backup)
    check = run(db, "dossier", "check")
    assert check.returncode == (ExitCode.DOSSIER if integrity(db) else ExitCode.OK), check.stderr


def test_restore_puts_the_backup_back_and_keeps_the_damaged_file(tmp_path):
    db, backup = _big_dossier(tmp_path)
    expected = snapshot(backup)
    _truncate(db, db.stat().st_size // 2)
    damaged = db.read_bytes()
    done = run(db, "dossier", "restore", str(backup), "--yes")
    assert done.returncode == ExitCode.OK, done.stderr
    assert snapshot(db) == expected and integrity(db) == []
    assert db.stat().st_mode & 0o777 == 0o600
    [aside] = tmp_path.glob("dossier.db.pre-restore-*.replaced")
    assert aside.read_bytes() == damaged and aside.stat().st_mode & 0o777 == 0o600
    assert run(db, "dossier", "check").returncode == ExitCode.OK
    listed = json.loads(run(db, "customer", "list", "--json").stdout)
    assert len(listed) == len(expected["customer"])
    assert run(db, "customer", "add", "After the restore").returncode == ExitCode.OK


@pytest.mark.parametrize("source", ["damaged", "foreign", "missing", "newer"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(tmp_path, source):
    db, backup = _big_dossier(tmp_path)
    candidate = tmp_path / "candidate.db"
    if source == "damaged":
        candidate.write_bytes(backup.read_bytes()[: backup.stat().st_size // 2])
    elif source == "foreign":
        conn = sqlite3.connect(candidate)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    elif source == "newer":
        candidate.write_bytes(backup.read_bytes())
        conn = sqlite3.connect(candidate)
        conn.execute("INSERT INTO kacli_migrations VALUES (999, 'future', '2031-01-01T00:00:00Z')")
        conn.commit()
        conn.close()
    before = db.read_bytes()
    done = run(db, "dossier", "restore", str(candidate), "--yes")
    assert done.returncode == ExitCode.BAD_INPUT and "Traceback" not in done.stderr, done.stderr
    assert db.read_bytes() == before
    assert list(tmp_path.glob("*.pre-restore-*")) == []


def test_restore_without_yes_on_a_pipe_asks_for_it_and_changes_nothing(tmp_path):
    db, backup = _big_dossier(tmp_path)
    before = db.read_bytes()
    done = run(db, "dossier", "restore", str(backup))
    assert done.returncode == ExitCode.BAD_INPUT and "--yes" in done.stderr
    assert db.read_bytes() == before


def test_restoring_a_backup_from_an_older_schema_upgrades_it_on_next_use(tmp_path):
    from support import FIXTURES

    db, _ = _big_dossier(tmp_path)
    done = run(db, "dossier", "restore", str(FIXTURES / "dossier-v1.db"), "--yes")
    assert done.returncode == ExitCode.OK, done.stderr
    shown = json.loads(run(db, "customer", "show", "hxdc", "--json").stdout)
    assert shown["name"] == "华信地产"
    assert len(list(tmp_path.glob("dossier.db.v1-*.bak"))) == 1


def test_the_backup_named_after_a_restore_is_a_sound_one(tmp_path):
    db, backup = _big_dossier(tmp_path)
    _truncate(db, db.stat().st_size // 2)
    assert run(db, "dossier", "restore", str(backup), "--yes").returncode == ExitCode.OK
    _truncate(db, db.stat().st_size // 2)
    done = run(db, "customer", "list")
    assert done.returncode == ExitCode.DOSSIER
    assert "pre-restore" not in done.stderr, done.stderr
