"""Odd media and odd paths: a backup whose name SQLite would read as a URI, a copy in WAL mode with
or without its log, read-only media, temporaries of a killed backup to another name, ``--db``
values that are not a file's path. Reading a backup never writes beside it, and a refusal changes
nothing.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import snapshot
from kacli.errors import ExitCode


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _dead_pid() -> int:
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True)
    return int(done.stdout)


def _customers(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM customer ORDER BY id")]
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["we?ird#1%20.db", "a#b.db", "百分%41.db", "q?mode=rwc.db"])
def test_a_backup_whose_name_looks_like_a_uri_is_checked_and_restored(kacli, db_path, tmp_path, name):
    kacli.ok("customer", "add", "Acme")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    backup = shelf / name
    kacli.ok("dossier", "backup", str(backup))
    kacli.ok("customer", "add", "Beta")
    listed, here = _names(shelf), _names(tmp_path)
    done = kacli("dossier", "restore", str(backup), "--yes")
    assert done.exit_code == ExitCode.OK, done.stderr
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Acme"]
    assert _names(shelf) == listed  # no stray file, no -wal or -shm beside the user's backup
    assert [n for n in _names(tmp_path) if n not in here and ".pre-restore-" not in n] == []


def test_restoring_a_wal_mode_copy_leaves_nothing_beside_it(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    copy = shelf / "copy.db"
    shutil.copy(db_path, copy)  # a plain file copy: still in WAL mode
    assert copy.read_bytes()[18:20] == b"\x02\x02"  # the header's mark of a WAL-mode file
    kacli.ok("customer", "add", "Beta")
    kacli.ok("dossier", "restore", str(copy), "--yes")
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Acme"]
    assert _names(shelf) == ["copy.db"]


def test_restoring_a_copy_with_its_log_takes_the_log_and_leaves_the_files_as_they_were(kacli, db_path,
                                                                                        tmp_path):
    kacli.ok("customer", "add", "Acme")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    holder = sqlite3.connect(db_path)  # keeps the log: the copy's last rows live only in it
    holder.execute("SELECT count(*) FROM customer").fetchall()  # opens the log; kept while open
    kacli.ok("customer", "add", "Beta")
    shutil.copy(db_path, shelf / "copy.db")
    shutil.copy(f"{db_path}-wal", shelf / "copy.db-wal")
    holder.close()
    before = {p.name: p.read_bytes() for p in shelf.iterdir()}
    kacli.ok("customer", "add", "Gamma")
    kacli.ok("dossier", "restore", str(shelf / "copy.db"), "--yes")
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Acme", "Beta"]
    assert {p.name: p.read_bytes() for p in shelf.iterdir()} == before


def test_check_of_a_copy_named_like_a_uri_makes_no_stray_file(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    odd = tmp_path / "odd#x.db"
    kacli.ok("dossier", "backup", str(odd))
    listed = _names(tmp_path)
    done = kacli("--db", str(odd), "dossier", "check")
    assert done.exit_code == ExitCode.OK, done.stderr
    assert [n for n in _names(tmp_path) if n not in listed and not n.startswith("odd#x.db")] == []


# ---- temporaries of a killed backup ---------------------------------------------------------------

def test_a_killed_backups_temporaries_to_another_name_are_swept_by_the_next_backup(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    dead = _dead_pid()
    stale = shelf / f".monday.db.backup-{dead}-0badf00d.tmp"
    stale.write_bytes(b"half a copy of personal data")
    journal = shelf / f".tuesday.db.backup-{dead}-feedf00d.tmp-journal"  # its copy already gone
    journal.write_bytes(b"a journal of half a copy")
    running = shelf / f".monday.db.backup-{os.getpid()}-0badf00d.tmp"
    running.write_bytes(b"in progress")
    kacli.ok("dossier", "backup", str(shelf / "wednesday.db"))
    assert not stale.exists() and not journal.exists()
    assert running.exists()


def test_a_killed_backups_temporaries_elsewhere_are_swept_by_the_next_command_that_looks(kacli, db_path,
                                                                                         tmp_path):
    """A backup notes where its temporary file is, beside the dossier, until it is done; a kacli
    killed meanwhile leaves the note, and the next look at the dossier's folder (info, check,
    backup, restore, a first write) removes the temporary and the note."""
    from kacli.store import safefile

    kacli.ok("customer", "add", "Acme")
    shelf = tmp_path / "far" / "shelf"
    shelf.mkdir(parents=True)
    dead = _dead_pid()
    stale = shelf / f".nightly.db.backup-{dead}-0badf00d.tmp"
    stale.write_bytes(b"half a copy of personal data")
    Path(f"{stale}-journal").write_bytes(b"its journal")
    safefile.note_elsewhere(db_path, stale, pid=dead)
    assert any(p.name.endswith(safefile.TEMP_SUFFIX) for p in tmp_path.iterdir())
    kacli.ok("dossier", "info")
    assert not stale.exists() and not Path(f"{stale}-journal").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(safefile.TEMP_SUFFIX)]


def test_a_backup_in_progress_leaves_no_note_once_done(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    kacli.ok("dossier", "backup", str(tmp_path / "far.db"))
    assert [p for p in _names(tmp_path) if p.endswith(".tmp")] == []


# ---- --db values that are not a file's path ----------------------------------------------------

@pytest.mark.parametrize("value", ["file:{tmp}/x?mode=memory", "file:{tmp}/y.db", "FILE:{tmp}/z.db",
                                   ":memory:", "file::memory:"])
@pytest.mark.parametrize("args", [["customer", "add", "Acme"], ["week"]])
def test_a_db_that_sqlite_would_read_as_a_uri_is_refused_and_nothing_is_made(kacli, tmp_path, monkeypatch,
                                                                               value, args):
    monkeypatch.chdir(tmp_path)
    before = _names(tmp_path)
    done = kacli("--db", value.format(tmp=tmp_path), *args)
    assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
    assert "Traceback" not in done.stderr
    assert _names(tmp_path) == before


@pytest.mark.parametrize("argv", [
    ["--db", "{a}", "--db", "{b}", "customer", "add", "Acme"],
    ["--db", "{a}", "customer", "add", "Acme", "--db", "{b}"],
    ["customer", "add", "Acme", "--db={a}", "--db", "{b}"],
])
def test_db_given_twice_is_refused(kacli, db_path, tmp_path, argv):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    done = kacli(*[w.format(a=a, b=b) for w in argv])
    assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
    assert not a.exists() and not b.exists()


def test_a_db_given_once_and_in_the_environment_uses_the_option(kacli, tmp_path):
    other = tmp_path / "other.db"
    kacli.ok("--db", str(other), "customer", "add", "Acme")
    assert _customers(other) == ["Acme"]


# ---- read-only media (a read-only bind mount: root only) ----------------------------------------

def _mount_read_only(folder: Path) -> bool:
    ok = subprocess.run(["mount", "--bind", str(folder), str(folder)], capture_output=True).returncode == 0
    if not ok:
        return False
    if subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], capture_output=True).returncode:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)
        return False
    return True


@pytest.fixture
def read_only_media(tmp_path):
    """(folder, lock): ``lock()`` makes ``folder`` a read-only mount until the test ends."""
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    folder = tmp_path / "media"
    folder.mkdir()
    mounted = []

    def lock():
        if not _mount_read_only(folder):
            pytest.skip("mount is not permitted here")
        mounted.append(folder)

    yield folder, lock
    for each in mounted:
        subprocess.run(["umount", "-l", str(each)], capture_output=True)


@pytest.mark.slow  # a mount each; test_restoring_a_wal_mode_copy_leaves_nothing_beside_it is its fast sibling
def test_check_of_a_sound_dossier_on_read_only_media_says_sound(kacli, read_only_media):
    folder, lock = read_only_media
    db = folder / "dossier.db"
    kacli.ok("--db", str(db), "customer", "add", "Acme")
    lock()
    assert kacli("--db", str(db), "week").exit_code == ExitCode.OK
    done = kacli("--db", str(db), "dossier", "check")
    assert done.exit_code == ExitCode.OK, done.stderr
    assert "damaged" not in done.stderr + done.stdout


@pytest.mark.slow
def test_a_write_on_read_only_media_says_read_only_not_damaged(kacli, read_only_media):
    folder, lock = read_only_media
    db = folder / "dossier.db"
    kacli.ok("--db", str(db), "customer", "add", "Acme")
    lock()
    done = kacli("--db", str(db), "customer", "add", "Beta")
    assert done.exit_code == ExitCode.DOSSIER
    assert "read-only" in done.stderr and "damaged" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("with_log", [False, True])
def test_restore_from_a_wal_copy_on_read_only_media(kacli, db_path, read_only_media, with_log):
    folder, lock = read_only_media
    kacli.ok("customer", "add", "Acme")
    holder = sqlite3.connect(db_path)
    holder.execute("SELECT count(*) FROM customer").fetchall()  # opens the log; kept while open
    kacli.ok("customer", "add", "Beta")
    shutil.copy(db_path, folder / "copy.db")
    if with_log:
        shutil.copy(f"{db_path}-wal", folder / "copy.db-wal")
    holder.close()
    kacli.ok("customer", "add", "Gamma")
    lock()
    done = kacli("dossier", "restore", str(folder / "copy.db"), "--yes")
    assert done.exit_code == ExitCode.OK, done.stderr
    expected = ["Acme", "Beta"] if with_log else ["Acme"]
    assert [c["name"] for c in kacli.json("customer", "list")] == expected
    assert snapshot(db_path)["customer"]


@pytest.mark.slow
def test_check_that_cannot_open_a_file_on_read_only_media_says_read_only(kacli, read_only_media, monkeypatch):
    from contextlib import contextmanager

    from kacli.store import dossier

    folder, lock = read_only_media
    db = folder / "dossier.db"
    kacli.ok("--db", str(db), "customer", "add", "Acme")
    lock()

    @contextmanager
    def unopenable(path, *, live=False):
        raise sqlite3.OperationalError("unable to open database file")
        yield

    monkeypatch.setattr(dossier, "read_only_view", unopenable)
    done = kacli("--db", str(db), "dossier", "check")
    assert done.exit_code == ExitCode.DOSSIER
    assert "read-only" in done.stderr and "damaged" not in done.stderr


@pytest.mark.parametrize("name", ["b" * 250, "备" * 80 + ".db"])
def test_a_backup_to_a_long_but_legal_name_is_made_and_restored(kacli, db_path, tmp_path, name):
    kacli.ok("customer", "add", "Acme")
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    kacli.ok("dossier", "backup", str(shelf / name))
    assert _names(shelf) == [name]
    kacli.ok("customer", "add", "Beta")
    kacli.ok("dossier", "restore", str(shelf / name), "--yes")
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Acme"]
