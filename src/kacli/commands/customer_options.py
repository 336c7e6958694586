"""The options shared by ``customer add`` and ``customer update``, and turning them into values."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from kacli.domain import text, vocab
from kacli.domain.dates import parse_date
from kacli.domain.money import parse_amount
from kacli.i18n import t


def _opt(*names: str, help_key: str, metavar: str | None = None):
    return typer.Option(*names, help=t(help_key), metavar=metavar)


Kind = Annotated[str | None, _opt("--kind", help_key="help.customer.kind", metavar="org|person")]
KindUpdate = Annotated[str | None, _opt("--kind", help_key="help.customer.kind_update",
                                        metavar="org|person")]
Scope = Annotated[str | None, _opt("--scope", help_key="help.customer.scope")]
Industry = Annotated[str | None, _opt("--industry", help_key="help.customer.industry")]
Ownership = Annotated[str | None, _opt("--ownership", help_key="help.customer.ownership")]
Country = Annotated[str | None, _opt("--country", help_key="help.customer.country")]
Employees = Annotated[str | None, _opt("--employees", help_key="help.customer.employees",
                                       metavar="N")]
Revenue = Annotated[str | None, _opt("--revenue", help_key="help.customer.revenue",
                                     metavar="AMOUNT")]
Credit = Annotated[str | None, _opt("--credit", help_key="help.customer.credit")]
Address = Annotated[str | None, _opt("--address", help_key="help.customer.address")]
Phones = Annotated[list[str] | None, _opt("--phone", help_key="help.customer.phone")]
Source = Annotated[str | None, _opt("--source", help_key="help.customer.source")]
Products = Annotated[list[str] | None, _opt("--product", help_key="help.customer.product")]
Tech = Annotated[str | None, _opt("--tech", help_key="help.customer.tech")]
BuyingDept = Annotated[str | None, _opt("--buying-dept", help_key="help.customer.buying_dept")]
SupportDepts = Annotated[str | None, _opt("--support-depts",
                                          help_key="help.customer.support_depts")]
OrgNotes = Annotated[str | None, _opt("--org-notes", help_key="help.customer.org_notes")]
Business = Annotated[str | None, _opt("--business", help_key="help.customer.business")]
Tags = Annotated[list[str] | None, _opt("--tag", help_key="help.customer.tag")]
Status = Annotated[str | None, _opt("--status", help_key="help.customer.status")]
BuyWithin = Annotated[str | None, _opt("--buy-within", help_key="help.customer.buy_within",
                                       metavar="1w|1m|3m|6m")]
ExpectPurchase = Annotated[str | None, _opt("--expect-purchase",
                                            help_key="help.customer.expect_purchase",
                                            metavar="DATE")]
Cycle = Annotated[str | None, _opt("--cycle", help_key="help.customer.cycle",
                                   metavar="short|long")]
Batch = Annotated[str | None, _opt("--batch", help_key="help.customer.batch",
                                   metavar="large|small")]
Grade = Annotated[str | None, _opt("--grade", help_key="help.customer.grade",
                                   metavar="O|A|B|C|D|auto")]
GradeReason = Annotated[str | None, _opt("--grade-reason", help_key="help.customer.grade_reason")]
SetFacts = Annotated[list[str] | None, _opt("--set", help_key="help.opt.set", metavar="KEY=VALUE")]


def _flag(yes: str, no: str, key: str):
    return Annotated[bool | None, typer.Option(f"--{yes}/--{no}", help=t(key))]


Need = _flag("need", "no-need", "help.customer.need")
CanPay = _flag("can-pay", "cannot-pay", "help.customer.can_pay")
Authority = _flag("authority", "no-authority", "help.customer.authority")
IndustryFit = _flag("industry-fit", "no-industry-fit", "help.customer.industry_fit")
ProjectInfo = _flag("project-info", "no-project-info", "help.customer.project_info")
TechFit = _flag("tech-fit", "no-tech-fit", "help.customer.tech_fit")
GoodCredit = _flag("good-credit", "poor-credit", "help.customer.good_credit")
SoundSize = _flag("sound", "not-sound", "help.customer.sound")
ReachDept = _flag("reach-dept", "no-reach-dept", "help.customer.reach_dept")
ReachDm = _flag("reach-dm", "no-reach-dm", "help.customer.reach_dm")


# The options that set a customer's fields, and the column each sets where the names differ.
FIELD_OPTIONS = (
    "kind", "scope", "industry", "ownership", "country", "employees", "revenue", "credit",
    "address", "phone", "source", "product", "tech", "buying_dept", "support_depts", "org_notes",
    "business", "tag", "status", "buy_within", "expect_purchase", "cycle", "batch", "grade",
    "grade_reason", "need", "can_pay", "authority", "industry_fit", "project_info", "tech_fit",
    "good_credit", "sound", "reach_dept", "reach_dm",
)
_COLUMN = {
    "country": "ownership_country", "revenue": "annual_revenue", "credit": "credit_rating",
    "phone": "phones", "source": "lead_source", "product": "product_lines", "tech": "tech_notes",
    "buying_dept": "buying_department", "support_depts": "supporting_departments",
    "business": "business_notes", "tag": "tags", "expect_purchase": "expected_purchase",
    "cycle": "purchase_cycle", "grade": "grade_manual", "authority": "has_authority",
    "project_info": "has_project_info", "good_credit": "credit_good", "sound": "size_sound",
    "reach_dept": "reach_department", "reach_dm": "reach_decision_maker",
}


def columns(options: dict[str, Any]) -> dict[str, Any]:
    """The field options a command received, keyed by the column each one sets."""
    return {_COLUMN.get(name, name): options[name] for name in FIELD_OPTIONS}


def _choice(vocabulary: vocab.Vocabulary, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return vocabulary.parse(value)


def values(options: dict[str, Any], today) -> dict[str, Any]:
    """Column values for the options the user gave (None = not given, so not changed).

    An empty string clears a field: ``--industry ""``.
    """
    given = {k: v for k, v in options.items() if v is not None}
    out: dict[str, Any] = {}
    parsers = {
        "kind": lambda v: vocab.KIND.parse(v),
        "scope": lambda v: _choice(vocab.SCOPE, v),
        "ownership": lambda v: _choice(vocab.OWNERSHIP, v),
        "lead_source": lambda v: _choice(vocab.LEAD_SOURCE, v),
        "status": lambda v: vocab.STATUS.parse(v),
        "buy_within": lambda v: _choice(vocab.BUY_WITHIN, v),
        "purchase_cycle": lambda v: _choice(vocab.CYCLE, v),
        "batch": lambda v: _choice(vocab.BATCH, v),
        "grade_manual": lambda v: None if v.strip().lower() in ("", "auto", "自动", "自動")
        else vocab.GRADE.parse(v),
        "employees": lambda v: text.integer(v, field="employees", high=10**8) if v.strip() else None,
        "annual_revenue": lambda v: parse_amount(v) if v.strip() else None,
        "expected_purchase": lambda v: parse_date(v, today).isoformat() if v.strip() else None,
        "phones": lambda v: text.items(v, field="phone"),
        "product_lines": lambda v: text.items(v, field="product"),
        "tags": lambda v: text.items(v, field="tag"),
    }
    for field, value in given.items():
        if field in parsers:
            out[field] = parsers[field](value)
        elif isinstance(value, bool):
            out[field] = value
        else:
            out[field] = text.free_text(value, field=field)
    return out


def facts(pairs: list[str] | None) -> dict[str, str]:
    return dict(text.key_value(p) for p in pairs or [])
