"""The week list as a salesperson reads it day to day: care given counts, the buying centre is the
customer's people, whom to call for money, grades that follow what happened, nothing silently
dropped, and the order a day is worked through."""

from __future__ import annotations

import datetime as dt

import pytest
from test_domain_week import RULES, TODAY, WAN, account, codes, day, only, reason, week

from kacli.domain.sales import stage_entered
from kacli.domain.week import build_week, order_key
from kacli.domain.week_input import (
    CareVisit,
    Contact,
    Deal,
    Instalment,
    NextAction,
    PlannedVisit,
    RoleCover,
)
from kacli.domain.week_reasons import buying_centre, payer, uncovered_roles

WANG = Contact(7, "王总", birthday_month=11, birthday_day=26)  # birthday in 3 days


# ---- care given is care done ---------------------------------------------------------------

def test_a_greeting_or_gift_before_a_birthday_settles_it() -> None:
    assert codes(only(account(contacts=(WANG,)))) == ["birthday"]
    for kind_day in (day(-RULES.birthday_care_days + 3), day(-1), TODAY):
        assert week(account(contacts=(WANG,), care_visits=(CareVisit(kind_day, (7,)),))) == []


def test_care_for_someone_else_or_long_before_does_not_settle_a_birthday() -> None:
    other = account(contacts=(WANG,), care_visits=(CareVisit(day(-1), (8,)),))
    assert codes(only(other)) == ["birthday"]
    too_early = account(contacts=(WANG,), care_visits=(CareVisit(day(-RULES.birthday_care_days + 2), (7,)),))
    assert codes(only(too_early)) == ["birthday"]


def festival_item(today: dt.date, **facts):
    items = build_week([account(last_contact=today, **facts)], today, 7, RULES, {1})
    return items[0] if items else None


def test_a_festival_is_due_days_before_it_and_settled_by_care_with_anyone_inside_its_lead() -> None:
    today = dt.date(2027, 1, 25)  # Spring Festival 2027-02-06
    item = festival_item(today)
    fest = reason(item, "festival")
    assert fest.due == dt.date(2027, 2, 6) - dt.timedelta(days=RULES.festival_send_days_before)
    assert fest.params["date"] == dt.date(2027, 2, 6)
    greeted = (CareVisit(dt.date(2027, 1, 24), ()),)  # with nobody named: still the customer
    assert festival_item(today, care_visits=greeted) is None
    long_before = (CareVisit(dt.date(2027, 1, 6), (3,)),)  # before the lead days
    assert codes(festival_item(today, care_visits=long_before)) == ["festival"]


def test_on_new_years_eve_the_festival_gift_is_already_late() -> None:
    item = festival_item(dt.date(2027, 2, 5))
    assert item.overdue_days == RULES.festival_send_days_before - 1
    assert item.action == "gift"


# ---- quiet customers -------------------------------------------------------------------------

@pytest.mark.parametrize("status", ["dormant", "lost"])
def test_dormant_and_lost_customers_get_no_courtesy_rows(status: str) -> None:
    quiet = account(status=status, last_contact=None, contacts=(WANG,))
    assert build_week([quiet], TODAY, 30, RULES, {1}) == []
    owing = quiet._replace(
        instalments=(Instalment(3, day(-2), 5 * WAN, "旧货款", 9),),
        next_actions=(NextAction(1, "对账", day(1)),),
        planned_visits=(PlannedVisit(2, day(2), "拜访"),))
    assert sorted(codes(only(owing))) == ["next_action", "payment_overdue", "planned_visit"]


# ---- the buying centre -----------------------------------------------------------------------

MET = day(-5)


def test_roles_on_contacts_count_for_the_customers_deals() -> None:
    boss = Contact(1, "王总", roles=("decision_maker",), attitude="supporter", last_met=MET)
    user = Contact(2, "李工", roles=("user",), last_met=MET)
    deal = Deal(3, "会务用茶", "negotiate", day(-3))
    assert uncovered_roles(buying_centre(deal, (boss,))) == ()
    assert week(account(contacts=(boss, user), deals=(deal,))) == []


