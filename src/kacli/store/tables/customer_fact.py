"""The ``customer_fact`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class CustomerFact(SQLModel, table=True):
    __tablename__ = "customer_fact"
    customer_id: int = Field(foreign_key=references("customer.id"), primary_key=True)
    key: str = Field(primary_key=True)
    value: str
