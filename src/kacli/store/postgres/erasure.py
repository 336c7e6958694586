"""Erasure on a server: what a transaction can and cannot clear.

The server keeps an updated row's old version until VACUUM and its changes in the write-ahead log
until it recycles it; the README's privacy section says how an administrator clears them."""

from __future__ import annotations

from kacli.store.postgres.db import PgDb


def erase_freed(db: PgDb) -> None:
    """Nothing to set: the old versions of the rows this transaction changes stay in the table
    until VACUUM removes them (see the README's privacy section)."""
