"""``kacli rules``: where the rules file is, what is in force, writing the defaults, checking."""

from __future__ import annotations

import pytest

from kacli.domain.rules import default_toml
from kacli.errors import ExitCode


@pytest.fixture
def rules_file(isolated):
    return isolated.parent / "rules.toml"  # KACLI_RULES in conftest


def test_path_is_kacli_rules_and_says_when_there_is_no_file(kacli, rules_file):
    result = kacli.ok("rules", "path")
    assert result.stdout == f"{rules_file}\n"
    assert "defaults apply" in result.stderr


def test_path_defaults_to_the_user_config_folder(kacli, isolated, monkeypatch):
    monkeypatch.delenv("KACLI_RULES")
    expected = isolated.parent / "config" / "kacli" / "rules.toml"  # XDG_CONFIG_HOME in conftest
    assert kacli.ok("rules", "path").stdout == f"{expected}\n"
    kacli.ok("rules", "init")
    assert expected.read_text(encoding="utf-8") == default_toml()


def test_init_writes_the_commented_defaults_privately(kacli, isolated, monkeypatch):
    target = isolated.parent / "new" / "folder" / "rules.toml"
    monkeypatch.setenv("KACLI_RULES", str(target))
    result = kacli.ok("rules", "init")
    assert str(target) in result.stderr
    assert target.read_text(encoding="utf-8") == default_toml()
    assert target.stat().st_mode & 0o777 == 0o600
    assert "# kacli grading rules" in target.read_text(encoding="utf-8")


def test_init_refuses_to_replace_a_file_without_force(kacli, rules_file):
    rules_file.write_text("[ungraded]\nrevisit_days = 20\n", encoding="utf-8")
    result = kacli("rules", "init")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert rules_file.read_text(encoding="utf-8") == "[ungraded]\nrevisit_days = 20\n"
    kacli.ok("rules", "init", "--force")
    assert rules_file.read_text(encoding="utf-8") == default_toml()


def test_check_says_ok(kacli, rules_file):
    assert "defaults apply. OK" in kacli.ok("rules", "check").stderr
    kacli.ok("rules", "init")
    assert kacli.ok("rules", "check").stderr.strip() == f"{rules_file}: OK"


@pytest.mark.parametrize(("text", "where"), [
    ("[org]\nrevisit_days = { A = 0 }\n", ":2: org.revisit_days.A: must be from 1 to 3650"),
    ("[person]\nrevisit_days = { O = 3 }\ncadence = 5\n", ":3: person.cadence: unknown key"),
    ("[festivals]\nlead_days = 14\nkey_tier = yes\n", ":3: festivals.key_tier: not valid TOML"),
    ("\n\n[key_tier]\nshare = 1.5\n", ":4: key_tier.share: must be from 0.01 to 1.0"),
])
def test_a_broken_file_names_the_line_and_the_setting(kacli, rules_file, text, where):
    rules_file.write_text(text, encoding="utf-8")
    for command in (["rules", "check"], ["rules", "show"], ["week"], ["remind"]):
        result = kacli(*command)
        assert result.exit_code == ExitCode.BAD_INPUT, command
        assert f"{rules_file}{where}" in result.stderr, (command, result.stderr)
        assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_broken_file_in_chinese(kacli, rules_file):
    rules_file.write_text("[org]\nrevisit_days = { A = 0 }\n", encoding="utf-8")
    result = kacli("rules", "check", "--lang", "zh-Hans")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"规则文件 {rules_file} 第2行，org.revisit_days.A：应在 1 到 3650 之间" in result.stderr


def test_an_unreadable_file_is_bad_input(kacli, rules_file):
    rules_file.mkdir()
    result = kacli("rules", "check")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "Cannot read the rules file" in result.stderr and "Traceback" not in result.stderr


def test_show_the_rules_in_force(kacli, rules_file):
    data = kacli.json("rules", "show")
    assert data["from_file"] is False and data["path"] == str(rules_file)
    assert data["rules"]["org"]["revisit_days"] == {"A": 7, "B": 14, "C": 30, "D": 90}
    assert data["rules"]["org"]["large_batch"] == 1_000_000  # yuan, as the file writes it
    rules_file.write_text(
        '[org]\nrevisit_days = { A = 5 }\n[[festivals.custom]]\nname = "公司周年庆"\nmonth = 6\nday = 18\n',
        encoding="utf-8")
    data = kacli.json("rules", "show")
    assert data["from_file"] is True
    assert data["rules"]["org"]["revisit_days"]["A"] == 5
    assert data["rules"]["festivals"]["custom"] == [{"name": "公司周年庆", "month": 6, "day": 18, "lunar": False}]
    shown = kacli.ok("rules", "show")
    assert "org.revisit_days" in shown.stdout and "A=5" in shown.stdout and "公司周年庆 6-18" in shown.stdout
    assert str(rules_file) in shown.stderr


def test_every_rules_command_has_help(kacli):
    for command in ("path", "show", "init", "check"):
        result = kacli.ok("rules", command, "--help")
        assert "Example: kacli rules" in result.stdout