def test_a_decision_maker_never_met_is_not_yet_reached() -> None:
    boss = Contact(1, "张董", roles=("decision_maker",), attitude="supporter")
    deal = Deal(3, "会务用茶", "negotiate", day(-3))
    item = only(account(contacts=(boss,), deals=(deal,)))
    # on file, so not missing; never met, so neither their role nor their support counts yet
    assert reason(item, "roles_uncovered").params["missing"] == ("no_supporter_or_coach",)
    assert reason(item, "decision_maker_not_met").contact_id == 1
    assert item.contact == "张董" and item.action == "visit"


def test_the_deals_own_role_for_a_contact_wins_over_the_contacts() -> None:
    boss = Contact(1, "王总", roles=("decision_maker",), attitude="supporter", last_met=MET)
    deal = Deal(3, "会务用茶", "negotiate", day(-3), roles=(RoleCover(1, "user"),))
    covers = buying_centre(deal, (boss,))
    assert covers == [RoleCover(1, "user", "supporter")]  # the contact's attitude fills in
    assert uncovered_roles(covers) == ("no_decision_maker",)


def test_an_individual_is_their_own_buying_centre() -> None:
    deal = Deal(3, "家用车", "contract", day(-3))
    assert week(account(kind="person", deals=(deal,))) == []


# ---- whom to call --------------------------------------------------------------------------

ENGINEER = Contact(1, "李工", phone="138-1", is_primary=True, roles=("user",))
BUYER = Contact(2, "刘主任", phone="138-2", roles=("buyer",))
BOSS = Contact(3, "王总", phone="138-3", roles=("decision_maker",))


def owed(roles=()):
    return (Instalment(5, day(1), 60 * WAN, "会务用茶", 11, roles),)


def test_money_is_asked_of_the_deals_buyer_then_a_buyer_then_the_decision_maker() -> None:
    assert payer((RoleCover(3, "buyer"),), (ENGINEER, BUYER, BOSS)) == 3
    assert payer((), (ENGINEER, BUYER, BOSS)) == 2
    assert payer((), (ENGINEER, BOSS)) == 3
    assert payer((), (ENGINEER,)) is None
    item = only(account(contacts=(ENGINEER, BUYER, BOSS), instalments=owed()))
    assert (item.contact, item.phone) == ("刘主任", "138-2")


def test_an_individual_with_no_contacts_is_called_on_their_own_phone() -> None:
    item = only(account(kind="person", name="张先生", phone="186-1", last_contact=day(-40)))
    assert (item.contact, item.contact_id, item.phone) == ("张先生", None, "186-1")


def test_a_contact_without_a_phone_gives_the_customers() -> None:
    item = only(account(phone="010-1", contacts=(Contact(1, "王总", is_primary=True),), last_contact=day(-40)))
    assert (item.contact, item.phone) == ("王总", "010-1")


# ---- grades follow what happened -------------------------------------------------------------

def test_an_individual_who_bought_gets_after_purchase_care_until_a_new_intention() -> None:
    stated, won = day(-20), ((day(-10), 2 * WAN),)
    buyer = account(kind="person", buy_within="1w", intention_stated=stated, order_history=won,
                    last_contact=day(-10))
    assert week(buyer) == []  # not chased every three days as "buys within a week"
    later = build_week([buyer], day(20), 7, RULES)
    assert later[0].grade is None
    assert reason(later[0], "cadence").params["interval"] == RULES.person_after_purchase_days
    assert reason(later[0], "cadence").params["after_purchase"] is True
    again = buyer._replace(intention_stated=day(-5))  # a new intention after the purchase
    assert only(again).grade == "O"


def test_a_passed_expected_purchase_counts_as_o_only_for_a_while() -> None:
    soon = account(kind="person", expected_purchase=day(-3), last_contact=day(-4))
    assert only(soon).grade == "O"
    stale = soon._replace(expected_purchase=day(-RULES.person_expected_passed_days - 1))
    assert week(stale) == []  # ungraded: every 30 days, last met 4 days ago


