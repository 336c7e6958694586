"""The ``visit_contact`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class VisitContact(SQLModel, table=True):
    __tablename__ = "visit_contact"
    visit_id: int = Field(primary_key=True, **references("visit.id"))
    contact_id: int = Field(primary_key=True, **references("contact.id"))
