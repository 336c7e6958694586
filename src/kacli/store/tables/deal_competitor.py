"""The ``deal_competitor`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class DealCompetitor(SQLModel, table=True):
    __tablename__ = "deal_competitor"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(**references("deal.id"))
    name: str
    position: str | None = None
