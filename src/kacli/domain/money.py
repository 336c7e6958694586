"""Money as integers in fen (分, 1/100 yuan); never floats.

Input like ``300万``, ``1.2亿``, ``3,000,000``, ``¥12,500.50``, ``5千``, ``8k`` and ``20w`` is
understood. Negative amounts and amounts of a trillion yuan or more are refused.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

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
_AMOUNT = re.compile(r"^(\d+(?:\.\d+)?)\s*(十万|十萬|百万|百萬|千万|千萬|[k千w万萬亿億元块塊]?)\s*(元|块|塊)?$")
_MAX_FEN = 10**12 * 100  # a trillion yuan: more than any one salesperson's deal


def parse_amount(text: str | int) -> int:
    """Fen for ``text``; BadInput when it is not a non-negative amount of money."""
    raw = str(text)
    s = raw.strip().lower().replace("，", ",").replace("．", ".")
    for prefix in ("rmb", "cny", "¥", "￥"):
        s = s.removeprefix(prefix).strip()
    s = s.replace(",", "").replace("_", "").replace(" ", "")
    m = _AMOUNT.match(s)
    if not m:
        raise BadInput("error.invalid_amount", value=raw)
    try:
        value = Decimal(m[1]) * _UNITS[m[2]] * 100
    except InvalidOperation:
        raise BadInput("error.invalid_amount", value=raw) from None
    if value != value.to_integral_value():
        raise BadInput("error.invalid_amount", value=raw)  # finer than a fen
    fen = int(value)
    if fen >= _MAX_FEN:
        raise BadInput("error.amount_too_large", value=raw)
    return fen


def format_amount(fen: int | None) -> str:
    """``300000000`` -> ``¥3,000,000``; fen shown only when there are any."""
    if fen is None:
        return ""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}¥{yuan:,}" + (f".{cents:02d}" if cents else "")

