"""Relationship stages and visit kinds (seed 001), tested directly and exhaustively."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import relationship as r
from kacli.errors import BadInput

# Seed 001's marker activities, written out independently of the module.
SEED_MARKERS = {
    "acquainted": ["call", "visit", "small_gift"],
    "dating": ["meal", "company_visit", "tech_exchange", "sample"],
    "trust": ["social", "family", "trip", "valuable_gift"],
    "alliance": ["introduction", "intel", "endorsement"],
    None: ["greeting", "after_sale", "feedback", "complaint", "other", "no_answer"],
}
KIND_STAGE = [(kind, stage) for stage, kinds in SEED_MARKERS.items() for kind in kinds]
STAGES = ["acquainted", "dating", "trust", "alliance"]

# What each group of markers suggests for a contact at each current stage: one step up, and only
# while the marker is above where the contact is.
EXPECTED_SUGGESTION = {
    "acquainted": {"acquainted": None, "dating": None, "trust": None, "alliance": None},
    "dating": {"acquainted": "dating", "dating": None, "trust": None, "alliance": None},
    "trust": {"acquainted": "dating", "dating": "trust", "trust": None, "alliance": None},
    "alliance": {"acquainted": "dating", "dating": "trust", "trust": "alliance", "alliance": None},
    None: {"acquainted": None, "dating": None, "trust": None, "alliance": None},
}

SEED_CHINESE = {  # words a salesperson types, from the seed's own descriptions
    "电话": "call", "拜访": "visit", "拜訪": "visit", "小礼品": "small_gift", "小禮品": "small_gift",
    "吃饭": "meal", "喝茶": "meal", "吃飯": "meal", "参观": "company_visit", "參觀": "company_visit",
    "技术交流": "tech_exchange", "展览": "tech_exchange", "发布会": "tech_exchange",
    "演示会": "tech_exchange", "样品": "sample", "測試": "sample", "宴会": "social", "运动": "social",
    "娱乐": "social", "比賽": "social", "家庭活动": "family", "异地参观": "trip", "異地參觀": "trip",
    "贵重礼品": "valuable_gift", "貴重禮品": "valuable_gift", "穿针引线": "introduction",
    "引荐": "introduction", "情报": "intel", "內部資料": "intel", "坚定支持": "endorsement",
    "背书": "endorsement", "节日问候": "greeting", "生日": "greeting", "售后服务": "after_sale",
    "售後": "after_sale", "征求意见": "feedback", "滿意度": "feedback", "投诉": "complaint",
    "投訴": "complaint", "其他": "other", "没人接": "no_answer", "未接通": "no_answer",
}


def test_the_vocabulary_is_exactly_the_seeds_kinds():
    assert set(r.VISIT_KIND.codes) == {kind for kind, _ in KIND_STAGE}
    assert set(r.MARKS) == set(r.VISIT_KIND.codes)


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGE)
def test_every_kind_marks_its_seed_stage(kind, stage):
    assert r.marked_stage(kind) == stage


@pytest.mark.parametrize(("kind", "stage"), KIND_STAGE)
@pytest.mark.parametrize("current", STAGES)
def test_suggestion_for_every_kind_at_every_stage(kind, stage, current):
    assert r.suggestion(current, kind) == EXPECTED_SUGGESTION[stage][current]


@pytest.mark.parametrize("choice", r.VISIT_KIND.choices, ids=lambda c: c.code)
def test_every_kind_parses_from_every_language(choice):
    for spelling in (choice.code, choice.en, choice.hans, choice.hant, *choice.aliases):
        assert r.VISIT_KIND.parse(spelling) == choice.code
    assert r.VISIT_KIND.parse(f"  {choice.en.upper()} ") == choice.code
    assert choice.hans and choice.hant and choice.en


@pytest.mark.parametrize(("word", "kind"), sorted(SEED_CHINESE.items()))
def test_chinese_words_from_the_seed(word, kind):
    assert r.VISIT_KIND.parse(word) == kind


def test_no_spelling_means_two_kinds():
    seen: dict[str, str] = {}
    for choice in r.VISIT_KIND.choices:
        for spelling in {choice.code, choice.en, choice.hans, choice.hant, *choice.aliases}:
            key = spelling.strip().lower().replace("-", "_").replace(" ", "_")
            assert seen.setdefault(key, choice.code) == choice.code, spelling


@pytest.mark.parametrize("text", ["gift", "礼品", "背刺", "", "meal!"])
def test_unknown_kind_is_bad_input_listing_the_choices(text):
    with pytest.raises(BadInput) as caught:
        r.VISIT_KIND.parse(text)
    assert "small_gift" in caught.value.message()


def test_gifts_are_exactly_the_two_gift_kinds():
    assert [k for k in r.VISIT_KIND.codes if r.is_gift(k)] == ["small_gift", "valuable_gift"]
    assert [k for k in r.VISIT_KIND.codes if r.takes_satisfaction(k)] == ["feedback"]


def test_ladder_helpers():
    assert tuple(STAGES) == r.LADDER
    assert [r.stage_rank(s) for s in STAGES] == [0, 1, 2, 3]
    assert [r.next_stage(s) for s in STAGES] == ["dating", "trust", "alliance", None]
    assert r.is_higher("trust", "dating") and not r.is_higher("dating", "dating")


@pytest.mark.parametrize("kind", r.VISIT_KIND.codes)
def test_extras_belong_to_their_kinds(kind):
    if r.is_gift(kind):
        r.check_extras(kind, gift_value=80000, satisfaction=None)
    else:
        with pytest.raises(BadInput) as caught:
            r.check_extras(kind, gift_value=80000, satisfaction=None)
        assert caught.value.key == "error.visit_gift_value_kind"
    if kind == "feedback":
        r.check_extras(kind, gift_value=None, satisfaction=4)
    else:
        with pytest.raises(BadInput) as caught:
            r.check_extras(kind, gift_value=None, satisfaction=4)
        assert caught.value.key == "error.visit_satisfaction_kind"
    r.check_extras(kind, gift_value=None, satisfaction=None)


@given(st.sampled_from(STAGES), st.sampled_from(r.VISIT_KIND.codes))
def test_a_suggestion_is_always_exactly_one_step_up(current, kind):
    suggested = r.suggestion(current, kind)
    if suggested is not None:
        assert r.stage_rank(suggested) == r.stage_rank(current) + 1
        assert r.stage_rank(suggested) <= r.stage_rank(r.marked_stage(kind))


TODAY = dt.date(2026, 11, 23)
days = st.integers(min_value=-800, max_value=800).map(lambda n: TODAY + dt.timedelta(days=n))


@given(days, st.booleans())
def test_logged_visits_are_not_in_the_future_planned_not_in_the_past(day, planned):
    refused = (planned and day < TODAY) or (not planned and day > TODAY)
    if refused:
        with pytest.raises(BadInput):
            r.check_date(day, TODAY, planned=planned)
    else:
        r.check_date(day, TODAY, planned=planned)


@given(days)
def test_a_planned_visit_done_without_a_date_took_place_on_its_day_or_today(planned_for):
    done = r.done_date(planned_for, TODAY)
    assert done <= TODAY
    assert done == (planned_for if planned_for <= TODAY else TODAY)


@given(st.one_of(st.none(), days), st.booleans())
def test_overdue_means_open_and_past_due(due, done):
    assert r.overdue(due, TODAY, done=done) == (not done and due is not None and due < TODAY)
