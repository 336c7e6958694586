"""Every screen tells the same story about a deal: its risks, whether it is stalled, whom to call."""

from __future__ import annotations

import pytest


def on(day: str) -> dict[str, str]:
    return {"KACLI_TODAY": day}


@pytest.fixture
def mill(kacli):
    """机床厂 with its general manager, recorded as the decision maker, and its workshop head, both
    met a week ago (more than one thread)."""
    kacli.ok("customer", "add", "机床厂", "--kind", "org", env=on("2026-11-01"))
    kacli.ok("contact", "add", "机床厂", "王总", "--role", "决策者", "--attitude", "支持", env=on("2026-11-01"))
    kacli.ok("contact", "add", "机床厂", "李工", "--role", "使用者", env=on("2026-11-01"))
    kacli.ok("visit", "log", "机床厂", "-c", "王总", "-c", "李工", "--date", "2026-11-16")
    return kacli


def _week_deal_codes(kacli, deal_id: int, *args: str, env: dict | None = None) -> set[str]:
    """The deal's reasons on the week list already due (not those coming later in the window)."""
    data = kacli.json("week", *args, env=env)
    return {r["code"] for row in data["items"] for r in row["reasons"]
            if r.get("deal_id") == deal_id and r["due"] <= data["today"]}


def _deal_id(kacli, title: str) -> int:
    return kacli.json("deal", "show", title)["id"]


def test_an_early_deal_is_not_called_at_risk_where_the_week_list_is_silent(mill):
    kacli = mill
    kacli.ok("deal", "add", "机床厂", "产线改造", "--amount", "300万", "--stage", "发现机会")
    shown = kacli.json("deal", "show", "产线改造")["buying_centre"]
    assert shown["risks"] == [] and shown["flags"] == [] and not shown["at_risk"]
    assert "cooked duck" not in kacli.ok("deal", "show", "产线改造").stdout
    assert not _week_deal_codes(kacli, _deal_id(kacli, "产线改造"))


def test_the_decision_maker_met_counts_for_the_deal_as_the_week_list_counts_him(mill):
    kacli = mill
    kacli.ok("deal", "add", "机床厂", "产线改造", "--amount", "300万", "--stage", "商务谈判",
             "--no-competitor")
    shown = kacli.json("deal", "show", "产线改造")["buying_centre"]
    assert shown["risks"] == [] and not shown["at_risk"]  # 王总 decides and was met
    assert kacli.json("customer", "show", "机床厂")["deals"][0]["coverage"]["risks"] == []
    kacli.ok("contact", "add", "机床厂", "赵总", "--role", "决策者", "--attitude", "反对")
    kacli.ok("visit", "log", "机床厂", "-c", "赵总")
    risks = kacli.json("deal", "show", "产线改造")["buying_centre"]["risks"]
    assert [(r["code"], r["contact"]) for r in risks] == [("decision_maker_opposed", "赵总")]
    assert _week_deal_codes(kacli, _deal_id(kacli, "产线改造")) == {"decision_maker_opposed"}
    assert "赵总" in kacli.ok("deal", "show", "产线改造").stdout


def test_a_visit_about_a_deal_before_it_stalls_restarts_its_clock_on_every_screen(mill):
    kacli = mill
    # validate stalls after 30 days by default: entered 2026-10-01, stalled from 10-31
    kacli.ok("deal", "add", "机床厂", "产线改造", "--stage", "验证需求", env=on("2026-10-01"))
    kacli.ok("visit", "log", "机床厂", "-c", "王总", "--deal", "产线改造", "--date", "2026-10-25",
             env=on("2026-10-25"))
    report = kacli.json("report", "pipeline")
    assert report["total"]["stalled"] == 0
    deal = kacli.json("deal", "show", "产线改造")
    assert not [r for r in deal["buying_centre"]["risks"] if r["code"] == "deal_stalled"]
    assert "deal_stalled" not in _week_deal_codes(kacli, deal["id"], "--all")
    later = on("2026-11-30")  # 30 days after the visit have passed
    assert kacli.json("report", "pipeline", env=later)["total"]["stalled"] == 1
    risks = kacli.json("deal", "show", "产线改造", env=later)["buying_centre"]["risks"]
    assert [(r["code"], r["due"]) for r in risks] == [("deal_stalled", "2026-11-25")]
    assert "deal_stalled" in _week_deal_codes(kacli, deal["id"], env=later)


