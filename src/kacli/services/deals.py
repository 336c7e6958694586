"""What ``deal show``, ``deal list`` and ``customer show`` display about deals, as plain data.

Money is integer fen under keys ending ``_fen``; dates are ISO text. A deal's ``value_fen`` is
the negotiated price once there is one, else its estimated amount; the chance and the weighted
amount follow ``kacli.domain.sales``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from kacli.domain import receivables as rcv
from kacli.domain import sales
from kacli.domain.rules import Rules
from kacli.store import deals, payments
from kacli.store.db import Db

PROJECT = ("purchase_plan", "problem", "timetable", "budget", "process")


def _figures(row: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The numbers every view of a deal shares."""
    percent = sales.chance(row["stage"], row["chance"], row["outcome"])
    value = sales.value(row["amount"], row["price"])
    entered = dt.date.fromisoformat(row["stage_entered"])
    close = dt.date.fromisoformat(row["expected_close"]) if row["expected_close"] else None
    source = "outcome" if row["outcome"] != "open" else ("manual" if row["chance"] is not None else "stage")
    return {
        "id": row["id"], "title": row["title"], "customer_id": row["customer_id"],
        "customer": row["customer"], "stage": row["stage"], "outcome": row["outcome"],
        "amount_fen": row["amount"], "price_fen": row["price"], "value_fen": value,
        "chance": percent, "chance_source": source, "weighted_fen": sales.weighted(value, percent),
        "expected_close": row["expected_close"],
        "close_passed": sales.close_passed(close, today, row["outcome"]),
        "stage_entered": row["stage_entered"],
        "days_in_stage": sales.days_in_stage(entered, _clock_stops(row, today)),
        "hold": _hold(row, today),
    }


def _clock_stops(row: dict[str, Any], today: dt.date) -> dt.date:
    """A lost deal stops counting days on the day it was lost; a won one goes on to delivery."""
    if row["outcome"] == "lost" and row["closed_on"]:
        return min(dt.date.fromisoformat(row["closed_on"]), today)
    return today


def _project(row: dict[str, Any]) -> dict[str, Any]:
    return {("budget_fen" if key == "budget" else key): row[key] for key in PROJECT}


def _coverage(links: list[dict[str, Any]], risks: list[dict[str, Any]],
              on_file: list[dict[str, Any]] = ()) -> dict[str, Any]:
    """The deal's buying centre by role: the deal's own (``deal role``), then the roles on file of
    the customer's contacts the deal does not name (``"source": "contact"``, met or not, as
    ``deal_risks.roles_on_file`` finds them); the roles nobody covers, and what is at risk as the
    week list says it (``risks``: :func:`open_risks`); ``flags`` are the buying-centre risk's
    flags, so the deal views and the week list never disagree on them."""
    cover = sales.coverage((c["contact_id"], c["role"], c["attitude"]) for c in links)
    flags = next((r["missing"] for r in risks if r["code"] == "roles_uncovered"), [])
    keys = ("contact_id", "name", "title", "attitude", "attitude_source", "stage")
    people = [{**{k: c[k] for k in keys}, "role": c["role"], "source": "deal"} for c in links]
    people += [dict(c, source="contact") for c in on_file]
    return {
        "roles": {role: [{k: p[k] for k in (*keys, "source")} for p in people if p["role"] == role]
                  for role in sales.ROLES},
        "uncovered": list(cover.uncovered), "flags": flags, "at_risk": bool(risks), "risks": risks,
    }


def open_risks(db: Db, customer_id: int, today: dt.date, rules: Rules) -> dict[int, list[dict[str, Any]]]:
    """The risks of each deal of a customer still open today (``kacli.domain.deal_risks``), read
    the way the week list reads them, as plain data: dates as ISO text."""
    return {deal_id: risks for deal_id, (risks, _) in _open_deals(db, customer_id, today, rules).items()}


def _open_deals(db: Db, customer_id: int, today: dt.date, rules: Rules) -> dict[int, tuple[list, list]]:
    """For each deal of the customer open today: its risks (as :func:`open_risks`) and the roles on
    file of the contacts it does not name, each with the contact's name, title, attitude and
    relationship stage."""
    from kacli.domain.deal_risks import roles_on_file
    from kacli.domain.week_reasons import Window
    from kacli.store import contacts, week

    found = week.accounts(db, Window(today, today, rules), customer_id, customer_id)
    if not found:
        return {}
    people = {c["id"]: c for c in contacts.summaries(db, customer_id)}
    risks = dict(_risks_by_deal(found, today, rules))
    out = {}
    for deal in found[0].deals:
        on_file = [{"contact_id": cover.contact_id, "role": cover.role, "attitude": cover.attitude,
                    "attitude_source": "contact", "name": people[cover.contact_id]["name"],
                    "title": people[cover.contact_id]["title"], "stage": people[cover.contact_id]["stage"]}
                   for cover in roles_on_file(deal, found[0].contacts) if cover.contact_id in people]
        out[deal.id] = ([_risk_data(r) for r in risks.get(deal.id, [])], on_file)
    return out


