"""The floors for kacli's writes: the same row change done through SQLModel by a script that knows
nothing else (no reference lookup, no history, no journal, no rules).

    python bench/floor_write.py DOSSIER visit CUSTOMER_ID      # visit log: one visit row inserted
    python bench/floor_write.py DOSSIER customer CUSTOMER_ID   # customer update: one column changed
    python bench/floor_write.py DOSSIER advance DEAL_ID        # deal advance: the stage moved, one event row
"""

import datetime as dt
import sys

from sqlmodel import Field, Session, SQLModel, create_engine


class Visit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    customer_id: int
    date: str
    kind: str
    note: str | None = None
    planned: bool = False
    created_at: str


class Customer(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    industry: str | None = None
    updated_at: str


class Deal(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    stage: str
    updated_at: str


class DealEvent(SQLModel, table=True):
    __tablename__ = "deal_event"
    id: int | None = Field(default=None, primary_key=True)
    deal_id: int
    on_date: str
    from_stage: str | None = None
    to_stage: str | None = None
    created_at: str


STAGES = ["discover", "validate", "negotiate", "contract", "deliver"]

engine = create_engine(f"sqlite:///{sys.argv[1]}")
what, target = sys.argv[2], int(sys.argv[3])
with Session(engine) as session:
    now = dt.datetime.now(dt.UTC)
    stamp, day = now.strftime("%Y-%m-%dT%H:%M:%SZ"), now.date().isoformat()
    if what == "visit":
        session.add(Visit(customer_id=target, date=day, kind="call", created_at=stamp))
    elif what == "customer":
        customer = session.get(Customer, target)
        customer.industry, customer.updated_at = "制造业", stamp
    else:
        deal = session.get(Deal, target)
        before, deal.stage, deal.updated_at = deal.stage, STAGES[STAGES.index(deal.stage) + 1], stamp
        session.add(DealEvent(deal_id=target, on_date=day, from_stage=before, to_stage=deal.stage, created_at=stamp))
    session.commit()
