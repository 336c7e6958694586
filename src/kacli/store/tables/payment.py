"""The ``payment`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Payment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(**references("deal.id"))
    amount: int
    date: str
    note: str | None = None
    created_at: str
