"""What the reliability tests share: real kacli processes, a seeded dossier, the stress factor.

``KACLI_STRESS=N`` multiplies every count here (fuzz examples, kills, writers' rounds), for a long
run before a release; the default keeps the whole suite within a few minutes on two cores.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import typer

SRC = Path(__file__).resolve().parents[2] / "src"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
TODAY = "2026-11-23"
STRESS = max(1, int(os.environ.get("KACLI_STRESS") or "1"))


def scaled(count: int) -> int:
    return count * STRESS


def child_env(db: Path, **extra: str) -> dict[str, str]:
    """The environment of a kacli child process working on ``db``."""
    env = dict(os.environ)
    env.update(KACLI_DB=str(db), KACLI_TODAY=TODAY, KACLI_LANG="en", PYTHONPATH=str(SRC))
    env.pop("KACLI_DEBUG", None)
    env.update(extra)
    return env


def run(db: Path, *args: str, timeout: float = 60, **extra_env: str) -> subprocess.CompletedProcess:
    """``python -m kacli ARGS`` as a separate process, the way a shell script runs it."""
    return subprocess.run([sys.executable, "-m", "kacli", *args], capture_output=True, text=True,
                          timeout=timeout, env=child_env(db, **extra_env), stdin=subprocess.DEVNULL)


def integrity(path: Path) -> list[str]:
    """SQLite's integrity and foreign-key checks; empty when the file is sound."""
    conn = sqlite3.connect(path)
    try:
        found = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        found = [] if found == ["ok"] else found
        return found + [str(tuple(r)) for r in conn.execute("PRAGMA foreign_key_check")]
    except sqlite3.DatabaseError as damaged:  # too damaged for SQLite to run its checks at all
        return [str(damaged)]
    finally:
        conn.close()


def query(path: Path, sql: str, *params) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@cache
def seeded_dossier() -> Path:
    """A small up-to-date dossier with something of every kind to refer to, built once per run.

    Built from the schema-2 fixture (a customer 华信地产 with contact 王总, a visit, a next action,
    a deal 二期茶歇采购 with a role, an instalment and a payment) opened by kacli, so it is upgraded
    to the current schema, plus a second customer with its contact. Tests copy it; never write it.
    """
    from kacli.store.dossier import open_dossier

    folder = Path(tempfile.mkdtemp(prefix="kacli-seed-"))
    path = folder / "seed.db"
    shutil.copy(FIXTURES / "dossier-v2.db", path)
    conn = open_dossier(path, create=False)
    now = "2026-11-20T08:00:00Z"
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO customer (id, name, name_pinyin, name_initials, name_key, kind, created_at,"
                 " updated_at) VALUES (2, 'Acme Ltd', 'acmeltd', 'al', 'acme ltd', 'person', ?, ?)", (now, now))
    conn.execute("INSERT INTO contact (id, customer_id, name, name_pinyin, name_initials, name_key, created_at,"
                 " updated_at) VALUES (2, 2, 'John Smith', 'johnsmith', 'js', 'john smith', ?, ?)", (now, now))
    conn.execute("INSERT INTO change (customer_id, field, new, at) VALUES (2, 'created', 'Acme Ltd', ?)", (now,))
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for backup in folder.glob("*.bak"):
        backup.unlink()
    return path


def scratch() -> tempfile.TemporaryDirectory:
    """A throw-away folder, in memory where the machine has one: the fuzz examples test input
    handling, not durability, and must not wait on thousands of fsyncs."""
    memory = Path("/dev/shm")
    where = memory if memory.is_dir() and os.access(memory, os.W_OK) else None
    return tempfile.TemporaryDirectory(prefix="kacli-", dir=where)


def fresh_copy(folder: Path) -> Path:
    """A private copy of the seeded dossier in ``folder``."""
    target = folder / "dossier.db"
    shutil.copy(seeded_dossier(), target)
    os.chmod(target, 0o600)
    return target


# The nouns whose commands change the dossier, and the week list's verbs; every command under them
# is fuzzed (reads too: they must never trace back either). New commands are picked up as they land.
FUZZED_NOUNS = ("customer", "contact", "visit", "next", "deal", "payment", "week", "remind", "why")


def commands_under(nouns=FUZZED_NOUNS) -> list[tuple[tuple[str, ...], object]]:
    """(path, click command) for every leaf command under ``nouns`` that this kacli has."""
    from kacli.app import app

    root = typer.main.get_command(app)
    found = []
    for noun in root.list_commands(None):
        if noun not in nouns:
            continue
        group = root.get_command(None, noun)
        if not hasattr(group, "list_commands"):  # a top-level verb: week, remind, why
            found.append(((noun,), group))
            continue
        for verb in group.list_commands(None):
            found.append(((noun, verb), group.get_command(None, verb)))
    return found


def has_command(*path: str) -> bool:
    return any(p == path for p, _ in commands_under(nouns=(path[0],)))


# The start of a driver process (``python -c DRIVER_START + …``) that runs kacli's command line
# in-process, over and over, on the dossier given as its first argument: ``kacli(*args)`` is true
# when the command succeeded, and a failure is counted in ``failures`` and told on stderr.
DRIVER_START = r"""
import json, sys, time
import typer.main
from kacli.app import app
command = typer.main.get_command(app)
db = sys.argv[1]
failures = 0

def kacli(*args):
    global failures
    try:
        code = command.main(["--db", db, *args], prog_name="kacli", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code
    if code:
        failures += 1
        print(f"FAILED {code}: kacli {' '.join(args)}", file=sys.stderr, flush=True)
    return not code
"""
