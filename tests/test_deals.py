"""Deals through the CLI: the seed's stories, the stage gates, the buying centre, the pipeline."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode


def on(day: str) -> dict[str, str]:
    return {"KACLI_TODAY": day}


@dossier_fixture
def factory(kacli):
    """机床厂 with its general manager (decision maker) and office director (buyer)."""
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", "机床厂", "王总", "--title", "总经理", "--attitude", "中立", "--stage", "约会")
    kacli.ok("contact", "add", "机床厂", "李主任", "--title", "办公室主任", "--attitude", "支持")
    return kacli


def test_the_300_wan_automation_project_won_after_a_price_cut(factory, db_path):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万", "--close", "2027-03-31",
             "--plan", "明年扩产", "--problem", "人工成本高", "--budget", "320万", env=on("2026-09-01"))
    kacli.ok("deal", "role", "自动化改造", "王总", "--as", "决策者", "--attitude", "支持")
    kacli.ok("deal", "role", "自动化改造", "李主任", "--as", "购买者")
    kacli.ok("deal", "advance", "zdhgz", "--note", "需求确认", env=on("2026-09-15"))
    kacli.ok("deal", "update", "自动化改造", "--competitor", "西门子=好一点", env=on("2026-10-01"))
    kacli.ok("deal", "advance", "自动化改造", "--date", "2026-10-01", env=on("2026-10-03"))
    kacli.ok("deal", "update", "自动化改造", "--price", "280万", "--delivery", "2027-02-01",
             "--warranty", "两年", "--payment-terms", "3-6-1", "--service", "驻厂培训")
    result = kacli.ok("deal", "advance", "自动化改造", "--strict", "--note", "降价20万后签约",
                      env=on("2026-11-20"))
    assert "Moved to" not in result.stderr  # every term was there: no gate warning
    kacli.ok("deal", "won", "自动化改造", env=on("2026-11-20"))
    kacli.ok("payment", "plan", "自动化改造", "84万", "--due", "2026-12-31")
    kacli.ok("payment", "plan", "自动化改造", "168万", "--due", "2027-03-31")
    kacli.ok("payment", "plan", "自动化改造", "28万", "--due", "2027-12-31")
    moved = kacli.ok("deal", "advance", "自动化改造", "--strict", env=on("2026-12-01"))
    assert "2026-12-08" in moved.stderr  # the follow-up call, a week after delivery

    deal = kacli.json("deal", "show", "自动化改造", env=on("2026-12-01"))
    assert (deal["amount_fen"], deal["price_fen"], deal["value_fen"]) == (300_000_000, 280_000_000,
                                                                          280_000_000)
    assert deal["outcome"] == "won" and deal["stage"] == "deliver" and deal["delivered_on"] == "2026-12-01"
    assert deal["chance"] == 100 and deal["weighted_fen"] == 280_000_000
    assert deal["project"] == {"purchase_plan": "明年扩产", "problem": "人工成本高", "timetable": None,
                               "budget_fen": 320_000_000, "process": None}
    assert deal["competitors"] == [{"name": "西门子", "position": "better"}]
    moves = [(h["date"], h["from_stage"], h["to_stage"], h["outcome"], h["days"]) for h in deal["history"]]
    assert moves == [
        ("2026-09-01", None, "discover", None, 14),
        ("2026-09-15", "discover", "validate", None, 16),
        ("2026-10-01", "validate", "negotiate", None, 50),
        ("2026-11-20", "negotiate", "contract", None, 11),
        ("2026-11-20", "contract", None, "won", None),  # won at the stage it was in
        ("2026-12-01", "contract", "deliver", None, 0),
    ]
    assert deal["history"][3]["note"] == "降价20万后签约"
    assert deal["receivable"]["complete"] is False

    kacli.ok("payment", "received", "自动化改造", "84万", "--date", "2026-12-28", env=on("2027-01-05"))
    kacli.ok("payment", "received", "自动化改造", "168万", env=on("2027-04-02"))
    last = kacli.ok("payment", "received", "自动化改造", "28万", env=on("2027-12-30"))
    assert "complete" in last.stderr
    money = kacli.json("deal", "show", "自动化改造", env=on("2028-01-02"))["receivable"]
    assert money["outstanding_fen"] == 0 and money["paid_in_full"] and money["complete"]

    conn = sqlite3.connect(db_path)
    calls = conn.execute("""SELECT kind, due, contact.name, deal_id FROM next_action
                            JOIN contact ON contact.id = next_action.contact_id""").fetchall()
    assert calls == [("after_sale", "2026-12-08", "李主任", deal["id"])]  # the buyer gets the call


def test_buyer_promised_but_the_decision_maker_was_never_met(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "年度采购", "--amount", "80万", "--stage", "商务谈判",
             "--competitor", "天福茗茶=差一点")
    kacli.ok("deal", "role", "年度采购", "李主任", "--as", "buyer")  # 支持: from the contact
    centre = kacli.json("deal", "show", "年度采购")["buying_centre"]
    assert centre["roles"]["buyer"] == [{"contact_id": 2, "name": "李主任", "title": "办公室主任",
                                         "attitude": "supporter", "attitude_source": "contact",
                                         "stage": "acquainted", "source": "deal"}]
    assert centre["roles"]["decision_maker"] == []
    assert "no_decision_maker" in centre["flags"] and "decision_maker" in centre["uncovered"]
    assert "no_supporter_or_coach" not in centre["flags"] and centre["at_risk"]
    shown = kacli.ok("deal", "show", "年度采购").stdout
    assert "No decision maker" in shown and "cooked duck" in shown
    profile = kacli.json("customer", "show", "机床厂")
    assert profile["deals"][0]["coverage"]["flags"] == ["no_decision_maker"]


def test_strict_refuses_a_move_without_the_terms_and_changes_nothing(factory, unchanged):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造", "--stage", "negotiate", "--no-competitor", "--price", "50万")
    with unchanged():
        result = kacli("deal", "advance", "改造", "--strict")
    assert result.exit_code == ExitCode.BAD_INPUT and "Traceback" not in result.stderr
    assert "delivery date, warranty, payment terms, after-sales service" in result.stderr
    assert kacli.json("deal", "show", "改造")["stage"] == "negotiate"
    warned = kacli.ok("deal", "advance", "改造")
    assert "without: delivery date, warranty, payment terms, after-sales service" in warned.stderr
    assert kacli.json("deal", "show", "改造")["stage"] == "contract"


def test_jumping_warns_for_every_gate_crossed_and_going_back_for_none(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造")
    jumped = kacli.ok("deal", "advance", "改造", "--to", "交货验收")
    assert "our position against a competitor" in jumped.stderr
    assert "warranty" in jumped.stderr and "payment schedule" in jumped.stderr
    back = kacli.ok("deal", "advance", "改造", "--to", "validate", "--note", "客户重新评估")
    assert "without" not in back.stderr
    deal = kacli.json("deal", "show", "改造")
    assert deal["stage"] == "validate" and deal["delivered_on"] is None
    assert deal["next_stage"] == "negotiate" and deal["next_stage_missing"] == ["competitor_position"]


def test_chinese_names_for_stages_and_positions(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造", "--stage", "驗證需求", "--competitor", "天福茗茶=差一点",
             "--competitor", "西门子=好得多")
    kacli.ok("deal", "advance", "改造", "--to", "商务谈判")
    deal = kacli.json("deal", "show", "改造")
    assert deal["stage"] == "negotiate"
    assert deal["competitors"] == [{"name": "天福茗茶", "position": "worse"},
                                   {"name": "西门子", "position": "much_better"}]
    shown = kacli.ok("--lang", "zh-Hans", "deal", "show", "改造").stdout
    assert "商务谈判" in shown and "差一点" in shown


def test_deal_list_groups_by_stage_with_totals_and_a_weighted_total(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "甲", "--amount", "300万", env=on("2026-11-01"))  # 10%
    kacli.ok("deal", "add", "机床厂", "乙", "--amount", "100万", "--stage", "negotiate")  # 50%
    kacli.ok("deal", "add", "机床厂", "丙", "--amount", "1.2亿", "--stage", "negotiate",
             "--chance", "30%")
    kacli.ok("deal", "add", "机床厂", "丁", "--amount", "3,333", "--stage", "contract")  # 80%
    kacli.ok("deal", "add", "机床厂", "戊", "--amount", "50万")
    kacli.ok("deal", "lost", "戊", "--reason", "预算取消")
    data = kacli.json("deal", "list")
    assert [g["stage"] for g in data["stages"]] == ["discover", "negotiate", "contract"]
    discover, negotiate, contract = data["stages"]
    assert discover["deals"][0]["days_in_stage"] == 22
    assert (discover["value_fen"], discover["weighted_fen"]) == (300_000_000, 30_000_000)
    assert [d["chance"] for d in negotiate["deals"]] == [50, 30]
    assert negotiate["value_fen"] == 100_000_000 + 12_000_000_000
    assert negotiate["weighted_fen"] == 50_000_000 + 3_600_000_000
    assert contract["weighted_fen"] == 266_640  # 333,300 fen × 80%
    assert data["total"] == {"count": 4, "value_fen": 300_000_000 + 12_100_000_000 + 333_300,
                             "weighted_fen": 30_000_000 + 3_650_000_000 + 266_640}
    everything = kacli.json("deal", "list", "--all")
    assert everything["stages"][-1]["stage"] == "lost"
    assert everything["total"] == data["total"]  # the pipeline counts open deals only
    shown = kacli.ok("deal", "list").stdout
    assert "¥36,802,666.40" in shown  # the weighted total


def test_chance_auto_goes_back_to_the_stage(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造", "--chance", "65", "--amount", "10万")
    assert kacli.json("deal", "show", "改造")["chance"] == 65
    kacli.ok("deal", "update", "改造", "--chance", "auto")
    deal = kacli.json("deal", "show", "改造")
    assert (deal["chance"], deal["chance_source"], deal["weighted_fen"]) == (10, "stage", 1_000_000)


def test_roles_link_only_the_deals_customer_and_can_be_removed(factory, unchanged):
    kacli = factory
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("contact", "add", "华信地产", "张经理")
    kacli.ok("deal", "add", "机床厂", "改造")
    with unchanged():
        result = kacli("deal", "role", "改造", "张经理", "--as", "user")
    assert result.exit_code == ExitCode.BAD_INPUT
    kacli.ok("deal", "role", "改造", "王总", "--as", "decision_maker")
    kacli.ok("deal", "role", "改造", "王总", "--as", "decision_maker", "--attitude", "反对")
    assert kacli.json("deal", "show", "改造")["buying_centre"]["roles"]["decision_maker"][0]["attitude"] \
        == "opponent"
    kacli.ok("deal", "role", "改造", "王总", "--remove")
    assert kacli.json("deal", "show", "改造")["buying_centre"]["roles"]["decision_maker"] == []
    with unchanged():
        assert kacli("deal", "role", "改造", "王总", "--remove").exit_code == ExitCode.BAD_INPUT


def test_won_and_lost_end_a_deal_once(factory, unchanged):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造", env=on("2026-11-02"))
    kacli.ok("deal", "lost", "改造", "--reason", "决策者没见过", "--date", "2026-11-20")
    deal = kacli.json("deal", "show", "改造")
    assert (deal["outcome"], deal["closed_on"], deal["lost_reason"], deal["chance"]) == (
        "lost", "2026-11-20", "决策者没见过", 0)
    for argv in (["deal", "won", "改造"], ["deal", "advance", "改造"], ["payment", "plan", "改造", "1万",
                                                                       "--due", "2027-01-01"]):
        with unchanged():
            result = kacli(*argv)
        assert result.exit_code == ExitCode.BAD_INPUT, argv
        assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [
    ["deal", "add", "机床厂", "x", "--stage", "celebrate"],
    ["deal", "add", "机床厂", "x", "--chance", "120"],
    ["deal", "add", "机床厂", "x", "--competitor", "西门子=很好"],
    ["deal", "add", "机床厂", "x", "--amount", "-5万"],
    ["deal", "add", "机床厂", "x", "--close", "someday"],
    ["deal", "add", "机床厂", "  "],
    ["deal", "add", "没有这个客户", "x"],
    ["deal", "add", "机床厂", "x", "--competitor", "西门子", "--no-competitor"],
    ["deal", "advance", "改造", "--date", "+3d"],
    ["deal", "advance", "改造", "--date", "2026-11-01"],  # before it entered its stage
    ["deal", "advance", "改造", "--to", "discover"],  # already there
    ["deal", "lost", "改造"],  # no reason
    ["deal", "role", "改造", "王总"],  # no --as
    ["deal", "role", "改造", "王总", "--as", "boss"],
    ["deal", "update", "改造", "--remove-competitor", "不存在"],
])
def test_bad_input_changes_nothing(factory, unchanged, args):
    factory.ok("deal", "add", "机床厂", "改造")
    with unchanged():
        result = factory(*args)
    assert result.exit_code == ExitCode.BAD_INPUT, result.stderr
    assert "Traceback" not in result.stderr


def test_last_stage_has_nowhere_to_go(factory, unchanged):
    factory.ok("deal", "add", "机床厂", "改造", "--stage", "deliver")
    with unchanged():
        result = factory("deal", "advance", "改造")
    assert result.exit_code == ExitCode.BAD_INPUT and "--to" in result.stderr


def test_no_competitor_then_a_real_one_replaces_it(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造", "--no-competitor")
    assert kacli.json("deal", "show", "改造")["no_competitor"] is True
    kacli.ok("deal", "update", "改造", "--competitor", "西门子")
    deal = kacli.json("deal", "show", "改造")
    assert deal["no_competitor"] is False and deal["competitors"] == [{"name": "西门子", "position": None}]
    kacli.ok("deal", "update", "改造", "--remove-competitor", "西门子")
    assert kacli.json("deal", "show", "改造")["competitors"] == []


def test_customer_show_has_the_project_group_and_money_owed(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "改造", "--amount", "100万", "--plan", "明年扩产", "--timetable", "Q2 招标")
    kacli.ok("payment", "plan", "改造", "30万", "--due", "2026-11-01")
    profile = kacli.json("customer", "show", "机床厂")
    assert profile["deals"][0]["project"]["timetable"] == "Q2 招标"
    assert profile["deals"][0]["weighted_fen"] == 10_000_000
    assert profile["receivable"] == {"outstanding_fen": 30_000_000, "overdue_fen": 30_000_000,
                                     "oldest_overdue": "2026-11-01"}
    shown = kacli.ok("customer", "show", "机床厂").stdout
    assert "Project" in shown and "明年扩产" in shown and "Money owed" in shown


def test_deal_update_records_history_and_finds_by_pinyin(factory):
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "自动化改造", "--amount", "300万")
    done = kacli.ok("deal", "update", "zdhgz", "--amount", "310万")
    assert "Amount" in done.stderr
    changes = kacli.json("customer", "history", "机床厂")["changes"]
    assert any(c["field"] == "deal:自动化改造:amount" and c["new"] == "310000000" for c in changes)


def test_the_call_after_delivery_follows_the_rules_file(kacli, tmp_path):
    (tmp_path / "rules.toml").write_text("[after_sale]\ndays = 3\n", encoding="utf-8")
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", "改造", "--amount", "10万")
    kacli.ok("deal", "advance", "改造", "--to", "deliver")
    [call] = [a for a in kacli.json("next", "list") if a["kind"] == "after_sale"]
    assert call["due"] == "2026-11-26"  # delivered on the pinned today, 2026-11-23, + 3 days


def test_every_view_counts_the_days_in_stage_from_the_same_move(kacli):
    # One rule (kacli.domain.sales.stage_entered) for the deal views, the pipeline report, the
    # export and the week list: a backdated move into validate, then negotiate on the 20th.
    kacli.ok("customer", "add", "机床厂", env={"KACLI_TODAY": "2026-10-01"})
    kacli.ok("deal", "add", "机床厂", "维保", "--amount", "10万", env={"KACLI_TODAY": "2026-10-01"})
    kacli.ok("deal", "advance", "1", "--date", "2026-10-05", env={"KACLI_TODAY": "2026-10-20"})
    kacli.ok("deal", "advance", "1", env={"KACLI_TODAY": "2026-10-20"})
    shown = kacli.json("deal", "show", "1")
    assert (shown["stage_entered"], shown["days_in_stage"]) == ("2026-10-20", 34)
    listed = kacli.json("deal", "list")["stages"]
    assert [d["stage_entered"] for s in listed for d in s["deals"]] == ["2026-10-20"]
    stages = {s["stage"]: s for s in kacli.json("report", "pipeline")["stages"]}
    assert stages["negotiate"]["avg_days_in_stage"] == 34.0
    row = kacli.json("week")["items"][0]
    assert "34 days in negotiate" in next(r["text"] for r in row["reasons"] if r["code"] == "deal_stalled")


def test_a_deal_won_before_it_was_added_is_refused_unless_forced(factory, unchanged):
    """The month's slip: the MES deal added on 05-10 and marked won "on 05-06" (a typo for
    06-05) gave report winloss a cycle of minus four days."""
    kacli = factory
    kacli.ok("deal", "add", "机床厂", "MES项目", env=on("2027-05-10"))
    with unchanged():
        refused = kacli("deal", "won", "MES项目", "--date", "2027-05-06", env=on("2027-06-05"))
        assert refused.exit_code == ExitCode.BAD_INPUT
        assert "before MES项目 was added (2027-05-10)" in refused.stderr and "--force" in refused.stderr
        lost = kacli("deal", "lost", "MES项目", "--reason", "价格", "--date", "2027-05-09", env=on("2027-06-05"))
        assert lost.exit_code == ExitCode.BAD_INPUT
    kacli.ok("deal", "won", "MES项目", "--date", "2027-05-06", "--force", env=on("2027-06-05"))
    report = kacli.json("report", "winloss", "--since", "2027-05-01", env=on("2027-06-05"))
    assert report["avg_cycle_days"] == 0


def test_the_after_sale_call_names_the_user_when_the_deal_has_no_buyer(kacli):
    """The month's MES delivery: the roles were on the people, not the deal; the follow-up named
    nobody. It goes to the user (李工), and the week list says whom to call."""
    kacli.ok("customer", "add", "德联汽车")
    kacli.ok("contact", "add", "德联汽车", "王总", "--role", "决策者")
    kacli.ok("contact", "add", "德联汽车", "李工", "--role", "使用者", "--phone", "139-0000-1111")
    kacli.ok("deal", "add", "德联汽车", "MES项目", "--amount", "80万", env=on("2027-05-06"))
    kacli.ok("deal", "won", "MES项目", env=on("2027-06-01"))
    kacli.ok("deal", "advance", "MES项目", "--to", "deliver", env=on("2027-06-03"))
    [call] = [a for a in kacli.json("next", "list", env=on("2027-06-03")) if a["kind"] == "after_sale"]
    assert (call["due"], call["contact"]) == ("2027-06-10", "李工")
    kacli.ok("deal", "add", "德联汽车", "备件", env=on("2027-05-06"))
    kacli.ok("deal", "role", "备件", "王总", "--as", "决策者")
    kacli.ok("contact", "update", "李工", "--role", "影响者")
    kacli.ok("deal", "advance", "备件", "--to", "deliver", env=on("2027-06-03"))
    calls = {a["text"]: a["contact"] for a in kacli.json("next", "list", env=on("2027-06-03"))
             if a["kind"] == "after_sale"}
    assert calls["ask how 备件 is working out since delivery"] == "王总"  # no buyer or user: the decision maker
