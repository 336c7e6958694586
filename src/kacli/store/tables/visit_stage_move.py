"""The ``visit_stage_move`` table."""

from __future__ import annotations

from sqlmodel import Field, SQLModel

from kacli.store.tables import references


class VisitStageMove(SQLModel, table=True):
    __tablename__ = "visit_stage_move"
    visit_id: int = Field(primary_key=True, **references("visit.id"))
    contact_id: int = Field(primary_key=True, **references("contact.id"))
    from_stage: str
    to_stage: str
    created_at: str
