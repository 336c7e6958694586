"""Odd files at the dossier's path, restore and backup onto the wrong things: each is a clear exit 2
or 3 that changes nothing and leaves nothing behind, never a dossier that vanishes.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import snapshot
from kacli.errors import ExitCode

READS = [["customer", "list", "--json"], ["week"], ["dossier", "info"], ["dossier", "check"]]
WRITES = [["customer", "add", "Acme"], ["dossier", "backup", "copy.db"]]


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_restore_onto_itself_is_refused_and_moves_nothing(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    link = tmp_path / "same.db"
    link.symlink_to(db_path)
    before = snapshot(db_path)
    for source in (db_path, link):
        done = kacli("dossier", "restore", str(source), "--yes")
        assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
        assert "itself" in done.stderr
    assert list(tmp_path.glob("*.replaced")) == []
    assert snapshot(db_path) == before
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Acme"]


def test_restore_keeps_the_old_dossier_whole_as_a_listed_backup(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    backup = tmp_path / "b.db"
    kacli.ok("dossier", "backup", str(backup))
    kacli.ok("customer", "add", "Beta")  # only in the dossier being replaced (in its WAL, too)
    kacli.ok("dossier", "restore", str(backup), "--yes")
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Acme"]
    [aside] = tmp_path.glob("dossier.db.pre-restore-*.replaced")
    assert str(aside) in kacli.json("dossier", "info")["backups"]
    conn = sqlite3.connect(f"file:{aside}?mode=ro", uri=True)
    assert [r[0] for r in conn.execute("SELECT name FROM customer ORDER BY id")] == ["Acme", "Beta"]
    conn.close()
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("args", READS + WRITES)
def test_an_empty_file_is_not_a_dossier_and_stays_empty(kacli, db_path, tmp_path, args):
    db_path.touch()
    os.chdir(tmp_path)
    done = kacli(*args)
    assert done.exit_code == ExitCode.DOSSIER, done.stderr
    assert "empty file" in done.stderr
    assert db_path.read_bytes() == b""
    assert _names(tmp_path) == ["dossier.db"]


@pytest.mark.parametrize("args", READS + WRITES)
def test_another_applications_sqlite_file_is_never_taken_over(kacli, db_path, tmp_path, args):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    os.chdir(tmp_path)
    done = kacli(*args)
    assert done.exit_code == ExitCode.DOSSIER, done.stderr
    assert "not a kacli dossier" in done.stderr and "sound" not in done.stderr
    assert db_path.read_bytes() == before
    assert _names(tmp_path) == ["dossier.db"]


@pytest.fixture
def dev_null_kept():
    """Removes what a regression would leave beside /dev/null, so one failure does not spread."""
    yield
    for side in ("-journal", "-wal", "-shm"):
        if os.path.isfile(f"/dev/null{side}"):
            os.unlink(f"/dev/null{side}")


@pytest.mark.parametrize("args", READS + WRITES)
@pytest.mark.usefixtures("dev_null_kept")
def test_a_link_to_dev_null_is_refused_and_nothing_is_made_beside_it(kacli, db_path, tmp_path, args):
    db_path.symlink_to("/dev/null")
    os.chdir(tmp_path)
    done = kacli(*args)
    assert done.exit_code == ExitCode.DOSSIER, done.stderr
    assert "not an ordinary file" in done.stderr
    assert not os.path.exists("/dev/null-journal") and not os.path.exists("/dev/null-wal")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert _names(tmp_path) == ["dossier.db"]


@pytest.mark.parametrize("args", READS + WRITES)
def test_a_dangling_link_is_refused_and_nothing_is_created(kacli, db_path, tmp_path, args):
    target = tmp_path / "gone" / "real.db"
    db_path.symlink_to(target)
    os.chdir(tmp_path)
    done = kacli(*args)
    assert done.exit_code == ExitCode.DOSSIER, done.stderr
    assert "does not exist" in done.stderr and str(target) in done.stderr
    assert not target.parent.exists()
    assert _names(tmp_path) == ["dossier.db"]


def test_a_link_to_a_real_dossier_works_and_restore_replaces_the_file_not_the_link(kacli, tmp_path,
                                                                                   monkeypatch):
    real = tmp_path / "real" / "dossier.db"
    link = tmp_path / "link.db"
    monkeypatch.setenv("KACLI_DB", str(real))
    kacli.ok("customer", "add", "Acme")
    backup = tmp_path / "b.db"
    kacli.ok("dossier", "backup", str(backup))
    link.symlink_to(real)
    monkeypatch.setenv("KACLI_DB", str(link))
    kacli.ok("customer", "add", "Beta")
    kacli.ok("dossier", "restore", str(backup), "--yes")
    assert link.is_symlink() and [c["name"] for c in kacli.json("customer", "list")] == ["Acme"]


def test_only_a_write_to_a_path_with_no_file_creates_a_dossier(kacli, db_path):
    assert kacli("customer", "list").exit_code == ExitCode.DOSSIER
    assert not db_path.exists()
    kacli.ok("customer", "add", "Acme")
    assert db_path.stat().st_size > 0 and db_path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("side", ["", "-wal", "-shm"])
def test_backup_onto_the_dossier_itself_is_refused_even_with_force(kacli, db_path, side):
    kacli.ok("customer", "add", "Acme")
    before = snapshot(db_path)
    done = kacli("dossier", "backup", f"{db_path}{side}", "--force")
    assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
    assert "the dossier itself" in done.stderr and "I/O" not in done.stderr
    assert snapshot(db_path) == before
    assert kacli("dossier", "check").exit_code == ExitCode.OK


def test_backup_onto_a_pipe_or_folder_is_refused(kacli, db_path, tmp_path):
    # A named pipe stands for a device: --force once unlinked whatever was there (as root, even
    # /dev/null), so the test must not aim at a real device.
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    kacli.ok("customer", "add", "Acme")
    for dest in (pipe, tmp_path):
        done = kacli("dossier", "backup", str(dest), "--force")
        assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
        assert "not an ordinary file" in done.stderr
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_check_says_sound_only_for_a_kacli_dossier(kacli, db_path):
    kacli.ok("customer", "add", "Acme")
    assert "sound" in kacli.ok("dossier", "check").stderr
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TABLE kacli_migrations")
    conn.commit()
    conn.close()
    done = kacli("dossier", "check")
    assert done.exit_code == ExitCode.DOSSIER and "not a kacli dossier" in done.stderr


def test_an_error_kacli_does_not_recognise_while_opening_is_exit_3_not_a_crash(kacli, db_path,
                                                                               monkeypatch):
    from kacli.store import migrations

    kacli.ok("customer", "add", "Acme")

    def strange(conn):
        raise sqlite3.OperationalError("something SQLite has never said before")

    monkeypatch.setattr(migrations, "version", strange)
    done = kacli("customer", "list")
    assert done.exit_code == ExitCode.DOSSIER, done.stderr
    assert "something SQLite has never said before" in done.stderr
    assert "BaseException" not in done.stderr


def test_a_partial_backup_left_by_an_older_kacli_is_never_offered(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Acme")
    sound = db_path.with_name("dossier.db.v1-20260101T000000.bak")
    kacli.ok("dossier", "backup", str(sound))
    partial = db_path.with_name("dossier.db.v1-20260102T000000.bak")
    partial.write_bytes(sound.read_bytes()[:4096])
    os.utime(partial, (sound.stat().st_mtime + 60,) * 2)  # the newest
    with open(db_path, "r+b") as damaged:
        damaged.seek(100)
        damaged.write(b"\xff" * 8000)
    done = kacli("customer", "list")
    assert done.exit_code == ExitCode.DOSSIER, done.stderr
    assert str(sound) in done.stderr and str(partial) not in done.stderr


def test_temporary_files_of_a_killed_kacli_are_swept_and_a_running_ones_kept(kacli, db_path, tmp_path):
    import subprocess
    import sys

    kacli.ok("customer", "add", "Acme")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".dossier.db.restore-{gone}-0badf00d.tmp"
    stale.write_bytes(b"half a copy")
    running = tmp_path / f".dossier.db.restore-{os.getpid()}-0badf00d.tmp"
    running.write_bytes(b"in progress")
    kacli.ok("dossier", "backup", str(tmp_path / "copy.db"))  # any look at the dossier's folder sweeps
    assert not stale.exists() and running.exists()
    stale.write_bytes(b"half a copy")
    kacli.ok("dossier", "restore", str(tmp_path / "copy.db"), "--yes")
    assert not stale.exists() and running.exists()
