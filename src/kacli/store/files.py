"""Looking after the dossier file as a whole: facts about it, integrity, backups, restore.

SQLite-only: PRAGMA integrity_check, the backup API and file permissions.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from kacli.errors import BadInput
from kacli.store import dossier, migrations

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
        "backups": [str(p) for p in dossier.backups_beside(path)],
    }


def problems(path: Path) -> list[str]:
    """What SQLite's integrity and foreign-key checks find wrong; empty when the file is sound.

    Opens the file without migrating it, so a damaged or old file is examined as it is.
    """
    if not path.exists():
        from kacli.errors import DossierMissing

        raise DossierMissing("error.dossier_missing", path=path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=dossier.BUSY_TIMEOUT_SECONDS)
        try:
            found = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            found = [] if found == ["ok"] else found
            found += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}"
                      for r in conn.execute("PRAGMA foreign_key_check").fetchall()]
            version = migrations.version(conn)
            if version > migrations.LATEST:
                found.append(f"schema version {version} is newer than this kacli ({migrations.LATEST})")
            return found
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def backup(conn: sqlite3.Connection, dest: Path, *, force: bool = False) -> Path:
    """An online copy of the live dossier (backup API), created 0600; refuses to overwrite."""
    dest = dest.expanduser()
    if dest.exists():
        if not force:
            raise BadInput("error.backup_exists", path=dest)
        dest.unlink()
    dossier.copy_to(conn, dest)
    return dest


def restore(source: Path, path: Path) -> Path | None:
    """Put the backup ``source`` in place of the dossier at ``path``, after checking it.

    The dossier being replaced (if any) is first copied aside; its path is returned.
    """
    source = source.expanduser()
    if not source.exists():
        raise BadInput("error.restore_missing", path=source)
    found = problems(source)
    if found:
        raise BadInput("error.restore_damaged", path=source, detail="; ".join(found[:3]))
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        if migrations.version(conn) == 0:
            raise BadInput("error.restore_not_dossier", path=source)
    finally:
        conn.close()
    aside = None
    if path.exists():
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
        # Not a ".bak": the replaced file may be the damaged one, and must never be offered
        # later as "the latest backup".
        aside = path.with_name(f"{path.name}.pre-restore-{stamp}.replaced")
        os.replace(path, aside)  # keep the replaced file whole, even if damaged
        for suffix in ("-wal", "-shm"):
            side = Path(f"{path}{suffix}")
            if side.exists():
                os.replace(side, Path(f"{aside}{suffix}"))
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dossier.create_private(path)
        target = sqlite3.connect(path)
        try:
            src.backup(target)
            target.execute("PRAGMA journal_mode = WAL")
        finally:
            target.close()
    finally:
        src.close()
    return aside
