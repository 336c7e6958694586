"""The options ``visit log`` and ``visit update`` share, and turning them into visit values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from kacli.commands._common import MAX_ID
from kacli.domain import relationship, text
from kacli.domain.dates import parse_date
from kacli.domain.money import parse_amount
from kacli.errors import BadInput
from kacli.i18n import t


def _opt(*names: str, help_key: str, metavar: str | None = None, **bounds):
    return typer.Option(*names, help=t(help_key), metavar=metavar, **bounds)


Contacts = Annotated[list[str] | None, _opt("--contact", "-c", help_key="help.visit.contact",
                                            metavar="REF")]
Kind = Annotated[str | None, _opt("--kind", "-k", help_key="help.visit.kind", metavar="KIND")]
Date = Annotated[str | None, _opt("--date", "-d", help_key="help.visit.date", metavar="DATE")]
Note = Annotated[str | None, _opt("--note", "-n", help_key="help.visit.note")]
Purpose = Annotated[str | None, _opt("--purpose", help_key="help.visit.purpose")]
GiftValue = Annotated[str | None, _opt("--gift-value", help_key="help.visit.gift_value",
                                       metavar="AMOUNT")]
Satisfaction = Annotated[str | None, _opt("--satisfaction", help_key="help.visit.satisfaction",
                                          metavar="1-5")]
Advance = Annotated[bool, typer.Option("--advance", help=t("help.visit.advance"))]
IntroducedBy = Annotated[str | None, _opt("--introduced-by", help_key="help.visit.introduced_by",
                                          metavar="CONTACT")]
AboutDeal = Annotated[str | None, _opt("--deal", help_key="help.visit.deal", metavar="DEAL")]
Done = Annotated[list[int] | None, _opt("--done", help_key="help.visit.done_next", metavar="ID", min=1, max=MAX_ID)]


def kind(value: str) -> str:
    return relationship.VISIT_KIND.parse(value)


def gift_value(value: str | None) -> int | None:
    """Fen; an empty value clears it (None)."""
    if value is None or not value.strip():
        return None
    return parse_amount(value)


def satisfaction(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    return text.integer(value, field="satisfaction", low=1, high=5)


def changes(*, kind_text: str | None, note: str | None, purpose: str | None,
            gift: str | None, score: str | None) -> dict[str, Any]:
    """The values ``visit update`` was given (an empty string clears a field)."""
    out: dict[str, Any] = {}
    if kind_text is not None:
        out["kind"] = kind(kind_text)
    if note is not None:
        out["note"] = text.free_text(note, field="visit_note")
    if purpose is not None:
        out["purpose"] = text.free_text(purpose, field="visit_purpose")
    if gift is not None:
        out["gift_value"] = gift_value(gift)
    if score is not None:
        out["satisfaction"] = satisfaction(score)
    return out


def logged(*, kind_text: str | None, date: str | None, note: str | None, planned: bool,
           purpose: str | None, gift: str | None, score: str | None, today: dt.date
           ) -> dict[str, Any]:
    """The values for a new visit, checked: its date, its gift value and satisfaction."""
    values = changes(kind_text=kind_text or "visit", note=note, purpose=purpose, gift=gift, score=score)
    values = {"kind": values["kind"], "note": values.get("note"), "purpose": values.get("purpose"),
              "gift_value": values.get("gift_value"), "satisfaction": values.get("satisfaction")}
    if planned and not date:
        raise BadInput("error.visit_planned_needs_date")
    day = parse_date(date, today, prefer="future" if planned else "past") if date else today
    relationship.check_date(day, today, planned=planned)
    relationship.check_extras(values["kind"], gift_value=values["gift_value"],
                              satisfaction=values["satisfaction"])
    return {**values, "date": day.isoformat(), "planned": planned}


def next_action(next_text: str | None, next_date: str | None, today: dt.date
                ) -> tuple[str | None, str | None]:
    """A next action's text and due date (ISO); both are needed, or neither."""
    if next_text is None and next_date is None:
        return None, None
    if next_text is None:
        raise BadInput("error.next_date_without_next")
    clean = text.name(next_text, field="next_action")
    if next_date is None:
        raise BadInput("error.next_needs_date")
    return clean, parse_date(next_date, today, prefer="future").isoformat()
