"""Relationship stages through visits: one stage per visit, and introductions (穿针引线)."""

from __future__ import annotations

from conftest import snapshot
from kacli.errors import ExitCode


def stage(kacli, name: str) -> str:
    return kacli.json("contact", "show", name)["stage"]


def test_advancing_the_same_visit_twice_moves_one_stage(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", "机床厂", "王总")
    kacli.ok("visit", "log", "机床厂", "--contact", "王总", "--kind", "联谊活动")
    kacli.ok("visit", "update", "1", "--advance")
    assert stage(kacli, "王总") == "dating"
    again = kacli.ok("visit", "update", "1", "--advance")
    assert stage(kacli, "王总") == "dating"  # not 信赖 on the same visit
    assert "Visit #1 already moved 王总 one stage (acquainted → dating)" in again.stderr
    # a higher marker on the same visit still moves no further
    kacli.ok("visit", "update", "1", "--kind", "穿针引线", "--advance")
    assert stage(kacli, "王总") == "dating"
    # the next visit may move them again
    kacli.ok("visit", "log", "机床厂", "--contact", "王总", "--kind", "联谊活动", "--advance")
    assert stage(kacli, "王总") == "trust"
    zh = kacli.ok("visit", "update", "2", "--kind", "穿针引线", "--advance", env={"KACLI_LANG": "zh-Hans"})
    assert "一次拜访最多提升一个阶段" in zh.stderr and stage(kacli, "王总") == "trust"


def test_an_introduction_advances_the_introducer_and_only_meets_the_introduced(kacli):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", "机床厂", "王总", "--stage", "信赖")
    kacli.ok("contact", "add", "机床厂", "李工")
    logged = kacli.ok("visit", "log", "机床厂", "--contact", "李工", "--introduced-by", "王总", "--advance")
    assert "王总 introduced 李工: met, not advanced." in logged.stderr
    assert (stage(kacli, "王总"), stage(kacli, "李工")) == ("alliance", "acquainted")
    shown = kacli.json("visit", "show", "1")
    assert shown["kind"] == "introduction" and shown["introduced_by"] == {"id": 1, "name": "王总"}
    assert {c["name"] for c in shown["contacts"]} == {"王总", "李工"}
    assert "Introduced by" in kacli.ok("visit", "show", "1").stdout


def test_introduced_by_needs_an_introduction_and_someone_introduced(kacli, db_path):
    kacli.ok("customer", "add", "机床厂")
    kacli.ok("contact", "add", "机床厂", "王总")
    kacli.ok("contact", "add", "机床厂", "李工")
    before = snapshot(db_path)
    meal = kacli("visit", "log", "机床厂", "--contact", "李工", "--introduced-by", "王总", "--kind", "meal")
    assert meal.exit_code == ExitCode.BAD_INPUT and "--introduced-by is for an introduction" in meal.stderr
    alone = kacli("visit", "log", "机床厂", "--introduced-by", "王总")
    assert alone.exit_code == ExitCode.BAD_INPUT and "Whom did 王总 introduce?" in alone.stderr
    assert snapshot(db_path) == before
