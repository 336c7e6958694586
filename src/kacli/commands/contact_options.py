"""The options shared by ``contact add`` and ``contact update``, and turning them into values."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from kacli.domain import text, vocab
from kacli.domain.birthdays import parse_birthday
from kacli.errors import BadInput
from kacli.i18n import t


def _opt(*names: str, help_key: str, metavar: str | None = None):
    return typer.Option(*names, help=t(help_key), metavar=metavar)


def _text(option: str, key: str):
    return Annotated[str | None, _opt(option, help_key=f"help.contact.{key}")]


# Work facts
Title = _text("--title", "title")
Department = _text("--department", "department")
Roles = Annotated[list[str] | None, _opt("--role", help_key="help.contact.role",
                                         metavar="ROLE")]
Attitude = Annotated[str | None, _opt("--attitude", help_key="help.contact.attitude",
                                      metavar="supporter|neutral|opponent")]
Stage = Annotated[str | None, _opt("--stage", help_key="help.contact.stage",
                                   metavar="acquainted|dating|trust|alliance")]
StageUpdate = Annotated[str | None, _opt("--stage", help_key="help.contact.stage_update",
                                         metavar="acquainted|dating|trust|alliance")]
Primary = Annotated[bool | None, typer.Option("--primary/--not-primary",
                                              help=t("help.contact.primary"))]
Phones = Annotated[list[str] | None, _opt("--phone", help_key="help.contact.phone", metavar="PHONE")]
Email = _text("--email", "email")
Wechat = _text("--wechat", "wechat")
# Birthday
BirthdayOpt = Annotated[str | None, _opt("--birthday", help_key="help.contact.birthday",
                                         metavar="[YYYY-]MM-DD")]
Lunar = Annotated[bool, typer.Option("--lunar", help=t("help.contact.lunar"))]
Leap = Annotated[bool, typer.Option("--leap", help=t("help.contact.leap"))]
# The seed's personal facts
Family = _text("--family", "family")
Hometown = _text("--hometown", "hometown")
University = _text("--university", "university")
Sports = _text("--sports", "sports")
Food = _text("--food", "food")
Pets = _text("--pets", "pets")
Books = _text("--books", "books")
LastHoliday = _text("--last-holiday", "last_holiday")
NextHoliday = _text("--next-holiday", "next_holiday")
Travel = _text("--travel", "travel")
OrgRole = _text("--org-role", "org_role")
Colleagues = _text("--colleagues", "colleagues")
Goals = _text("--goals", "goals")
Career = _text("--career", "career")
SetFacts = Annotated[list[str] | None, _opt("--set", help_key="help.opt.set", metavar="KEY=VALUE")]
Unset = Annotated[list[str] | None, _opt("--unset", help_key="help.opt.unset", metavar="KEY")]


def _line(value: str, field: str) -> str | None:
    """A one-line value; an empty one clears the field."""
    return text.name(value, field=field) if value.strip() else None


def _email(value: str) -> str | None:
    cleaned = _line(value, "email")
    if cleaned is None:
        return None
    local, at, domain = cleaned.partition("@")
    if not (at and local and domain) or any(ch.isspace() for ch in cleaned):
        raise BadInput("error.invalid_email", value=cleaned)
    return cleaned


_PARSERS = {
    "title": lambda v: _line(v, "title"),
    "department": lambda v: _line(v, "department"),
    "roles": lambda v: vocab.ROLE.parse_many(v),
    "attitude": lambda v: vocab.ATTITUDE.parse(v) if v.strip() else None,
    "stage": lambda v: vocab.STAGE.parse(v),
    "phones": lambda v: text.items(v, field="phone"),
    "email": _email,
    "wechat": lambda v: _line(v, "wechat"),
}


def values(options: dict[str, Any], birthday: str | None = None, lunar: bool = False,
           leap: bool = False) -> dict[str, Any]:
    """Column values for the options the user gave (None = not given, so not changed).

    An empty string clears a field (``--email ""``, ``--birthday ""``); ``--role`` and
    ``--phone`` replace the whole list. ``birthday`` is a ``Birthday`` (or None to clear).
    """
    out: dict[str, Any] = {}
    for field, value in options.items():
        if value is None:
            continue
        if field in _PARSERS:
            out[field] = _PARSERS[field](value)
        elif isinstance(value, bool):
            out[field] = value
        else:
            out[field] = text.free_text(value, field=field)
    if birthday is not None:
        out["birthday"] = parse_birthday(birthday, lunar=lunar, leap=leap)
    elif leap and not lunar:
        raise BadInput("error.leap_needs_lunar")
    elif lunar or leap:
        raise BadInput("error.lunar_needs_birthday")
    return out


def facts(pairs: list[str] | None) -> dict[str, str]:
    return dict(text.key_value(p) for p in pairs or [])


def unset_keys(keys: list[str] | None) -> list[str]:
    return [text.name(k, field="key") for k in keys or []]
