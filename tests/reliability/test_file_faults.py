"""The file system says no: a read-only folder or file, a full disk, a permissive umask. Each gives
exit 3 (or 2) with a message saying what to do, changes nothing and leaves no empty or partial
file behind; everything kacli makes is 0700 (folders) or 0600 (files), whatever the umask.

Permissions are tested two ways, because root ignores file modes: as a normal user (uid 65534
through ``setpriv``, when this machine can run kacli as that user) and under a read-only bind
mount (as root). The full disk is a small tmpfs (as root) and, everywhere, a fault-injection seam:
``kacli.store.safefile.sqlite_copy`` (every copy kacli writes: backups, the copy before an
upgrade, a restore) and ``kacli.store.migrations.apply`` (building a new dossier) are replaced by
functions that fail the way SQLite fails on a full disk, after writing part of their file.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import sysconfig
from functools import cache
from pathlib import Path

import pytest
from support import FIXTURES, child_env

from kacli.errors import ExitCode

# Read-only places and full disks, one process each: the slow lane (CI runs it).
pytestmark = pytest.mark.slow

NOBODY = 65534


# ---- running kacli as it would really run ---------------------------------------------------

@cache
def _normal_user_python() -> str | None:
    """A Python that uid 65534 can run with kacli importable, or None."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        return None
    for python in (sys.executable, "/usr/bin/python3"):
        probe = subprocess.run([*_as_nobody(), python, "-c", "import kacli.app, sqlmodel"],
                               env=_env_for_nobody(), capture_output=True, cwd="/")
        if probe.returncode == 0:
            return python
    return None


def _as_nobody() -> list[str]:
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def _env_for_nobody() -> dict[str, str]:
    paths = [str(Path(__file__).resolve().parents[2] / "src"), sysconfig.get_paths()["purelib"],
             sysconfig.get_paths()["platlib"]]
    return {"PYTHONPATH": os.pathsep.join(dict.fromkeys(paths)), "HOME": "/tmp", "PATH": "/usr/bin:/bin"}


