"""Recognising a server dossier's URI and showing it without its password."""

from __future__ import annotations

import re

SCHEMES = ("postgresql://", "postgres://")
# user:password@ in the authority, and password= / sslpassword= among the query's parameters.
_IN_AUTHORITY = re.compile(r"^([a-z]+://[^/?#@:]*):[^/?#]*@", re.IGNORECASE)
_IN_QUERY = re.compile(r"([?&](?:ssl)?password=)[^&#]*", re.IGNORECASE)


def is_server(value: str) -> bool:
    """Whether ``--db`` / ``KACLI_DB`` names a PostgreSQL dossier rather than a file."""
    return value.lower().startswith(SCHEMES)


def redacted(uri: str) -> str:
    """``uri`` as it may be shown: a password in the user part or in a query parameter becomes
    ***. Works on text that is not a well-formed URI too (it may be what the user mistyped)."""
    return _IN_QUERY.sub(r"\1***", _IN_AUTHORITY.sub(r"\1:***@", uri))


def redacted_word(word: str) -> str:
    """One word of a command line as it may be kept: a URI in it (``postgresql://…`` or
    ``--db=postgresql://…``) without its password."""
    return _IN_WORD.sub(lambda m: redacted(m.group(0)), word) if "://" in word else word


_IN_WORD = re.compile(r"[a-z]+://\S*", re.IGNORECASE)
