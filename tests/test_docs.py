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


def test_quick_start_follow_up_commands_work_as_written(tmp_path):
    """The block after "Then start your own dossier", run in a fresh shell at the checkout's root
    with no kacli on PATH, as someone who just made the venv would."""
    import subprocess

    import pytest

    root = Path(__file__).resolve().parents[1]
    if not (root / ".venv" / "bin" / "activate").exists():
        pytest.skip("no .venv at the checkout's root (the Quick start makes one)")
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    follow_up = quick.split("Then start your own dossier", 1)[1].split("```sh\n", 1)[1].split("```")[0]
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "KACLI_DB": str(tmp_path / "d.db"),
           "KACLI_TODAY": "2026-11-23"}
    done = subprocess.run(["bash", "-e", "-c", follow_up], cwd=root, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "华信地产" in done.stdout + done.stderr
