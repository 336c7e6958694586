"""The dossier's tables as SQLModel classes, used by writes; each built on first use.

``from kacli.store.models import Visit`` builds ``Visit`` and no other table: building a table
class (pydantic's model and SQLAlchemy's mapping, configured at its first row) costs milliseconds
per class, and a write that built all sixteen spent more on them than on its work. The classes
live one per module in ``kacli.store.tables``; ``all_tables()`` builds every one. Their links to
other tables are noted but not declared to SQLAlchemy (``kacli.store.tables.references`` says
why), so no table needs another built.

The schema itself comes from ``migrations.py``; these classes must describe the same columns
(a test compares them). Lists (phones, tags, roles...) are JSON arrays in TEXT columns; dates are
ISO ``YYYY-MM-DD`` text; instants are UTC ISO text; money is integer fen.
"""

from __future__ import annotations

import functools
from importlib import import_module

# Each class and the module of kacli.store.tables (named after its table) that defines it.
_MODULES = {
    "Customer": "customer",
    "Competitor": "competitor",
    "Contact": "contact",
    "CustomerFact": "customer_fact",
    "ContactFact": "contact_fact",
    "Change": "change",
    "Visit": "visit",
    "VisitStageMove": "visit_stage_move",
    "VisitContact": "visit_contact",
    "NextAction": "next_action",
    "Deal": "deal",
    "DealEvent": "deal_event",
    "DealCompetitor": "deal_competitor",
    "DealRole": "deal_role",
    "Instalment": "instalment",
    "Payment": "payment",
}

__all__ = [*_MODULES, "all_tables"]


def __getattr__(name: str):
    """The table class ``name``, built on first use (PEP 562)."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    model = _as_on_both_engines(getattr(import_module(f"kacli.store.tables.{_MODULES[name]}"), name))
    globals()[name] = model
    return model


def _as_on_both_engines(model: type) -> type:
    """The columns typed as the schema has them on both engines: a whole number is 64 bits
    (SQLite's INTEGER; a BIGINT on a server), and a flag is a whole number 1 or 0 (SQLite has no
    booleans, so neither does the server's schema). SQLAlchemy casts what it writes to a server
    to the column's type (a 32-bit cast would refuse money above ¥21,474,836.47), and reads a
    flag back as True or False on either engine only through :class:`Flag`."""
    from sqlalchemy import BigInteger, Boolean, Integer

    for column in model.__table__.columns:
        if type(column.type) is Integer:
            column.type = BigInteger()
        elif type(column.type) is Boolean:
            column.type = _flag()()
    return model


@functools.cache
def _flag() -> type:
    from sqlalchemy import BigInteger
    from sqlalchemy.types import TypeDecorator

    class Flag(TypeDecorator):
        """A yes/no kept as 1 or 0 (NULL: not known), read back as True or False."""

        impl = BigInteger
        cache_ok = True

        def process_bind_param(self, value, dialect):
            return None if value is None else int(bool(value))

        def process_result_value(self, value, dialect):
            return None if value is None else bool(value)

    return Flag


def all_tables() -> list[type]:
    """Every table class, all built (for what must see the whole schema)."""
    return [__getattr__(name) for name in _MODULES]
