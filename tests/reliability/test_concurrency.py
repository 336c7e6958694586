"""Concurrency: several processes writing while another reads in a loop. No "database is locked"
reaches the user, every write is there at the end, and a lock held past the busy timeout gives
exit 3 with a message to try again.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from support import DRIVER_START, child_env, integrity, query, run, scaled

from kacli.errors import ExitCode

pytestmark = pytest.mark.slow

WRITERS = 3
# A process that runs kacli's command line repeatedly and reports every failure on stderr.
DRIVER = DRIVER_START + r"""
role, number, rounds = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
paths = {" ".join(p) for p in json.loads(sys.argv[5])}

if role == "writer":
    for i in range(rounds):
        name = f"W{number}-{i:03d}"
        kacli("customer", "add", name, "--set", f"by=writer {number}")
        kacli("customer", "update", name, "--industry", f"round {i}", "--status", "active")
        if "visit log" in paths:
            kacli("visit", "log", name, "--kind", "call", "--note", f"call {i}")
else:
    import os
    stop = sys.argv[6]
    reads = 0
    while not os.path.exists(stop):
        kacli("customer", "list", "--json")
        if "remind" in paths:
            kacli("remind")
        reads += 1
    print(f"reads {reads}", file=sys.stderr, flush=True)
sys.exit(1 if failures else 0)
"""


def _paths() -> list[list[str]]:
    """The commands this kacli has, so the drivers use ``visit log`` and ``remind`` once they land."""
    from support import commands_under

    return [list(p) for p, _ in commands_under()]


def test_writers_and_a_reader_at_once_all_succeed(tmp_path):
    db = tmp_path / "dossier.db"
    assert run(db, "customer", "add", "Seed").returncode == 0  # the file and schema exist first
    rounds = scaled(12)
    paths = json.dumps(_paths())
    stop = tmp_path / "stop"
    # Writers wait for each other as long as it takes: this test is about no write lost, not about
    # how long a slow machine makes them wait (the timeout has its own test below).
    env = child_env(db, KACLI_BUSY_TIMEOUT="300")
    reader = subprocess.Popen([sys.executable, "-c", DRIVER, str(db), "reader", "0", "0", paths, str(stop)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    writers = [subprocess.Popen([sys.executable, "-c", DRIVER, str(db), "writer", str(n), str(rounds), paths],
                                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for n in range(WRITERS)]
    outcomes = [(w.communicate(timeout=300)[1], w.returncode) for w in writers]
    stop.touch()
    reader_err = reader.communicate(timeout=120)[1]
    for err, code in outcomes:
        assert code == 0 and "locked" not in err.lower() and "busy" not in err.lower(), err
    assert reader.returncode == 0 and "Traceback" not in reader_err, reader_err
    assert int(reader_err.split()[-1]) > 0  # the reader really read while the writers wrote
    assert integrity(db) == []
    rows = dict(query(db, "SELECT name, industry FROM customer WHERE name LIKE 'W%'"))
    assert rows == {f"W{n}-{i:03d}": f"round {i}" for n in range(WRITERS) for i in range(rounds)}
    assert len(query(db, "SELECT 1 FROM customer_fact WHERE key = 'by'")) == WRITERS * rounds
    if ["visit", "log"] in json.loads(paths):
        calls = query(db, "SELECT count(*) FROM visit JOIN customer ON customer.id = visit.customer_id"
                          " WHERE customer.name LIKE 'W%' AND visit.kind = 'call'")
        assert calls == [(WRITERS * rounds,)]


@pytest.mark.parametrize("args", [["customer", "add", "Other"],
                                  ["customer", "update", "Seed", "--status", "active"]])
def test_a_lock_held_past_the_timeout_is_exit_3_with_try_again(tmp_path, args):
    db = tmp_path / "dossier.db"
    assert run(db, "customer", "add", "Seed").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        before = query(db, "SELECT * FROM customer")
        done = run(db, *args, KACLI_BUSY_TIMEOUT="0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == ExitCode.DOSSIER, done.stderr
    assert "Try again" in done.stderr and "Traceback" not in done.stderr
    assert query(db, "SELECT * FROM customer") == before
    assert run(db, *args).returncode == ExitCode.OK  # once the lock is gone, the same command works


def test_reads_go_on_while_a_writer_holds_the_lock(tmp_path):
    db = tmp_path / "dossier.db"
    assert run(db, "customer", "add", "Seed").returncode == 0
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE customer SET industry = 'uncommitted'")
    try:
        done = run(db, "customer", "list", "--json", KACLI_BUSY_TIMEOUT="0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert done.returncode == ExitCode.OK, done.stderr
    assert [c["name"] for c in json.loads(done.stdout)] == ["Seed"]
    assert json.loads(done.stdout)[0]["industry"] is None  # never sees a write in progress
