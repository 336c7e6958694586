"""The ``customer_fact`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class CustomerFact(SQLModel, table=True):
    __tablename__ = "customer_fact"
    customer_id: int = Field(primary_key=True, **references("customer.id"))
    key: str = Field(primary_key=True)
    value: str
