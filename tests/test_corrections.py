"""Corrections: a deal entered by mistake, a next action to move, an instalment mistyped."""

from __future__ import annotations

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode


@dossier_fixture
def deal(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "王总")
    kacli.ok("deal", "add", "华信地产", "二期采购", "--amount", "300万")
    kacli.ok("deal", "role", "二期采购", "王总", "--as", "决策者")
    kacli.ok("payment", "plan", "二期采购", "100万", "--due", "2026-12-31")
    kacli.ok("payment", "received", "二期采购", "30万", "--date", "2026-11-20", "--note", "预付款")
    kacli.ok("deal", "advance", "二期采购", "--to", "deliver")  # schedules the after-sale call
    return "二期采购"


def test_deal_remove_says_what_goes_asks_and_removes_it_all(kacli, deal, unchanged):
    with unchanged():
        refused = kacli("deal", "remove", deal)
    assert refused.exit_code == ExitCode.BAD_INPUT
    assert "1 buying roles" in refused.stderr and "1 planned instalments" in refused.stderr
    assert "1 payments received" in refused.stderr and "1 next actions" in refused.stderr
    kacli.ok("deal", "remove", deal, "--yes")
    assert kacli.json("deal", "list", "--all")["total"]["count"] == 0
    assert kacli.json("next", "list", "--all") == []
    assert kacli.json("payment", "list", "--all")["deals"] == []
    history = kacli.json("customer", "history", "华信地产")["changes"]
    assert any(h["field"] == "deal_removed" and h["old"] == deal for h in history)


def test_next_update_moves_rewords_and_reassigns(kacli, deal):
    kacli.ok("contact", "add", "华信地产", "李经理")
    kacli.ok("next", "add", "华信地产", "寄报价", "--date", "2026-11-27")
    [action] = [a for a in kacli.json("next", "list") if a["text"] == "寄报价"]
    kacli.ok("next", "update", str(action["id"]), "--date", "2026-12-09", "--text", "寄合同",
             "--contact", "李经理")
    [moved] = [a for a in kacli.json("next", "list") if a["id"] == action["id"]]
    assert (moved["due"], moved["text"], moved["contact"]) == ("2026-12-09", "寄合同", "李经理")
    same = kacli.ok("next", "update", str(action["id"]), "--text", "寄合同")
    assert "Nothing changed" in same.stderr
    assert kacli("next", "update", "999", "--text", "x").exit_code == ExitCode.BAD_INPUT
    kacli.ok("next", "remove", str(action["id"]), "--yes")
    assert all(a["id"] != action["id"] for a in kacli.json("next", "list", "--all"))


def test_next_update_refuses_a_contact_of_another_customer(kacli, deal, unchanged):
    kacli.ok("customer", "add", "宏达机械")
    kacli.ok("contact", "add", "宏达机械", "赵工")
    kacli.ok("next", "add", "华信地产", "寄报价", "--date", "2026-11-27")
    with unchanged():
        assert kacli("next", "update", "2", "--contact", "赵工").exit_code == ExitCode.BAD_INPUT


def test_payment_show_numbers_each_instalment_and_receipt(kacli, deal):
    kacli.ok("payment", "plan", deal, "85.5万", "--due", "2027-03-31")
    shown = kacli.json("payment", "show", deal)
    assert [i["number"] for i in shown["instalments"]] == ["I1", "I2"]
    assert shown["instalments"][0] | {} == {
        "number": "I1", "id": 1, "due": "2026-12-31", "amount_fen": 100000000, "paid_fen": 30000000,
        "outstanding_fen": 70000000, "overdue": False, "promised": None}
    assert shown["receipts"] == [{"number": "R1", "id": 1, "amount_fen": 30000000, "date": "2026-11-20",
                                  "note": "预付款"}]
    assert (shown["planned_fen"], shown["received_fen"], shown["value_fen"]) == (185500000, 30000000,
                                                                                 300000000)
    human = kacli.ok("payment", "show", deal).stdout
    assert "I2" in human and "R1" in human and "¥855,000" in human


def test_a_mistyped_instalment_is_corrected(kacli, deal):
    kacli.ok("payment", "plan", deal, "85.5万", "--due", "2027-03-31")
    kacli.ok("payment", "update", "I2", "--amount", "8.55万", "--date", "2027-04-30")
    second = kacli.json("payment", "show", deal)["instalments"][1]
    assert (second["amount_fen"], second["due"]) == (8_550_000, "2027-04-30")
    kacli.ok("payment", "update", "r1", "--amount", "40万", "--note", "首付款")
    assert kacli.json("payment", "show", deal)["receipts"][0]["note"] == "首付款"
    kacli.ok("payment", "remove", "I2", "--yes")
    assert [i["number"] for i in kacli.json("payment", "show", deal)["instalments"]] == ["I1"]
    kacli.ok("payment", "remove", "R1", "--yes")
    assert kacli.json("payment", "show", deal)["receipts"] == []


@pytest.mark.parametrize("args, words", [
    (["payment", "update", "X1", "--amount", "1万"], "not an instalment or receipt number"),
    (["payment", "update", "I99", "--amount", "1万"], "There is no I99"),
    (["payment", "update", "I1", "--note", "x"], "--note is for a receipt"),
    (["payment", "update", "I1", "--amount", "10万"], "less than the money already received"),
    (["payment", "update", "R1", "--date", "2027-01-01"], "future"),
    (["payment", "update", "R1", "--amount", "200万"], "less than the money already received"),
    (["payment", "remove", "I1", "--yes"], "less than the money already received"),
    (["payment", "update", "I1", "--amount", "400万"], "more than the deal is worth"),
    (["payment", "plan", "二期采购", "250万", "--due", "2027-06-30"], "--force"),
])
def test_payment_corrections_refuse_what_cannot_be(kacli, deal, unchanged, args, words):
    with unchanged():
        result = kacli(*args)
    assert result.exit_code == ExitCode.BAD_INPUT
    assert words in result.stderr


def test_a_schedule_larger_than_the_deal_needs_force(kacli, deal):
    kacli.ok("payment", "plan", deal, "250万", "--due", "2027-06-30", "--force")
    assert kacli.json("payment", "show", deal)["planned_fen"] == 350_0000_00
    kacli.ok("payment", "update", "I2", "--amount", "260万", "--force")
