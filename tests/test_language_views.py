"""Human views speak the user's language: history without codes or fen, generated text worded
when it is read (not when it was written), and the rules file's comments."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import dossier_fixture
from kacli.domain import notes
from kacli.domain.rules import defaults, parse
from kacli.i18n import set_lang

LANGS = ("en", "zh-Hans", "zh-Hant")


def run(kacli, lang: str, *args: str):
    result = kacli.ok("--lang", lang, *args)
    set_lang("en")  # the next in-process run starts from the test's language
    return result


@dossier_fixture
def story(kacli):
    """A customer with a contact moved on by a visit, a deal won for 300万, and a flag set."""
    kacli.ok("customer", "add", "宏远机械", "--kind", "org", "--status", "prospect", "--today", "2026-10-01")
    kacli.ok("contact", "add", "宏远机械", "孙总", "--role", "decision_maker", "--today", "2026-10-01")
    kacli.ok("customer", "update", "宏远机械", "--status", "active", "--kind", "person",
             "--revenue", "8亿", "--need")
    kacli.ok("deal", "add", "宏远机械", "自动化改造", "--amount", "300万", "--today", "2026-10-02")
    kacli.ok("deal", "update", "自动化改造", "--price", "280万")
    kacli.ok("deal", "role", "自动化改造", "孙总", "--as", "decision_maker", "--attitude", "supporter")
    kacli.ok("deal", "won", "自动化改造", "--date", "2026-10-20")
    kacli.ok("visit", "log", "宏远机械", "-c", "孙总", "-k", "吃饭", "--advance", "--date", "2026-11-02")


# ---- item: the history shows labels, ¥ and 是/否 -------------------------------------------------

@pytest.mark.parametrize(("lang", "words", "codes"), [
    ("en", ["acquainted", "dating", "open", "won", "prospect", "active", "organisation",
            "individual", "¥800,000,000", "¥2,800,000", "yes", "supporter"],
     ["280000000", "80000000000"]),
    ("zh-Hans", ["认识", "约会", "进行中", "赢单", "潜在", "活跃", "单位", "个人", "¥800,000,000",
                 "¥2,800,000", "是", "支持", "拜访 #1", "项目「自动化改造」"],
     ["acquainted", "dating", "open", "won", "prospect", "active", "org", "person", "yes",
      "280000000", "supporter", "visit #", "deal:"]),
    ("zh-Hant", ["認識", "約會", "進行中", "贏單", "潛在", "活躍", "單位", "個人", "¥2,800,000", "是",
                 "拜訪 #1", "專案「自动化改造」"],
     ["acquainted", "dating", "open", "won", "org", "yes", "280000000", "visit #"]),
])
def test_customer_history_reads_in_the_language_without_codes(kacli, story, lang, words, codes):
    shown = run(kacli, lang, "customer", "history", "宏远机械").stdout
    for word in words:
        assert word in shown, (word, shown)
    for code in codes:
        assert code not in shown, (code, shown)


def test_history_json_keeps_codes_and_fen(kacli, story):
    changes = kacli.json("customer", "history", "宏远机械")["changes"]
    by_field = {(c["field"], c["new"]) for c in changes}
    assert ("status", "active") in by_field
    assert ("deal:自动化改造:price", "280000000") in by_field
    assert ("deal:自动化改造:outcome", "won") in by_field
    assert ("need", "yes") in by_field
    assert ("annual_revenue", "80000000000") in by_field


@pytest.mark.parametrize(("lang", "stage_line", "note"), [
    ("en", "acquainted  dating", "visit #1"),
    ("zh-Hans", "认识  约会", "拜访 #1"),
    ("zh-Hant", "認識  約會", "拜訪 #1"),
])
def test_contact_show_words_its_stage_history_and_changes(kacli, story, lang, stage_line, note):
    shown = run(kacli, lang, "contact", "show", "孙总").stdout
    assert stage_line in shown and note in shown
    if lang != "en":
        assert "acquainted" not in shown and "supporter" not in shown


def test_contact_json_names_the_visit_that_moved_a_stage(kacli, story):
    moves = kacli.json("contact", "show", "孙总")["stage_history"]
    assert moves[-1] == {**moves[-1], "from": "acquainted", "to": "dating", "note": None, "visit_id": 1}
    assert moves[0]["visit_id"] is None


def test_deal_show_events_are_labels(kacli, story):
    shown = run(kacli, "zh-Hans", "deal", "show", "自动化改造").stdout
    assert "赢单" in shown and "发现机会" in shown
    assert "won" not in shown and "discover" not in shown


# ---- item: text kacli writes is worded when read -------------------------------------------------

AFTER_SALE = {
    "en": "ask how 自动化改造 is working out since delivery",
    "zh-Hans": "问问「自动化改造」交货后的使用情况",
    "zh-Hant": "問問「自动化改造」交貨後的使用情況",  # the title is data: as the user typed it
}


@dossier_fixture
def delivered(kacli):
    kacli.ok("customer", "add", "宏远机械", "--today", "2026-11-01")
    kacli.ok("deal", "add", "宏远机械", "自动化改造", "--amount", "300万", "--stage", "contract",
             "--today", "2026-11-01")

    def made_under(lang: str) -> None:
        run(kacli, lang, "deal", "advance", "自动化改造", "--to", "deliver", "--date", "2026-11-20")
    return made_under


@pytest.mark.parametrize("made", LANGS)
@pytest.mark.parametrize("read", LANGS)
def test_an_after_sale_action_reads_in_the_language_of_the_moment(kacli, delivered, made, read):
    delivered(made)
    wide = {"COLUMNS": "200"}
    for view in (("next", "list"), ("customer", "show", "宏远机械")):
        shown = kacli.ok("--lang", read, *view, env=wide).stdout
        set_lang("en")
        assert AFTER_SALE[read] in shown, shown
        for other in set(LANGS) - {read}:
            assert AFTER_SALE[other] not in shown
    action = kacli.json("--lang", read, "next", "list")[0]
    set_lang("en")
    assert (action["kind"], action["text"]) == ("after_sale", AFTER_SALE[read])


@pytest.mark.parametrize(("lang", "reason"), [
    ("en", "after-sale follow-up: 自动化改造"), ("zh-Hans", "售后回访：自动化改造"),
    ("zh-Hant", "售後回訪：自动化改造"),
])
def test_the_week_list_and_remind_name_the_deal_in_the_language_of_the_moment(kacli, delivered, lang,
                                                                            reason):
    delivered("zh-Hans")
    assert reason in run(kacli, lang, "week", "--days", "14").stdout
    assert "交货后" not in run(kacli, lang, "remind", "--today", "2026-11-27").stdout


def test_a_renamed_deal_renames_its_after_sale_call_but_not_text_the_user_typed(kacli, delivered):
    delivered("en")
    kacli.ok("deal", "update", "自动化改造", "--title", "产线改造")
    assert "ask how 产线改造 is working out" in kacli.ok("next", "list").stdout
    kacli.ok("next", "update", "1", "--text", "打电话给孙总")
    kacli.ok("deal", "update", "产线改造", "--title", "二期改造")
    assert "打电话给孙总" in kacli.ok("next", "list").stdout


@pytest.mark.parametrize("read", LANGS)
def test_done_after_sale_call_in_the_history_reads_in_the_language(kacli, delivered, read):
    delivered("zh-Hant")
    kacli.ok("next", "done", "1")
    shown = run(kacli, read, "customer", "history", "宏远机械").stdout
    assert AFTER_SALE[read] in shown


@pytest.mark.parametrize("read", LANGS)
def test_rows_written_by_earlier_versions_read_sensibly(kacli, delivered, db_path, read):
    """An earlier version stored the sentence (in the language of that day) and ``visit #N``."""
    delivered("en")
    kacli.ok("contact", "add", "宏远机械", "孙总")
    kacli.ok("visit", "log", "宏远机械", "-c", "孙总", "-k", "吃饭", "--advance")
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE next_action SET text = '问问「自动化改造」交货后的使用情况'")
        conn.execute("UPDATE change SET new = 'visit #1' WHERE field = 'stage_note'")
    conn.close()
    assert AFTER_SALE[read] in run(kacli, read, "next", "list").stdout
    note = {"en": "visit #1", "zh-Hans": "拜访 #1", "zh-Hant": "拜訪 #1"}[read]
    assert note in run(kacli, read, "contact", "show", "孙总").stdout
    assert kacli.json("contact", "show", "孙总")["stage_history"][-1]["visit_id"] == 1


def test_the_user_s_own_notes_stay_as_typed():
    assert notes.decode("visit #1 went well") is None
    assert notes.decode("{not json") is None
    assert notes.decode('{"code": "unknown"}') is None
    assert notes.decode(notes.encode("stage_by_visit", visit=3)) == ("stage_by_visit", {"visit": 3})
    assert notes.decode("visit #12") == ("stage_by_visit", {"visit": 12})


# ---- item: the rules file follows the language --------------------------------------------------

@pytest.mark.parametrize(("lang", "comment", "absent"), [
    ("en", "# kacli grading rules.", "评级"),
    ("zh-Hans", "# kacli 评级规则。", "grading rules"),
    ("zh-Hant", "# kacli 評級規則。", "grading rules"),
])
def test_rules_init_comments_in_the_language_with_toml_keys(kacli, isolated, lang, comment, absent):
    run(kacli, lang, "rules", "init")
    written = (isolated.parent / "rules.toml").read_text(encoding="utf-8")
    assert written.startswith(comment)
    assert absent not in written
    assert "[score.reasons]" in written and "after_sale = " in written and "revisit_days = " in written
    assert parse(written, "rules.toml") == defaults()  # the same rules, whatever the comments
    run(kacli, "en", "rules", "check")
