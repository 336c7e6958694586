"""SQLite's way of not leaving erased text in freed space."""

from __future__ import annotations


def erase_freed(db) -> None:
    """Freed pages are zeroed as this transaction writes (a connection setting); what older
    writes left is cleared by scrubbing the file after the commit."""
    db.execute("PRAGMA secure_delete = ON")
