"""A customer's qualification in ``customer show``, from the facts and what the dossier knows."""

from __future__ import annotations


def qualification(kacli, ref: str) -> dict:
    return kacli.json("customer", "show", ref)["qualification"]


def test_the_dossier_qualifies_a_customer_as_the_salesperson_learns_it(kacli):
    kacli.ok("customer", "add", "机床厂", "--credit", "AA", "--industry-fit", "--reach-dept", "--need")
    kacli.ok("contact", "add", "机床厂", "王总", "--role", "决策者")
    q = qualification(kacli, "机床厂")
    assert q["met_by"] == {"credit_good": "credit_rating"}  # --credit AA: good credit
    assert (q["verdict"], q["missing"], q["said_no"]) == ("not_qualified", ["reach_decision_maker"], [])
    kacli.ok("visit", "log", "机床厂", "--contact", "王总", "--date", "2026-11-20")
    q = qualification(kacli, "机床厂")
    assert q["qualified"] and q["decision_maker_met"] == {"date": "2026-11-20", "contact": "王总"}
    text = kacli.ok("customer", "show", "机床厂", env={"COLUMNS": "300"}).stdout
    assert "good credit from the rating AA; reached the decision maker: met 王总 on 2026-11-20" in text


def test_said_no_reads_differently_from_not_known(kacli):
    kacli.ok("customer", "add", "钢厂", "--credit", "AA", "--poor-credit", "--no-reach-dept")
    q = qualification(kacli, "钢厂")
    assert "credit_good" not in q["met_by"]  # the salesperson said otherwise
    assert "reach_department" in q["said_no"] and "need" not in q["said_no"]
    env = {"COLUMNS": "300"}
    text = kacli.ok("customer", "show", "钢厂", env=env).stdout
    assert "not known yet: industry fit / project information / technology fit" in text
    assert "said no: reach the applying department" in text
    zh = kacli.ok("customer", "show", "钢厂", env={**env, "KACLI_LANG": "zh-Hans"}).stdout
    line = next(x for x in zh.splitlines() if "资格" in x)
    assert "尚不清楚：" in line and "已确认不满足：接触到应用部门" in line and ":" not in line


def test_a_customer_with_won_deals_is_qualified(kacli):
    kacli.ok("customer", "add", "老客户")
    assert not qualification(kacli, "老客户")["qualified"]
    kacli.ok("deal", "add", "老客户", "年度采购", "--amount", "50万")
    kacli.ok("deal", "won", "年度采购")
    q = qualification(kacli, "老客户")
    assert (q["qualified"], q["won_deals"], q["missing"]) == (True, 1, [])
    assert "has bought (won deals: 1)" in kacli.ok("customer", "show", "老客户").stdout