# ---- nothing silently disappears -------------------------------------------------------------

def test_a_planned_visit_not_recorded_stays_due_on_its_day() -> None:
    item = only(account(planned_visits=(PlannedVisit(4, day(-9), "送样品"),)))
    assert (item.due, item.overdue_days, item.action) == (day(-9), 9, "visit")
    assert reason(item, "planned_visit").params["missed"] is True


def test_a_deal_that_will_stall_in_the_window_shows_on_the_day_it_stalls() -> None:
    limit = RULES.stalled_days["validate"]
    item = only(account(deals=(Deal(3, "会务用茶", "validate", day(-limit + 2)),)))
    assert (codes(item), item.due) == (["deal_stalled"], day(3))
    assert reason(item, "deal_stalled").params["stalls"] == day(3)


def test_the_stage_was_entered_on_the_last_move_into_it() -> None:
    moves = ((day(-50), "validate"), (day(-30), "negotiate"), (day(-10), "validate"))
    assert stage_entered("validate", moves, day(-90)) == day(-10)
    assert stage_entered("contract", moves, day(-90)) == day(-90)


# ---- order -----------------------------------------------------------------------------------

def test_overdue_then_today_then_each_later_day_by_score_within() -> None:
    late_small = account(id=1, last_contact=day(-31))  # ungraded, overdue 1 day
    late_big = account(id=2, last_contact=day(-40), manual_grade="A")  # overdue, heavier
    today = account(id=3, last_contact=day(-30))
    tomorrow_heavy = account(id=4, last_contact=day(-6), manual_grade="A", deals=(
        Deal(3, "大单", "validate", day(-1), 500 * WAN, day(1), chance=100),))
    later = account(id=5, last_contact=day(-27))
    items = week(later, tomorrow_heavy, today, late_small, late_big)
    assert [i.customer_id for i in items] == [2, 1, 3, 4, 5]
    assert items == sorted(items, key=lambda i: order_key(i, TODAY))
    assert tomorrow_heavy and items[3].score > items[0].score  # the order is by day, not score


def test_only_due_keeps_just_the_reasons_due_in_the_window() -> None:
    key = account(last_contact=dt.date(2027, 1, 23))
    rows = build_week([key], dt.date(2027, 1, 24), 2, RULES, {1}, only_due=True)
    assert rows == []  # the festival gift is due 01-30: not tonight's mail
    assert build_week([key], dt.date(2027, 1, 24), 2, RULES, {1}) == []  # nor a two-day window's
    assert build_week([key], dt.date(2027, 1, 24), 7, RULES, {1})  # the week holding 01-30 shows it


# ---- key accounts and reasons far away -------------------------------------------------------

def test_a_key_account_is_visited_at_least_every_key_revisit_days_whatever_its_grade() -> None:
    silent = account(purchase_cycle="long", batch="small", last_contact=day(-73))  # D: every 90 days
    assert week(silent) == []
    item = only(silent, keys={1})
    assert reason(item, "cadence").params["interval"] == RULES.key_revisit_days == 30
    assert item.due == day(-73 + 30 - 2)  # Sunday 10-11: due the Friday before


def test_a_next_due_date_far_ahead_is_only_what_is_due_that_day() -> None:
    from kacli.domain.week import horizon, week_item
    from kacli.domain.week_reasons import Window

    today = dt.date(2026, 2, 20)  # the next Spring Festival is 350 days away
    acc = account(last_contact=today - dt.timedelta(days=2))  # ungraded: due in 28 days
    ahead = Window.of(today, horizon(today, today + dt.timedelta(days=6), RULES), RULES)
    item = week_item(acc, ahead, True, first_day=True)
    assert codes(item) == ["cadence"] and item.action == "call"
    assert "reason.festival" not in [name for name, *_ in item.term_inputs]


# ---- deals on the list -----------------------------------------------------------------------