def risk_codes(db: Db, today: dt.date, rules: Rules) -> dict[int, list[str]]:
    """The risk codes of every deal still open today, the customers read as the week list reads
    them (a range of customers at a time, a handful of queries each): what ``deal list`` and
    ``export deals`` show beside each deal."""
    from kacli.domain.week_reasons import Window
    from kacli.services.week import CHUNK
    from kacli.store import week

    window = Window(today, today, rules)
    out: dict[int, list[str]] = {}
    for first, last in week.chunks(db, CHUNK):
        for deal_id, risks in _risks_by_deal(week.accounts(db, window, first, last), today, rules):
            out[deal_id] = [r.code for r in risks]
    return out


def _risks_by_deal(accounts, today: dt.date, rules: Rules):
    """(deal id, its risks now) for each open deal of ``accounts`` (week-list snapshots)."""
    from kacli.domain.deal_risks import deal_risks

    for account in accounts:
        for deal in account.deals:
            yield deal.id, deal_risks(deal, account.kind, account.contacts, today, rules)


def _risk_data(risk) -> dict[str, Any]:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.date):
            return value.isoformat()
        return list(value) if isinstance(value, tuple) else value

    params = {k: plain(v) for k, v in risk.params.items() if k != "deal_id"}
    return {"code": risk.code, "due": risk.due.isoformat(), "contact_id": risk.contact_id, **params}


def _history(events: list[dict[str, Any]], until: dt.date) -> list[dict[str, Any]]:
    """Each move with the days the deal then spent in the stage it moved to."""
    moves = [i for i, e in enumerate(events) if e["to_stage"]]
    out = []
    for i, e in enumerate(events):
        days = None
        if e["to_stage"]:
            later = [events[j]["on_date"] for j in moves if j > i]
            end = dt.date.fromisoformat(later[0]) if later else until
            days = sales.days_in_stage(dt.date.fromisoformat(e["on_date"]), end)
        out.append({"date": e["on_date"], "from_stage": e["from_stage"], "to_stage": e["to_stage"],
                    "outcome": e["outcome"], "note": e["note"], "days": days})
    return out


def money_facts(owed: rcv.Receivable, outcome: str, paid: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "planned_fen": owed.planned, "received_fen": owed.received,
        "outstanding_fen": owed.outstanding, "overdue_fen": owed.overdue,
        "oldest_overdue": owed.oldest_overdue.isoformat() if owed.oldest_overdue else None,
        "next_due": owed.next_due.isoformat() if owed.next_due else None,
        "paid_in_full": owed.paid_in_full,
        # no plan, nothing known to collect: not complete until a schedule is paid off
        "complete": owed.paid_in_full and rcv.complete(outcome, owed.outstanding),
        "instalments": [{"id": s.id, "due": s.due.isoformat(), "amount_fen": s.amount,
                         "paid_fen": s.paid, "outstanding_fen": s.outstanding, "overdue": s.overdue}
                        for s in owed.instalments],
        "payments": paid,
    }


def _hold(row: dict[str, Any], today: dt.date) -> dict[str, Any] | None:
    """An open deal's hold: until when, why, and whether it is still on (``active``)."""
    if row["hold_until"] is None or row["outcome"] != "open":
        return None
    until = dt.date.fromisoformat(row["hold_until"])
    return {"until": row["hold_until"], "reason": row["hold_reason"],
            "active": sales.on_hold(until, today)}


def detail(db: Db, deal_id: int, today: dt.date, rules: Rules) -> dict[str, Any]:
    """Everything ``deal show`` displays."""
    row = deals.get(db, deal_id, today)
    data = _figures(row, today)
    data["lost_reason"], data["closed_on"] = row["lost_reason"], row["closed_on"]
    data["delivered_on"] = row["delivered_on"]
    data["project"] = _project(row)
    data["terms"] = {"price_fen": row["price"], "delivery_date": row["delivery_date"],
                     "warranty": row["warranty"], "payment_terms": row["payment_terms"],
                     "service": row["service"], "contract_date": row["contract_date"]}
    data["competitors"] = deals.competitors(db, deal_id)
    data["no_competitor"] = deals.no_competitor(db, deal_id)
    data["next_stage"], data["next_stage_missing"] = sales.next_gates(
        row["stage"], row["outcome"], deals.gate_facts(db, row))
    data["history"] = _history(deals.events(db, deal_id, today), _clock_stops(row, today))
    risks, on_file = _open_deals(db, row["customer_id"], today, rules).get(deal_id, ([], []))
    data["buying_centre"] = _coverage(deals.roles(db, [deal_id])[deal_id], risks, on_file)
    owed = payments.for_deal(db, deal_id, today)
    data["receivable"] = money_facts(owed, row["outcome"], payments.payments(db, deal_id))
    data["created_at"], data["updated_at"] = row["created_at"], row["updated_at"]
    return data


