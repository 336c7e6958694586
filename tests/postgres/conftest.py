"""A real PostgreSQL server for these tests (never a mock, never SQLite standing in), and a fresh
database on it for each test."""

from __future__ import annotations

import secrets
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import pgserver  # noqa: E402


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The superuser URI of the run's server (one per test process when the run gave none)."""
    with pgserver.server_uri() as uri:
        yield uri


def _admin(uri: str):
    import psycopg

    return psycopg.connect(uri, autocommit=True)


@pytest.fixture
def pg_database(pg_server: str) -> str:
    """A new, empty database for one test: its superuser URI. Dropped afterwards."""
    name = f"t_{secrets.token_hex(6)}"
    with _admin(pg_server) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield pgserver.with_database(pg_server, name)
    with _admin(pg_server) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
