"""The ``instalment`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Instalment(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(**references("deal.id"))
    amount: int
    due: str
    created_at: str
    promised_on: str | None = None
