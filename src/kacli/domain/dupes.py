"""Likely duplicates: two records that may be one customer (or one person) entered twice.

Two records are a likely pair when they share any of these, each a reason shown with the pair:
- ``same_pinyin``: the same pinyin (华信地产 and 华心地产 both read huaxindichan);
- ``same_phone``: a phone number with the same digits (``010-8888 0000`` = ``01088880000``);
- ``same_email``: the same e-mail address, case aside;
- ``same_core_name``: the same name once legal forms are set aside (华信地产 and
  华信地产有限公司; Acme and Acme Ltd);
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
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "集团", "公司",
    "co., ltd.", "co., ltd", "co.,ltd.", "co.,ltd", "co. ltd", "co ltd", "limited", "ltd.", "ltd",
    "inc.", "inc", "corporation", "corp.", "corp", "llc", "company", "co.", "group",
)
MIN_NEAR = 3  # names shorter than this are not compared for near spellings
_TRIM = re.compile(r"[\s,.·()（）]+$")
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


def phone_digits(phone: str) -> str:
    """The digits of a phone number, without a leading +86 country code."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[2:] if digits.startswith("86") and len(digits) == 13 else digits


def _deletions(text: str) -> Iterable[str]:
    yield text
    for i in range(len(text)):
        yield text[:i] + text[i + 1:]


def pairs(entries: Sequence[Entry]) -> list[Pair]:
    """Every likely pair among ``entries`` with all its reasons, in order of the first id."""
    by_id = {e.id: e for e in entries}
    shared: dict[tuple, list[int]] = defaultdict(list)
    near: dict[tuple, list[int]] = defaultdict(list)
    for e in entries:
        signals = set()
        if e.pinyin:
            signals.add(("same_pinyin", e.pinyin))
        signals.update(("same_phone", d) for d in map(phone_digits, e.phones) if len(d) >= 5)
        signals.update(("same_email", m.strip().casefold()) for m in e.emails if m and m.strip())
        core = core_name(e.key)
        signals.add(("same_core_name", core))
        for signal in signals:
            shared[(e.group, *signal)].append(e.id)
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
