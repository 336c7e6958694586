"""Closed vocabularies (enums) with their English codes and Chinese names.

Every value is accepted as its code, its English label, or its name in 简体 or 繁體
(``决策者``, ``決策者`` and ``decision_maker`` are the same role). Codes are what the dossier
stores and what ``--json`` prints; labels are for people.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kacli.errors import BadInput


@dataclass(frozen=True)
class Choice:
    code: str
    en: str
    hans: str
    hant: str
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return {"en": self.en, "zh-Hans": self.hans, "zh-Hant": self.hant}.get(lang, self.en)


def _key(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


@dataclass(frozen=True)
class Vocabulary:
    name: str  # the option's name, for messages: "role", "stage"...
    choices: tuple[Choice, ...]
    _index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for c in self.choices:
            for spelling in (c.code, c.en, c.hans, c.hant, *c.aliases):
                self._index[_key(spelling)] = c.code

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c.code for c in self.choices)

    def parse(self, text: str) -> str:
        """The code for ``text`` in any accepted spelling; BadInput listing the choices otherwise."""
        code = self._index.get(_key(text or ""))
        if code is None:
            raise BadInput(
                "error.invalid_choice",
                field=self.name,
                value=text,
                choices=", ".join(f"{c.code} ({c.hans})" for c in self.choices),
            )
        return code

    def parse_many(self, texts: list[str]) -> list[str]:
        """Several values, given repeated or comma-separated; order kept, duplicates dropped."""
        out: list[str] = []
        for text in texts:
            for part in text.replace("，", ",").replace("、", ",").split(","):
                if part.strip():
                    code = self.parse(part)
                    if code not in out:
                        out.append(code)
        return out

    def get(self, code: str) -> Choice:
        for c in self.choices:
            if c.code == code:
                return c
        raise KeyError(code)

    def label(self, code: str | None, lang: str) -> str:
        if code is None:
            return ""
        try:
            return self.get(code).label(lang)
        except KeyError:
            return code

    def rank(self, code: str) -> int:
        return self.codes.index(code)


def V(name: str, *choices: tuple) -> Vocabulary:
    return Vocabulary(name, tuple(Choice(*c) for c in choices))


KIND = V(
    "kind",
    ("org", "organisation", "单位", "單位", ("organization", "company", "公司", "企业", "企業")),
    ("person", "individual", "个人", "個人", ("individual", "personal")),
)
SCOPE = V(
    "scope",
    ("global", "global", "全球性", "全球性", ("全球",)),
    ("national", "national", "全国性", "全國性", ("全国", "全國")),
    ("regional", "regional", "地区性", "地區性", ("地区", "地區", "local")),
)
OWNERSHIP = V(
    "ownership",
    ("foreign", "wholly foreign-owned", "外方独资", "外方獨資", ("外资", "外資", "独资", "獨資")),
    ("joint_venture", "joint venture", "合资", "合資", ("jv",)),
    ("state", "state-owned", "国有", "國有", ("soe", "国企", "國企")),
    ("private", "private", "民营", "民營", ("私营", "私營")),
)
LEAD_SOURCE = V(
    "source",
    ("trade_journal", "trade journal", "行业刊物", "行業刊物", ("journal",)),
    ("directory", "company directory", "企业名录", "企業名錄", ("名录", "名錄")),
    ("yellow_pages", "yellow pages", "黄页", "黃頁"),
    ("internet", "internet search", "网络搜索", "網路搜尋", ("web", "网络", "網路", "网上", "網上")),
    ("non_competing", "non-competing salesperson", "非竞争产品销售员", "非競爭產品銷售員",
     ("非竞争", "非競爭")),
    ("inbound", "inbound inquiry", "客户来询", "客戶來詢", ("inquiry", "来询", "來詢", "询问", "詢問")),
    ("exhibition", "exhibition or seminar", "展会", "展會", ("展览", "展覽", "seminar", "研讨会", "研討會")),
    ("customer_referral", "customer referral", "客户推荐", "客戶推薦", ("referral",)),
    ("cold_call", "cold call", "陌生拜访", "陌生拜訪", ("陌拜",)),
    ("friend_referral", "friend referral", "朋友介绍", "朋友介紹", ("朋友推荐", "朋友推薦")),
    ("other", "other", "其他", "其他"),
)
STATUS = V(
    "status",
    ("prospect", "prospect", "潜在", "潛在", ("潜在客户", "潛在客戶")),
    ("active", "active", "活跃", "活躍", ("合作中",)),
    ("dormant", "dormant", "休眠", "休眠"),
    ("lost", "lost", "流失", "流失"),
)
BUY_WITHIN = V(
    "buy-within",
    ("1w", "within a week", "一周内", "一週內", ("7d", "1周", "1週", "一周", "一週", "week")),
    ("1m", "within a month", "一个月内", "一個月內", ("30d", "1月", "一个月", "一個月", "month")),
    ("3m", "within three months", "三个月内", "三個月內", ("90d", "3月", "三个月", "三個月")),
    ("6m", "within six months", "六个月内", "六個月內", ("180d", "6月", "六个月", "六個月")),
)
CYCLE = V(
    "cycle",
    ("short", "short purchase cycle", "周期短", "週期短", ("短",)),
    ("long", "long purchase cycle", "周期长", "週期長", ("长", "長")),
)
BATCH = V(
    "batch",
    ("large", "large batch", "批量大", "批量大", ("大", "big")),
    ("small", "small batch", "批量小", "批量小", ("小",)),
)
GRADE = V(
    "grade",
    ("O", "O", "O", "O", ("o",)),
    ("A", "A", "A", "A", ("a",)),
    ("B", "B", "B", "B", ("b",)),
    ("C", "C", "C", "C", ("c",)),
    ("D", "D", "D", "D", ("d",)),
)
ROLE = V(
    "role",
    ("user", "user", "使用者", "使用者", ("主要使用人",)),
    ("decision_maker", "decision maker", "决策者", "決策者", ("决策人", "決策人", "dm")),
    ("buyer", "buyer", "购买者", "購買者", ("采购", "採購", "purchaser")),
    ("influencer", "influencer", "影响者", "影響者", ("选型人", "選型人")),
    ("coach", "coach", "内部教练", "內部教練", ("教练", "教練")),
)
ATTITUDE = V(
    "attitude",
    ("supporter", "supporter", "支持", "支持", ("support", "支持者")),
    ("neutral", "neutral", "中立", "中立"),
    ("opponent", "opponent", "反对", "反對", ("oppose", "反对者", "反對者")),
)
STAGE = V(
    "stage",
    ("acquainted", "acquainted", "认识", "認識"),
    ("dating", "dating", "约会", "約會"),
    ("trust", "trust", "信赖", "信賴"),
    ("alliance", "alliance", "同盟", "同盟"),
)
DEAL_STAGE = V(
    "deal stage",
    ("discover", "discover", "发现机会", "發現機會", ("发现", "發現")),
    ("validate", "validate", "验证需求", "驗證需求", ("验证", "驗證")),
    ("negotiate", "negotiate", "商务谈判", "商務談判", ("谈判", "談判")),
    ("contract", "contract", "签订合同", "簽訂合同", ("签约", "簽約", "合同")),
    ("deliver", "deliver and accept", "交货验收", "交貨驗收", ("deliver", "交货", "交貨", "验收", "驗收")),
)
OUTCOME = V(
    "outcome",
    ("open", "open", "进行中", "進行中"),
    ("won", "won", "赢单", "贏單", ("win",)),
    ("lost", "lost", "丢单", "丟單", ("lose",)),
)
POSITION = V(
    "position",
    ("much_better", "much better", "好得多", "好得多"),
    ("better", "slightly better", "好一点", "好一點", ("slightly_better",)),
    ("equal", "equal", "一样", "一樣", ("same",)),
    ("worse", "slightly worse", "差一点", "差一點", ("slightly_worse",)),
    ("much_worse", "much worse", "差很多", "差很多"),
)
