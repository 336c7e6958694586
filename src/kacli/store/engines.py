"""The one place the store picks an engine's own code: ``kacli.store.sqlite.<part>`` for a dossier
file, ``kacli.store.postgres.<part>`` for a server. Each such part offers the same functions."""

from __future__ import annotations

import importlib
from types import ModuleType


def part(db, name: str) -> ModuleType:
    """The engine-specific module ``name`` for ``db`` (a ``Db`` or a ``PgDb``)."""
    package = "postgres" if db.engine == "postgresql" else "sqlite"
    return importlib.import_module(f"kacli.store.{package}.{name}")
