"""The ``deal`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class Deal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int = Field(**references("customer.id"))
    title: str
    title_pinyin: str = ""
    title_initials: str = ""
    title_key: str = ""
    amount: int | None = None
    expected_close: str | None = None
    stage: str = "discover"
    outcome: str = "open"
    lost_reason: str | None = None
    chance: int | None = None
    purchase_plan: str | None = None
    problem: str | None = None
    timetable: str | None = None
    budget: int | None = None
    process: str | None = None
    price: int | None = None
    delivery_date: str | None = None
    warranty: str | None = None
    payment_terms: str | None = None
    service: str | None = None
    contract_date: str | None = None
    delivered_on: str | None = None
    closed_on: str | None = None
    created_at: str
    updated_at: str
    hold_until: str | None = None
    hold_reason: str | None = None
