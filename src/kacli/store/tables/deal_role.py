"""The ``deal_role`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class DealRole(SQLModel, table=True):
    __tablename__ = "deal_role"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int = Field(**references("deal.id"))
    contact_id: int = Field(**references("contact.id"))
    role: str
    attitude: str | None = None
