"""A month of use: sequences of days and commands, each checked the way a salesperson reads the
list the next morning (the story of examples/month-of-use.sh, in pieces)."""

from __future__ import annotations

from conftest import dossier_fixture
from test_week import codes, reason, row, week


def on(day: str) -> dict:
    return {"KACLI_TODAY": day}


def names(data: dict) -> list[str]:
    return [i["customer"] for i in data["items"]]


@dossier_fixture
def hxdc(kacli):
    """华信地产 on 2027-01-11: 李工 (engineer, primary), 王总 (decision maker, supporter, met
    twice), 刘主任 (buyer, birthday 01-22); a negotiate deal closing 01-20."""
    d = on("2027-01-11")
    kacli.ok("customer", "add", "华信地产", "--cycle", "short", "--batch", "large", env=d)
    kacli.ok("contact", "add", "华信地产", "李工", "--role", "user", "--primary", "--phone", "138-1", env=d)
    kacli.ok("contact", "add", "华信地产", "王总", "--role", "决策者", "--attitude", "支持",
             "--phone", "138-2", env=d)
    kacli.ok("contact", "add", "华信地产", "刘主任", "--role", "buyer", "--phone", "138-3",
             "--birthday", "01-22", env=d)
    kacli.ok("visit", "log", "华信地产", "-c", "王总", "--date", "2027-01-04", env=d)
    kacli.ok("visit", "log", "华信地产", "-c", "王总", "--date", "2027-01-08", env=d)
    kacli.ok("deal", "add", "华信地产", "年会礼品茶", "--amount", "80万", "--stage", "negotiate",
             "--close", "2027-01-20", "--no-competitor", env=d)
    return "华信地产"


def test_a_decision_maker_on_the_contact_met_and_supporting_covers_the_deal(kacli, hxdc):
    item = row(week(kacli, env=on("2027-01-15")), hxdc)
    assert "roles_uncovered" not in codes(item)


def test_a_gift_before_the_birthday_takes_it_off_the_list_for_the_year(kacli, hxdc):
    item = row(week(kacli, env=on("2027-01-16")), hxdc)
    assert reason(item, "birthday")["due"] == "2027-01-22"
    kacli.ok("visit", "log", hxdc, "-c", "刘主任", "--kind", "small_gift", env=on("2027-01-18"))
    for day in ("2027-01-18", "2027-01-20", "2027-01-22"):
        assert all("birthday" not in codes(i) for i in week(kacli, env=on(day))["items"]), day


def test_the_festival_gift_is_due_a_week_ahead_until_a_greeting_is_logged(kacli, hxdc):
    kacli.ok("deal", "won", "年会礼品茶", env=on("2027-01-19"))  # now the key account
    kacli.ok("visit", "log", hxdc, "-c", "王总", env=on("2027-01-20"))
    item = row(week(kacli, env=on("2027-01-25")), hxdc)
    # The row is Wednesday's (the call due 01-27): the gift riding on it is said as of that day.
    assert item["due"] == "2027-01-27"
    assert reason(item, "festival") == {
        "code": "festival", "due": "2027-01-30", "text": "Spring Festival in 10 days (2027-02-06)"}
    assert kacli.ok("remind", env=on("2027-01-25")).stdout == ""  # not due by tomorrow yet
    assert "Spring Festival" in kacli.ok("remind", env=on("2027-01-29")).stdout
    kacli.ok("visit", "log", hxdc, "-c", "李工", "--kind", "greeting", env=on("2027-01-26"))
    for day in ("2027-01-26", "2027-01-30", "2027-02-05"):
        assert all("festival" not in codes(i) for i in week(kacli, env=on(day))["items"]), day


