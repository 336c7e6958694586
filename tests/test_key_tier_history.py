"""The key tier moves visibly: a customer joining or leaving the 80/20 tier is said once in its
history, on the day it happened, and on its row in the week list that week only."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from test_week import codes, reason, row, week

# The 80/20 ranking of a book of three customers: no minimum book (see test_week_clears).
pytestmark = pytest.mark.usefixtures("small_book")


def on(day: str) -> dict:
    return {"KACLI_TODAY": day}


JOINED = "Joined the key tier (80/20)"
LEFT = "Left the key tier (80/20)"


def lines_with(output: str, words: str) -> list[str]:
    return [line for line in output.splitlines() if words in line]


def tier_moves(kacli, customer: str, day: str) -> list[tuple[str, str, str]]:
    changes = kacli.json("customer", "history", customer, env=on(day))["changes"]
    return [(c["at"], c["old"], c["new"]) for c in changes if c["field"] == "key_tier"]


@pytest.fixture
def three(kacli):
    """机床厂 buys 10万 (won 2027-01-05); 华信地产 80万 on 2027-01-19; 茶行 30万 on 2027-03-01."""
    d = on("2027-01-11")
    for name in ("华信地产", "机床厂", "茶行"):
        kacli.ok("customer", "add", name, env=d)
    kacli.ok("deal", "add", "机床厂", "机床维保", "--amount", "10万", env=d)
    kacli.ok("deal", "won", "机床维保", "--date", "2027-01-05", "--force", env=d)
    kacli.ok("deal", "add", "华信地产", "年会礼品茶", "--amount", "80万", env=d)
    kacli.ok("deal", "add", "茶行", "春茶", "--amount", "30万", env=d)
    kacli.ok("deal", "won", "年会礼品茶", env=on("2027-01-19"))  # 华信 joins, 机床厂 leaves
    return kacli


def test_joining_the_key_tier_is_in_the_history_once_on_its_day(three):
    shown = three.ok("customer", "history", "华信地产", env=on("2027-01-20")).stdout
    assert len(lines_with(shown, JOINED)) == 1 and "2027-01-19" in lines_with(shown, JOINED)[0]
    assert LEFT not in shown
    data = three.json("customer", "history", "华信地产", env=on("2027-01-20"))
    assert data["changes"][0] == {"at": "2027-01-19", "contact_id": None, "contact": None,
                                  "field": "key_tier", "old": "no", "new": "yes"}
    same_day = [c["field"] for c in data["changes"][1:] if c["at"].startswith("2027-01-19")]
    assert "deal:年会礼品茶:outcome" in same_day  # the deal won that day, listed below it
    assert data["changes"][-1]["field"] == "created"  # interleaved with what was recorded
    assert tier_moves(three, "机床厂", "2027-01-20") == [("2027-01-19", "yes", "no"), ("2027-01-05", "no", "yes")]
    assert tier_moves(three, "茶行", "2027-01-20") == []  # no sales, never in the tier


def test_the_week_says_it_on_its_day_only(three):
    assert reason(row(week(three, env=on("2027-01-19")), "华信地产"), "key_tier_changed")["text"] == (
        "became a key account 2027-01-19 (80/20)")
    for item in week(three, "--all", env=on("2027-01-20"))["items"]:
        assert "key_tier_changed" not in codes(item), item


def test_leaving_is_said_when_the_sales_window_passes(three):
    three.ok("deal", "won", "春茶", env=on("2027-03-01"))  # 华信 80万 and 茶行 30万 of 120万: both key
    assert tier_moves(three, "茶行", "2027-03-02") == [("2027-03-01", "no", "yes")]
    assert tier_moves(three, "华信地产", "2028-01-18") == [("2027-01-19", "no", "yes")]  # still counted
    assert tier_moves(three, "华信地产", "2028-01-20") == [("2028-01-19", "yes", "no"), ("2027-01-19", "no", "yes")]
    shown = three.ok("customer", "history", "华信地产", env=on("2028-01-20")).stdout
    assert len(lines_with(shown, LEFT)) == 1 and "2028-01-19" in lines_with(shown, LEFT)[0]
    assert len(lines_with(shown, JOINED)) == 1
    item = row(week(three, "--all", env=on("2028-01-19")), "华信地产")
    assert reason(item, "key_tier_changed")["text"] == "no longer a key account since 2028-01-19 (80/20)"
    assert all("key_tier_changed" not in codes(i) for i in week(three, "--all", env=on("2028-01-20"))["items"])
    assert tier_moves(three, "茶行", "2028-01-20") == [("2027-03-01", "no", "yes")]  # alone in the tier now


@pytest.mark.parametrize(("lang", "joined", "left"), [
    ("zh-Hans", "进入大客户层（80/20）", "退出大客户层（80/20）"),
    ("zh-Hant", "進入大客戶層（80/20）", "退出大客戶層（80/20）"),
])
def test_the_history_says_it_in_chinese(three, lang, joined, left):
    shown = three.ok("--lang", lang, "customer", "history", "机床厂", env=on("2027-01-20")).stdout
    assert "2027-01-05" in lines_with(shown, joined)[0] and "2027-01-19" in lines_with(shown, left)[0]


def test_a_narrow_terminal_folds_the_history_rather_than_cutting_it(three):
    # 60 columns in 繁體: the key-tier line and the deal fields fold onto a second line, never "…".
    env = {**on("2027-01-20"), "TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "60", "KACLI_LANG": "zh-Hant"}
    screen = three.ok("customer", "history", "华信地产", env=env).stdout
    assert "…" not in screen
    assert "進入大客戶層（80/20）" in "".join(line.strip() for line in screen.splitlines())
    plain = re.sub(r"\x1b\[[0-9;]*m", "", screen)
    assert max(cell_len(line) for line in plain.splitlines()) <= 60
