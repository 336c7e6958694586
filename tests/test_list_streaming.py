"""Long lists: one full line per record on a pipe, JSON as documented, and rows written as they
are read (``customer list``, ``deal list``, ``payment list``)."""

from __future__ import annotations

import io
import json
import re
import tracemalloc

from rich.cells import cell_len

from kacli.render import json_text, record_lines

LONG = "华信地产集团股份有限公司" * 8 + " (Shenzhen branch)"  # wider than any screen


def _customers(kacli, tmp_path, names):
    sheet = tmp_path / "customers.csv"
    sheet.write_text("name,industry\n" + "".join(f"{n},制造业\n" for n in names), encoding="utf-8")
    kacli.ok("import", "customers", sheet)


def _same_as_indented_json(text: str):
    """The text parses, and is exactly what ``json.dumps(indent=2)`` writes for it."""
    data = json.loads(text)
    assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return data


def test_piped_customer_list_is_one_full_tab_separated_line_per_customer(kacli, tmp_path):
    names = [f"客户{i:03d}" for i in range(250)]  # more than a terminal batch
    _customers(kacli, tmp_path, names)
    kacli.ok("customer", "add", LONG, "--tag", "华南,export")
    lines = kacli.ok("customer", "list").stdout.splitlines()
    assert lines[0].split("\t") == ["#", "Name", "Kind", "Grade", "Status", "Industry", "Contacts", "Tags"]
    assert len(lines) == 1 + 251
    assert all(len(line.split("\t")) == 8 for line in lines)
    long_line = next(line.split("\t") for line in lines if line.split("\t")[1].startswith("华信"))
    assert long_line[1] == LONG  # nothing cut
    assert long_line[7] == "华南, export"
    assert {line.split("\t")[1] for line in lines[1:]} >= set(names)


def test_customer_list_json_is_the_documented_list(kacli, tmp_path):
    _customers(kacli, tmp_path, ["机床厂", "华信地产"])
    text = kacli.ok("customer", "list", "--json").stdout
    data = _same_as_indented_json(text)
    assert [list(item) for item in data] == [["id", "name", "kind", "status", "grade", "industry",
                                              "contacts", "tags"]] * 2
    assert {item["name"] for item in data} == {"机床厂", "华信地产"}
    assert _same_as_indented_json(kacli.ok("customer", "list", "--json", "--tag", "none").stdout) == []


def test_piped_deal_list_has_every_deal_in_full_and_json_as_documented(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", LONG, "--amount", "300万", "--close", "2027-03-31")
    kacli.ok("deal", "add", "机床厂", "年度耗材", "--amount", "50万", "--stage", "negotiate")
    lines = kacli.ok("deal", "list").stdout.splitlines()
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == 9 for c in cells)
    assert [c[1] for c in cells] == ["Deal", "discover", LONG, "1 deal",
                                     "negotiate", "年度耗材", "1 deal", "Pipeline: 2 open deals"]
    assert cells[-1][3] == "¥3,500,000"
    data = _same_as_indented_json(kacli.ok("deal", "list", "--json").stdout)
    assert list(data) == ["stages", "total"]
    assert [list(g) for g in data["stages"]] == [["stage", "deals", "count", "value_fen", "weighted_fen"]] * 2
    assert [(g["stage"], g["count"], g["value_fen"]) for g in data["stages"]] == [
        ("discover", 1, 300_000_000), ("negotiate", 1, 50_000_000)]
    assert data["total"] == {"count": 2, "value_fen": 350_000_000, "weighted_fen": 55_000_000}


def test_empty_lists_say_so_and_print_empty_json(kacli):
    kacli.ok("customer", "add", "机床厂")
    assert "No" in kacli.ok("deal", "list").stderr
    assert _same_as_indented_json(kacli.ok("deal", "list", "--json").stdout) == {
        "stages": [], "total": {"count": 0, "value_fen": 0, "weighted_fen": 0}}
    assert _same_as_indented_json(kacli.ok("payment", "list", "--json").stdout) == {
        "deals": [], "customers": [], "total": {
            "planned_fen": 0, "received_fen": 0, "outstanding_fen": 0, "overdue_fen": 0,
            "oldest_overdue": None, "next_due": None}}