def test_money_is_asked_of_the_buyer_and_payments_do_not_move_the_key_tier(kacli, hxdc, small_book):
    kacli.ok("customer", "add", "机床厂", env=on("2027-01-11"))
    kacli.ok("deal", "add", "机床厂", "机床维保", "--amount", "70万", env=on("2027-01-11"))
    kacli.ok("deal", "won", "机床维保", "--date", "2027-01-12", env=on("2027-01-12"))
    kacli.ok("deal", "won", "年会礼品茶", env=on("2027-01-19"))
    kacli.ok("payment", "plan", "年会礼品茶", "40万", "--due", "2027-01-26", env=on("2027-01-19"))
    kacli.ok("payment", "plan", "年会礼品茶", "40万", "--due", "2027-02-15", env=on("2027-01-19"))
    item = row(week(kacli, env=on("2027-01-25")), hxdc)
    assert reason(item, "payment_due")["due"] == "2027-01-26"
    assert (item["contact"], item["phone"]) == ("刘主任", "138-3")  # the buyer, not the engineer
    def tier(day: str) -> list[tuple[str, int]]:
        return [(r["name"], r["revenue_fen"]) for r in kacli.json("customer", "list", "--key", env=on(day))]

    before = tier("2027-01-25")
    assert before == [("华信地产", 80_0000_00), ("机床厂", 70_0000_00)]
    kacli.ok("payment", "received", "年会礼品茶", "40万", env=on("2027-01-27"))
    assert tier("2027-01-28") == before  # sales count on the day won, not as cash arrives
    assert "payment_due" not in codes(row(week(kacli, env=on("2027-01-28")), hxdc))


def test_a_buyer_is_cared_for_after_the_purchase_not_chased(kacli):
    d = on("2027-01-11")
    kacli.ok("customer", "add", "张先生", "--kind", "person", "--buy-within", "1w",
             "--phone", "186-0000-0001", env=d)
    kacli.ok("visit", "log", "张先生", env=d)
    item = row(week(kacli, env=on("2027-01-14")), "张先生")
    assert (item["grade"], item["contact"], item["phone"]) == ("O", "张先生", "186-0000-0001")
    kacli.ok("visit", "log", "张先生", env=on("2027-01-15"))
    kacli.ok("deal", "add", "张先生", "家用茶礼盒", "--amount", "2万", env=on("2027-01-15"))
    kacli.ok("deal", "won", "家用茶礼盒", env=on("2027-01-15"))
    show = kacli.json("customer", "show", "张先生", env=on("2027-01-16"))
    assert show["status"] == "active"  # a won deal makes a prospect active
    assert show["grade"]["parts"][0]["code"] == "bought"
    for day in ("2027-01-18", "2027-01-25", "2027-02-05"):
        listed = [i for i in kacli.json("week", "--days", "3", env=on(day))["items"] if i["customer"] == "张先生"]
        assert all("cadence" not in codes(i) for i in listed), day  # not chased every three days
    later = row(week(kacli, env=on("2027-02-14")), "张先生")
    assert (later["grade"], later["due"]) == (None, "2027-02-12")  # Sunday's call is due Friday
    assert reason(later, "cadence")["text"] == "after purchase: last contact 30 days ago, every 30 days"
    kacli.ok("customer", "update", "张先生", "--buy-within", "1m", env=on("2027-02-14"))
    assert row(week(kacli, env=on("2027-02-14")), "张先生")["grade"] == "A"  # a new intention
    history = kacli.ok("customer", "history", "张先生").stdout
    assert "active" in history


def test_a_planned_visit_not_recorded_stays_until_done(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "--planned", "--date", "2027-01-14", "--purpose", "送样品",
             "-c", "王总", env=on("2027-01-11"))
    for day in ("2027-01-15", "2027-01-20"):
        item = row(week(kacli, env=on(day)), hxdc)
        assert reason(item, "planned_visit") == {
            "code": "planned_visit", "due": "2027-01-14",
            "text": "planned visit on 2027-01-14 not recorded: 送样品"}
    visit_id = kacli.json("visit", "list", hxdc, "--planned", env=on("2027-01-11"))[0]["id"]
    kacli.ok("visit", "update", str(visit_id), "--done", env=on("2027-01-20"))
    assert "planned_visit" not in codes(row(week(kacli, env=on("2027-01-20")), hxdc))


