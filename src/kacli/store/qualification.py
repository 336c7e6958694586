"""What the dossier knows toward a customer's qualification, beyond the yes/no facts."""

from __future__ import annotations

import datetime as dt

from kacli.domain.qualification import Evidence
from kacli.domain.relationship import NOT_CONTACT_KINDS
from kacli.store.db import Db


def evidence(db: Db, customer_id: int, credit_rating: str | None) -> Evidence:
    """The credit rating, the last logged visit that met a decision maker (one whose own roles
    say so, or who is the decision maker of one of the customer's deals) and the won deals."""
    not_met = ",".join(f"'{kind}'" for kind in NOT_CONTACT_KINDS)  # a call nobody answered met nobody
    met = db.row(
        f"""SELECT v.date, c.name FROM visit v
           JOIN visit_contact vc ON vc.visit_id = v.id JOIN contact c ON c.id = vc.contact_id
           WHERE v.customer_id = :cid AND v.planned = 0 AND v.kind NOT IN ({not_met})
             AND (c.roles LIKE '%"decision_maker"%'
                  OR EXISTS (SELECT 1 FROM deal_role r WHERE r.contact_id = c.id
                             AND r.role = 'decision_maker'))
           ORDER BY v.date DESC, v.id DESC LIMIT 1""", cid=customer_id)
    won = db.scalar("SELECT count(*) FROM deal WHERE customer_id = :cid AND outcome = 'won'",
                    cid=customer_id)
    return Evidence(credit_rating=credit_rating,
                    decision_maker_met=dt.date.fromisoformat(met["date"]) if met else None,
                    decision_maker=met["name"] if met else None, won_deals=won)
