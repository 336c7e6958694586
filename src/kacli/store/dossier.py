"""Finding, creating, opening and upgrading the dossier file.

- Default place: ``platformdirs.user_data_path("kacli")/dossier.db``; ``--db`` or ``KACLI_DB``
  override it with a path or a ``sqlite:///`` URL.
- Created on the first write with its folder: file 0600, new folders 0700. It is built under a
  temporary name and linked into place whole; an empty, foreign or odd file (a device, a folder,
  a dangling link) at the path is refused, never taken over.
- Opened with foreign keys on, WAL journal and a busy timeout, so the nightly script can read
  while the salesperson writes. Writers take the lock up front (``BEGIN IMMEDIATE``).
- A dossier made by an older kacli is copied beside itself (under the write lock, by the one
  process that upgrades it, to a name no other copy has), then upgraded; one made by a newer
  kacli is refused.

SQLite-only: this module speaks stdlib sqlite3 (PRAGMAs, the backup API, file permissions).
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext, suppress
from pathlib import Path
from urllib.parse import quote

from kacli.errors import (
    BadInput,
    DossierDamaged,
    DossierError,
    DossierLocked,
    DossierMissing,
    DossierTooNew,
)
from kacli.store import migrations, safefile
from kacli.store.db import Db

BACKUP_SUFFIX = ".bak"
REPLACED_SUFFIX = ".replaced"
DEFAULT_BUSY_TIMEOUT = 10.0


def busy_timeout() -> float:
    """Seconds to wait for another kacli's lock: ``KACLI_BUSY_TIMEOUT``, else 10."""
    text = os.environ.get("KACLI_BUSY_TIMEOUT", "").strip()
    if not text:
        return DEFAULT_BUSY_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86400:  # also refuses nan
        raise BadInput("error.busy_timeout", value=text)
    return value


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("kacli", appauthor=False) / "dossier.db"


def server_uri(db: str | None) -> str | None:
    """The PostgreSQL connection URI that ``--db`` / ``KACLI_DB`` names, or None for a file."""
    from kacli.store.postgres.uri import is_server

    value = db or os.environ.get("KACLI_DB") or ""
    return value if is_server(value) else None


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
    if value.lower().startswith("file:") or value == ":memory:":
        # SQLite reads these as URIs (an in-memory database, a query of options), and the
        # temporary-name dance around them would make a ``file:`` folder tree.
        raise BadInput("error.db_uri", value=value)
    return Path(value).expanduser()


def backups_beside(path: Path) -> list[Path]:
    """Automatic backups next to the dossier, newest last (only whole ones: a backup is written
    under a temporary name and renamed when complete)."""
    if not path.parent.exists():
        return []
    name = safefile.glob_escape(path.name)
    return sorted(path.parent.glob(f"{name}.*{BACKUP_SUFFIX}"), key=_mtime)


def copies_beside(path: Path) -> list[Path]:
    """Every file beside the dossier that may hold a copy of its data: backups, dossiers replaced
    by a restore (and their -wal), and temporary files a killed kacli left behind."""
    if not path.parent.exists():
        return []
    name = safefile.glob_escape(path.name)
    found = {*backups_beside(path), *path.parent.glob(f"{name}.*{REPLACED_SUFFIX}*"),
             *path.parent.glob(f".{name}.*{safefile.TEMP_SUFFIX}*")}
    return sorted((p for p in found if p.is_file()), key=_mtime)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def unique_beside(path: Path, stem: str, suffix: str) -> Path:
    """A name ``<dossier>.<stem><suffix>`` beside ``path`` that no file has yet."""
    candidate = path.with_name(f"{path.name}.{stem}{suffix}")
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.{stem}-{n}{suffix}")
    return candidate


def stamp() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")


def damaged(path: Path, detail: str) -> DossierDamaged:
    """The error for a damaged dossier, naming the newest sound backup beside it (a partial copy
    left by an older kacli is passed over)."""
    for backup in reversed(backups_beside(path)):
        if _sound(backup):
            return DossierDamaged("error.dossier_damaged", path=path, detail=detail, backup=backup)
    return DossierDamaged("error.dossier_damaged_no_backup", path=path, detail=detail)


def _sound(copy: Path) -> bool:
    try:
        with read_only_view(copy) as conn:
            return (conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                    and migrations.has_bookkeeping(conn))
    except (sqlite3.Error, OSError):
        return False


