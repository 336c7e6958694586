"""Likely duplicates: two records that may be one customer (or one person) entered twice.

Two records are a likely pair when they share any of these, each a reason shown with the pair:
- ``same_pinyin``: the same pinyin (华信地产 and 华心地产 both read huaxindichan);
- ``same_phone``: a phone number with the same digits (``010-8888 0000`` = ``01088880000``);
- ``same_email``: the same e-mail address, case aside;
- ``same_core_name``: the same name once legal forms are set aside (华信地产 and
  华信地产有限公司; Acme and Acme Ltd) and, for customers, a leading city or province and
  trailing trade words too (德联汽车 and 上海德联汽车部件有限公司 are both 德联);
- ``near_name``: names one edit apart (a character added, dropped, changed or two swapped), for
  names of three characters or more (two-character names one apart are usually two people: 王总
  and 张总).
Contacts pair only within one customer. Pairs are found through shared keys, never by comparing
every record with every other, so a large dossier is listed in one pass.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kacli.domain.refs import distance

# Legal forms, longest first; matched at the end of a folded (lower-case, Simplified) name.
LEGAL_FORMS = (
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "股份公司", "集团", "股份",
    "公司",
    "co., ltd.", "co., ltd", "co.,ltd.", "co.,ltd", "co. ltd", "co ltd", "limited", "ltd.", "ltd",
    "inc.", "inc", "corporation", "corp.", "corp", "llc", "company", "co.", "group",
)
# Where a firm is registered, written before its name (上海德联…) or in brackets (德联（上海）…).
PLACES = (
    "中国", "北京", "上海", "天津", "重庆", "广州", "深圳", "杭州", "南京", "苏州", "无锡", "常州",
    "宁波", "温州", "嘉兴", "绍兴", "南通", "成都", "武汉", "西安", "长沙", "郑州", "青岛", "大连",
    "沈阳", "厦门", "福州", "合肥", "济南", "昆明", "东莞", "佛山", "珠海", "哈尔滨", "长春",
    "石家庄", "太原", "南昌", "南宁", "贵阳", "兰州", "乌鲁木齐", "呼和浩特", "香港", "澳门", "台北",
    "广东", "江苏", "浙江", "山东", "河南", "河北", "湖北", "湖南", "四川", "福建", "安徽", "江西",
    "辽宁", "吉林", "黑龙江", "山西", "陕西", "云南", "贵州", "广西", "海南", "甘肃", "青海",
    "内蒙古", "宁夏", "新疆", "西藏",
)
_PLACE_NAMES = frozenset(p + suffix for p in PLACES for suffix in ("", "市", "省"))
# What a firm does, written after its name; longest first, dropped from the end one after another.
TRADE_WORDS = (
    "汽车零部件", "汽车部件", "房地产", "自动化", "新材料", "零部件", "部件", "配件", "汽车", "科技",
    "技术", "信息", "软件", "网络", "电子", "电气", "机械", "机电", "设备", "智能", "工业", "实业",
    "贸易", "商贸", "制造", "工程", "建设", "建筑", "地产", "置业", "物流", "化工", "医药", "生物",
    "材料", "能源", "环保", "食品", "酒店", "餐饮", "投资", "控股", "发展", "精密", "模具", "服务",
    "咨询", "传媒", "文化",
    " technology", " technologies", " tech", " software", " electronics", " automotive", " auto",
    " parts", " industrial", " industries", " trading", " holdings", " international",
)
MIN_BRAND = 2  # what is left of a name is never shorter than this: 上海汽车 stays 上海汽车
MIN_NEAR = 3  # names shorter than this are not compared for near spellings
_TRIM = re.compile(r"[\s,.·()（）]+$")
_BRACKETED = re.compile(r"\([^()]*\)")
REASONS = ("same_pinyin", "same_phone", "same_email", "same_core_name", "near_name")


@dataclass(frozen=True)
class Entry:
    id: int
    name: str
    key: str  # the name's lookup key
    pinyin: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    group: int | None = None  # contacts: their customer; only entries of one group pair


@dataclass(frozen=True)
class Reason:
    code: str  # one of REASONS
    value: str  # what they share: the pinyin, the phone digits, the address, the core name


@dataclass(frozen=True)
class Pair:
    first: Entry  # the older record (lower id): the one to keep, usually
    second: Entry
    reasons: tuple[Reason, ...]


def core_name(key: str) -> str:
    """A folded name without its legal form: ``华信地产有限公司`` -> ``华信地产``."""
    trimmed = _TRIM.sub("", key)
    for form in LEGAL_FORMS:
        if trimmed.endswith(form):
            core = _TRIM.sub("", trimmed[: -len(form)])
            return core or key  # a name that is only a legal form is its own core
    return trimmed or key


def brand_name(key: str) -> str:
    """What a firm is called once where it is and what it does are set aside as well as its
    legal form: ``上海德联汽车部件有限公司`` and ``德联汽车`` -> ``德联``."""
    name = _TRIM.sub("", _BRACKETED.sub("", key)) or key
    while True:
        shorter = _without_suffix(core_name(name))
        if shorter == name:
            break
        name = shorter
    for place in PLACES:
        for written in (place + "市", place + "省", place):
            rest = name[len(written):].strip()
            if name.startswith(written) and len(rest) >= MIN_BRAND and rest not in TRADE_WORDS:
                return rest
    return name


def _without_suffix(name: str) -> str:
    for word in TRADE_WORDS:
        if name.endswith(word) and len(name) - len(word) >= MIN_BRAND:
            rest = _TRIM.sub("", name[: -len(word)])
            if rest not in _PLACE_NAMES:  # 上海汽车 is a firm's name, not the trade of 上海
                return rest
    return name


def phone_digits(phone: str) -> str:
    """The digits of a phone number as dialled at home: a leading +86 country code set aside, and
    a landline's trunk 0 put back (``+86 21 5555 1234`` = ``021-5555 1234``)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if not (digits.startswith("86") and len(digits) in (12, 13)):
        return digits
    national = digits[2:]
    mobile = len(national) == 11 and national.startswith("1")
    return national if mobile or national.startswith("0") else "0" + national


