"""Why a customer is where it is: the key tier, ``week --all``, ``--explain``, ``kacli why`` and
what ``customer show`` says about the grade and the next due date."""

from __future__ import annotations

import pytest

from conftest import dossier_fixture
from kacli.errors import ExitCode
from test_week import ITEM_KEYS, add_hxdc, add_revenue, codes, row, week


@dossier_fixture
def hxdc(kacli):
    return add_hxdc(kacli)


@dossier_fixture
def revenue(kacli):
    add_revenue(kacli)


# ---- key tier ----------------------------------------------------------------------------------

def test_key_tier_listing_with_shares(kacli, revenue, small_book):
    tier = kacli.json("customer", "list", "--key")
    assert [(r["rank"], r["name"], r["revenue_fen"]) for r in tier] == [(1, "华信地产", 800_000_000)]
    assert set(tier[0]) == {"rank", "id", "name", "revenue_fen", "share", "cumulative"}
    assert tier[0]["share"] == tier[0]["cumulative"] == round(800 / 950, 4)
    shown = kacli.ok("customer", "list", "--key").stdout
    assert "华信地产" in shown and "84.2%" in shown and "机床厂" not in shown


def test_payments_count_as_revenue_when_there_are_any(kacli, revenue, small_book):
    kacli.ok("payment", "plan", "机床厂项目", "100万", "--due", "2026-12-01")
    kacli.ok("payment", "received", "机床厂项目", "10万")  # cash counts, not the deal's value
    tier = {r["name"]: r["revenue_fen"] for r in kacli.json("customer", "list", "--key")}
    assert tier == {"华信地产": 800_000_000}
    old = {"KACLI_TODAY": "2027-12-01"}  # more than twelve months after the money and the wins
    assert kacli.json("customer", "list", "--key", env=old) == []
    assert "No revenue" in kacli.ok("customer", "list", "--key", env=old).stderr


def test_key_accounts_are_marked_and_weigh_more(kacli, revenue, small_book):
    data = week(kacli)
    key = row(data, "华信地产")
    assert key["key_account"] is True and not row(data, "机床厂")["key_account"]
    assert data["items"][0]["customer"] == "华信地产"
    assert "华信地产 (★)" in kacli.ok("week").stdout


# ---- --all, --explain, why -------------------------------------------------------------------------

def test_all_adds_customers_with_nothing_due_at_their_next_date(kacli, hxdc):
    kacli.ok("customer", "add", "机床厂", "--grade", "B")
    kacli.ok("visit", "log", "机床厂")  # B: next due 2026-12-07, after the window
    assert [i["customer"] for i in week(kacli)["items"]] == [hxdc]
    data = week(kacli, "--all")
    assert [i["customer"] for i in data["items"]] == [hxdc, "机床厂"]
    later = row(data, "机床厂")
    assert (later["due"], later["overdue_days"], codes(later)) == ("2026-12-07", 0, ["cadence"])
    assert "Not due by 2026-11-29" in kacli.ok("week", "--all").stdout


def test_explain_gives_terms_that_sum_to_the_score(kacli, hxdc):
    item = row(week(kacli, "--explain"), hxdc)
    assert set(item) == ITEM_KEYS | {"terms"}
    assert {t["term"] for t in item["terms"]} == {"grade", "overdue_days", "reason.cadence"}
    assert sum(t["contribution"] for t in item["terms"]) == pytest.approx(item["score"])
    shown = kacli.ok("week", "--explain").stdout
    assert "Contribution" in shown and "reason: visit cadence" in shown


def test_why_explains_one_customer(kacli, hxdc):
    data = kacli.json("why", "hxdc")
    assert set(data) == {"customer", "customer_id", "in_window", "item", "terms"}
    assert data["in_window"] is True and data["item"]["customer"] == hxdc
    assert sum(t["contribution"] for t in data["terms"]) == pytest.approx(data["item"]["score"])
    shown = kacli.ok("why", "hxdc").stdout
    assert "days overdue" in shown and "total" in shown


