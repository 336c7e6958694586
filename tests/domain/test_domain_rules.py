"""The grading rules: the seeds' defaults, and a rules file read strictly (kacli.domain.rules)."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kacli.domain import rules as rules_module
from kacli.domain.calendar import Festival
from kacli.domain.rules import REASON_CODES, Rules, default_toml, defaults, parse
from kacli.errors import BadInput, ExitCode


@pytest.fixture
def detail_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``detail`` the bare message key, so tests check *why* without the catalogue."""
    monkeypatch.setattr(rules_module, "t", lambda key, **params: key)


@pytest.mark.parametrize(("name", "expected"), [
    ("person_buy_within_days", {"O": 7, "A": 30, "B": 90, "C": 180}),
    ("person_revisit_days", {"O": 3, "A": 7, "B": 15, "C": 60}),
    ("org_short_cycle_days", 90),
    ("org_large_batch_fen", 100_000_000),  # 100万 yuan
    ("org_revisit_days", {"A": 7, "B": 14, "C": 30, "D": 90}),
    ("ungraded_revisit_days", 30),
    ("key_share", 0.8),
    ("key_months", 12),
    ("stalled_days", {"discover": 30, "validate": 30, "negotiate": 21, "contract": 14,
                      "deliver": 30}),
    ("festival_lead_days", 14),
    ("festival_for_key_tier", True),
    ("festival_grades", ("O", "A")),
    ("festivals", ()),
    ("after_sale_days", 7),
])
def test_each_default_comes_from_the_seeds(name: str, expected: object) -> None:
    assert getattr(defaults(), name) == expected


def test_every_reason_code_has_a_weight_and_every_grade_a_weight() -> None:
    r = defaults()
    assert set(r.weight_reason) == set(REASON_CODES)
    assert set(r.weight_grade) == {"O", "A", "B", "C", "D"}
    assert r.weight_grade["O"] > r.weight_grade["A"] > r.weight_grade["B"] > r.weight_grade["C"]
    assert r.weight_reason["payment_overdue"] > r.weight_reason["payment_due"]


def test_rules_cannot_be_changed_in_place() -> None:
    r = defaults()
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.key_share = 0.5  # type: ignore[misc]
    with pytest.raises(TypeError):
        r.person_revisit_days["O"] = 1  # type: ignore[index]
    assert defaults().person_revisit_days["O"] == 3


def test_default_toml_reads_back_as_the_defaults() -> None:
    assert parse(default_toml(), "rules.toml") == defaults()


def test_default_toml_has_a_comment_on_every_key() -> None:
    lines = default_toml().splitlines()
    keys = [i for i, line in enumerate(lines) if re.match(r"^[a-z_]+ = ", line)]
    assert len(keys) >= 30
    for i in keys:
        assert "#" in lines[i] or lines[i - 1].startswith("#"), lines[i]


def test_an_empty_file_means_the_defaults() -> None:
    assert parse("", "rules.toml") == defaults()
    assert parse("# only a comment\n", "rules.toml") == defaults()


def test_a_file_changes_only_what_it_names() -> None:
    r = parse("[org]\nrevisit_days = { A = 5 }\n[key_tier]\nshare = 0.7\n", "rules.toml")
    assert r.org_revisit_days == {"A": 5, "B": 14, "C": 30, "D": 90}
    assert r.key_share == 0.7
    assert dataclasses.replace(r, org_revisit_days=defaults().org_revisit_days,
                               key_share=0.8) == defaults()


def test_stalled_days_and_score_weights_are_settings() -> None:
    r = parse("[stalled_days]\nnegotiate = 10\n[score.reasons]\ncadence = 2\n"
              "[score]\nkey_tier = 3.5\ngrade = { D = 1 }\n", "x")
    assert r.stalled_days["negotiate"] == 10
    assert r.stalled_days["contract"] == 14
    assert r.weight_reason["cadence"] == 2.0
    assert isinstance(r.weight_reason["cadence"], float)
    assert r.weight_key_tier == 3.5
    assert r.weight_grade["D"] == 1.0


@pytest.mark.parametrize(("value", "fen"), [
    ("500000", 50_000_000), ('"50万"', 50_000_000), ('"1.2亿"', 12_000_000_000),
    ('"300,000"', 30_000_000),
])
def test_large_batch_in_yuan_or_as_an_amount(value: str, fen: int) -> None:
    assert parse(f"[org]\nlarge_batch = {value}\n", "x").org_large_batch_fen == fen


