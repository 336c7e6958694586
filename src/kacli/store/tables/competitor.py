"""The ``competitor`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Competitor(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(**references("customer.id"))
    name: str
    product: str | None = None
    satisfaction: int | None = None
    salesperson: str | None = None
    style: str | None = None
    relationship: str | None = None
