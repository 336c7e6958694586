"""Records on a server dossier that the file alone cannot show: colleagues writing at the same
moment. Every other record command is proved on both engines by the capability modules listed
in ``conftest.SERVER_MODULES``."""

from __future__ import annotations

import subprocess
import sys
import time

import psycopg
import pytest

from kacli.errors import ExitCode
from kacli.store.postgres.schema import WRITE_LOCK


def _waiting_writers(conn) -> int:
    return conn.execute("""SELECT count(*) FROM pg_locks
                           WHERE locktype = 'advisory' AND NOT granted AND database = (
                               SELECT oid FROM pg_database WHERE datname = current_database())""").fetchone()[0]


@pytest.mark.parametrize("second", [
    "華信地產",  # the same name in Traditional characters: as names compare, the very same
    pytest.param("华信地产", marks=pytest.mark.slow),
    pytest.param("华信地产\u200b", marks=pytest.mark.slow),  # an invisible character pasted along
])
def test_two_colleagues_adding_one_customer_at_once_get_one_customer(kacli, pg_database, second):
    """Both commands are under way before either writes (each waits on the dossier's write
    lock, held here): one adds the customer, the other is told it already exists, exit 2."""
    kacli.ok("--db", pg_database, "customer", "add", "机床厂")  # the dossier exists: both only add
    with psycopg.connect(pg_database) as holder:
        holder.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        adds = [subprocess.Popen([sys.executable, "-m", "kacli", "--db", pg_database, "customer", "add", name],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for name in ("华信地产", second)]
        with psycopg.connect(pg_database, autocommit=True) as watcher:
            deadline = time.monotonic() + 120
            while _waiting_writers(watcher) < 2:
                assert all(add.poll() is None for add in adds), [add.communicate() for add in adds]
                assert time.monotonic() < deadline, "the two adds never reached the write lock"
                time.sleep(0.05)
        holder.rollback()  # the lock goes: the two adds take their turns
        done = [(add.wait(timeout=120), *add.communicate()) for add in adds]
    codes = sorted(code for code, _, _ in done)
    assert codes == [ExitCode.OK, ExitCode.BAD_INPUT], done
    with psycopg.connect(pg_database) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM customer ORDER BY id")]
    assert len(names) == 2 and names[0] == "机床厂" and names[1] in ("华信地产", second)
    refused = next(err for code, _, err in done if code == ExitCode.BAD_INPUT)
    assert f"There is already a customer named {names[1]} (#2)" in refused and "Traceback" not in refused


def test_money_and_yes_no_are_written_to_a_server_as_to_the_file(kacli, pg_database):
    """Money above ¥21,474,836.47 (2^31 fen) is kept to the fen; a yes/no is 1 or 0 in its column
    and yes/no in the customer's history, as on the file. (A deal's and a payment's money: the
    payment tests, on both engines.)"""
    kacli.ok("--db", pg_database, "customer", "add", "中建八局", "--revenue", "300亿", "--need")
    kacli.ok("--db", pg_database, "contact", "add", "中建八局", "王总", "--primary")
    kacli.ok("--db", pg_database, "contact", "update", "王总", "--not-primary")
    with psycopg.connect(pg_database) as conn:
        assert conn.execute("SELECT annual_revenue, need FROM customer").fetchone() == (3_000_000_000_000, 1)
        assert conn.execute("SELECT is_primary FROM contact").fetchone() == (0,)
        assert conn.execute("SELECT old, new FROM change WHERE field = 'is_primary'").fetchall() == [("yes", "no")]
