"""Money owed, directly: allocation oldest-first, overdue, refusals, and when a deal is complete."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import receivables as rcv
from kacli.domain.receivables import Instalment, Payment
from kacli.errors import BadInput, ExitCode

TODAY = dt.date(2026, 11, 23)
D = dt.date


def test_payments_pay_the_oldest_instalment_first_whatever_the_order_planned():
    plan = [Instalment(168, D(2027, 3, 31), 2), Instalment(84, D(2026, 12, 31), 1), Instalment(28, D(2027, 12, 31), 3)]
    states = rcv.allocate(plan, [Payment(100, D(2026, 12, 20))], TODAY)
    assert [(s.id, s.paid, s.outstanding) for s in states] == [(1, 84, 0), (2, 16, 152), (3, 0, 28)]


def test_ties_on_the_due_date_keep_the_planned_order():
    plan = [Instalment(10, D(2027, 1, 1), 7), Instalment(10, D(2027, 1, 1), 8)]
    states = rcv.allocate(plan, [Payment(15, TODAY)], TODAY)
    assert [(s.id, s.paid) for s in states] == [(7, 10), (8, 5)]


def test_overdue_is_after_the_due_date_not_on_it():
    plan = [Instalment(50, D(2026, 11, 22)), Instalment(50, TODAY), Instalment(50, D(2026, 11, 24))]
    owed = rcv.receivable(plan, [], TODAY)
    assert [s.overdue for s in owed.instalments] == [True, False, False]
    assert owed.overdue == 50 and owed.oldest_overdue == D(2026, 11, 22)
    assert owed.next_due == TODAY  # the overdue one is overdue, not next


def test_next_due_is_never_a_day_that_has_passed():
    plan = [Instalment(50, D(2026, 10, 1)), Instalment(50, D(2026, 12, 31))]
    owed = rcv.receivable(plan, [], TODAY)
    assert owed.oldest_overdue == D(2026, 10, 1) and owed.next_due == D(2026, 12, 31)
    assert rcv.receivable(plan[:1], [], TODAY).next_due is None  # only overdue money: nothing next


def test_a_promise_moves_when_the_money_is_asked_for_not_whether_it_is_overdue():
    promised = D(2026, 11, 27)
    plan = [Instalment(50, D(2026, 10, 1), 3, promised), Instalment(50, D(2026, 12, 31), 4)]
    owed = rcv.receivable(plan, [], TODAY)
    assert owed.overdue == 50 and owed.oldest_overdue == D(2026, 10, 1)  # still late by contract
    assert owed.next_due == promised  # the promised day is the next one
    assert [s.promised for s in owed.instalments] == [promised, None]
    assert rcv.collect_on(D(2026, 10, 1), promised) == promised
    assert rcv.collect_on(D(2026, 12, 31), D(2026, 12, 1)) == D(2026, 12, 31)  # early: the due day stands
    assert rcv.collect_on(D(2026, 10, 1), None) == D(2026, 10, 1)
    # a promise that has passed unpaid: asked for again, from the promised day
    assert rcv.receivable(plan, [], D(2026, 11, 30)).next_due == D(2026, 12, 31)


def test_a_promise_is_for_a_day_to_come():
    rcv.check_promise(TODAY, TODAY)
    with pytest.raises(BadInput) as caught:
        rcv.check_promise(D(2026, 11, 22), TODAY)
    assert caught.value.key == "error.promise_past"


def test_a_paid_instalment_is_never_overdue():
    owed = rcv.receivable([Instalment(50, D(2026, 1, 1)), Instalment(50, D(2026, 6, 1))],
                          [Payment(50, D(2026, 7, 1))], TODAY)
    assert owed.overdue == 50 and owed.oldest_overdue == D(2026, 6, 1)


def test_the_300_wan_deal_paid_in_three_instalments():
    plan = [Instalment(84_000_000, D(2026, 12, 31)), Instalment(168_000_000, D(2027, 3, 31)),
            Instalment(28_000_000, D(2027, 12, 31))]
    paid = [Payment(84_000_000, D(2026, 12, 28)), Payment(168_000_000, D(2027, 4, 2))]
    owed = rcv.receivable(plan, paid, D(2027, 4, 5))
    assert (owed.planned, owed.received, owed.outstanding, owed.overdue) == (
        280_000_000, 252_000_000, 28_000_000, 0)
    assert owed.next_due == D(2027, 12, 31) and not owed.paid_in_full
    done = rcv.receivable(plan, [*paid, Payment(28_000_000, D(2028, 1, 5))], D(2028, 1, 10))
    assert done.paid_in_full and done.outstanding == 0 and done.next_due is None


def test_no_plan_is_not_paid_in_full():
    owed = rcv.receivable([], [], TODAY)
    assert owed.planned == owed.outstanding == 0 and not owed.paid_in_full
    assert owed.oldest_overdue is None and owed.next_due is None


plans = st.lists(st.builds(Instalment, st.integers(1, 10**9), st.dates(D(2025, 1, 1), D(2028, 1, 1))),
                 max_size=6)


@given(plans, st.data())
def test_allocation_shape(plan, data):
    planned = sum(i.amount for i in plan)
    received = data.draw(st.integers(0, planned))
    owed = rcv.receivable(plan, [Payment(received, TODAY)] if received else [], TODAY)
    states = owed.instalments
    assert sum(s.paid for s in states) == received
    assert owed.outstanding == sum(s.outstanding for s in states) == planned - received
    assert [s.due for s in states] == sorted(s.due for s in states)
    partly = [k for k, s in enumerate(states) if s.outstanding > 0]
    if partly:  # everything before the first instalment still owed is paid in full
        assert all(s.outstanding == 0 for s in states[:partly[0]])
        assert all(s.paid == 0 for s in states[partly[0] + 1:])
    assert owed.overdue == sum(s.outstanding for s in states if s.due < TODAY)
    assert owed.paid_in_full == (planned > 0 and received == planned)


@pytest.mark.parametrize("amount,outstanding,has_plan,key", [
    (0, 100, True, "error.amount_not_positive"),
    (-5, 100, True, "error.amount_not_positive"),
    (10, 0, False, "error.payment_no_plan"),
    (101, 100, True, "error.payment_exceeds"),
    (1, 0, True, "error.payment_exceeds"),  # fully paid already
])
def test_refused_payments(amount, outstanding, has_plan, key):
    with pytest.raises(BadInput) as caught:
        rcv.check_payment(amount, outstanding, has_plan)
    assert caught.value.key == key
    assert caught.value.exit_code == ExitCode.BAD_INPUT


def test_exceeding_says_how_much_is_outstanding():
    with pytest.raises(BadInput) as caught:
        rcv.check_payment(300_000_000, 180_000_000, True)
    assert "¥1,800,000" in caught.value.message() and "¥3,000,000" in caught.value.message()


@pytest.mark.parametrize("amount", [1, 50, 100])
def test_up_to_what_is_outstanding_is_accepted(amount):
    rcv.check_payment(amount, 100, True)


@pytest.mark.parametrize("outcome,outstanding,expected", [
    ("won", 0, True), ("won", 1, False), ("open", 0, False), ("lost", 0, False),
])
def test_a_won_deal_is_complete_only_when_fully_paid(outcome, outstanding, expected):
    assert rcv.complete(outcome, outstanding) is expected
