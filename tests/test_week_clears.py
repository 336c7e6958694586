"""Doing the work clears the list: the sequences of a Shanghai salesperson's May and June 2027
(端午 on 06-09), remind every night and week every morning, each checked through the CLI."""

from __future__ import annotations

from kacli.errors import ExitCode
from test_week import codes, reason, row, week


def on(day: str) -> dict:
    return {"KACLI_TODAY": day}


def remind(kacli, day: str, *args: str) -> str:
    return kacli.ok("remind", *args, env=on(day)).stdout


def names(data: dict) -> list[str]:
    return [i["customer"] for i in data["items"]]


def test_a_gift_to_an_individual_without_naming_anyone_settles_their_birthday(kacli):
    d = on("2027-05-06")
    kacli.ok("customer", "add", "李先生", "--kind", "person", env=d)
    kacli.ok("contact", "add", "李先生", "李先生", "--birthday", "05-12", env=d)
    kacli.ok("visit", "log", "李先生", env=d)
    assert reason(row(week(kacli, env=d), "李先生"), "birthday")["due"] == "2027-05-12"
    kacli.ok("visit", "log", "李先生", "--kind", "small_gift", env=on("2027-05-10"))
    for day in ("2027-05-10", "2027-05-12"):
        assert "李先生" not in names(week(kacli, env=on(day))), day
        assert "birthday" not in remind(kacli, day), day


def test_a_booked_visit_is_the_action_in_remind_too_not_an_overdue_call_every_night(kacli):
    kacli.ok("customer", "add", "申工机电", "--cycle", "short", "--batch", "large", env=on("2027-04-01"))
    kacli.ok("visit", "log", "申工机电", "--date", "2027-04-20", env=on("2027-04-20"))
    assert "申工机电" in remind(kacli, "2027-05-06")  # A, every 7 days: overdue
    kacli.ok("visit", "log", "申工机电", "--planned", "--date", "2027-05-11", "--purpose", "演示", env=on("2027-05-06"))
    for day in ("2027-05-06", "2027-05-07", "2027-05-08"):
        assert remind(kacli, day) == "", day  # booked: no overdue call in tonight's mail
    item = row(week(kacli, env=on("2027-05-06")), "申工机电")
    assert (item["due"], item["overdue_days"], item["action"]) == ("2027-05-11", 0, "visit")
    line = remind(kacli, "2027-05-10")
    assert "申工机电" in line and "visit:" in line and "overdue" not in line
    data = kacli.json("remind", env=on("2027-05-10"))
    assert row(data, "申工机电")["action"] == row(week(kacli, env=on("2027-05-10")), "申工机电")["action"]


def test_remind_and_week_agree_on_the_action_when_money_is_owed_and_a_visit_is_booked(kacli):
    d = on("2027-05-06")
    kacli.ok("customer", "add", "浦东仪表", env=d)
    kacli.ok("visit", "log", "浦东仪表", env=d)
    kacli.ok("deal", "add", "浦东仪表", "检测软件", "--amount", "20万", env=d)
    kacli.ok("deal", "won", "检测软件", env=d)
    kacli.ok("payment", "plan", "检测软件", "20万", "--due", "2027-05-07", env=d)
    kacli.ok("visit", "log", "浦东仪表", "--planned", "--date", "2027-05-12", "--purpose", "收款", env=d)
    today = on("2027-05-10")
    assert row(kacli.json("remind", env=today), "浦东仪表")["action"] == "visit"
    assert row(week(kacli, env=today), "浦东仪表")["action"] == "visit"


def test_a_customer_who_becomes_o_after_the_send_ahead_day_is_due_the_gift_from_that_day(kacli):
    kacli.ok("customer", "add", "王先生", "--kind", "person", "--buy-within", "3m", env=on("2027-05-06"))
    kacli.ok("visit", "log", "王先生", env=on("2027-05-06"))
    kacli.ok("customer", "update", "王先生", "--buy-within", "1w", env=on("2027-06-04"))  # now O
    item = row(week(kacli, env=on("2027-06-04")), "王先生")
    fest = reason(item, "festival")  # 端午 06-09: the gift's send-ahead day was 06-02
    assert fest["due"] == "2027-06-04" and item["overdue_days"] == 0
    assert "overdue" not in remind(kacli, "2027-06-04")


def test_a_call_nobody_answered_is_recorded_but_does_not_reset_the_cadence(kacli):
    kacli.ok("customer", "add", "宝山钢构", "--cycle", "short", "--batch", "large", env=on("2027-05-01"))
    kacli.ok("visit", "log", "宝山钢构", "--date", "2027-05-03", env=on("2027-05-03"))
    kacli.ok("visit", "log", "宝山钢构", "--kind", "没人接", env=on("2027-05-12"))
    listed = kacli.json("visit", "list", "宝山钢构", env=on("2027-05-12"))
    assert listed[0]["kind"] == "no_answer"
    item = row(week(kacli, env=on("2027-05-12")), "宝山钢构")
    assert reason(item, "cadence") == {"code": "cadence", "due": "2027-05-10",
                                       "text": "last contact 9 days ago, every 7 days"}
    kacli.ok("visit", "log", "宝山钢构", "--kind", "call", env=on("2027-05-12"))
    assert "宝山钢构" not in names(week(kacli, env=on("2027-05-12")))


