"""Odd inputs get the exit code the README promises: 2 for what the user gave (a name no disk can
hold, a CSV field past csv's limit, TOML nested thousands deep, a date pushed out of the calendar),
never 1; a refusal changes nothing. Output in an encoding that cannot spell Chinese still works.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from kacli.domain import dates
from kacli.domain.rules_toml import MAX_NESTING, loads
from kacli.errors import ExitCode

DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"


def _refused(result, *words: str) -> None:
    assert result.exit_code == ExitCode.BAD_INPUT, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("args", [
    ["--db", "{long}", "week"], ["--db", "{long}", "customer", "add", "Acme"],
    ["dossier", "backup", "{long}"], ["dossier", "restore", "{long}", "--yes"],
])
def test_a_file_name_of_300_characters_is_bad_input(kacli, db_path, tmp_path, unchanged, args):
    kacli.ok("customer", "add", "Seed")
    long = str(tmp_path / ("n" * 300))
    with unchanged():
        _refused(kacli(*[a.format(long=long) for a in args]), "too long")


def test_a_csv_field_past_the_limit_is_bad_input_naming_the_line(kacli, db_path, tmp_path, unchanged):
    kacli.ok("customer", "add", "Seed")
    sheet = tmp_path / "big.csv"
    sheet.write_text("name,industry\nAcme,tea\nBeta," + "x" * 140_000 + "\n", encoding="utf-8")
    with unchanged():
        _refused(kacli("import", "customers", str(sheet)), "Line 3")


def test_toml_nested_thousands_deep_is_refused_naming_the_line():
    import tomllib

    with pytest.raises(tomllib.TOMLDecodeError, match="line 3"):
        loads("# [[[[ in a comment\nx = '[[[['\n" + DEEP)
    nested = "a = " + "[" * MAX_NESTING + "]" * MAX_NESTING  # as deep as allowed: read as usual
    assert loads(nested)["a"]
    assert loads('s = """\n[[[\n"""\nb = [[1], {c = [2]}]')["b"] == [[1], {"c": [2]}]


@pytest.mark.parametrize("command", [["week"], ["remind"], ["rules", "check"], ["rules", "show"]])
def test_a_rules_file_nested_thousands_deep_is_exit_2_naming_the_line(kacli, tmp_path, monkeypatch, command):
    rules = tmp_path / "deep.toml"
    rules.write_text("[org]\n" + DEEP, encoding="utf-8")
    monkeypatch.setenv("KACLI_RULES", str(rules))
    kacli.ok("customer", "add", "Seed", env={"KACLI_RULES": str(tmp_path / "none.toml")})
    _refused(kacli(*command), f"{rules}:2")


def test_an_import_map_nested_thousands_deep_is_bad_input(kacli, db_path, tmp_path, unchanged):
    kacli.ok("customer", "add", "Seed")
    sheet = tmp_path / "c.csv"
    sheet.write_text("name\nAcme\n", encoding="utf-8")
    mapping = tmp_path / "map.toml"
    mapping.write_text(DEEP, encoding="utf-8")
    with unchanged():
        _refused(kacli("import", "customers", str(sheet), "--map", str(mapping)), "line 1")


@pytest.mark.parametrize("args", [["report", "pareto", "--until", "0001-01-01"],
                                  ["report", "forecast", "--since", "9999-12-31"]])
def test_a_report_window_pushed_out_of_the_calendar_is_bad_input(kacli, db_path, unchanged, args):
    kacli.ok("customer", "add", "Seed")
    with unchanged():
        _refused(kacli(*args), "out of range")


def test_months_added_past_the_calendar_overflow_like_days_do():
    import datetime as dt

    assert dates.add(dt.date(9999, 11, 30), 1, "months") == dt.date(9999, 12, 30)
    assert dates.add(dt.date(1, 2, 28), -1, "months") == dt.date(1, 1, 28)
    for day, amount in ((dt.date(9999, 12, 31), 1), (dt.date(1, 1, 1), -1)):
        with pytest.raises(OverflowError):
            dates.add(day, amount, "months")
        with pytest.raises(OverflowError):
            dates.add(day, amount, "days")


def test_output_in_ascii_shows_chinese_as_escapes_and_exits_0(kacli, db_path):
    kacli.ok("customer", "add", "华信地产")
    env = {"PYTHONIOENCODING": "ascii", "KACLI_DB": str(db_path), "KACLI_TODAY": "2026-11-23",
           "PATH": "/usr/bin:/bin", "PYTHONPATH": ":".join(sys.path)}
    for lang in ("en", "zh-Hans"):
        done = subprocess.run([sys.executable, "-m", "kacli", "--lang", lang, "customer", "list"],
                              capture_output=True, env=env, stdin=subprocess.DEVNULL)
        assert done.returncode == ExitCode.OK, done.stderr
        assert b"\\u534e\\u4fe1" in done.stdout
