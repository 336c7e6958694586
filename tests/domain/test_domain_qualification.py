"""Qualification (seed 003) from the facts and from what the dossier knows (kacli.domain.qualification)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain.qualification import ORG_FACTS, PERSON_FACTS, Evidence, credit_rating_good, qualify

ALL_YES = dict.fromkeys(ORG_FACTS, True)
MET = dt.date(2027, 1, 5)


def org(**facts: bool | None) -> dict[str, bool | None]:
    return {**dict.fromkeys(ORG_FACTS), **facts}


def test_both_standards_met_is_a_qualified_prospect():
    q = qualify("org", ALL_YES)
    assert (q.qualified, q.verdict, q.missing) == (True, "qualified", ())


@pytest.mark.parametrize(("rating", "good"), [
    ("AAA", True), ("AA", True), ("A", True), ("AA+", True), ("a-", True), ("AA－", True),
    ("良好", True), ("优秀", True), ("BBB", False), ("C", False), ("一般", False), ("", False),
    (None, False), ("AAAA", False),
])
def test_a_credit_rating_in_the_a_band_is_good_credit(rating, good):
    assert credit_rating_good(rating) is good


def test_a_credit_rating_given_meets_good_credit_unless_said_otherwise():
    facts = org(industry_fit=True, reach_department=True, reach_decision_maker=True, need=True)
    assert not qualify("org", facts).qualified
    q = qualify("org", facts, Evidence(credit_rating="AA"))
    assert q.qualified and q.met_by == {"credit_good": "credit_rating"}
    said_poor = qualify("org", {**facts, "credit_good": False}, Evidence(credit_rating="AA"))
    assert not said_poor.qualified and said_poor.met_by == {}


def test_a_visit_with_a_decision_maker_meets_reaching_the_decision_maker():
    facts = org(industry_fit=True, credit_good=True, reach_department=True, need=True)
    assert qualify("org", facts).missing == ("reach_decision_maker",)
    q = qualify("org", facts, Evidence(decision_maker_met=MET, decision_maker="王总"))
    assert q.qualified and q.met_by == {"reach_decision_maker": "visit"}
    said_no = qualify("org", {**facts, "reach_decision_maker": False}, Evidence(decision_maker_met=MET))
    assert not said_no.qualified and said_no.said_no == ("reach_decision_maker",)


@pytest.mark.parametrize("kind", ["org", "person"])
def test_a_customer_with_won_deals_is_qualified(kind):
    q = qualify(kind, {}, Evidence(won_deals=2))
    assert (q.qualified, q.verdict, q.missing, q.won_deals) == (True, "qualified", (), 2)


def test_no_reads_differently_from_unknown():
    q = qualify("org", org(industry_fit=True, credit_good=True, reach_department=False, need=None))
    assert q.missing == ("reach_department", "reach_decision_maker", "need")
    assert q.said_no == ("reach_department",)


def test_an_alternative_is_said_no_only_when_every_way_to_meet_it_is_no():
    some = qualify("org", org(industry_fit=False, has_project_info=None, tech_fit=False))
    assert "industry_fit|has_project_info|tech_fit" in some.missing
    assert "industry_fit|has_project_info|tech_fit" not in some.said_no
    every = qualify("org", org(industry_fit=False, has_project_info=False, tech_fit=False))
    assert "industry_fit|has_project_info|tech_fit" in every.said_no


def test_people_need_ability_and_authority():
    assert qualify("person", dict.fromkeys(PERSON_FACTS, True)).verdict == "qualified"
    advises = qualify("person", {"need": True, "can_pay": True, "has_authority": False})
    assert (advises.verdict, advises.said_no) == ("track", ("has_authority",))
    assert qualify("person", {"need": True}).verdict == "not_qualified"


answers = st.sampled_from([True, False, None])


@given(st.fixed_dictionaries({code: answers for code in ORG_FACTS}),
       st.sampled_from([None, "AA", "BBB"]), st.none() | st.just(MET))
def test_evidence_never_overrides_a_no_and_never_unqualifies(facts, rating, met):
    plain = qualify("org", facts)
    known = qualify("org", facts, Evidence(credit_rating=rating, decision_maker_met=met))
    assert not (plain.qualified and not known.qualified)
    assert set(known.said_no) == set(plain.said_no)
    assert set(known.said_no) <= set(known.missing)