def test_why_on_a_pipe_is_the_row_as_week_prints_it_and_the_terms_in_columns(kacli, hxdc):
    data = kacli.json("why", hxdc)
    lines = kacli.ok("why", hxdc).stdout.splitlines()
    row_block = kacli.ok("week", "--limit", "1").stdout.splitlines()[1:3]  # after the title: head, reason
    assert lines[0].startswith(row_block[0]) and lines[0].endswith(f"({data['item']['score']:g})")
    assert lines[1] == row_block[1]
    at = lines.index(f"{hxdc}: score {data['item']['score']:g}")
    header, *terms, total = lines[at + 1:]
    assert header.split() == ["Term", "Value", "Weight", "Contribution"]
    assert len(terms) == len(data["terms"]) and total.split() == ["total", f"{data['item']['score']:g}"]
    # numbers right-aligned: every row ends at the header's last cell
    assert {len(line) for line in (header, *terms, total)} == {len(header)}


def test_why_in_chinese_on_a_pipe_keeps_its_columns_in_cells(kacli, hxdc):
    from kacli.render.week_lines import cells

    lines = kacli.ok("--lang", "zh-Hans", "why", hxdc).stdout.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith(f"{hxdc}：得分"))
    table = lines[at + 1:]
    assert table[0].split() == ["项", "值", "权重", "贡献"]
    assert {cells(line) for line in table} == {cells(table[0])}  # wide characters count two cells


def test_why_on_a_terminal_is_drawn_by_rich(kacli, hxdc):
    shown = kacli.ok("why", hxdc, env={"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "100"}).stdout
    assert "Why" in shown and "Contribution" in shown  # the week table's columns, then the terms


def test_why_for_a_customer_with_nothing_due_explains_the_next_date(kacli, hxdc):
    kacli.ok("visit", "log", hxdc, "-c", "王总")
    data = kacli.json("why", hxdc)
    assert data["in_window"] is False and data["item"]["due"] == "2026-11-30"
    assert "Nothing due for 华信地产 by 2026-11-29; next due 2026-11-30" in kacli.ok("why", hxdc).stderr


def test_why_an_unknown_customer_is_bad_input(kacli, hxdc, unchanged):
    with unchanged():
        result = kacli("why", "nobody")
    assert result.exit_code == ExitCode.BAD_INPUT and "Traceback" not in result.stderr


# ---- customer show ----------------------------------------------------------------------------------

def test_customer_show_explains_the_grade_and_the_next_due_date(kacli, hxdc):
    data = kacli.json("customer", "show", hxdc)
    assert data["grade"] == {"grade": "A", "source": "rules", "reason": None, "parts": [
        {"code": "cycle", "cycle": "short", "from": "fact"},
        {"code": "batch", "batch": "large", "from": "fact"}]}
    assert data["next_due"]["due"] == "2026-11-17" and data["next_due"]["overdue_days"] == 6
    assert [r["code"] for r in data["next_due"]["reasons"]] == ["cadence"]
    shown = kacli.ok("customer", "show", hxdc).stdout
    assert "A (by the rules) — short purchase cycle; large batch" in shown
    assert "2026-11-17 (overdue 6d) — call: last contact 13 days ago" in shown


def test_customer_show_grades_from_the_order_history(kacli):
    kacli.ok("customer", "add", "机床厂")
    for n, day in enumerate(("2026-07-01", "2026-08-31", "2026-10-31"), 1):
        kacli.ok("deal", "add", "机床厂", f"订单{n}", "--amount", "200万")
        kacli.ok("deal", "won", f"订单{n}", "--date", day, "--force")
    grade = kacli.json("customer", "show", "机床厂")["grade"]
    assert (grade["grade"], grade["source"]) == ("A", "rules")
    cycle = next(part for part in grade["parts"] if part["code"] == "cycle")
    assert cycle == {"code": "cycle", "cycle": "short", "from": "history", "median_gap_days": 61,
                     "days_since_last": 23, "lapsed": False, "short_cycle_days": 90}
