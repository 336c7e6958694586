"""A deal's risks and its stalled day: one function each, read by every screen."""

from __future__ import annotations

import datetime as dt

from kacli.domain.deal_risks import deal_risks, stall_day
from kacli.domain.rules import Rules
from kacli.domain.week_input import Contact, Deal, RoleCover

TODAY = dt.date(2027, 5, 20)
RULES = Rules()


def day(n: int) -> dt.date:
    return TODAY + dt.timedelta(days=n)


def codes(risks) -> list[str]:
    return [r.code for r in risks]


def test_a_visit_before_the_stall_day_restarts_the_threshold_from_that_day() -> None:
    limit = RULES.stalled_days["negotiate"]
    entered = day(-limit)  # stalls tomorrow
    assert stall_day("negotiate", entered, None, None, RULES.stalled_days) == day(1)
    # visited about the deal five days after it entered the stage, long before it stalled
    assert stall_day("negotiate", entered, day(-limit + 5), None, RULES.stalled_days) == day(6)
    # a touch older than the stage move changes nothing
    assert stall_day("negotiate", entered, day(-limit - 9), None, RULES.stalled_days) == day(1)
    # a hold makes it wait for the hold's date
    assert stall_day("negotiate", entered, None, day(30), RULES.stalled_days) == day(30)


def test_risks_now_and_risks_by_the_end_of_a_window() -> None:
    limit = RULES.stalled_days["negotiate"]
    deal = Deal(1, "MES", "negotiate", day(-limit), expected_close=day(3),
                roles=(RoleCover(7, "decision_maker", "supporter"),))
    people = (Contact(7, "王总", last_met=day(-2)), Contact(8, "李工", last_met=day(-5)))
    assert codes(deal_risks(deal, "org", people, TODAY, RULES)) == []
    ahead = deal_risks(deal, "org", people, TODAY, RULES, until=day(6))
    assert codes(ahead) == ["deal_closing", "deal_stalled"]
    assert ahead[1].params["upcoming"] and ahead[1].due == day(1)


def test_the_buying_centre_counts_met_contacts_for_organisations_only_from_negotiation() -> None:
    boss = Contact(7, "王总", roles=("decision_maker",), attitude="supporter", last_met=day(-2))
    aide = Contact(8, "李工", last_met=day(-5))
    unmet = boss._replace(last_met=None)
    for stage in ("discover", "validate"):
        assert codes(deal_risks(Deal(1, "MES", stage, TODAY), "org", (), TODAY, RULES)) == []
    late = Deal(1, "MES", "contract", TODAY)
    assert codes(deal_risks(late, "org", (boss, aide), TODAY, RULES)) == []
    # on file, never met: not met (the cooked duck), and their support on paper is not counted
    uncovered, not_met, thread = deal_risks(late, "org", (unmet, aide), TODAY, RULES)
    assert thread.params["contact"] == "李工"  # the only one met
    assert uncovered.params["missing"] == ("no_supporter_or_coach",)
    assert (not_met.code, not_met.contact_id) == ("decision_maker_not_met", 7)
    assert codes(deal_risks(late, "person", (), TODAY, RULES)) == []  # decides for themselves
    opposed = boss._replace(attitude="opponent")
    assert codes(deal_risks(late, "org", (opposed, aide), TODAY, RULES)) == [
        "roles_uncovered", "decision_maker_opposed"]


def test_a_reason_beyond_the_window_does_not_choose_the_rows_action() -> None:
    """``week`` shows a festival gift due after its last day; ``remind`` leaves it out: both call."""
    from kacli.domain.week import Reason, suggested_action

    call, gift = Reason("cadence", day(3)), Reason("festival", day(13))
    assert suggested_action([call, gift], TODAY) == suggested_action([call], TODAY) == "call"
    assert suggested_action([gift], TODAY) == "gift"


def test_a_decision_maker_on_file_but_never_met_is_not_met_from_validation_on() -> None:
    boss = Contact(7, "王总", roles=("decision_maker",), attitude="supporter")
    coach = Contact(8, "李工", roles=("coach",), last_met=day(-100))
    assert codes(deal_risks(Deal(1, "MES", "discover", TODAY), "org", (boss, coach), TODAY, RULES)) == []
    for stage in ("validate", "negotiate", "contract", "deliver"):
        [risk] = deal_risks(Deal(1, "MES", stage, TODAY), "org", (boss, coach), TODAY, RULES)
        assert (risk.code, risk.contact_id, risk.params["contact"]) == ("decision_maker_not_met", 7, "王总")
    # met once, however long ago: met
    assert codes(deal_risks(Deal(1, "MES", "contract", TODAY), "org",
                            (boss._replace(last_met=day(-400)), coach), TODAY, RULES)) == []
    # the deal's own decision maker, never met, though the customer's other one was
    other = Contact(9, "张总", roles=("decision_maker",), last_met=day(-3))
    named = Deal(1, "MES", "validate", TODAY, roles=(RoleCover(7, "decision_maker"), RoleCover(9, "user")))
    assert [(r.code, r.contact_id) for r in deal_risks(named, "org", (boss, coach, other), TODAY, RULES)] == [
        ("decision_maker_not_met", 7), ("single_threaded", None)]
    assert codes(deal_risks(Deal(1, "MES", "validate", TODAY), "person", (boss,), TODAY, RULES)) == []


def test_a_decision_maker_on_file_is_never_called_missing() -> None:
    boss = Contact(7, "王总", roles=("decision_maker",))
    late = Deal(1, "MES", "negotiate", TODAY)
    risks = deal_risks(late, "org", (boss,), TODAY, RULES)
    assert codes(risks) == ["roles_uncovered", "decision_maker_not_met"]
    assert risks[0].params["missing"] == ("no_supporter_or_coach",)
    nobody = deal_risks(late, "org", (boss._replace(roles=("user",)),), TODAY, RULES)
    assert nobody[0].params["missing"] == ("no_decision_maker", "no_supporter_or_coach")


def test_one_person_met_in_sixty_days_is_a_single_thread_from_validation_on() -> None:
    boss = Contact(7, "王总", roles=("decision_maker",), attitude="supporter", last_met=day(-60))
    user = Contact(8, "李工", roles=("user",), last_met=day(-61))
    deal = Deal(1, "MES", "validate", TODAY)
    [risk] = deal_risks(deal, "org", (boss, user), TODAY, RULES)  # met exactly 60 days ago: a thread
    assert (risk.code, risk.params["contact"], risk.params["days"], risk.due) == (
        "single_threaded", "王总", 60, TODAY)
    assert codes(deal_risks(deal, "org", (boss, user._replace(last_met=day(-60))), TODAY, RULES)) == []
    assert codes(deal_risks(deal, "org", (boss._replace(last_met=day(-61)), user), TODAY, RULES)) == []
    assert codes(deal_risks(deal._replace(stage="discover"), "org", (boss, user), TODAY, RULES)) == []
    assert codes(deal_risks(deal, "person", (boss, user), TODAY, RULES)) == []
    # the next day the one thread is older than 60 days: nobody met is not a single thread
    assert codes(deal_risks(deal, "org", (boss, user), day(1), RULES)) == []
