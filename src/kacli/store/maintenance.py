"""Work on the dossier file itself, outside any command's transaction.

SQLite-only: these are PRAGMAs and VACUUM on the file, through a stdlib connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kacli.errors import DossierLocked
from kacli.store.dossier import busy_timeout


def scrub(path: Path) -> None:
    """Make deleted data really leave the file: no old page may survive in the file or its WAL.

    Deleted rows can linger in free space inside pages, on free pages, and in old frames of the
    write-ahead log. VACUUM rebuilds the file from live rows only; the TRUNCATE checkpoints fold
    the log into the file and cut the log to zero bytes (before VACUUM, so the rebuild reads the
    latest pages; after, because VACUUM itself writes through the log). Run it after the
    transaction that deleted the data has committed. DossierLocked if another kacli holds the
    file too long for this to finish; running it again later completes the job.
    """
    conn = sqlite3.connect(path, timeout=busy_timeout(), isolation_level=None)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        _checkpoint(conn, path)
        conn.execute("VACUUM")
        _checkpoint(conn, path)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise DossierLocked("error.scrub_locked", path=path) from exc
        raise
    finally:
        conn.close()


def _checkpoint(conn: sqlite3.Connection, path: Path) -> None:
    busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise DossierLocked("error.scrub_locked", path=path)
