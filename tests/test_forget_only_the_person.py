"""``kacli contact forget`` erases one person and only that person: whole mentions in free text,
never another person's name that contains theirs, never a number shared with another record."""

from __future__ import annotations

import sqlite3

from conftest import dossier_fixture
from kacli.errors import ExitCode

SWITCHBOARD = "010-8888-0000"


@dossier_fixture
def office(kacli):
    """王芳 shares the company switchboard; 王芳芳 is a colleague whose name contains hers."""
    kacli.ok("customer", "add", "华信地产", "--phone", SWITCHBOARD)
    kacli.ok("contact", "add", "华信地产", "王芳", "--phone", SWITCHBOARD, "--wechat", "wangfang_wx")
    kacli.ok("contact", "add", "华信地产", "王芳芳", "--phone", "139-2222-3333")
    kacli.ok("contact", "add", "华信地产", "李经理", "--colleagues", f"分机 {SWITCHBOARD} 转 8012")
    kacli.ok("visit", "log", "华信地产", "--kind", "meal", "--note", "王芳芳说月底付款")
    kacli.ok("visit", "log", "华信地产", "--kind", "call", "--note", "王芳说下周来，微信 wangfang_wx")
    kacli.ok("visit", "log", "华信地产", "--kind", "call", "--note", "歐陽明和王芳吃飯，手机 01088880000")
    return "王芳"


def _value(db_path, sql):
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def test_another_persons_name_containing_theirs_is_left_alone(kacli, db_path, office):
    kacli.ok("contact", "forget", office, "--customer", "华信地产", "--yes")
    notes = [v["note"] for v in kacli.json("visit", "list", "华信地产")]
    assert "王芳芳说月底付款" in notes
    assert "(forgotten #1)说下周来，微信 (forgotten #1)" in notes
    assert kacli.json("contact", "show", "王芳芳")["name"] == "王芳芳"


def test_a_number_shared_with_another_record_is_kept_and_the_user_is_told(kacli, db_path, office):
    result = kacli.ok("contact", "forget", "1", "--yes")
    assert kacli.json("customer", "show", "华信地产")["phones"] == [SWITCHBOARD]
    colleagues = _value(db_path, "SELECT colleagues FROM contact WHERE name = '李经理'")
    assert colleagues == f"分机 {SWITCHBOARD} 转 8012"
    assert SWITCHBOARD in result.stderr and "华信地产" in result.stderr
    assert kacli.json("contact", "show", "1")["phones"] == []  # their own field is cleared


def test_a_number_inside_a_longer_number_is_not_a_mention(kacli, db_path):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "赵敏", "--phone", "138-0000-1111")
    kacli.ok("visit", "log", "华信地产", "--kind", "call",
             "--note", "订单号 913800001111 已到；赵敏手机 138 0000 1111")
    kacli.ok("contact", "forget", "赵敏", "--yes")
    note = _value(db_path, "SELECT note FROM visit")
    assert note == "订单号 913800001111 已到；(forgotten #1)手机 (forgotten #1)"


def test_traditional_spelling_of_the_name_is_reached(kacli, db_path):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "欧阳明")
    kacli.ok("visit", "log", "华信地产", "--kind", "call", "--note", "歐陽明說下週簽約")
    kacli.ok("contact", "forget", "欧阳明", "--yes")
    assert _value(db_path, "SELECT note FROM visit") == "(forgotten #1)說下週簽約"


def test_dry_run_shows_every_change_row_by_row_and_changes_nothing(kacli, db_path, office,
                                                                   unchanged):
    with unchanged():
        result = kacli.ok("contact", "forget", "1", "--dry-run")
    out = result.stdout
    assert "王芳说下周来，微信 wangfang_wx" in out
    assert "(forgotten #1)说下周来，微信 (forgotten #1)" in out
    assert "歐陽明和(forgotten #1)吃飯" in out
    assert "王芳芳说月底付款" not in out
    assert SWITCHBOARD in result.stderr  # the shared number is named, left alone


def test_forget_shows_the_changes_before_asking(kacli, db_path, office, unchanged, monkeypatch):
    from kacli.commands import _common

    monkeypatch.setattr(_common, "_interactive", lambda: True)
    with unchanged():
        result = kacli("contact", "forget", "1", input="n\n")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "(forgotten #1)说下周来" in result.stdout + result.stderr


def test_files_kacli_wrote_that_hold_the_person_are_listed(kacli, db_path, office, tmp_path,
                                                          monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = db_path.parent
    exports = {
        "contacts": folder / "people.xlsx", "vcard": folder / "people.vcf",
        "backup": folder / "manual-copy.db",
    }
    kacli.ok("export", "contacts", "-o", exports["contacts"])
    kacli.ok("export", "vcard", "-o", exports["vcard"])
    kacli.ok("dossier", "backup", exports["backup"])
    unrelated = folder / "other.csv"
    unrelated.write_text("name\n李经理\n", encoding="utf-8")
    for path in exports.values():
        assert path.exists()
    preview = kacli.ok("contact", "forget", "1", "--dry-run")
    done = kacli.ok("contact", "forget", "1", "--yes")
    for result in (preview, done):
        for path in exports.values():
            assert f"rm -- {path}" in result.stderr, path
        assert str(unrelated) not in result.stderr
