"""What is a whole mention of a person in free text, and what erasing them leaves behind."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import privacy

P = privacy.placeholder(7)


def _erase(text, person, others=privacy.Others()):
    return privacy.erased(text, privacy.mentions(text, person, others), P)


WANG_FANG = privacy.Person.of(names=["王芳"])


@pytest.mark.parametrize(("text", "expected"), [
    ("王芳说月底付款", f"{P}说月底付款"),        # 说 is no part of a name
    ("和王芳吃饭", f"和{P}吃饭"),
    ("王芳芳说月底付款", "王芳芳说月底付款"),      # the same character again: another person
    ("王王芳来了", "王王芳来了"),
    ("王芳、王芳芳", f"{P}、王芳芳"),
    ("王芳", P),
])
def test_a_cjk_name_is_a_mention_only_when_whole(text, expected):
    assert _erase(text, WANG_FANG) == expected


def test_a_name_inside_another_known_name_is_left():
    others = privacy.Others.of(names=["王芳华", "欧阳芳"])
    assert _erase("王芳华说好", WANG_FANG, others) == "王芳华说好"
    yang = privacy.Person.of(names=["阳芳"])
    assert _erase("歐陽芳和阳芳", yang, others) == f"歐陽芳和{P}"
    assert _erase("王芳说王芳华不在", WANG_FANG, others) == f"{P}说王芳华不在"


def test_traditional_and_simplified_spellings_are_one_name():
    person = privacy.Person.of(names=["欧阳明"])
    assert _erase("歐陽明說好", person) == f"{P}說好"
    assert _erase("歐陽明明天來", person) == "歐陽明明天來"  # 明明: the repeated character rule


def test_a_latin_name_is_whole_between_non_letters():
    person = privacy.Person.of(names=["Anna"])
    assert _erase("Anna said yes; Annabel no", person) == f"{P} said yes; Annabel no"
    assert _erase("call anna.", person) == f"call {P}."


@pytest.mark.parametrize(("text", "expected"), [
    ("电话 010-8888-0000", f"电话 {P}"),
    ("电话 01088880000。", f"电话 {P}。"),
    ("电话 010 8888 0000", f"电话 {P}"),
    ("+86 010-8888-0000", P),
    ("010-8888-0000 转 8012", f"{P} 转 8012"),
    ("010-8888-0000-8012", "010-8888-0000-8012"),   # an extension: a longer number
    ("单号 9010888800001", "单号 9010888800001"),
    ("2026 01088880000", f"2026 {P}"),
])
def test_numbers_compare_by_digits_and_never_inside_a_longer_number(text, expected):
    person = privacy.Person.of(phones=["010-8888-0000"])
    assert _erase(text, person) == expected


def test_a_shared_identifier_is_found_but_never_erased():
    person = privacy.Person.of(names=["王芳"], phones=["010-8888-0000"])
    others = privacy.Others.of(shared=["01088880000"])
    text = "王芳的总机 010-8888-0000"
    found = privacy.mentions(text, person, others)
    assert [(m.kind, m.shared) for m in found] == [("name", False), ("number", True)]
    assert privacy.erased(text, found, P) == f"{P}的总机 010-8888-0000"


def test_handles_are_whole_ids():
    person = privacy.Person.of(handles=["wangfang_wx", "wf@example.com"])
    assert _erase("微信 wangfang_wx，邮箱 wf@example.com.", person) == f"微信 {P}，邮箱 {P}."
    assert _erase("wangfang_wx2 and xwf@example.com", person) == "wangfang_wx2 and xwf@example.com"


def test_short_identifiers_are_never_searched_and_the_longest_wins():
    person = privacy.Person.of(names=["王", "张三", "张三丰"], phones=["8012", "139-1111-2222"])
    assert person.names == ("张三丰", "张三") and person.numbers == ("13911112222",)
    assert _erase("张三丰和张三", person) == f"{P}和{P}"
    assert person.shown("13911112222") == "139-1111-2222"


CHARS = "王芳说李总a1-"


@given(st.text(CHARS, max_size=30))
def test_text_without_the_name_is_unchanged(text):
    person = privacy.Person.of(names=["张秘密"])
    assert _erase(text, person) == text


@given(st.text(CHARS, max_size=30), st.text(CHARS, max_size=30))
def test_a_whole_mention_between_other_words_is_always_erased(left, right):
    # 秘 and 密 are not among CHARS, so nothing around the name can make it longer.
    person = privacy.Person.of(names=["秘密"])
    text = f"{left}，秘密。{right}"
    assert _erase(text, person) == f"{left}，{P}。{right}"


@given(st.text("02468 -", max_size=20))  # cannot spell the number itself
def test_erasing_never_touches_text_outside_its_mentions(noise):
    person = privacy.Person.of(phones=["13911112222"])
    text = f"{noise}号码13911112222"
    found = privacy.mentions(text, person)
    out = privacy.erased(text, found, P)
    assert out.startswith(noise)
    assert "13911112222" not in out or not found


def test_the_persons_own_history_lines_and_the_business_ones():
    columns = ["name", "phones", "title"]
    assert all(privacy.is_own_change(f, columns) for f in ("name", "fact:血型", "birthday",
                                                           "stage_note", "created", "forgotten"))
    assert not any(privacy.is_own_change(f, columns) for f in ("next_action_done",
                                                               "deal:茶歇:decision_maker"))


def test_placeholder():
    assert privacy.placeholder(12) == "(forgotten #12)"
    assert privacy.placeholder(None) == "(forgotten)"