def _deletions(text: str) -> Iterable[str]:
    yield text
    for i in range(len(text)):
        yield text[:i] + text[i + 1:]


def _signals(e: Entry, *, firms: bool) -> set[tuple[str, str]]:
    """What ``e`` shares with a record that may be the same: (reason, value) pairs."""
    signals = set()
    if e.pinyin:
        signals.add(("same_pinyin", e.pinyin))
    signals.update(("same_phone", d) for d in map(phone_digits, e.phones) if len(d) >= 5)
    signals.update(("same_email", m.strip().casefold()) for m in e.emails if m and m.strip())
    signals.add(("same_core_name", brand_name(e.key) if firms else core_name(e.key)))
    return signals


# A new customer is warned about on these alone: a shared pinyin or a near spelling is often
# another firm (李先生 and 黎先生), and the warning must be worth reading every time.
WARNED = ("same_phone", "same_core_name")


def twins(new: Entry, entries: Iterable[Entry]) -> list[Pair]:
    """The records of ``entries`` that ``new`` (a customer about to be added) is likely to be
    again, by a phone or a name they share (``WARNED``); each pair's ``second`` is ``new``."""
    mine = {s for s in _signals(new, firms=True) if s[0] in WARNED}
    out = []
    for e in entries:
        shared = mine & _signals(e, firms=True)
        if shared:
            reasons = sorted((Reason(*s) for s in shared), key=lambda r: (REASONS.index(r.code), r.value))
            out.append(Pair(e, new, tuple(reasons)))
    return out


def pairs(entries: Sequence[Entry], *, firms: bool = False) -> list[Pair]:
    """Every likely pair among ``entries`` with all its reasons, in order of the first id.
    ``firms``: the entries are customers, whose place and trade words are set aside too."""
    by_id = {e.id: e for e in entries}
    shared: dict[tuple, list[int]] = defaultdict(list)
    near: dict[tuple, list[int]] = defaultdict(list)
    for e in entries:
        for signal in _signals(e, firms=firms):
            shared[(e.group, *signal)].append(e.id)
        core = core_name(e.key)
        if len(core) >= MIN_NEAR:
            for variant in set(_deletions(core)):
                near[(e.group, variant)].append(e.id)
    found: dict[tuple[int, int], dict[Reason, None]] = defaultdict(dict)
    for (_group, code, value), ids in shared.items():
        for a, b in _combinations(ids):
            found[(a, b)][Reason(code, value)] = None
    for ids in near.values():
        for a, b in _combinations(ids):
            ca, cb = core_name(by_id[a].key), core_name(by_id[b].key)
            if ca != cb and distance(ca, cb, 1) <= 1:
                found[(a, b)][Reason("near_name", f"{by_id[a].name} ~ {by_id[b].name}")] = None
    out = []
    for (a, b), reasons in sorted(found.items()):
        ordered = sorted(reasons, key=lambda r: (REASONS.index(r.code), r.value))
        out.append(Pair(by_id[a], by_id[b], tuple(ordered)))
    return out


def _combinations(ids: list[int]) -> Iterable[tuple[int, int]]:
    unique = sorted(set(ids))
    for i, a in enumerate(unique):
        for b in unique[i + 1:]:
            yield a, b
