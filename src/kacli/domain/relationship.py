"""Relationship stages (seed 001) and the visit kinds that mark them.

The seed's ladder runs 认识 acquainted → 约会 dating → 信赖 trust → 同盟 alliance, and names the
marker activities of each stage. A visit of a marker kind says the relationship with the people
met has reached that stage; kacli then suggests moving each contact one step up the ladder — never
more, because one banquet does not make an ally — and the salesperson decides.

Kinds that mark no stage (greetings, after-sales service, feedback, complaints) are part of
keeping an account, not of climbing the ladder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from kacli.domain import vocab
from kacli.domain.vocab import V
from kacli.errors import BadInput

VISIT_KIND = V(
    "visit_kind",
    # 认识 acquainted
    ("call", "phone call", "电话", "電話",
     ("phone", "phone_call", "打电话", "打電話", "通话", "通話", "电话联系", "電話聯繫")),
    ("visit", "visit", "拜访", "拜訪", ("meeting", "上门", "上門", "面谈", "面談", "见面", "見面")),
    ("small_gift", "small gift", "小礼品", "小禮品", ("小礼物", "小禮物")),
    # 约会 dating
    ("meal", "business meal or tea", "吃饭喝茶", "吃飯喝茶",
     ("tea", "lunch", "dinner", "coffee", "吃饭", "吃飯", "喝茶", "饭局", "飯局", "商务活动", "商務活動")),
    ("company_visit", "visit to our company or a reference customer", "参观考察", "參觀考察",
     ("site_visit", "reference_visit", "参观", "參觀", "考察", "本地参观", "本地參觀")),
    ("tech_exchange", "technical exchange", "技术交流", "技術交流",
     ("exhibition", "launch", "demo", "demonstration", "展览", "展覽", "发布会", "發布會",
      "演示", "演示会", "演示會", "介绍会", "介紹會", "交流会", "交流會")),
    ("sample", "test or sample", "测试和样品", "測試和樣品",
     ("test", "trial", "样品", "樣品", "测试", "測試", "试用", "試用", "送样", "送樣")),
    # 信赖 trust
    ("social", "banquet, sport or entertainment", "联谊活动", "聯誼活動",
     ("banquet", "sport", "sports", "entertainment", "联谊", "聯誼", "宴会", "宴會", "宴请", "宴請",
      "运动", "運動", "比赛", "比賽", "娱乐", "娛樂")),
    ("family", "family activity", "家庭活动", "家庭活動", ("家庭", "家人")),
    ("trip", "trip to another city", "异地参观", "異地參觀",
     ("travel", "异地", "異地", "旅游", "旅遊", "异地考察", "異地考察")),
    ("valuable_gift", "valuable gift", "贵重礼品", "貴重禮品", ("贵重礼物", "貴重禮物")),
    # 同盟 alliance
    ("introduction", "introduced colleagues or leaders", "穿针引线", "穿針引線",
     ("intro", "引荐", "引薦", "牵线", "牽線", "牵线搭桥", "牽線搭橋")),
    ("intel", "shared inside information", "提供情报", "提供情報",
     ("information", "情报", "情報", "内部资料", "內部資料", "成为向导", "成為嚮導")),
    ("endorsement", "backed us at the decision", "坚定支持", "堅定支持",
     ("endorse", "backing", "背书", "背書", "力挺", "坚定支援", "堅定支援")),
    # no stage
    ("greeting", "festival or birthday greeting", "节日问候", "節日問候",
     ("greet", "问候", "問候", "祝福", "节日", "節日", "生日")),
    ("after_sale", "after-sales service", "售后服务", "售後服務",
     ("after_sales", "service", "售后", "售後", "维修", "維修", "保养", "保養")),
    ("feedback", "asked their opinion", "征求意见", "徵求意見",
     ("opinion", "survey", "意见", "意見", "满意度", "滿意度", "反馈", "反饋", "回馈", "回饋")),
    ("complaint", "complaint", "投诉", "投訴", ("抱怨", "客诉", "客訴")),
    ("other", "other", "其他", "其他", ("其它",)),
    # recorded, but no contact: the revisit cadence still counts from the last call that got through
    ("no_answer", "call not answered", "没人接", "沒人接",
     ("noanswer", "no-answer", "未接通", "无人接听", "無人接聽", "没接", "沒接")),
)

# The stage each kind marks (seed 001's 标志活动); None: the kind marks no stage.
MARKS: dict[str, str | None] = {
    "call": "acquainted", "visit": "acquainted", "small_gift": "acquainted",
    "meal": "dating", "company_visit": "dating", "tech_exchange": "dating", "sample": "dating",
    "social": "trust", "family": "trust", "trip": "trust", "valuable_gift": "trust",
    "introduction": "alliance", "intel": "alliance", "endorsement": "alliance",
    "greeting": None, "after_sale": None, "feedback": None, "complaint": None, "other": None,
    "no_answer": None,
}

# Kinds recorded without being contact: they do not reset the revisit cadence and meet nobody
# for the buying centre.
NOT_CONTACT_KINDS = ("no_answer",)

GIFT_KINDS = frozenset({"small_gift", "valuable_gift"})
SATISFACTION_KINDS = frozenset({"feedback"})
LADDER: tuple[str, ...] = vocab.STAGE.codes  # acquainted, dating, trust, alliance


def marked_stage(kind: str) -> str | None:
    """The relationship stage a visit of ``kind`` marks, or None."""
    return MARKS[kind]


def is_gift(kind: str) -> bool:
    return kind in GIFT_KINDS


def takes_satisfaction(kind: str) -> bool:
    return kind in SATISFACTION_KINDS


def stage_rank(stage: str) -> int:
    """0 for acquainted up to 3 for alliance."""
    return LADDER.index(stage)


def next_stage(stage: str) -> str | None:
    """The stage one step up the ladder; None at alliance."""
    rank = stage_rank(stage)
    return LADDER[rank + 1] if rank + 1 < len(LADDER) else None


def is_higher(stage: str, than: str) -> bool:
    return stage_rank(stage) > stage_rank(than)


def marked_for(kind: str, *, introduced: bool = False) -> str | None:
    """The stage a visit of ``kind`` marks for one of the people at it.

    An introduction (穿针引线) marks the alliance of the contact who introduced — the ally
    introduces colleagues and leaders — while the people introduced were only met there, which
    marks the first stage: they are met, not advanced.
    """
    if introduced and kind == "introduction":
        return LADDER[0]
    return marked_stage(kind)


def introduced_ids(kind: str, contact_ids: Iterable[int], introduced_by: int | None) -> frozenset[int]:
    """The people introduced at a visit: at an introduction whose introducer is known, everyone
    met but the introducer. Without a known introducer every contact listed is taken as the one
    who introduced (the visit was logged with the ally alone)."""
    if kind != "introduction" or introduced_by is None:
        return frozenset()
    return frozenset(c for c in contact_ids if c != introduced_by)


def suggestion(current_stage: str, kind: str, *, introduced: bool = False,
               moved_by_this_visit: bool = False) -> str | None:
    """The stage to suggest for a contact at ``current_stage`` after a visit of ``kind``.

    Only when the kind marks a stage above the current one; then the next stage up, one step,
    even when the marker is further up the ladder. One visit moves a contact at most one stage:
    once this visit has moved them, it suggests nothing more, however often it is updated.
    """
    marked = marked_for(kind, introduced=introduced)
    if moved_by_this_visit or marked is None or not is_higher(marked, current_stage):
        return None
    return next_stage(current_stage)


def check_extras(kind: str, *, gift_value: int | None, satisfaction: int | None) -> None:
    """A gift value belongs to a gift; a satisfaction score to feedback. BadInput otherwise."""
    if gift_value is not None and not is_gift(kind):
        raise BadInput("error.visit_gift_value_kind")
    if satisfaction is not None and not takes_satisfaction(kind):
        raise BadInput("error.visit_satisfaction_kind")


def check_date(day: dt.date, today: dt.date, *, planned: bool) -> None:
    """A logged visit has happened (today or before); a planned one is today or later."""
    if planned and day < today:
        raise BadInput("error.visit_planned_past", date=day.isoformat())
    if not planned and day > today:
        raise BadInput("error.visit_future", date=day.isoformat())


def done_date(planned_for: dt.date, today: dt.date) -> dt.date:
    """When a planned visit happened, if the user does not say: its day, or today if that is ahead."""
    return min(planned_for, today)


def overdue(due: dt.date | None, today: dt.date, *, done: bool = False) -> bool:
    """An open next action is overdue once its day has passed; a done one never is."""
    return not done and due is not None and due < today
