"""What identifies a person in free text, and what erasing them leaves behind."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import privacy

# Needles and texts from the same few characters, so they overlap often; the placeholder's
# parentheses are not among them, so a replacement can never complete a needle.
CHARS = "张秘密李王总a1-@"
needles = st.lists(st.text(CHARS, min_size=2, max_size=4), max_size=4)


@given(st.text(CHARS, max_size=40), needles)
def test_after_redacting_no_needle_is_left(text, found):
    ordered = privacy.identifiers(names=found, phones=[], others=[])
    out = privacy.redact(text, ordered, privacy.placeholder(7))
    assert not any(n in out for n in ordered)


@given(st.text(CHARS, max_size=40), needles)
def test_text_without_the_person_is_unchanged(text, found):
    ordered = [n for n in privacy.identifiers(names=found, phones=[], others=[]) if n not in text]
    assert privacy.redact(text, ordered, privacy.placeholder(7)) == text


def test_identifiers_longest_first_with_bare_phone_digits_and_no_single_characters():
    found = privacy.identifiers(names=["张三", "张三丰", "王"], phones=["139-1111-2222", "12"],
                                others=["a@b.cn", None, " "])
    assert found == ["139-1111-2222", "13911112222", "a@b.cn", "张三丰", "12", "张三"]
    assert privacy.redact("张三丰和张三", found, "(x)") == "(x)和(x)"


def test_the_persons_own_history_lines_and_the_business_ones():
    columns = ["name", "phones", "title"]
    assert all(privacy.is_own_change(f, columns) for f in ("name", "fact:血型", "birthday",
                                                           "stage_note", "created", "forgotten"))
    assert not any(privacy.is_own_change(f, columns) for f in ("next_action_done",
                                                               "deal:茶歇:decision_maker"))


def test_placeholder():
    assert privacy.placeholder(12) == "(forgotten #12)"
    assert privacy.placeholder(None) == "(forgotten)"
