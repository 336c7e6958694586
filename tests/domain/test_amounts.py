"""Amounts as a salesperson types them, Chinese numerals of contracts and invoices included."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain.money import format_amount, parse_amount
from kacli.errors import BadInput

_LOWER = "零一二三四五六七八九"
_CAPITAL = "零壹贰叁肆伍陆柒捌玖"


def _section(n: int, digits: str, units: str) -> str:
    """0 < n < 10000 in Chinese numerals, with 零 where a place is skipped."""
    out, zero = "", False
    for place, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d = n // place % 10
        if d:
            if zero and out:
                out += digits[0]
            out += digits[d] + unit
            zero = False
        else:
            zero = True
    return out


def chinese(n: int, capital: bool = False) -> str:
    """An independent writer of Chinese numerals, to check the reader against."""
    digits, units = (_CAPITAL, "拾佰仟") if capital else (_LOWER, "十百千")
    if n == 0:
        return digits[0]
    yi, rest = divmod(n, 10**8)
    wan, ones = divmod(rest, 10**4)
    out = ""
    for value, big in ((yi, "亿"), (wan, "万"), (ones, "")):
        if value:
            if out and value < 1000:
                out += digits[0]
            out += _section(value, digits, units) + big
    return out


@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_every_whole_yuan_written_in_chinese_reads_back(n, capital):
    assert parse_amount(chinese(n, capital)) == n * 100
    assert parse_amount(f"人民币{chinese(n, capital)}元整") == n * 100


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_thousands_grouping_reads_as_the_plain_number(n):
    assert parse_amount(f"{n:,}") == n * 100
    assert parse_amount(format_amount(n * 100)) == n * 100


@pytest.mark.parametrize(("text", "yuan"), [
    ("三百万", 3_000_000), ("一点二亿", 120_000_000), ("人民币壹佰万元整", 1_000_000),
    ("300万元整", 3_000_000), ("两千万", 20_000_000), ("一亿二千万", 120_000_000),
    ("十二万", 120_000), ("三点五万", 35_000), ("貳仟萬", 20_000_000), ("九千九百亿", 990_000_000_000),
])
def test_chinese_amounts(text, yuan):
    assert parse_amount(text) == yuan * 100


def test_a_trillion_written_in_chinese_is_too_large():
    with pytest.raises(BadInput):
        parse_amount("壹萬億")


@pytest.mark.parametrize(("text", "yuan"), [("2千", 2_000), ("5千元", 5_000), ("3百万", 3_000_000),
                                            ("1.5千万", 15_000_000), ("十万", 100_000)])
def test_digits_with_a_chinese_unit(text, yuan):
    assert parse_amount(text) == yuan * 100


def test_jiao_and_fen_of_an_invoice():
    assert parse_amount("壹拾贰万叁仟肆佰伍拾陆元柒角捌分") == 12_345_678
    assert parse_amount("叁元零伍分") == 305
    assert parse_amount("五角") == 50


@pytest.mark.parametrize("text", ["1,2万", "12,34", "1,23,456", ",100", "100,", "1,2", "3,00万",
                                  "一二三", "三百万万万元角", "万", "三百万美元"])
def test_a_comma_that_does_not_group_thousands_and_other_nonsense_is_refused(text):
    with pytest.raises(BadInput):
        parse_amount(text)
