"""Which of the week list's reasons become calendar events, and their stable UIDs (pure rules)."""

from __future__ import annotations

import datetime as dt

from kacli.domain.calendar_feed import (
    BIRTHDAY_ALARM_DAYS,
    MORNING,
    customer_events,
    festival_day,
    festival_events,
)
from kacli.domain.rules import defaults
from kacli.domain.week_reasons import Reason

RULES = defaults()
DAY = dt.date(2026, 12, 1)


def test_next_actions_visits_instalments_and_birthdays_become_events_cadence_does_not():
    reasons = [
        Reason("next_action", DAY, {"action_id": 4, "text": "寄样品"}),
        Reason("after_sale", DAY, {"action_id": 5, "text": "回访"}),
        Reason("planned_visit", DAY, {"visit_id": 9, "purpose": None, "date": DAY}),
        Reason("payment_due", DAY, {"instalment_id": 2, "title": "礼品茶", "outstanding_fen": 100, "deal_id": 1,
                                    "due": DAY}),
        Reason("birthday", DAY, {"contact": "刘主任", "lunar": True, "month": 8, "day": 6, "leap": False,
                                 "date": DAY}, 7),
        Reason("cadence", DAY, {}),
        Reason("deal_closing", DAY, {}),
    ]
    events = customer_events(1, "华信地产", reasons, {7: "刘主任"}, RULES)
    assert [e.uid for e in events] == ["next-4@kacli", "next-5@kacli", "visit-9@kacli", "instalment-2@kacli",
                                       "birthday-7-2026@kacli"]
    assert [e.kind for e in events] == ["next_action", "after_sale", "planned_visit", "instalment", "birthday"]
    assert events[0].alarm == MORNING
    assert events[-1].alarm == MORNING - dt.timedelta(days=BIRTHDAY_ALARM_DAYS)


def test_a_birthday_has_one_uid_per_year():
    uids = {customer_events(1, "c", [Reason("birthday", dt.date(y, 9, 1), {"contact": "n", "lunar": True,
                                                                            "month": 8, "day": 6}, 7)],
                            {}, RULES)[0].uid for y in (2026, 2027, 2028)}
    assert len(uids) == 3


def test_one_festival_event_per_festival_naming_each_customer_once():
    mid = Reason("festival", dt.date(2027, 9, 15), {"festival": "mid_autumn", "name_key": "festival.mid_autumn",
                                                    "name": "", "date": dt.date(2027, 9, 15)})
    spring = Reason("festival", dt.date(2027, 2, 6), {"festival": "spring_festival", "name": "",
                                                      "name_key": "festival.spring_festival",
                                                      "date": dt.date(2027, 2, 6)})
    events = festival_events([("华信地产", mid), ("李先生", mid), ("华信地产", mid), ("李先生", spring)], RULES)
    assert [e.uid for e in events] == ["festival-spring_festival-2027-02-06@kacli",
                                       "festival-mid_autumn-2027-09-15@kacli"]
    assert events[1].params["customers"] == ["华信地产", "李先生"]
    assert events[1].alarm == MORNING  # the morning of the send-ahead day


def test_a_festival_event_is_on_the_day_gifts_are_sent():
    assert RULES.festival_send_days_before == 7
    assert festival_day(dt.date(2027, 9, 15), RULES) == dt.date(2027, 9, 8)
