"""Money owed (应收账款): instalments planned and payments received, per deal and per customer.

The arithmetic (allocation oldest-first, overdue, complete) is ``kacli.domain.receivables``; this
module only reads and writes the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import islice
from typing import Any

from kacli.domain import receivables as rcv
from kacli.errors import BadInput
from kacli.store.db import Db


def _plans(db: Db, deal_ids: list[int] | None = None
           ) -> tuple[dict[int, list[rcv.Instalment]], dict[int, list[rcv.Payment]]]:
    where = "" if deal_ids is None else f"WHERE deal_id IN ({','.join(str(int(i)) for i in deal_ids)})"
    instalments: dict[int, list[rcv.Instalment]] = {}
    payments: dict[int, list[rcv.Payment]] = {}
    for r in db.rows(f"SELECT id, deal_id, amount, due, promised_on FROM instalment {where} ORDER BY id"):
        promised = dt.date.fromisoformat(r["promised_on"]) if r["promised_on"] else None
        instalments.setdefault(r["deal_id"], []).append(
            rcv.Instalment(r["amount"], dt.date.fromisoformat(r["due"]), r["id"], promised))
    for r in db.rows(f"SELECT deal_id, amount, date FROM payment {where} ORDER BY date, id"):
        payments.setdefault(r["deal_id"], []).append(
            rcv.Payment(r["amount"], dt.date.fromisoformat(r["date"])))
    return instalments, payments


def for_deal(db: Db, deal_id: int, today: dt.date) -> rcv.Receivable:
    instalments, payments = _plans(db, [deal_id])
    return rcv.receivable(instalments.get(deal_id, []), payments.get(deal_id, []), today)


def payments(db: Db, deal_id: int) -> list[dict[str, Any]]:
    rows = db.rows("SELECT id, amount, date, note FROM payment WHERE deal_id = :d ORDER BY date, id",
                   d=deal_id)
    return [{"id": r["id"], "amount_fen": r["amount"], "date": r["date"], "note": r["note"]} for r in rows]


def per_deal(db: Db, today: dt.date, *, customer_id: int | None = None) -> list[dict[str, Any]]:
    """Every deal with a payment plan: its customer, outcome and ``Receivable``; by customer, deal."""
    return list(each_per_deal(db, today, customer_id=customer_id))


_PLANS_AT_ONCE = 500  # deals whose instalments and payments are read together


def each_per_deal(db: Db, today: dt.date, *, customer_id: int | None = None) -> Iterator[dict[str, Any]]:
    """``per_deal`` one deal at a time: the plans are read for a few hundred deals at once, so a
    list of any length is never held whole (``payment list``)."""
    # Only the filters given, so one customer's deals are read through its index.
    mine = "AND deal.customer_id = :cust" if customer_id is not None else ""
    deals = db.each(f"""SELECT deal.id, deal.title, deal.outcome, deal.customer_id,
                              customer.name AS customer, customer.name_pinyin
                       FROM deal JOIN customer ON customer.id = deal.customer_id
                       WHERE EXISTS (SELECT 1 FROM instalment i WHERE i.deal_id = deal.id) {mine}
                       ORDER BY customer.name_pinyin, customer.name, deal.id""", cust=customer_id)
    while batch := list(islice(deals, _PLANS_AT_ONCE)):
        instalments, paid = _plans(db, [d["id"] for d in batch])
        for d in batch:
            yield {"deal_id": d["id"], "title": d["title"], "outcome": d["outcome"],
                   "customer_id": d["customer_id"], "customer": d["customer"],
                   "receivable": rcv.receivable(instalments.get(d["id"], []), paid.get(d["id"], []), today)}


def customer_summary(db: Db, customer_id: int, today: dt.date) -> dict[str, Any]:
    """What ``customer show`` says a customer owes: outstanding, overdue, the oldest overdue date."""
    owed = [d["receivable"] for d in per_deal(db, today, customer_id=customer_id)]
    late = [r.oldest_overdue for r in owed if r.oldest_overdue is not None]
    return {"outstanding_fen": sum(r.outstanding for r in owed),
            "overdue_fen": sum(r.overdue for r in owed),
            "oldest_overdue": min(late).isoformat() if late else None}


def unpaid_instalments(db: Db, today: dt.date, customer_ids: list[int] | None = None
                       ) -> dict[int, list[dict[str, Any]]]:
    """For the week list: per customer, each instalment with money still owed, oldest due first.

    Each: ``id, deal_id, deal_title, due`` (date), ``outstanding_fen`` (what is left of it after
    the deal's payments are allocated oldest-first). Lost deals are left out.
    """
    out: dict[int, list[dict[str, Any]]] = {}
    for d in per_deal(db, today):
        if d["outcome"] == "lost" or (customer_ids is not None and d["customer_id"] not in customer_ids):
            continue
        for s in d["receivable"].instalments:
            if s.outstanding > 0:
                out.setdefault(d["customer_id"], []).append({
                    "id": s.id, "deal_id": d["deal_id"], "deal_title": d["title"], "due": s.due,
                    "outstanding_fen": s.outstanding})
    for items in out.values():
        items.sort(key=lambda i: (i["due"], i["id"]))
    return out


def received_by_customer(db: Db, since: dt.date | None = None, until: dt.date | None = None
                         ) -> dict[int, int]:
    """Money received per customer in [since, until] (fen): revenue by cash, for the 80/20 tier."""
    rows = db.rows("""SELECT deal.customer_id, SUM(payment.amount) AS total
                      FROM payment JOIN deal ON deal.id = payment.deal_id
                      WHERE (:since IS NULL OR payment.date >= :since)
                        AND (:until IS NULL OR payment.date <= :until)
                      GROUP BY deal.customer_id""",
                   since=since.isoformat() if since else None, until=until.isoformat() if until else None)
    return {r["customer_id"]: r["total"] for r in rows}


def won_orders(db: Db, since: dt.date | None = None, until: dt.date | None = None, *,
               customer_id: int | None = None) -> dict[int, list[tuple[dt.date, int | None]]]:
    """Won deals per customer as (date won, value in fen), oldest first, within [since, until]:
    the order history that grades an organisation. A deal with neither price nor amount has the
    value None: its size is unknown, not ¥0. ``customer_id`` reads one customer's only."""
    one = "AND customer_id = :cid" if customer_id is not None else ""  # so the index is used
    rows = db.rows(f"""SELECT customer_id, closed_on, COALESCE(price, amount) AS value FROM deal
                       WHERE outcome = 'won' AND closed_on IS NOT NULL {one}
                         AND (:since IS NULL OR closed_on >= :since)
                         AND (:until IS NULL OR closed_on <= :until)
                       ORDER BY closed_on, id""",
                   since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                   cid=customer_id)
    out: dict[int, list[tuple[dt.date, int | None]]] = {}
    for r in rows:
        out.setdefault(r["customer_id"], []).append((dt.date.fromisoformat(r["closed_on"]), r["value"]))
    return out


def revenue_by_customer(db: Db, since: dt.date | None = None, until: dt.date | None = None
                        ) -> dict[int, int]:
    """Revenue per customer for the 80/20 key tier: the value of deals won in [since, until]."""
    return {cid: sum(v or 0 for _, v in orders) for cid, orders in won_orders(db, since, until).items()}


# ---- writes ---------------------------------------------------------------------------------

def plan(uow, deal_id: int, amount: int, due: dt.date, today: dt.date, *, force: bool = False
         ) -> tuple[rcv.Receivable, int | None]:
    """Add an instalment; the deal's receivable after it, and what the deal is worth.

    A schedule larger than the deal's worth is refused unless ``force``.
    """
    from kacli.store.models import Instalment

    deal = _deal(uow.db, deal_id)
    if deal["outcome"] == "lost":
        raise BadInput("error.payment_lost_deal", title=deal["title"])
    rcv.check_amount(amount)
    uow.add(Instalment(deal_id=deal_id, amount=amount, due=due.isoformat(), created_at=uow.now))
    after = for_deal(uow.db, deal_id, today)
    rcv.check_schedule(after.planned, deal["value"], after.received, force=force)
    return after, deal["value"]


def _deal(db: Db, deal_id: int):
    return db.row("""SELECT id, title, outcome, COALESCE(price, amount) AS value, customer_id
                     FROM deal WHERE id = :id""", id=deal_id)


def receive(uow, deal_id: int, amount: int, on_date: dt.date, note: str | None,
            today: dt.date) -> rcv.Receivable:
    """Record a payment after checking it against what is owed; the deal's receivable after it."""
    from kacli.store.models import Payment

    before = for_deal(uow.db, deal_id, today)
    rcv.check_payment(amount, before.outstanding, before.planned > 0)
    uow.add(Payment(deal_id=deal_id, amount=amount, date=on_date.isoformat(), note=note,
                    created_at=uow.now))
    return for_deal(uow.db, deal_id, today)


# ---- corrections: one instalment or receipt by its number (I12, R7) -------------------------

def schedule(db: Db, deal_id: int, today: dt.date) -> dict[str, Any]:
    """A deal's plan and receipts, each with its number, and the totals."""
    deal = _deal(db, deal_id)
    owed = for_deal(db, deal_id, today)
    return {
        "deal_id": deal_id, "title": deal["title"], "value_fen": deal["value"],
        "instalments": [{"number": f"{rcv.INSTALMENT}{s.id}", "id": s.id, "due": s.due.isoformat(),
                         "amount_fen": s.amount, "paid_fen": s.paid, "outstanding_fen": s.outstanding,
                         "overdue": s.overdue, "promised": s.promised.isoformat() if s.promised else None}
                        for s in sorted(owed.instalments, key=lambda s: (s.due, s.id))],
        "receipts": [{"number": f"{rcv.RECEIPT}{p['id']}", **p} for p in payments(db, deal_id)],
        "planned_fen": owed.planned, "received_fen": owed.received,
        "outstanding_fen": owed.outstanding, "overdue_fen": owed.overdue,
    }


def _row(db: Db, letter: str, row_id: int, number: str):
    table = "instalment" if letter == rcv.INSTALMENT else "payment"
    found = db.row(f"SELECT * FROM {table} WHERE id = :id", id=row_id)
    if found is None:
        raise BadInput("error.payment_number_unknown", number=number)
    return table, found


def _check_after(uow, letter: str, deal_id: int, today: dt.date, force: bool) -> None:
    after = for_deal(uow.db, deal_id, today)
    worth = _deal(uow.db, deal_id)["value"] if letter == rcv.INSTALMENT else None
    rcv.check_schedule(after.planned, worth, after.received, force=force)


def find(db: Db, number: str) -> dict[str, Any]:
    """The instalment or receipt called ``number``, with its deal's id and title."""
    letter, row_id = rcv.parse_number(number)
    table, row = _row(db, letter, row_id, f"{letter}{row_id}")
    return {"letter": letter, "number": f"{letter}{row_id}", "id": row_id, "deal_id": row["deal_id"],
            "title": _deal(db, row["deal_id"])["title"], "amount_fen": row["amount"],
            "date": row["due"] if table == "instalment" else row["date"]}


def update(uow, number: str, *, amount: int | None, day: dt.date | None, note: str | None,
           today: dt.date, force: bool = False) -> list[str]:
    """Change one instalment (amount, due date) or receipt (amount, date, note); what changed."""
    letter, row_id = rcv.parse_number(number)
    table, row = _row(uow.db, letter, row_id, f"{letter}{row_id}")
    if note is not None and letter == rcv.INSTALMENT:
        raise BadInput("error.instalment_no_note")
    if amount is not None:
        rcv.check_amount(amount)
    date_column = "due" if letter == rcv.INSTALMENT else "date"
    wanted = {"amount": amount, date_column: day.isoformat() if day else None, "note": note}
    changes = {k: v for k, v in wanted.items() if v is not None and v != row[k]}
    if changes:
        sets = ", ".join(f"{k} = :{k}" for k in changes)
        uow.db.execute(f"UPDATE {table} SET {sets} WHERE id = :id", id=row_id, **changes)
        _check_after(uow, letter, row["deal_id"], today, force)
    return list(changes)


def promise(uow, deal_id: int, instalment_id: int | None, promised: dt.date,
            today: dt.date) -> list[rcv.InstalmentState]:
    """Record that the customer promised to pay by ``promised``: the instalment ``instalment_id``,
    or (None) every instalment of the deal still owed and due by that day. The instalments
    promised; BadInput when none is owed."""
    rcv.check_promise(promised, today)
    owed = [s for s in for_deal(uow.db, deal_id, today).instalments if s.outstanding > 0
            and (s.id == instalment_id if instalment_id is not None else s.due <= promised)]
    if not owed:
        raise BadInput("error.promise_nothing_owed", date=promised.isoformat())
    for s in owed:
        uow.db.execute("UPDATE instalment SET promised_on = :p WHERE id = :id",
                       p=promised.isoformat(), id=s.id)
    from kacli.store import history
    from kacli.store.deals import history_prefix

    deal = _deal(uow.db, deal_id)
    earlier = {s.promised for s in owed}  # the promise this one replaces, when there was one
    replaced = earlier.pop() if len(earlier) == 1 else None
    history.record(uow, customer_id=deal["customer_id"], field=history_prefix(deal["title"]) + "promised",
                   old=replaced.isoformat() if replaced else None, new=promised.isoformat())
    return owed


def remove(uow, number: str, today: dt.date) -> None:
    """Remove one instalment or receipt; the plan may not end below the money received."""
    letter, row_id = rcv.parse_number(number)
    table, row = _row(uow.db, letter, row_id, f"{letter}{row_id}")
    uow.db.execute(f"DELETE FROM {table} WHERE id = :id", id=row_id)
    _check_after(uow, letter, row["deal_id"], today, force=True)
