"""The words of the week list: reason texts, "when" labels, actions, score terms, grade parts.

Plain strings in the current language, no styling, so ``--json``, ``remind`` and the Rich table
share them without importing Rich. The catalogue's templates are looked up once per run, not
once per reason: a list of ten thousand customers has some forty thousand reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from kacli import i18n
from kacli.domain import vocab
from kacli.domain.money import format_amount
from kacli.domain.week import Item, Reason, Term
from kacli.i18n import t


@cache
def _words(lang: str) -> dict[str, str]:
    """Every template of the current language (``lang`` keys the cache)."""
    column = i18n.LANGS.index(lang)
    return {key: entry[column] or entry[0] for key, entry in i18n.messages().items()}


def _w() -> dict[str, str]:
    return _words(i18n.current())


class _Iso(dict):
    """date -> ISO text, made once per distinct day (a list repeats a few hundred days)."""

    def __missing__(self, day: dt.date) -> str:
        text = self[day] = day.isoformat()
        return text


_iso = _Iso()


def _day(value: Any) -> str:
    return _iso[value] if isinstance(value, dt.date) else str(value)


@cache
def _stage_label(code: str, lang: str) -> str:
    return vocab.DEAL_STAGE.label(code, lang)


def _stage(code: str) -> str:
    return _stage_label(code, i18n.current())


def _birthday(p: Mapping[str, Any], w: dict[str, str]) -> str:
    if not p["lunar"]:
        return w["reason.birthday"].format(contact=p["contact"], date=_day(p["date"]))
    month = w["reason.leap_month"].format(month=p["month"]) if p["leap"] else p["month"]
    return w["reason.birthday_lunar"].format(contact=p["contact"], date=_day(p["date"]), month=month,
                                             day=p["day"])


def _festival(p: Mapping[str, Any], w: dict[str, str]) -> str:
    name = w[p["name_key"]] if p["name_key"] else p["name"]
    return _counted(w, "reason.festival", p["days_left"]).format(
        name=name, days_left=p["days_left"], date=_day(p["date"]))


def _planned(p: Mapping[str, Any], w: dict[str, str]) -> str:
    key = "reason.planned_visit_missed" if p.get("missed") else "reason.planned_visit"
    key = key if p["purpose"] else key + "_bare"
    return w[key].format(date=_day(p["date"]), purpose=p["purpose"])


@cache
def _role_label(code: str, lang: str) -> str:
    return vocab.ROLE.label(code, lang)


def _role(code: str) -> str:
    return _role_label(code, i18n.current())


def _roles(p: Mapping[str, Any], w: dict[str, str]) -> str:
    missing = w["reason.missing.sep"].join(w[f"reason.missing.{flag}"] for flag in p["missing"])
    return w["reason.roles_uncovered"].format(title=p["title"], stage=_stage(p["stage"]), missing=missing)


def _counted(w: dict[str, str], key: str, n: int) -> str:
    """The template for a count ``n``: 1 day, not 1 days (i18n.plural_key)."""
    return w[i18n.plural_key(key, n, w)]


def _payment(code: str) -> Callable[[Mapping[str, Any], dict[str, str]], str]:
    def said(p: Mapping[str, Any], w: dict[str, str]) -> str:
        promised = p.get("promised")
        key = f"reason.{code}" if promised is None or promised <= p["due"] else f"reason.{code}_promised"
        return w[key].format(amount=format_amount(p["outstanding_fen"]), due=_day(p["due"]),
                             title=p["title"], promised=_day(promised) if promised else "")
    return said


_TEXT: dict[str, Callable[[Mapping[str, Any], dict[str, str]], str]] = {
    "never_contacted": lambda p, w: w["reason.never_contacted"].format(added=_day(p["added"])),
    "cadence": lambda p, w: _counted(
        w, "reason.cadence_after_purchase" if p.get("after_purchase") else "reason.cadence", p["days"]
    ).format(days=p["days"], interval=p["interval"]),
    "next_action": lambda p, w: w["reason.next_action"].format(text=p["text"]),
    "after_sale": lambda p, w: w["reason.after_sale"].format(text=p["text"]),
    "planned_visit": _planned,
    "birthday": _birthday,
    "festival": _festival,
    "deal_closing": lambda p, w: w["reason.deal_closing"].format(
        title=p["title"], expected_close=_day(p["expected_close"])),
    "deal_stalled": lambda p, w: _counted(
        w, "reason.deal_stalling" if p.get("upcoming") else "reason.deal_stalled", p["days_in_stage"]).format(
        title=p["title"], days_in_stage=p["days_in_stage"], stage=_stage(p["stage"]),
        threshold=p["threshold"], date=_day(p.get("stalls", ""))),
    "roles_uncovered": _roles,
    "key_tier_changed": lambda p, w: w["reason.key_tier_joined" if p["joined"] else "reason.key_tier_left"
                                       ].format(date=_day(p["date"])),
    "delivery": lambda p, w: w["reason.delivery"].format(title=p["title"], date=_day(p["date"])),
    "decision_maker_opposed": lambda p, w: w["reason.decision_maker_opposed"].format(
        title=p["title"], stage=_stage(p["stage"]), contact=p["contact"], role=_role(p["role"])),
    "decision_maker_not_met": lambda p, w: w["reason.decision_maker_not_met"].format(
        title=p["title"], stage=_stage(p["stage"]), contact=p["contact"]),
    "single_threaded": lambda p, w: w["reason.single_threaded"].format(
        title=p["title"], stage=_stage(p["stage"]), contact=p["contact"], days=p["days"]),
    "payment_due": _payment("payment_due"),
    "payment_overdue": _payment("payment_overdue"),
}


def reason_text(reason: Reason) -> str:
    """A reason in a few words, in the current language."""
    return _TEXT[reason.code](reason.params, _w())


def reasons_text(item: Item) -> str:
    w = _w()
    return w["reason.sep"].join([_TEXT[r.code](r.params, w) for r in item.reasons])


def todo(item: Item) -> str:
    """call: last contact 17 days ago, every 7 days (``remind``'s last part)."""
    w = _w()
    return w["remind.do"].format(action=w[f"action.{item.action}"], reasons=reasons_text(item))


def action(code: str) -> str:
    return _w()[f"action.{code}"]


def when(due: dt.date, today: dt.date) -> str:
    """overdue 3d / today / tomorrow / Wed 11-25 (the year too when it is not this year's)."""
    return _when(due, today, i18n.current())


@cache
def _when(due: dt.date, today: dt.date, lang: str) -> str:
    """``when`` made once per day: ten thousand rows fall on a few hundred days."""
    w = _words(lang)
    if due < today:
        return w["week.when.overdue"].format(days=(today - due).days)
    if due == today:
        return w["week.when.today"]
    if due == today + dt.timedelta(days=1):
        return w["week.when.tomorrow"]
    date = due.strftime("%m-%d") if due.year == today.year else due.isoformat()
    return w["week.when.day"].format(weekday=w[f"week.weekday.{due.weekday()}"], date=date)


def customer_label(item: Item) -> str:
    """华信地产 (A★): the grade and the key-tier mark, when there are any."""
    mark = (item.grade or "") + ("★" if item.key_account else "")
    return f"{item.customer} ({mark})" if mark else item.customer


def whom(item: Item) -> str:
    """Whom to call and on which phone: an organisation with no contact yet on its own number."""
    who = _w()["week.nobody"] if item.contact is None else item.contact
    return f"{who} {item.phone}" if item.phone else who


def term_label(term: Term, grade: str | None) -> str:
    name = term.name
    if name == "grade":
        return t("term.grade", grade=grade) if grade else t("term.ungraded")
    if name.startswith("reason."):
        return t("term.reason", name=t(f"reason.name.{name[7:]}"))
    return t(f"term.{name}")


def reason_json(reason: Reason) -> dict[str, Any]:
    return {"code": reason.code, "text": reason_text(reason), "due": _iso[reason.due]}


def item_json(item: Item) -> dict[str, Any]:
    """One row in exactly the documented shape (scripts depend on it)."""
    w = _w()
    return {
        "customer": item.customer, "customer_id": item.customer_id, "contact": item.contact,
        "contact_id": item.contact_id, "grade": item.grade, "key_account": item.key_account,
        "due": _iso[item.due], "overdue_days": item.overdue_days, "score": item.score,
        "action": item.action, "phone": item.phone,
        "reasons": [_reason_json(r, w) for r in item.reasons],
    }


def _reason_json(reason: Reason, w: dict[str, str]) -> dict[str, Any]:
    """code, text and due; ``deal_id`` too when the reason is about a deal (the id ``deal show``
    takes), so a script can find the deal's risks on both screens."""
    out = {"code": reason.code, "text": _TEXT[reason.code](reason.params, w), "due": _iso[reason.due]}
    deal_id = reason.params.get("deal_id")
    if deal_id is not None:
        out["deal_id"] = deal_id
    return out


def terms_json(item: Item) -> list[dict[str, Any]]:
    return [{"term": term.name, "value": term.value, "weight": term.weight,
             "contribution": term.contribution} for term in item.terms]


# ---- customer show: the grade and the next due date --------------------------------------

def grade_part(code: str, params: Mapping[str, Any]) -> str:
    """One piece of a grade's explanation (``kacli.domain.grading.Part``) in words."""
    lang = i18n.current()
    if code == "buy_within":
        return t("grade.part.buy_within", buy_within=vocab.BUY_WITHIN.label(params["buy_within"], lang))
    if code == "cycle":
        label = vocab.CYCLE.label(params["cycle"], lang)
        if params["from"] == "history":
            return t("grade.part.cycle_history", cycle=label, median_gap_days=f"{params['median_gap_days']:g}")
        return t("grade.part.cycle", cycle=label)
    if code == "batch":
        label = vocab.BATCH.label(params["batch"], lang)
        if params["from"] == "history":
            return t("grade.part.batch_history", batch=label, average=format_amount(params["average_fen"]))
        return t("grade.part.batch", batch=label)
    if code == "expected_purchase":
        if params["days"] < 0:
            return t("grade.part.expected_passed", date=_day(params["date"]), days=-params["days"])
        return t("grade.part.expected_purchase", date=_day(params["date"]), days=params["days"])
    return t(f"grade.part.{code}", **params)


def next_due_line(item: Item | None) -> str:
    """2026-11-20 (overdue 3d) — call: last contact 17 days ago, every 7 days"""
    if item is None:
        return t("next_due.none")
    due = _iso[item.due]
    if item.overdue_days:
        due += f" ({_w()['week.when.overdue'].format(days=item.overdue_days)})"
    return t("next_due.line", when=due, action=action(item.action), reasons=reasons_text(item))


def next_due_json(item: Item | None) -> dict[str, Any] | None:
    """``customer show --json``'s ``next_due``: the row's keys that are about the customer's
    schedule (``due``, ``overdue_days``, ``score``, ``action``, ``reasons``, and whom to call)."""
    if item is None:
        return None
    data = item_json(item)
    return {key: data[key] for key in ("due", "overdue_days", "score", "action", "contact", "contact_id",
                                       "reasons")}
