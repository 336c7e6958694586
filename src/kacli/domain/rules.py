"""The grading rules: how kacli grades customers, how often each grade is visited, and how the
week list weighs what is due.

Every number has a default taken from the seeds (../shared/domain.md, "Grading and visit cadence");
a salesperson may override any of them in a TOML rules file (``kacli rules init`` writes
:func:`default_toml`). A file need only name what it changes; everything else keeps its default.
A broken file is an error naming the line and the key, never silently ignored: a typo in a rules
file would otherwise quietly change whom the salesperson calls.

"Due" and "overdue" are by date, not by settings: a reason is overdue once its day has passed and
due on its day (red and yellow in ``kacli week``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from kacli.errors import BadInput
from kacli.i18n import t

if TYPE_CHECKING:  # what reads a file loads only when there is a file (most runs have none)
    from kacli.domain.calendar import Festival

PERSON_GRADES = ("O", "A", "B", "C")
ORG_GRADES = ("A", "B", "C", "D")
ALL_GRADES = ("O", "A", "B", "C", "D")
DEAL_STAGES = ("discover", "validate", "negotiate", "contract", "deliver")
REASON_CODES = (
    "never_contacted", "cadence", "next_action", "planned_visit", "birthday", "festival",
    "deal_closing", "deal_stalled", "roles_uncovered", "payment_due", "payment_overdue",
    "after_sale", "delivery", "decision_maker_opposed", "key_tier_changed", "decision_maker_not_met",
    "single_threaded",
)

def _frozen(**items: Any) -> Any:
    return field(default_factory=lambda: MappingProxyType(dict(items)))


@dataclass(frozen=True)
class Rules:
    """Every setting of the grading rules, with the seeds' defaults. Maps are read-only."""

    # Individuals (seed 003): grade by how soon they mean to buy; revisit O twice a week,
    # A weekly, B twice a month, C every two months.
    person_buy_within_days: MappingProxyType[str, int] = _frozen(O=7, A=30, B=90, C=180)
    person_revisit_days: MappingProxyType[str, int] = _frozen(O=3, A=7, B=15, C=60)
    # Once an individual has bought (a won deal on or after the day the intention was stated),
    # O/A/B/C no longer apply: steady after-purchase care until a new intention is stated.
    person_after_purchase_days: int = 30
    # An expected-purchase date that has passed without a sale counts as O this many days, then
    # the customer is ungraded until a new intention is stated.
    person_expected_passed_days: int = 14
    # Organisations: A short cycle + large batch, B short + small, C long + large, D long + small.
    org_short_cycle_days: int = 90  # at most this many days between orders, and since the last, is short
    org_large_batch_fen: int = 100_000_000  # 100万 yuan per order or more is a large batch
    org_revisit_days: MappingProxyType[str, int] = _frozen(A=7, B=14, C=30, D=90)
    ungraded_revisit_days: int = 30
    # Key tier (80/20): the customers making up the first 80% of revenue over 12 months.
    key_share: float = 0.8
    key_months: int = 12
    key_revisit_days: int = 30  # key accounts are visited at least this often, whatever their grade
    # 80/20 ranks a book: below this many customers with sales there is no key tier yet, so one
    # first sale in a young dossier does not make its buyer a key account.
    key_min_customers: int = 5
    stalled_days: MappingProxyType[str, int] = _frozen(
        discover=30, validate=30, negotiate=21, contract=14, deliver=30
    )
    festival_lead_days: int = 14
    festival_send_days_before: int = 7  # gifts are chosen and sent ahead: due this many days before
    birthday_care_days: int = 14  # a greeting or gift this many days before a birthday settles it
    festival_for_key_tier: bool = True
    festival_grades: tuple[str, ...] = ("O", "A")
    festivals: tuple[Festival, ...] = ()  # the user's own dates, besides the three festivals
    after_sale_days: int = 7  # the follow-up call after a deal is delivered
    # Calls and visits kacli dates itself (cadence, first call, after-sale call) that fall on a
    # Saturday or Sunday are due the Friday before.
    weekend_to_friday: bool = True
    # The priority score of `kacli week` (explained term by term by `kacli why`).
    weight_grade: MappingProxyType[str, float] = _frozen(O=6.0, A=5.0, B=3.0, C=1.5, D=0.5)
    weight_ungraded: float = 1.0
    weight_key_tier: float = 8.0
    weight_overdue_day: float = 0.5
    overdue_cap_days: int = 30
    stalled_overdue_cap_days: int = 7  # a stalled deal weighs at most a week overdue
    weight_money_wan: float = 0.02
    money_cap_wan: int = 500
    weight_reason: MappingProxyType[str, float] = _frozen(
        never_contacted=1.0, cadence=4.0, next_action=8.0, planned_visit=10.0, birthday=5.0,
        festival=3.0, deal_closing=7.0, deal_stalled=4.0, roles_uncovered=5.0,
        payment_due=6.0, payment_overdue=9.0, after_sale=6.0, delivery=7.0,
        decision_maker_opposed=6.0, key_tier_changed=3.0, decision_maker_not_met=5.0,
        single_threaded=3.0,
    )


def defaults() -> Rules:
    return Rules()


# --- reading a rules file -------------------------------------------------------------------

_DAYS = ("int", 1, 3650)
_WEIGHT = ("float", -1000.0, 1000.0)

