"""Money as integers in fen (分, 1/100 yuan); never floats.

Input like ``300万``, ``1.2亿``, ``3,000,000``, ``¥12,500.50``, ``5千``, ``8k`` and ``20w`` is
understood, and so are Chinese numerals as contracts write them: ``三百万``, ``一点二亿``,
``人民币壹佰万元整``, ``叁元伍角``, ``300万元整``. A comma must group thousands (``1,2万`` is refused,
not read as 12万). Negative amounts and amounts of a trillion yuan or more are refused.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kacli.domain import chinese_numerals
from kacli.errors import BadInput

_UNITS = {
    "": 1, "元": 1, "块": 1, "塊": 1,
    "k": 1_000, "千": 1_000,
    "w": 10_000, "万": 10_000, "萬": 10_000,
    "十万": 100_000, "十萬": 100_000,
    "百万": 1_000_000, "百萬": 1_000_000,
    "千万": 10_000_000, "千萬": 10_000_000,
    "亿": 100_000_000, "億": 100_000_000,
}
_AMOUNT = re.compile(r"^([\d,]+(?:\.\d+)?)\s*(十万|十萬|百万|百萬|千万|千萬|[k千w万萬亿億元块塊]?)\s*(元|块|塊)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_PREFIXES = ("人民币", "人民幣", "rmb", "cny", "¥", "￥")
_YUAN = ("元", "圆", "圓", "块", "塊")
_MAX_FEN = 10**12 * 100  # a trillion yuan: more than any one salesperson's deal


def parse_amount(text: str | int) -> int:
    """Fen for ``text``; BadInput when it is not a non-negative amount of money."""
    raw = str(text)
    s = raw.strip().lower().replace("，", ",").replace("．", ".")
    for prefix in _PREFIXES:
        s = s.removeprefix(prefix).strip()
    s = s.replace("_", "").replace(" ", "")
    s = s.removesuffix("整").removesuffix("正")  # 元整: "and no fen", as contracts write it
    if chinese_numerals.has_numerals(s):
        value = _chinese_yuan(s)
        if value is None:
            raise BadInput("error.invalid_amount", value=raw)
        value *= 100
    else:
        m = _AMOUNT.match(s)
        if not m or not _GROUPED.match(m[1]):
            raise BadInput("error.invalid_amount", value=raw)
        try:
            value = Decimal(m[1].replace(",", "")) * _UNITS[m[2]] * 100
        except InvalidOperation:
            raise BadInput("error.invalid_amount", value=raw) from None
    if value != value.to_integral_value():
        raise BadInput("error.invalid_amount", value=raw)  # finer than a fen
    fen = int(value)
    if fen >= _MAX_FEN:
        raise BadInput("error.amount_too_large", value=raw)
    return fen


def _chinese_yuan(s: str) -> Decimal | None:
    """Yuan for Chinese numerals: 三百万, 一点二亿, 壹佰万元, 叁元伍角陆分, 五角."""
    yuan_text, fraction = s, ""
    for mark in _YUAN:
        if mark in s:
            yuan_text, fraction = s.split(mark, 1)
            break
    else:
        if "角" in s or "分" in s:
            yuan_text, fraction = "", s
    yuan = chinese_numerals.number(yuan_text) if yuan_text else Decimal(0)
    if yuan is None:
        return None
    for unit, worth in (("角", Decimal("0.1")), ("分", Decimal("0.01"))):
        if unit in fraction:
            head, fraction = fraction.split(unit, 1)
            digit = chinese_numerals.integer(head.removeprefix("零"))
            if digit is None or digit > 9:
                return None
            yuan += digit * worth
    return yuan if not fraction.removeprefix("零") else None


def format_amount(fen: int | None) -> str:
    """``300000000`` -> ``¥3,000,000``; fen shown only when there are any."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}" + (f".{cents:02d}" if cents else "")

