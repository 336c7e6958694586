"""``kacli contact forget`` erases the person from every free-text field, keeps the business facts,
reaches contacts removed earlier, and names every file beside the dossier that may still hold them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode

NAME = "张秘密"
FORMER = "张小秘"
PHONE = "139-1111-2222"
EMAIL = "zhang.secret@example.com"
WECHAT = "zhangmimi_wx"
SECRETS = [NAME, FORMER, PHONE, "13911112222", EMAIL, WECHAT]


def _file_bytes(db_path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(db_path.parent.glob(db_path.name + "*"))
                    if p.is_file() and not p.name.endswith((".bak", ".replaced")))


def _left(db_path: Path) -> list[str]:
    data = _file_bytes(db_path)
    return [s for s in SECRETS if s.encode() in data]


@dossier_fixture
def mentioned(kacli):
    """A contact named in notes, next actions, a deal, facts and history all over the dossier."""
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", FORMER, "--phone", PHONE, "--email", EMAIL,
             "--wechat", WECHAT)
    kacli.ok("contact", "update", FORMER, "--name", NAME)
    kacli.ok("contact", "add", "华信地产", "李经理", "--colleagues", f"与{NAME}不和")
    kacli.ok("visit", "log", "华信地产", "--contact", NAME, "--kind", "meal",
             "--note", f"和{NAME}吃饭，他的手机 13911112222，微信 {WECHAT}")
    kacli.ok("next", "add", "华信地产", f"给{FORMER}回电话 {PHONE}", "--date", "+3d",
             "--contact", NAME)
    kacli.ok("next", "done", "1", "--note", f"报价98万，{NAME}说下周定")
    kacli.ok("deal", "add", "华信地产", f"{NAME}的茶歇采购", "--plan", f"由{NAME}牵头",
             "--problem", f"联系 {EMAIL}")
    kacli.ok("deal", "lost", "1", "--reason", f"{NAME}把订单给了对手")
    kacli.ok("customer", "update", "华信地产", "--set", f"决策人={NAME}",
             "--org-notes", f"{NAME}是实际老板")
    kacli.ok("customer", "update", "华信地产", "--org-notes", "老板另有其人")  # old value in history
    return NAME


def test_forget_erases_the_person_from_every_free_text_field(kacli, db_path, mentioned):
    assert _left(db_path) == SECRETS  # every secret was written: the test can fail
    kacli.ok("contact", "forget", mentioned, "--yes")
    assert _left(db_path) == []
    shown = kacli.json("customer", "show", "华信地产")
    assert shown["facts"]["决策人"] == "(forgotten #1)"
    deal = kacli.json("deal", "show", "1")
    assert deal["title"] == "(forgotten #1)的茶歇采购"
    assert kacli("deal", "show", "茶歇").exit_code == ExitCode.OK  # the title is still searchable
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT purchase_plan, problem, lost_reason FROM deal").fetchone() == (
        "由(forgotten #1)牵头", "联系 (forgotten #1)", "(forgotten #1)把订单给了对手")
    [note] = conn.execute("SELECT note FROM visit").fetchone()
    assert note == "和(forgotten #1)吃饭，他的手机 (forgotten #1)，微信 (forgotten #1)"
    [colleagues] = conn.execute("SELECT colleagues FROM contact WHERE name = '李经理'").fetchone()
    assert colleagues == "与(forgotten #1)不和"
    conn.close()


def test_business_facts_survive_a_forget_without_the_person(kacli, db_path, mentioned):
    kacli.ok("contact", "forget", mentioned, "--yes")
    changes = kacli.json("customer", "history", "华信地产")["changes"]
    done = [c for c in changes if c["field"] == "next_action_done"]
    assert len(done) == 1 and "报价98万" in done[0]["new"]
    assert done[0]["new"].endswith("报价98万，(forgotten #1)说下周定")
    assert done[0]["contact_id"] is None


def test_business_facts_survive_a_remove(kacli, db_path, mentioned):
    kacli.ok("contact", "remove", mentioned, "--yes")
    changes = kacli.json("customer", "history", "华信地产")["changes"]
    assert any(c["field"] == "next_action_done" and "报价98万" in c["new"] for c in changes)
    removed = [c for c in changes if c["field"] == "contact_removed"]
    assert removed[0]["old"] == NAME and removed[0]["new"] == "#1"


@pytest.mark.parametrize("ref", [NAME, "1", "#1"])
def test_forget_reaches_a_contact_removed_earlier(kacli, db_path, mentioned, ref):
    kacli.ok("contact", "remove", mentioned, "--yes")
    assert NAME.encode() in _file_bytes(db_path)
    done = kacli.ok("contact", "forget", ref, "--yes")
    assert "removed earlier" in done.stderr
    assert NAME.encode() not in _file_bytes(db_path)
    changes = kacli.json("customer", "history", "华信地产")["changes"]
    assert [c["old"] for c in changes if c["field"] == "contact_removed"] == ["(forgotten #1)"]
    assert any("报价98万" in (c["new"] or "") for c in changes)


def test_forget_of_a_removed_contact_from_before_ids_were_kept(kacli, db_path, mentioned):
    kacli.ok("contact", "remove", mentioned, "--yes")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE change SET new = NULL WHERE field = 'contact_removed'")  # as older kaclis
    conn.commit()
    conn.close()
    kacli.ok("contact", "forget", NAME, "--yes")
    assert NAME.encode() not in _file_bytes(db_path)
    kacli.ok("contact", "forget", "(forgotten)", "--yes")  # running it again is harmless


def test_forget_unknown_name_is_still_bad_input(kacli, mentioned, unchanged):
    with unchanged():
        assert kacli("contact", "forget", "无此人", "--yes").exit_code == ExitCode.BAD_INPUT


def test_forget_lists_every_copy_beside_the_dossier_with_how_to_delete_it(kacli, db_path, tmp_path,
                                                                         mentioned):
    backup = tmp_path / "mine.db"
    kacli.ok("dossier", "backup", str(backup))
    kacli.ok("dossier", "restore", str(backup), "--yes")  # leaves a .replaced file beside it
    [replaced] = tmp_path.glob("dossier.db.pre-restore-*.replaced")
    upgrade_copy = db_path.with_name("dossier.db.v1-20260101T000000.bak")
    upgrade_copy.write_bytes(backup.read_bytes())
    elsewhere = tmp_path / "away" / "copy.db"
    elsewhere.parent.mkdir()
    kacli.ok("dossier", "backup", str(elsewhere))
    done = kacli.ok("contact", "forget", NAME, "--yes")
    for copy in (replaced, upgrade_copy):
        assert NAME.encode() in copy.read_bytes()
        assert f"rm -- {copy}" in done.stderr
    assert f"rm -- {backup}" in done.stderr  # a manual backup in the dossier's folder
    assert str(elsewhere) not in done.stderr  # in another folder: the user knows where it is
