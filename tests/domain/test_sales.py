"""The sales process rules, directly: stages, chance, weighted amount, gates, buying-centre coverage."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli import i18n
from kacli.domain import sales, vocab
from kacli.domain.sales import DealFacts, GateClosed, coverage, gate_missing
from kacli.errors import BadInput, ExitCode

ALL_TERMS = dict(price=280_000_000, delivery_date="2027-02-01", warranty="两年", payment_terms="3-6-1",
                 service="驻厂培训")
READY = DealFacts(competitor_positions=("equal",), instalments=1, **ALL_TERMS)
NOTHING = DealFacts()

stages = st.sampled_from(sales.STAGES)
positions = st.one_of(st.none(), st.sampled_from(vocab.POSITION.codes))
facts = st.builds(
    DealFacts,
    competitor_positions=st.lists(positions, max_size=3).map(tuple),
    no_competitor=st.booleans(),
    price=st.one_of(st.none(), st.integers(0, 10**12)),
    delivery_date=st.one_of(st.none(), st.just(""), st.just("2027-01-01")),
    warranty=st.one_of(st.none(), st.just(""), st.just("一年")),
    payment_terms=st.one_of(st.none(), st.just("3-6-1")),
    service=st.one_of(st.none(), st.just("上门")),
    instalments=st.integers(0, 3),
)


def test_stages_follow_the_seed_in_order():
    assert sales.STAGES == ("discover", "validate", "negotiate", "contract", "deliver")
    chain = ["discover"]
    while (following := sales.next_stage(chain[-1])) is not None:
        chain.append(following)
    assert tuple(chain) == sales.STAGES
    assert sales.next_stage("deliver") is None


def test_default_chance_rises_with_the_stage():
    assert [sales.default_chance(s) for s in sales.STAGES] == [10, 25, 50, 80, 100]


@pytest.mark.parametrize("stage,override,outcome,expected", [
    ("discover", None, "open", 10),
    ("negotiate", None, "open", 50),
    ("negotiate", 70, "open", 70),
    ("negotiate", 0, "open", 0),
    ("discover", 30, "won", 100),
    ("contract", 90, "lost", 0),
])
def test_chance_from_stage_override_or_outcome(stage, override, outcome, expected):
    assert sales.chance(stage, override, outcome) == expected


@pytest.mark.parametrize("amount,percent,expected", [
    (300_000_000, 10, 30_000_000),  # 300万 at discover: 30万
    (280_000_000, 80, 224_000_000),
    (5, 50, 3),  # 2.5 fen rounds half up
    (1, 50, 1),
    (1, 49, 0),
    (3, 33, 1),  # 0.99
    (0, 80, 0),
    (None, 50, None),
])
def test_weighted_amount_in_whole_fen_half_up(amount, percent, expected):
    assert sales.weighted(amount, percent) == expected


@given(st.integers(0, 10**14), st.integers(0, 100))
def test_weighted_is_the_nearest_fen(amount, percent):
    got = sales.weighted(amount, percent)
    exact2 = amount * percent * 2  # twice the exact value, in hundredths of a fen
    assert abs(got * 200 - exact2) <= 100
    assert sales.weighted(amount, 100) == amount and sales.weighted(amount, 0) == 0


def test_value_is_the_price_once_negotiated():
    assert sales.value(300_000_000, None) == 300_000_000
    assert sales.value(300_000_000, 280_000_000) == 280_000_000
    assert sales.value(None, None) is None


@given(st.dates(), st.dates())
def test_days_in_stage_never_negative(entered, today):
    days = sales.days_in_stage(entered, today)
    assert days == max(0, (today - entered).days)


def test_days_in_stage_counts_whole_days():
    assert sales.days_in_stage(dt.date(2026, 11, 1), dt.date(2026, 11, 23)) == 22


def test_entering_validate_needs_nothing():
    assert gate_missing("discover", "validate", NOTHING) == []


@pytest.mark.parametrize("positions,none_said,missing", [
    ((), False, ["competitor_position"]),  # nobody asked about the competition yet
    ((None,), False, ["competitor_position"]),  # a competitor named, our position unknown
    ((None, "worse"), False, []),  # one position is enough
    (("much_better",), False, []),
    ((), True, []),  # explicitly: nobody competes
])
def test_leaving_validate_needs_our_position(positions, none_said, missing):
    f = DealFacts(competitor_positions=positions, no_competitor=none_said)
    assert gate_missing("validate", "negotiate", f) == missing


def test_leaving_negotiate_lists_exactly_the_missing_terms():
    assert gate_missing("negotiate", "contract", NOTHING) == list(sales.TERMS)
    some = DealFacts(price=1, warranty="", service="上门")
    assert gate_missing("negotiate", "contract", some) == ["delivery_date", "warranty", "payment_terms"]
    assert gate_missing("negotiate", "contract", DealFacts(**ALL_TERMS)) == []


def test_a_price_of_zero_is_a_price():
    assert "price" not in gate_missing("negotiate", "contract", DealFacts(price=0))


def test_leaving_contract_needs_a_payment_schedule():
    assert gate_missing("contract", "deliver", NOTHING) == ["payment_schedule"]
    assert gate_missing("contract", "deliver", DealFacts(instalments=1)) == []


def test_a_jump_checks_every_gate_it_crosses():
    assert gate_missing("discover", "deliver", NOTHING) == [
        "competitor_position", *sales.TERMS, "payment_schedule"]
    assert gate_missing("discover", "deliver", READY) == []


@given(stages, stages, facts)
def test_a_forward_jump_lacks_the_union_of_the_steps_and_a_move_back_nothing(start, end, f):
    i, j = sales.stage_index(start), sales.stage_index(end)
    missing = gate_missing(start, end, f)
    if j <= i:
        assert missing == []
    else:
        steps = [gate_missing(sales.STAGES[k], sales.STAGES[k + 1], f) for k in range(i, j)]
        assert missing == [item for step in steps for item in step]


def test_strict_refuses_with_what_is_missing():
    i18n.set_lang("en")
    with pytest.raises(GateClosed) as caught:
        sales.check_move("negotiate", "contract", DealFacts(price=1), strict=True)
    assert caught.value.exit_code == ExitCode.BAD_INPUT
    assert caught.value.missing == ("delivery_date", "warranty", "payment_terms", "service")
    assert "delivery date" in caught.value.message() and "contract" in caught.value.message()
    assert sales.check_move("negotiate", "contract", DealFacts(price=1), strict=False) == [
        "delivery_date", "warranty", "payment_terms", "service"]
    assert sales.check_move("contract", "discover", NOTHING, strict=True) == []


def test_strict_message_speaks_chinese():
    i18n.set_lang("zh-Hans")
    try:
        message = GateClosed("deliver", ["payment_schedule"]).message()
    finally:
        i18n.set_lang("en")
    assert "交货验收" in message and "付款计划" in message


def test_an_empty_buying_centre_is_all_risk():
    c = coverage([])
    assert c.uncovered == sales.ROLES
    assert c.flags == ("no_decision_maker", "no_supporter_or_coach")
    assert c.at_risk


def test_the_cooked_duck_buyer_promised_but_no_decision_maker():
    c = coverage([(1, "buyer", "supporter")])
    assert c.by_role["buyer"] == (1,) and c.by_role["decision_maker"] == ()
    assert "decision_maker" in c.uncovered
    assert c.flags == ("no_decision_maker",)


def test_a_coach_counts_as_on_our_side_even_neutral():
    c = coverage([(1, "coach", "neutral"), (2, "decision_maker", "opponent")])
    assert c.flags == ()
    assert c.uncovered == ("user", "buyer", "influencer")


def test_opponents_and_neutrals_leave_nobody_on_our_side():
    c = coverage([(1, "decision_maker", "opponent"), (2, "buyer", "neutral"), (3, "user", None)])
    assert c.flags == ("no_supporter_or_coach",)


def test_every_role_covered_by_supporters_is_safe():
    c = coverage([(i, role, "supporter") for i, role in enumerate(sales.ROLES)])
    assert c.uncovered == () and c.flags == () and not c.at_risk


def test_one_person_in_two_roles_and_two_people_in_one():
    c = coverage([(1, "decision_maker", "supporter"), (1, "buyer", "supporter"), (2, "buyer", None),
                  (1, "buyer", "supporter")])
    assert c.by_role["decision_maker"] == (1,)
    assert c.by_role["buyer"] == (1, 2)


links = st.lists(st.tuples(st.integers(1, 6), st.sampled_from(sales.ROLES),
                           st.one_of(st.none(), st.sampled_from(vocab.ATTITUDE.codes))), max_size=12)


@given(links)
def test_coverage_shape(triples):
    c = coverage(triples)
    present = {role for _, role, _ in triples}
    assert set(c.by_role) == set(sales.ROLES)
    assert c.uncovered == tuple(r for r in sales.ROLES if r not in present)
    assert ("no_decision_maker" in c.flags) == ("decision_maker" not in present)
    on_side = any(a == "supporter" or r == "coach" for _, r, a in triples)
    assert ("no_supporter_or_coach" in c.flags) == (not on_side)
    assert c.at_risk == bool(c.uncovered or c.flags)


def test_a_deal_is_not_closed_before_it_was_added():
    added = dt.date(2027, 5, 10)
    sales.check_closed_on(dt.date(2027, 5, 10), added, title="MES项目")  # the same day is fine
    with pytest.raises(BadInput) as caught:
        sales.check_closed_on(dt.date(2027, 5, 6), added, title="MES项目")
    assert caught.value.key == "error.deal_closed_before_added"
    assert "2027-05-10" in caught.value.message() and "--force" in caught.value.message()
    sales.check_closed_on(dt.date(2027, 5, 6), added, title="MES项目", force=True)


def test_the_after_sale_call_goes_to_the_buyer_or_user_else_the_decision_maker():
    call = sales.after_sale_contact
    deal = [(3, "decision_maker"), (5, "user"), (4, "buyer")]
    assert call(deal, []) == 4  # the deal's buyer
    assert call([(3, "decision_maker"), (5, "user")], []) == 5  # else its user
    assert call([(3, "decision_maker")], [(7, ("user",))]) == 7  # a user at the customer comes before
    assert call([(3, "decision_maker")], [(8, ("influencer",))]) == 3  # else the decision maker
    assert call([], [(8, ("influencer",)), (9, ("decision_maker", "superior"))]) == 9
    assert call([], [(2, ("buyer",)), (1, ("user",))]) == 2  # buyer before user, at the customer too
    assert call([], [(8, ("coach",))]) is None
