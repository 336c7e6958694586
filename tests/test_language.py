"""Choosing the language, and answering kacli's questions in it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kacli import i18n
from kacli.domain.answers import parse_answer
from kacli.errors import ExitCode


@pytest.mark.parametrize(("asked", "lang"), [
    ("ZH", "zh-Hans"), ("zh_CN", "zh-Hans"), ("zh-cn", "zh-Hans"), ("zh_CN.UTF-8", "zh-Hans"),
    ("zh-TW", "zh-Hant"), ("zh-hant", "zh-Hant"), ("zh_HK", "zh-Hant"), ("繁體", "zh-Hant"),
    ("简体中文", "zh-Hans"), ("EN", "en"), ("en_US", "en"), ("english", "en"),
])
def test_language_names_people_use_are_understood(asked, lang):
    assert i18n.resolve(asked, env={}) == lang
    assert i18n.resolve(None, env={"KACLI_LANG": asked}) == lang


@pytest.mark.parametrize("asked", ["fr", "klingon", "enx", "zhongwen", "de_DE"])
def test_an_unknown_language_asked_for_is_refused(asked):
    with pytest.raises(i18n.UnknownLanguage):
        i18n.resolve(asked, env={})


def test_an_unknown_locale_falls_back_to_english_silently():
    assert i18n.resolve(None, env={"LANG": "fr_FR.UTF-8"}) == "en"
    assert i18n.resolve(None, env={"LANG": "zh_TW.UTF-8"}) == "zh-Hant"


def test_unknown_lang_option_is_bad_input_naming_the_three(kacli):
    result = kacli("--lang", "fr", "dossier", "path")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert all(code in result.stderr for code in ("en", "zh-Hans", "zh-Hant"))
    assert result.stdout == ""


def test_unknown_kacli_lang_is_refused_in_a_real_process_even_for_help(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "KACLI_DB": str(tmp_path / "d.db"), "KACLI_LANG": "fr"}
    done = subprocess.run([sys.executable, "-m", "kacli", "week", "--help"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == ExitCode.BAD_INPUT
    assert "'fr'" in done.stderr and "zh-Hant" in done.stderr and done.stdout == ""
    env = {**env, "KACLI_LANG": "", "LANG": "fr_FR.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "kacli", "dossier", "path"], capture_output=True,
                          text=True, env=env, timeout=60)
    assert done.returncode == 0 and done.stderr == ""


@pytest.mark.parametrize("text", ["是", "是的", "对", "對", "好的", "y", "Y", "yes", "YES", " yes ",
                                  "ｙｅｓ", "是。", "ok"])
def test_yes_in_any_language(text):
    assert parse_answer(text) is True


@pytest.mark.parametrize("text", ["否", "不", "不是", "不要", "n", "N", "no", "No", "取消"])
def test_no_in_any_language(text):
    assert parse_answer(text) is False


@pytest.mark.parametrize("text", ["maybe", "也许", "yess", "1"])
def test_anything_else_is_no_answer(text):
    assert parse_answer(text) is None


@pytest.fixture
def at_a_terminal(monkeypatch):
    from kacli.commands import _common

    monkeypatch.setattr(_common, "_interactive", lambda: True)


@pytest.mark.parametrize(("lang", "answer"), [("en", "是\n"), ("zh-Hans", "y\n"), ("zh-Hant", "是的\n"),
                                              ("zh-Hans", "yes\n"), ("en", "也许\n对\n")])
def test_a_removal_is_confirmed_in_any_language(kacli, at_a_terminal, lang, answer):
    kacli.ok("customer", "add", "华信地产")
    result = kacli("--lang", lang, "customer", "remove", "华信地产", input=answer)
    assert result.exit_code == 0, result.stderr
    assert "华信地产" not in kacli.ok("customer", "list").stdout


@pytest.mark.parametrize("answer", ["否\n", "n\n", "\n", "", "不要\n"])
def test_a_removal_refused_or_unanswered_keeps_the_customer(kacli, at_a_terminal, answer):
    kacli.ok("customer", "add", "华信地产")
    result = kacli("--lang", "zh-Hans", "customer", "remove", "华信地产", input=answer)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "[是/否" in result.stderr
    assert "华信地产" in kacli.ok("customer", "list").stdout


def test_english_counts_one_in_the_singular_and_chinese_never_says_zero_days():
    from kacli.i18n import tn

    i18n.set_lang("en")
    assert tn("count.deals", 1) == "1 deal" and tn("count.deals", 2) == "2 deals"
    assert tn("deal.in_stage", 1, stage="discover", since="2026-11-22") == "discover for 1 day (since 2026-11-22)"
    assert tn("remind.subject", 1) == "kacli: 1 customer to contact"
    i18n.set_lang("zh-Hans")
    assert "0 天" not in tn("deal.in_stage", 0, stage="发现机会", since="2026-11-23")
    assert tn("deal.in_stage", 0, stage="发现机会", since="2026-11-23") == "发现机会，今天进入"
    assert tn("remind.subject", 3) == "kacli：3 位客户待联系"


def test_every_counted_week_reason_says_1_day_in_the_singular():
    import datetime as dt

    from kacli.domain.week import Reason
    from kacli.render.week_text import reason_text

    i18n.set_lang("en")
    day = dt.date(2026, 11, 23)
    after = reason_text(Reason("cadence", day, {"days": 1, "interval": 30, "after_purchase": True}))
    assert after == "after purchase: last contact 1 day ago, every 30 days"
    stalling = reason_text(Reason("deal_stalled", day, {"title": "会务用茶", "stage": "negotiate", "days_in_stage": 1,
                                                        "threshold": 1, "stalls": day, "upcoming": True}))
    assert "(1 day in" in stalling and "1 days" not in stalling


def test_a_deal_that_moved_today_is_shown_without_zero_days(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万")
    assert "since today" in kacli.ok("deal", "show", "自动化改造").stdout
    zh = kacli.ok("--lang", "zh-Hans", "deal", "show", "自动化改造").stdout
    assert "今天进入" in zh and "0 天" not in zh
    listing = kacli.ok("deal", "list").stdout
    assert "1 deal" in listing and "1 deals" not in listing
