"""Next actions (下一步): open until done, by due date, overdue marked."""

from __future__ import annotations

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode


@dossier_fixture
def hxdc(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "王总")
    kacli.ok("customer", "add", "丽华酒店")
    return "华信地产"


def test_add_list_by_due_date_with_overdue_marked(kacli, hxdc):
    kacli.ok("next", "add", hxdc, "寄报价单", "--date", "周五", "--contact", "王总")
    kacli.ok("next", "add", "丽华", "回电话", "--date", "-2d")
    result = kacli.ok("next", "add", hxdc, "约饭", "--date", "3天后")
    assert "Next action #3: 约饭, due 2026-11-26." in result.stderr
    rows = kacli.json("next", "list")
    assert [(a["id"], a["due"], a["overdue"]) for a in rows] == [
        (2, "2026-11-21", True), (3, "2026-11-26", False), (1, "2026-11-27", False)]
    assert rows[2] == {
        "id": 1, "customer_id": 1, "customer": "华信地产", "contact_id": 1, "contact": "王总",
        "visit_id": None, "deal_id": None, "kind": "next", "text": "寄报价单", "due": "2026-11-27",
        "overdue": False, "done_on": None, "created_at": rows[2]["created_at"]}
    assert [a["id"] for a in kacli.json("next", "list", hxdc)] == [3, 1]
    table = kacli.ok("next", "list").stdout
    assert "OVERDUE" in table.splitlines()[1] and "回电话" in table.splitlines()[1]


def test_done_closes_it_and_the_note_goes_to_history(kacli, hxdc):
    kacli.ok("next", "add", hxdc, "送样品", "--date", "-1d")
    result = kacli.ok("next", "done", "1", "--note", "样品已送到")
    assert "Done: next action #1 送样品." in result.stderr
    assert kacli.json("next", "list") == []
    [done] = kacli.json("next", "list", "--all")
    assert (done["done_on"], done["overdue"]) == ("2026-11-23", False)
    changes = kacli.json("customer", "history", hxdc)["changes"]
    assert {"field": "next_action_done", "old": "送样品", "new": "2026-11-23 — 样品已送到"}.items() \
        <= changes[0].items()
    assert "done 2026-11-23" in kacli.ok("next", "list", "--all").stdout


def test_done_twice_or_unknown_is_refused(kacli, hxdc, unchanged):
    kacli.ok("next", "add", hxdc, "送样品", "--date", "周五")
    kacli.ok("next", "done", "1")
    with unchanged():
        again = kacli("next", "done", "1")
        missing = kacli("next", "done", "42")
        not_a_number = kacli("next", "done", "one")
    assert again.exit_code == ExitCode.BAD_INPUT and "already done on 2026-11-23" in again.stderr
    assert missing.exit_code == ExitCode.BAD_INPUT and "no next action #42" in missing.stderr
    assert not_a_number.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize("args", [
    ["送样品"],  # no due date
    ["送样品", "--date", "someday"],
    ["", "--date", "周五"],
    ["送样品", "--date", "周五", "--contact", "李四"],
])
def test_bad_add_changes_nothing(kacli, hxdc, unchanged, args):
    with unchanged():
        result = kacli("next", "add", hxdc, *args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr


def test_a_later_visit_reminds_and_closes_only_what_it_names(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总", "--next", "送样品", "--next-date", "-1d",
             "--date", "-5d")
    kacli.ok("next", "add", hxdc, "寄报价单", "--date", "周五")
    reminded = kacli.ok("visit", "log", hxdc, "-k", "call")
    assert "Still open at 华信地产" in reminded.stderr
    assert "#1  2026-11-22  送样品  (OVERDUE)" in reminded.stderr and "寄报价单" in reminded.stderr
    assert len(kacli.json("next", "list")) == 2  # a visit alone closes nothing
    closing = kacli.ok("visit", "log", hxdc, "-k", "sample", "-c", "王总", "--done", "1",
                       "--date", "昨天")
    assert "Done: next action #1 送样品." in closing.stderr
    [still] = kacli.json("next", "list")
    assert still["text"] == "寄报价单"
    [done] = [a for a in kacli.json("next", "list", "--all") if a["id"] == 1]
    assert done["done_on"] == "2026-11-22"  # the day of the visit that did it


def test_visit_closing_an_action_of_another_customer_writes_nothing(kacli, hxdc, unchanged):
    kacli.ok("next", "add", "丽华", "回电话", "--date", "周五")
    kacli.ok("next", "add", hxdc, "送样品", "--date", "周五")
    kacli.ok("next", "done", "2")
    with unchanged():
        other = kacli("visit", "log", hxdc, "--done", "1")
        already = kacli("visit", "log", hxdc, "--done", "2")
    assert other.exit_code == ExitCode.BAD_INPUT and "丽华酒店" in other.stderr
    assert already.exit_code == ExitCode.BAD_INPUT


def test_list_empty_says_so(kacli, hxdc):
    result = kacli.ok("next", "list")
    assert "No open next actions." in result.stderr
    assert kacli.json("next", "list") == []
