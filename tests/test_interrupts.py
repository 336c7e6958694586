"""A closed pipe and Ctrl-C end kacli quietly, in real processes, and leave the dossier as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import snapshot

KACLI = [sys.executable, "-m", "kacli"]


def _env(db: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KACLI_")}
    return {**env, "KACLI_DB": str(db), "KACLI_TODAY": "2026-11-23", "KACLI_LANG": "en", **extra}


@pytest.fixture
def filled(kacli, db_path):
    for name in ("华信地产", "宏远机械", "Acme Trading"):
        kacli.ok("customer", "add", name, "--grade", "A")
    kacli.ok("next", "add", "华信地产", "寄报价单", "--date", "today")
    return db_path


@pytest.mark.parametrize("args", [["week"], ["week", "--json"], ["remind"], ["customer", "list"],
                                  ["--lang", "zh-Hans", "week", "--all"], ["demo", "--script"]])
def test_a_reader_that_is_gone_ends_kacli_quietly(filled, args):
    read, write = os.pipe()
    os.close(read)  # the reader is gone before kacli writes a byte
    try:
        done = subprocess.run([*KACLI, *args], stdout=write, stderr=subprocess.PIPE, text=True,
                              env=_env(filled), timeout=60)
    finally:
        os.close(write)
    assert done.stderr == ""
    assert done.returncode == 141  # as a shell reports a writer stopped by SIGPIPE


@pytest.mark.parametrize("pipeline", ["kacli week | head -1", "kacli remind | true",
                                      "kacli customer list | head -c 1"])
def test_pipelines_in_a_shell_print_nothing_on_stderr(filled, pipeline):
    bindir = Path(sys.executable).parent
    env = _env(filled, PATH=f"{bindir}:{os.environ.get('PATH', '/usr/bin:/bin')}")
    done = subprocess.run(["sh", "-c", pipeline], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.stderr == ""


_SLOW_WRITE = r"""
import sys, time
from pathlib import Path
from kacli.store import customers

marker = Path(sys.argv[1])
real_add = customers.add

def slow_add(*args, **kwargs):
    added = real_add(*args, **kwargs)
    marker.write_text("written, not committed")
    time.sleep(60)
    return added

customers.add = slow_add
sys.argv = ["kacli", "customer", "add", "新客户", "--industry", "制造"]
from kacli.cli import main
main()
"""


def _ctrl_c_delivered() -> None:
    """In the child: Ctrl-C acts as at a terminal, however the tests were started (a shell's
    background job, or a test worker, hands its children SIGINT ignored)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt_when(proc: subprocess.Popen, ready, timeout: float = 30) -> tuple[str, int]:
    deadline = time.monotonic() + timeout
    while not ready():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    return err, proc.returncode


@pytest.mark.parametrize(("lang", "said"), [
    ("zh-Hans", "已中断。"),
    pytest.param("en", "Interrupted.", marks=pytest.mark.slow),
    pytest.param("zh-Hant", "已中斷。", marks=pytest.mark.slow),
])
def test_ctrl_c_in_the_middle_of_a_write_changes_nothing(filled, tmp_path, lang, said):
    before = snapshot(filled)
    marker = tmp_path / "marker"
    proc = subprocess.Popen([sys.executable, "-c", _SLOW_WRITE, str(marker)], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=_env(filled, KACLI_LANG=lang), preexec_fn=_ctrl_c_delivered)
    err, code = _interrupt_when(proc, marker.exists)
    assert code == 130
    assert err == said + "\n"
    assert snapshot(filled) == before


def test_ctrl_c_during_the_demo_leaves_no_half_built_demo(tmp_path, db_path):
    target = tmp_path / "demo.db"
    building = tmp_path / "demo.db.building"
    proc = subprocess.Popen([*KACLI, "demo", "--file", str(target), "--yes"], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env(db_path),
                            preexec_fn=_ctrl_c_delivered)
    err, code = _interrupt_when(proc, building.exists)
    assert code == 130
    assert err.splitlines()[-1] == "Interrupted." and err.count("Interrupted.") == 1
    assert "Traceback" not in err
    assert not target.exists() and not building.exists()
