"""The week list: what puts a customer on it, whom to call, what to do, and in what order."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from kacli.domain.calendar import Festival
from kacli.domain.grading import key_tier
from kacli.domain.rules import defaults
from kacli.domain.week import (
    Item,
    build_week,
    choose_contact,
    explain,
    suggested_action,
    week_item,
)
from kacli.domain.week_input import (
    Account,
    Contact,
    Deal,
    Instalment,
    NextAction,
    PlannedVisit,
    RoleCover,
)
from kacli.domain.week_reasons import Reason, Window, uncovered_roles

TODAY = dt.date(2026, 11, 23)  # a Monday
RULES = defaults()
WAN = 1_000_000


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def account(**facts: Any) -> Account:
    """A customer added long ago and met yesterday: nothing due unless a test adds it."""
    base: dict[str, Any] = {"id": 1, "name": "华信地产", "kind": "org", "created": day(-400),
                            "last_contact": day(-1)}
    base.update(facts)
    return Account(**base)


def week(*accounts: Account, days: int = 7, rules=RULES, keys=()) -> list[Item]:
    return build_week(accounts, TODAY, days, rules, keys)


def only(acc: Account, **kw: Any) -> Item:
    items = week(acc, **kw)
    assert len(items) == 1, items
    return items[0]


def codes(item: Item) -> list[str]:
    return [r.code for r in item.reasons]


def reason(item: Item, code: str) -> Reason:
    return next(r for r in item.reasons if r.code == code)


# --- never contacted and cadence -----------------------------------------------------------

def test_nothing_due_means_not_on_the_list() -> None:
    assert week(account()) == []


def test_never_contacted_is_due_the_day_the_customer_was_added() -> None:
    item = only(account(last_contact=None, created=day(-5)))
    assert codes(item) == ["never_contacted"]
    assert (item.due, item.overdue_days) == (day(-5), 5)
    assert reason(item, "never_contacted").params == {"added": day(-5)}


def test_a_customer_added_today_and_never_met_is_due_today() -> None:
    item = only(account(last_contact=None, created=TODAY))
    assert (item.due, item.overdue_days) == (TODAY, 0)


def test_cadence_counts_from_the_last_contact() -> None:
    # Org A (short + large): every 7 days. Met 13 days ago: due 6 days ago.
    item = only(account(purchase_cycle="short", batch="large", last_contact=day(-13)))
    assert codes(item) == ["cadence"]
    assert item.grade == "A"
    assert (item.due, item.overdue_days) == (day(-6), 6)
    assert reason(item, "cadence").params == {
        "last_contact": day(-13), "days": 13, "interval": 7, "grade": "A", "after_purchase": False}


def test_a_later_contact_moves_the_cadence() -> None:
    met_earlier = only(account(last_contact=day(-40)))  # ungraded: 30 days
    assert met_earlier.due == day(-10)
    met_later = only(account(last_contact=day(-25)))
    assert met_later.due == day(4)  # 30 days on is Saturday 11-28: the call is due Friday
    assert met_later.overdue_days == 0


def test_cadence_due_on_the_last_day_of_the_window_is_in_and_the_day_after_is_out() -> None:
    assert codes(only(account(last_contact=day(6 - 30)))) == ["cadence"]
    assert week(account(last_contact=day(7 - 30))) == []
    assert codes(only(account(last_contact=day(7 - 30)), days=8)) == ["cadence"]


def test_a_customer_contacted_today_is_not_due_today() -> None:
    # An O individual is seen twice a week: met today, next due in three days, not before.
    item = only(account(kind="person", buy_within="1w", last_contact=TODAY))
    assert (item.due, item.overdue_days) == (day(3), 0)
    assert week(account(kind="person", buy_within="1w", last_contact=TODAY), days=3) == []
    assert week(account(kind="org", last_contact=TODAY), days=7) == []


def test_a_manual_grade_sets_the_cadence() -> None:
    # By the rules a C individual (every 60 days); graded O by hand: every 3 days.
    acc = account(kind="person", buy_within="6m", last_contact=day(-10))
    assert week(acc) == []
    item = only(acc._replace(manual_grade="O"))
    assert item.grade == "O"
    assert reason(item, "cadence").params["interval"] == 3


# --- the diary: next actions, after-sale calls, planned visits -----------------------------

def test_next_actions_due_in_the_window_or_before_it() -> None:
    acc = account(next_actions=(
        NextAction(1, "寄样品", day(-2)), NextAction(2, "报价", day(6)),
        NextAction(3, "回访", day(7)),
    ))
    item = only(acc)
    assert [r.params["action_id"] for r in item.reasons] == [1, 2]
    assert reason(item, "next_action").params == {"action_id": 1, "text": "寄样品"}
    assert item.action == "follow_up"


def test_an_after_sale_action_is_its_own_reason() -> None:
    item = only(account(next_actions=(NextAction(4, "交付回访", day(1), kind="after_sale"),)))
    assert codes(item) == ["after_sale"]
    assert item.action == "follow_up"


def test_planned_visits_only_inside_the_window() -> None:
    acc = account(planned_visits=(
        PlannedVisit(1, day(-1), "演示"), PlannedVisit(2, day(2), "签约", (8, 9)),
        PlannedVisit(3, day(7), "培训"),
    ))
    item = only(acc)
    assert codes(item) == ["planned_visit", "planned_visit"]
    missed, coming = item.reasons
    assert missed.params == {"visit_id": 1, "purpose": "演示", "date": day(-1), "missed": True}
    assert missed.due == day(-1) and item.overdue_days == 1
    assert coming.params == {"visit_id": 2, "purpose": "签约", "date": day(2), "missed": False}
    assert coming.contact_id == 8
    assert item.action == "visit"


# --- birthdays and festivals ---------------------------------------------------------------

def test_a_solar_birthday_in_the_window() -> None:
    wang = Contact(7, "王总", "13800000000", birthday_month=11, birthday_day=26)
    item = only(account(contacts=(wang,)))
    assert codes(item) == ["birthday"]
    assert item.due == day(3)
    assert (item.contact, item.contact_id, item.phone) == ("王总", 7, "13800000000")
    assert item.action == "greet"
    assert reason(item, "birthday").params == {
        "contact": "王总", "date": day(3), "lunar": False, "month": 11, "day": 26, "leap": False}


def test_a_lunar_birthday_lands_on_its_solar_day() -> None:
    li = Contact(8, "李姐", birthday_month=8, birthday_day=15, birthday_lunar=True)
    items = build_week([account(contacts=(li,))], dt.date(2026, 9, 20), 7, RULES, ())
    assert [r.due for r in items[0].reasons if r.code == "birthday"] == [dt.date(2026, 9, 25)]


def test_a_lunar_twelfth_month_birthday_in_a_window_over_new_year() -> None:
    zhao = Contact(9, "赵工", birthday_month=12, birthday_day=1, birthday_lunar=True)
    items = build_week([account(contacts=(zhao,))], dt.date(2026, 1, 15), 7, RULES, ())
    assert items[0].due == dt.date(2026, 1, 19)


def test_a_birthday_outside_the_window_or_impossible_is_ignored() -> None:
    later = Contact(7, "王总", birthday_month=12, birthday_day=1)
    impossible = Contact(8, "钱总", birthday_month=2, birthday_day=31)
    assert week(account(contacts=(later, impossible))) == []


def festival_week(today: dt.date, days: int = 7, keys=(), rules=RULES, **facts: Any):
    return build_week([account(**facts)], today, days, rules, keys)


def test_a_festival_appears_its_lead_days_ahead_for_a_key_account() -> None:
    # Mid-Autumn 2026 is 09-25; the gift is due 09-18, so the row is in the week holding that day.
    assert festival_week(dt.date(2026, 9, 5), keys={1}) == []
    items = festival_week(dt.date(2026, 9, 5), days=14, keys={1})
    fest = reason(items[0], "festival")
    assert fest.due == dt.date(2026, 9, 18)  # the gift is sent a week ahead
    assert fest.params["date"] == dt.date(2026, 9, 25)
    assert fest.params == {"festival": "mid_autumn", "name_key": "festival.mid_autumn",
                           "name": "", "date": dt.date(2026, 9, 25), "days_left": 7}  # as of 09-18
    assert items[0].action == "gift"
    assert items[0].overdue_days == 0
    assert festival_week(dt.date(2026, 9, 4), keys={1}) == []
    assert festival_week(dt.date(2026, 9, 26), keys={1}) == []


def test_festivals_apply_to_grades_o_and_a_but_not_b() -> None:
    today = dt.date(2026, 9, 20)
    assert festival_week(today, purchase_cycle="short", batch="large")  # A
    assert festival_week(today, kind="person", buy_within="1w")  # O
    assert festival_week(today, purchase_cycle="short", batch="small") == []  # B
    assert festival_week(today) == []  # ungraded
    assert festival_week(today, purchase_cycle="short", batch="small", keys={1})  # key B


def test_festival_settings_change_who_gets_them_and_when() -> None:
    today = dt.date(2026, 9, 20)
    no_key = dataclasses.replace(RULES, festival_for_key_tier=False)
    assert festival_week(today, keys={1}, rules=no_key) == []
    b_too = dataclasses.replace(RULES, festival_grades=("B",))
    assert festival_week(today, rules=b_too, purchase_cycle="short", batch="small")
    no_lead = dataclasses.replace(RULES, festival_lead_days=0)
    assert festival_week(today, days=5, keys={1}, rules=no_lead) == []  # through 09-24
    assert festival_week(today, days=6, keys={1}, rules=no_lead)  # through 09-25


def test_the_users_own_festival() -> None:
    rules = dataclasses.replace(RULES, festivals=(Festival("custom", 12, 1, name="店庆"),))
    item = festival_week(TODAY, keys={1}, rules=rules)[0]
    assert reason(item, "festival").params["name"] == "店庆"
    assert reason(item, "festival").params["name_key"] is None


# --- deals and money -----------------------------------------------------------------------

def deal(**facts: Any) -> Deal:
    base: dict[str, Any] = {"id": 3, "title": "新楼宇安防", "stage": "validate",
                            "stage_entered": day(-5), "amount_fen": 300 * WAN}
    base.update(facts)
    return Deal(**base)


def test_deal_closing_in_the_window_or_passed() -> None:
    item = only(account(deals=(deal(expected_close=day(-3)), deal(id=4, expected_close=day(4)),
                               deal(id=5, expected_close=day(7)))))
    assert [(r.code, r.params["deal_id"]) for r in item.reasons] == [
        ("deal_closing", 3), ("deal_closing", 4)]
    assert reason(item, "deal_closing").params["amount_fen"] == 300 * WAN
    assert item.action == "visit"


@pytest.mark.parametrize(("stage", "limit"), [
    ("discover", 30), ("validate", 30), ("negotiate", 21), ("contract", 14), ("deliver", 30)])
def test_a_deal_stalls_after_its_stages_days(stage: str, limit: int) -> None:
    covered = (RoleCover(1, "decision_maker", "supporter"),)
    on_time = account(deals=(deal(stage=stage, stage_entered=day(-limit + 6), roles=covered),))
    assert week(on_time) == []
    stalls_this_week = only(account(deals=(deal(stage=stage, stage_entered=day(-limit + 5),
                                                roles=covered),)))
    assert (codes(stalls_this_week), stalls_this_week.due) == (["deal_stalled"], day(6))
    stalled = only(account(deals=(deal(stage=stage, stage_entered=day(-limit - 3),
                                       roles=covered),)))
    assert codes(stalled) == ["deal_stalled"]
    assert (stalled.due, stalled.overdue_days) == (day(-2), 2)
    assert reason(stalled, "deal_stalled").params["days_in_stage"] == limit + 3


@pytest.mark.parametrize(("roles", "missing"), [
    ((), ("no_decision_maker", "no_supporter_or_coach")),
    ((RoleCover(1, "decision_maker", "neutral"),), ("no_supporter_or_coach",)),
    ((RoleCover(1, "buyer", "supporter"),), ("no_decision_maker",)),
    ((RoleCover(1, "buyer", "opponent"), RoleCover(2, "coach", "neutral")),
     ("no_decision_maker",)),
    ((RoleCover(1, "decision_maker", "opponent"), RoleCover(2, "coach")), ()),
    ((RoleCover(1, "decision_maker", "supporter"),), ()),
])
def test_uncovered_roles(roles: tuple[RoleCover, ...], missing: tuple[str, ...]) -> None:
    assert uncovered_roles(roles) == missing


def test_roles_uncovered_only_from_negotiate_on_and_due_today() -> None:
    assert week(account(deals=(deal(stage="validate"),))) == []
    for stage in ("negotiate", "contract", "deliver"):
        item = only(account(deals=(deal(stage=stage),)))
        assert codes(item) == ["roles_uncovered"]
        assert (item.due, item.overdue_days) == (TODAY, 0)
        assert reason(item, "roles_uncovered").params["missing"] == (
            "no_decision_maker", "no_supporter_or_coach")


def test_payments_due_and_overdue() -> None:
    acc = account(instalments=(
        Instalment(3, day(-10), 50 * WAN, "新楼宇安防", 1), Instalment(3, day(2), 80 * WAN, "", 2),
        Instalment(3, day(9), 80 * WAN), Instalment(3, day(-30), 0),
    ))
    item = only(acc)
    assert codes(item) == ["payment_overdue", "payment_due"]
    assert reason(item, "payment_overdue").params == {
        "deal_id": 3, "title": "新楼宇安防", "due": day(-10), "outstanding_fen": 50 * WAN,
        "instalment_id": 1}
    assert (item.due, item.overdue_days, item.action) == (day(-10), 10, "collect")
    assert codes(only(account(instalments=(Instalment(3, TODAY, 1),)))) == ["payment_due"]


# --- whom to call, what to do --------------------------------------------------------------

PRIMARY = Contact(1, "张秘书", "010-1", is_primary=True)
BOSS = Contact(2, "王总", "010-2", roles=("decision_maker",))
MET = Contact(3, "刘工", "010-3", last_met=day(-3))
OLD = Contact(4, "陈工", "010-4", last_met=day(-90))


@pytest.mark.parametrize(("contacts", "named", "chosen"), [
    ((PRIMARY, BOSS, MET), 3, 3),
    ((PRIMARY, BOSS, MET), 99, 1),
    ((PRIMARY, BOSS, MET), None, 1),
    ((BOSS, MET, OLD), None, 2),
    ((OLD, MET), None, 3),
    ((Contact(6, "甲"), Contact(5, "乙")), None, 5),
])
def test_whom_to_call(contacts: tuple[Contact, ...], named: int | None, chosen: int) -> None:
    reasons = [Reason("cadence", TODAY), Reason("next_action", TODAY, contact_id=named)]
    assert choose_contact(contacts, reasons).id == chosen


def test_nobody_to_call_without_contacts() -> None:
    item = only(account(last_contact=None))
    assert (item.contact, item.contact_id, item.phone) == (None, None, None)


def test_the_most_pressing_reason_names_the_contact() -> None:
    acc = account(contacts=(PRIMARY, BOSS, MET), next_actions=(
        NextAction(1, "later", day(3), contact_id=3), NextAction(2, "now", day(-1), contact_id=2)))
    assert only(acc).contact == "王总"


@pytest.mark.parametrize(("found", "action"), [
    (["cadence", "planned_visit", "payment_overdue"], "visit"),
    (["cadence", "payment_due", "festival"], "collect"),
    (["birthday", "festival"], "gift"),
    (["birthday", "next_action"], "greet"),
    (["after_sale", "cadence"], "follow_up"),
    (["never_contacted"], "call"),
    (["deal_stalled"], "call"),
    (["roles_uncovered", "cadence"], "visit"),
])
def test_suggested_action(found: list[str], action: str) -> None:
    assert suggested_action(Reason(code, TODAY) for code in found) == action


# --- the score ----------------------------------------------------------------------------

def test_the_score_is_the_sum_of_its_explained_terms() -> None:
    acc = account(purchase_cycle="short", batch="large", last_contact=day(-13),
                  deals=(deal(amount_fen=250 * WAN, expected_close=day(2), chance=100),))
    item = only(acc, keys={1})
    terms = {name: (value, weight, contribution) for name, value, weight, contribution
             in explain(item)}
    assert terms == {
        "grade": (1.0, 5.0, 5.0), "key_tier": (1.0, 8.0, 8.0),
        "overdue_days": (6.0, 0.5, 3.0), "money_wan": (250.0, 0.02, 5.0),
        "reason.cadence": (1.0, 4.0, 4.0), "reason.deal_closing": (1.0, 7.0, 7.0),
    }
    assert item.score == 32.0


def test_days_ahead_count_against_and_overdue_days_are_capped() -> None:
    ahead = only(account(next_actions=(NextAction(1, "x", day(4)),)))
    assert dict((n, v) for n, v, _, _ in explain(ahead))["overdue_days"] == -4.0
    long_ago = only(account(next_actions=(NextAction(1, "x", day(-400)),)))
    assert dict((n, v) for n, v, _, _ in explain(long_ago))["overdue_days"] == 30.0
    assert long_ago.overdue_days == 400


def test_money_at_stake_counts_open_deals_and_a_won_deals_unpaid_remainder_once() -> None:
    acc = account(
        deals=(deal(id=3, amount_fen=100 * WAN, expected_close=day(1), chance=100),),
        instalments=(Instalment(3, day(1), 40 * WAN), Instalment(8, day(-1), 60 * WAN)),
    )
    terms = {n: v for n, v, _, _ in explain(only(acc))}
    assert terms["money_wan"] == 160.0
    huge = account(deals=(deal(amount_fen=10**12, expected_close=day(1)),))
    assert {n: v for n, v, _, _ in explain(only(huge))}["money_wan"] == 500.0


def test_an_open_deal_weighs_its_value_times_its_chance() -> None:
    long_shot = account(deals=(deal(amount_fen=600 * WAN, expected_close=day(1), chance=10),))
    assert {n: v for n, v, _, _ in explain(only(long_shot))}["money_wan"] == 60.0
    by_stage = account(deals=(deal(amount_fen=100 * WAN, expected_close=day(1), stage="contract"),))
    assert {n: v for n, v, _, _ in explain(only(by_stage))}["money_wan"] == 80.0  # contract: 80 %


def test_each_kind_of_reason_counts_once() -> None:
    acc = account(instalments=tuple(Instalment(3, day(-i), WAN) for i in range(1, 6)))
    names = [n for n, *_ in explain(only(acc))]
    assert names.count("reason.payment_overdue") == 1


def test_the_weights_come_from_the_rules() -> None:
    acc = account(last_contact=None, created=TODAY)
    weights = {**RULES.weight_reason, "never_contacted": 50.0}
    rules = dataclasses.replace(RULES, weight_reason=weights, weight_ungraded=0.0)
    assert only(acc).score == 2.0  # ungraded 1 + a first call 1
    assert only(acc, rules=rules).score == 50.0


# --- the list as a whole -------------------------------------------------------------------

def test_one_row_per_customer_most_urgent_first() -> None:
    calm = account(id=1, name="小店", last_contact=day(-31))
    urgent = account(id=2, name="大厂", purchase_cycle="short", batch="large",
                     last_contact=day(-20), instalments=(Instalment(9, day(-5), 100 * WAN),))
    nothing = account(id=3)
    items = week(calm, urgent, nothing, keys=key_tier({2: 900, 1: 100}))
    assert [i.customer_id for i in items] == [2, 1]
    assert items[0].key_account and not items[1].key_account
    assert len(items[0].reasons) == 2


def test_equal_scores_are_ordered_by_due_then_id() -> None:
    a = account(id=5, last_contact=None, created=day(-2))
    b = account(id=4, last_contact=None, created=day(-2))
    c = account(id=3, last_contact=None, created=day(-1))
    # all ungraded, never contacted; a and b overdue 2 days, c 1 day
    assert [i.customer_id for i in week(a, b, c)] == [4, 5, 3]


def test_a_key_tier_mapping_marks_only_the_key_customers() -> None:
    tier = key_tier({1: 10, 2: 90})  # 1 is ranked but not key
    assert not only(account(id=1, last_contact=None), keys=tier).key_account


def test_reasons_are_ordered_by_due_and_the_row_is_due_at_the_earliest() -> None:
    acc = account(last_contact=day(-33), next_actions=(NextAction(1, "x", day(-5)),),
                  contacts=(Contact(7, "王总", birthday_month=11, birthday_day=25),))
    item = only(acc)
    assert [r.due for r in item.reasons] == sorted(r.due for r in item.reasons)
    assert item.due == day(-5) == min(r.due for r in item.reasons)


def test_the_window_must_have_a_day() -> None:
    with pytest.raises(ValueError):
        week(account(), days=0)


def test_week_item_alone_matches_the_list() -> None:
    acc = account(last_contact=day(-40), contacts=(PRIMARY,))
    window = Window.of(TODAY, day(6), RULES)
    assert week_item(acc, window, False) == only(acc)
    assert week_item(account(), window, False) is None


def test_the_rules_import_no_terminal_or_database_code() -> None:
    """The domain stays pure: importing it loads neither Typer, Rich nor the store."""
    import subprocess
    import sys

    modules = ["rules", "grading", "calendar", "week", "week_input", "week_reasons"]
    code = (
        "import sys\n"
        + "".join(f"import kacli.domain.{m}\n" for m in modules)
        + "bad = [m for m in sys.modules if m.split('.')[0] in ('typer', 'rich', 'sqlmodel',"
        " 'sqlite3') or m.startswith('kacli.store')]\n"
        "print(','.join(sorted(bad)))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_an_overdue_call_is_not_put_off_for_a_festival_gift():
    import datetime as dt

    from kacli.domain.week import Reason, suggested_action

    today = dt.date(2026, 9, 14)
    fields = Reason._fields
    def reason(code, due):
        values = {f: None for f in fields}
        values.update(code=code, due=due, params={})
        return Reason(**values)
    overdue_call = reason("cadence", dt.date(2026, 9, 12))
    festival = reason("festival", dt.date(2026, 9, 25))
    assert suggested_action([overdue_call, festival], today) == "call"
    assert suggested_action([reason("festival", dt.date(2026, 9, 25))], today) == "gift"
    assert suggested_action([overdue_call, reason("payment_overdue", dt.date(2026, 9, 1))],
                            today) == "collect"
