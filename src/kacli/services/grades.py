"""A customer's grade in force with its explanation, for ``customer show`` and ``customer list``:
the dossier's facts handed to ``kacli.domain.grading.effective_grade``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from kacli.domain.grading import GradeResult, effective_grade
from kacli.domain.rules import Rules
from kacli.store import history
from kacli.store.db import Db


def grade_explained(customer: dict, today: dt.date, rules: Rules,
                    order_history: tuple[tuple[dt.date, int], ...] = (),
                    intention_stated: dt.date | None = None) -> GradeResult:
    """A customer row's grade in force, manual or by the rules, with the parts that explain it."""
    expected = customer.get("expected_purchase")
    return effective_grade(
        customer["kind"], today=today, rules=rules, manual_grade=customer.get("grade_manual"),
        buy_within=customer.get("buy_within"),
        expected_purchase=dt.date.fromisoformat(expected) if expected else None,
        purchase_cycle=customer.get("purchase_cycle"), batch=customer.get("batch"),
        order_history=order_history, intention_stated=intention_stated,
    )


def grade_facts(result: GradeResult, manual_reason: str | None) -> dict:
    """A grade as ``customer show --json`` prints it: ``grade``, ``source``, the manual ``reason``
    and the ``parts`` of its explanation as ``{"code", ...params}`` (dates as ISO text)."""
    parts = [{"code": part.code, **{k: v.isoformat() if isinstance(v, dt.date) else v
                                    for k, v in part.params.items()}} for part in result.parts]
    return {"grade": result.grade, "source": result.source,
            "reason": manual_reason if result.source == "manual" else None, "parts": parts}


def graded(db: Db, rows: list[dict], today: dt.date, rules: Rules) -> list[dict]:
    """``rows`` (customer list rows) with the ``grade`` in force — by hand or by the rules, order
    history included — as ``customer show`` gives it."""
    return list(grading(db, rows, today, rules))


def grading(db: Db, rows: Iterable[dict], today: dt.date, rules: Rules) -> Iterator[dict]:
    """``graded`` one row at a time, as ``rows`` come (``customer list`` reads them from a cursor)."""
    from kacli.store.payments import won_orders

    orders = won_orders(db, until=today)
    stated = history.intentions_stated(db, today)
    for row in rows:
        row["grade"] = grade_explained(row, today, rules, tuple(orders.get(row["id"], ())),
                                       stated.get(row["id"])).grade
        yield row


def grade_of(db: Db, customer: dict, today: dt.date, rules: Rules) -> dict:
    """One customer's grade as ``customer show`` gives it (see :func:`grade_facts`)."""
    from kacli.store.payments import won_orders

    cid = customer["id"]
    orders = tuple(won_orders(db, until=today, customer_id=cid).get(cid, ()))
    stated = history.intentions_stated(db, today, cid).get(cid)
    return grade_facts(grade_explained(customer, today, rules, orders, stated),
                       customer.get("grade_reason"))
