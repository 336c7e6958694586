"""A customer's whole profile: the seed's four groups of facts, plus what the rules conclude."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kacli.domain.qualification import qualify
from kacli.services.deals import customer_sales
from kacli.services.visits import customer_activity
from kacli.store import contacts as contact_store
from kacli.store import customers, qualification
from kacli.store.db import Db

CUSTOMER_FIELDS = (
    "kind", "status", "scope", "industry", "ownership", "ownership_country", "employees",
    "annual_revenue", "credit_rating", "address", "phones", "lead_source", "product_lines",
    "tech_notes", "buying_department", "supporting_departments", "org_notes", "business_notes",
    "tags",
)


def customer_profile(db: Db, customer_id: int, today: dt.date) -> dict[str, Any]:
    row = customers.get(db, customer_id)
    flags = {f: row[f] for f in customers.FLAG_FIELDS}
    known = qualification.evidence(db, customer_id, row["credit_rating"])
    q = qualify(row["kind"], flags, known)
    profile: dict[str, Any] = {"id": row["id"], "name": row["name"]}
    profile.update({f: row[f] for f in CUSTOMER_FIELDS})
    from kacli.services import grades, week
    from kacli.store.rules_file import load_rules

    rules = load_rules()
    profile["grade"] = grades.grade_of(db, row, today, rules)
    profile["next_due"] = week.customer_next_due(db, customer_id, today, rules)  # an Item or None
    profile["grade_inputs"] = {
        "buy_within": row["buy_within"], "expected_purchase": row["expected_purchase"],
        "purchase_cycle": row["purchase_cycle"], "batch": row["batch"],
    }
    profile["qualification"] = {
        "qualified": q.qualified, "verdict": q.verdict, "missing": list(q.missing),
        "said_no": list(q.said_no), "met_by": q.met_by, "won_deals": q.won_deals,
        "decision_maker_met": ({"date": known.decision_maker_met.isoformat(), "contact": known.decision_maker}
                               if known.decision_maker_met else None),
        "standards": q.standards, "facts": flags,
    }
    profile["facts"] = customers.facts(db, customer_id)
    profile["competitors"] = customers.competitors(db, customer_id)
    profile["contacts"] = contact_store.summaries(db, customer_id)
    profile.update(customer_sales(db, customer_id, today, rules))  # "deals", "receivable"
    profile.update(customer_activity(db, customer_id, today))  # "visits", "next_actions"
    profile["created_at"] = row["created_at"]
    profile["updated_at"] = row["updated_at"]
    return profile
