"""Every command is documented: help text (tests/test_cli.py) and a README mention."""

from __future__ import annotations

from pathlib import Path

from test_cli import all_commands

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    missing = []
    for path, _command in all_commands():
        words = " ".join(path)
        if f"kacli {words}" not in README and f"`{words}" not in README:
            missing.append(words)
    assert missing == []


def test_every_exit_code_is_documented():
    from kacli.errors import ExitCode

    for code in ExitCode:
        assert f"| {int(code)} |" in README


def test_quick_start_has_the_two_commands_and_ci_runs_the_second():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [b.split("```", 1)[0].strip() for b in quick.split("```sh\n")[1:]]
    assert "kacli demo" in blocks[0]
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert blocks[1] in ci