def test_festival_grades_and_the_users_own_festivals() -> None:
    r = parse(
        '[festivals]\nlead_days = 7\nkey_tier = false\ngrades = ["o", "B", "B"]\n'
        '[[festivals.custom]]\nname = " 公司周年庆 "\nmonth = 6\nday = 18\n'
        '[[festivals.custom]]\nname = "腊八"\nmonth = 12\nday = 8\nlunar = true\n',
        "x",
    )
    assert r.festival_lead_days == 7
    assert r.festival_for_key_tier is False
    assert r.festival_grades == ("O", "B")
    assert r.festivals == (
        Festival("custom", 6, 18, False, "公司周年庆"),
        Festival("custom", 12, 8, True, "腊八"),
    )


def test_a_lunar_30th_is_a_valid_festival_day() -> None:
    r = parse('[[festivals.custom]]\nname = "除夕"\nmonth = 12\nday = 30\nlunar = true\n', "x")
    assert r.festivals[0].day == 30


BROKEN = [
    # (text, line, setting, detail key)
    ("[person]\nrevisit_days = { O = 0 }\n", 2, "person.revisit_days.O",
     "rules.detail.out_of_range"),
    ("[person]\nrevisit_days = { D = 9 }\n", 2, "person.revisit_days.D",
     "rules.detail.unknown_key"),
    ("[org]\nshort_cycle = 60\n", 2, "org.short_cycle", "rules.detail.unknown_key"),
    ("\n\n[orgs]\nshort_cycle_days = 60\n", 3, "orgs", "rules.detail.unknown_key"),
    ("cadence = 7\n", 1, "cadence", "rules.detail.unknown_key"),
    ("[ungraded]\nrevisit_days = \"30\"\n", 2, "ungraded.revisit_days",
     "rules.detail.not_integer"),
    ("[ungraded]\nrevisit_days = 30.5\n", 2, "ungraded.revisit_days", "rules.detail.not_integer"),
    ("[ungraded]\nrevisit_days = true\n", 2, "ungraded.revisit_days", "rules.detail.not_integer"),
    ("[key_tier]\nshare = 1.5\n", 2, "key_tier.share", "rules.detail.out_of_range"),
    ("[key_tier]\nshare = 0\n", 2, "key_tier.share", "rules.detail.out_of_range"),
    ("[key_tier]\nshare = nan\n", 2, "key_tier.share", "rules.detail.not_number"),
    ("[festivals]\nkey_tier = 1\n", 2, "festivals.key_tier", "rules.detail.not_bool"),
    ("[festivals]\ngrades = \"O\"\n", 2, "festivals.grades", "rules.detail.not_list"),
    ("[festivals]\ngrades = [\"O\", \"X\"]\n", 2, "festivals.grades",
     "rules.detail.invalid_grade"),
    ("[person]\nbuy_within_days = { A = 5 }\n", 2, "person.buy_within_days.A",
     "rules.detail.not_increasing"),
    ("[person]\nbuy_within_days = { C = 90 }\n", 2, "person.buy_within_days.C",
     "rules.detail.not_increasing"),
    ("[org]\nlarge_batch = \"lots\"\n", 2, "org.large_batch", "rules.detail.invalid_amount"),
    ("[org]\nlarge_batch = 0\n", 2, "org.large_batch", "rules.detail.invalid_amount"),
    ("[org]\nlarge_batch = -5\n", 2, "org.large_batch", "rules.detail.invalid_amount"),
    ("[org]\nlarge_batch = 1.5\n", 2, "org.large_batch", "rules.detail.invalid_amount"),
    ("person = 3\n", 1, "person", "rules.detail.not_table"),
    ("[person]\nrevisit_days = 3\n", 2, "person.revisit_days", "rules.detail.not_table"),
    ("[[festivals.custom]]\nname = \"x\"\nmonth = 2\nday = 30\n", 4, "festivals.custom[1].day",
     "rules.detail.invalid_day"),
    ("[[festivals.custom]]\nname = \"x\"\nmonth = 2\nday = 3\n[[festivals.custom]]\nname = \"y\"\n"
     "month = 13\nday = 1\n", 7, "festivals.custom[2].month", "rules.detail.out_of_range"),
    ("[[festivals.custom]]\nname = \"x\"\nday = 3\n", 1, "festivals.custom[1].month",
     "rules.detail.missing_key"),
    ("[[festivals.custom]]\nname = \"\"\nmonth = 1\nday = 3\n", 2, "festivals.custom[1].name",
     "rules.detail.not_text"),
    ("[[festivals.custom]]\nname = \"x\"\nmonth = 1\nday = 3\ncolour = \"red\"\n", 5,
     "festivals.custom[1].colour", "rules.detail.unknown_key"),
    ("[festivals]\ncustom = 3\n", 2, "festivals.custom", "rules.detail.not_list"),
    ("[score]\nkey_tier = \"high\"\n", 2, "score.key_tier", "rules.detail.not_number"),
    ("[score.reasons]\ncadense = 2\n", 2, "score.reasons.cadense", "rules.detail.unknown_key"),
    ("[person]\nrevisit_days.O = 0\n", 2, "person.revisit_days.O", "rules.detail.out_of_range"),
    ("a = 1\nb = = 2\n", 2, "b", "rules.detail.syntax"),
    ("[org]\nshort_cycle_days = 1\nshort_cycle_days = 2\n", 3, "org.short_cycle_days",
     "rules.detail.syntax"),
    ("[person\nx = 1\n", 1, "", "rules.detail.syntax"),
]


