"""Finding, creating, opening and upgrading the dossier file.

- Default place: ``platformdirs.user_data_path("kacli")/dossier.db``; ``--db`` or ``KACLI_DB``
  override it with a path or a ``sqlite:///`` URL.
- Created on the first write with its folder: file 0600, new folders 0700.
- Opened with foreign keys on, WAL journal and a busy timeout, so the nightly script can read
  while the salesperson writes. Writers take the lock up front (``BEGIN IMMEDIATE``).
- A dossier made by an older kacli is copied beside itself, then upgraded; one made by a newer
  kacli is refused.

SQLite-only: this module speaks stdlib sqlite3 (PRAGMAs, the backup API, file permissions).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from kacli.errors import DossierDamaged, DossierError, DossierLocked, DossierMissing, DossierTooNew
from kacli.store import migrations
from kacli.store.db import Db

BUSY_TIMEOUT_SECONDS = float(os.environ.get("KACLI_BUSY_TIMEOUT", "10"))
BACKUP_SUFFIX = ".bak"


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("kacli", appauthor=False) / "dossier.db"


def resolve_path(db: str | None) -> Path:
    """The dossier file meant by ``--db`` / ``KACLI_DB`` / the default place."""
    value = db or os.environ.get("KACLI_DB") or ""
    if not value:
        return default_path()
    if "://" in value:
        if not value.startswith("sqlite:///"):
            # SQLite-only for now: the store's queries are portable, the file handling is not.
            raise DossierError("error.dossier_url_unsupported", url=value)
        value = value[len("sqlite:///"):]
    return Path(value).expanduser()


def _create_file(path: Path) -> None:
    """Create the folder (0700 for folders we make) and an empty file readable by its owner only."""
    missing = []
    parent = path.parent
    while not parent.exists():
        missing.append(parent)
        parent = parent.parent
    for folder in reversed(missing):
        folder.mkdir(mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def create_private(path: Path) -> None:
    """An empty file for a backup: refuses to overwrite, created 0600."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def backups_beside(path: Path) -> list[Path]:
    """Automatic backups next to the dossier, newest last."""
    if not path.parent.exists():
        return []
    return sorted(path.parent.glob(f"{path.name}.*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime)


def damaged(path: Path, detail: str) -> DossierDamaged:
    found = backups_beside(path)
    if found:
        return DossierDamaged("error.dossier_damaged", path=path, detail=detail, backup=found[-1])
    return DossierDamaged("error.dossier_damaged_no_backup", path=path, detail=detail)


def copy_to(conn: sqlite3.Connection, dest: Path) -> None:
    """An online copy through SQLite's backup API (never a file copy of a live database)."""
    create_private(dest)
    target = sqlite3.connect(dest)
    try:
        conn.backup(target)
        # A backup is one self-contained file: no -wal/-shm beside it when it is opened later.
        target.execute("PRAGMA journal_mode = DELETE")
    finally:
        target.close()


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def open_dossier(path: Path, *, create: bool) -> sqlite3.Connection:
    """A ready connection to an up-to-date dossier; creates it when ``create``."""
    if not path.exists():
        if not create:
            raise DossierMissing("error.dossier_missing", path=path)
        _create_file(path)
    try:
        conn = _connect(path)
        try:
            current = migrations.version(conn)
            if current > migrations.LATEST:
                raise DossierTooNew(
                    "error.dossier_too_new", path=path, version=current, known=migrations.LATEST
                )
            if current == 0 and conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                " AND name != 'kacli_migrations'"
            ).fetchone()[0]:
                raise DossierError("error.dossier_foreign", path=path)
            if migrations.pending(conn):
                _upgrade(conn, path, current)
            return conn
        except BaseException:
            conn.close()
            raise
    except sqlite3.OperationalError as exc:
        mapped = translate(exc, path)
        if mapped is None:
            raise
        raise mapped from exc
    except sqlite3.DatabaseError as exc:
        raise damaged(path, str(exc)) from exc


def _upgrade(conn: sqlite3.Connection, path: Path, current: int) -> None:
    if current == 0:
        conn.execute("PRAGMA journal_mode = WAL")  # persistent: set once, when the file is new
    else:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        # Another kacli opening the same old dossier in the same second takes this copy itself.
        with suppress(FileExistsError):
            copy_to(conn, path.with_name(f"{path.name}.v{current}-{stamp}{BACKUP_SUFFIX}"))
    migrations.apply(conn, now=utc_now())
    if current:
        from kacli.store import journal

        journal.after_upgrade(conn, utc_now())


def translate(exc: BaseException, path: Path | None = None) -> DossierError | None:
    """The kacli error for a database failure, or None if it is not one we understand."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if not isinstance(orig, sqlite3.Error):
        return None
    where = path if path is not None else "?"
    if "locked" in text or "busy" in text:
        return DossierLocked("error.dossier_locked", path=where)
    if isinstance(orig, sqlite3.OperationalError) and "unable to open" in text:
        return DossierError("error.dossier_unopenable", path=where, detail=str(orig))
    broken = any(w in text for w in ("malformed", "not a database", "disk i/o", "corrupt"))
    if broken and not isinstance(orig, sqlite3.IntegrityError):
        return damaged(Path(where), str(orig)) if path is not None else None
    return None


@contextmanager
def reading(db: str | None) -> Iterator[Db]:
    """A read-only look at the dossier; DossierMissing if there is none yet."""
    path = resolve_path(db)
    conn = open_dossier(path, create=False)
    try:
        yield Db(conn)
    except sqlite3.Error as exc:
        raise (translate(exc, path) or exc) from exc
    finally:
        conn.close()


@contextmanager
def raw(db: str | None, *, create: bool = False) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """The path and an open stdlib connection, for maintenance (info, check, backup)."""
    path = resolve_path(db)
    conn = open_dossier(path, create=create)
    try:
        yield path, conn
    finally:
        conn.close()
