"""The rules file ``kacli rules init`` writes: the defaults, each key with a comment in the
user's language. The keys and values are TOML codes whatever the language, so a file written
under one language reads the same under another."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from kacli.domain import vocab
from kacli.i18n import current, t

if TYPE_CHECKING:
    from kacli.domain.rules import Rules


def _inline(mapping: MappingProxyType) -> str:
    return "{ " + ", ".join(f"{k} = {v!r}" for k, v in mapping.items()) + " }"


def _comment(key: str, **params: object) -> str:
    """A comment of one or more lines, each starting with ``# ``."""
    return "\n".join(f"# {line}" for line in t(f"rules.file.{key}", **params).splitlines())


def default_toml(r: Rules) -> str:
    from kacli.domain.rules import DEAL_STAGES, REASON_CODES

    lang = current()
    reasons = "\n".join(
        f"{code} = {r.weight_reason[code]!r}  # {t(f'rules.file.reason.{code}')}" for code in REASON_CODES
    )
    stalled = "\n".join(
        f"{stage} = {r.stalled_days[stage]}  # "
        + t("rules.file.stalled", stage=vocab.DEAL_STAGE.label(stage, lang))
        for stage in DEAL_STAGES
    )
    c = _comment
    return f"""\
{c("head")}

[person]
{c("person_buy")}
buy_within_days = {_inline(r.person_buy_within_days)}
{c("person_visit")}
revisit_days = {_inline(r.person_revisit_days)}
{c("after_purchase")}
after_purchase_revisit_days = {r.person_after_purchase_days}
{c("expected_passed")}
expected_passed_days = {r.person_expected_passed_days}

[org]
{c("org_cycle")}
short_cycle_days = {r.org_short_cycle_days}
{c("org_batch", wan=r.org_large_batch_fen // 1_000_000)}
large_batch = {r.org_large_batch_fen // 100}
{c("org_visit")}
revisit_days = {_inline(r.org_revisit_days)}

[ungraded]
revisit_days = {r.ungraded_revisit_days}  # {t("rules.file.ungraded")}

[key_tier]
share = {r.key_share}  # {t("rules.file.key_share")}
months = {r.key_months}  # {t("rules.file.key_months")}
revisit_days = {r.key_revisit_days}  # {t("rules.file.key_revisit")}
{c("key_min")}
min_customers = {r.key_min_customers}

[stalled_days]
{stalled}

[festivals]
lead_days = {r.festival_lead_days}  # {t("rules.file.fest_lead")}
send_days_before = {r.festival_send_days_before}  # {t("rules.file.fest_send")}
{c("fest_care")}
key_tier = {str(r.festival_for_key_tier).lower()}  # {t("rules.file.fest_key")}
grades = [{", ".join(f'"{g}"' for g in r.festival_grades)}]  # {t("rules.file.fest_grades")}
{c("fest_custom")}
# [[festivals.custom]]
# name = "公司周年庆"
# month = 6
# day = 18
# lunar = false

[after_sale]
days = {r.after_sale_days}  # {t("rules.file.after_sale")}

[calendar]
{c("weekend")}
weekend = {str(r.weekend_to_friday).lower()}

[birthday]
{c("birthday_care")}
care_days = {r.birthday_care_days}

[score]
{c("score")}
grade = {_inline(r.weight_grade)}  # {t("rules.file.w_grade")}
ungraded = {r.weight_ungraded}  # {t("rules.file.w_ungraded")}
key_tier = {r.weight_key_tier}  # {t("rules.file.w_key")}
overdue_per_day = {r.weight_overdue_day}  # {t("rules.file.w_overdue")}
overdue_cap_days = {r.overdue_cap_days}  # {t("rules.file.w_cap")}
stalled_overdue_cap_days = {r.stalled_overdue_cap_days}  # {t("rules.file.w_stalled_cap")}
money_per_wan = {r.weight_money_wan}  # {t("rules.file.w_money")}
money_cap_wan = {r.money_cap_wan}  # {t("rules.file.w_money_cap")}

[score.reasons]
{c("reasons")}
{reasons}
"""