def test_a_held_deal_is_not_counted_stalled_by_the_pipeline(mill):
    kacli = mill
    kacli.ok("deal", "add", "机床厂", "产线改造", "--stage", "验证需求", env=on("2026-09-01"))
    kacli.ok("deal", "hold", "产线改造", "--until", "2026-12-01", "--reason", "预算冻结")
    assert kacli.json("report", "pipeline")["total"]["stalled"] == 0
    deal_id = _deal_id(kacli, "产线改造")
    for day, stalled in (("2026-11-30", 0), ("2026-12-24", 1)):  # held, then 30 days after the hold
        assert kacli.json("report", "pipeline", env=on(day))["total"]["stalled"] == stalled
        assert ("deal_stalled" in _week_deal_codes(kacli, deal_id, env=on(day))) == bool(stalled)


def test_an_organisation_without_contacts_is_called_on_its_own_number_in_every_view(kacli):
    kacli.ok("customer", "add", "宏达机械", "--kind", "org", "--phone", "021-5555-0101")
    row = kacli.json("week")["items"][0]
    assert (row["contact"], row["phone"]) == (None, "021-5555-0101")
    for args in (("week",), ("remind",), ("why", "宏达机械")):
        assert "021-5555-0101" in kacli.ok(*args).stdout, args


def test_a_decision_maker_on_file_but_never_met_is_called_not_met_on_every_screen(kacli):
    """The cooked duck: the office director promised the order; the chairman was never met."""
    kacli.ok("customer", "add", "华信地产", "--kind", "org", env=on("2026-11-01"))
    kacli.ok("contact", "add", "华信地产", "刘主任", "--role", "购买者", "--attitude", "支持", env=on("2026-11-01"))
    kacli.ok("contact", "add", "华信地产", "张董", "--role", "决策者", env=on("2026-11-01"))
    kacli.ok("visit", "log", "华信地产", "-c", "刘主任", "--date", "2026-11-16")
    kacli.ok("deal", "add", "华信地产", "礼品茶", "--stage", "商务谈判", "--no-competitor")
    centre = kacli.json("deal", "show", "礼品茶")["buying_centre"]
    assert [(r["code"], r.get("contact")) for r in centre["risks"]] == [
        ("decision_maker_not_met", "张董"), ("single_threaded", "刘主任")]
    assert centre["flags"] == []  # on file: not "no decision maker"
    shown = kacli.ok("deal", "show", "礼品茶").stdout
    assert "nobody has met the decision maker 张董" in shown and "No decision maker" not in shown
    assert "only 刘主任 met in the last 60 days" in shown
    # The buying centre's table names him too, from his record, where it used to say "nobody".
    [maker] = centre["roles"]["decision_maker"]
    assert (maker["name"], maker["source"]) == ("张董", "contact")
    assert [(p["name"], p["source"]) for p in centre["roles"]["buyer"]] == [("刘主任", "contact")]
    assert "张董 (on file)" in shown
    assert _week_deal_codes(kacli, _deal_id(kacli, "礼品茶")) == {"decision_maker_not_met", "single_threaded"}
    kacli.ok("visit", "log", "华信地产", "-c", "张董")  # met: a second thread, and the one who decides
    assert kacli.json("deal", "show", "礼品茶")["buying_centre"]["risks"] == []
    assert not _week_deal_codes(kacli, _deal_id(kacli, "礼品茶"))


