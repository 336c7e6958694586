"""The ``contact_fact`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class ContactFact(SQLModel, table=True):
    __tablename__ = "contact_fact"
    contact_id: int = Field(primary_key=True, **references("contact.id"))
    key: str = Field(primary_key=True)
    value: str
