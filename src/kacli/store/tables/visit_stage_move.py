"""The ``visit_stage_move`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class VisitStageMove(SQLModel, table=True):
    __tablename__ = "visit_stage_move"
    visit_id: int = Field(foreign_key=references("visit.id"), primary_key=True)
    contact_id: int = Field(foreign_key=references("contact.id"), primary_key=True)
    from_stage: str
    to_stage: str
    created_at: str
