"""The dossier's schema, as an ordered list of migrations.

Migrations are the only source of schema for a dossier, on the file and on a PostgreSQL server:
each is applied with its row in ``kacli_migrations``, and all the steps an upgrade needs in one
transaction, so a dossier is at its old version or its new one, never between two steps. A
dossier records the highest version applied; kacli refuses one with a version it does not know
(made by a newer kacli), and copies an older file beside itself before upgrading it. Never drop
a user's table here.

The statements are written in SQLite's words; ``kacli.store.postgres.schema`` says each in
PostgreSQL's (an identity column for AUTOINCREMENT, BIGINT for INTEGER) and applies them there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from kacli.store.db import Db

_TS = "TEXT NOT NULL"  # instants: UTC ISO-8601 text, e.g. 2026-11-22T08:30:00Z

V1_DOSSIER = [
    """CREATE TABLE customer (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL DEFAULT 'org',
        scope TEXT, industry TEXT, ownership TEXT, ownership_country TEXT,
        employees INTEGER, annual_revenue INTEGER, credit_rating TEXT, address TEXT,
        phones TEXT NOT NULL DEFAULT '[]',
        lead_source TEXT,
        product_lines TEXT NOT NULL DEFAULT '[]',
        tech_notes TEXT, buying_department TEXT, supporting_departments TEXT,
        org_notes TEXT, business_notes TEXT,
        tags TEXT NOT NULL DEFAULT '[]',
        status TEXT NOT NULL DEFAULT 'prospect',
        buy_within TEXT, expected_purchase TEXT, purchase_cycle TEXT, batch TEXT,
        grade_manual TEXT, grade_reason TEXT,
        need INTEGER, can_pay INTEGER, has_authority INTEGER,
        industry_fit INTEGER, has_project_info INTEGER, tech_fit INTEGER,
        credit_good INTEGER, size_sound INTEGER,
        reach_department INTEGER, reach_decision_maker INTEGER,
        created_at """ + _TS + """,
        updated_at """ + _TS + """
    )""",
    "CREATE UNIQUE INDEX customer_name ON customer(name)",
    """CREATE TABLE competitor (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        product TEXT, satisfaction INTEGER, salesperson TEXT, style TEXT, relationship TEXT
    )""",
    "CREATE INDEX competitor_customer ON competitor(customer_id)",
    """CREATE TABLE contact (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        name_pinyin TEXT NOT NULL DEFAULT '',
        name_initials TEXT NOT NULL DEFAULT '',
        title TEXT, department TEXT,
        roles TEXT NOT NULL DEFAULT '[]',
        attitude TEXT,
        stage TEXT NOT NULL DEFAULT 'acquainted',
        is_primary INTEGER NOT NULL DEFAULT 0,
        phones TEXT NOT NULL DEFAULT '[]',
        email TEXT, wechat TEXT,
        birth_year INTEGER, birth_month INTEGER, birth_day INTEGER,
        birthday_lunar INTEGER NOT NULL DEFAULT 0,
        birthday_leap INTEGER NOT NULL DEFAULT 0,
        family TEXT, hometown TEXT, university TEXT, sports TEXT, food TEXT, pets TEXT,
        books TEXT, last_holiday TEXT, next_holiday TEXT, travel TEXT, org_role TEXT,
        colleagues TEXT, goals TEXT, career TEXT,
        forgotten_at TEXT,
        created_at """ + _TS + """,
        updated_at """ + _TS + """
    )""",
    "CREATE INDEX contact_customer ON contact(customer_id)",
    "CREATE UNIQUE INDEX contact_name ON contact(customer_id, name)",
    """CREATE TABLE customer_fact (
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (customer_id, key)
    )""",
    """CREATE TABLE contact_fact (
        contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (contact_id, key)
    )""",
    # The "dynamic" dossier: every change to a customer or contact, field by field.
    """CREATE TABLE change (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        old TEXT, new TEXT,
        at """ + _TS + """
    )""",
    "CREATE INDEX change_customer ON change(customer_id, at)",
    "CREATE INDEX change_contact ON change(contact_id)",
]

V2_SALES = [
    """CREATE TABLE visit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        kind TEXT NOT NULL,
        note TEXT,
        planned INTEGER NOT NULL DEFAULT 0,
        purpose TEXT,
        gift_value INTEGER,
        satisfaction INTEGER,
        created_at """ + _TS + """
    )""",
    "CREATE INDEX visit_customer_date ON visit(customer_id, planned, date)",
    """CREATE TABLE visit_contact (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        PRIMARY KEY (visit_id, contact_id)
    )""",
    "CREATE INDEX visit_contact_contact ON visit_contact(contact_id)",
    """CREATE TABLE next_action (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
        visit_id INTEGER REFERENCES visit(id) ON DELETE SET NULL,
        deal_id INTEGER,
        kind TEXT NOT NULL DEFAULT 'next',
        text TEXT NOT NULL,
        due TEXT,
        done_on TEXT,
        created_at """ + _TS + """
    )""",
    "CREATE INDEX next_action_open ON next_action(customer_id, done_on)",
    """CREATE TABLE deal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        title_pinyin TEXT NOT NULL DEFAULT '',
        title_initials TEXT NOT NULL DEFAULT '',
        amount INTEGER,
        expected_close TEXT,
        stage TEXT NOT NULL DEFAULT 'discover',
        outcome TEXT NOT NULL DEFAULT 'open',
        lost_reason TEXT,
        chance INTEGER,
        purchase_plan TEXT, problem TEXT, timetable TEXT, budget INTEGER, process TEXT,
        price INTEGER, delivery_date TEXT, warranty TEXT, payment_terms TEXT, service TEXT,
        contract_date TEXT,
        delivered_on TEXT,
        closed_on TEXT,
        created_at """ + _TS + """,
        updated_at """ + _TS + """
    )""",
    "CREATE INDEX deal_customer ON deal(customer_id, outcome)",
    # Every stage move and outcome, with its date: how long a deal has sat in a stage.
    """CREATE TABLE deal_event (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
        on_date TEXT NOT NULL,
        from_stage TEXT,
        to_stage TEXT,
        outcome TEXT,
        note TEXT,
        created_at """ + _TS + """
    )""",
    "CREATE INDEX deal_event_deal ON deal_event(deal_id, on_date)",
    """CREATE TABLE deal_competitor (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        position TEXT
    )""",
    "CREATE UNIQUE INDEX deal_competitor_name ON deal_competitor(deal_id, name)",
    """CREATE TABLE deal_role (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        role TEXT NOT NULL,
        attitude TEXT
    )""",
    "CREATE UNIQUE INDEX deal_role_unique ON deal_role(deal_id, contact_id, role)",
    "CREATE INDEX deal_role_contact ON deal_role(contact_id)",
    """CREATE TABLE instalment (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
        amount INTEGER NOT NULL CHECK (amount > 0),
        due TEXT NOT NULL,
        created_at """ + _TS + """
    )""",
    "CREATE INDEX instalment_deal ON instalment(deal_id, due)",
    """CREATE TABLE payment (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        deal_id INTEGER NOT NULL REFERENCES deal(id) ON DELETE CASCADE,
        amount INTEGER NOT NULL CHECK (amount > 0),
        date TEXT NOT NULL,
        note TEXT,
        created_at """ + _TS + """
    )""",
    "CREATE INDEX payment_deal ON payment(deal_id, date)",
]

# A known postponement of a deal (``deal hold``); which contacts a visit moved up the relationship
# ladder, so one visit moves a contact at most one stage however often ``--advance`` is given; and
# who made an introduction (穿针引线), the contact the introduction marks.
V4_QUARTER = [
    "ALTER TABLE deal ADD COLUMN hold_until TEXT",
    "ALTER TABLE deal ADD COLUMN hold_reason TEXT",
    "ALTER TABLE visit ADD COLUMN introduced_by INTEGER REFERENCES contact(id) ON DELETE SET NULL",
    """CREATE TABLE visit_stage_move (
        visit_id INTEGER NOT NULL REFERENCES visit(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        from_stage TEXT NOT NULL,
        to_stage TEXT NOT NULL,
        created_at """ + _TS + """,
        PRIMARY KEY (visit_id, contact_id)
    )""",
    "CREATE INDEX visit_stage_move_contact ON visit_stage_move(contact_id)",
]

# The undo journal (kacli.store.journal): one row per write command, one entry per row it
# changed. Its triggers are TEMP, made by each write from the live schema, so none is stored here.
V5_UNDO = [
    """CREATE TABLE undo_command (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command TEXT NOT NULL,
        at """ + _TS + """,
        barrier TEXT
    )""",
    """CREATE TABLE undo_entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id INTEGER NOT NULL REFERENCES undo_command(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D')),
        row_id INTEGER NOT NULL,
        before TEXT
    )""",
    "CREATE INDEX undo_entry_command ON undo_entry(command_id, id)",
]

def _fill_lookup_keys(db) -> None:
    """Each existing name's lookup key (folded, Simplified), as writes keep it from now on."""
    from kacli.domain.names import lookup_key

    for table, column in (("customer", "name"), ("contact", "name"), ("deal", "title")):
        for row in db.rows(f"SELECT id, {column} FROM {table}"):
            db.execute(f"UPDATE {table} SET {column}_key = :key WHERE id = :id", key=lookup_key(row[1]), id=row[0])


# Names are found and told apart by a key that ignores case, full-width forms, invisible
# characters and Traditional/Simplified script (``kacli.domain.names.lookup_key``). The key is
# kept beside the name so a lookup compares text and needs no converter.
V6_NAME_KEYS = [
    "ALTER TABLE customer ADD COLUMN name_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE contact ADD COLUMN name_key TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE deal ADD COLUMN title_key TEXT NOT NULL DEFAULT ''",
    _fill_lookup_keys,
    "CREATE INDEX customer_name_key ON customer(name_key)",
    "CREATE INDEX contact_name_key ON contact(customer_id, name_key)",
]

# A visit or call about one deal (``visit log --deal``): talking to the customer about it settles a
# stalled deal, as an update of the deal does.
V7_VISIT_DEAL = [
    "ALTER TABLE visit ADD COLUMN deal_id INTEGER REFERENCES deal(id) ON DELETE SET NULL",
    "CREATE INDEX visit_deal ON visit(deal_id, date)",
]

# A customer's promise to pay an instalment by a day (``payment promise``): the money is asked
# for again on that day, not before.
V8_PROMISES = [
    "ALTER TABLE instalment ADD COLUMN promised_on TEXT",
]

# The journal on a server: an entry names its row by primary key (``row_key``, JSON; some tables'
# keys are two columns, and a server has no rowid), so ``row_id`` (the file's rowid) may be empty;
# and each command records the login that ran it (``login``), so undo takes back one's own. The
# entries are dropped with the table, as every upgrade restarts the journal anyway.
V9_JOURNAL_KEYS = [
    "DROP TABLE undo_entry",
    """CREATE TABLE undo_entry (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        command_id INTEGER NOT NULL REFERENCES undo_command(id) ON DELETE CASCADE,
        tbl TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('I', 'U', 'D')),
        row_id INTEGER,
        row_key TEXT,
        before TEXT
    )""",
    "CREATE INDEX undo_entry_command ON undo_entry(command_id, id)",
    "CREATE INDEX undo_entry_row ON undo_entry(tbl, row_key)",
    "ALTER TABLE undo_command ADD COLUMN login TEXT",
]

# (version, name, steps). A step is an SQL statement (written for the file; PostgreSQL's words
# for it come from ``kacli.store.postgres.schema.statement``) or a function of a ``Db`` (for
# filling a new column from Python), which runs unchanged on both engines. Append only; never edit a released migration.
MIGRATIONS: list[tuple[int, str, list]] = [
    (1, "dossier: customers, competitors, contacts, facts, history", V1_DOSSIER),
    (2, "sales: visits, next actions, deals, buying roles, receivables", V2_SALES),
    (4, "deal holds, one stage per visit, introductions", V4_QUARTER),
    (5, "undo journal: each write command's changed rows", V5_UNDO),
    (6, "names: lookup keys across case, width and script", V6_NAME_KEYS),
    (7, "visits about a deal", V7_VISIT_DEAL),
    (8, "promises to pay an instalment", V8_PROMISES),
    (9, "undo journal: rows by key, commands by login", V9_JOURNAL_KEYS),
]

LATEST = MIGRATIONS[-1][0]

_BOOKKEEPING = """CREATE TABLE IF NOT EXISTS kacli_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
)"""


def version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to this dossier (0 for an empty file)."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='kacli_migrations'"
    ).fetchone()
    if not has:
        return 0
    row = conn.execute("SELECT MAX(version) FROM kacli_migrations").fetchone()
    return row[0] or 0


