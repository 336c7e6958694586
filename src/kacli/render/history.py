"""A change row as the user reads it: fields by their labels, codes by their names, money in ¥.

The change log keeps codes and data (``kacli.store.history``): enum codes, ``yes``/``no``, money
in fen, lists as JSON, and field codes with their subject (``deal:<title>:price``,
``competitor:<name>:style``). ``--json`` prints them as stored; people read them here.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from kacli import i18n
from kacli.domain import vocab
from kacli.domain.money import format_amount
from kacli.i18n import t
from kacli.render import field_name
from kacli.render.notes import note_text, reworded_action

_VOCABULARIES = {
    "kind": vocab.KIND, "scope": vocab.SCOPE, "ownership": vocab.OWNERSHIP,
    "lead_source": vocab.LEAD_SOURCE, "status": vocab.STATUS, "buy_within": vocab.BUY_WITHIN,
    "purchase_cycle": vocab.CYCLE, "batch": vocab.BATCH, "grade_manual": vocab.GRADE,
    "attitude": vocab.ATTITUDE, "stage": vocab.STAGE, "outcome": vocab.OUTCOME,
    "position": vocab.POSITION,
}
_MONEY = {"annual_revenue", "amount", "price", "budget", "gift_value"}
_FLAGS = {"need", "can_pay", "has_authority", "industry_fit", "has_project_info", "tech_fit",
          "credit_good", "size_sound", "reach_department", "reach_decision_maker", "is_primary",
          "birthday_lunar", "birthday_leap", "planned"}
_DEAL_FIELDS = {"title", "amount", "price", "budget", "chance", "expected_close", "outcome",
                "stage", "purchase_plan", "problem", "timetable", "process", "delivery_date",
                "warranty", "payment_terms", "service", "contract_date", "delivered_on",
                "closed_on", "lost_reason", "hold_until", "hold_reason", "promised"}
_COMPETITOR_FIELDS = {"product", "satisfaction", "salesperson", "style", "relationship"}


def _label(key: str, code: str) -> str:
    return i18n.label_or_code(key, code)


def _split(code: str) -> tuple[str, str, str]:
    """(subject kind, subject name, leaf field): ``deal:年终礼品茶:price`` -> deal, 年终礼品茶, price."""
    for kind in ("deal", "competitor"):
        if code.startswith(kind + ":") and code.count(":") >= 2:
            name, _, leaf = code[len(kind) + 1:].rpartition(":")
            return kind, name, leaf
    return "", "", code


def field_text(code: str) -> str:
    """The field column: "Price of deal 年终礼品茶", "关系阶段", a named fact by its name."""
    kind, name, leaf = _split(code)
    if kind == "deal":
        if leaf in _DEAL_FIELDS:
            what = _label(f"deal.label.{leaf}", leaf) if leaf not in ("closed_on", "hold_until") \
                else t(f"history.deal.{leaf}")
        elif leaf == "role" or leaf in vocab.ROLE.codes:
            what = vocab.ROLE.label(leaf, i18n.current()) if leaf != "role" else t("deal.col.role")
        else:
            what = leaf
        return t("history.subject.deal", title=name, field=what)
    if kind == "competitor":
        what = _label(f"comp.{leaf}", leaf) if leaf in _COMPETITOR_FIELDS else leaf
        return t("history.subject.competitor", name=name, field=what)
    if code in ("created", "deal"):
        return t(f"history.field.{code}")
    return field_name(code)


def _list(stored: str, word: Callable[[str], str]) -> str:
    try:
        items = json.loads(stored)
    except ValueError:
        return stored
    if not isinstance(items, list):
        return stored
    return i18n.join_words(word(str(item)) for item in items)


def _birthday(stored: str) -> str:
    from kacli.render.contacts import birthday_text

    rest, lunar, leap = stored, False, False
    if rest.startswith("lunar "):
        rest, lunar = rest[len("lunar "):], True
        if rest.startswith("leap "):
            rest, leap = rest[len("leap "):], True
    parts = rest.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return stored
    year, (month, day) = (numbers[0] if len(numbers) == 3 else None), numbers[-2:]
    return birthday_text({"year": year, "month": month, "day": day, "lunar": lunar, "leap": leap})


def value_text(code: str, stored: str | None) -> str:
    """An old or new value in the user's words; text the user typed stays as typed."""
    if stored is None:
        return ""
    lang = i18n.current()
    kind, _, leaf = _split(code)
    if kind == "deal" and leaf == "stage":
        return vocab.DEAL_STAGE.label(stored, lang)
    if kind == "deal" and (leaf == "role" or leaf in vocab.ROLE.codes):
        # A role link keeps the attitude for the deal, or the role itself when none was given.
        if stored in vocab.ATTITUDE.codes:
            return vocab.ATTITUDE.label(stored, lang)
        return t("history.linked") if stored in (leaf, "role") else vocab.ROLE.label(stored, lang)
    if leaf in _VOCABULARIES:
        return _VOCABULARIES[leaf].label(stored, lang)
    if leaf in _FLAGS and stored in ("yes", "no", "True", "False", "1", "0"):
        return t("label.yes") if stored in ("yes", "True", "1") else t("label.no")
    if leaf in _MONEY and stored.lstrip("-").isdigit():
        return format_amount(int(stored))
    if leaf == "employees" and stored.isdigit():
        return f"{int(stored):,}"
    if leaf == "chance" and stored.isdigit():
        return f"{stored}%"
    if leaf == "roles":
        return _list(stored, lambda r: vocab.ROLE.label(r, lang))
    if leaf in ("phones", "product_lines", "tags"):
        return _list(stored, str)
    if leaf == "birthday":
        return _birthday(stored)
    if code == "next_action_done":
        return reworded_action(stored)
    return note_text(stored) or ""


def when(at: str) -> str:
    """An instant as the history shows it: ``2026-09-14 11:22:05`` (UTC)."""
    return at.replace("T", " ").rstrip("Z")
