"""Six weeks of autumn (examples/autumn-tender.sh, 2027-08-30 → 10-15, across 中秋 on 09-15): the
sequences that month showed, each checked the way a salesperson reads the next morning's list."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_week import reason, row, week

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "autumn-tender.sh"


def on(day: str) -> dict:
    return {"KACLI_TODAY": day}


def _doctor_zhou(kacli) -> None:
    """周医生, an individual buying within a month (A: a call every 7 days), last called 08-23."""
    d = on("2027-08-30")
    kacli.ok("customer", "add", "周医生", "--kind", "person", "--buy-within", "1m", "--phone", "186-5710-0001",
             env=d)
    kacli.ok("contact", "add", "周医生", "周医生", "--primary", "--birthday", "09-03", env=d)
    kacli.ok("visit", "log", "周医生", "--kind", "call", "--date", "2027-08-23", env=d)


def test_a_festival_riding_on_todays_call_is_counted_from_today(kacli):
    """On 08-30 the call is due today and 中秋 (09-15) rides on the row: it is 16 days away, not
    the 7 it will be on 09-08, when its gift is due."""
    _doctor_zhou(kacli)
    item = row(week(kacli, env=on("2027-08-30")), "周医生")
    assert item["due"] == "2027-08-30"
    festival = reason(item, "festival")
    assert (festival["due"], festival["text"]) == ("2027-09-08", "Mid-Autumn Festival in 16 days (2027-09-15)")
    assert reason(item, "cadence")["text"] == "last contact 7 days ago, every 7 days"
    text = kacli.ok("week", env=on("2027-08-30")).stdout
    assert "Mid-Autumn Festival in 16 days (2027-09-15)" in text
    assert "in 7 days" not in text


def test_a_row_for_a_later_day_counts_every_reason_from_that_day(kacli):
    """A call on 09-03 resets the cadence: next week's row is Wednesday's (中秋's gift, due 09-08),
    and says the gift and the call riding on it (due Friday) as Wednesday will read them."""
    _doctor_zhou(kacli)
    kacli.ok("visit", "log", "周医生", "--kind", "call", env=on("2027-09-03"))
    item = row(week(kacli, env=on("2027-09-06")), "周医生")
    assert (item["due"], item["action"]) == ("2027-09-08", "gift")
    assert reason(item, "festival")["text"] == "Mid-Autumn Festival in 7 days (2027-09-15)"
    assert reason(item, "cadence")["due"] == "2027-09-10"
    assert reason(item, "cadence")["text"] == "last contact 5 days ago, every 7 days"


def test_a_birthday_greeting_settles_the_birthday_and_the_festival(kacli):
    """A greeting on 09-03, his birthday, is care given inside 中秋's lead days as well."""
    _doctor_zhou(kacli)
    kacli.ok("visit", "log", "周医生", "--kind", "greeting", "--note", "生日祝福", env=on("2027-09-03"))
    item = row(week(kacli, env=on("2027-09-06")), "周医生")
    assert [r["code"] for r in item["reasons"]] == ["cadence"]


@pytest.mark.slow
def test_the_autumn_example_runs_and_reads_as_the_month_went(tmp_path):
    """The whole example, as a user runs it: every command succeeds, and the mornings say what the
    month's story says they should."""
    env = {**os.environ, "KACLI": str(Path(sys.executable).with_name("kacli")), "KACLI_LANG": "en",
           "COLUMNS": "100"}
    done = subprocess.run(["bash", str(EXAMPLE), str(tmp_path / "autumn.db")], env=env, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    mornings = done.stdout.split("=================== ")
    day = {m.split(":", 1)[0]: m for m in mornings[1:]}
    # No answer on 09-01 is no contact: 周医生 is still overdue that morning.
    assert "overdue 2d · 周医生" in day["2027-09-01"]
    # 黄先生 becomes A on 09-10, after 中秋's send-ahead day: his gift is due that day, not overdue.
    assert "today · 黄先生 (A) · 黄先生 186-5710-0003 · send a gift" in day["2027-09-10"]
    # The promised payment waits for its day, then is asked for on it.
    assert "Mon 10-11 · 钱塘制药 (B) · 孙经理 138-5710-0001 · collect payment" in day["2027-10-08"]
    assert "today · 钱塘制药 (B) · 孙经理 138-5710-0001 · collect payment" in day["2027-10-11"]
    # Imported leads come after the money, the deals and the grades due before them.
    remind = day["2027-09-13"].split("-------------------")[0].splitlines()
    first_lead = next(i for i, line in enumerate(remind) if "never contacted" in line)
    assert all("never contacted" in line for line in remind[first_lead:] if "·" in line)
    # After-purchase care for 林女士 falls on a Sunday (10-03): due the Friday before.
    assert "2027-10-01 tomorrow · 林女士" in day["2027-09-30"]
