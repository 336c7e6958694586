"""Opening a connection to a server dossier, and saying in one sentence why one could not be made.

Any libpq connection URI works (``postgresql://user@host/db``, ``?host=/socket/folder&port=5433``,
``sslmode=…``, ``postgresql:///?service=kacli``, ``~/.pgpass``): the URI is handed to libpq as it
is. A password, wherever it stands, is never shown: messages name the server by its redacted URI.
"""

from __future__ import annotations

import functools

from kacli.errors import DossierError
from kacli.store.postgres.uri import redacted

# SQLSTATEs a connection attempt can end with (PostgreSQL's appendix A).
_WRONG_LOGIN = {"28P01"}  # invalid_password
_NO_DATABASE = {"3D000"}  # invalid_catalog_name
_NO_PERMISSION = {"42501", "28000"}  # insufficient_privilege, invalid_authorization_specification


class ServerError(DossierError):
    """The server dossier cannot be used right now (exit 3): unreachable, refused, gone."""


def connect(uri: str, *, application: str = "kacli"):
    """A psycopg connection (autocommit off: every command is one transaction) to ``uri``.

    Parameters are bound on the client (``ClientCursor``), as SQLite binds them: a value's type
    comes from the value, so ``:x IS NULL`` and the like read the same on both engines. A whole
    number summed or averaged by the server comes back as an int (money stays integer fen) and a
    fraction as a float, and a flag is stored as 1 or 0, as SQLite has them."""
    import psycopg

    try:
        conn = psycopg.connect(uri, autocommit=False, application_name=application, connect_timeout=10,
                               cursor_factory=psycopg.ClientCursor)
    except psycopg.Error as exc:
        raise connection_error(exc, uri) from None
    except ValueError:  # psycopg's own check of the URI's form
        raise ServerError("error.server_bad_uri", url=redacted(uri)) from None
    conn.adapters.register_loader("numeric", _number_loader())
    conn.adapters.register_dumper(bool, _flag_dumper())
    return conn


def _number(text: str) -> int | float:
    return int(text) if text.lstrip("-").isdigit() else float(text)


@functools.cache
def _flag_dumper():
    """Python's True and False as 1 and 0: a flag is a whole number on the file (SQLite has no
    booleans), so it is one on the server too, and the same SQL compares it."""
    from psycopg.adapt import Dumper
    from psycopg.postgres import types

    class FlagDumper(Dumper):
        oid = types["int8"].oid

        def dump(self, obj):
            return b"1" if obj else b"0"

    return FlagDumper


@functools.cache
def _number_loader():
    from psycopg.adapt import Loader

    class NumberLoader(Loader):
        def load(self, data):
            return _number(bytes(data).decode())

    return NumberLoader


def connection_error(exc, uri: str) -> ServerError:
    """The one-sentence error for a failed connection attempt."""
    state = getattr(exc, "sqlstate", None) or ""
    text = str(exc)
    where = redacted(uri)
    if state in _WRONG_LOGIN or "password authentication failed" in text or "no password supplied" in text:
        return ServerError("error.server_login", url=where)
    if state in _NO_DATABASE or ("database" in text and "does not exist" in text):
        return ServerError("error.server_no_database", url=where)
    if "SSL" in text or "encryption" in text or "GSSAPI" in text:
        return ServerError("error.server_tls", url=where)
    if state in _NO_PERMISSION or "permission denied" in text or "pg_hba.conf" in text:
        return ServerError("error.server_no_permission", url=where)
    if "invalid" in text and ("URI" in text or "connection option" in text or "dsn" in text.lower()):
        return ServerError("error.server_bad_uri", url=where)
    return ServerError("error.server_unreachable", url=where)


def lost_connection(uri: str) -> ServerError:
    """The server went away during a command: its transaction never committed."""
    return ServerError("error.server_gone", url=redacted(uri))
