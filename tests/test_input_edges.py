"""Odd values at the edges of the command line: option values that look like options, days at the
ends of the calendar, a bad busy timeout, a REF of 60,000 characters. Each is read as documented
or refused with exit 2; none traces back or writes anything.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest

from conftest import dossier_fixture
from kacli.app import hoist_global_options
from kacli.errors import BadInput, ExitCode

FAR_DAYS = ["9999-12-25", "0001-01-01", "1899-12-31", "2100-01-01"]
DATED_COMMANDS = [["week"], ["remind"], ["why", "Acme"], ["customer", "show", "Acme"],
                  ["customer", "list", "--key"], ["deal", "advance", "茶歇"], ["customer", "add", "New"]]


@dossier_fixture
def acme(kacli):
    kacli.ok("customer", "add", "Acme")
    kacli.ok("deal", "add", "Acme", "茶歇采购")


def test_a_command_options_value_is_never_a_global_option(kacli, tmp_path, acme):
    os.chdir(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    kacli.ok("customer", "add", "Beta", "--org-notes", "--db", "--industry", "茶叶")
    shown = kacli.json("customer", "show", "Beta")
    assert (shown["org_notes"], shown["industry"]) == ("--db", "茶叶")
    kacli.ok("visit", "log", "Beta", "-n", "--today", "--kind", "call")  # a short option's value too
    assert kacli.json("visit", "list", "Beta")[0]["note"] == "--today"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no file named --industry


def test_a_global_option_without_its_value_is_refused(kacli, tmp_path, acme, unchanged):
    os.chdir(tmp_path)
    with unchanged():
        for args in (["customer", "add", "Beta", "--db", "--industry", "x"], ["week", "--today", "--json"],
                     ["week", "--db"]):
            done = kacli(*args)
            assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
            assert "needs a value" in done.stderr
    assert not (tmp_path / "--industry").exists()


def test_hoisting_moves_only_global_options():
    def takes_value(words, option):
        return option in ("--org-notes", "-n") and words[:2] == ("customer", "add")

    assert hoist_global_options(["week", "--today", "2026-11-23", "--json"]) == [
        "--today", "2026-11-23", "week", "--json"]
    assert hoist_global_options(["customer", "add", "A", "--org-notes", "--debug", "--db=x.db"],
                                takes_value) == ["--db=x.db", "customer", "add", "A", "--org-notes",
                                                 "--debug"]
    assert hoist_global_options(["next", "add", "A", "--", "--db", "y"]) == [
        "next", "add", "A", "--", "--db", "y"]
    with pytest.raises(BadInput):
        hoist_global_options(["week", "--lang"])


@pytest.mark.parametrize("day", FAR_DAYS)
@pytest.mark.parametrize("args", DATED_COMMANDS)
def test_a_today_beyond_the_calendar_is_bad_input(kacli, acme, unchanged, day, args):
    with unchanged():
        for done in (kacli("--today", day, *args), kacli(*args, env={"KACLI_TODAY": day})):
            assert done.exit_code == ExitCode.BAD_INPUT, (done.stdout, done.stderr)
            assert "1900-01-01 to 2099-12-31" in done.stderr


@pytest.mark.parametrize("day", ["1900-01-01", "2099-12-31"])
@pytest.mark.parametrize("args", DATED_COMMANDS[:-2])
def test_the_first_and_last_day_kacli_takes_as_today_work(kacli, acme, day, args):
    kacli.ok("contact", "add", "Acme", "王总", "--birthday", "12-30", "--lunar")
    kacli.ok("--today", day, *args)


def test_date_arithmetic_that_overflows_anywhere_is_bad_input_not_a_crash(kacli, acme, monkeypatch,
                                                                         unchanged):
    from kacli import settings

    monkeypatch.setattr(settings, "today", lambda: dt.date(9999, 12, 25))  # past every check
    with unchanged():
        for args in (["week"], ["remind"], ["why", "Acme"], ["customer", "show", "Acme"],
                     ["customer", "list", "--key"]):
            done = kacli(*args)
            assert done.exit_code in (ExitCode.OK, ExitCode.BAD_INPUT), done.stderr
            assert "went wrong" not in done.stderr


@pytest.mark.parametrize("value", ["abc", "-1", "nan", "1e9"])
@pytest.mark.parametrize("args", [["customer", "list"], ["customer", "add", "Beta"]])
def test_a_bad_busy_timeout_is_bad_input(kacli, acme, unchanged, monkeypatch, value, args):
    monkeypatch.setenv("KACLI_BUSY_TIMEOUT", value)
    with unchanged():
        done = kacli(*args)
    assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
    assert "KACLI_BUSY_TIMEOUT" in done.stderr and value in done.stderr


@pytest.mark.parametrize("args", [["customer", "show"], ["contact", "show"], ["deal", "show"],
                                  ["customer", "update", "--status", "active"]])
def test_a_ref_of_60000_characters_matches_nothing(kacli, acme, unchanged, args):
    ref = "华" * 60_000
    with unchanged():
        done = kacli(*args[:2], ref, *args[2:])
    assert done.exit_code == ExitCode.BAD_INPUT, done.stderr
    assert "too complex" not in done.stderr and "went wrong" not in done.stderr
