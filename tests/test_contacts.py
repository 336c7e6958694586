"""Contacts (联系人) through the CLI, as a salesperson uses them."""

from __future__ import annotations

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode


@dossier_fixture
def hxdc(kacli):
    kacli.ok("customer", "add", "华信地产")
    return "华信地产"


def test_add_then_show_by_pinyin(kacli, hxdc):
    result = kacli.ok("contact", "add", hxdc, "王总", "--title", "总经理", "--department", "总经办",
                      "--role", "决策者", "--attitude", "支持", "--phone", "138-0000",
                      "--phone", "010-1234", "--email", "wang@hx.cn", "--wechat", "wz1975",
                      "--hometown", "福建泉州", "--food", "潮汕牛肉火锅", "--set", "茶=铁观音")
    assert "王总" in result.stderr and result.stdout == ""
    data = kacli.json("contact", "show", "wangzong")
    assert data["name"] == "王总" and data["customer"] == "华信地产"
    assert data["title"] == "总经理" and data["department"] == "总经办"
    assert data["roles"] == ["decision_maker"]
    assert data["attitude"] == "supporter"
    assert data["stage"] == "acquainted"
    assert data["phones"] == ["138-0000", "010-1234"]
    assert (data["email"], data["wechat"]) == ("wang@hx.cn", "wz1975")
    assert data["personal"]["hometown"] == "福建泉州"
    assert data["personal"]["food"] == "潮汕牛肉火锅"
    assert data["facts"] == {"茶": "铁观音"}
    assert kacli.json("contact", "show", "wz")["id"] == data["id"]
    assert kacli.json("contact", "show", "王")["id"] == data["id"]


@pytest.mark.parametrize("spelling", ["决策者", "決策者", "decision_maker", "decision maker", "DM"])
def test_role_in_any_spelling(kacli, hxdc, spelling):
    kacli.ok("contact", "add", hxdc, "王总", "--role", spelling)
    assert kacli.json("contact", "show", "王总")["roles"] == ["decision_maker"]


def test_roles_repeated_or_comma_separated_and_replaced_on_update(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--role", "使用者,buyer", "--role", "內部教練",
             "--role", "user")
    assert kacli.json("contact", "show", "王总")["roles"] == ["user", "buyer", "coach"]
    kacli.ok("contact", "update", "王总", "--role", "影响者")
    assert kacli.json("contact", "show", "王总")["roles"] == ["influencer"]
    kacli.ok("contact", "update", "王总", "--role", "")
    assert kacli.json("contact", "show", "王总")["roles"] == []


def test_attitude_and_stage_in_chinese(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--attitude", "反對", "--stage", "信賴")
    data = kacli.json("contact", "show", "王总")
    assert (data["attitude"], data["stage"]) == ("opponent", "trust")
    kacli.ok("contact", "update", "王总", "--attitude", "")
    assert kacli.json("contact", "show", "王总")["attitude"] is None


def test_all_personal_facts_have_their_own_option(kacli, hxdc):
    fields = ["family", "hometown", "university", "sports", "food", "pets", "books",
              "last-holiday", "next-holiday", "travel", "org-role", "colleagues", "goals", "career"]
    args = [a for f in fields for a in (f"--{f}", f"{f} 的内容")]
    kacli.ok("contact", "add", hxdc, "王总", *args)
    personal = kacli.json("contact", "show", "王总")["personal"]
    assert personal == {f.replace("-", "_"): f"{f} 的内容" for f in fields}
    help_text = kacli.ok("contact", "add", "--help").stdout
    for f in fields:
        assert f"--{f}" in help_text


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--birthday", "1975-08-15"], {"year": 1975, "month": 8, "day": 15, "lunar": False,
                                        "leap": False}),
        (["--birthday", "02-29"], {"year": None, "month": 2, "day": 29, "lunar": False,
                                   "leap": False}),
        (["--birthday", "08-15", "--lunar"], {"year": None, "month": 8, "day": 15, "lunar": True,
                                              "leap": False}),
        (["--birthday", "1974-04-10", "--lunar", "--leap"],
         {"year": 1974, "month": 4, "day": 10, "lunar": True, "leap": True}),
    ],
)
def test_birthdays(kacli, hxdc, args, expected):
    kacli.ok("contact", "add", hxdc, "王总", *args)
    assert kacli.json("contact", "show", "王总")["birthday"] == expected


