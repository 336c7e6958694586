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
    assert codes(deal_risks(deal, "org", (), TODAY, RULES)) == []
    ahead = deal_risks(deal, "org", (), TODAY, RULES, until=day(6))
    assert codes(ahead) == ["deal_closing", "deal_stalled"]
    assert ahead[1].params["upcoming"] and ahead[1].due == day(1)


def test_the_buying_centre_counts_met_contacts_for_organisations_only_from_negotiation() -> None:
    boss = Contact(7, "王总", roles=("decision_maker",), attitude="supporter", last_met=day(-2))
    unmet = boss._replace(last_met=None)
    for stage in ("discover", "validate"):
        assert codes(deal_risks(Deal(1, "MES", stage, TODAY), "org", (), TODAY, RULES)) == []
    late = Deal(1, "MES", "contract", TODAY)
    assert codes(deal_risks(late, "org", (boss,), TODAY, RULES)) == []
    [risk] = deal_risks(late, "org", (unmet,), TODAY, RULES)  # on file, never met: the cooked duck
    assert risk.params["missing"] == ("no_decision_maker", "no_supporter_or_coach")
    assert codes(deal_risks(late, "person", (), TODAY, RULES)) == []  # decides for themselves
    opposed = boss._replace(attitude="opponent")
    assert codes(deal_risks(late, "org", (opposed,), TODAY, RULES)) == [
        "roles_uncovered", "decision_maker_opposed"]


def test_a_reason_beyond_the_window_does_not_choose_the_rows_action() -> None:
    """``week`` shows a festival gift due after its last day; ``remind`` leaves it out: both call."""
    from kacli.domain.week import Reason, suggested_action

    call, gift = Reason("cadence", day(3)), Reason("festival", day(13))
    assert suggested_action([call, gift], TODAY) == suggested_action([call], TODAY) == "call"
    assert suggested_action([gift], TODAY) == "gift"
