"""Fault injection: ``dossier restore`` and ``dossier backup`` killed (SIGKILL) at random moments.

After every kill the dossier's path holds a whole kacli dossier — the one before or the one
restored, never an empty or partial file — and every copy kacli lists beside it is whole too.
A backup's destination is absent or whole. ``KACLI_STRESS=N`` multiplies the kills.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import child_env, integrity, run, scaled

from kacli.errors import ExitCode

pytestmark = pytest.mark.slow

KILLS = 50


def _build(path: Path, customers: int, tag: str) -> None:
    """A dossier with ``customers`` customers named after ``tag``, large enough (about 2 MB) for a
    copy to take a moment."""
    assert run(path, "customer", "add", f"{tag}-0").returncode == 0
    conn = sqlite3.connect(path)
    now = "2026-11-20T08:00:00Z"
    conn.executemany(
        "INSERT INTO customer (name, name_pinyin, name_initials, kind, business_notes, created_at,"
        " updated_at) VALUES (?, ?, ?, 'organisation', ?, ?, ?)",
        [(f"{tag}-{i}", f"{tag}{i}", tag, "备注" * 300, now, now) for i in range(1, customers)])
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _customers(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    finally:
        conn.close()


def _assert_whole(path: Path, allowed: set[int]) -> int:
    assert path.exists() and path.stat().st_size > 0, f"{path} is missing or empty"
    assert integrity(path) == [], path
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM kacli_migrations").fetchone()[0] > 0
    finally:
        conn.close()
    count = _customers(path)
    assert count in allowed, (path, count, allowed)
    return count


def _timed(db: Path, *args: str) -> float:
    start = time.monotonic()
    done = run(db, *args)
    assert done.returncode == ExitCode.OK, done.stderr
    return time.monotonic() - start


def test_restore_and_backup_killed_at_random_moments_leave_whole_files(tmp_path):
    db = tmp_path / "dossier.db"
    sources = {600: tmp_path / "src" / "big.db", 300: tmp_path / "src" / "small.db"}
    for count, source in sources.items():
        _build(source, count, f"S{count}")
    _build(db, 600, "S600")
    startup = _timed(db, "dossier", "path")
    full = max(_timed(db, "dossier", "restore", str(sources[300]), "--yes"),
               _timed(db, "dossier", "backup", str(tmp_path / "timing.db")))
    rng = random.Random(11)
    kills = scaled(KILLS)
    finished = 0
    for n in range(kills):
        current = _assert_whole(db, set(sources))
        if n % 2 == 0:
            other = next(c for c in sources if c != current)
            args = ["dossier", "restore", str(sources[other]), "--yes"]
            dest = None
        else:
            dest = tmp_path / "out" / f"copy-{n}.db"
            args = ["dossier", "backup", str(dest)]
        child = subprocess.Popen([sys.executable, "-m", "kacli", *args], env=child_env(db),
                                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(startup * 0.8, full * 1.1))
        child.send_signal(signal.SIGKILL)
        finished += child.wait() == 0
        _assert_whole(db, set(sources))
        if dest is not None and dest.exists():
            _assert_whole(dest, {current})
        listed = json.loads(run(db, "dossier", "info", "--json").stdout)["backups"]
        for copy in listed:
            _assert_whole(Path(copy), set(sources))
    assert 0 < finished < kills  # the kills landed both during and after the work