def kacli_as(user: str, db: Path, *args: str, umask: int | None = None) -> subprocess.CompletedProcess:
    """kacli in a child process, as root ("root") or as a normal user ("nobody")."""
    env = child_env(db)
    command = [sys.executable, "-m", "kacli", *args]
    if user == "nobody":
        env.update(_env_for_nobody(), KACLI_RULES="/kacli-no-such-folder/rules.toml")
        command = [*_as_nobody(), _normal_user_python(), "-m", "kacli", *args]
    preexec = (lambda: os.umask(umask)) if umask is not None else None
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env,
                          stdin=subprocess.DEVNULL, preexec_fn=preexec, cwd="/")


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def shared_folder():
    """A folder outside root's private tmp_path, so a normal user can be given it."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="kacli-faults-"))
    os.chmod(folder, 0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            os.chmod(path, 0o700)
    shutil.rmtree(folder, ignore_errors=True)


READ_ONLY_WAYS = ["normal user", "read-only mount"]


@pytest.fixture(params=READ_ONLY_WAYS)
def read_only(request, shared_folder):
    """(user, folder, make_read_only): a way to make a folder and its files unwritable to the
    kacli that runs next."""
    if request.param == "normal user":
        if os.geteuid() == 0 and _normal_user_python() is None:
            pytest.skip("cannot run kacli as a normal user here (no setpriv, or no Python uid 65534"
                        " can run)")
        user = "nobody" if os.geteuid() == 0 else "root"  # "root" means: whoever runs the tests

        def lock(folder: Path, *, file_only: bool = False) -> None:
            for path in [folder, *folder.rglob("*")]:
                if os.geteuid() == 0:
                    os.chown(path, NOBODY, NOBODY)
                if path.is_file():
                    os.chmod(path, 0o400)
                elif not file_only:
                    os.chmod(path, 0o500)
                else:
                    os.chmod(path, 0o700)
        yield user, shared_folder, lock
        return
    if os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root")
    mounted: list[Path] = []

    def lock(folder: Path, *, file_only: bool = False) -> None:
        if file_only:
            pytest.skip("a mount makes the whole folder read-only, not one file")
        if not (_mount("--bind", str(folder), str(folder))
                and _mount("-o", "remount,bind,ro", str(folder))):
            pytest.skip("mount is not permitted here")
        mounted.append(folder)

    yield "root", shared_folder, lock
    for folder in mounted:
        _umount(folder)


def _dossier_in(folder: Path) -> Path:
    db = folder / "d" / "dossier.db"
    done = kacli_as("root", db, "customer", "add", "Acme")
    assert done.returncode == 0, done.stderr
    os.chmod(db.parent, 0o755)
    return db


def _listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# ---- read-only -------------------------------------------------------------------------------

def test_a_write_to_a_dossier_in_a_read_only_folder_is_exit_3_and_changes_nothing(read_only):
    user, folder, lock = read_only
    db = _dossier_in(folder)
    before, names = db.read_bytes(), _listing(folder)
    lock(folder)
    done = kacli_as(user, db, "customer", "add", "Beta")
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    read = kacli_as(user, db, "customer", "list", "--json")
    assert read.returncode == ExitCode.OK, read.stderr  # reading a read-only dossier still works
    assert db.read_bytes() == before and _listing(folder) == names


def test_a_write_to_a_read_only_file_is_exit_3_and_changes_nothing(read_only):
    user, folder, lock = read_only
    db = _dossier_in(folder)
    before, names = db.read_bytes(), _listing(folder)
    lock(folder, file_only=True)
    done = kacli_as(user, db, "customer", "add", "Beta")
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == before and _listing(folder) == names


def test_a_first_write_in_a_read_only_folder_creates_nothing(read_only):
    user, folder, lock = read_only
    lock(folder)
    done = kacli_as(user, folder / "new" / "dossier.db", "customer", "add", "Acme")
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert _listing(folder) == []


def test_a_backup_into_a_read_only_folder_is_exit_3_and_leaves_nothing(read_only, tmp_path):
    user, folder, lock = read_only
    db = _dossier_in(folder)
    (folder / "out").mkdir()
    lock(folder / "out")
    if user == "nobody":
        os.chown(db.parent, NOBODY, NOBODY)
        os.chown(db, NOBODY, NOBODY)
    done = kacli_as(user, db, "dossier", "backup", str(folder / "out" / "copy.db"))
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "read-only" in done.stderr and "Traceback" not in done.stderr
    assert list((folder / "out").iterdir()) == []


# ---- a full disk: a small tmpfs (root) --------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root (the seam tests below cover a full disk)")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = []

    def mount(size: str) -> Path:
        if not _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(disk)):
            pytest.skip("mount is not permitted here")
        mounted.append(disk)
        return disk

    yield mount
    for where in mounted:
        _umount(where)


def test_a_first_write_on_a_full_disk_is_exit_3_and_leaves_no_file(small_disk):
    disk = small_disk("32k")
    done = kacli_as("root", disk / "dossier.db", "customer", "add", "Acme")
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "no space" in done.stderr and "Traceback" not in done.stderr
    assert list(disk.iterdir()) == []


def test_an_upgrade_on_a_full_disk_is_exit_3_and_leaves_the_old_dossier_whole(small_disk):
    disk = small_disk("96k")  # room for the old dossier, not for its copy
    db = disk / "dossier.db"
    shutil.copy(FIXTURES / "dossier-v1.db", db)
    before = db.read_bytes()
    done = kacli_as("root", db, "customer", "list")
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "no space" in done.stderr and "Traceback" not in done.stderr
    assert db.read_bytes() == before
    assert [p.name for p in disk.iterdir() if p.name != "dossier.db"] == []


def test_a_backup_on_a_full_disk_leaves_nothing_and_can_be_retried(small_disk, tmp_path):
    disk = small_disk("64k")
    db = tmp_path / "dossier.db"
    assert kacli_as("root", db, "customer", "add", "Acme").returncode == 0
    dest = disk / "copy.db"
    done = kacli_as("root", db, "dossier", "backup", str(dest))
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "no space" in done.stderr and "Traceback" not in done.stderr
    assert list(disk.iterdir()) == []
    assert _mount("-o", "remount,size=4m", str(disk))
    again = kacli_as("root", db, "dossier", "backup", str(dest))
    assert again.returncode == 0, again.stderr  # not "already exists"
    assert sqlite3.connect(dest).execute("SELECT name FROM customer").fetchall() == [("Acme",)]


# ---- a full disk: the seam (everywhere) -------------------------------------------------------

def _full_disk_after_a_part(real):
    def failing(source, temp, **kw):
        temp.write_bytes(b"SQLite format 3\x00" + b"\x00" * 1000)  # what a cut-off copy holds
        raise sqlite3.OperationalError("database or disk is full")
    return failing


def test_seam_a_backup_that_runs_out_of_space_leaves_nothing(kacli, db_path, tmp_path, monkeypatch):
    from kacli.store import safefile

    kacli.ok("customer", "add", "Acme")
    dest = tmp_path / "new" / "copy.db"
    with monkeypatch.context() as seam:
        seam.setattr(safefile, "sqlite_copy", _full_disk_after_a_part(safefile.sqlite_copy))
        done = kacli("dossier", "backup", str(dest))
    assert done.exit_code == ExitCode.DOSSIER and "no space" in done.stderr, done.stderr
    assert list(dest.parent.iterdir()) == []
    kacli.ok("dossier", "backup", str(dest))  # the retry is not "already exists"


def test_seam_an_upgrade_that_runs_out_of_space_lists_no_backup(kacli, db_path, tmp_path, monkeypatch):
    from kacli.store import safefile

    shutil.copy(FIXTURES / "dossier-v1.db", db_path)
    before = db_path.read_bytes()
    with monkeypatch.context() as seam:
        seam.setattr(safefile, "sqlite_copy", _full_disk_after_a_part(safefile.sqlite_copy))
        done = kacli("customer", "list")
    assert done.exit_code == ExitCode.DOSSIER and "no space" in done.stderr, done.stderr
    assert db_path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(("dossier", ".dossier"))) == [
        "dossier.db"]
    kacli.ok("customer", "list")
    assert len(list(tmp_path.glob("dossier.db.v1-*.bak"))) == 1


def test_seam_a_first_write_that_runs_out_of_space_leaves_no_file(kacli, db_path, tmp_path,
                                                                   monkeypatch):
    from kacli.store import migrations

    def full(conn, **kw):
        conn.execute("CREATE TABLE kacli_migrations (version INTEGER PRIMARY KEY)")
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(migrations, "apply", full)
    done = kacli("customer", "add", "Acme")
    assert done.exit_code == ExitCode.DOSSIER and "no space" in done.stderr, done.stderr
    assert [p.name for p in tmp_path.iterdir() if "dossier" in p.name] == []


def test_seam_an_os_error_on_a_new_folder_is_exit_3(kacli, tmp_path, monkeypatch):
    import errno

    from kacli.store import safefile

    def no_space(folder):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safefile, "make_folders", no_space)
    monkeypatch.setenv("KACLI_DB", str(tmp_path / "new" / "dossier.db"))
    done = kacli("customer", "add", "Acme")
    assert done.exit_code == ExitCode.DOSSIER and "no space" in done.stderr, done.stderr


# ---- modes under umask 000 --------------------------------------------------------------------

def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_a_backup_into_new_folders_makes_each_of_them_private(tmp_path):
    db = tmp_path / "dossier.db"
    assert kacli_as("root", db, "customer", "add", "Acme", umask=0).returncode == 0
    dest = tmp_path / "new" / "a" / "b.db"
    done = kacli_as("root", db, "dossier", "backup", str(dest), umask=0)
    assert done.returncode == 0, done.stderr
    assert [_mode(p) for p in (tmp_path / "new", tmp_path / "new" / "a")] == [0o700, 0o700]
    assert _mode(dest) == 0o600


def test_rules_init_makes_private_folders_and_files_even_over_an_existing_file(tmp_path, monkeypatch):
    monkeypatch.delenv("KACLI_RULES")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    db = tmp_path / "dossier.db"
    done = kacli_as("root", db, "rules", "init", umask=0)
    assert done.returncode == 0, done.stderr
    rules = tmp_path / "home" / ".config" / "kacli" / "rules.toml"
    for folder in (tmp_path / "home", tmp_path / "home" / ".config", rules.parent):
        assert _mode(folder) == 0o700, folder
    assert _mode(rules) == 0o600
    os.chmod(rules, 0o644)
    assert kacli_as("root", db, "rules", "init", "--force", umask=0).returncode == 0
    assert _mode(rules) == 0o600
