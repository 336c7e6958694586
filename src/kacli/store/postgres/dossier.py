"""Opening a dossier kept in a PostgreSQL database: made on the first write in an empty database,
upgraded by whichever kacli first meets an older one, refused when a newer kacli made it or when
the database holds someone else's tables.

A read runs in a read-only transaction; a write takes the database's kacli write lock
(``schema.WRITE_LOCK``) at its start, so writers take turns as they do on the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from kacli.errors import DossierError, DossierLocked, DossierMissing, DossierTooNew
from kacli.store.postgres import schema
from kacli.store.postgres.connect import ServerError, connect, lost_connection
from kacli.store.postgres.db import PgDb
from kacli.store.postgres.uri import redacted


def _ready(db: PgDb, uri: str, *, create: bool, now: str) -> None:
    """Make sure the database holds an up-to-date dossier (in its own transaction, committed)."""
    from kacli.store.migrations import LATEST

    try:
        current = schema.version(db)
        if current > LATEST:
            raise DossierTooNew("error.dossier_too_new", path=redacted(uri), version=current, known=LATEST)
        if not schema.has_bookkeeping(db):
            if schema.user_tables(db):
                raise DossierError("error.server_foreign", url=redacted(uri))
            if not create:
                raise DossierMissing("error.server_empty", url=redacted(uri))
        if schema.pending(db):
            schema.apply(db, now=now)
        db.commit()
    except BaseException:
        db.rollback()
        raise


def _gone(exc: BaseException, uri: str) -> BaseException:
    """A lost server, said in one sentence; anything else as it is."""
    import psycopg

    if isinstance(exc, psycopg.OperationalError):
        return lost_connection(uri)
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return ServerError("error.server_no_permission", url=redacted(uri))
    return exc


def open_db(uri: str, *, create: bool, now: str) -> PgDb:
    """A connection to an up-to-date server dossier, no transaction open yet. An upgrade the
    server gave up on (see ``RETRY_STATES``) is tried again, a bounded number of times."""
    import psycopg

    conn = connect(uri)
    try:
        for attempt in range(RETRIES):
            try:
                _ready(PgDb(conn), uri, create=create, now=now)
                break
            except psycopg.Error as exc:
                if not must_retry(exc):
                    raise
                if attempt == RETRIES - 1:
                    raise busy(uri) from None
    except psycopg.Error as exc:
        conn.close()
        raise _gone(exc, uri) from exc
    except BaseException:
        conn.close()
        raise
    return PgDb(conn)


@contextmanager
def reading(uri: str, *, now: str) -> Iterator[PgDb]:
    """A read-only look at the server dossier; DossierMissing if the database holds none yet."""
    import psycopg

    db = open_db(uri, create=False, now=now)
    try:
        db.execute("SET TRANSACTION READ ONLY")
        yield db
    except psycopg.Error as exc:
        raise _gone(exc, uri) from exc
    finally:
        with suppress(psycopg.Error):  # a server gone already rolled back
            db.rollback()
        db.conn.close()


# A transaction the server gave up on because another one went its way at the same moment
# (serialization_failure, deadlock_detected): nothing of it was kept, and the same work tried
# again succeeds. Writers take turns behind the write lock, so this is rare (an upgrade or
# a first write racing another).
RETRY_STATES = {"40001", "40P01"}
RETRIES = 5


def lock_for_write(db: PgDb, uri: str = "") -> None:
    """Take the database's write lock for this transaction: writers take turns. A writer waits
    for the lock as long as ``KACLI_BUSY_TIMEOUT`` allows, as on the file, then DossierLocked."""
    import psycopg

    from kacli.store.dossier import busy_timeout

    db.execute(f"SET LOCAL lock_timeout = {int(busy_timeout() * 1000) or 1}")
    try:
        db.execute("SELECT pg_advisory_xact_lock(:key)", key=schema.WRITE_LOCK)
    except psycopg.errors.LockNotAvailable:
        db.rollback()
        raise DossierLocked("error.dossier_locked", path=redacted(uri)) from None
    db.execute("SET LOCAL lock_timeout = 0")


def must_retry(exc: BaseException) -> bool:
    """Whether ``exc`` (or the driver's error under it) is a transaction to try again."""
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None) in RETRY_STATES


def busy(uri: str) -> DossierLocked:
    """The one sentence for a transaction the server still refused after every retry."""
    return DossierLocked("error.dossier_locked", path=redacted(uri))
