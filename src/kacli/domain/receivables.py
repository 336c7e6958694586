"""Money owed on a deal (应收账款, seed 003): instalments planned, payments received.

**Allocation.** Payments are not tied to an instalment: everything received on a deal pays off
its instalments oldest due date first (ties by the order they were planned), whenever the money
arrived — what a customer owes is the oldest part of the plan not yet covered.

**Overdue** means still owed after its due date: an instalment due today is due, not overdue.

**A promise** (``payment promise``: the customer said they will pay by a day) does not change
what is owed or overdue by the contract; it changes when the money is asked for: not before the
promised day (``collect_on``). **Next due** is the first day money is to be asked for that has not
passed: an overdue instalment is overdue, not next, unless a promise makes it next.

A won deal is **complete** only when nothing is outstanding (seed 003: the project ends when all
of the money is received); a payment larger than what is outstanding, or on a deal with no plan,
is refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import TypeVar

from kacli.errors import BadInput


@dataclass(frozen=True)
class Instalment:
    amount: int  # fen
    due: dt.date
    id: int | None = None
    promised: dt.date | None = None  # the day the customer promised to pay it by


@dataclass(frozen=True)
class Payment:
    amount: int  # fen
    date: dt.date


@dataclass(frozen=True)
class InstalmentState:
    """One instalment after allocating the payments: how much of it is paid and still owed."""

    amount: int
    due: dt.date
    paid: int
    outstanding: int
    overdue: bool
    id: int | None = None
    promised: dt.date | None = None


@dataclass(frozen=True)
class Receivable:
    planned: int
    received: int
    outstanding: int
    overdue: int
    oldest_overdue: dt.date | None
    next_due: dt.date | None  # the first day, today or later, that money still owed is asked for
    instalments: tuple[InstalmentState, ...]

    @property
    def paid_in_full(self) -> bool:
        return self.planned > 0 and self.outstanding == 0


_Part = TypeVar("_Part")


def oldest_first(instalments: Iterable[_Part], due: Callable[[_Part], dt.date] = attrgetter("due")) -> list[_Part]:
    """The order payments pay instalments off: oldest due date first, ties in the order they were
    planned (``instalments`` come in that order; ``due`` reads an instalment's due date)."""
    return sorted(instalments, key=due)  # a stable sort: equal due dates keep the planned order


def allocate(instalments: Iterable[Instalment], payments: Iterable[Payment],
             today: dt.date) -> list[InstalmentState]:
    """Each instalment, oldest due first, with the payments' total applied oldest-first."""
    ordered = oldest_first(instalments)
    owed_each = still_owed([inst.amount for inst in ordered], sum(p.amount for p in payments))
    return [InstalmentState(inst.amount, inst.due, inst.amount - owed, owed, owed > 0 and inst.due < today,
                            inst.id, inst.promised) for inst, owed in zip(ordered, owed_each, strict=True)]


def collect_on(due: dt.date, promised: dt.date | None) -> dt.date:
    """The day money due on ``due`` is asked for: the promised day when the customer promised a
    later one (a promise to pay early changes nothing: the due day stands)."""
    return promised if promised is not None and promised > due else due


def check_promise(promised: dt.date, today: dt.date) -> None:
    """A promise to pay is for today or a day to come."""
    if promised < today:
        raise BadInput("error.promise_past", date=promised.isoformat(), today=today.isoformat())


def still_owed(amounts: Iterable[int], received: int) -> list[int]:
    """What is still owed of each instalment (``amounts`` oldest due first, ties in the order
    they were planned) once ``received`` pays them off oldest first: the allocation rule, on plain
    numbers so the week list can apply it to thousands of deals."""
    left = received
    out = []
    for amount in amounts:
        paid = min(left, amount)
        left -= paid
        out.append(amount - paid)
    return out


def receivable(instalments: Iterable[Instalment], payments: Iterable[Payment],
               today: dt.date) -> Receivable:
    instalments, payments = list(instalments), list(payments)
    states = allocate(instalments, payments, today)
    planned = sum(i.amount for i in instalments)
    received = sum(p.amount for p in payments)
    late = [s for s in states if s.overdue]
    ahead = sorted(day for s in states if s.outstanding > 0
                   and (day := collect_on(s.due, s.promised)) >= today)
    return Receivable(
        planned=planned,
        received=received,
        outstanding=max(planned - received, 0),
        overdue=sum(s.outstanding for s in late),
        oldest_overdue=late[0].due if late else None,
        next_due=ahead[0] if ahead else None,
        instalments=tuple(states),
    )


def _amount(fen: int) -> str:
    """An amount in a refusal's message (the money module loads only when one is refused)."""
    from kacli.domain.money import format_amount

    return format_amount(fen)


def check_amount(amount: int) -> None:
    """Money planned or received must be more than nothing."""
    if amount <= 0:
        raise BadInput("error.amount_not_positive", value=_amount(amount))


def check_payment(amount: int, outstanding: int, has_plan: bool) -> None:
    """Refuse a payment that is not positive, on a deal with no plan, or more than is owed."""
    check_amount(amount)
    if not has_plan:
        raise BadInput("error.payment_no_plan")
    if amount > outstanding:
        raise BadInput("error.payment_exceeds", amount=_amount(amount),
                       outstanding=_amount(outstanding))


def complete(outcome: str, outstanding: int) -> bool:
    """A deal is complete when it was won and all of its money has been received."""
    return outcome == "won" and outstanding == 0


# Each instalment and each receipt has a number of its own, its row id after a letter: I12 is
# instalment 12, R7 is receipt 7. Ids never move, so a number stays right after others are removed.
INSTALMENT, RECEIPT = "I", "R"


def looks_like_number(text: str) -> bool:
    """Whether ``text`` is written as an instalment or receipt number (``I12``, ``r7``, ``#I12``)."""
    clean = text.strip().upper().lstrip("#")
    return clean[:1] in (INSTALMENT, RECEIPT) and clean[1:].isascii() and clean[1:].isdigit()


def parse_number(text: str) -> tuple[str, int]:
    """``I12`` -> ("I", 12); ``r7`` -> ("R", 7); anything else is refused."""
    clean = text.strip().upper().lstrip("#")
    letter, digits = clean[:1], clean[1:]
    if letter not in (INSTALMENT, RECEIPT) or not digits.isascii() or not digits.isdigit() \
            or not 0 < int(digits) < 2**63:
        raise BadInput("error.payment_number", value=text)
    return letter, int(digits)


def check_schedule(planned: int, worth: int | None, received: int, *, force: bool) -> None:
    """A schedule may not promise more than the deal is worth, unless the user insists (--force);
    it can never fall below the money already received."""
    if planned < received:
        raise BadInput("error.plan_below_received", planned=_amount(planned),
                       received=_amount(received))
    if worth is not None and planned > worth and not force:
        raise BadInput("error.plan_exceeds", planned=_amount(planned), value=_amount(worth))