def test_an_agreed_delivery_date_in_the_window_is_a_reason() -> None:
    from kacli.domain.week_input import Delivery

    item = only(account(deliveries=(Delivery(3, "会务用茶", day(2)),)))
    assert (codes(item), item.due, item.action) == (["delivery"], day(2), "visit")
    assert week(account(deliveries=(Delivery(3, "会务用茶", day(9)),))) == []


def test_an_opposing_decision_maker_at_negotiate_or_later_is_a_reason_of_its_own() -> None:
    boss = Contact(1, "王总", roles=("decision_maker",), attitude="opponent", last_met=MET)
    coach = Contact(2, "小陈", roles=("coach",), last_met=MET)
    item = only(account(contacts=(boss, coach), deals=(Deal(3, "会务用茶", "negotiate", day(-3)),)))
    opposed = reason(item, "decision_maker_opposed")
    assert (opposed.due, opposed.contact_id, opposed.params["role"]) == (TODAY, 1, "decision_maker")
    assert "roles_uncovered" not in codes(item)  # covered, but against us
    early = account(contacts=(boss, coach), deals=(Deal(3, "会务用茶", "validate", day(-3)),))
    assert week(early) == []


def test_a_grade_change_makes_the_visit_due_no_earlier_than_the_change() -> None:
    became_a = account(purchase_cycle="short", batch="large", last_contact=day(-20), grade_facts_changed=TODAY)
    item = only(became_a)
    assert (item.due, item.overdue_days) == (TODAY, 0)  # not "overdue 13 days"
    won_yesterday = account(last_contact=day(-40), order_history=((day(-1), WAN),))
    assert only(won_yesterday).due == day(-1)
    long_ago = account(purchase_cycle="short", batch="large", last_contact=day(-20),
                       grade_facts_changed=day(-30))  # changed before the last contact: no effect
    assert only(long_ago).due == day(-13)


def test_a_stalled_deal_is_due_once_and_an_update_settles_it_until_the_next_threshold() -> None:
    limit = RULES.stalled_days["negotiate"]
    covered = (RoleCover(1, "decision_maker", "supporter"),)
    stalled = Deal(3, "会务用茶", "negotiate", day(-limit - 40), roles=covered)
    item = only(account(deals=(stalled,)))
    assert item.due == day(-39)  # due once, on the day it stalled
    overdue = dict((n, v) for n, v, _ in item.term_inputs)["overdue_days"]
    assert overdue == RULES.stalled_overdue_cap_days  # weighs less than a call owed that long
    assert week(account(deals=(stalled._replace(touched=day(-10)),))) == []  # updated since
    again = only(account(deals=(stalled._replace(touched=day(-limit - 2)),)))
    assert again.due == day(-1)  # the threshold has passed again since the update


def test_joining_or_leaving_the_key_tier_is_found_with_its_day() -> None:
    from kacli.domain.key_tier_moves import key_tier_changes

    orders = [(1, day(-100), 100 * WAN), (2, day(-3), 500 * WAN)]  # 2 overtakes 1 three days ago
    changes = key_tier_changes(orders, TODAY, 7, 12, 0.8)
    assert changes == {2: (day(-3), True), 1: (day(-3), False)}
    assert key_tier_changes(orders, day(10), 7, 12, 0.8) == {}  # said for a week only
    item = build_week([account()], TODAY, 7, RULES, {1})
    assert item == []
    from kacli.domain.week import week_item
    from kacli.domain.week_reasons import Window

    window = Window.of(TODAY, day(6), RULES)
    # News, not a task: told on the day it happens, never overdue, not once the customer was met.
    assert week_item(account(), window, False, key_change=(day(-3), False)) is None
    row = week_item(account(), window, False, key_change=(TODAY, False))
    assert (codes(row), row.due, row.overdue_days, row.action) == (["key_tier_changed"], TODAY, 0, "note")
    assert week_item(account(last_contact=TODAY), window, False, key_change=(TODAY, True)) is None
