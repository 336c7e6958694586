"""``kacli remind``: what the nightly cron job mails — plain lines, or nothing at all."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

from conftest import dossier_fixture


@dossier_fixture
def dossier(kacli):
    """华信地产 (A, every 7 days) last met 2026-11-10; 机床厂 (B, every 14 days) met on 11-15;
    张先生 (O) met today."""
    kacli.ok("customer", "add", "华信地产", "--cycle", "short", "--batch", "large")
    kacli.ok("contact", "add", "华信地产", "王总", "--primary", "--phone", "138-0000-1111")
    kacli.ok("visit", "log", "华信地产", "-c", "王总", "--date", "2026-11-10")
    kacli.ok("customer", "add", "机床厂", "--grade", "B")
    kacli.ok("visit", "log", "机床厂", "--date", "2026-11-15")
    kacli.ok("customer", "add", "张先生", "--kind", "person", "--buy-within", "1w")
    kacli.ok("visit", "log", "张先生")


def test_prints_nothing_at_all_when_nothing_is_due(kacli):
    kacli.ok("customer", "add", "华信地产", "--grade", "A")
    kacli.ok("visit", "log", "华信地产")
    result = kacli("remind")
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_one_plain_line_per_customer_most_urgent_first(kacli, dossier):
    result = kacli.ok("remind")
    assert result.stdout.splitlines() == [
        "2026-11-17 overdue 6d · 华信地产 (A) · 王总 138-0000-1111 · call: last contact 13 days ago,"
        " every 7 days",
    ]
    assert "\x1b[" not in result.stdout and result.stderr == ""


def test_due_by_tomorrow_unless_days_says_otherwise(kacli, dossier):
    kacli.ok("next", "add", "机床厂", "寄报价单", "--date", "2026-11-24")
    lines = kacli.ok("remind").stdout.splitlines()
    assert [line.split(" · ")[1] for line in lines] == ["华信地产 (A)", "机床厂 (B)"]
    assert lines[1] == ("2026-11-24 tomorrow · 机床厂 (B) · (no contact) · follow up:"
                        " next action: 寄报价单")
    assert len(kacli.ok("remind", "--days", "1").stdout.splitlines()) == 1
    # 机床厂's call comes round on Sunday 11-29: due Friday 11-27; it rides on the row for the
    # next action tomorrow, and is said as of that day, as the whole row is.
    cadence = "last contact 9 days ago, every 14 days"
    assert cadence not in kacli.ok("remind").stdout
    assert cadence in kacli.ok("remind", "--days", "7").stdout


def test_lines_follow_the_language(kacli, dossier):
    line = kacli.ok("remind", "--lang", "zh-Hant").stdout.splitlines()[0]
    assert line == "2026-11-17 逾期6天 · 华信地产 (A) · 王总 138-0000-1111 · 打電話：上次聯繫已13天，每7天一次"


def test_json_is_the_week_lists_shape(kacli, dossier):
    data = kacli.json("remind")
    assert set(data) == {"today", "until", "items"}
    assert data["until"] == "2026-11-24"
    assert [i["customer"] for i in data["items"]] == ["华信地产"]
    assert kacli.json("remind", env={"KACLI_TODAY": "2026-11-10"})["items"] == []


def test_a_broken_rules_file_fails_loudly(kacli, dossier, isolated):
    (isolated.parent / "rules.toml").write_text("[person]\nrevisit_days = { O = 0 }\n", encoding="utf-8")
    result = kacli("remind")
    assert result.exit_code == 2
    assert "person.revisit_days.O" in result.stderr and result.stdout == ""


def test_through_a_pipe_in_a_real_process(dossier):
    remind = subprocess.Popen([sys.executable, "-m", "kacli", "remind"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    out = subprocess.run(["cat"], stdin=remind.stdout, capture_output=True, check=True)
    remind.stdout.close()
    assert remind.wait() == 0
    text = out.stdout.decode("utf-8")
    assert text.startswith("2026-11-17 overdue 6d · 华信地产 (A)") and "\x1b[" not in text


def test_loads_no_terminal_or_orm_code(dossier, db_path):
    code = (
        "import sys\n"
        f"sys.argv = ['kacli', '--db', {str(db_path)!r}, 'remind']\n"
        "from kacli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({'rich', 'sqlmodel', 'sqlalchemy', 'pypinyin'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    *lines, loaded = out.stdout.strip().splitlines()
    assert loaded == "[]", out.stdout
    assert lines[0].startswith("2026-11-17 overdue 6d · 华信地产")


def test_runs_while_the_salesperson_is_writing(dossier, db_path):
    writer = sqlite3.connect(db_path, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")  # a write transaction holding the lock
        writer.execute("UPDATE customer SET industry = '房地产' WHERE name = '华信地产'")
        out = subprocess.run([sys.executable, "-m", "kacli", "remind", "--json"], capture_output=True,
                             text=True, timeout=60)
        assert out.returncode == 0, out.stderr
        assert [i["customer"] for i in json.loads(out.stdout)["items"]] == ["华信地产"]
    finally:
        writer.execute("ROLLBACK")
        writer.close()