def test_weekend_due_days_move_to_friday_unless_the_rules_say_otherwise(kacli, isolated):
    kacli.ok("customer", "add", "松江电子", "--cycle", "short", "--batch", "large", env=on("2027-05-01"))
    kacli.ok("visit", "log", "松江电子", "--date", "2027-05-08", env=on("2027-05-08"))  # +7: Saturday 05-15
    assert row(week(kacli, env=on("2027-05-10")), "松江电子")["due"] == "2027-05-14"
    rules = isolated.parent / "rules.toml"
    rules.write_text("[calendar]\nweekend = false\n", encoding="utf-8")
    assert row(week(kacli, env=on("2027-05-10")), "松江电子")["due"] == "2027-05-15"
    rules.write_text("[calendar]\n\nweekend = \"yes\"\n", encoding="utf-8")
    bad = kacli("week", env=on("2027-05-10"))
    assert bad.exit_code == ExitCode.BAD_INPUT
    assert "rules.toml:3" in bad.stderr and "calendar.weekend" in bad.stderr


def test_a_festival_row_due_after_the_window_is_not_in_it(kacli):
    kacli.ok("customer", "add", "嘉定汽配", "--kind", "person", "--buy-within", "1m", env=on("2027-05-06"))
    kacli.ok("visit", "log", "嘉定汽配", env=on("2027-05-20"))  # A: next call 05-27
    assert "嘉定汽配" not in names(week(kacli, env=on("2027-05-20")))  # 05-20 … 05-26; the gift is due 06-02
    assert reason(row(week(kacli, "--days", "14", env=on("2027-05-20")), "嘉定汽配"), "festival")["due"] == "2027-06-02"


def test_a_first_sale_in_a_young_book_makes_no_key_account(kacli):
    d = on("2027-05-06")
    kacli.ok("customer", "add", "赵女士", "--kind", "person", env=d)
    kacli.ok("deal", "add", "赵女士", "家用净水", "--amount", "38000", env=d)
    kacli.ok("deal", "won", "家用净水", env=d)
    assert kacli.json("customer", "list", "--key", env=d) == []
    item = row(week(kacli, env=d), "赵女士")
    assert item["key_account"] is False and "key_tier_changed" not in codes(item)


def test_an_imported_list_of_leads_does_not_bury_what_matters_and_spreads_its_first_calls(kacli, tmp_path):
    d = on("2027-05-06")  # a Thursday
    kacli.ok("customer", "add", "闵行电机", env=on("2027-04-01"))
    kacli.ok("visit", "log", "闵行电机", "--date", "2027-05-01", env=on("2027-05-01"))
    kacli.ok("deal", "add", "闵行电机", "MES 升级", "--amount", "50万", env=on("2027-05-01"))
    kacli.ok("deal", "won", "MES 升级", env=on("2027-05-01"))
    kacli.ok("payment", "plan", "MES 升级", "50万", "--due", "2027-05-06", env=on("2027-05-01"))
    leads = tmp_path / "展会名单.csv"
    leads.write_text("客户名称\n" + "".join(f"线索{n:02d}\n" for n in range(1, 13)), encoding="utf-8")
    bad = kacli("import", "customers", leads, "--first-call-within", "ten days", env=d)
    assert bad.exit_code == ExitCode.BAD_INPUT and "--first-call-within" in bad.stderr
    assert kacli.json("customer", "list", env=d) != [] and len(kacli.json("customer", "list", env=d)) == 1
    result = kacli.ok("import", "customers", leads, "--first-call-within", "10d", env=d)
    assert "First calls of 12 new customers spread over the next 10 days." in result.stderr
    today = week(kacli, "--limit", "0", env=d)
    assert today["items"][0]["customer"] == "闵行电机"  # money owed today comes first
    firsts = [i for i in today["items"] if i["customer"].startswith("线索") and i["due"] == "2027-05-06"]
    assert 1 <= len(firsts) <= 2 and all(codes(i) == ["never_contacted"] for i in firsts)
    assert remind(kacli, "2027-05-06").count("线索") <= 4  # tonight and tomorrow's first calls, not twelve
    scheduled = [a for a in kacli.json("next", "list", "--all", env=d) if a["kind"] == "first_call"]
    assert len(scheduled) == 12 and max(a["due"] for a in scheduled) == "2027-05-14"
    kacli.ok("visit", "log", "线索01", "--kind", "call", env=d)
    assert [a for a in kacli.json("next", "list", "线索01", env=d) if a["kind"] == "first_call"] == []
    assert "线索01" not in names(week(kacli, "--limit", "0", env=d))
