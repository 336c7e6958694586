"""``kacli undo``: every write command can be taken back, as one unit, in order; forget is final."""

from __future__ import annotations

import inspect
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from conftest import Engine, dossier_fixture, server_snapshot
from kacli.errors import ExitCode
from test_cli import all_commands

JOURNAL = ("undo_command", "undo_entry", "kacli_migrations")


def content(engine: Engine) -> dict[str, list[tuple]]:
    """Every row of every table the user's data lives in (the journal and bookkeeping aside)."""
    if engine.kind == "server":
        return {t: rows for t, rows in server_snapshot(engine.uri).items() if t not in JOURNAL}
    conn = sqlite3.connect(engine.path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
            if r[0] not in JOURNAL]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


@contextmanager
def dossier_db(engine: Engine) -> Iterator:
    """The dossier's query interface behind kacli's back, committed at the end of the block."""
    from kacli.store.db import Db

    if engine.kind == "server":
        from kacli.store.postgres.connect import connect
        from kacli.store.postgres.db import PgDb

        db = PgDb(connect(engine.uri))
    else:
        db = Db(sqlite3.connect(engine.path))
    try:
        yield db
        db.commit()
    finally:
        db.conn.close()


def sql(engine: Engine, statement: str) -> list[tuple]:
    """Run one statement on the dossier as someone outside kacli would; the rows it returns."""
    with dossier_db(engine) as db:
        if statement.lstrip().upper().startswith("SELECT"):
            return [tuple(r) for r in db.rows(statement)]
        db.execute(statement)
        return []


@dossier_fixture
def dossier(kacli):
    """A customer with contacts, a competitor, a visit with a next action, a deal with a buying
    role, a payment plan and a receipt: something for every write command to change."""
    kacli.ok("customer", "add", "宏达机械")
    kacli.ok("customer", "add", "华信地产", "--industry", "房地产", "--set", "年会=12月")
    kacli.ok("contact", "add", "华信地产", "王总", "--role", "决策者", "--phone", "138-0000-0000")
    kacli.ok("contact", "add", "华信地产", "李经理", "--role", "使用者")
    kacli.ok("customer", "competitor", "华信地产", "天福茗茶", "--product", "铁观音")
    kacli.ok("visit", "log", "华信地产", "--kind", "meal", "--contact", "王总", "--note", "喝茶",
             "--next", "寄方案", "--next-date", "2026-11-27")
    kacli.ok("deal", "add", "华信地产", "二期采购", "--amount", "300万", "--competitor", "天福茗茶=一样")
    kacli.ok("deal", "role", "二期采购", "王总", "--as", "决策者")
    kacli.ok("payment", "plan", "二期采购", "100万", "--due", "2026-12-31")
    kacli.ok("payment", "received", "二期采购", "30万", "--date", "2026-11-20", "--note", "预付款")


# Every write command, as a user would run it against ``dossier``. A command that is missing
# here fails test_every_write_command_is_walked.
WALK = {
    "customer add": ["customer", "add", "新客户", "--kind", "person", "--set", "来源=展会"],
    "customer update": ["customer", "update", "华信地产", "--industry", "地产开发", "--tag", "key",
                        "--set", "年会=1月"],
    "customer remove": ["customer", "remove", "华信地产", "--yes"],
    "customer competitor": ["customer", "competitor", "华信地产", "天福茗茶", "--remove"],
    "customer merge": ["customer", "merge", "宏达机械", "--into", "华信地产", "--yes"],
    "contact add": ["contact", "add", "华信地产", "张工", "--role", "影响者", "--birthday", "1980-05-01"],
    "contact update": ["contact", "update", "王总", "--hometown", "安溪", "--phone", "139-1111-2222",
                       "--set", "爱好=茶"],
    "contact stage": ["contact", "stage", "王总", "信赖", "--note", "一起打球"],
    "contact remove": ["contact", "remove", "王总", "--yes"],
    "contact merge": ["contact", "merge", "李经理", "--into", "王总", "--yes"],
    "visit log": ["visit", "log", "华信地产", "--kind", "visit", "--contact", "李经理", "--done", "1",
                  "--next", "报价", "--next-date", "2026-12-01"],
    "visit update": ["visit", "update", "1", "--note", "改了", "--contact", "李经理"],
    "visit remove": ["visit", "remove", "1", "--yes"],
    "next add": ["next", "add", "华信地产", "回访", "--date", "2026-12-02", "--contact", "王总"],
    "next done": ["next", "done", "1", "--note", "已寄"],
    "next update": ["next", "update", "1", "--date", "2026-12-09", "--text", "寄合同"],
    "next remove": ["next", "remove", "1", "--yes"],
    "deal add": ["deal", "add", "宏达机械", "自动化改造", "--amount", "80万", "--stage", "validate"],
    "deal update": ["deal", "update", "二期采购", "--amount", "320万", "--competitor", "西门子=好一点"],
    "deal advance": ["deal", "advance", "二期采购", "--to", "deliver", "--note", "签了"],
    "deal won": ["deal", "won", "二期采购", "--date", "2026-11-22", "--force"],
    "deal lost": ["deal", "lost", "二期采购", "--reason", "价格"],
    "deal role": ["deal", "role", "二期采购", "李经理", "--as", "使用者", "--attitude", "反对"],
    "deal remove": ["deal", "remove", "二期采购", "--yes"],
    "deal hold": ["deal", "hold", "二期采购", "--until", "2027-01-15", "--reason", "预算冻结"],
    "payment plan": ["payment", "plan", "二期采购", "200万", "--due", "2027-03-31"],
    "payment received": ["payment", "received", "二期采购", "70万", "--date", "2026-11-23"],
    "payment update": ["payment", "update", "I1", "--amount", "90万", "--date", "2027-01-15"],
    "payment remove": ["payment", "remove", "R1", "--yes"],
    "payment promise": ["payment", "promise", "二期采购", "2027-01-15"],
}
# Write commands that are not undone like the others, each with the test that covers it.
NOT_WALKED = {"contact forget": "test_undo_stops_at_a_forget", "undo": "the undo itself",
              "deal resume": "test_a_resume_is_undone_back_to_the_hold"}


