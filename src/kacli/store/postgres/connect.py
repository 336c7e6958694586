"""Opening a connection to a server dossier, and saying in one sentence why one could not be made.

Any libpq connection URI works (``postgresql://user@host/db``, ``?host=/socket/folder&port=5433``,
``sslmode=…``, ``postgresql:///?service=kacli``, ``~/.pgpass``): the URI is handed to libpq as it
is. A password, wherever it stands, is never shown: messages name the server by its redacted URI.
"""

from __future__ import annotations

from kacli.errors import DossierError
from kacli.store.postgres.uri import redacted

# SQLSTATEs a connection attempt can end with (PostgreSQL's appendix A).
_WRONG_LOGIN = {"28P01"}  # invalid_password
_NO_DATABASE = {"3D000"}  # invalid_catalog_name
_NO_PERMISSION = {"42501", "28000"}  # insufficient_privilege, invalid_authorization_specification


class ServerError(DossierError):
    """The server dossier cannot be used right now (exit 3): unreachable, refused, gone."""


def connect(uri: str, *, application: str = "kacli"):
    """A psycopg connection (autocommit off: every command is one transaction) to ``uri``."""
    import psycopg

    try:
        conn = psycopg.connect(uri, autocommit=False, application_name=application, connect_timeout=10)
    except psycopg.Error as exc:
        raise connection_error(exc, uri) from None
    except ValueError:  # psycopg's own check of the URI's form
        raise ServerError("error.server_bad_uri", url=redacted(uri)) from None
    return conn


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
