"""Crashes: a writer killed with SIGKILL at random points leaves a sound dossier in which each
command's change is all there or not there at all.

A driver process runs kacli's command line over and over in one process (so the kills land in
the writes, not in Python's start-up): ``customer add`` with many facts, phones and tags, then a
``customer update`` of several fields and a fact, each round tagged with its number. After every
kill the file must pass SQLite's integrity check and every customer and every round must be
whole. A second test kills real ``python -m kacli`` processes at random moments of their life.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from support import child_env, integrity, query, run, scaled

from kacli.errors import ExitCode
from kacli.store.dossier import open_dossier

pytestmark = pytest.mark.slow

FACTS = 8
DRIVER = r"""
import sys
from kacli.app import app
import kacli.store.unit, kacli.domain.names, typer.main
kacli.domain.names.search_keys("预热")  # load pypinyin before saying ready
command = typer.main.get_command(app)
db, start = sys.argv[1], int(sys.argv[2])

def kacli(*args):
    try:
        code = command.main(["--db", db, *args], prog_name="kacli", standalone_mode=False)
    except SystemExit as exc:
        code = exc.code
    if code:
        sys.exit(f"kacli {args} exited {code}")

print("ready", flush=True)
i = start
while True:
    name = f"C{i:05d}"
    facts = [x for k in range({facts}) for x in ("--set", f"k{k}=v{k}-{name}")]
    kacli("customer", "add", name, "--phone", f"{i}-1", "--phone", f"{i}-2", "--phone", f"{i}-3",
          "--tag", "t1", "--tag", "t2", "--industry", "start", "--address", "start", *facts)
    target = f"C{i // 2:05d}"
    kacli("customer", "update", target, "--industry", f"I{i}", "--address", f"A{i}",
          "--status", "active", "--set", f"round=R{i}")
    print("done", flush=True)
    i += 1
""".replace("{facts}", str(FACTS))


def _customers(db) -> dict[str, int]:
    if not db.exists():  # killed before its first write made the file
        return {}
    return {name: cid for cid, name in query(db, "SELECT id, name FROM customer")}


def _assert_whole(db) -> None:
    if not db.exists():
        return
    assert integrity(db) == []
    customers = _customers(db)
    assert sorted(customers) == [f"C{i:05d}" for i in range(len(customers))], "a customer is missing"
    for name, cid in customers.items():
        facts = dict(query(db, "SELECT key, value FROM customer_fact WHERE customer_id = ?", cid))
        added = {k: v for k, v in facts.items() if k != "round"}
        assert added == {f"k{k}": f"v{k}-{name}" for k in range(FACTS)}, name
        [(phones, tags)] = query(db, "SELECT phones, tags FROM customer WHERE id = ?", cid)
        number = int(name[1:])
        assert json.loads(phones) == [f"{number}-{n}" for n in (1, 2, 3)] and json.loads(tags) == ["t1", "t2"]
        history = query(db, "SELECT field, new FROM change WHERE customer_id = ? ORDER BY id", cid)
        assert [h for h in history if h[0] == "created"] == [("created", name)]
        rounds = {field: [new[1:] for f, new in history if f == field]
                  for field in ("industry", "address", "fact:round")}
        assert rounds["industry"] == rounds["address"] == rounds["fact:round"], (name, rounds)
        [(industry, address)] = query(db, "SELECT industry, address FROM customer WHERE id = ?", cid)
        if rounds["industry"]:
            last = rounds["industry"][-1]
            assert (industry, address, facts["round"]) == (f"I{last}", f"A{last}", f"R{last}")
        else:
            assert (industry, address, facts.get("round")) == ("start", "start", None)


def test_a_writer_killed_anywhere_leaves_whole_commands(tmp_path):
    db = tmp_path / "dossier.db"
    # Made before the kills: a kill while the very first write creates the file is its own test.
    open_dossier(db, create=True).close()
    rng = random.Random(20261123)
    kills = scaled(20)
    for _ in range(kills):
        start = len(_customers(db))
        driver = subprocess.Popen([sys.executable, "-c", DRIVER, str(db), str(start)], env=child_env(db),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert driver.stdout.readline().strip() == "ready", driver.stderr.read()
        # One pair of commands done first, however slow the machine: the kill then lands among
        # commands (anywhere in the next ones), never before the first write.
        assert driver.stdout.readline().strip() == "done", driver.stderr.read()
        time.sleep(rng.uniform(0.0, 1.0))
        assert driver.poll() is None, f"the writer stopped by itself: {driver.stderr.read()}"
        driver.send_signal(signal.SIGKILL)
        driver.wait()
        driver.stdout.close()
        driver.stderr.close()
        _assert_whole(db)


def test_kacli_processes_killed_at_random_moments(tmp_path):
    db = tmp_path / "dossier.db"
    rng = random.Random(7)
    facts = [x for k in range(FACTS) for x in ("--set", f"k{k}=v{k}")]
    for n in range(scaled(8)):
        name = f"P{n:03d}"
        child = subprocess.Popen([sys.executable, "-m", "kacli", "customer", "add", name, "--phone", "1",
                                  "--phone", "2", *facts], env=child_env(db), stdin=subprocess.DEVNULL,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, 1.2))
        child.send_signal(signal.SIGKILL)
        child.wait()
        if not db.exists():
            continue
        assert integrity(db) == []
        found = query(db, "SELECT id, phones FROM customer WHERE name = ?", name)
        if found:
            [(cid, phones)] = found
            assert json.loads(phones) == ["1", "2"]
            assert len(query(db, "SELECT 1 FROM customer_fact WHERE customer_id = ?", cid)) == FACTS
            assert len(query(db, "SELECT 1 FROM change WHERE customer_id = ? AND field = 'created'", cid)) == 1


def test_a_kill_while_the_first_write_creates_the_dossier_is_recovered(tmp_path):
    db = tmp_path / "dossier.db"
    # What the file holds when the first write is killed after the bookkeeping table was made and
    # before migration 1 committed (its transaction rolled back).
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE kacli_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                 " applied_at TEXT NOT NULL)")
    conn.close()
    done = run(db, "customer", "add", "Acme")
    assert done.returncode == ExitCode.OK, done.stderr
