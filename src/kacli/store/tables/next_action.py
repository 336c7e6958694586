"""The ``next_action`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class NextAction(SQLModel, table=True):
    __tablename__ = "next_action"
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(**references("customer.id"))
    contact_id: int | None = Field(default=None, **references("contact.id"))
    visit_id: int | None = Field(default=None, **references("visit.id"))
    deal_id: int | None = None
    # "next" (typed by the user), "after_sale" (scheduled on delivery) or "first_call" (a new
    # lead's first call, spread over the coming days by ``import customers --first-call-within``)
    kind: str = "next"
    text: str
    due: str | None = None
    done_on: str | None = None
    created_at: str
