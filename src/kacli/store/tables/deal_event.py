"""The ``deal_event`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class DealEvent(SQLModel, table=True):
    __tablename__ = "deal_event"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(**references("deal.id"))
    on_date: str
    from_stage: str | None = None
    to_stage: str | None = None
    outcome: str | None = None
    note: str | None = None
    created_at: str