def uri(path: Path, **query: str) -> str:
    """``path`` as an SQLite URI, every character SQLite reads as URI syntax (``?``, ``#``, ``%``)
    escaped, so a file named ``a#b.db`` is that file and not ``a``."""
    return f"file:{quote(str(path.absolute()))}?" + "&".join(f"{k}={v}" for k, v in query.items())


@contextmanager
def read_only_view(path: Path, *, live: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection reading the dossier file ``path`` as it is, which writes nothing anywhere:
    no ``-wal`` or ``-shm`` beside a user's backup, nothing on read-only media.

    ``live``: ``path`` is the dossier in use, which another kacli may be writing. There, in a
    place kacli can write, it is read as any reader reads it (waiting for a writer, never seeing
    half a write; its own side files are its business). Anywhere else a file with no log beside
    it is read immutable, and a file with a log (a copy taken with its ``-wal``) is read from a
    private copy of both, so the rows only the log holds are seen and the user's files stay as
    they were.
    """
    wal = Path(f"{path}-wal")
    has_log = wal.exists() and wal.stat().st_size > 0
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    private = None
    if live and writable:
        target = uri(path, mode="ro")
    elif not has_log:
        target = uri(path, mode="ro", immutable="1")
    else:
        import shutil
        import tempfile

        private = Path(tempfile.mkdtemp(prefix="kacli-view-"))  # 0700: the copy is personal data
        shutil.copyfile(path, private / "copy.db")
        shutil.copyfile(wal, private / "copy.db-wal")
        target = uri(private / "copy.db")  # written to: opening replays the log into the copy
    try:
        conn = sqlite3.connect(target, uri=True, timeout=busy_timeout())
        try:
            yield conn
        finally:
            conn.close()
    finally:
        if private is not None:
            import shutil

            shutil.rmtree(private, ignore_errors=True)


def copy_to(conn: sqlite3.Connection, dest: Path, *, replace: bool = False,
            dossier_path: Path | None = None) -> None:
    """An online copy through SQLite's backup API (never a file copy of a live database), written
    under a temporary name and renamed when whole; FileExistsError if ``dest`` exists and not
    ``replace``. A copy into another folder than the dossier's (``dossier_path``) is noted beside
    the dossier while it is being made (``safefile.note_elsewhere``)."""
    safefile.sweep(dest, purpose="backup")
    temp = safefile.temp_beside(dest, "backup")
    elsewhere = dossier_path is not None and dossier_path.parent.absolute() != dest.parent.absolute()
    note = safefile.note_elsewhere(dossier_path, temp) if elsewhere else None
    try:
        safefile.sqlite_copy(conn, temp, journal="DELETE")
        safefile.publish(temp, dest, replace=replace)
    finally:
        safefile.discard(temp)
        if note is not None:
            safefile.discard(note)


def _connect(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    # immutable: a dossier kacli may not write (read-only file, folder or disk) with no log beside
    # it is read as it is, without the shared-memory file SQLite would otherwise leave behind.
    target = uri(path, mode="ro", immutable="1") if immutable else path
    conn = sqlite3.connect(target, timeout=busy_timeout(), isolation_level=None,
                           check_same_thread=False, uri=immutable)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _refuse_odd_file(path: Path) -> None:
    """DossierError when ``path`` is something kacli must not open or create (a folder, a
    device such as /dev/null, a dangling link, an empty file)."""
    key = safefile.kind_of(path)
    if key is not None:
        target = os.readlink(path) if path.is_symlink() else path
        raise DossierError(key, path=path, target=target)


def _create(path: Path) -> None:
    """A new, complete dossier at ``path``: built under a temporary name, then linked in, so the
    path never holds an empty or half-made file. Another process creating it first is fine."""
    safefile.make_folders(path.parent)
    safefile.sweep(path)
    temp = safefile.temp_beside(path, "new")
    try:
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        safefile.private_file(temp)
        conn = _connect(temp)
        try:
            # No sync per migration: nothing can see the file under this name, and publish()
            # syncs it whole before it takes the dossier's name (a crash leaves only a temp file).
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA journal_mode = WAL")  # persistent: set once, when the file is new
            migrations.apply(conn, now=utc_now())
        finally:
            conn.close()
        with suppress(FileExistsError):
            safefile.publish(temp, path, replace=False)
    finally:
        safefile.discard(temp)


def _unusable(exc: BaseException, path: Path) -> DossierError:
    """The kacli error for a failure while opening, creating or upgrading the dossier."""
    mapped = translate(exc, path) if isinstance(exc, sqlite3.Error) else safefile.problem(exc, path)
    if mapped is not None:
        return mapped
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return damaged(path, str(exc))
    detail = getattr(exc, "strerror", None) or str(exc)
    return DossierError("error.dossier_unopenable", path=path, detail=detail)


def open_dossier(path: Path, *, create: bool) -> sqlite3.Connection:
    """A ready connection to an up-to-date dossier; creates it when ``create`` and there is no
    file at ``path``. An empty or foreign file is refused (DossierError), never taken over."""
    _refuse_odd_file(path)
    try:
        if not path.exists():
            if not create:
                raise DossierMissing("error.dossier_missing", path=path)
            _create(path)
            _refuse_odd_file(path)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        if create and not writable:
            raise DossierError("error.dossier_readonly", path=path)
        conn = _connect(path, immutable=not writable and not Path(f"{path}-wal").exists())
        try:
            current = migrations.version(conn)
            if current > migrations.LATEST:
                raise DossierTooNew(
                    "error.dossier_too_new", path=path, version=current, known=migrations.LATEST
                )
            if current == 0 and not migrations.has_bookkeeping(conn):
                raise DossierError("error.dossier_foreign", path=path)
            if migrations.pending(conn):
                _upgrade(conn, path, current)
            return conn
        except BaseException:
            conn.close()
            raise
    except (sqlite3.Error, OSError) as exc:
        raise _unusable(exc, path) from exc


def _upgrade(conn: sqlite3.Connection, path: Path, current: int) -> None:
    if current == 0:
        # A kacli dossier whose creation was cut short (an older kacli made it in place).
        conn.execute("PRAGMA journal_mode = WAL")
        migrations.apply(conn, now=utc_now())
        return

    def copy_first(old: int) -> None:
        # Called under the write lock, once, by whichever process does the upgrade; the copy is
        # read through a second connection (a reader is allowed beside the lock holder).
        reader = sqlite3.connect(path, timeout=busy_timeout())
        try:
            for attempt in range(5):  # a copy made at the same instant took the name: next one
                with suppress(FileExistsError) if attempt < 4 else nullcontext():
                    copy_to(reader, unique_beside(path, f"v{old}-{stamp()}", BACKUP_SUFFIX))
                    return
        finally:
            reader.close()

    from kacli.store import journal

    # Older undo entries describe the older schema: the journal restarts in the same transaction.
    migrations.apply(conn, now=utc_now(), before_first=copy_first,
                     after_last=lambda conn: journal.after_upgrade(Db(conn), utc_now()))


def translate(exc: BaseException, path: Path | None = None) -> DossierError | None:
    """The kacli error for a database failure, or None if it is not one we understand."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).lower()
    if not isinstance(orig, sqlite3.Error):
        return None
    where = path if path is not None else "?"
    if "locked" in text or "busy" in text:
        return DossierLocked("error.dossier_locked", path=where)
    space_or_rights = safefile.problem(orig, where)
    if space_or_rights is not None:
        return space_or_rights
    if isinstance(orig, sqlite3.OperationalError) and "unable to open" in text:
        if path is not None and not os.access(path.parent, os.W_OK):
            return DossierError("error.dossier_readonly", path=where)
        return DossierError("error.dossier_unopenable", path=where, detail=str(orig))
    broken = any(w in text for w in ("malformed", "not a database", "disk i/o", "corrupt"))
    if broken and not isinstance(orig, sqlite3.IntegrityError):
        return damaged(Path(where), str(orig)) if path is not None else None
    return None


@contextmanager
def reading(db: str | None) -> Iterator[Db]:
    """A read-only look at the dossier; DossierMissing if there is none yet."""
    server = server_uri(db)
    if server is not None:
        from kacli.store.postgres.dossier import reading as server_reading

        busy_timeout()  # the same setting, checked the same way, on both engines
        with server_reading(server, now=utc_now()) as found:
            yield found
        return
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
    safefile.sweep(path)  # a look at the dossier's folder: what killed kacli processes left
    try:
        yield path, conn
    finally:
        conn.close()
