"""Contacts as vCards (3.0, what khard, Android, iOS and Thunderbird all read), with vobject.

Export: one card per contact — FN and N (the whole name as the family name: a Chinese name is not
split into given and family names by guesswork), ORG (the customer; the department as its unit),
TITLE, TEL, EMAIL, BDAY for a solar birthday (``--MM-DD`` when the year is unknown), CATEGORIES
for buying roles, NOTE with the lunar birthday and WeChat, and the lunar birthday again in
``X-KACLI-LUNAR-BIRTHDAY`` (``[YYYY-]MM-DD``, parameter ``X-LEAP=TRUE`` for a leap month).

Import: each card's ORG is its customer (found by name, or added), or ``--customer``; a card with
no ORG is an individual buyer, its own customer. A card that is only an organisation (its FN is
its ORG, or ``KIND:org``) adds the customer alone. Cards go through the same checks and the
same duplicate rules as ``import contacts``. A text birthday (``BDAY;VALUE=text:circa 1800``)
is not a date and is left out; of several e-mail addresses the first is kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any

from kacli.domain import sheet_fields, sheet_rows
from kacli.errors import BadInput
from kacli.services.importing import Row, Sheet
from kacli.store.db import Db

_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})")


def _values(card, name: str) -> list[Any]:
    return [item.value for item in card.contents.get(name, [])]


def _first(card, name: str) -> str:
    found = _values(card, name)
    value = found[0] if found else ""
    if isinstance(value, list):
        value = ",".join(str(v) for v in value)
    return str(value).strip()


def _org(card) -> tuple[str, str]:
    found = _values(card, "org")
    parts = found[0] if found else []
    parts = [parts] if isinstance(parts, str) else [str(p).strip() for p in parts]
    parts = [p for p in parts if p]
    return (parts[0] if parts else "", parts[1] if len(parts) > 1 else "")


def _birthday(card) -> str:
    lunar = card.contents.get("x-kacli-lunar-birthday")
    if lunar:
        leap = str(lunar[0].params.get("X-LEAP", [""])[0]).upper() == "TRUE"
        return f"农历{'闰' if leap else ''}{lunar[0].value.strip()}"
    items = card.contents.get("bday", [])
    if not items or str(items[0].params.get("VALUE", [""])[0]).lower() == "text":
        return ""
    raw = str(items[0].value).strip()
    if m := _DATE.match(raw):
        return f"{m[1]}-{m[2]}-{m[3]}"
    if m := _NO_YEAR.match(raw):
        return f"{m[1]}-{m[2]}"
    return ""  # not a date a birthday can be kept from


def _phones(card) -> str:
    return ", ".join(re.sub(r"^tel:", "", str(v).strip(), flags=re.IGNORECASE) for v in _values(card, "tel") if v)


def read(data: bytes) -> list:
    import vobject  # heavy: only when reading vCards

    text = data.decode("utf-8-sig", errors="replace")
    try:
        return list(vobject.readComponents(text, ignoreUnreadable=True))
    except Exception as exc:  # vobject raises its own ParseError and plain ValueErrors
        raise BadInput("error.vcard_unreadable", detail=str(exc)[:200]) from None


def import_sheets(data: bytes, customer: str | None, *, today: dt.date) -> list[Sheet]:
    """The customers the cards name (added where new) and their contacts, as two sheets."""
    rules = sheet_rows.ImportMap()
    people, orgs = [], {}
    for number, card in enumerate(read(data), start=1):
        name = _first(card, "fn") or " ".join(p for p in str(_first(card, "n")).split() if p)
        org, department = _org(card)
        only_org = _first(card, "kind").lower() == "org" or (org and name == org)
        owner = customer or org or name
        if not customer and owner:
            orgs.setdefault(owner, (number, "org" if org else "person"))
        if only_org:
            continue
        roles = ", ".join(str(c) for v in _values(card, "categories") for c in (v if isinstance(v, list) else [v]))
        cells = {"customer": owner, "name": name, "title": _first(card, "title"), "department": department,
                 "phones": _phones(card), "email": _first(card, "email"), "birthday": _birthday(card)}
        values, errors = sheet_rows.read_row("contacts", cells, today, rules)
        if roles:
            with contextlib.suppress(BadInput):  # a phone's own categories (家人, 同事) are not buying roles
                values["roles"] = sheet_rows.read_cell(sheet_fields.field("contacts", "roles"), roles, today, None)
        people.append(Row(number, list(cells.values()), values,
                          [(e.column, e.error.message()) for e in errors]))
    customers = [Row(n, [o], {"name": o, "kind": kind}) for o, (n, kind) in orgs.items()]
    sheets = [Sheet("customers", ["name"], customers, [])] if customers else []
    return sheets + [Sheet("contacts", list(cells_headers()), people, [])]


def cells_headers() -> tuple[str, ...]:
    return ("customer", "name", "title", "department", "phones", "email", "birthday")


def export(db: Db, customer_id: int | None) -> bytes:
    import vobject  # heavy: only when writing vCards

    from kacli import i18n
    from kacli.domain import vocab
    from kacli.i18n import t
    from kacli.store import export_rows

    cards = []
    for c in export_rows.contacts(db):
        if customer_id is not None and c["customer_id"] != customer_id:
            continue
        card = vobject.vCard()
        card.add("version").value = "3.0"
        card.add("uid").value = f"kacli-contact-{c['id']}"
        card.add("fn").value = c["name"]
        card.add("n").value = vobject.vcard.Name(family=c["name"])
        card.add("org").value = [c["customer"], *([c["department"]] if c["department"] else [])]
        if c["title"]:
            card.add("title").value = c["title"]
        for phone in c["phones"]:
            tel = card.add("tel")
            tel.value, tel.type_param = phone, "CELL"
        if c["email"]:
            email = card.add("email")
            email.value, email.type_param = c["email"], "INTERNET"
        notes = []
        b = c["birthday"]
        if b and not b.lunar:
            day = f"{b.month:02d}-{b.day:02d}"
            card.add("bday").value = f"{b.year:04d}-{day}" if b.year else f"--{day}"
        elif b:
            lunar = card.add("x-kacli-lunar-birthday")
            lunar.value = sheet_rows.birthday_text(b)
            if b.leap:
                lunar.params["X-LEAP"] = ["TRUE"]
            notes.append(t("vcard.lunar_note", date=("闰" if b.leap else "") + sheet_rows.birthday_text(b)))
        if c["wechat"]:
            notes.append(f"WeChat: {c['wechat']}")
        if notes:
            card.add("note").value = "\n".join(notes)
        if c["roles"]:
            card.add("categories").value = [vocab.ROLE.label(r, i18n.current()) for r in c["roles"]]
        cards.append(card.serialize())
    return "".join(cards).encode("utf-8")