def test_birthday_shown_as_lunar_or_solar_and_cleared(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--birthday", "08-15", "--lunar")
    assert "lunar 8/15" in kacli.ok("contact", "show", "王总").stdout
    assert "农历8月15日" in kacli.ok("--lang", "zh-Hans", "contact", "show", "王总").stdout
    kacli.ok("contact", "update", "王总", "--birthday", "04-10", "--lunar", "--leap")
    assert "lunar leap 4/10" in kacli.ok("contact", "show", "王总").stdout
    assert "農曆閏4月10日" in kacli.ok("--lang", "zh-Hant", "contact", "show", "王总").stdout
    kacli.ok("contact", "update", "王总", "--birthday", "1975-08-15")
    assert "1975-08-15" in kacli.ok("contact", "show", "王总").stdout
    kacli.ok("contact", "update", "王总", "--birthday", "")
    data = kacli.json("contact", "show", "王总")
    assert data["birthday"] is None
    births = [(h["old"], h["new"]) for h in data["history"] if h["field"] == "birthday"]
    assert births == [("1975-08-15", None), ("lunar leap 04-10", "1975-08-15"),
                      ("lunar 08-15", "lunar leap 04-10")]


@pytest.mark.parametrize(
    "args",
    [
        ["--birthday", "02-30"],
        ["--birthday", "1975-02-29"],
        ["--birthday", "08-31", "--lunar"],
        ["--birthday", "13-01", "--lunar"],
        ["--birthday", "1975-04-10", "--lunar", "--leap"],
        ["--birthday", "04-10", "--leap"],
        ["--lunar"],
        ["--birthday", "someday"],
        ["--role", "boss"],
        ["--attitude", "enthusiastic"],
        ["--stage", "married"],
        ["--stage", ""],
        ["--email", "not-an-address"],
        ["--family", "x" * 10_001],
        ["--title", "x" * 201],
        ["--name", "   "],
        ["--name", "y" * 201],
        ["--set", "novalue"],
        ["--unset", "never-set"],
        ["--phone", "138\x07"],
    ],
)
def test_bad_update_changes_nothing(kacli, hxdc, unchanged, args):
    kacli.ok("contact", "add", hxdc, "王总", "--birthday", "1975-08-15", "--title", "总经理")
    with unchanged():
        result = kacli("contact", "update", "王总", "--hometown", "福建", *args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


@pytest.mark.parametrize(
    "args",
    [
        ["华信地产", "   "],
        ["华信地产", "z" * 201],
        ["华信地产", "王总"],  # the same name twice at one customer
        ["no-such-customer", "李四"],
        ["华信地产", "李四", "--birthday", "02-30"],
        ["华信地产", "李四", "--role", "决策"],
    ],
)
def test_bad_add_changes_nothing(kacli, hxdc, unchanged, args):
    kacli.ok("contact", "add", hxdc, "王总")
    with unchanged():
        result = kacli("contact", "add", *args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr


def test_duplicate_name_message_names_the_customer(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总")
    result = kacli("contact", "add", hxdc, "王总")
    assert "华信地产" in result.stderr and "王总" in result.stderr
    kacli.ok("contact", "add", hxdc, "李经理")
    assert kacli("contact", "update", "李经理", "--name", "王总").exit_code == ExitCode.BAD_INPUT


def test_same_name_at_two_customers_is_ambiguous_until_narrowed(kacli, hxdc):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", hxdc, "王总", "--title", "总经理")
    kacli.ok("contact", "add", "机床厂", "王总", "--title", "厂长")
    result = kacli("contact", "show", "wangzong")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "华信地产" in result.stderr and "机床厂" in result.stderr
    assert kacli.json("contact", "show", "王总", "--customer", "机床厂")["title"] == "厂长"
    kacli.ok("contact", "update", "王总", "--customer", "hxdc", "--title", "董事长")
    assert kacli.json("contact", "show", "王总", "--customer", "华信")["title"] == "董事长"


def test_only_one_primary_contact_per_customer(kacli, hxdc):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", "机床厂", "赵工", "--primary")
    kacli.ok("contact", "add", hxdc, "王总", "--primary")
    kacli.ok("contact", "add", hxdc, "李经理", "--primary")
    primaries = {c["name"]: c["is_primary"] for c in kacli.json("contact", "list")}
    assert primaries == {"王总": False, "李经理": True, "赵工": True}
    kacli.ok("contact", "update", "王总", "--primary")
    primaries = {c["name"]: c["is_primary"] for c in kacli.json("contact", "list", hxdc)}
    assert primaries == {"王总": True, "李经理": False}
    changes = kacli.json("customer", "history", hxdc)["changes"]
    cleared = [(c["contact"], c["old"], c["new"]) for c in changes if c["field"] == "is_primary"]
    assert cleared[:2] == [("李经理", "yes", "no"), ("王总", "no", "yes")]
    kacli.ok("contact", "update", "王总", "--not-primary")
    assert not any(c["is_primary"] for c in kacli.json("contact", "list", hxdc))


def test_changes_appear_in_customer_history_with_the_contact_name(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--title", "副总")
    kacli.ok("contact", "update", "王总", "--title", "总经理", "--set", "茶=普洱")
    changes = kacli.json("customer", "history", hxdc)["changes"]
    title = [c for c in changes if c["field"] == "title"]
    assert title == [{**title[0], "contact": "王总", "old": "副总", "new": "总经理"}]
    assert any(c["field"] == "fact:茶" and c["contact"] == "王总" for c in changes)
    assert "王总" in kacli.ok("customer", "history", hxdc).stdout
    own = kacli.json("contact", "show", "王总")["history"]
    assert [h["field"] for h in own] == ["fact:茶", "title", "stage", "created"]


def test_stage_by_hand_kept_as_stage_history(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总")
    result = kacli.ok("contact", "stage", "wangzong", "约会", "--note", "第一次吃饭")
    assert "acquainted → dating" in result.stderr
    kacli.ok("contact", "update", "王总", "--stage", "trust")
    again = kacli.ok("contact", "stage", "王总", "信賴")
    assert "already" in again.stderr
    moves = kacli.json("contact", "show", "王总")["stage_history"]
    assert [(m["from"], m["to"], m["note"]) for m in moves] == [
        (None, "acquainted", None), ("acquainted", "dating", "第一次吃饭"), ("dating", "trust", None)]
    shown = kacli.ok("contact", "show", "王总").stdout
    assert "第一次吃饭" in shown and "Relationship stages" in shown
    stages = [c for c in kacli.json("customer", "history", hxdc)["changes"] if c["field"] == "stage"]
    assert [c["new"] for c in stages] == ["trust", "dating", "acquainted"]


def test_stage_refuses_unknown_stage(kacli, hxdc, unchanged):
    kacli.ok("contact", "add", hxdc, "王总")
    with unchanged():
        result = kacli("contact", "stage", "王总", "friends")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "acquainted" in result.stderr  # lists the choices


def test_set_stage_for_other_commands(kacli, hxdc, db_path):
    from kacli.store import contacts
    from kacli.store.unit import writing

    kacli.ok("contact", "add", hxdc, "王总")
    with writing(str(db_path)) as uow:
        assert contacts.set_stage(uow, 1, "dating", "饭局") == "acquainted"
        assert contacts.set_stage(uow, 1, "约会") is None
    moves = kacli.json("contact", "show", "王总")["stage_history"]
    assert moves[-1]["to"] == "dating" and moves[-1]["note"] == "饭局"


def test_list_filters_and_json_shape(kacli, hxdc):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", hxdc, "王总", "--role", "决策者", "--stage", "trust",
             "--title", "总经理", "--phone", "138")
    kacli.ok("contact", "add", hxdc, "李经理", "--role", "buyer")
    kacli.ok("contact", "add", "机床厂", "赵工", "--role", "user,decision_maker")
    everyone = kacli.json("contact", "list")
    assert [c["name"] for c in everyone] == ["李经理", "王总", "赵工"]  # by customer, then name
    assert everyone[1] == {
        "id": 1, "name": "王总", "customer_id": 1, "customer": "华信地产", "title": "总经理",
        "department": None, "roles": ["decision_maker"], "attitude": None, "stage": "trust",
        "is_primary": False, "phones": ["138"], "email": None, "wechat": None, "forgotten": False}
    assert [c["name"] for c in kacli.json("contact", "list", "jcc")] == ["赵工"]
    assert [c["name"] for c in kacli.json("contact", "list", "--role", "決策者")] == ["王总", "赵工"]
    assert [c["name"] for c in kacli.json("contact", "list", "--stage", "信赖")] == ["王总"]
    table = kacli.ok("contact", "list").stdout
    assert "王总" in table and "机床厂" in table and "总经理" in table


def test_empty_list_says_so_on_stderr(kacli, hxdc):
    result = kacli.ok("contact", "list")
    assert "No contacts" in result.stderr
    assert kacli.json("contact", "list") == []
    assert kacli("contact", "list", "no-such").exit_code == ExitCode.BAD_INPUT


def test_phones_replaced_on_update(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--phone", "1", "--phone", "2")
    kacli.ok("contact", "update", "王总", "--phone", "3，4")
    assert kacli.json("contact", "show", "王总")["phones"] == ["3", "4"]


def test_unchanged_update_says_so(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--title", "总经理")
    assert "Nothing changed" in kacli.ok("contact", "update", "王总", "--title", "总经理").stderr


def test_rename_updates_pinyin(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总")
    kacli.ok("contact", "update", "wangzong", "--name", "王董")
    assert kacli.json("contact", "show", "wangdong")["name"] == "王董"
    assert kacli("contact", "show", "wangzong").exit_code == ExitCode.BAD_INPUT


def test_remove_says_what_goes_and_refuses_on_a_pipe(kacli, hxdc, unchanged):
    kacli.ok("contact", "add", hxdc, "王总", "--set", "茶=普洱")
    with unchanged():
        result = kacli("contact", "remove", "王总")
    assert result.exit_code == ExitCode.BAD_INPUT and "--yes" in result.stderr
    assert "1 named fact" in result.stderr and "1 named facts" not in result.stderr
    kacli.ok("contact", "remove", "王总", "--yes")
    assert kacli.json("contact", "list") == []
    changes = kacli.json("customer", "history", hxdc)["changes"]
    assert changes[0]["field"] == "contact_removed" and changes[0]["old"] == "王总"


@pytest.mark.parametrize(("answer", "left"), [("n\n", 1), ("y\n", 0)])
def test_remove_asks_on_a_terminal(kacli, hxdc, monkeypatch, answer, left):
    from kacli.commands import _common

    kacli.ok("contact", "add", hxdc, "王总")
    monkeypatch.setattr(_common, "_interactive", lambda: True)
    result = kacli("contact", "remove", "王总", input=answer)
    assert "Remove 王总 for good?" in result.stderr
    assert result.exit_code == (ExitCode.BAD_INPUT if left else ExitCode.OK)
    assert len(kacli.json("contact", "list")) == left


def test_removing_the_customer_removes_its_contacts(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总")
    kacli.ok("customer", "remove", hxdc, "--yes")
    assert kacli.json("contact", "list") == []


def test_show_panel_in_traditional_chinese(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "王总", "--role", "决策者", "--stage", "同盟",
             "--family", "一儿一女")
    shown = kacli.ok("--lang", "zh-Hant", "contact", "show", "王总").stdout
    for label in ("決策者", "同盟", "個人資訊", "家庭", "一儿一女"):
        assert label in shown


def test_markup_in_names_shown_literally(kacli, hxdc):
    kacli.ok("contact", "add", hxdc, "[bold]王总[/bold]")
    assert "[bold]王总[/bold]" in kacli.ok("contact", "show", "1").stdout


@pytest.mark.parametrize("command", ["add", "update", "show", "list", "remove", "forget", "stage"])
def test_every_command_has_help_with_an_example(kacli, command):
    help_text = kacli.ok("contact", command, "--help").stdout
    assert "Example: kacli contact" in help_text
