"""One customer, one name: duplicates refused, found across scripts, suggested, listed and merged."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import dossier_fixture, snapshot
from kacli.errors import ExitCode

FIXTURES = Path(__file__).parent / "fixtures"


def _counts(db_path) -> dict[str, int]:
    return {table: len(rows) for table, rows in snapshot(db_path).items()}


# ---- names are one name whatever the spelling ----------------------------------------------

@pytest.mark.parametrize("again", ["宏達機械", "宏达机械\u200b", " 宏达机械 ", "宏达\u00ad机械"])
def test_a_second_spelling_of_a_customer_is_refused(kacli, unchanged, again):
    kacli.ok("customer", "add", "宏达机械")
    with unchanged():
        result = kacli("customer", "add", again)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "宏达机械 (#1)" in result.stderr


def test_full_width_and_case_are_one_name(kacli, unchanged):
    kacli.ok("customer", "add", "ＡＣＭＥ Ltd")
    assert kacli.json("customer", "show", "1")["name"] == "ACME Ltd"
    with unchanged():
        assert kacli("customer", "add", "acme ltd").exit_code == ExitCode.BAD_INPUT
    kacli.ok("customer", "add", "Other")
    assert kacli("customer", "update", "Other", "--name", "Acme LTD").exit_code == ExitCode.BAD_INPUT
    kacli.ok("customer", "update", "acme ltd", "--name", "ACME LTD")  # its own name, recased


def test_contacts_are_unique_within_their_customer(kacli, unchanged):
    kacli.ok("customer", "add", "宏达机械")
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "宏达机械", "张总")
    kacli.ok("contact", "add", "华信地产", "張總")  # another customer's 张总 is another person
    with unchanged():
        result = kacli("contact", "add", "宏达机械", "張總")
    assert result.exit_code == ExitCode.BAD_INPUT and "张总" in result.stderr


@pytest.mark.parametrize("char", ["\u202e", "\u2028", "\u2066"])
def test_names_that_would_display_as_something_else_are_refused(kacli, unchanged, char):
    kacli.ok("customer", "add", "华信地产")
    with unchanged():
        for args in (["customer", "add", f"华{char}信"], ["contact", "add", "华信地产", f"王{char}总"],
                     ["deal", "add", "华信地产", f"采{char}购"]):
            result = kacli(*args)
            assert result.exit_code == ExitCode.BAD_INPUT, args
            assert f"U+{ord(char):04X}" in result.stderr


def test_deal_titles_are_normalised_and_found_across_scripts(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("deal", "add", "华信地产", "二期采购\u200b２０２７")
    assert kacli.json("deal", "show", "二期採購")["title"] == "二期采购2027"


# ---- lookups across scripts -----------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh-Hans", "zh-Hant"])
def test_traditional_finds_simplified_and_back(kacli, lang):
    kacli.ok("customer", "add", "宏达机械")
    kacli.ok("customer", "add", "華信地產")
    kacli.ok("contact", "add", "宏达机械", "张总")
    env = {"KACLI_LANG": lang}
    assert kacli.json("customer", "show", "宏達機械", env=env)["name"] == "宏达机械"
    assert kacli.json("customer", "show", "宏達", env=env)["name"] == "宏达机械"  # a prefix too
    assert kacli.json("customer", "show", "华信地产", env=env)["name"] == "華信地產"
    assert kacli.json("contact", "show", "張總", env=env)["name"] == "张总"
    assert kacli.json("contact", "show", "張總", "--customer", "宏達機械", env=env)["name"] == "张总"


def test_a_read_loads_no_converter_unless_the_text_needs_one(kacli, db_path):
    kacli.ok("customer", "add", "宏达机械")
    code = (
        "import sys\n"
        "from kacli.cli import main\n"
        f"sys.argv = ['kacli', '--db', {str(db_path)!r}, 'customer', 'show', sys.argv[1], '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({'opencc', 'pypinyin', 'sqlalchemy'} & set(sys.modules)))\n"
    )
    for ref, loaded in (("宏达机械", "[]"), ("hdjx", "[]"), ("宏达", "[]"), ("1", "[]"),
                        ("宏達機械", "['opencc']")):
        out = subprocess.run([sys.executable, "-c", code, ref], capture_output=True, text=True, check=True)
        assert out.stdout.strip().splitlines()[-1] == loaded, (ref, out.stdout)
        assert '"name": "宏达机械"' in out.stdout


# ---- a reference that finds nothing ---------------------------------------------------------

def test_suggestions_for_customers_contacts_and_deals(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "王晓明")
    kacli.ok("deal", "add", "华信地产", "自动化改造")
    for args, meant in ((["customer", "show", "华心地产"], "华信地产"),
                        (["customer", "show", "huaxindican"], "华信地产"),
                        (["contact", "show", "王小明"], "王晓明 (华信地产)"),
                        (["deal", "show", "自动化改建"], "自动化改造 (华信地产)")):
        result = kacli(*args)
        assert result.exit_code == ExitCode.BAD_INPUT, args
        assert f"did you mean {meant}?" in result.stderr, result.stderr
    result = kacli("customer", "show", "毫不相干")
    assert result.exit_code == ExitCode.BAD_INPUT and "did you mean" not in result.stderr


def test_suggestions_in_chinese(kacli):
    kacli.ok("customer", "add", "华信地产")
    result = kacli("customer", "show", "华心地产", env={"KACLI_LANG": "zh-Hant"})
    assert "您是不是要找 华信地产" in result.stderr


# ---- a REF stays put ------------------------------------------------------------------------

def test_a_ref_never_moves_to_a_customer_added_later(kacli, unchanged):
    kacli.ok("customer", "add", "上海德联汽车部件有限公司")
    kacli.ok("contact", "add", "德联", "王总", "--role", "决策者")
    kacli.ok("visit", "log", "德联", "--contact", "王总", "--kind", "call")
    kacli.ok("customer", "add", "德联汽车")  # the same firm entered again, under its short name
    with unchanged():
        result = kacli("visit", "log", "德联", "--contact", "王总", "--kind", "call")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "#1 上海德联汽车部件有限公司" in result.stderr and "#2 德联汽车" in result.stderr
    kacli.ok("customer", "merge", "德联汽车", "--into", "上海德联", "--yes")
    kacli.ok("visit", "log", "德联", "--contact", "王总", "--kind", "call")
    assert len(kacli.json("visit", "list", "上海德联汽车部件有限公司")) == 2


# ---- a name made of digits ------------------------------------------------------------------

def test_a_customer_named_with_digits_is_reached_with_name_prefix(kacli):
    for name in ("华信地产", "丽华酒店", "12"):
        kacli.ok("customer", "add", name)
    assert kacli.json("customer", "show", "2")["name"] == "丽华酒店"  # digits are an id
    assert kacli.json("customer", "show", "name:12")["name"] == "12"
    result = kacli("customer", "show", "12")
    assert result.exit_code == ExitCode.BAD_INPUT and "did you mean name:12?" in result.stderr
    kacli.ok("contact", "add", "name:12", "007")
    assert kacli.json("contact", "show", "name:007")["customer"] == "12"
    kacli.ok("deal", "add", "name:12", "2027")
    assert kacli.json("deal", "show", "name:2027")["customer"] == "12"
    kacli.ok("customer", "update", "name:12", "--industry", "数字")


# ---- dupes ----------------------------------------------------------------------------------

def test_dupes_lists_each_likely_pair_with_why(kacli):
    kacli.ok("customer", "add", "华信地产", "--phone", "010-8888-0000")
    kacli.ok("customer", "add", "华心地产")
    kacli.ok("customer", "add", "华信地产有限公司", "--phone", "01088880000")
    kacli.ok("customer", "add", "丽华酒店")
    kacli.ok("contact", "add", "丽华酒店", "张伟", "--email", "zw@lihua.cn")
    kacli.ok("contact", "add", "丽华酒店", "张玮", "--email", "ZW@lihua.cn")
    data = kacli.json("customer", "dupes")
    pairs = {(p["first"]["name"], p["second"]["name"]): [w["reason"] for w in p["why"]]
             for p in data["customers"]}
    assert pairs == {("华信地产", "华心地产"): ["same_pinyin", "near_name"],
                     ("华信地产", "华信地产有限公司"): ["same_phone", "same_core_name"],
                     ("华心地产", "华信地产有限公司"): ["near_name"]}
    [people] = data["contacts"]
    assert people["customer"] == {"id": 4, "name": "丽华酒店"}
    assert [w["reason"] for w in people["why"]] == ["same_pinyin", "same_email"]
    shown = kacli.ok("customer", "dupes")
    assert "same pinyin huaxindichan" in shown.stdout and "kacli customer merge" in shown.stderr


def test_dupes_with_nothing_to_say(kacli):
    kacli.ok("customer", "add", "华信地产")
    assert kacli.json("customer", "dupes") == {"customers": [], "contacts": []}
    assert "No likely duplicates" in kacli.ok("customer", "dupes").stderr


# ---- merge ----------------------------------------------------------------------------------

@dossier_fixture
def twice(kacli):
    """华信地产 entered a second time as 华心地产, with a life of its own."""
    kacli.ok("customer", "add", "华信地产", "--industry", "房地产", "--phone", "010-1", "--set", "年会=12月")
    kacli.ok("contact", "add", "华信地产", "王总", "--title", "总经理", "--primary", "--stage", "dating")
    kacli.ok("customer", "add", "华心地产", "--address", "北京", "--phone", "010-2", "--set", "年会=1月",
             "--set", "茶=普洱")
    kacli.ok("customer", "competitor", "华心地产", "天福茗茶", "--product", "铁观音")
    kacli.ok("contact", "add", "华心地产", "王總", "--email", "wang@hx.cn", "--primary", "--stage", "trust",
             "--set", "爱好=高尔夫")
    kacli.ok("contact", "add", "华心地产", "李主任", "--title", "办公室主任")
    kacli.ok("visit", "log", "华心地产", "--contact", "王總", "--contact", "李主任", "--kind", "meal")
    kacli.ok("next", "add", "华心地产", "寄方案", "--date", "周五", "--contact", "王總")
    kacli.ok("deal", "add", "华心地产", "二期采购", "--amount", "100万")
    kacli.ok("deal", "role", "二期采购", "王總", "--as", "决策者")
    kacli.ok("payment", "plan", "二期采购", "50万", "--due", "2026-12-31")
    kacli.ok("payment", "received", "二期采购", "20万")
    return kacli


def test_customer_merge_keeps_every_linked_row(twice, db_path):
    kacli = twice
    before = _counts(db_path)
    result = kacli.ok("customer", "merge", "华心地产", "--into", "华信地产", "--yes")
    assert "王總 is taken to be 王总" in result.stderr
    after = _counts(db_path)
    assert after["customer"] == before["customer"] - 1
    assert after["contact"] == before["contact"] - 1  # the two 王总 are one person
    assert after["change"] > before["change"]  # the history moved and the merge is in it
    for table in before:
        if table not in ("customer", "contact", "change", "kacli_migrations") and not table.startswith("undo_"):
            assert after[table] == before[table], table
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM customer WHERE name = '华心地产'").fetchone() == (0,)
    for table, column in (("contact", "customer_id"), ("visit", "customer_id"), ("deal", "customer_id"),
                          ("next_action", "customer_id"), ("competitor", "customer_id"),
                          ("customer_fact", "customer_id"), ("change", "customer_id")):
        assert conn.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall() == [(1,)], table
    shown = kacli.json("customer", "show", "华信地产")
    assert (shown["industry"], shown["address"], shown["phones"]) == ("房地产", "北京", ["010-1", "010-2"])
    assert shown["facts"] == {"年会": "12月", "年会 (华心地产)": "1月", "茶": "普洱"}
    assert [c["name"] for c in shown["competitors"]] == ["天福茗茶"]
    wang = kacli.json("contact", "show", "王总")
    assert (wang["title"], wang["email"], wang["stage"], wang["is_primary"]) == ("总经理", "wang@hx.cn", "trust", True)
    assert wang["facts"] == {"爱好": "高尔夫"}
    assert [c["name"] for c in kacli.json("contact", "list", "华信地产")] == ["王总", "李主任"]
    deal = kacli.json("deal", "show", "二期采购")
    assert deal["customer"] == "华信地产"
    assert [r["name"] for r in deal["buying_centre"]["roles"]["decision_maker"]] == ["王总"]
    fields = [c["field"] for c in kacli.json("customer", "history", "华信地产")["changes"]]
    assert "merged" in fields


def test_customer_merge_asks_and_refuses_on_a_pipe(twice, unchanged):
    with unchanged():
        result = twice("customer", "merge", "华心地产", "--into", "华信地产")
        assert result.exit_code == ExitCode.BAD_INPUT and "--yes" in result.stderr
        assert "Merging 华心地产 into 华信地产 moves" in result.stderr
        assert twice("customer", "merge", "华信地产", "--into", "hxdc", "--yes").exit_code == ExitCode.BAD_INPUT
        assert twice("customer", "merge", "华心地产", "--into", "没有这家", "--yes").exit_code == ExitCode.BAD_INPUT


def test_contact_merge_within_a_customer(kacli, db_path, unchanged):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("customer", "add", "丽华酒店")
    kacli.ok("contact", "add", "华信地产", "王总", "--title", "总经理", "--set", "茶=铁观音")
    kacli.ok("contact", "add", "华信地产", "王总经理", "--phone", "138", "--role", "决策者", "--set", "茶=普洱")
    kacli.ok("contact", "add", "丽华酒店", "刘经理")
    kacli.ok("visit", "log", "华信地产", "--contact", "王总", "--contact", "王总经理", "--kind", "meal")
    kacli.ok("deal", "add", "华信地产", "年度采购")
    kacli.ok("deal", "role", "年度采购", "王总经理", "--as", "决策者", "--attitude", "支持")
    kacli.ok("deal", "role", "年度采购", "王总", "--as", "决策者")
    kacli.ok("next", "add", "华信地产", "回电话", "--contact", "王总经理", "--date", "明天")
    with unchanged():
        assert kacli("contact", "merge", "王总经理", "--into", "刘经理", "--yes").exit_code == ExitCode.BAD_INPUT
        assert kacli("contact", "merge", "王总经理", "--into", "王总").exit_code == ExitCode.BAD_INPUT  # a pipe
    before = _counts(db_path)
    kacli.ok("contact", "merge", "王总经理", "--into", "王总", "--yes")
    after = _counts(db_path)
    assert after["contact"] == before["contact"] - 1
    assert after["visit_contact"] == before["visit_contact"] - 1  # both were at the one meal
    assert after["deal_role"] == before["deal_role"] - 1  # one decision maker, with the attitude
    assert after["next_action"] == before["next_action"] and after["visit"] == before["visit"]
    wang = kacli.json("contact", "show", "王总")
    assert (wang["title"], wang["phones"], wang["roles"]) == ("总经理", ["138"], ["decision_maker"])
    assert wang["facts"] == {"茶": "铁观音", "茶 (王总经理)": "普洱"}
    assert wang["visits"][0]["kind"] == "meal"
    deal = kacli.json("deal", "show", "年度采购")
    assert [(r["name"], r["attitude"]) for r in deal["buying_centre"]["roles"]["decision_maker"]] == [
        ("王总", "supporter")]
    [action] = kacli.json("next", "list")
    assert action["contact"] == "王总"


def test_a_v2_dossier_gains_lookup_keys(kacli, db_path):
    shutil.copy(FIXTURES / "dossier-v2.db", db_path)
    assert kacli.json("customer", "show", "華信地產")["name"] == "华信地产"
    assert kacli.json("contact", "show", "王總")["name"] == "王总"
    assert kacli.json("deal", "show", "二期茶歇採購")["title"] == "二期茶歇采购"
    assert kacli("customer", "add", "華信地產").exit_code == ExitCode.BAD_INPUT
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name_key FROM customer").fetchall() == [("华信地产",)]


def test_adding_a_customer_already_there_under_another_name_warns_first(kacli):
    """The month's 德联: the firm was entered by its registered name, then again by what its people
    call it. The second add warns (stderr, naming the first and how to merge) and adds; dupes lists it."""
    kacli.ok("customer", "add", "上海德联汽车部件有限公司", "--phone", "021-5555-1234")
    added = kacli.ok("customer", "add", "德联汽车")
    assert "may be #1 上海德联汽车部件有限公司" in added.stderr and "(德联)" in added.stderr
    assert "kacli customer merge 德联汽车 --into 上海德联汽车部件有限公司" in added.stderr
    assert added.stdout == "" and "Added customer #2 德联汽车" in added.stderr
    by_phone = kacli.ok("customer", "add", "Delian Auto Parts", "--phone", "+86 21 5555 1234")
    assert "same phone 02155551234" in by_phone.stderr
    assert "may be" not in kacli.ok("customer", "add", "丽华酒店").stderr
    data = kacli.json("customer", "dupes")
    pairs = {(p["first"]["name"], p["second"]["name"]): [w["reason"] for w in p["why"]]
             for p in data["customers"]}
    assert pairs[("上海德联汽车部件有限公司", "德联汽车")] == ["same_core_name"]
    assert pairs[("上海德联汽车部件有限公司", "Delian Auto Parts")] == ["same_phone"]