def test_every_write_command_is_walked():
    writers = {" ".join(path) for path, command in all_commands()
               if "writing(" in inspect.getsource(command.callback)}
    assert writers - set(WALK) - set(NOT_WALKED) == set()
    assert set(WALK) <= writers


@pytest.mark.parametrize("name", sorted(WALK))
def test_undo_returns_the_dossier_to_exactly_what_it_was(kacli, dossier, engine, name):
    before = content(engine)
    kacli.ok(*WALK[name])
    assert content(engine) != before, f"{name} changed nothing"
    done = kacli.ok("undo", "--yes")
    assert f"kacli {' '.join(WALK[name][:2])}" in done.stderr
    assert content(engine) == before


def test_undo_names_the_command_and_what_it_changed_and_what_comes_next(kacli, dossier):
    listed = kacli.json("undo", "--list")
    assert listed["stops_at"] is None
    latest = listed["commands"][0]
    assert latest["command"] == "kacli payment received 二期采购 30万 --date 2026-11-20 --note 预付款"
    assert latest["changes"] == [{"table": "payment", "added": 1, "changed": 0, "removed": 0}]
    kacli.ok("deal", "won", "二期采购")
    done = kacli.ok("undo", "--yes")
    assert "deals: 1 changed" in done.stderr and "deal stage moves: 1 added" in done.stderr
    assert "Run kacli undo again to undo: kacli payment received" in done.stderr
    zh = kacli.ok("--lang", "zh-Hans", "undo", "--yes")
    assert "已撤销：kacli payment received" in zh.stderr and "收款：新增 1 条" in zh.stderr


def test_undo_asks_and_refuses_on_a_pipe_without_yes(kacli, dossier, engine):
    before = content(engine)
    journal = kacli.json("undo", "--list")
    refused = kacli("undo")
    assert refused.exit_code == ExitCode.BAD_INPUT and "--yes" in refused.stderr
    assert content(engine) == before and kacli.json("undo", "--list") == journal


def test_commands_are_undone_in_order_after_later_changes(kacli, dossier, engine):
    states = [content(engine)]
    for args in (["payment", "plan", "二期采购", "85.5万", "--due", "2027-03-31"],
                 ["payment", "update", "I2", "--amount", "8.55万"],
                 ["deal", "update", "二期采购", "--amount", "280万"],
                 ["payment", "remove", "I2", "--yes"],
                 ["deal", "remove", "二期采购", "--yes"]):
        kacli.ok(*args)
        states.append(content(engine))
    for expected in reversed(states[:-1]):
        kacli.ok("undo", "--yes")
        assert content(engine) == expected


def test_a_command_that_changed_nothing_is_not_an_undo_step(kacli, dossier):
    before = kacli.json("undo", "--list")["commands"]
    kacli.ok("customer", "update", "华信地产", "--industry", "房地产")  # the same value
    assert kacli.json("undo", "--list")["commands"] == before
    kacli("customer", "update", "没有这个客户", "--industry", "x")  # refused: nothing written
    assert kacli.json("undo", "--list")["commands"] == before


