"""The ``change`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Change(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(**references("customer.id"))
    contact_id: int | None = Field(default=None, **references("contact.id"))
    field: str
    old: str | None = None
    new: str | None = None
    at: str
