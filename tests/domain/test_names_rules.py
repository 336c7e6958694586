"""The name rules directly: normal form, lookup keys, REFs, suggestions, likely pairs, merge values."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kacli.domain import dupes, merge, refs, text
from kacli.domain.names import lookup_key, simplified
from kacli.domain.refs import Candidate
from kacli.errors import Ambiguous, BadInput, NotFound

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f"]
REFUSED = ["\u2028", "\u2029", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
           "\u2068", "\u2069"]
names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)


# ---- the normal form ------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "kept"), [
    ("ＡＢＣ", "ABC"), ("华信地产１２３", "华信地产123"), ("华\u200b信\u200d地产", "华信地产"),
    ("\ufeffAcme\u00adLtd", "AcmeLtd"), ("Acme\u3000\u00a0 Ltd", "Acme Ltd"), ("  王总 ", "王总"),
    ("ｈｘｄｃ", "hxdc"), ("㈱华信", "(株)华信"),
])
def test_a_name_is_kept_in_its_normal_form(typed, kept):
    assert text.name(typed) == kept


@pytest.mark.parametrize("char", REFUSED)
def test_separators_and_bidi_overrides_are_refused(char):
    with pytest.raises(BadInput) as caught:
        text.name(f"华信{char}地产")
    assert caught.value.key == "error.invisible_chars"
    assert f"U+{ord(char):04X}" in caught.value.message()


@pytest.mark.parametrize("char", ["\n", "\t", "\x00", "\x1b"])
def test_control_characters_inside_a_name_are_still_refused(char):
    with pytest.raises(BadInput):
        text.name(f"华信{char}地产")


@given(names)
def test_the_normal_form_is_stable_and_visible(value):
    try:
        once = text.name(value)
    except BadInput:
        return
    assert text.name(once) == once  # normalising twice changes nothing
    assert unicodedata.normalize("NFKC", once) == once
    assert not any(unicodedata.category(ch) in ("Cf", "Zl", "Zp", "Cc") for ch in once)
    assert once == once.strip() and "  " not in once


@given(names, st.lists(st.sampled_from(INVISIBLE), max_size=3), st.integers(min_value=0, max_value=30))
def test_invisible_characters_never_make_a_new_name(value, extra, where):
    try:
        plain = text.name(value)
    except BadInput:
        return
    at = min(where, len(plain))
    assert text.name(plain[:at] + "".join(extra) + plain[at:]) == plain


@given(st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7E), min_size=1, max_size=20))
def test_full_width_is_the_same_name_as_ascii(value):
    wide = "".join(chr(ord(ch) + 0xFEE0) for ch in value)
    assert text.name(wide) == text.name(value)
    assert lookup_key(wide) == lookup_key(value)


# ---- lookup keys ----------------------------------------------------------------------------

@pytest.mark.parametrize(("one", "other"), [
    ("宏達機械", "宏达机械"), ("張總", "张总"), ("華信地產", "华信地产"), ("ACME Ltd", "acme ltd"),
    ("ＡＣＭＥ\u200b Ltd", "Acme  LTD"),
])
def test_spellings_of_one_name_have_one_key(one, other):
    assert lookup_key(one) == lookup_key(other)


def test_different_names_keep_different_keys():
    assert lookup_key("华信地产") != lookup_key("华心地产")
    assert simplified("hxdc") == "hxdc"


# ---- REFs -----------------------------------------------------------------------------------

PEOPLE = [Candidate(1, "华信地产", "huaxindichan", "hxdc", key="华信地产"),
          Candidate(2, "12", "12", "12", key="12"),
          Candidate(12, "丽华酒店", "lihuajiudian", "lhjd", key="丽华酒店"),
          Candidate(4, "华信科技", "huaxinkeji", "hxkj", key="华信科技")]


def test_digits_are_an_id_and_only_an_id():
    assert refs.pick("12", PEOPLE, what="customer").id == 12
    assert refs.pick("１２", PEOPLE, what="customer").id == 12  # full-width digits too
    with pytest.raises(NotFound):
        refs.pick("3", PEOPLE, what="customer")


def test_name_prefix_reaches_a_name_made_of_digits():
    assert refs.pick("name:12", PEOPLE, what="customer").id == 2
    assert refs.pick("NAME: 12", PEOPLE, what="customer").id == 2
    assert refs.as_ref(PEOPLE[1]) == "name:12" and refs.as_ref(PEOPLE[0]) == "华信地产"


def test_name_tiers_still_resolve_pinyin_prefix_and_part():
    assert refs.pick("hxdc", PEOPLE, what="customer").id == 1
    assert refs.pick("丽华", PEOPLE, what="customer").id == 12
    with pytest.raises(Ambiguous):
        refs.pick("华信", PEOPLE, what="customer")
    with pytest.raises(NotFound):
        refs.pick("  ", PEOPLE, what="customer")


def test_a_prefix_does_not_beat_a_part_of_a_name():
    """A REF that found one customer by part of its name does not move to a customer added
    later whose name merely starts with it: both are listed."""
    older = Candidate(1, "上海德联汽车部件有限公司", "shanghaidelianqichebujianyouxiangongsi",
                      "shdlqcbjyxgs", key="上海德联汽车部件有限公司")
    newer = Candidate(2, "德联汽车", "delianqiche", "dlqc", key="德联汽车")
    for ref in ("德联", "delian"):
        assert refs.pick(ref, [older], what="customer").id == 1
        with pytest.raises(Ambiguous) as caught:
            refs.pick(ref, [older, newer], what="customer")
        assert len(caught.value.candidates) == 2
    assert refs.pick("德联汽车", [older, newer], what="customer").id == 2  # the whole name still wins
    assert refs.pick("上海德联", [older, newer], what="customer").id == 1


def test_suggestions_by_sound_then_by_spelling():
    q = refs.parse("华心地产")
    assert refs.nearest(q, PEOPLE, pinyin="huaxindichan", initials="hxdc") == [PEOPLE[0]]
    assert refs.nearest(refs.parse("丽华酒"), PEOPLE) == [PEOPLE[2]]  # one character short
    assert refs.nearest(refs.parse("lihuajiudain"), PEOPLE) == [PEOPLE[2]]  # a pinyin typo
    assert refs.nearest(refs.parse("3"), PEOPLE) == []
    assert refs.nearest(refs.parse("12"), [PEOPLE[1]]) == [PEOPLE[1]]  # the name, for name:12
    assert refs.nearest(refs.parse("完全不同的名字"), PEOPLE) == []


def test_a_not_found_error_names_the_suggestions():
    q = refs.parse("华心地产")
    with pytest.raises(NotFound) as caught:
        refs.one(q, [], what="customer", suggestions=[PEOPLE[0], PEOPLE[1]])
    assert "华信地产" in caught.value.message() and "name:12" in caught.value.message()


@pytest.mark.parametrize(("a", "b", "edits"), [
    ("华信地产", "华心地产", 1), ("hxdc", "hxcd", 1), ("abc", "abc", 0), ("abc", "", 3),
    ("lihuajiudian", "lihuajiudain", 1), ("kitten", "sitting", 3),
])
def test_distance(a, b, edits):
    assert refs.distance(a, b, 5) == edits
    assert refs.distance(b, a, 5) == edits


@given(st.text(max_size=8), st.text(max_size=8))
def test_distance_is_capped_at_the_limit_plus_one(a, b):
    full = refs.distance(a, b, 20)
    assert refs.distance(a, b, 1) == min(full, 2)


# ---- likely pairs ---------------------------------------------------------------------------

def _entry(id_, name, pinyin="", phones=(), emails=(), group=None):
    return dupes.Entry(id_, name, lookup_key(name), pinyin, tuple(phones), tuple(emails), group)


def _why(pairs):
    return {(p.first.id, p.second.id): [r.code for r in p.reasons] for p in pairs}


def test_pairs_and_their_reasons():
    found = _why(dupes.pairs([
        _entry(1, "华信地产", "huaxindichan", ["010-8888 0000"]),
        _entry(2, "华心地产", "huaxindichan"),
        _entry(3, "华信地产有限公司", "huaxindichanyouxiangongsi", ["+86 010 8888 0000"]),
        _entry(4, "Acme", "acme", emails=["Sales@acme.com"]),
        _entry(5, "ACME Ltd.", "acmeltd", emails=["sales@ACME.com"]),
        _entry(6, "王总", "wangzong"), _entry(7, "张总", "zhangzong"),
        _entry(8, "Brightway Trading", "brightwaytrading"), _entry(9, "Brightwya Trading", "brightwyatrading"),
    ]))
    assert found[(1, 2)] == ["same_pinyin", "near_name"]
    assert found[(1, 3)] == ["same_phone", "same_core_name"]
    assert found[(4, 5)] == ["same_email", "same_core_name"]
    assert found[(8, 9)] == ["near_name"]
    assert (6, 7) not in found  # two-character names one apart are two people


def test_contacts_pair_only_within_their_customer():
    found = _why(dupes.pairs([_entry(1, "张伟", "zhangwei", group=1), _entry(2, "张玮", "zhangwei", group=2),
                              _entry(3, "张卫", "zhangwei", group=1)]))
    assert found == {(1, 3): ["same_pinyin"]}


@pytest.mark.parametrize(("name", "core"), [
    ("华信地产有限公司", "华信地产"), ("华信地产股份有限公司", "华信地产"), ("acme co., ltd.", "acme"),
    ("acme", "acme"), ("有限公司", "有限公司"), ("acme inc.", "acme"),
])
def test_core_name(name, core):
    assert dupes.core_name(name) == core


@pytest.mark.parametrize(("name", "brand"), [
    ("上海德联汽车部件有限公司", "德联"), ("德联汽车", "德联"), ("德联(上海)汽车零部件股份有限公司", "德联"),
    ("上海市华信地产集团", "华信"), ("华信科技股份", "华信"), ("上海汽车", "上海汽车"),
    ("江苏宏达机械有限公司", "宏达"), ("acme technology co., ltd.", "acme"), ("李先生", "李先生"),
])
def test_brand_name_sets_aside_place_trade_and_legal_form(name, brand):
    assert dupes.brand_name(lookup_key(name)) == brand


def test_customers_pair_by_brand_and_a_new_one_is_warned_about():
    old = [_entry(1, "上海德联汽车部件有限公司", phones=["021-5555 1234"]), _entry(2, "丽华酒店"),
           _entry(3, "华心地产", "huaxindichan")]
    found = _why(dupes.pairs([*old, _entry(4, "德联汽车")], firms=True))
    assert found == {(1, 4): ["same_core_name"]}
    new = _entry(0, "德联汽车", "delianqiche", ["+86 21 5555 1234"])
    assert [(p.first.id, [r.code for r in p.reasons]) for p in dupes.twins(new, old)] == [
        (1, ["same_phone", "same_core_name"])]
    assert dupes.twins(_entry(0, "华信地产", "huaxindichan"), old) == []  # a shared pinyin is no warning
    assert dupes.twins(_entry(0, "德联精密"), old)[0].reasons == (dupes.Reason("same_core_name", "德联"),)


# ---- merge values ---------------------------------------------------------------------------

def test_the_kept_record_wins_and_is_filled_in():
    kept = {"industry": "房地产", "address": None, "phones": ["010-1"], "tags": []}
    gone = {"industry": "建筑", "address": "北京", "phones": ["010-2", "010-1"], "tags": ["茶"]}
    assert merge.filled(kept, gone, list(kept), lists=("phones", "tags")) == {
        "address": "北京", "phones": ["010-1", "010-2"], "tags": ["茶"]}


def test_a_contact_keeps_the_further_stage_and_a_whole_birthday():
    kept = {"stage": "dating", "is_primary": False, "birth_month": None, "title": "总经理"}
    gone = {"stage": "trust", "is_primary": True, "birth_year": 1970, "birth_month": 8, "birth_day": 15,
            "birthday_lunar": True, "birthday_leap": False, "title": "经理"}
    out = merge.contact_filled(kept, gone, list(gone))
    assert out["stage"] == "trust" and out["is_primary"] is True
    assert (out["birth_month"], out["birth_day"], out["birthday_lunar"]) == (8, 15, True)
    assert "title" not in out
    assert "stage" not in merge.contact_filled({"stage": "alliance"}, {"stage": "dating"}, ["stage"])


def test_a_fact_both_have_is_kept_twice_when_the_values_differ():
    assert merge.facts({"茶": "铁观音", "酒": "茅台"}, {"茶": "普洱", "酒": "茅台", "烟": "中华"}, "华心地产") == {
        "茶 (华心地产)": "普洱", "烟": "中华"}


# ---- the quick paths give the same answers ----------------------------------------------------

_HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_ODD = st.sampled_from([" ", "\u3000", "\u00a0", "\u1680", "\t", "\n", "\u0301", "\u00b4", "\u200b", "\u2028",
                        "\u202e", "\x00", "Ａ", "1", "a", "·", "-"])


@given(st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), _ODD), max_size=20))
def test_the_normal_form_of_a_plain_name_is_the_checked_one(value):
    def outcome(rule):
        try:
            return rule()
        except BadInput as exc:
            return exc.key

    assert outcome(lambda: text.normal_name(value)) == outcome(lambda: text._checked_name(value, "name"))


@given(st.text(st.one_of(_HAN, st.sampled_from("臺灣銀行長發髮乾隆著沈一併瞭解 -·AB")), min_size=1, max_size=8))
def test_simplified_is_opencc_for_any_text(value):
    from kacli.domain.names import _converter

    assert simplified(value) == _converter()[0].convert(value)


@settings(deadline=None)  # the first example loads pypinyin's dictionaries
@given(st.lists(st.text(st.one_of(_HAN, st.sampled_from("重庆银行长乐行0A ")), min_size=1, max_size=6),
                min_size=1, max_size=5))
def test_search_keys_remembered_are_pypinyins_own(values):
    from pypinyin import Style, lazy_pinyin

    from kacli.domain.names import _ascii_words, search_keys

    for value in values:  # words met before in other names do not change a name's reading
        syllables = lazy_pinyin(value, style=Style.NORMAL, errors=lambda chunk: list(_ascii_words(chunk)))
        words = [w for s in syllables for w in _ascii_words(s)]
        assert search_keys(value) == ("".join(words), "".join(w[0] for w in words))


def test_distance_past_the_limit_on_the_last_row_is_still_capped():
    # '12' → '200' takes three edits; every row stays within one until the last.
    assert refs.distance("12", "200", 1) == 2
    assert refs.distance("12", "200", 5) == 3