def applied(conn: sqlite3.Connection) -> set[int]:
    """The versions of the migrations applied to this dossier."""
    has = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='kacli_migrations'"
    ).fetchone()
    if not has:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM kacli_migrations")}


def pending(conn: sqlite3.Connection, *, upto: int = LATEST) -> list[int]:
    """The migrations up to ``upto`` not applied yet, in list order. Versions are numbered ahead
    of their release, so one with a lower number than the dossier's highest may still be pending
    (a dossier at 6 gets 4 when 4 is released after 6)."""
    done = applied(conn)
    return [number for number, _, _ in MIGRATIONS if number <= upto and number not in done]


def has_bookkeeping(conn: sqlite3.Connection) -> bool:
    """Whether the file has kacli's migrations table: what makes a SQLite file a kacli dossier."""
    return conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='kacli_migrations'"
    ).fetchone() is not None


def apply(conn: sqlite3.Connection, *, upto: int = LATEST, now: str,
          before_first: Callable[[int], None] | None = None,
          after_last: Callable[[sqlite3.Connection], None] | None = None) -> list[int]:
    """Apply the pending migrations up to ``upto``, all of them in one transaction; their versions.

    An upgrade is whole: killed, interrupted or failing at any step, the dossier stays at the
    version it had, every step rolled back with its bookkeeping (SQLite's DDL is transactional);
    the next open upgrades it from there. A step that needs a PRAGMA SQLite refuses inside a
    transaction (``foreign_keys``) cannot be written here.

    ``conn`` must be in autocommit mode (isolation_level=None) so the transaction here is ours.
    ``before_first(version)`` runs once, holding the write lock, before the first step (not at
    all when another process upgraded first): the place to copy the dossier before an upgrade,
    so that only the process that upgrades makes the copy. ``after_last(conn)`` runs inside the
    transaction after the last step.
    """
    if not pending(conn, upto=upto):
        return []
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Inside the transaction: a crash here leaves an empty file, not a half-made dossier.
        conn.execute(_BOOKKEEPING)
        todo = pending(conn, upto=upto)  # another process may have upgraded while we waited
        if todo:
            if before_first is not None:
                before_first(version(conn))
            for number, name, statements in MIGRATIONS:
                if number not in todo:
                    continue
                for step in statements:
                    if callable(step):
                        step(Db(conn))
                    else:
                        conn.execute(step)
                conn.execute(
                    "INSERT INTO kacli_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (number, name, now),
                )
            if after_last is not None:
                after_last(conn)
        conn.execute("COMMIT")
    except BaseException:
        # Ctrl-C can land between COMMIT and here, or before BEGIN took: then there is nothing
        # to roll back, and a failing ROLLBACK must not hide the interrupt.
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return todo
