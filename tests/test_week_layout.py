"""How `kacli week` looks: one screen of the most urgent rows, and every reason readable at 80
and 60 columns, in English and in Chinese (a table when it fits, else one block per customer)."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len

from conftest import dossier_fixture

DAY = {"KACLI_TODAY": "2026-11-23"}


@dossier_fixture
def crowd(kacli):
    """Forty customers never contacted: forty rows."""
    for n in range(40):
        kacli.ok("customer", "add", f"客户{n:02d}")


def test_without_a_limit_one_screen_then_how_many_more(kacli, crowd):
    lines = kacli.ok("week", env={"TTY_COMPATIBLE": "1"}).stdout.splitlines()
    assert len(lines) <= 24  # a 25-line terminal, one line left for the prompt
    shown = [line for line in lines if "客户" in line]
    assert 15 <= len(shown) < 40
    assert f"… {40 - len(shown)} more: --limit 0 shows all, --limit N the first N" in lines[-1]


def test_on_a_pipe_one_screen_of_plain_blocks_then_how_many_more(kacli, crowd):
    lines = kacli.ok("week").stdout.splitlines()
    assert len(lines) <= 24 and "\x1b[" not in "".join(lines)
    heads = [line for line in lines if "客户" in line and not line.startswith(" ")]
    assert 8 <= len(heads) < 40  # a head line and its reasons per customer
    assert lines[-1] == f"… {40 - len(heads)} more: --limit 0 shows all, --limit N the first N"
    assert len(kacli.ok("week", "--limit", "0").stdout.splitlines()) > 40


def test_limit_n_and_limit_0(kacli, crowd):
    five = kacli.ok("week", "--limit", "5").stdout.splitlines()
    assert len([line for line in five if "客户" in line]) == 5
    assert five[-1] == "… 35 more: --limit 0 shows all, --limit N the first N"
    every = kacli.ok("week", "--limit", "0").stdout
    assert all(f"客户{n:02d}" in every for n in range(40)) and "more:" not in every
    assert len(kacli.json("week")["items"]) == 40  # --json is never cut
    assert kacli("week", "--limit", "-1").exit_code == 2


@dossier_fixture
def busy(kacli):
    """Rows with long reasons: dates, amounts, Chinese texts, a lunar birthday, a deal at risk."""
    kacli.ok("customer", "add", "华信地产集团有限公司", "--cycle", "short", "--batch", "large")
    kacli.ok("contact", "add", "华信地产集团有限公司", "刘主任", "--primary", "--phone", "138-1100-2233",
             "--birthday", "10-06", "--lunar")
    kacli.ok("visit", "log", "华信地产集团有限公司", "-c", "刘主任", "--date", "2026-11-10")
    kacli.ok("deal", "add", "华信地产集团有限公司", "年终答谢会礼品茶", "--amount", "300万", "--stage",
             "negotiate", "--close", "2026-11-27", "--no-competitor")
    kacli.ok("next", "add", "华信地产集团有限公司", "和王总聊新的合作项目（老客户优惠政策）", "--date", "2026-11-24")
    kacli.ok("customer", "add", "宏远机械")
    kacli.ok("deal", "add", "宏远机械", "生产线自动化改造", "--amount", "280万")
    kacli.ok("deal", "won", "生产线自动化改造", "--date", "2026-08-01", "--force")
    kacli.ok("payment", "plan", "生产线自动化改造", "68万", "--due", "2026-10-31")
    kacli.ok("customer", "add", "Evergreen International Trading", "--kind", "org")
    kacli.ok("visit", "log", "Evergreen International Trading", "--planned", "--date", "2026-11-25",
             "--purpose", "tasting of the new season's jasmine tea with the purchasing team")


TOKENS = re.compile(r"\d{4}-\d{2}-\d{2}|¥[\d,]+|[A-Za-z]{4,}")


@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
@pytest.mark.parametrize("width", [80, 60])
def test_every_reason_stays_readable_at_80_and_60_columns(kacli, busy, lang, width):
    env = {**DAY, "COLUMNS": str(width)}
    data = kacli.json("--lang", lang, "week", env=env)
    screen = kacli.ok("--lang", lang, "week", "--limit", "0", env=env).stdout
    lines = screen.splitlines()
    assert all(cell_len(line) <= width for line in lines)
    for item in data["items"]:
        assert item["customer"] in screen
        for reason in item["reasons"]:
            for token in TOKENS.findall(reason["text"]):
                # every date, amount and word is whole on one line
                assert any(token in line for line in lines), (token, screen)


def test_a_wide_terminal_gets_the_table(kacli, busy):
    screen = kacli.ok("week", env={**DAY, "COLUMNS": "160", "TTY_COMPATIBLE": "1"}).stdout
    assert "Whom to call" in screen.splitlines()[1]


def test_a_narrow_terminal_gets_one_block_per_customer(kacli, busy):
    screen = kacli.ok("week", env={**DAY, "COLUMNS": "60"}).stdout.splitlines()
    assert "Whom to call" not in "\n".join(screen)
    heads = [line for line in screen[1:] if " · " in line and not line.startswith(" ")]
    assert len(heads) == 3 and heads[0].startswith("overdue")
    assert any(line.startswith("  - ") for line in screen)
