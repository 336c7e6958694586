"""Merging a customer or a contact moves every row linked to the merged record, on the file and on
a server alike, and ``kacli undo`` takes the whole merge back."""

from __future__ import annotations

from conftest import dossier_fixture


@dossier_fixture
def twice(kacli):
    """华信地产 entered a second time as 华心地产, with people, a meal, a next action and facts."""
    kacli.ok("customer", "add", "华信地产", "--industry", "房地产", "--set", "年会=12月")
    kacli.ok("contact", "add", "华信地产", "王总", "--title", "总经理", "--set", "茶=铁观音")
    kacli.ok("customer", "add", "华心地产", "--address", "北京", "--set", "年会=1月")
    kacli.ok("customer", "competitor", "华心地产", "天福茗茶", "--product", "铁观音")
    kacli.ok("contact", "add", "华心地产", "王總", "--email", "wang@hx.cn", "--set", "茶=普洱")
    kacli.ok("contact", "add", "华心地产", "李主任", "--title", "办公室主任")
    kacli.ok("visit", "log", "华心地产", "--contact", "王總", "--contact", "李主任", "--kind", "meal")
    kacli.ok("next", "add", "华心地产", "寄方案", "--date", "2026-11-27", "--contact", "王總")
    return kacli


def _views(kacli) -> dict:
    return {"customers": kacli.json("customer", "list"), "next": kacli.json("next", "list"),
            "people": {name: kacli.json("contact", "show", name) for name in ("王总", "王總", "李主任")}}


def test_a_customer_merge_moves_everything_and_undo_takes_it_back(kacli, twice):
    before = _views(kacli)
    merged = kacli.ok("customer", "merge", "华心地产", "--into", "华信地产", "--yes")
    assert "王總 is taken to be 王总" in merged.stderr
    assert [c["name"] for c in kacli.json("customer", "list")] == ["华信地产"]
    assert [c["name"] for c in kacli.json("contact", "list", "华信地产")] == ["李主任", "王总"]
    wang = kacli.json("contact", "show", "王总")
    assert wang["email"] == "wang@hx.cn" and wang["facts"] == {"茶": "铁观音", "茶 (王總)": "普洱"}
    assert [v["kind"] for v in wang["visits"]] == ["meal"]
    [action] = kacli.json("next", "list")
    assert (action["customer"], action["contact"]) == ("华信地产", "王总")
    kacli.ok("undo", "--yes")
    assert _views(kacli) == before


def test_a_contact_merge_where_both_were_at_one_meal(kacli, twice):
    """Both at the same visit: the kept contact is there once (the merged one's row goes)."""
    kacli.ok("contact", "add", "华心地产", "王总经理", "--phone", "138", "--set", "茶=红茶")
    kacli.ok("visit", "update", "1", "--contact", "王總", "--contact", "王总经理")
    before = _views(kacli)
    kacli.ok("contact", "merge", "王总经理", "--into", "王總", "--yes")
    wang = kacli.json("contact", "show", "王總")
    assert wang["phones"] == ["138"]
    assert wang["facts"] == {"茶": "普洱", "茶 (王总经理)": "红茶"}
    assert [v["kind"] for v in wang["visits"]] == ["meal"]
    assert kacli("contact", "show", "王总经理").exit_code != 0
    kacli.ok("undo", "--yes")
    assert _views(kacli) == before
