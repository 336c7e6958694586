"""Properties of the week list that hold for any dossier (hypothesis)."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from kacli.domain.grading import effective_grade, revisit_days
from kacli.domain.rules import defaults
from kacli.domain.week import Window, build_week, explain, grade_of, meetings_matter, order_key, week_item
from kacli.domain.week_input import (
    Account,
    Contact,
    Deal,
    Instalment,
    NextAction,
    PlannedVisit,
    RoleCover,
)
from kacli.domain.week_reasons import BOOKED_VISIT_DAYS, workday

RULES = defaults()
TODAY = dt.date(2026, 11, 23)

todays = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2090, 12, 31))
offsets = st.integers(min_value=-400, max_value=400)
grades = st.sampled_from([None, "O", "A", "B", "C", "D"])
kinds = st.sampled_from(["org", "person"])
window = st.integers(min_value=1, max_value=31)


def near(today: dt.date, offset: int) -> dt.date:
    return today + dt.timedelta(days=offset)


@st.composite
def accounts(draw: st.DrawFn, today: dt.date, customer_id: int) -> Account:
    d = lambda: near(today, draw(offsets))  # noqa: E731 - a local shorthand for a nearby day
    contacts = tuple(
        Contact(customer_id * 100 + i, f"c{i}", is_primary=draw(st.booleans()),
                roles=tuple(draw(st.lists(st.sampled_from(["decision_maker", "user", "coach"]),
                                          max_size=2))),
                last_met=draw(st.none() | st.just(d())),
                birthday_month=draw(st.integers(1, 12)), birthday_day=draw(st.integers(1, 28)),
                birthday_lunar=draw(st.booleans()))
        for i in range(draw(st.integers(0, 3)))
    )
    deals = tuple(
        Deal(i, f"deal{i}", draw(st.sampled_from(["discover", "validate", "negotiate", "contract",
                                                  "deliver"])), d(),
             amount_fen=draw(st.none() | st.integers(0, 10**10)),
             expected_close=draw(st.none() | st.just(d())),
             roles=tuple(RoleCover(0, draw(st.sampled_from(["decision_maker", "buyer", "coach"])),
                                   draw(st.sampled_from([None, "supporter", "opponent"])))
                         for _ in range(draw(st.integers(0, 2)))))
        for i in range(draw(st.integers(0, 2)))
    )
    return Account(
        id=customer_id, name=f"customer {customer_id}", kind=draw(kinds), created=d(),
        last_contact=draw(st.none() | st.just(d())), manual_grade=draw(grades),
        buy_within=draw(st.sampled_from([None, "1w", "1m", "3m", "6m"])),
        purchase_cycle=draw(st.sampled_from([None, "short", "long"])),
        batch=draw(st.sampled_from([None, "large", "small"])),
        expected_purchase=draw(st.none() | st.just(d())),
        order_history=tuple((d(), draw(st.integers(0, 3 * 10**8)))
                            for _ in range(draw(st.integers(0, 3)))),
        contacts=contacts,
        next_actions=tuple(
            NextAction(i, "x", d(), kind=draw(st.sampled_from(["next", "after_sale"])))
            for i in range(draw(st.integers(0, 2)))
        ),
        planned_visits=tuple(PlannedVisit(i, d()) for i in range(draw(st.integers(0, 2)))),
        deals=deals,
        instalments=tuple(Instalment(0, d(), draw(st.integers(0, 10**9)))
                          for _ in range(draw(st.integers(0, 2)))),
    )


@st.composite
def dossiers(draw: st.DrawFn) -> tuple[dt.date, list[Account], set[int]]:
    today = draw(todays)
    count = draw(st.integers(0, 6))
    accs = [draw(accounts(today, i)) for i in range(1, count + 1)]
    keys = set(draw(st.lists(st.integers(1, max(count, 1)), max_size=3)))
    return today, accs, keys


@given(today=todays, offset=offsets, kind=kinds, grade=grades, days=window)
def test_cadence_is_due_last_contact_plus_the_interval(
    today: dt.date, offset: int, kind: str, grade: str | None, days: int
) -> None:
    last = near(today, offset)
    acc = Account(1, "c", kind, created=near(today, -999), last_contact=last, manual_grade=grade)
    items = build_week([acc], today, days, RULES, ())
    due = workday(last + dt.timedelta(days=revisit_days(kind, grade, RULES)), RULES, after=last)
    until = near(today, days - 1)
    cadence = [r.due for item in items for r in item.reasons if r.code == "cadence"]
    assert cadence == ([due] if due <= until else [])
    others = {r.code for item in items for r in item.reasons} - {"cadence"}
    assert others <= {"festival"}  # grades O and A are due their festival greetings too
    if due <= until and not others:
        assert items[0].overdue_days == max(0, (today - due).days)


@given(today=todays, kind=kinds, grade=grades, days=window,
       buy=st.sampled_from([None, "1w", "1m", "3m", "6m"]))
def test_a_customer_visited_today_is_never_due_for_cadence_today(
    today: dt.date, kind: str, grade: str | None, days: int, buy: str | None
) -> None:
    acc = Account(1, "c", kind, created=near(today, -50), last_contact=today, manual_grade=grade,
                  buy_within=buy)
    items = build_week([acc], today, days, RULES, ())
    for item in items:  # only a festival gift (sent ahead of the day) can be late already
        assert item.overdue_days == 0 or any(r.code == "festival" for r in item.reasons)
    cadence = [r for item in items for r in item.reasons if r.code == "cadence"]
    assert all(r.due > today for r in cadence)
    interval = revisit_days(kind, effective_grade(kind, today=today, rules=RULES,
                                                  manual_grade=grade, buy_within=buy).grade, RULES)
    assert bool(cadence) == (workday(near(today, interval), RULES, after=today) <= near(today, days - 1))


@settings(max_examples=60, deadline=None)
@given(dossiers(), window)
def test_the_list_is_sorted_consistent_and_explained(
    dossier: tuple[dt.date, list[Account], set[int]], days: int
) -> None:
    today, accs, keys = dossier
    items = build_week(accs, today, days, RULES, keys)
    until = near(today, days - 1)
    assert items == sorted(items, key=lambda i: order_key(i, today))
    for before, after in zip(items, items[1:], strict=False):  # overdue, today, then each later day; by score
        if max(before.due, today) == max(after.due, today) and (before.due < today) == (after.due < today):
            assert before.score >= after.score
        else:
            assert max(before.due, today) <= max(after.due, today)
    assert len({i.customer_id for i in items}) == len(items)
    for item in items:
        assert item.reasons
        assert item.overdue_days >= 0
        assert item.overdue_days == max(0, (today - item.due).days)
        assert item.due == min(r.due for r in item.reasons)
        assert item.due <= until  # a row shown for a window is due inside it
        assert math.isclose(sum(c for *_, c in explain(item)), item.score, abs_tol=0.01)
        assert item.key_account == (item.customer_id in keys)
        for r in item.reasons:
            if r.code == "festival":
                assert today <= r.params["date"] <= near(until, RULES.festival_lead_days)
                # Sent ahead, or from the day the customer qualified for it.
                assert near(r.params["date"], -RULES.festival_send_days_before) <= r.due <= r.params["date"]
            else:
                assert r.due <= until
            if r.code == "birthday":
                assert today <= r.due
    listed = {i.customer_id for i in items}
    # Never contacted is due the day added, or on a visit booked in the coming week.
    booked = {a.id for a in accs for v in a.planned_visits
              if until < v.date < near(today, BOOKED_VISIT_DAYS)}
    never_met = {a.id for a in accs if a.last_contact is None and a.created <= until}
    assert never_met - booked <= listed


@settings(max_examples=40, deadline=None)
@given(dossiers())
def test_the_lists_grade_is_the_explained_grade(dossier) -> None:
    today, accs, _ = dossier
    for a in accs:
        explained = effective_grade(
            a.kind, today=today, rules=RULES, manual_grade=a.manual_grade,
            buy_within=a.buy_within, expected_purchase=a.expected_purchase,
            purchase_cycle=a.purchase_cycle, batch=a.batch, order_history=a.order_history,
        )
        assert grade_of(a, today, RULES) == explained.grade


@settings(max_examples=300, deadline=None)
@given(todays.flatmap(lambda today: st.tuples(st.just(today), accounts(today, 1))), st.booleans(),
       window)
def test_a_row_that_meetings_do_not_matter_to_is_the_same_without_them(case, key, days):
    # The store looks up when each contact was last met only where meetings_matter says so;
    # everywhere else the row must come out the same as if it had looked them up.
    today, account = case
    if meetings_matter(account):
        return
    forgot = account._replace(contacts=tuple(c._replace(last_met=None) for c in account.contacts))
    window = Window.of(today, today + dt.timedelta(days=days - 1), RULES)
    assert week_item(forgot, window, key) == week_item(account, window, key)


def test_meetings_matter_for_late_buying_centres_and_for_whom_to_call_by_last_met():
    met, unmet = Contact(1, "a", last_met=TODAY), Contact(2, "b")
    base = Account(id=1, name="x", kind="org", created=TODAY, contacts=(met, unmet))
    late = Deal(1, "d", "negotiate", TODAY)
    # Several contacts, none primary, no decision maker: whom to call is the one met last.
    assert meetings_matter(base)
    window = Window.of(TODAY, TODAY, RULES)
    assert week_item(base, window, False).contact == "a"
    # A primary contact (or a decision maker) is chosen before the one met last.
    assert not meetings_matter(base._replace(contacts=(met, unmet._replace(is_primary=True))))
    assert not meetings_matter(base._replace(contacts=(met, unmet._replace(roles=("decision_maker",)))))
    # An organisation's deal at validate or later reads whom we have met (its risks).
    primary = (met._replace(is_primary=True), unmet)
    assert meetings_matter(base._replace(contacts=primary, deals=(late,)))
    assert meetings_matter(base._replace(contacts=primary, deals=(late._replace(stage="validate"),)))
    assert not meetings_matter(base._replace(contacts=primary, deals=(late._replace(stage="discover"),)))
    assert not meetings_matter(base._replace(kind="person", contacts=primary, deals=(late,)))
