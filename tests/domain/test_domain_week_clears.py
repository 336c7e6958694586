"""Doing the work clears the list: care on an individual, a booked visit, a festival after
qualifying, key-tier news, weekends, rows said as of their day and due inside their window."""

from __future__ import annotations

import dataclasses
import datetime as dt

from test_domain_week import RULES, TODAY, WAN, account, codes, day, only, reason, week

from kacli.domain.week import build_week, suggested_action, week_item
from kacli.domain.week_input import CareVisit, Contact, Instalment, PlannedVisit
from kacli.domain.week_reasons import Window, festivals_since, workday

# ---- care given to an individual -------------------------------------------------------------

LI = Contact(7, "李先生", birthday_month=11, birthday_day=26)  # the buyer himself, birthday in 3 days


def test_a_greeting_on_an_individual_with_nobody_named_settles_their_birthday() -> None:
    person = account(kind="person", name="李先生", contacts=(LI,))
    assert codes(only(person)) == ["birthday"]
    assert week(person._replace(care_visits=(CareVisit(day(-1), ()),))) == []


def test_on_an_organisation_care_with_nobody_named_settles_no_birthday() -> None:
    org = account(contacts=(LI._replace(name="王总"),), care_visits=(CareVisit(day(-1), ()),))
    assert codes(only(org)) == ["birthday"]


def test_on_an_individual_with_several_people_it_is_the_customer_themself_who_was_cared_for() -> None:
    wife = Contact(8, "李太太", birthday_month=11, birthday_day=27)
    person = account(kind="person", name="李先生", contacts=(LI, wife), care_visits=(CareVisit(day(-1), ()),))
    assert [r.params["contact"] for r in only(person).reasons] == ["李太太"]


# ---- a booked visit is the action, in remind as in week ------------------------------------------

def test_a_visit_booked_this_week_is_what_the_overdue_call_waits_for() -> None:
    booked = account(last_contact=day(-40), planned_visits=(PlannedVisit(5, day(3), "演示"),))
    item = only(booked)
    assert [(r.code, r.due) for r in item.reasons] == [("planned_visit", day(3)), ("cadence", day(3))]
    assert (item.overdue_days, item.action) == (0, "visit")
    assert build_week([booked], TODAY, 2, RULES, only_due=True) == []  # no nightly overdue call
    assert build_week([booked], day(2), 2, RULES, only_due=True)[0].action == "visit"


def test_a_visit_booked_far_ahead_does_not_silence_the_call() -> None:
    later = account(last_contact=day(-40), planned_visits=(PlannedVisit(5, day(20), "演示"),))
    assert reason(only(later), "cadence").due == day(-10)


def test_remind_and_week_give_the_same_action_for_the_same_row() -> None:
    owed = (Instalment(3, day(-2), 10 * WAN, "会务用茶"),)
    booked = account(instalments=owed, planned_visits=(PlannedVisit(5, day(4), "收款"),))
    week_row = only(booked)
    remind_row = build_week([booked], TODAY, 2, RULES, only_due=True)[0]
    assert codes(remind_row) == ["payment_overdue"]
    assert week_row.action == remind_row.action == "visit"
    assert suggested_action(remind_row.reasons, TODAY) == "collect"  # without the booking: collect


# ---- festivals after qualifying ----------------------------------------------------------------

SPRING = dt.date(2027, 2, 6)  # the gift is due 01-30


def test_a_customer_who_becomes_a_after_the_send_ahead_day_is_due_from_that_day() -> None:
    today = dt.date(2027, 2, 2)
    became_a = account(manual_grade="A", last_contact=today, grade_facts_changed=today)
    item = build_week([became_a], today, 7, RULES)[0]
    fest = reason(item, "festival")
    assert (fest.due, item.overdue_days) == (today, 0)  # not "overdue 3 days"
    graded_long_ago = became_a._replace(grade_facts_changed=dt.date(2026, 6, 1))
    assert reason(build_week([graded_long_ago], today, 7, RULES)[0], "festival").due == dt.date(2027, 1, 30)


