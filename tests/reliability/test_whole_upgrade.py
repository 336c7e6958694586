"""An upgrade is whole: stopped at any step (an error, Ctrl-C, SIGKILL), the dossier is still at the
version it had, with its data exactly as it was and no step of the new version in it, and the next
kacli upgrades it from there. All the steps an upgrade needs run in one transaction.

Each test upgrades the oldest fixture (``tests/fixtures/dossier-v1.db``), which needs every step
kacli has, and stops it at each of them in turn.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from support import FIXTURES, child_env, integrity

from conftest import snapshot
from kacli.store import dossier, migrations

OLDEST = FIXTURES / "dossier-v1.db"
STEPS = sum(len(steps) for number, _, steps in migrations.MIGRATIONS if number != 1)


class Stop(Exception):
    """What a step raises to stop the upgrade there."""


def _stopping_at(k: int, stop):
    """MIGRATIONS whose ``k``-th step (counting from 0, across the whole upgrade) calls ``stop``."""
    seen = [0]

    def wrap(step):
        def run(conn):
            if seen[0] == k:
                stop()
            seen[0] += 1
            return step(conn) if callable(step) else conn.execute(step)
        return run

    return [(n, name, [wrap(s) for s in steps]) for n, name, steps in migrations.MIGRATIONS]


def _version(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return migrations.version(conn)
    finally:
        conn.close()


def _old_dossier(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    shutil.copy(OLDEST, path)
    return path


def _raise_interrupt():
    raise KeyboardInterrupt


@pytest.mark.parametrize("k", range(STEPS))
def test_an_upgrade_interrupted_at_any_step_leaves_the_old_version_whole(tmp_path, monkeypatch, k):
    path = _old_dossier(tmp_path)
    before, old = snapshot(path), _version(path)
    monkeypatch.setattr(migrations, "MIGRATIONS", _stopping_at(k, _raise_interrupt))
    with pytest.raises(KeyboardInterrupt):
        dossier.open_dossier(path, create=False).close()
    assert _version(path) == old
    assert snapshot(path) == before
    assert integrity(path) == []
    monkeypatch.undo()
    dossier.open_dossier(path, create=False).close()  # the next open upgrades it
    assert _version(path) == migrations.LATEST


def test_an_upgrade_stopped_after_its_last_step_leaves_the_old_version_whole(tmp_path, monkeypatch):
    from kacli.store import journal

    path = _old_dossier(tmp_path)
    before = snapshot(path)

    def fail(conn, now):
        raise Stop

    monkeypatch.setattr(journal, "after_upgrade", fail)
    with pytest.raises(Stop):
        dossier.open_dossier(path, create=False).close()
    assert snapshot(path) == before


_CHILD = """
import os, signal, sys
from pathlib import Path
from kacli.store import dossier, migrations
k = int(sys.argv[1])
seen = [0]
def wrap(step):
    def run(conn):
        if seen[0] == k:
            os.kill(os.getpid(), signal.SIGKILL)
        seen[0] += 1
        return step(conn) if callable(step) else conn.execute(step)
    return run
migrations.MIGRATIONS[:] = [(n, name, [wrap(s) for s in steps]) for n, name, steps in migrations.MIGRATIONS]
dossier.open_dossier(Path(sys.argv[2]), create=False).close()
"""


@pytest.mark.slow  # a process each; the in-process test above stops at the same steps
def test_an_upgrade_killed_at_any_step_leaves_the_old_version_whole(tmp_path):
    for k in range(STEPS):
        path = _old_dossier(tmp_path)
        before, old = snapshot(path), _version(path)
        done = subprocess.run([sys.executable, "-c", _CHILD, str(k), str(path)], capture_output=True,
                              text=True, timeout=60, env=child_env(path))
        assert done.returncode == -signal.SIGKILL, (k, done.stderr)
        assert _version(path) == old, k
        assert snapshot(path) == before, k
        assert integrity(path) == [], k
        for leftover in tmp_path.iterdir():
            leftover.unlink()
