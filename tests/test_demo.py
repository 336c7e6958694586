"""kacli demo: the seeds' stories in a separate demo file, and the week they make."""

from __future__ import annotations

import json

from kacli.errors import ExitCode


def test_demo_builds_its_own_file_and_shows_every_kind_of_row(kacli, db_path, tmp_path):
    demo = tmp_path / "demo.db"
    result = kacli("demo", "--file", str(demo), "--yes")
    assert result.exit_code == 0, result.stderr
    assert demo.exists() and not db_path.exists()  # the user's own dossier is never touched
    assert demo.stat().st_mode & 0o777 == 0o600
    assert "Who to call" in result.stdout

    week = json.loads(kacli.ok("--db", str(demo), "--today", "2026-09-14", "week", "--json").stdout)
    rows = {item["customer"]: item for item in week["items"]}
    codes = {r["code"] for item in week["items"] for r in item["reasons"]}
    assert {"birthday", "festival", "deal_stalled", "decision_maker_not_met", "single_threaded", "payment_overdue",
            "cadence", "next_action", "planned_visit", "never_contacted"} <= codes
    assert any(item["overdue_days"] > 0 for item in week["items"])
    assert any(item["due"] == "2026-09-14" for item in week["items"])
    assert any(item["due"] > "2026-09-14" for item in week["items"])
    # The seeds' stories, as the dossier tells them.
    assert rows["李先生"]["grade"] == "O"
    # the cooked duck: the office director promised the order, the chairman was never met
    assert {"decision_maker_not_met", "single_threaded"} <= {r["code"] for r in rows["华信地产"]["reasons"]}
    show = kacli.json("--db", str(demo), "customer", "show", "宏远机械")
    assert show["qualification"]["qualified"] is True
    deal = kacli.json("--db", str(demo), "deal", "show", "生产线自动化改造")
    assert deal["outcome"] == "won" and deal["price_fen"] == 280_0000_00


def test_demo_asks_before_replacing_and_refuses_on_a_pipe(kacli, tmp_path):
    demo = tmp_path / "demo.db"
    demo.write_bytes(b"an older demo")
    result = kacli("demo", "--file", str(demo))
    assert result.exit_code == ExitCode.BAD_INPUT
    assert demo.read_bytes() == b"an older demo"


def test_demo_never_writes_the_users_dossier(kacli, db_path):
    result = kacli("demo", "--file", str(db_path), "--yes")
    assert result.exit_code == ExitCode.BAD_INPUT
    assert not db_path.exists()


def test_demo_script_prints_the_stories(kacli):
    out = kacli.ok("demo", "--script").stdout
    assert "customer add 华信地产" in out and "deal won 生产线自动化改造" in out
