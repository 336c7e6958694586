"""Holding a deal, a passed close date, a lost deal's gates, and lists read through a pipe."""

from __future__ import annotations

from conftest import snapshot
from kacli.errors import ExitCode


def on(day: str) -> dict[str, str]:
    return {"KACLI_TODAY": day}


def test_a_budget_freeze_puts_the_deal_on_hold_until_march(kacli, db_path):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", "--close", "2027-02-01",
             env=on("2026-12-01"))
    held = kacli.ok("deal", "hold", "自动化改造", "--until", "2027-03-01", "--reason", "预算冻结到三月",
                    env=on("2027-01-10"))
    assert "on hold until 2027-03-01" in held.stderr
    shown = kacli.json("deal", "show", "自动化改造", env=on("2027-01-10"))
    assert shown["hold"] == {"until": "2027-03-01", "reason": "预算冻结到三月", "active": True}
    text = kacli.ok("deal", "show", "自动化改造", env=on("2027-01-10")).stdout
    assert "until 2027-03-01 — 预算冻结到三月" in text
    # on the date the hold is over: shown as ended, the deal's reasons are back
    assert kacli.json("deal", "show", "自动化改造", env=on("2027-03-01"))["hold"]["active"] is False
    assert "ended 2027-03-01" in kacli.ok("deal", "show", "自动化改造", env=on("2027-03-01")).stdout
    same = kacli.ok("deal", "hold", "自动化改造", "--until", "2027-03-01", "--reason", "预算冻结到三月",
                    env=on("2027-01-10"))
    assert "Nothing changed for deal #1" in same.stderr
    moved = kacli.ok("deal", "hold", "自动化改造", "--until", "2027-04-01", env=on("2027-01-10"))
    assert "(was 2027-03-01)" in moved.stderr
    history = kacli.json("customer", "history", "机床厂")["changes"]
    assert {"field": "deal:自动化改造:hold_until", "old": "2027-03-01", "new": "2027-04-01"} in [
        {k: c[k] for k in ("field", "old", "new")} for c in history]
    resumed = kacli.ok("deal", "resume", "自动化改造", env=on("2027-01-12"))
    assert "no longer on hold (was until 2027-04-01)" in resumed.stderr
    assert kacli.json("deal", "show", "自动化改造")["hold"] is None
    again = kacli.ok("deal", "resume", "自动化改造")
    assert "was not on hold; nothing changed" in again.stderr


def test_a_hold_must_end_after_today_and_only_an_open_deal_is_held(kacli, db_path):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "年度采购")
    before = snapshot(db_path)
    past = kacli("deal", "hold", "年度采购", "--until", "2026-11-01")
    assert past.exit_code == ExitCode.BAD_INPUT and "deal resume" in past.stderr
    assert snapshot(db_path) == before
    kacli.ok("deal", "lost", "年度采购", "--reason", "价格")
    before = snapshot(db_path)
    lost = kacli("deal", "hold", "年度采购", "--until", "+30d")
    assert lost.exit_code == ExitCode.BAD_INPUT and "only an open deal" in lost.stderr
    assert snapshot(db_path) == before
    zh = kacli("deal", "hold", "年度采购", "--until", "+30d", env={"KACLI_LANG": "zh-Hans"})
    assert "已丢单；只有进行中的项目可以暂缓" in zh.stderr


def test_a_lost_deal_shows_no_gates_and_a_passed_close_reads_as_passed(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", "--close", "2027-03-01",
             "--stage", "validate", env=on("2027-01-05"))
    kacli.ok("deal", "add", "机床厂", "年度采购", "--close", "2027-03-01", env=on("2027-01-05"))
    env = {**on("2027-03-10"), "COLUMNS": "200"}
    shown = kacli.json("deal", "show", "自动化改造", env=env)
    assert shown["close_passed"] is True and shown["next_stage"] == "negotiate"
    text = kacli.ok("deal", "show", "自动化改造", env=env).stdout
    assert "2027-03-01 — passed" in text and "will close" not in text
    assert "2027-03-01 — passed" in kacli.ok("deal", "list", env=env).stdout
    assert "2027-03-01（已过）" in kacli.ok("deal", "list", env={**env, "KACLI_LANG": "zh-Hans"}).stdout
    kacli.ok("deal", "lost", "自动化改造", "--reason", "对手降价", env=env)
    lost = kacli.json("deal", "show", "自动化改造", env=env)
    assert (lost["next_stage"], lost["next_stage_missing"], lost["close_passed"]) == (None, [], False)
    text = kacli.ok("deal", "show", "自动化改造", env=env).stdout
    assert "needs" not in text.lower() and "passed" not in text
    assert kacli.json("deal", "show", "年度采购", env=on("2027-02-28"))["close_passed"] is False


