"""The options shared by ``deal add`` and ``deal update``, and turning them into column values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from kacli.domain import text, vocab
from kacli.domain.dates import parse_date
from kacli.domain.money import parse_amount
from kacli.errors import BadInput
from kacli.i18n import t


def _opt(*names: str, help_key: str, metavar: str | None = None):
    return typer.Option(*names, help=t(help_key), metavar=metavar)


Amount = Annotated[str | None, _opt("--amount", help_key="help.deal.amount", metavar="AMOUNT")]
Close = Annotated[str | None, _opt("--close", help_key="help.deal.close", metavar="DATE")]
Stage = Annotated[str | None, _opt("--stage", help_key="help.deal.stage", metavar="STAGE")]
Chance = Annotated[str | None, _opt("--chance", help_key="help.deal.chance", metavar="PCT|auto")]
Plan = Annotated[str | None, _opt("--plan", help_key="help.deal.plan")]
Problem = Annotated[str | None, _opt("--problem", help_key="help.deal.problem")]
Timetable = Annotated[str | None, _opt("--timetable", help_key="help.deal.timetable")]
Budget = Annotated[str | None, _opt("--budget", help_key="help.deal.budget", metavar="AMOUNT")]
Process = Annotated[str | None, _opt("--process", help_key="help.deal.process")]
Competitors = Annotated[list[str] | None, _opt("--competitor", help_key="help.deal.competitor",
                                               metavar="NAME[=POSITION]")]
NoCompetitor = Annotated[bool, _opt("--no-competitor", help_key="help.deal.no_competitor")]
Price = Annotated[str | None, _opt("--price", help_key="help.deal.price", metavar="AMOUNT")]
Delivery = Annotated[str | None, _opt("--delivery", help_key="help.deal.delivery", metavar="DATE")]
Warranty = Annotated[str | None, _opt("--warranty", help_key="help.deal.warranty")]
PaymentTerms = Annotated[str | None, _opt("--payment-terms", help_key="help.deal.payment_terms")]
Service = Annotated[str | None, _opt("--service", help_key="help.deal.service")]
Note = Annotated[str | None, _opt("--note", help_key="help.deal.update_note", metavar="TEXT")]
ContractDate = Annotated[str | None, _opt("--contract-date", help_key="help.deal.contract_date",
                                          metavar="DATE")]

_AUTO = ("auto", "自动", "自動")
# Error messages name a field by its ``field.*`` label; these columns have more telling names.
_FIELD_NAMES = {"process": "purchase_process", "service": "after_sales_service"}


def chance(value: str) -> int | None:
    """A percentage 0–100 (``30`` or ``30%``); ``auto`` goes back to the stage's default."""
    cleaned = value.strip().rstrip("%％").strip()
    if cleaned.lower() in _AUTO:
        return None
    return text.integer(cleaned, field="chance", low=0, high=100)


def stage(value: str) -> str:
    return vocab.DEAL_STAGE.parse(value)


def _amount(value: str) -> int | None:
    return parse_amount(value) if value.strip() else None


def _date(value: str, today: dt.date) -> str | None:
    return parse_date(value, today).isoformat() if value.strip() else None


def values(options: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Column values for the options given (None = not given); an empty string clears a field."""
    parsers = {
        "amount": _amount, "budget": _amount, "price": _amount,
        "chance": chance,
        "stage": stage,
        "expected_close": lambda v: _date(v, today),
        "delivery_date": lambda v: _date(v, today),
        "contract_date": lambda v: _date(v, today),
    }
    out: dict[str, Any] = {}
    for field, value in options.items():
        if value is None:
            continue
        if field in parsers:
            out[field] = parsers[field](value)
        else:
            out[field] = text.free_text(value, field=_FIELD_NAMES.get(field, field))
    return out


def competitors(pairs: list[str] | None) -> dict[str, str | None]:
    """``NAME[=POSITION]`` pairs as {name: position code or None}; a position in any spelling."""
    out: dict[str, str | None] = {}
    for pair in pairs or []:
        name, sep, position = pair.replace("＝", "=").partition("=")
        clean = text.name(name, field="competitor")
        out[clean] = vocab.POSITION.parse(position) if sep and position.strip() else out.get(clean)
    return out


def removed_competitors(names: list[str] | None) -> list[str]:
    return [text.name(n, field="competitor") for n in names or []]


def note(value: str | None) -> str | None:
    """A note on the deal (``deal update --note``); a blank one is refused, not dropped."""
    if value is None:
        return None
    cleaned = text.free_text(value, field="deal_note")
    if cleaned is None:
        raise BadInput("error.empty", field="deal_note")
    return cleaned


def outcome_date(value: str | None, today: dt.date) -> dt.date:
    """When something already happened: default today, never in the future."""
    day = today if value is None else parse_date(value, today, prefer="past")
    if day > today:
        raise BadInput("error.sales_future_date", value=value)
    return day