def test_a_day_in_the_past_shows_the_list_as_it_stood(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总", env=on("2027-01-25"))
    item = row(week(kacli, env=on("2027-01-16")), hxdc)
    assert reason(item, "cadence")["text"] == "last contact 8 days ago, every 7 days"


def test_customer_show_lists_every_deal_with_its_outcome(kacli, hxdc):
    kacli.ok("deal", "add", hxdc, "中秋茶", "--amount", "10万", env=on("2027-01-11"))
    kacli.ok("deal", "lost", "中秋茶", "--reason", "价格太高", env=on("2027-01-12"))
    kacli.ok("deal", "add", hxdc, "春茶", env=on("2027-01-12"))
    kacli.ok("deal", "won", "春茶", env=on("2027-01-13"))
    deals = kacli.json("customer", "show", hxdc, env=on("2027-01-14"))["deals"]
    assert [(d["title"], d["outcome"], d["lost_reason"]) for d in deals] == [
        ("年会礼品茶", "open", None), ("春茶", "won", None), ("中秋茶", "lost", "价格太高")]
    shown = kacli.ok("customer", "show", hxdc, env=on("2027-01-14")).stdout
    assert "won 2027-01-13" in shown and "lost 2027-01-12" in shown and "价格太高" in shown


def test_a_dormant_customer_is_only_asked_for_money(kacli):
    d = on("2027-01-11")
    kacli.ok("customer", "add", "老周茶行", "--status", "dormant", env=d)
    kacli.ok("contact", "add", "老周茶行", "周老板", "--birthday", "01-13", env=d)
    assert week(kacli, env=d)["items"] == []
    kacli.ok("deal", "add", "老周茶行", "旧货款", "--amount", "5万", env=d)
    kacli.ok("deal", "won", "旧货款", "--date", "2026-06-01", "--force", env=d)
    kacli.ok("payment", "plan", "旧货款", "5万", "--due", "2027-01-12", env=d)
    assert codes(row(week(kacli, env=d), "老周茶行")) == ["payment_due"]


def test_delivery_day_and_an_opposing_decision_maker_show_on_the_list(kacli, hxdc):
    kacli.ok("deal", "update", "年会礼品茶", "--delivery", "2027-01-14", env=on("2027-01-11"))
    item = row(week(kacli, env=on("2027-01-11")), hxdc)
    assert reason(item, "delivery") == {"code": "delivery", "due": "2027-01-14", "deal_id": 1,
                                        "text": "deal “年会礼品茶” to be delivered 2027-01-14"}
    kacli.ok("deal", "role", "年会礼品茶", "王总", "--as", "决策者", "--attitude", "反对", env=on("2027-01-11"))
    item = row(week(kacli, env=on("2027-01-11")), hxdc)
    assert reason(item, "decision_maker_opposed")["text"] == (
        "deal “年会礼品茶” at negotiate: 王总 (decision maker) opposes it")
    assert (item["contact"], item["action"]) == ("王总", "visit")


def test_becoming_a_key_account_is_said_on_the_row_that_week(kacli, hxdc, small_book):
    kacli.ok("customer", "add", "机床厂", env=on("2027-01-11"))
    kacli.ok("deal", "add", "机床厂", "机床维保", "--amount", "10万", env=on("2027-01-11"))
    kacli.ok("deal", "won", "机床维保", "--date", "2027-01-05", "--force", env=on("2027-01-11"))
    kacli.ok("deal", "won", "年会礼品茶", env=on("2027-01-19"))  # 80万: 华信 joins, 机床厂 leaves
    item = row(week(kacli, env=on("2027-01-19")), hxdc)
    assert reason(item, "key_tier_changed") == {
        "code": "key_tier_changed", "due": "2027-01-19", "text": "became a key account 2027-01-19 (80/20)"}
    left = row(week(kacli, env=on("2027-01-19")), "机床厂")
    assert reason(left, "key_tier_changed")["text"] == "no longer a key account since 2027-01-19 (80/20)"
    # News, not a task: told on the day only, never overdue the day after.
    assert all("key_tier_changed" not in codes(i) for i in week(kacli, env=on("2027-01-20"))["items"])