def test_joining_the_key_tier_counts_as_qualifying_for_the_festival() -> None:
    today = dt.date(2027, 2, 2)
    joined = account(last_contact=today)
    assert festivals_since(joined, None, True, (dt.date(2027, 2, 1), True), RULES) == dt.date(2027, 2, 1)
    assert festivals_since(joined, None, True, None, RULES) is None  # key for longer: due as ever
    row = week_item(joined, Window.of(today, today + dt.timedelta(days=6), RULES), True,
                    key_change=(dt.date(2027, 2, 1), True))
    assert reason(row, "festival").due == dt.date(2027, 2, 1)


# ---- key-tier news -------------------------------------------------------------------------------

def test_key_tier_news_never_sets_the_action_nor_keeps_a_row_of_a_customer_met() -> None:
    window = Window.of(TODAY, day(6), RULES)
    birthday = account(contacts=(LI._replace(name="王总"),))
    row = week_item(birthday, window, True, key_change=(TODAY, True))
    assert codes(row) == ["key_tier_changed", "birthday"] and row.action == "greet"
    met = week_item(account(last_contact=TODAY), window, True, key_change=(TODAY, True))
    assert met is None


# ---- weekends ------------------------------------------------------------------------------------

def test_a_call_due_on_a_weekend_is_due_the_friday_before() -> None:
    saturday, sunday, friday = day(5), day(6), day(4)
    assert (saturday.weekday(), sunday.weekday(), friday.weekday()) == (5, 6, 4)
    assert reason(only(account(last_contact=saturday - dt.timedelta(days=30))), "cadence").due == friday
    assert reason(only(account(last_contact=sunday - dt.timedelta(days=30))), "cadence").due == friday
    off = dataclasses.replace(RULES, weekend_to_friday=False)
    assert reason(only(account(last_contact=day(-25)), rules=off), "cadence").due == saturday
    assert workday(friday, RULES) == friday


def test_birthdays_keep_their_weekend_day() -> None:
    saturday_birthday = Contact(7, "王总", birthday_month=11, birthday_day=28)
    assert reason(only(account(contacts=(saturday_birthday,))), "birthday").due == day(5)


def test_a_weekend_never_moves_a_call_onto_or_before_the_contact_it_counts_from() -> None:
    one_day = dataclasses.replace(RULES, ungraded_revisit_days=1)
    friday = day(4)  # met Friday, every day: Saturday's call stays Saturday, not "due today, met today"
    items = build_week([account(last_contact=friday)], friday, 2, one_day)
    assert reason(items[0], "cadence").due == day(5)


# ---- a row for a later day, and the window ---------------------------------------------------------

def test_a_row_due_later_says_its_reason_as_of_that_day() -> None:
    item = only(account(last_contact=day(-27)))  # ungraded: due 11-26, three days ahead
    assert item.due == day(3)
    assert reason(item, "cadence").params["days"] == 30  # not "last contact 27 days ago"


def test_a_row_is_due_inside_the_window_it_is_shown_for() -> None:
    may_20 = dt.date(2027, 5, 20)  # 端午 2027 is 06-09: its gift is due 06-02
    key = account(last_contact=may_20)
    assert build_week([key], may_20, 7, RULES, {1}) == []
    assert reason(build_week([key], may_20, 14, RULES, {1})[0], "festival").due == dt.date(2027, 6, 2)


# ---- imported leads ------------------------------------------------------------------------------

def test_first_calls_are_spread_over_the_working_days_ahead() -> None:
    from kacli.domain.week_reasons import first_call_days

    thursday = dt.date(2027, 5, 6)
    days = first_call_days(12, thursday, 10, RULES)  # 05-06 … 05-15: eight working days
    assert days == sorted(days) and days[0] == thursday and max(days) == dt.date(2027, 5, 14)
    assert all(d.weekday() < 5 for d in days)
    assert max(days.count(d) for d in set(days)) == 2  # twelve over eight days: at most two a day
    saturday = dt.date(2027, 5, 8)
    assert first_call_days(2, saturday, 1, RULES) == [saturday, saturday]  # no working day: today


