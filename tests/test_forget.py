"""``kacli contact forget``: a privacy request leaves no trace of the person in the dossier file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from conftest import dossier_fixture
from kacli.errors import ExitCode

PERSONAL = {
    "--family": "妻子秘密花园小学老师",
    "--hometown": "秘密故乡桃花村",
    "--university": "秘密大学九七级",
    "--sports": "秘密羽毛球俱乐部",
    "--food": "秘密川菜馆麻婆豆腐",
    "--pets": "秘密金毛犬旺财",
    "--books": "秘密三体全集",
    "--last-holiday": "秘密马尔代夫之旅",
    "--next-holiday": "秘密冰岛极光计划",
    "--travel": "秘密周三飞深圳",
    "--org-role": "秘密影子董事",
    "--colleagues": "秘密与财务总监不和",
    "--goals": "秘密年度降本一成",
    "--career": "秘密想去集团总部",
    "--title": "秘密首席官职务",
    "--department": "秘密特别事务部",
    "--email": "zhang.secret@private-mail.example",
    "--wechat": "zhangmimi_wx_2024",
}
PHONES = ["139-1111-2222", "0755-8888-7777"]
FACTS = {"血型": "秘密血型AB", "车牌": "粤B秘密666"}
OLD_VALUES = {"--hometown": "秘密旧故乡柳树镇", "--phone": "186-0000-3333",
              "--wechat": "old_wx_handle_zm"}


def _secrets() -> list[str]:
    return ["张秘密", "张秘密二", "zhangmimi", *PERSONAL.values(), *PHONES, *FACTS.values(),
            *OLD_VALUES.values(), "秘密阶段备注饭局", "秘密旧事实值"]


def _file_bytes(db_path: Path) -> bytes:
    """The dossier and everything SQLite keeps beside it (-wal, -shm, -journal)."""
    return b"".join(p.read_bytes() for p in sorted(db_path.parent.glob(db_path.name + "*")))


@dossier_fixture
def secret_contact(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "李经理", "--hometown", "李经理的家乡长沙")
    # The first values go into history when they are changed below.
    kacli.ok("contact", "add", "华信地产", "张秘密", "--hometown", OLD_VALUES["--hometown"],
             "--phone", OLD_VALUES["--phone"], "--wechat", OLD_VALUES["--wechat"],
             "--set", "血型=秘密旧事实值", "--birthday", "1974-04-10", "--lunar", "--leap",
             "--role", "决策者", "--stage", "dating", "--primary")
    args = [a for option, value in PERSONAL.items() for a in (option, value)]
    args += [a for phone in PHONES for a in ("--phone", phone)]
    args += [a for key, value in FACTS.items() for a in ("--set", f"{key}={value}")]
    kacli.ok("contact", "update", "张秘密", *args)
    kacli.ok("contact", "stage", "张秘密", "trust", "--note", "秘密阶段备注饭局")
    kacli.ok("contact", "update", "张秘密", "--name", "张秘密二")
    return "张秘密二"


def test_no_personal_text_left_in_the_file(kacli, db_path, secret_contact):
    before = _file_bytes(db_path)
    for secret in _secrets():
        assert secret.encode() in before, secret  # the search would find it if it stayed
    result = kacli.ok("contact", "forget", secret_contact, "--yes")
    assert "forgotten" in result.stderr
    after = _file_bytes(db_path)
    left = [s for s in _secrets() if s.encode() in after]
    assert left == []
    assert "李经理的家乡长沙".encode() in after  # other people's data is untouched


def test_no_personal_text_left_in_any_row_the_dossier_holds(kacli, engine, secret_contact):
    """Every row of every table, the undo journal's included, on the file or on a server; on a
    server the user is told what the server itself may keep a while."""
    from conftest import server_snapshot, snapshot

    def every_row() -> str:
        return repr(server_snapshot(engine.uri) if engine.kind == "server" else snapshot(engine.path))

    before = every_row()
    for secret in _secrets():
        assert secret in before, secret  # the search would find it if it stayed
    result = kacli.ok("contact", "forget", secret_contact, "--yes")
    after = every_row()
    assert [s for s in _secrets() if s in after] == []
    assert "李经理的家乡长沙" in after  # other people's data is untouched
    assert ("VACUUM" in result.stderr) == (engine.kind == "server")


def test_forgotten_contact_keeps_its_row_roles_and_links(kacli, db_path, secret_contact):
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO visit (customer_id, date, kind, created_at)"
                     " VALUES (1, '2026-11-20', 'meal', 'x')")
        conn.execute("INSERT INTO visit_contact (visit_id, contact_id) VALUES (1, 2)")
        conn.execute("INSERT INTO deal (customer_id, title, created_at, updated_at)"
                     " VALUES (1, '礼品茶', 'x', 'x')")
        conn.execute("INSERT INTO deal_role (deal_id, contact_id, role) VALUES (1, 2, 'buyer')")
    conn.close()
    kacli.ok("contact", "forget", secret_contact, "--yes")
    data = kacli.json("contact", "show", "2")
    assert data["name"] == "(forgotten #2)"
    assert data["forgotten_at"] is not None
    assert data["roles"] == ["decision_maker"] and data["stage"] == "trust"
    assert data["is_primary"] is False
    assert data["birthday"] is None and data["phones"] == []
    assert all(v is None for v in data["personal"].values())
    assert (data["title"], data["department"], data["email"], data["wechat"]) == (None,) * 4
    assert data["facts"] == {}
    assert [h["field"] for h in data["history"]] == ["forgotten"]
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM visit_contact WHERE contact_id = 2").fetchone() == (1,)
    assert conn.execute("SELECT count(*) FROM deal_role WHERE contact_id = 2").fetchone() == (1,)
    conn.close()
    changes = kacli.json("customer", "history", "华信地产")["changes"]
    assert [c["field"] for c in changes if c["contact_id"] == 2] == ["forgotten"]
    assert "(forgotten #2)" in kacli.ok("contact", "list").stdout


def test_forget_asks_and_refuses_on_a_pipe(kacli, secret_contact, unchanged):
    with unchanged():
        result = kacli("contact", "forget", secret_contact)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "--yes" in result.stderr


def test_forget_unknown_contact_is_bad_input(kacli, secret_contact, unchanged):
    with unchanged():
        assert kacli("contact", "forget", "nobody", "--yes").exit_code == ExitCode.BAD_INPUT


def test_secure_delete_is_on_while_deleting(kacli, db_path, secret_contact):
    from kacli.store import contacts
    from kacli.store.unit import writing

    with writing(str(db_path)) as uow:
        uow.db.execute("PRAGMA secure_delete = OFF")
        contacts.forget(uow, 2)
        assert uow.db.scalar("PRAGMA secure_delete") == 1


def test_forget_again_is_harmless(kacli, secret_contact):
    kacli.ok("contact", "forget", secret_contact, "--yes")
    kacli.ok("contact", "forget", "2", "--yes")
    assert kacli.json("contact", "show", "2")["name"] == "(forgotten #2)"


def test_file_in_use_reported_and_forget_can_be_repeated(kacli, db_path, secret_contact, monkeypatch):
    monkeypatch.setenv("KACLI_BUSY_TIMEOUT", "0.1")
    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM contact").fetchone()  # holds a snapshot open
    result = kacli("contact", "forget", secret_contact, "--yes")
    reader.close()
    assert result.exit_code == ExitCode.DOSSIER, result.stderr
    assert "Traceback" not in result.stderr
    # The message names a command that works now the name is gone (the same command would not).
    assert "kacli contact forget 2 --yes" in result.stderr
    assert kacli("contact", "forget", secret_contact, "--yes").exit_code == ExitCode.BAD_INPUT
    kacli.ok("contact", "forget", "2", "--yes")
    after = _file_bytes(db_path)
    assert [s for s in _secrets() if s.encode() in after] == []


def test_backups_beside_the_dossier_are_pointed_out(kacli, db_path, secret_contact):
    backup = db_path.with_name(db_path.name + ".v1-20260101T000000.bak")
    backup.write_bytes(b"old copy")
    result = kacli.ok("contact", "forget", secret_contact, "--yes")
    assert str(backup) in result.stderr


def test_scrub_clears_deleted_text_from_free_space_and_the_log(tmp_path):
    from kacli.store.maintenance import scrub

    path = tmp_path / "any.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA secure_delete = OFF")  # as if the rows went before forget existed
    conn.execute("CREATE TABLE note (text TEXT)")
    conn.execute("INSERT INTO note VALUES ('秘密甲乙丙'), ('留下的丁戊')")
    conn.execute("DELETE FROM note WHERE text = '秘密甲乙丙'")
    assert "秘密甲乙丙".encode() in _file_bytes(path)  # still in the log and the free space
    scrub(path)
    after = _file_bytes(path)
    conn.close()
    assert "秘密甲乙丙".encode() not in after
    assert "留下的丁戊".encode() in after