def test_nothing_to_undo(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("undo", "--yes")
    result = kacli("undo", "--yes")
    assert result.exit_code == ExitCode.BAD_INPUT and "Nothing to undo" in result.stderr
    assert kacli.json("undo", "--list") == {"commands": [], "stops_at": None}


def test_undo_stops_at_a_forget(kacli, dossier, engine):
    kacli.ok("contact", "forget", "李经理", "--yes")
    listed = kacli.json("undo", "--list")
    assert listed["commands"] == []
    assert listed["stops_at"]["reason"] == "forget"
    assert "李经理" not in json.dumps(listed, ensure_ascii=False)
    refused = kacli("undo", "--yes")
    assert refused.exit_code == ExitCode.BAD_INPUT
    assert "forgotten data must stay forgotten" in refused.stderr
    assert sql(engine, "SELECT count(*) FROM undo_entry") == [(0,)]
    # Later commands are undone as usual, up to the forget.
    before = content(engine)
    kacli.ok("next", "add", "华信地产", "回访", "--date", "2026-12-02")
    kacli.ok("undo", "--yes")
    assert content(engine) == before
    assert "forgotten data must stay forgotten" in kacli("undo", "--yes").stderr


def test_the_journal_keeps_the_last_commands_only(kacli, monkeypatch):
    from kacli.store import journal

    monkeypatch.setattr(journal, "KEEP", 3)
    for n in range(5):
        kacli.ok("customer", "add", f"客户{n}")
    listed = kacli.json("undo", "--list")["commands"]
    assert [c["command"] for c in listed] == [f"kacli customer add 客户{n}" for n in (4, 3, 2)]


def test_a_failed_command_leaves_neither_change_nor_journal_entry(kacli, dossier, engine, monkeypatch):
    from kacli.store import history

    journal_before = sql(engine, "SELECT * FROM undo_entry ORDER BY id")
    before = content(engine)

    def fail(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(history, "record", fail)  # after the customer row, before the commit
    result = kacli("customer", "add", "半途客户")
    assert result.exit_code == ExitCode.FAILURE
    assert content(engine) == before
    assert sql(engine, "SELECT * FROM undo_entry ORDER BY id") == journal_before


def test_a_change_is_not_kept_when_its_journal_entry_cannot_be(kacli, dossier, engine, monkeypatch):
    from kacli.store import journal

    before = content(engine)

    def fail(conn, command_id):
        raise sqlite3.OperationalError("disk I/O error while closing the journal")

    monkeypatch.setattr(journal, "end", fail)
    assert kacli("customer", "add", "半途客户").exit_code != ExitCode.OK
    assert content(engine) == before


def test_a_column_added_by_a_later_migration_is_covered(kacli, dossier, engine):
    sql(engine, "ALTER TABLE deal ADD COLUMN region TEXT DEFAULT '华南'")
    from kacli.store.unit import writing

    with writing(engine.uri or str(engine.path), command="kacli deal region 二期采购 华北") as uow:
        uow.db.execute("UPDATE deal SET region = '华北', amount = 1 WHERE id = 1")
    before_undo = content(engine)
    kacli.ok("undo", "--yes")
    after = content(engine)
    assert after != before_undo
    assert sql(engine, "SELECT region, amount FROM deal WHERE id = 1") == [("华南", 300000000)]


def test_a_dossier_changed_outside_kacli_is_not_undone(kacli, dossier, engine):
    kacli.ok("next", "add", "华信地产", "回访", "--date", "2026-12-02")
    sql(engine, "DELETE FROM next_action WHERE text = '回访'")  # behind kacli's back
    before = content(engine)
    result = kacli("undo", "--yes")
    assert result.exit_code == ExitCode.BAD_INPUT and "outside kacli" in result.stderr
    assert content(engine) == before


def test_an_upgrade_starts_a_new_journal(kacli, dossier, engine):
    from kacli.store import journal

    with dossier_db(engine) as db:
        journal.after_upgrade(db, "2026-11-23T09:00:00Z")
    listed = kacli.json("undo", "--list")
    assert listed["commands"] == [] and listed["stops_at"]["reason"] == "upgrade"
    assert "upgrade" in kacli("undo", "--yes").stderr


def test_undo_list_in_human_form(kacli, dossier):
    shown = kacli.ok("undo", "--list").stdout
    assert "kacli payment received" in shown and "payments received: 1 added" in shown


def test_an_import_is_undone_as_one_unit(kacli, dossier, engine, tmp_path):
    sheet = tmp_path / "book.csv"
    sheet.write_text("客户名称,行业\n新华书店,零售\n宏达机械,制造业\n远大空调,制造业\n", encoding="utf-8-sig")
    before = content(engine)
    kacli.ok("import", "customers", str(sheet))
    assert content(engine) != before
    done = kacli.ok("undo", "--yes")
    assert "kacli import customers" in done.stderr
    assert content(engine) == before


def test_a_resume_is_undone_back_to_the_hold(kacli, dossier, engine):
    kacli.ok("deal", "hold", "二期采购", "--until", "2027-01-15", "--reason", "预算冻结")
    held = content(engine)
    kacli.ok("deal", "resume", "二期采购")
    assert kacli.json("deal", "show", "二期采购")["hold"] is None
    kacli.ok("undo", "--yes")
    assert content(engine) == held
    assert kacli.json("deal", "show", "二期采购")["hold"]["until"] == "2027-01-15"
