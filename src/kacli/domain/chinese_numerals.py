"""Chinese numerals as contracts, invoices and people write them.

Lower-case (三百万, 一千二百五十) and the capital forms of contracts and invoices (壹佰万, 贰仟,
貳仟), with 两/兩 for two, 零/〇 as a place holder, 点/點 before decimals (一点二) and the big
units 万/萬 and 亿/億. Values are Decimals: a contract amount is never rounded through a float.
"""

from __future__ import annotations

from decimal import Decimal

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "三": 3,
    "叁": 3, "參": 3, "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7,
    "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
POINT = {"点", "點"}
NUMERAL_CHARS = set(DIGITS) | set(SMALL_UNITS) | set(BIG_UNITS) | POINT


def has_numerals(text: str) -> bool:
    """True when ``text`` writes its number in Chinese characters (三百万, 十万), not in digits
    with a Chinese unit (2千, 300万)."""
    if any("0" <= c <= "9" for c in text):
        return False
    return any(c in DIGITS or c in SMALL_UNITS or c in POINT for c in text)


def integer(text: str) -> int | None:
    """The whole number ``text`` writes (三百万 -> 3000000), or None if it is not one."""
    if not text:
        return None
    total = 0  # everything before the last 亿/万 boundary
    section = 0  # below 万 within the current big unit
    digit: int | None = None
    last_big = None
    for ch in text:
        if ch in DIGITS:
            if digit is not None and digit != 0 and DIGITS[ch] != 0:
                return None  # two digits in a row (一二) are not a number
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            unit = BIG_UNITS[ch]
            part = section + (digit or 0)
            if last_big is not None and unit > last_big:
                total = (total + part) * unit  # 一万亿: the larger unit scales all before it
            else:
                total += part * unit
            last_big = unit
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


def number(text: str) -> Decimal | None:
    """``text`` as a Decimal: 一点二亿 -> 120000000, 三点五 -> 3.5, 二百 -> 200; else None."""
    point = next((i for i, c in enumerate(text) if c in POINT), None)
    if point is None:
        whole = integer(text)
        return None if whole is None else Decimal(whole)
    whole = integer(text[:point]) if point else 0
    rest = text[point + 1:]
    decimals = ""
    while rest and rest[0] in DIGITS:
        decimals += str(DIGITS[rest[0]])
        rest = rest[1:]
    if whole is None or not decimals:
        return None
    value = Decimal(f"{whole}.{decimals}")
    for ch in rest:  # a trailing unit scales the decimal: 一点二亿
        if ch not in BIG_UNITS and ch not in SMALL_UNITS:
            return None
        value *= BIG_UNITS.get(ch) or SMALL_UNITS[ch]
    return value