@pytest.mark.usefixtures("detail_keys")
@pytest.mark.parametrize(("text", "line", "setting", "detail"), BROKEN)
def test_a_broken_file_names_the_line_and_the_key(
    text: str, line: int, setting: str, detail: str
) -> None:
    with pytest.raises(BadInput) as caught:
        parse(text, "/home/me/.config/kacli/rules.toml")
    error = caught.value
    assert error.key == "error.rules_invalid"
    assert error.exit_code == ExitCode.BAD_INPUT
    assert error.params == {
        "source": "/home/me/.config/kacli/rules.toml", "line": line, "setting": setting,
        "detail": detail,
    }


@pytest.mark.usefixtures("detail_keys")
def test_an_error_deep_in_the_default_file_points_at_its_own_line() -> None:
    lines = default_toml().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("negotiate = "))
    lines[at] = "negotiate = -1  # oops"
    with pytest.raises(BadInput) as caught:
        parse("\n".join(lines), "rules.toml")
    assert caught.value.params["line"] == at + 1
    assert caught.value.params["setting"] == "stalled_days.negotiate"


def test_an_unterminated_string_is_reported_at_the_last_line() -> None:
    with pytest.raises(BadInput) as caught:
        parse('[org]\nlarge_batch = "100万\n', "rules.toml")
    assert caught.value.params["line"] == 2


def test_the_detail_is_a_readable_message_with_its_parameters() -> None:
    with pytest.raises(BadInput) as caught:
        parse("[person]\nrevisit_days = { O = 0 }\n", "rules.toml")
    detail = str(caught.value.params["detail"])
    assert "1" in detail and "3650" in detail


grade_days = st.integers(min_value=1, max_value=3650)


@given(o=grade_days, a=grade_days, b=grade_days, c=grade_days, ungraded=grade_days)
def test_any_valid_revisit_intervals_read_back_exactly(
    o: int, a: int, b: int, c: int, ungraded: int
) -> None:
    text = (f"[person]\nrevisit_days = {{ O = {o}, A = {a}, B = {b}, C = {c} }}\n"
            f"[ungraded]\nrevisit_days = {ungraded}\n")
    r = parse(text, "x")
    assert r.person_revisit_days == {"O": o, "A": a, "B": b, "C": c}
    assert r.ungraded_revisit_days == ungraded


@given(st.lists(st.integers(min_value=1, max_value=3650), min_size=4, max_size=4, unique=True))
def test_buy_within_must_increase_from_o_to_c(days: list[int]) -> None:
    text = "[person]\nbuy_within_days = {{ O = {}, A = {}, B = {}, C = {} }}\n".format(*days)
    if days == sorted(days):
        assert list(parse(text, "x").person_buy_within_days.values()) == days
    else:
        with pytest.raises(BadInput):
            parse(text, "x")


def test_rules_is_a_plain_value() -> None:
    assert Rules() == defaults()
    assert Rules(key_share=0.5) != defaults()