def test_piped_payment_list_is_one_line_per_deal_with_subtotals_and_total(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("deal", "add", "机床厂", LONG, "--amount", "300万")
    kacli.ok("deal", "add", "机床厂", "年度耗材", "--amount", "50万")
    kacli.ok("payment", "plan", "年度耗材", "50万", "--due", "2026-12-31")
    kacli.ok("payment", "plan", LONG, "100万", "--due", "2026-11-01")
    cells = [line.split("\t") for line in kacli.ok("payment", "list").stdout.splitlines()]
    assert all(len(c) == 7 for c in cells)
    assert [c[1] for c in cells[1:]] == ["#1 " + LONG, "#2 年度耗材", "customer total", ""]
    assert cells[1][5] == "¥1,000,000" and cells[-1][0] == "Total" and cells[-1][4] == "¥1,500,000"
    data = _same_as_indented_json(kacli.ok("payment", "list", "--json").stdout)
    assert list(data) == ["deals", "customers", "total"]
    assert data["customers"] == [{"customer_id": 1, "customer": "机床厂", "deals": 2,
                                  "planned_fen": 150_000_000, "received_fen": 0,
                                  "outstanding_fen": 150_000_000, "overdue_fen": 100_000_000,
                                  "oldest_overdue": "2026-11-01", "next_due": "2026-12-31"}]


def test_a_long_list_on_a_terminal_keeps_its_columns_and_its_totals_whole(monkeypatch, capsys):
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "60")
    count = record_lines.BATCH * 2 + 5
    rows = [([i, f"项目{i:03d}" + ("很长的名字" * 9 if i == count - 1 else ""), "¥9,999,999.99"], "")
            for i in range(count)]
    rows.append((["", "Total", "¥4,049,999,995.95"], "bold"))
    assert record_lines.write(["#", "Deal", "Amount"], iter(rows), right=frozenset({0, 2}),
                              summed=frozenset({2})) == count + 1
    lines = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out).splitlines()  # bold stays
    assert len(lines) == 1 + count + 1
    assert all(len(line) <= 60 for line in lines)
    assert len({line.index("项目") for line in lines if "项目" in line}) == 1  # every batch alike
    assert lines[-2].endswith("¥9,999,999.99") and "…" in lines[-2]  # a late long name is cut
    assert lines[-1].endswith("¥4,049,999,995.95")  # a total never is


def test_json_lists_are_written_while_their_rows_are_read():
    """Each row is written before the next one is asked for: the text of a whole list is never
    held (here: the stream has the first rows while the generator is still at work)."""
    stream = io.StringIO()
    seen_when_asked = []

    def rows():
        for i in range(3 * json_text._FLUSH_AT):
            seen_when_asked.append(len(stream.getvalue()))
            yield {"id": i, "name": f"客户{i}", "tags": ["华南"]}

    json_text.write({"rows": rows(), "count": json_text.Later(lambda: len(seen_when_asked))}, stream)
    assert seen_when_asked[0] == 0 and seen_when_asked[-1] > 0  # written out before the end
    assert json.loads(stream.getvalue())["count"] == 3 * json_text._FLUSH_AT
    expected = {"rows": [{"id": i, "name": f"客户{i}", "tags": ["华南"]} for i in range(3 * json_text._FLUSH_AT)],
                "count": 3 * json_text._FLUSH_AT}
    assert stream.getvalue() == json_text.dumps(expected)


def test_streaming_rows_holds_a_few_of_them_not_the_list(monkeypatch):
    monkeypatch.setattr(json_text, "_FLUSH_AT", 256)  # pieces of text held between writes

    class Null:
        def write(self, text: str) -> int:
            return len(text)

    def rows():
        for i in range(2_000):
            yield {"id": i, "name": f"华信地产集团股份有限公司{i}", "kind": "org", "tags": ["华南", "export"]}

    tracemalloc.start()
    try:
        json_text.write(rows(), Null())
        _, streamed = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        json_text.dumps(list(rows()))
        _, whole = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert streamed * 10 < whole  # bytes: a few rows' text at a time, not the list and its text


def test_piped_lines_are_written_as_rows_are_read(capsys):
    printed_before = []

    def rows():
        for i in range(3):
            printed_before.append(capsys.readouterr().out.count("\n"))
            yield [i, f"客户{i}"], ""

    assert record_lines.write(["#", "Name"], rows()) == 3
    assert printed_before == [1, 1, 1]  # the header, then each row once it was read


def test_a_tab_or_line_break_inside_a_value_cannot_split_a_record(capsys):
    record_lines.write(["#", "Note"], iter([([1, "第一行\n第二行\tend"], "")]))
    assert capsys.readouterr().out == "#\tNote\n1\t第一行 第二行 end\n"


def _deals_for_a_narrow_screen(kacli):
    kacli.ok("customer", "add", "华信地产")
    kacli.ok("deal", "add", "华信地产", "年终答谢会礼品茶", "--amount", "1085万", "--close", "2026-12-31")
    kacli.ok("deal", "add", "华信地产", "员工福利茶", "--amount", "45万")


def test_a_screen_too_narrow_for_the_columns_gets_each_record_whole(kacli):
    # 60 columns in Chinese: a table would cut the money ("¥10,850,0…"); each deal is a paragraph
    # of its values instead, a value never parted from its column's name.
    _deals_for_a_narrow_screen(kacli)
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "60", "KACLI_LANG": "zh-Hans"}
    screen = re.sub(r"\x1b\[[0-9;]*m", "", kacli.ok("deal", "list", env=env).stdout)
    assert "…" not in screen
    flat = " ".join(line.strip() for line in screen.splitlines())
    assert "金额 ¥10,850,000" in flat and "预计成交 2026-12-31" in flat and "金额 ¥450,000" in flat
    assert all(cell_len(line) <= 60 for line in screen.splitlines())
    payments = kacli.ok("payment", "list", "--all", env=env).stdout
    assert "…" not in payments


def test_a_wide_screen_keeps_the_table(kacli):
    _deals_for_a_narrow_screen(kacli)
    env = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "160", "KACLI_LANG": "zh-Hans"}
    screen = kacli.ok("deal", "list", env=env).stdout
    header = next(line for line in screen.splitlines() if "金额" in line)
    assert "项目" in header and "客户" in header and "预计成交" in header  # one header line
    assert "¥10,850,000" in screen and " · " not in screen
