"""The command line as a whole: help for every command, global options, exit codes."""

from __future__ import annotations

import subprocess
import sys

import typer

from kacli.app import app
from kacli.commands import NOUNS
from kacli.errors import ExitCode


def all_commands():
    """(path, click command) for every leaf command kacli has."""
    root = typer.main.get_command(app)
    found = []

    def walk(command, path):
        subs = getattr(command, "commands", None)
        if subs is None or not hasattr(command, "list_commands"):
            found.append((path, command))
            return
        for name in command.list_commands(None):
            walk(command.get_command(None, name), [*path, name])

    walk(root, [])
    return found


def test_every_command_has_help_with_an_example(kacli):
    commands = all_commands()
    assert len(commands) >= len(NOUNS)
    for path, _command in commands:
        result = kacli(*path, "--help")
        assert result.exit_code == 0, (path, result.stderr)
        assert "Example" in result.stdout, f"kacli {' '.join(path)} has no example in its help"
        assert "--install-completion" not in result.stdout


def test_every_noun_has_help_and_dash_h(kacli):
    for name, _ in NOUNS:
        result = kacli(name, "-h")
        assert result.exit_code == 0, (name, result.stderr)
        assert "Usage: " in result.stdout


def test_unknown_command_is_a_usage_error(kacli):
    result = kacli("customr", "list")
    assert result.exit_code == ExitCode.BAD_INPUT


def test_bad_today_is_bad_input(kacli):
    result = kacli("--today", "someday", "customer", "add", "Acme")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "not a date" in result.stderr


def test_unexpected_failure_is_short_without_debug_and_full_with_it(kacli, monkeypatch):
    from kacli.store import customers

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(customers, "each_listed", boom)
    kacli.ok("customer", "add", "Acme")
    result = kacli("customer", "list")
    assert result.exit_code == ExitCode.FAILURE
    assert "disk on fire" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.stderr
    debug = kacli("--debug", "customer", "list")
    assert isinstance(debug.exception, RuntimeError)


def test_version_and_chinese_help_in_a_real_process():
    out = subprocess.run([sys.executable, "-m", "kacli", "--version"], capture_output=True,
                         text=True, check=True)
    assert out.stdout.startswith("kacli ")
    zh = subprocess.run([sys.executable, "-m", "kacli", "--lang", "zh-Hant", "customer", "--help"],
                        capture_output=True, text=True, check=True)
    assert "客戶" in zh.stdout
    hans = subprocess.run([sys.executable, "-m", "kacli", "--help"], capture_output=True,
                          text=True, check=True, env={"KACLI_LANG": "zh-Hans", "PATH": ""})
    assert "大客户管理" in hans.stdout


def test_messages_go_to_stderr_and_data_to_stdout(kacli):
    result = kacli.ok("customer", "add", "Acme")
    assert result.stdout == ""
    assert "Acme" in result.stderr


def test_usage_errors_speak_the_users_language(kacli):
    result = kacli("--lang", "zh-Hans", "customer", "add")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "缺少参数" in result.stderr and "用法：" in result.stderr
    result = kacli("--lang", "zh-Hant", "week", "--days", "0")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "0 不在 1 到 3660 之間" in result.stderr
    result = kacli("customer", "list", "--frob")
    assert "No such option: --frob" in result.stderr


def test_bare_kacli_shows_the_help(kacli):
    result = kacli()
    assert "Commands" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_long_lists_are_laid_out_fast_and_whole(kacli, monkeypatch):
    from kacli import render

    monkeypatch.setattr(render, "ROWS_FOR_RICH_TABLE", 2)  # the fast layout, on a short list
    for name in ("华信地产", "Acme Trading", "宏远机械"):
        kacli.ok("customer", "add", name, "--industry", "制造")
    lines = kacli.ok("customer", "list").stdout.splitlines()
    assert len(lines) == 4 and lines[0].startswith("#")
    assert [line.split()[1] for line in lines[1:]] == ["Acme", "宏远机械", "华信地产"]
    assert "\x1b[" not in "".join(lines)
