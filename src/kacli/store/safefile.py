"""Making files so that a crash, a full disk or a permissive umask never leaves a half thing behind.

- Folders kacli makes are 0700 and files 0600, whatever the umask (modes are set explicitly, not
  left to ``mkdir``/``open``, which the umask narrows but never widens).
- A file that must appear whole (a new dossier, a backup, a restored dossier) is written under a
  temporary name in its final folder, flushed to disk, and then given its name in one step:
  ``os.link`` when nothing may be overwritten, ``os.replace`` when it replaces a file. A kill at any
  moment leaves either no file or a whole one at the name; at worst a temporary file, which is
  never listed as a backup (its name ends in ``.tmp``).
- ``problem(exc, path)`` turns an OS failure (no space, read-only, permission) into the kacli error
  that says what to do.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import stat
from contextlib import suppress
from pathlib import Path

from kacli.errors import DossierError

TEMP_SUFFIX = ".tmp"


def make_folders(folder: Path) -> None:
    """Create ``folder`` and any missing parents, each 0700 (existing folders are left alone)."""
    missing = []
    while not folder.exists():
        if folder.is_symlink():  # a dangling link in the way: let mkdir say so
            break
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        new.mkdir(mode=0o700)
        os.chmod(new, 0o700)  # the umask may have narrowed it; never wider than 0700 anyway


def private_file(path: Path) -> None:
    """Make an existing file kacli wrote readable by its owner only."""
    os.chmod(path, 0o600)


def temp_beside(path: Path, purpose: str) -> Path:
    """A fresh, unused name in ``path``'s folder for a file on its way to ``path``."""
    import secrets  # only writes need it: loading it costs every read command a few milliseconds

    return path.with_name(f".{_stem(path.name)}.{purpose}-{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}")


def _stem(name: str) -> str:
    """``name`` as a temporary name carries it: cut short when the whole temporary name would be
    longer than a disk allows (255 bytes), so a long but legal name still gets its copy."""
    while len(name.encode("utf-8", "surrogateescape")) > 200:
        name = name[:-1]
    return name


# ``.<file>.<purpose>-<pid>-<8 hex>.tmp`` (temp_beside), and the side files SQLite keeps beside it.
_TEMP_NAME = re.compile(r"^\.(?P<name>.+)\.(?P<purpose>[a-z]+)-(?P<pid>\d+)-[0-9a-f]{8}\.tmp"
                        r"(?:-journal|-wal|-shm)?$")


def sweep(path: Path, *, purpose: str | None = None) -> None:
    """Remove the temporary files a killed kacli left on their way to ``path`` (a half-made copy
    is useless, and may hold data a ``contact forget`` has since erased), and their journals;
    with ``purpose`` (``"backup"``), every such file of that purpose in ``path``'s folder, on its
    way to any name. Only files whose process is gone are touched; one still running keeps its
    file. A note left beside the dossier by a backup to another folder takes the backup's
    temporary file with it (``note_elsewhere``)."""
    folder = path.parent
    if not folder.is_dir():
        return
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for entry in names:
        found = _TEMP_NAME.match(entry)
        if found is None or _running(int(found["pid"])):
            continue
        if found["name"] != _stem(path.name) and (purpose is None or found["purpose"] != purpose):
            continue
        if found["purpose"] == _NOTE:
            _discard_noted(folder / entry, found["pid"])
        with suppress(OSError):
            (folder / entry).unlink()


_NOTE = "elsewhere"


def note_elsewhere(dossier_path: Path, temp: Path, *, pid: int | None = None) -> Path | None:
    """A note beside the dossier naming ``temp``, a backup's temporary file in another folder, so
    that if this kacli is killed before the backup is whole the next look at the dossier's folder
    (``sweep``) removes the partial copy of personal data, wherever it is. None when the
    dossier's folder takes no note (read-only): the backup goes ahead without one."""
    import secrets

    pid = os.getpid() if pid is None else pid
    note = dossier_path.with_name(
        f".{dossier_path.name}.{_NOTE}-{pid}-{secrets.token_hex(4)}{TEMP_SUFFIX}")
    try:
        fd = os.open(note, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        return None
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(str(temp.absolute()))
    return note


def _discard_noted(note: Path, pid: str) -> None:
    """Remove the temporary file ``note`` names: only a kacli backup temporary of the same gone
    process, never any other file a changed note might name."""
    try:
        target = Path(note.read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError, ValueError):
        return
    found = _TEMP_NAME.match(target.name)
    if found and found["pid"] == pid and found["purpose"] == "backup" and target.is_absolute():
        discard(target)


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def sync(path: Path) -> None:
    """Flush a file's bytes to the disk before it is given its final name."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_folder(folder: Path) -> None:
    """Make a rename or link in ``folder`` survive a power cut (best effort)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def discard(*paths: Path) -> None:
    """Remove temporary files (and SQLite's side files), ignoring ones already gone."""
    for path in paths:
        for each in (path, Path(f"{path}-journal"), Path(f"{path}-wal"), Path(f"{path}-shm")):
            with suppress(OSError):  # already gone, or not ours to remove
                each.unlink()


def publish(temp: Path, path: Path, *, replace: bool) -> None:
    """Give the whole file ``temp`` the name ``path`` in one step; FileExistsError if ``path``
    exists and not ``replace``."""
    sync(temp)
    if replace:
        os.replace(temp, path)
    else:
        try:
            os.link(temp, path)  # atomic and never overwrites
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: check, then rename (a tiny race)
            if path.exists() or path.is_symlink():
                raise FileExistsError(errno.EEXIST, "File exists", str(path)) from None
            os.rename(temp, path)
        else:
            temp.unlink()
    sync_folder(path.parent)


def sqlite_copy(source: sqlite3.Connection, temp: Path, *, journal: str) -> None:
    """Copy a live dossier into the new file ``temp`` with SQLite's backup API (0600)."""
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    private_file(temp)
    target = sqlite3.connect(temp, isolation_level=None)
    try:
        source.backup(target)
        # One self-contained file: no -wal/-shm beside it when it is opened later.
        target.execute(f"PRAGMA journal_mode = {journal}")
    finally:
        target.close()


def kind_of(path: Path) -> str | None:
    """Why ``path`` cannot hold a dossier, as an error key, or None if it can (or is absent)."""
    if path.is_symlink() and not path.exists():
        return "error.dossier_dangling_link"
    if not path.exists():
        return None
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        return "error.dossier_is_folder"
    if not stat.S_ISREG(mode):
        return "error.dossier_not_a_file"
    if path.stat().st_size == 0:
        return "error.dossier_empty"
    return None


def short_of_space(folder: Path) -> bool:
    """Whether the disk holding ``folder`` is (nearly) full: SQLite reports a write that found
    no space in a memory-mapped or journal file as a "disk I/O error"."""
    try:
        found = os.statvfs(folder)
    except OSError:
        return False
    return found.f_bavail * found.f_frsize < 1024 * 1024


def problem(exc: BaseException, path: Path | str) -> DossierError | None:
    """The kacli error for an OS or SQLite failure about space or permissions, else None."""
    number = getattr(exc, "errno", None)
    text = str(exc).lower()
    full = "disk is full" in text or ("disk i/o" in text and short_of_space(Path(path).parent))
    if number in (errno.ENOSPC, errno.EDQUOT) or full:
        return DossierError("error.disk_full", path=path)
    if number in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text \
            or "read-only" in text:
        return DossierError("error.dossier_readonly", path=path)
    return None
