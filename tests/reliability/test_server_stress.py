"""Ten kacli processes writing and two reading one PostgreSQL dossier at once, for half a minute
(``KACLI_STRESS`` times longer): no write lost, no traceback, no deadlock or serialization error
reaching the user. The fast lane's small version is in tests/test_server_ops.py."""

from __future__ import annotations

import subprocess
import sys
import time

import psycopg
import pytest
from support import DRIVER_START, STRESS, child_env

pytestmark = pytest.mark.slow

WRITERS, READERS = 10, 2
SECONDS = 30 * STRESS
# Runs kacli's command line over and over until a deadline; a writer counts what it wrote.
DRIVER = DRIVER_START + r"""
role, number, deadline = sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
done = 0

while time.time() < deadline:
    if role == "writer":
        name = f"W{number}-{done:05d}"
        if kacli("customer", "add", name, "--set", f"by=writer {number}"):
            done += 1
            kacli("customer", "update", name, "--industry", f"round {done}", "--status", "active")
    else:
        kacli("customer", "list", "--json")
        kacli("dossier", "info", "--json")
        done += 1
print(done, flush=True)
sys.exit(1 if failures else 0)
"""


def test_ten_writers_and_two_readers_lose_nothing(pg_database, tmp_path):
    env = child_env(tmp_path / "unused.db", KACLI_DB=pg_database, KACLI_BUSY_TIMEOUT="120")
    seed = subprocess.run([sys.executable, "-m", "kacli", "customer", "add", "Seed"], env=env,
                          capture_output=True, text=True, timeout=120)
    assert seed.returncode == 0, seed.stderr
    deadline = str(time.time() + SECONDS + 5)  # the processes' start-up is not counted

    def start(role: str, n: int) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", DRIVER, pg_database, role, str(n), deadline], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    writers = [start("writer", n) for n in range(WRITERS)]
    readers = [start("reader", n) for n in range(READERS)]
    results = [(p.communicate(timeout=SECONDS + 600), p.returncode) for p in (*writers, *readers)]
    for (_out, err), code in results:
        assert code == 0 and "Traceback" not in err, err
        assert "deadlock" not in err.lower() and "serializ" not in err.lower(), err
    wrote = [int(out.split()[-1]) for (out, _), _ in results[:WRITERS]]
    assert all(n > 0 for n in wrote) and all(int(out.split()[-1]) > 0 for (out, _), _ in results[WRITERS:])
    with psycopg.connect(pg_database) as conn:
        for n, count in enumerate(wrote):
            names = [r[0] for r in conn.execute("SELECT name FROM customer WHERE name LIKE %s ORDER BY name",
                                                (f"W{n}-%",))]
            assert names == [f"W{n}-{i:05d}" for i in range(count)]
            updated = conn.execute("SELECT count(*) FROM customer WHERE name LIKE %s AND status = 'active'",
                                   (f"W{n}-%",)).fetchone()[0]
            assert updated == count
        assert conn.execute("SELECT count(*) FROM customer_fact WHERE key = 'by'").fetchone()[0] == sum(wrote)
