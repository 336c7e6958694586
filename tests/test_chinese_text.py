"""Chinese sentences read as Chinese: full-width ；，： inside them, lists joined with 、, and no
prefix said twice ("售后回访：交货后回访：…")."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from kacli import i18n
from kacli.i18n.catalog import load

CJK = re.compile(r"[\u3400-\u9fff「」（）。，；：、]")


def ascii_punctuation_in_chinese(message: str) -> list[str]:
    """Each ASCII ; , : with Chinese right before or right after it (spaces aside)."""
    found = []
    for match in re.finditer(r"[;,:]", message):
        before = message[:match.start()].rstrip()[-1:]
        after = message[match.end():].lstrip()[:1]
        if CJK.match(before) or CJK.match(after):
            found.append(message[max(0, match.start() - 6):match.end() + 6])
    return found


@pytest.mark.parametrize("column", [1, 2], ids=["zh-Hans", "zh-Hant"])
def test_the_catalogue_uses_full_width_punctuation_in_chinese(column):
    offenders = {key: ascii_punctuation_in_chinese(entry[column]) for key, entry in load().items()}
    assert {key: found for key, found in offenders.items() if found} == {}


def test_the_check_finds_an_ascii_colon_in_a_chinese_sentence():
    assert ascii_punctuation_in_chinese("已确认不满足: 需求") == ["已确认不满足: 需求"]
    assert ascii_punctuation_in_chinese("kacli contact stage 3 dating") == []
    assert ascii_punctuation_in_chinese("--cycle short|long，或") == []


@pytest.mark.parametrize(("lang", "joined"), [("en", "a, b"), ("zh-Hans", "a、b"), ("zh-Hant", "a、b")])
def test_words_in_a_sentence_are_joined_in_the_sentences_language(monkeypatch, lang, joined):
    monkeypatch.setattr(i18n, "_current", lang)
    assert i18n.join_words(["a", "b"]) == joined


def test_the_after_sale_call_does_not_repeat_its_reasons_name():
    messages = load()
    for column in range(3):
        name = messages["reason.name.after_sale"][column]
        text = messages["deal.after_sale_text"][column].format(title="自动化改造")
        assert not text.lower().startswith(name.lower()) and "回访：" not in text and "回訪：" not in text


def test_a_delivered_deals_follow_up_reads_once_in_the_week_list(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--stage", "contract", env={"KACLI_TODAY": "2026-11-01"})
    kacli.ok("payment", "plan", "自动化改造", "100万", "--due", "2026-12-31")
    kacli.ok("deal", "advance", "自动化改造", env={"KACLI_TODAY": "2026-11-20", "KACLI_LANG": "zh-Hans"})
    env = {"KACLI_TODAY": "2026-11-27", "KACLI_LANG": "zh-Hans", "COLUMNS": "300"}
    listed = kacli.json("next", "list", env=env)
    assert [a["text"] for a in listed] == ["问问「自动化改造」交货后的使用情况"]
    week = kacli.ok("week", env=env).stdout
    assert "自动化改造" in week and "回访：交货后回访" not in week


def test_a_narrow_terminal_folds_a_customers_values_rather_than_cutting_them(kacli):
    # customer show at 60 columns in 繁體: a long phone number and a long note keep their ends.
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "刘主任", "--title", "办公室主任", "--phone", "138-1100-2233")
    kacli.ok("visit", "log", "华信地产", "--contact", "刘主任", "--kind", "吃饭喝茶",
             "--note", "刘主任再次承诺订单；张董一直没见到，下周约在茶室再谈一次")
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "60", "KACLI_LANG": "zh-Hant"}
    screen = re.sub(r"\x1b\[[0-9;]*m", "", kacli.ok("customer", "show", "华信地产", env=env).stdout)
    assert max(cell_len(line) for line in screen.splitlines()) <= 60
    assert "13811002233" in re.sub(r"\D", "", screen)  # the phone folds, every digit kept
    assert "再谈一次" in screen and "…" not in screen
