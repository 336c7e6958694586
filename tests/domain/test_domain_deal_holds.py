"""Holds, passed close dates and a lost deal's gates (kacli.domain.sales)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import sales
from kacli.errors import BadInput

D = dt.date(2027, 1, 10)


def days(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


@pytest.mark.parametrize(("until", "held"), [(None, False), (days(1), True), (days(30), True),
                                             (days(0), False), (days(-5), False)])
def test_a_deal_is_on_hold_until_the_day_before_its_date(until, held):
    assert sales.on_hold(until, D) is held


def test_a_hold_silences_the_week_lists_stalled_and_closing_reasons_only():
    from kacli.i18n.catalog import load

    known = {key.removeprefix("reason.") for key in load() if key.startswith("reason.")}
    assert known >= sales.HELD_REASONS  # codes of reasons the week list really gives
    assert {"deal_stalled", "deal_closing"} == sales.HELD_REASONS


def test_a_held_reason_is_due_on_the_hold_date_not_overdue_since_the_stall():
    stalled_since = days(-20)
    assert sales.held_due(stalled_since, days(15)) == days(15)
    assert sales.held_due(days(40), days(15)) == days(40)  # due after the hold: unchanged
    assert sales.held_due(stalled_since, None) == stalled_since


@given(st.integers(-400, 400), st.none() | st.integers(-400, 400), st.integers(-400, 400))
def test_nothing_held_is_due_while_the_deal_is_on_hold(due, until, today):
    hold = None if until is None else days(until)
    shifted = sales.held_due(days(due), hold)
    if sales.on_hold(hold, days(today)):
        assert shifted > days(today)
    assert shifted >= days(due)


def test_only_an_open_deal_is_held_and_only_until_after_today():
    sales.check_hold("x", "open", days(1), D)
    with pytest.raises(BadInput):
        sales.check_hold("x", "open", D, D)
    with pytest.raises(BadInput):
        sales.check_hold("x", "won", days(9), D)
    with pytest.raises(BadInput):
        sales.check_hold("x", "lost", days(9), D)


@pytest.mark.parametrize(("close", "outcome", "passed"), [
    (days(-1), "open", True), (D, "open", False), (days(1), "open", False), (None, "open", False),
    (days(-30), "won", False), (days(-30), "lost", False),
])
def test_an_expected_close_date_behind_an_open_deal_has_passed(close, outcome, passed):
    assert sales.close_passed(close, D, outcome) is passed


def test_a_lost_deal_has_no_next_stage_and_no_gates():
    bare = sales.DealFacts()
    assert sales.next_gates("validate", "lost", bare) == (None, [])
    assert sales.next_gates("validate", "open", bare) == ("negotiate", [sales.POSITION_GATE])
    assert sales.next_gates("contract", "won", bare) == ("deliver", [sales.SCHEDULE_GATE])
    assert sales.next_gates("deliver", "open", bare) == (None, [])