# The file's shape: a nested dict of tables; each leaf is (field name, check).
SCHEMA: dict[str, Any] = {
    "person": {
        "buy_within_days": ("person_buy_within_days", ("map", PERSON_GRADES, _DAYS)),
        "revisit_days": ("person_revisit_days", ("map", PERSON_GRADES, _DAYS)),
        "after_purchase_revisit_days": ("person_after_purchase_days", _DAYS),
        "expected_passed_days": ("person_expected_passed_days", ("int", 0, 3650)),
    },
    "org": {
        "short_cycle_days": ("org_short_cycle_days", _DAYS),
        "large_batch": ("org_large_batch_fen", ("amount",)),
        "revisit_days": ("org_revisit_days", ("map", ORG_GRADES, _DAYS)),
    },
    "ungraded": {"revisit_days": ("ungraded_revisit_days", _DAYS)},
    "key_tier": {
        "share": ("key_share", ("float", 0.01, 1.0)),
        "months": ("key_months", ("int", 1, 120)),
        "revisit_days": ("key_revisit_days", _DAYS),
        "min_customers": ("key_min_customers", ("int", 1, 1000)),
    },
    "stalled_days": {stage: (f"stalled_days.{stage}", _DAYS) for stage in DEAL_STAGES},
    "festivals": {
        "lead_days": ("festival_lead_days", ("int", 0, 365)),
        "send_days_before": ("festival_send_days_before", ("int", 0, 365)),
        "key_tier": ("festival_for_key_tier", ("bool",)),
        "grades": ("festival_grades", ("grades", ALL_GRADES)),
        "custom": ("festivals", ("festivals",)),
    },
    "after_sale": {"days": ("after_sale_days", ("int", 1, 365))},
    "calendar": {"weekend": ("weekend_to_friday", ("bool",))},
    "birthday": {"care_days": ("birthday_care_days", ("int", 0, 365))},
    "score": {
        "grade": ("weight_grade", ("map", ALL_GRADES, _WEIGHT)),
        "ungraded": ("weight_ungraded", _WEIGHT),
        "key_tier": ("weight_key_tier", _WEIGHT),
        "overdue_per_day": ("weight_overdue_day", _WEIGHT),
        "overdue_cap_days": ("overdue_cap_days", _DAYS),
        "stalled_overdue_cap_days": ("stalled_overdue_cap_days", _DAYS),
        "money_per_wan": ("weight_money_wan", _WEIGHT),
        "money_cap_wan": ("money_cap_wan", ("int", 0, 1_000_000)),
        "reasons": ("weight_reason", ("map", REASON_CODES, _WEIGHT)),
    },
}


def parse(text: str, source: str) -> Rules:
    """The rules in TOML ``text`` (read from ``source``, a path for messages), over the defaults.

    BadInput ``error.rules_invalid`` (exit 2) with ``source``, ``line``, ``setting`` (the dotted
    key, e.g. ``org.revisit_days.A``) and ``detail``
    for a syntax error, an unknown key, a wrong type or a value out of range.
    """
    import tomllib

    from kacli.domain.rules_toml import Bad, check_table, line_of, loads, path_text, syntax_error_at

    try:
        data = loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, key = syntax_error_at(text, str(exc))
        raise _invalid(source, line, key, t("rules.detail.syntax", message=str(exc))) from None
    try:
        values = check_table(data, SCHEMA, ())
        rules = _build(values)
        _check_order(rules)
    except Bad as bad:
        detail = t(bad.detail_key, **bad.params)
        raise _invalid(source, line_of(text, bad.path), path_text(bad.path), detail) from None
    return rules


def _invalid(source: str, line: int | None, key: str, detail: str) -> BadInput:
    # ``setting``, not ``key``: KacliError's own first argument is the message key.
    return BadInput(
        "error.rules_invalid", source=source, line=line or "?", setting=key, detail=detail
    )


def _build(values: dict[str, tuple[tuple, Any]]) -> Rules:
    base = defaults()
    changes: dict[str, Any] = {}
    stalled = dict(base.stalled_days)
    for name, (path, value) in values.items():
        if name.startswith("stalled_days."):
            stalled[name.split(".", 1)[1]] = value
        elif isinstance(value, dict):  # a grade map: merge over the default map
            changes[name] = MappingProxyType({**getattr(base, name), **value})
        elif name == "festivals":
            changes[name] = tuple(_festival(path, i, entry) for i, entry in enumerate(value))
        else:
            changes[name] = value
    changes["stalled_days"] = MappingProxyType(stalled)
    return replace(base, **changes)


def _festival(path: tuple, index: int, entry: dict[str, Any]) -> Festival:
    from kacli.domain.calendar import Festival, check_day
    from kacli.domain.rules_toml import Bad

    where = (*path, index)
    try:
        check_day(entry["month"], entry["day"], entry["lunar"])
    except ValueError:
        raise Bad((*where, "day"), "rules.detail.invalid_day", **entry) from None
    return Festival("custom", entry["month"], entry["day"], entry["lunar"], entry["name"])


def _check_order(rules: Rules) -> None:
    """O must be the soonest buyer and C the latest, or grading would contradict itself."""
    from kacli.domain.rules_toml import Bad

    days = [rules.person_buy_within_days[g] for g in PERSON_GRADES]
    for grade, before, after in zip(PERSON_GRADES[1:], days, days[1:], strict=False):
        if after <= before:
            raise Bad(("person", "buy_within_days", grade), "rules.detail.not_increasing",
                      first=PERSON_GRADES[0], last=PERSON_GRADES[-1])


# --- writing the defaults -------------------------------------------------------------------


def default_toml() -> str:
    """The defaults as a commented TOML document in the user's language (``kacli rules init``);
    ``parse(default_toml())`` equals the defaults."""
    from kacli.domain.rules_default import default_toml as written

    return written(defaults())
