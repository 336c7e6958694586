"""The ``visit_contact`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class VisitContact(SQLModel, table=True):
    __tablename__ = "visit_contact"
    visit_id: int = Field(foreign_key=references("visit.id"), primary_key=True)
    contact_id: int = Field(foreign_key=references("contact.id"), primary_key=True)