@dataclass
class Tally:
    """How many deals, their value and their weighted value, summed as they are read."""

    count: int = 0
    value_fen: int = 0
    weighted_fen: int = 0

    def add(self, deal: dict[str, Any]) -> None:
        self.count += 1
        self.value_fen += deal["value_fen"] or 0
        self.weighted_fen += deal["weighted_fen"] or 0


@dataclass
class StageGroup:
    """One stage of ``deal list`` (or ``won`` / ``lost``): its ``deals`` are read as they are
    iterated, and ``tally`` is complete once they all have been."""

    stage: str
    deals: Iterator[dict[str, Any]]
    tally: Tally


@dataclass
class Pipeline:
    """``deal list``: ``stages`` one group at a time; ``total`` (the open deals only — the
    pipeline) is complete once every group has been read."""

    stages: Iterator[StageGroup]
    total: Tally


def pipeline(db: Db, today: dt.date, rules: Rules, *, include_closed: bool = False) -> Pipeline:
    """``deal list``: deals grouped by stage (then won and lost), with totals per group, each open
    deal with its ``risks`` (codes: :func:`risk_codes`; a closed deal has none).

    ``total`` sums the open deals only — the pipeline; a group's weighted total is the sum of
    its deals' weighted amounts. Nothing is read until the groups are iterated, and then one
    deal at a time, so a list of any length is never held whole.
    """
    total = Tally()
    return Pipeline(_groups(db, today, rules, include_closed, total), total)


def _groups(db: Db, today: dt.date, rules: Rules, include_closed: bool, total: Tally) -> Iterator[StageGroup]:
    risks = risk_codes(db, today, rules)
    keys = [("open", stage) for stage in sales.STAGES]
    if include_closed:
        keys += [("won", None), ("lost", None)]
    for outcome, stage in keys:
        rows = deals.each_in_group(db, outcome=outcome, stage=stage, today=today)
        first = next(rows, None)
        if first is None:  # a group is listed only when it has deals
            continue
        tally = Tally()
        yield StageGroup(stage or outcome, _tallied(chain([first], rows), today, risks, tally,
                                                    total if outcome == "open" else None), tally)


def _tallied(rows: Iterator[dict[str, Any]], today: dt.date, risks: dict[int, list[str]], tally: Tally,
             total: Tally | None) -> Iterator[dict[str, Any]]:
    for row in rows:
        deal = _figures(row, today)
        deal["risks"] = risks.get(row["id"], [])
        tally.add(deal)
        if total is not None:
            total.add(deal)
        yield deal


def for_customer(db: Db, customer_id: int, today: dt.date, rules: Rules) -> list[dict[str, Any]]:
    """``customer show``: every deal of the customer — open ones first, with their project facts
    and coverage, then won and lost ones newest first, each with its ``outcome``, ``closed_on``
    and ``lost_reason``."""
    rows = deals.listing(db, customer_id=customer_id, include_closed=True, today=today)
    rows.sort(key=lambda r: (r["outcome"] != "open", "" if r["outcome"] == "open" else
                             _invert(r["closed_on"] or "")))
    links = deals.roles(db, [r["id"] for r in rows])
    risks = open_risks(db, customer_id, today, rules)
    out = []
    for row in rows:
        item = _figures(row, today)
        item["closed_on"] = row["closed_on"]
        item["lost_reason"] = row["lost_reason"]
        item["project"] = _project(row)
        cover = _coverage(links[row["id"]], risks.get(row["id"], []))
        item["coverage"] = {key: cover[key] for key in ("uncovered", "flags", "at_risk", "risks")}
        out.append(item)
    return out


def _invert(day: str) -> str:
    """A sort key putting later ISO days first."""
    return "".join(chr(255 - ord(ch)) for ch in day)


def customer_sales(db: Db, customer_id: int, today: dt.date, rules: Rules) -> dict[str, Any]:
    """What ``customer show`` adds: ``deals`` (open, with project facts and coverage) and
    ``receivable`` ({outstanding_fen, overdue_fen, oldest_overdue})."""
    return {"deals": for_customer(db, customer_id, today, rules),
            "receivable": payments.customer_summary(db, customer_id, today)}