def test_a_lead_with_a_scheduled_first_call_is_due_that_day_and_says_only_never_contacted() -> None:
    from kacli.domain.week_input import NextAction

    first_call = NextAction(9, "first call", day(3), kind="first_call")
    lead = account(last_contact=None, created=TODAY, next_actions=(first_call,))
    item = only(lead)
    assert (codes(item), item.due) == (["never_contacted"], day(3))
    assert week(lead, days=3) == []


def test_leads_due_today_sort_after_money_deals_and_key_accounts_due_today() -> None:
    from kacli.domain.week_input import Deal

    leads = [account(id=10 + n, last_contact=None, created=TODAY, manual_grade=grade)
             for n, grade in enumerate((None, "A", "O"))]
    owed = account(id=2, instalments=(Instalment(3, TODAY, 1 * WAN, "维保"),))
    closing = account(id=3, deals=(Deal(4, "软件", "negotiate", day(-5), expected_close=TODAY,
                                        roles=()),))
    key = account(id=4, manual_grade="C", last_contact=day(-30))
    items = build_week([*leads, owed, closing, key], TODAY, 7, RULES, {4})
    order = [i.customer_id for i in items]
    assert set(order[:3]) == {2, 3, 4} and set(order[3:]) == {10, 11, 12}
    lead = next(i for i in items if i.customer_id == 10)
    weights = {name: weight for name, _, weight in lead.term_inputs}
    assert weights["reason.never_contacted"] == RULES.weight_reason["never_contacted"]  # the score says why


def test_the_weekend_and_minimum_book_settings_are_checked_like_the_others() -> None:
    import pytest

    from kacli.domain.rules import parse
    from kacli.errors import BadInput

    rules = parse("[calendar]\nweekend = false\n[key_tier]\nmin_customers = 1\n", "rules.toml")
    assert (rules.weekend_to_friday, rules.key_min_customers) == (False, 1)
    for text, line, setting in (("[calendar]\n\nweekend = 1\n", 3, "calendar.weekend"),
                                ("[key_tier]\nmin_customers = 0\n", 2, "key_tier.min_customers")):
        with pytest.raises(BadInput) as bad:
            parse(text, "rules.toml")
        assert (bad.value.params["line"], bad.value.params["setting"]) == (line, setting)


def test_a_row_due_later_takes_its_action_from_its_first_day_in_remind_and_week_alike() -> None:
    today = dt.date(2027, 1, 25)  # Spring Festival 02-06: the key account's gift is due 01-30
    key = account(manual_grade="A", last_contact=dt.date(2027, 1, 19))  # A: the call is due 01-26
    week_row = build_week([key], today, 7, RULES, {1})[0]
    remind_row = build_week([key], today, 2, RULES, {1}, only_due=True)[0]
    assert codes(week_row) == ["cadence", "festival"] and codes(remind_row) == ["cadence"]
    assert week_row.action == remind_row.action == "call"


# ---- every reason on a row is said as of the row's day -------------------------------------------

def test_every_reason_on_a_row_is_said_as_of_the_rows_day() -> None:
    from kacli.domain.week_reasons import Reason, said_as_of

    cadence = Reason("cadence", day(4), {"last_contact": day(-3), "days": 7, "interval": 7})
    festival = Reason("festival", day(9), {"date": day(16), "days_left": 7})
    payment = Reason("payment_due", day(2), {"amount_fen": 100})
    for row_day in (TODAY, day(2), day(4)):
        said = said_as_of([cadence, festival, payment], row_day)
        assert said[0].params["days"] == (row_day - day(-3)).days
        assert said[1].params["days_left"] == (day(16) - row_day).days
        assert said[2] == payment  # nothing counted in days: as it was
        assert [r.due for r in said] == [day(4), day(9), day(2)]  # due days never move
