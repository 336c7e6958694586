"""The floor for ``kacli visit log CUSTOMER --kind call``: one visit row inserted through SQLModel,
in a script that knows nothing else (no reference lookup, no history, no next actions).

    python bench/floor_write.py DOSSIER CUSTOMER_ID
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


engine = create_engine(f"sqlite:///{sys.argv[1]}")
with Session(engine) as session:
    now = dt.datetime.now(dt.UTC)
    session.add(Visit(customer_id=int(sys.argv[2]), date=now.date().isoformat(), kind="call",
                      created_at=now.strftime("%Y-%m-%dT%H:%M:%SZ")))
    session.commit()
