"""examples/nightly-reminder.sh under cron's minimal environment (env -i), as the README says."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kacli.errors import ExitCode

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "examples" / "nightly-reminder.sh"
KACLI = Path(sys.executable).parent / "kacli"

pytestmark = pytest.mark.skipif(
    shutil.which("mail", path="/usr/bin:/bin") is not None or shutil.which("bash") is None,
    reason="this machine would really send the mail",
)


def cron_env(home: Path, **extra: str) -> dict[str, str]:
    """What cron gives a job: HOME, LOGNAME, SHELL and PATH=/usr/bin:/bin, plus the crontab line's
    own variables. The checkout's .venv is found by the script itself when it is there."""
    env = {"HOME": str(home), "LOGNAME": "me", "SHELL": "/bin/sh", "PATH": "/usr/bin:/bin", **extra}
    if not (REPO / ".venv" / "bin" / "kacli").exists():
        env["KACLI"] = str(KACLI)
    return env


def run(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["/usr/bin/env", "-i", *(f"{k}={v}" for k, v in env.items()), "bash",
                           str(SCRIPT), "me@example.com"], capture_output=True, text=True, timeout=60)


@pytest.fixture
def home(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # The dossier in its default place for this user, as a salesperson would have made it.
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "KACLI_LANG": "en"}
    for args in (["customer", "add", "华信地产"], ["next", "add", "华信地产", "寄报价单", "--date", "today"]):
        subprocess.run([str(KACLI), *args], env=env, check=True, capture_output=True, timeout=60)
    return home


def test_the_nightly_script_works_under_cron_with_a_subject_in_the_language(home):
    done = run(cron_env(home, KACLI_LANG="zh-Hans"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "kacli：1 位客户待联系"
    assert "华信地产" in lines[1] and "寄报价单" in lines[1]
    english = run(cron_env(home))
    assert english.stdout.splitlines()[0] == "kacli: 1 customer to contact"


@pytest.mark.slow
def test_the_nightly_script_reports_the_real_failure(home, tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a dossier" * 100)
    done = run(cron_env(home, KACLI_DB=str(broken)))
    assert done.returncode == ExitCode.DOSSIER
    assert "broken.db" in done.stderr and "dossier check" in done.stderr
    wrong = run(cron_env(home, KACLI_LANG="fr"))
    assert wrong.returncode == ExitCode.BAD_INPUT
    assert "Unknown language 'fr'" in wrong.stderr and "dossier check" not in wrong.stderr
