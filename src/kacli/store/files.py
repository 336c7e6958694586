"""Looking after the dossier file as a whole: facts about it, integrity, backups, restore.

SQLite-only: PRAGMA integrity_check, the backup API and file permissions (a server dossier's
counterparts are in ``kacli.store.postgres.maintenance`` and ``transfer``).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from kacli.errors import BadInput, DossierError, DossierMissing
from kacli.store import dossier, migrations, safefile

TABLES = ("customer", "contact", "competitor", "visit", "next_action", "deal", "instalment",
          "payment", "change")


def info(path: Path, conn: sqlite3.Connection) -> dict:
    counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
    stat = path.stat()
    return {
        "path": str(path),
        "size_bytes": stat.st_size,
        "mode": oct(stat.st_mode & 0o777),
        "schema_version": migrations.version(conn),
        "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
        "counts": counts,
        # Automatic copies before upgrades and the dossiers a restore replaced, oldest first.
        "backups": [str(p) for p in dossier.copies_beside(path)
                    if p.name.endswith((dossier.BACKUP_SUFFIX, dossier.REPLACED_SUFFIX))],
    }


def problems(path: Path, *, live: bool = True) -> list[str]:
    """What SQLite's integrity and foreign-key checks find wrong; empty when the file is sound.

    Opens the file without migrating it, so a damaged or old file is examined as it is, and
    without writing anything beside it (``live``: it is the dossier in use, see
    ``dossier.read_only_view``).
    DossierMissing when there is no file; DossierError when it is not a kacli dossier at all (an
    empty file, a device, another application's SQLite file).
    """
    key = safefile.kind_of(path)
    if key is not None:
        raise DossierError(key, path=path, target=os.readlink(path) if path.is_symlink() else path)
    if not path.exists():
        raise DossierMissing("error.dossier_missing", path=path)
    if live:
        safefile.sweep(path)  # a look at the dossier's folder: what killed kacli processes left
    try:
        with dossier.read_only_view(path, live=live) as conn:
            found = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            found = [] if found == ["ok"] else found
            found += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                      for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
            if not found and not migrations.has_bookkeeping(conn):
                raise DossierError("error.dossier_foreign", path=path)
            version = migrations.version(conn) if not found else 0
            if version > migrations.LATEST:
                found.append(f"schema version {version} is newer than this kacli ({migrations.LATEST})")
            return found
    except sqlite3.DatabaseError as exc:
        if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc).lower() \
                and not os.access(path.parent, os.W_OK):
            # Not a damaged file: a place SQLite could not open it in (read-only media).
            raise DossierError("error.dossier_readonly", path=path) from exc
        return [str(exc)]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def backup(conn: sqlite3.Connection, dest: Path, *, dossier_path: Path, force: bool = False) -> Path:
    """An online copy of the live dossier (backup API), created 0600; refuses to overwrite unless
    ``force``, and never overwrites the dossier itself, its side files or anything not a file."""
    dest = dest.expanduser()
    own = [dossier_path, *(Path(f"{dossier_path}{s}") for s in ("-wal", "-shm", "-journal"))]
    if any(_same_file(dest, p) or dest.absolute() == p.absolute() for p in own):
        raise BadInput("error.backup_onto_dossier", path=dest)
    if dest.is_symlink() or (dest.exists() and not dest.is_file()):
        raise BadInput("error.backup_not_a_file", path=dest)
    if dest.exists() and not force:
        raise BadInput("error.backup_exists", path=dest)
    try:
        safefile.make_folders(dest.parent)
        dossier.copy_to(conn, dest, replace=force, dossier_path=dossier_path)
    except FileExistsError:
        raise BadInput("error.backup_exists", path=dest) from None
    except (OSError, sqlite3.Error) as exc:
        raise failed(exc, dest, "error.backup_failed") from exc
    return dest


def failed(exc: BaseException, path: Path, key: str) -> DossierError:
    """A backup or restore that failed: a full disk or read-only place as such, else ``key``."""
    mapped = safefile.problem(exc, path)
    if mapped is None:
        mapped = DossierError(key, path=path, detail=getattr(exc, "strerror", None) or str(exc))
    return mapped


def restore(source: Path, path: Path) -> Path | None:
    """Put the backup ``source`` in place of the dossier at ``path``, after checking it.

    The new dossier is built under a temporary name in the dossier's folder and renamed over the
    old one in one step, so the path holds the old dossier or the new one, whole, at every
    moment. The dossier being replaced (if any) stays beside it as a ``.replaced`` file (never a
    ``.bak``: it may be the damaged one, and must never be offered as "the latest backup"); its
    path is returned.
    """
    source = source.expanduser()
    if not source.exists():
        raise BadInput("error.restore_missing", path=source)
    if _same_file(source, path):
        raise BadInput("error.restore_onto_itself", path=source)
    key = safefile.kind_of(path)
    if key in ("error.dossier_dangling_link", "error.dossier_is_folder", "error.dossier_not_a_file"):
        raise DossierError(key, path=path, target=os.readlink(path) if path.is_symlink() else path)
    sound_backup(source)
    target = path.resolve() if path.exists() else path  # through a link, to the real file
    try:
        return _swap_in(source, target)
    except (OSError, sqlite3.Error) as exc:
        raise failed(exc, path, "error.restore_failed") from exc


def sound_backup(source: Path) -> Path:
    """``source``, a backup fit to be restored: there, a kacli dossier, and sound (BadInput else)."""
    source = source.expanduser()
    if not source.exists():
        raise BadInput("error.restore_missing", path=source)
    try:
        found = problems(source, live=False)
    except DossierError:
        raise BadInput("error.restore_not_dossier", path=source) from None
    if found:
        raise BadInput("error.restore_damaged", path=source, detail="; ".join(found[:3]))
    return source


def _swap_in(source: Path, target: Path) -> Path | None:
    safefile.make_folders(target.parent)
    safefile.sweep(target)
    temp = safefile.temp_beside(target, "restore")
    try:
        with dossier.read_only_view(source) as src:
            safefile.sqlite_copy(src, temp, journal="WAL")
        safefile.sync(temp)
        aside = None
        if target.exists():
            _fold_log(target)
            aside = dossier.unique_beside(target, f"pre-restore-{dossier.stamp()}",
                                          dossier.REPLACED_SUFFIX)
            _keep_aside(target, aside)
        os.replace(temp, target)
        safefile.sync_folder(target.parent)
        safefile.discard(Path(f"{target}-shm"))  # the old file's shared memory; rebuilt on open
        return aside
    finally:
        safefile.discard(temp)


def _fold_log(path: Path) -> None:
    """Fold the old dossier's write-ahead log into it, so the file kept aside is whole and no log
    of the old file is left to be read with the new one. A damaged file is kept as it is."""
    try:
        conn = sqlite3.connect(path, timeout=dossier.busy_timeout(), isolation_level=None)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error:
        pass


def _keep_aside(path: Path, aside: Path) -> None:
    """A second name for the old dossier (a hard link: no copy, and atomic), and its log moved
    with it; where links are not possible, a whole copy."""
    try:
        os.link(path, aside)
    except OSError:
        temp = safefile.temp_beside(aside, "aside")
        try:
            shutil.copyfile(path, temp)
            safefile.private_file(temp)
            safefile.publish(temp, aside, replace=False)
        finally:
            safefile.discard(temp)
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size:
        os.replace(wal, Path(f"{aside}-wal"))
    else:
        safefile.discard(wal)
