"""The week list's loader (kacli.store.week): it reads rows, the domain decides.

The loader reads only what the window can use (open things due by the window's end, care given
since the earliest day it could count); these tests make random dossiers and check that the list
made from what it reads for a window is exactly the list made, by the same domain rules, from a
reading for a much longer window — so no read filter ever drops something the list needed.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kacli.domain import receivables as rcv
from kacli.domain.rules import defaults
from kacli.domain.week import build_week, explain
from kacli.domain.week_reasons import Window
from kacli.store import migrations, revenue
from kacli.store import week as store
from kacli.store.db import Db

TODAY = dt.date(2026, 11, 23)
STAGES = ("discover", "validate", "negotiate", "contract", "deliver")
ROLES = ("user", "decision_maker", "buyer", "influencer", "coach")


def empty_dossier() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrations.apply(conn, now="2026-01-01T00:00:00Z")
    return conn


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def fill(conn: sqlite3.Connection, seed: int, customers: int = 25) -> None:
    """A small random dossier touching every reason and every way to choose whom to call."""
    r = random.Random(seed)
    contact_id = visit_id = deal_id = 0
    for cid in range(1, customers + 1):
        kind = r.choice(["org", "person"])
        conn.execute(
            """INSERT INTO customer (id, name, kind, grade_manual, buy_within, expected_purchase,
                   purchase_cycle, batch, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)""",
            (cid, f"客户{cid}", kind, r.choice([None, None, "A", "C"]),
             r.choice(["1w", "1m", "3m", None]) if kind == "person" else None,
             day(r.randint(-5, 60)) if kind == "person" and r.random() < 0.3 else None,
             r.choice(["short", "long", None]) if kind == "org" else None,
             r.choice(["large", "small", None]) if kind == "org" else None,
             day(r.randint(-400, 3)) + "T03:00:00Z", "2026-01-01T00:00:00Z"))
        people = []
        primary = r.random() < 0.5
        for n in range(r.randint(0, 4)):
            contact_id += 1
            people.append(contact_id)
            lunar = r.random() < 0.4
            month, birth_day = r.randint(1, 12), r.randint(1, 30 if lunar else 28)
            if r.random() < 0.3:  # around the window, so birthdays fall in it
                month, birth_day = r.choice([(11, 25), (11, 28), (10, 17), (12, 3), (10, 30), (1, 2)])
            conn.execute(
                """INSERT INTO contact (id, customer_id, name, roles, attitude, is_primary, phones,
                       birth_month, birth_day, birthday_lunar, birthday_leap, forgotten_at,
                       created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
                (contact_id, cid, f"联系人{contact_id}", json.dumps(r.sample(ROLES, r.randint(0, 2))),
                 r.choice(["supporter", "neutral", "opponent", None]), int(primary and n == 0),
                 json.dumps([f"138{contact_id:04d}"] if r.random() < 0.8 else []),
                 month if r.random() < 0.7 else None, birth_day, int(lunar),
                 int(lunar and r.random() < 0.2), "2026-05-01T00:00:00Z" if r.random() < 0.05 else None,
                 "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
        for _ in range(r.randint(0, 5)):
            visit_id += 1
            planned = r.random() < 0.25
            conn.execute("INSERT INTO visit (id, customer_id, date, kind, planned, purpose, created_at)"
                         " VALUES (?,?,?,?,?,?,?)",
                         (visit_id, cid, day(r.randint(-5, 20) if planned else r.randint(-90, 3)),
                          r.choice(["visit", "greeting", "small_gift", "no_answer"]),
                          int(planned), r.choice(["送样品", None]), "2026-01-01T00:00:00Z"))
            for person in r.sample(people, min(len(people), r.randint(0, 2))):
                conn.execute("INSERT INTO visit_contact VALUES (?, ?)", (visit_id, person))
        for _ in range(r.randint(0, 3)):
            conn.execute("INSERT INTO next_action (customer_id, contact_id, kind, text, due, done_on, created_at)"
                         " VALUES (?,?,?,?,?,?,?)",
                         (cid, r.choice([None, *people]), r.choice(["next", "after_sale", "first_call"]), "回访",
                          day(r.randint(-20, 40)), r.choice([None, None, day(-1)]), "2026-01-01T00:00:00Z"))
        for _ in range(r.randint(0, 3)):
            deal_id += 1
            outcome = r.choice(["open", "open", "won", "lost"])
            stage = r.choice(STAGES)
            conn.execute(
                """INSERT INTO deal (id, customer_id, title, amount, price, expected_close, stage,
                       outcome, closed_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)""",
                (deal_id, cid, f"项目{deal_id}", r.choice([None, 5_000_000, 300_000_000]),
                 r.choice([None, None, 200_000_000]), r.choice([None, day(r.randint(-10, 30))]), stage,
                 outcome, day(r.randint(-300, -1)) if outcome != "open" else None,
                 day(-200) + "T00:00:00Z", "2026-01-01T00:00:00Z"))
            for step in range(r.randint(0, 3)):
                conn.execute("INSERT INTO deal_event (deal_id, on_date, to_stage, created_at) VALUES (?,?,?,?)",
                             (deal_id, day(-150 + step * 40 + r.randint(0, 30)), r.choice([stage, *STAGES]),
                              "2026-01-01T00:00:00Z"))
            for person in r.sample(people, min(len(people), r.randint(0, 3))):
                conn.execute("INSERT INTO deal_role (deal_id, contact_id, role, attitude) VALUES (?,?,?,?)",
                             (deal_id, person, r.choice(ROLES), r.choice([None, "supporter", "opponent"])))
            for _ in range(r.randint(0, 3)):
                conn.execute("INSERT INTO instalment (deal_id, amount, due, created_at) VALUES (?,?,?,?)",
                             (deal_id, r.choice([1_000_000, 2_500_000]), day(r.randint(-60, 40)),
                              "2026-01-01T00:00:00Z"))
            for _ in range(r.randint(0, 2)):
                conn.execute("INSERT INTO payment (deal_id, amount, date, created_at) VALUES (?,?,?,?)",
                             (deal_id, r.choice([500_000, 1_000_000, 3_000_000]), day(r.randint(-400, 0)),
                              "2026-01-01T00:00:00Z"))


def loaded(conn: sqlite3.Connection, today: dt.date, until: dt.date, chunk: int) -> list:
    db = Db(conn)
    window = Window.of(today, until, defaults())
    return [a for first, last in store.chunks(db, chunk) for a in store.accounts(db, window, first, last)]


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize(("today", "days"), [
    (TODAY, 7), (TODAY, 1), (TODAY, 40), (dt.date(2026, 12, 28), 10), (TODAY, 366),
])
def test_the_loader_gives_the_same_list_as_a_wider_reading(seed, today, days):
    conn = empty_dossier()
    fill(conn, seed)
    rules = defaults()
    until = today + dt.timedelta(days=days - 1)
    keys = {1, 2, 3}
    wide = loaded(conn, today, today + dt.timedelta(days=800), 1000)
    expected = build_week(wide, today, days, rules, keys)
    for chunk in (4, 1000):
        got = build_week(loaded(conn, today, until, chunk), today, days, rules, keys)
        assert got == expected
        assert [explain(i) for i in got] == [explain(i) for i in expected]
    assert expected, "a dossier this size always has someone due"


def test_one_customer_alone_gives_its_row():
    conn = empty_dossier()
    fill(conn, 99)
    window = Window.of(TODAY, TODAY + dt.timedelta(days=6), defaults())
    everyone = loaded(conn, TODAY, window.until, 1000)
    assert store.accounts(Db(conn), window, 7, 7) == [a for a in everyone if a.id == 7]


@settings(max_examples=150, deadline=None)
@given(plan=st.lists(st.tuples(st.integers(1, 500), st.integers(-30, 30)), max_size=6),
       paid=st.lists(st.integers(1, 800), max_size=4), window=st.integers(0, 20))
def test_money_owed_is_allocated_oldest_first_like_the_receivables_rule(plan, paid, window):
    conn = empty_dossier()
    conn.execute("INSERT INTO customer (id, name, created_at, updated_at) VALUES (1, 'x', ?, ?)",
                 ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
    conn.execute("INSERT INTO deal (id, customer_id, title, outcome, created_at, updated_at)"
                 " VALUES (1, 1, '项目', 'won', ?, ?)", ("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z"))
    for amount, offset in plan:
        conn.execute("INSERT INTO instalment (deal_id, amount, due, created_at) VALUES (1, ?, ?, '')",
                     (amount, day(offset)))
    for amount in paid:
        conn.execute("INSERT INTO payment (deal_id, amount, date, created_at) VALUES (1, ?, ?, '')",
                     (amount, day(-40)))
    until = TODAY + dt.timedelta(days=window)
    ids = [i for (i,) in conn.execute("SELECT id FROM instalment ORDER BY id")]
    states = rcv.allocate([rcv.Instalment(a, dt.date.fromisoformat(day(o)), i) for (a, o), i in zip(plan, ids,
                                                                                                     strict=True)],
                          [rcv.Payment(a, TODAY) for a in paid], TODAY)
    expected = sorted((s.id, s.due, s.outstanding) for s in states if s.outstanding > 0 and s.due <= until)
    accounts = store.accounts(Db(conn), Window.of(TODAY, until, defaults()), 1, 1)
    got = [r.params for item in build_week(accounts, TODAY, window + 1, defaults()) for r in item.reasons
           if r.code.startswith("payment_")]
    assert sorted((p["instalment_id"], p["due"], p["outstanding_fen"]) for p in got) == expected


@settings(max_examples=60, deadline=None)
@given(amounts=st.lists(st.sampled_from([0, 1, 5, 5, 20, 100, 300]), min_size=1, max_size=12),
       share=st.sampled_from([0.5, 0.8, 0.95, 1.0]), minimum=st.integers(1, 6))
def test_one_customers_key_tier_place_follows_the_domains_ranking(amounts, share, minimum):
    import dataclasses

    from kacli.domain.grading import key_tier
    from kacli.services.key_tier import is_key

    conn = empty_dossier()
    for cid, amount in enumerate(amounts, 1):
        conn.execute("INSERT INTO customer (id, name, created_at, updated_at) VALUES (?, ?, '', '')",
                     (cid, f"客户{cid}"))
        conn.execute("INSERT INTO deal (customer_id, title, amount, outcome, closed_on, created_at, updated_at)"
                     " VALUES (?, 'x', ?, 'won', ?, '', '')", (cid, amount * 10_000, day(-30)))
    rules = dataclasses.replace(defaults(), key_share=share, key_min_customers=minimum)
    db = Db(conn)
    tier = key_tier(revenue.revenue(db, TODAY, rules.key_months), rules.key_share, minimum)
    for cid in range(1, len(amounts) + 1):
        assert is_key(db, cid, TODAY, rules) == (cid in tier and tier[cid].key), (cid, amounts)


def test_a_call_nobody_answered_is_not_the_last_contact_nor_a_meeting():
    conn = empty_dossier()
    conn.execute("INSERT INTO customer (id, name, created_at, updated_at) VALUES (1, '宝山钢构', ?, '')",
                 (day(-100) + "T03:00:00Z",))
    conn.execute("INSERT INTO contact (id, customer_id, name, roles, created_at, updated_at)"
                 " VALUES (5, 1, '王总', '[\"decision_maker\"]', '', '')")
    conn.execute("INSERT INTO contact (id, customer_id, name, created_at, updated_at) VALUES (6, 1, '李工', '', '')")
    conn.execute("INSERT INTO deal (id, customer_id, title, stage, created_at, updated_at)"
                 " VALUES (1, 1, '钢构软件', 'negotiate', ?, ?)", (day(-50) + "T03:00:00Z",) * 2)
    for visit_id, date, kind in ((1, day(-9), "visit"), (2, day(-1), "no_answer")):
        conn.execute("INSERT INTO visit (id, customer_id, date, kind, planned, created_at) VALUES (?, 1, ?, ?, 0, '')",
                     (visit_id, date, kind))
        conn.execute("INSERT INTO visit_contact VALUES (?, ?)", (visit_id, 6 if kind == "visit" else 5))
    rules = defaults()
    [account] = store.accounts(Db(conn), Window.of(TODAY, TODAY, rules), 1, 1)
    assert account.last_contact == TODAY - dt.timedelta(days=9)
    assert {c.name: c.last_met for c in account.contacts}["王总"] is None  # rang, never met


def test_each_read_of_a_range_of_customers_goes_through_an_index():
    # A read that scans a whole table (or every customer's own changes, through the contact
    # index's NULL entries) once per range of customers makes the list grow with the square of
    # the dossier: 100,000 customers took twelve times as long as 10,000.
    conn = empty_dossier()
    fill(conn, 5)
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    window = Window.of(TODAY, TODAY + dt.timedelta(days=6), defaults())
    store.accounts(Db(conn), window, 3, 9)
    conn.set_trace_callback(None)
    assert len(seen) > 5
    for sql in seen:
        plan = " / ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
        # Scanning a json_each list of ids (j) or a subquery's few rows is fine; a table is not.
        assert not re.search(r"\bSCAN (?!j\b|\(subquery)", plan), (sql, plan)
        assert "change_contact" not in plan, (sql, plan)


# ---- the same reading on a server ------------------------------------------------------------


@pytest.fixture
def server_copy(pg_server: str):
    """``copy(conn)``: a PostgreSQL dossier holding exactly the rows of the file ``conn`` (ids
    kept), as a ``PgDb`` in a read-only transaction, as kacli reads it."""
    import secrets

    from conftest import pg_admin
    from kacli.store.postgres.connect import connect
    from kacli.store.postgres.db import PgDb
    from kacli.store.postgres.schema import apply
    from pgserver import with_database

    made: list[tuple[str, object]] = []

    def copy(conn: sqlite3.Connection) -> PgDb:
        name = f"t_{secrets.token_hex(6)}"
        with pg_admin(pg_server) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        server = connect(with_database(pg_server, name))
        made.append((name, server))
        db = PgDb(server)
        apply(db, now="2026-01-01T00:00:00Z")
        tables = [t for (t,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'undo_%' AND name != 'kacli_migrations'")]
        with server.cursor() as cursor:
            for table in tables:
                columns = [c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')]
                rows = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"').fetchall()
                if rows:
                    cursor.executemany(f'INSERT INTO "{table}" ({", ".join(columns)}) VALUES '
                                       f'({", ".join(["%s"] * len(columns))})', rows)
        server.commit()
        db.execute("SET TRANSACTION READ ONLY")
        return db

    yield copy
    for name, server in made:
        server.close()
        with pg_admin(pg_server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize("seed", range(3))
def test_a_server_dossier_reads_exactly_as_the_file(server_copy, seed):
    """The loader, the sales behind the key tier and the reports' rows: the same values on both
    engines, read from the same rows."""
    from kacli.store import history
    from kacli.store import reports as rows

    conn = empty_dossier()
    fill(conn, seed, customers=40)
    server = server_copy(conn)
    file = Db(conn)
    first, last = dt.date(2026, 1, 1), TODAY
    for today, days in ((TODAY, 7), (TODAY, 366), (dt.date(2026, 9, 1), 30)):
        window = Window.of(today, today + dt.timedelta(days=days - 1), defaults())
        assert store.chunks(server, 7) == store.chunks(file, 7)
        for lo, hi in store.chunks(file, 7):
            assert store.accounts(server, window, lo, hi) == store.accounts(file, window, lo, hi)
        assert revenue.revenue(server, today, 12) == revenue.revenue(file, today, 12)
        assert history.intentions_stated(server, today) == history.intentions_stated(file, today)
        assert rows.open_deals(server, today=today) == rows.open_deals(file, today=today)
        assert rows.cadence_facts(server, today) == rows.cadence_facts(file, today)
    assert rows.open_deals(server, first, last) == rows.open_deals(file, first, last)
    assert rows.won_deals(server, first, last) == rows.won_deals(file, first, last)
    assert rows.closed_deals(server, first, last) == rows.closed_deals(file, first, last)
    assert list(rows.contacts_logged(server, first, last)) == list(rows.contacts_logged(file, first, last))
    assert rows.payment_plans(server) == rows.payment_plans(file)
    assert revenue.orders_since(server, first, last) == revenue.orders_since(file, first, last)
    assert revenue.names(server, [1, 2, 3]) == revenue.names(file, [1, 2, 3])
    assert revenue.first_sale(server, 1, TODAY) == revenue.first_sale(file, 1, TODAY)


@pytest.mark.parametrize(("zone", "instant", "day"), [
    ("Asia/Shanghai", "2026-10-01T20:00:00Z", "2026-10-02"),
    ("Asia/Shanghai", "2026-10-01 20:00:00", "2026-10-02"),  # kept without its zone: UTC
    ("Asia/Shanghai", "2026-10-01T15:59:59Z", "2026-10-01"),
    ("America/Los_Angeles", "2026-10-01T03:00:00Z", "2026-09-30"),
    ("UTC", "2026-10-01T23:59:59Z", "2026-10-01"),
])
def test_the_day_something_was_added_is_the_day_in_the_users_calendar(in_zone, zone, instant, day):
    """As the file's ``date(instant, 'localtime')`` says it, so both engines agree."""
    from kacli.store.db import LocalDays

    in_zone(zone)
    assert LocalDays()[instant] == dt.date.fromisoformat(day)
    conn = sqlite3.connect(":memory:")
    assert conn.execute("SELECT date(?, 'localtime')", (instant,)).fetchone()[0] == day


@pytest.mark.parametrize(("zone", "instant", "listed"), [
    ("Asia/Shanghai", "2026-11-23T17:00:00Z", True),  # already the 24th in Shanghai
    ("America/Los_Angeles", "2026-11-24T03:00:00Z", True),  # still the 23rd in Los Angeles
    ("America/Los_Angeles", "2026-11-25T03:00:00Z", False),
    ("Asia/Shanghai", "2026-11-24T17:00:00Z", False),
])
def test_a_customer_added_after_today_is_not_on_the_list_in_any_zone(in_zone, zone, instant, listed):
    """A customer counts from the earlier of the instant's day in UTC and in the user's calendar,
    added that day at the latest (``--today`` pinned in the past reads the list as it stood)."""
    in_zone(zone)
    conn = empty_dossier()
    conn.execute("INSERT INTO customer (id, name, created_at, updated_at) VALUES (1, 'x', ?, ?)", (instant, instant))
    found = store.accounts(Db(conn), Window.of(TODAY, TODAY + dt.timedelta(days=6), defaults()), 1, 1)
    assert [a.created for a in found] == ([TODAY] if listed else [])
