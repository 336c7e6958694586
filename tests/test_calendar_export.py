"""A salesperson puts what kacli knows on the phone's calendar (``kacli export ics``)."""

from __future__ import annotations

import datetime as dt
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from kacli.domain.calendar import birthday_in_year


def build(kacli) -> None:
    run = kacli.ok
    run("customer", "add", "李先生", "--kind", "person", "--buy-within", "1w", "--today", "2026-11-01")
    run("contact", "add", "李先生", "李先生", "--primary", "--birthday", "1980-03-15")
    run("customer", "add", "华信地产", "--cycle", "long", "--batch", "small")
    run("contact", "add", "华信地产", "刘主任", "--birthday", "08-06", "--lunar")
    run("visit", "log", "华信地产", "--contact", "刘主任", "--kind", "call", "--date", "2026-11-20",
        "--next", "寄样品", "--next-date", "2026-11-30")
    run("visit", "log", "华信地产", "--planned", "--date", "2026-12-02", "--purpose", "品鉴会")
    run("deal", "add", "华信地产", "礼品茶", "--amount", "60万", "--today", "2026-11-01")
    run("payment", "plan", "礼品茶", "20万", "--due", "2026-12-31")
    run("deal", "add", "李先生", "轿车", "--amount", "25万", "--today", "2026-11-01")
    run("deal", "advance", "轿车", "--to", "deliver", "--date", "2026-11-20")


def parse(path):
    from icalendar import Calendar

    return [c for c in Calendar.from_ical(path.read_bytes()).walk("VEVENT")]


def by_kind(events, kind):
    return [e for e in events if kind in [str(c) for c in e.get("categories").cats]]


@pytest.fixture
def calendar(kacli, tmp_path):
    build(kacli)
    kacli.ok("export", "ics", "-o", tmp_path / "k.ics", "--days", "800")
    return parse(tmp_path / "k.ics")


def test_every_date_kacli_knows_is_an_event_with_an_alarm(calendar):
    kinds = {str(c) for e in calendar for c in e.get("categories").cats}
    assert kinds == {"next_action", "planned_visit", "instalment", "birthday", "festival", "after_sale"}
    assert all(e.walk("VALARM") and e.get("uid") and e.get("summary") for e in calendar)
    (action,) = by_kind(calendar, "next_action")
    assert action.decoded("dtstart") == dt.date(2026, 11, 30) and "寄样品" in str(action.get("summary"))
    (after,) = by_kind(calendar, "after_sale")
    assert after.decoded("dtstart") == dt.date(2026, 11, 27)  # a week after delivery


def test_a_lunar_birthday_is_one_event_per_year_on_its_solar_day(calendar):
    liu = [e for e in by_kind(calendar, "birthday") if "刘主任" in str(e.get("summary"))]
    days = sorted(e.decoded("dtstart") for e in liu)
    assert days == [birthday_in_year(8, 6, True, False, y) for y in (2027, 2028)]
    assert len({str(e.get("uid")) for e in liu}) == len(liu)
    assert not any(e.get("rrule") for e in liu)


def test_festivals_are_for_the_customers_who_get_greetings(calendar):
    festivals = by_kind(calendar, "festival")
    assert festivals and all("李先生" in str(e.get("summary")) for e in festivals)  # grade O
    assert not any("华信地产" in str(e.get("summary")) for e in festivals)  # ungraded, not key
    # On the day gifts are sent (festival.send_days_before, 7), as the week list has it; the alarm
    # rings that morning.
    spring = [e for e in festivals if "2027-02-06" in str(e.get("uid"))]
    assert spring and spring[0].decoded("dtstart") == dt.date(2027, 1, 30)
    alarm = festivals[0].walk("VALARM")[0]
    assert alarm.decoded("trigger") == dt.timedelta(hours=9)


def test_re_exporting_gives_the_same_uids_so_calendars_replace_not_duplicate(kacli, tmp_path, calendar):
    kacli.ok("export", "ics", "-o", tmp_path / "again.ics", "--days", "800")
    assert [str(e.get("uid")) for e in parse(tmp_path / "again.ics")] == [str(e.get("uid")) for e in calendar]
    assert (tmp_path / "again.ics").read_bytes() == (tmp_path / "k.ics").read_bytes()
    assert stat.S_IMODE((tmp_path / "k.ics").stat().st_mode) == 0o600


def test_summaries_are_in_the_users_language(kacli, tmp_path):
    build(kacli)
    kacli.ok("--lang", "zh-Hans", "export", "ics", "-o", tmp_path / "zh.ics")
    summaries = [str(e.get("summary")) for e in parse(tmp_path / "zh.ics")]
    assert any(s.startswith("农历生日") for s in summaries) and any(s.startswith("拜访 华信地产") for s in summaries)


def test_the_span_limits_the_events(kacli, tmp_path):
    build(kacli)
    kacli.ok("export", "ics", "-o", tmp_path / "short.ics", "--days", "30")
    days = [e.decoded("dtstart") for e in parse(tmp_path / "short.ics")]
    assert days and max(days) <= dt.date(2026, 11, 23) + dt.timedelta(days=29)


KHAL = Path(sys.executable).with_name("khal")


# Slow: a real calendar client; the fast lane reads the same file with icalendar (the events and
# their alarms above) and checks that re-exporting keeps the UIDs.
@pytest.mark.slow
@pytest.mark.skipif(not KHAL.exists(), reason="khal (the test extra) is not installed")
def test_khal_reads_the_file_and_reimporting_replaces_events(tmp_path, calendar):
    khal = KHAL
    vdir = tmp_path / "vdir"
    vdir.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(f"[calendars]\n[[kacli]]\npath = {vdir}\ntype = calendar\n[locale]\n"
                      "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ntimeformat = %H:%M\n"
                      "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n")
    for _ in range(2):
        subprocess.run([khal, "-c", config, "import", "--batch", tmp_path / "k.ics"], check=True,
                       capture_output=True, text=True)
    assert len(list(vdir.glob("*.ics"))) == len(calendar)  # one file per UID, however often imported
    listed = subprocess.run([khal, "-c", config, "list", "2026-11-23", "2028-12-31"], check=True,
                            capture_output=True, text=True).stdout
    assert "寄样品" in listed and "刘主任" in listed