def test_deal_list_shows_each_open_deals_risks_as_deal_show_does(mill):
    kacli = mill
    kacli.ok("deal", "add", "机床厂", "产线改造", "--stage", "验证需求", env=on("2026-09-01"))  # stalled
    kacli.ok("contact", "add", "机床厂", "赵总", "--role", "决策者", "--attitude", "反对")
    kacli.ok("deal", "add", "机床厂", "年度耗材", "--stage", "商务谈判", "--no-competitor")
    kacli.ok("deal", "role", "年度耗材", "赵总", "--as", "决策者")  # never met, and against us
    kacli.ok("deal", "role", "年度耗材", "王总", "--as", "使用者")  # not the one who decides here
    kacli.ok("deal", "add", "机床厂", "旧项目", "--stage", "商务谈判")
    kacli.ok("deal", "lost", "旧项目", "--reason", "价格")
    listed = {d["title"]: d["risks"] for g in kacli.json("deal", "list", "--all")["stages"] for d in g["deals"]}
    assert listed == {"产线改造": ["deal_stalled"], "年度耗材": ["decision_maker_opposed", "decision_maker_not_met"],
                      "旧项目": []}
    for title in ("产线改造", "年度耗材"):
        assert listed[title] == [r["code"] for r in kacli.json("deal", "show", title)["buying_centre"]["risks"]]
    rows = {line.split("\t")[1]: line.split("\t")[-1] for line in kacli.ok("deal", "list").stdout.splitlines()}
    assert (rows["Deal"], rows["产线改造"], rows["年度耗材"]) == ("Risks", "stalled", "DM opposed, DM not met")
    zh = {line.split("\t")[1]: line.split("\t")[-1]
          for line in kacli.ok("deal", "list", env={"KACLI_LANG": "zh-Hant"}).stdout.splitlines()}
    assert zh["年度耗材"] == "決策者反對、未見決策者"


def test_a_past_today_reads_the_deal_views_as_they_stood_that_day(mill):
    kacli = mill
    kacli.ok("deal", "add", "机床厂", "产线改造", "--stage", "验证需求", env=on("2026-10-01"))
    kacli.ok("deal", "advance", "产线改造", "--to", "商务谈判", "--date", "2026-10-20")
    kacli.ok("deal", "advance", "产线改造", "--to", "验证需求", "--date", "2026-11-10")  # back again
    then = on("2026-10-15")
    shown = kacli.json("deal", "show", "产线改造", env=then)
    assert (shown["stage_entered"], shown["days_in_stage"]) == ("2026-10-01", 14)
    assert [m["date"] for m in shown["history"]] == ["2026-10-01"]  # the later moves not yet made
    listed = kacli.json("deal", "list", env=then)["stages"][0]["deals"][0]
    assert (listed["stage_entered"], listed["days_in_stage"]) == ("2026-10-01", 14)
    profile = kacli.json("customer", "show", "机床厂", env=then)["deals"][0]
    assert profile["stage_entered"] == "2026-10-01"
    # the day itself: the move back into validation is the day it entered its stage
    assert kacli.json("deal", "show", "产线改造", env=on("2026-11-12"))["stage_entered"] == "2026-11-10"


def test_export_deals_has_each_open_deals_risks_as_deal_list_has_them(mill, tmp_path):
    import csv
    import json

    kacli = mill
    kacli.ok("deal", "add", "机床厂", "产线改造", "--stage", "验证需求", env=on("2026-09-01"))  # stalled
    kacli.ok("contact", "add", "机床厂", "赵总", "--role", "决策者", "--attitude", "反对")
    kacli.ok("deal", "add", "机床厂", "年度耗材", "--stage", "商务谈判", "--no-competitor")
    kacli.ok("deal", "role", "年度耗材", "赵总", "--as", "决策者")
    kacli.ok("deal", "role", "年度耗材", "王总", "--as", "使用者")
    listed = {d["title"]: d["risks"] for g in kacli.json("deal", "list")["stages"] for d in g["deals"]}
    sheet = json.loads(kacli.ok("export", "deals", "--format", "json").stdout)["deals"]
    exported = {d["title"]: d["risks"] for d in sheet}
    assert exported == listed == {"产线改造": ["deal_stalled"],
                                  "年度耗材": ["decision_maker_opposed", "decision_maker_not_met"]}
    kacli.ok("export", "deals", "-o", tmp_path / "deals.csv")
    with open(tmp_path / "deals.csv", encoding="utf-8-sig", newline="") as f:
        rows = {r["项目/title"]: r["风险/risks"] for r in csv.DictReader(f)}
    assert rows == {"产线改造": "deal_stalled", "年度耗材": "decision_maker_opposed, decision_maker_not_met"}
    # an exported sheet reads back: its risks are worked out again, never stored
    kacli.ok("import", "deals", tmp_path / "deals.csv", "--dry-run")
