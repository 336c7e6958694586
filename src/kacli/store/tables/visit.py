"""The ``visit`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Visit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(**references("customer.id"))
    date: str
    kind: str
    note: str | None = None
    planned: bool = False
    purpose: str | None = None
    gift_value: int | None = None
    satisfaction: int | None = None
    created_at: str
    introduced_by: int | None = Field(default=None, **references("contact.id"))
    deal_id: int | None = Field(default=None, **references("deal.id"))