def test_piped_lists_never_cut_money_or_titles(kacli):
    kacli.ok("customer", "add", "一家名字相当长的重型机械制造股份有限公司")
    title = "一个名字非常非常长的年度自动化改造与产线升级项目"
    kacli.ok("deal", "add", "一家名字相当长的重型机械制造股份有限公司", title, "--amount", "1085万",
             "--close", "2027-06-30")
    kacli.ok("deal", "won", title)
    kacli.ok("payment", "plan", title, "1085万", "--due", "2027-06-30")
    narrow = {"COLUMNS": "40"}  # a pipe, as CliRunner's stdout is: the width must not matter
    for args in (("deal", "list", "--all"), ("payment", "list")):
        out = kacli.ok(*args, env=narrow).stdout
        assert "…" not in out, out
        [line] = [line for line in out.splitlines() if title in line]  # one record, one line
        assert "¥10,850,000" in line and "一家名字相当长的重型机械制造股份有限公司" in line
    listed = kacli.ok("customer", "list", env=narrow).stdout
    assert "一家名字相当长的重型机械制造股份有限公司" in listed and "…" not in listed


def _deal_reasons(kacli, day: str) -> list[tuple[str, str]]:
    week = kacli.json("week", "--days", "7", env=on(day))
    return [(r["code"], r["due"]) for item in week["items"] for r in item["reasons"]
            if r["code"] in ("deal_stalled", "deal_closing")]


def test_a_held_deal_leaves_the_week_list_until_its_date_then_comes_back_once(kacli, db_path):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", "--close", "2027-01-20",
             env=on("2026-12-01"))
    # discover stalls after 30 days: due 2027-01-01, and the close date passes on 01-20
    assert ("deal_stalled", "2027-01-01") in _deal_reasons(kacli, "2027-01-05")
    kacli.ok("deal", "hold", "自动化改造", "--until", "2027-03-01", "--reason", "预算冻结到三月",
             env=on("2027-01-05"))
    for day in ("2027-01-05", "2027-01-25", "2027-02-21"):
        assert _deal_reasons(kacli, day) == [], day  # silenced while on hold
    # a week before the hold ends the list looks ahead to it; on the day both reasons are back,
    # due on the hold's date (not "overdue since" January)
    assert set(_deal_reasons(kacli, "2027-02-23")) == {("deal_stalled", "2027-03-01"),
                                                         ("deal_closing", "2027-03-01")}
    assert set(_deal_reasons(kacli, "2027-03-01")) == {("deal_stalled", "2027-03-01"),
                                                         ("deal_closing", "2027-03-01")}


def test_deal_list_shows_a_deal_on_hold_beside_its_close_date(kacli, db_path):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", "--close", "2027-02-01",
             env=on("2026-12-01"))
    kacli.ok("deal", "hold", "自动化改造", "--until", "2027-03-01", env=on("2027-01-10"))
    [row] = kacli.json("deal", "list", env=on("2027-01-10"))["stages"][0]["deals"]
    assert row["hold"] == {"until": "2027-03-01", "reason": None, "active": True}
    assert "2027-02-01, on hold until 2027-03-01" in kacli.ok("deal", "list", env=on("2027-01-10")).stdout
    assert "on hold" not in kacli.ok("deal", "list", env=on("2027-03-02")).stdout  # the hold is over


def test_a_visit_about_a_stalled_deal_settles_it_until_the_stage_runs_out_again(kacli, db_path):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("customer", "add", "茶叶店")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", env=on("2026-12-01"))
    assert ("deal_stalled", "2027-01-01") in _deal_reasons(kacli, "2027-01-05")  # discover: 30 days
    kacli.ok("visit", "log", "机床厂", "--kind", "call", env=on("2027-01-05"))
    assert ("deal_stalled", "2027-01-01") in _deal_reasons(kacli, "2027-01-05")  # a call about nothing
    kacli.ok("visit", "log", "机床厂", "--kind", "call", "--deal", "自动化改造", env=on("2027-01-05"))
    assert _deal_reasons(kacli, "2027-01-05") == []
    assert _deal_reasons(kacli, "2027-01-30") == [("deal_stalled", "2027-02-05")]  # 30 days on
    shown = kacli.json("visit", "show", "2")
    assert shown["deal"] == {"id": 1, "title": "自动化改造"}
    refused = kacli("visit", "log", "茶叶店", "--deal", "自动化改造")
    assert refused.exit_code == ExitCode.BAD_INPUT and "is not 茶叶店's" in refused.stderr


def test_a_note_on_a_stalled_deal_is_an_update_of_it(kacli, db_path):
    """The README's way to settle a stalled deal: ``deal update REF --note TEXT``, kept dated in
    the deal's history."""
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", env=on("2026-12-01"))
    assert ("deal_stalled", "2027-01-01") in _deal_reasons(kacli, "2027-01-05")
    noted = kacli.ok("deal", "update", "自动化改造", "--note", "客户在等集团预算", env=on("2027-01-05"))
    assert "Updated deal #1 自动化改造" in noted.stderr and "note" in noted.stderr
    assert _deal_reasons(kacli, "2027-01-05") == []
    assert _deal_reasons(kacli, "2027-02-02") == [("deal_stalled", "2027-02-05")]  # 30 days on
    history = kacli.json("deal", "show", "自动化改造", env=on("2027-01-05"))["history"]
    assert {"date": "2027-01-05", "note": "客户在等集团预算", "to_stage": None} in [
        {k: e[k] for k in ("date", "note", "to_stage")} for e in history]
    assert "客户在等集团预算" in kacli.ok("deal", "show", "自动化改造", env=on("2027-01-05")).stdout
    assert kacli("deal", "update", "自动化改造", "--note", " ").exit_code == ExitCode.BAD_INPUT
