"""How visits and next actions look: tables, a visit's panel, JSON, and what ``visit log`` says."""

from __future__ import annotations

from typing import Any

from kacli import i18n
from kacli.domain import relationship, vocab
from kacli.domain.money import format_amount
from kacli.i18n import t
from kacli.render import message, out, text, warn
from kacli.render.notes import action_text

# The label of each visit field, in the order "Updated visit #5: Date, Note" lists them.
_FIELD_LABELS = {
    "date": "col.date", "kind": "visit.col.kind", "note": "visit.col.note",
    "purpose": "visit.col.purpose", "gift_value": "visit.col.gift_value",
    "satisfaction": "comp.satisfaction", "contacts": "col.contacts", "planned": "visit.col.planned",
}


def kind_label(code: str) -> str:
    return relationship.VISIT_KIND.label(code, i18n.current())


def stage_label(code: str | None) -> str:
    return vocab.STAGE.label(code, i18n.current())


def _names(people) -> str:
    return t("visit.sep").join(p["name"] if isinstance(p, dict) else p.name for p in people)


# ---- JSON -----------------------------------------------------------------------------------

def visit_json(v: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": v["id"], "customer_id": v["customer_id"], "customer": v["customer"],
        "date": v["date"], "kind": v["kind"], "marks_stage": relationship.marked_stage(v["kind"]),
        "planned": v["planned"], "purpose": v["purpose"], "note": v["note"],
        "gift_value_fen": v["gift_value"], "satisfaction": v["satisfaction"],
        "contacts": [{"id": c["id"], "name": c["name"]} for c in v["contacts"]],
        "introduced_by": ({"id": v["introduced_by"], "name": v["introduced_by_name"]}
                          if v.get("introduced_by") else None),
        "deal": {"id": v["deal_id"], "title": v["deal_title"]} if v.get("deal_id") else None,
        "created_at": v["created_at"],
    }


def next_json(a: dict[str, Any]) -> dict[str, Any]:
    """A next action (with ``overdue`` marked by ``services.visits.mark_overdue``) for --json."""
    return {
        "id": a["id"], "customer_id": a["customer_id"], "customer": a["customer"],
        "contact_id": a["contact_id"], "contact": a["contact"], "visit_id": a["visit_id"],
        "deal_id": a["deal_id"], "kind": a["kind"], "text": action_text(a), "due": a["due"],
        "overdue": a["overdue"],
        "done_on": a["done_on"], "created_at": a["created_at"],
    }


def show_json(v: dict[str, Any], actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {**visit_json(v), "next_actions": [next_json(a) for a in actions]}


# ---- tables ---------------------------------------------------------------------------------

def _details(v: dict[str, Any]) -> str:
    parts = [v["note"] or ""]
    if v["gift_value"] is not None:
        parts.append(t("visit.gift_worth", amount=format_amount(v["gift_value"])))
    if v["satisfaction"] is not None:
        parts.append(t("visit.satisfaction_is", score=v["satisfaction"]))
    return " · ".join(p for p in parts if p)


def visits_table(rows: list[dict[str, Any]], *, planned: bool = False, customer: bool = True):
    """Visits as a Rich table (also used in ``customer show`` and ``contact show``)."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    keys = ["col.id", "col.date"] + (["col.customer"] if customer else [])
    keys += ["visit.col.kind", "col.contacts", "visit.col.purpose" if planned else "visit.col.note"]
    for key in keys:
        table.add_column(t(key))
    for v in rows:
        cells = [v["id"], v["date"]] + ([v["customer"]] if customer else [])
        cells += [kind_label(v["kind"]), _names(v["contacts"]), v["purpose"] if planned else _details(v)]
        table.add_row(*(text(c) for c in cells))
    return table


def table(rows: list[dict[str, Any]], *, planned: bool = False) -> None:
    from kacli.render import record_lines

    keys = ["col.id", "col.date", "col.customer", "visit.col.kind", "col.contacts",
            "visit.col.purpose" if planned else "visit.col.note"]
    record_lines.write([t(k) for k in keys], (
        ([v["id"], v["date"], v["customer"], kind_label(v["kind"]), _names(v["contacts"]),
          v["purpose"] if planned else _details(v)], "") for v in rows))
    if not rows:
        message(t("visit.none_planned" if planned else "visit.none"))


def next_status(a: dict[str, Any]) -> tuple[str, str]:
    """(label, style) of a next action's state: done, overdue or open."""
    if a["done_on"]:
        return t("next.status_done", date=a["done_on"]), "dim"
    if a["overdue"]:
        return t("next.status_overdue"), "bold red"
    return t("next.status_open"), ""


def next_table(rows: list[dict[str, Any]], *, customer: bool = True):
    """Next actions as a Rich table; overdue ones marked."""
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    keys = ["col.id", "next.col.due"] + (["col.customer"] if customer else [])
    for key in keys + ["next.col.contact", "next.col.text", "next.col.status"]:
        table.add_column(t(key))
    for a in rows:
        status, style = next_status(a)
        cells = [text(a["id"]), text(a["due"], style)]
        cells += [text(a["customer"])] if customer else []
        cells += [text(a["contact"]), text(action_text(a)), text(status, style)]
        table.add_row(*cells)
    return table


def next_listing(rows: list[dict[str, Any]]) -> None:
    out().print(next_table(rows))
    if not rows:
        message(t("next.none"))


# ---- one visit ------------------------------------------------------------------------------

def one_line(v: dict[str, Any]) -> str:
    people = t("visit.people", names=_names(v["contacts"])) if v["contacts"] else ""
    return t("visit.one_line", id=v["id"], date=v["date"], customer=v["customer"],
             kind=kind_label(v["kind"]), people=people)


def show(v: dict[str, Any], actions: list[dict[str, Any]]) -> None:
    from kacli.render import facts_grid, panel

    marked = relationship.marked_stage(v["kind"])
    rows = [
        (t("col.date"), v["date"] + (f" ({t('visit.col.planned')})" if v["planned"] else "")),
        (t("col.customer"), f"#{v['customer_id']} {v['customer']}"),
        (t("visit.col.kind"), kind_label(v["kind"])),
        (t("visit.col.marks"), stage_label(marked) if marked else None),
        (t("col.contacts"), _names(v["contacts"])),
        (t("visit.col.introduced_by"), v.get("introduced_by_name")),
        (t("visit.col.deal"), v.get("deal_title")),
        (t("visit.col.purpose"), v["purpose"]),
        (t("visit.col.note"), v["note"]),
        (t("visit.col.gift_value"), format_amount(v["gift_value"])),
        (t("comp.satisfaction"), v["satisfaction"]),
    ]
    console = out()
    console.print(panel(t("visit.title", id=v["id"]), facts_grid(rows)))
    if actions:
        console.print(panel(t("visit.next_set"), next_table(actions, customer=False)))


# ---- what a write says ----------------------------------------------------------------------

def _moves(outcome) -> None:
    if outcome.introduced_by is not None and len(outcome.contacts) > 1:
        message(t("visit.introduced", contact=outcome.introduced_by.name,
                  names=_names(outcome.contacts[1:])))
    for m in outcome.already_moved:
        message(t("visit.stage_already", id=outcome.visit_id, contact=m.contact,
                  current=stage_label(m.current), suggested=stage_label(m.suggested)))
    for m in outcome.moves:
        params = dict(kind=kind_label(outcome.kind), marked=stage_label(m.marked),
                      contact=m.contact, current=stage_label(m.current),
                      suggested=stage_label(m.suggested), contact_id=m.contact_id,
                      code=m.suggested)
        if m.applied:
            message(t("visit.stage_applied", **params))
        else:
            warn(t("visit.stage_suggest", **params))


def report_logged(outcome, next_text: str | None, next_due: str | None) -> None:
    people = t("visit.people", names=_names(outcome.contacts)) if outcome.contacts else ""
    key = "visit.planned_added" if outcome.planned else "visit.logged"
    message(t(key, id=outcome.visit_id, date=outcome.date, customer=outcome.customer,
              kind=kind_label(outcome.kind), people=people))
    if outcome.next_id is not None:
        message(t("next.added", id=outcome.next_id, text=next_text, due=next_due))
    for a in outcome.closed:
        message(t("next.closed", id=a["id"], text=action_text(a)))
    _moves(outcome)
    if outcome.still_open:
        message(t("visit.still_open", customer=outcome.customer))
        for a in outcome.still_open:
            status, _ = next_status(a)
            message(f"  #{a['id']}  {a['due'] or ''}  {action_text(a)}  ({status})")


def report_updated(outcome) -> None:
    order = list(_FIELD_LABELS)
    changed = sorted((f for f in outcome.changed if f != "planned"), key=order.index)
    if "planned" in outcome.changed:
        message(t("visit.took_place", id=outcome.visit_id, date=outcome.date))
        changed = [f for f in changed if f != "date"]
    if changed:
        fields = t("visit.sep").join(t(_FIELD_LABELS.get(f, f)) for f in changed)
        message(t("visit.updated", id=outcome.visit_id, fields=fields))
    elif "planned" not in outcome.changed:
        message(t("visit.unchanged", id=outcome.visit_id))
    _moves(outcome)


# ---- in other nouns' views ------------------------------------------------------------------

def activity_panels(p: dict[str, Any]) -> list:
    """``customer show``'s panels for its recent visits and open next actions."""
    from kacli.render import panel

    panels = []
    if p.get("visits"):
        panels.append(panel(t("group.visits"), visits_table(p["visits"], customer=False)))
    if p.get("next_actions"):
        panels.append(panel(t("group.next_actions"), next_table(p["next_actions"], customer=False)))
    return panels


def activity_json(p: dict[str, Any]) -> dict[str, Any]:
    """``customer show --json``'s "visits" and "next_actions"."""
    return {"visits": [visit_json(v) for v in p.get("visits", [])],
            "next_actions": [next_json(a) for a in p.get("next_actions", [])]}


def add_to_contact(profile: dict[str, Any], gift_total_fen: int, met: list[dict[str, Any]]) -> None:
    """Join a contact's gift total and recent visits to ``contact show``'s profile."""
    from rich.console import Group

    from kacli.render import facts_grid, panel

    profile["gift_total_fen"] = gift_total_fen
    profile["visits"] = [visit_json(v) for v in met]
    body = facts_grid([(t("visit.col.gift_total"), format_amount(gift_total_fen))])
    if met:
        body = Group(body, visits_table(met, customer=False))
    profile.setdefault("extra_groups", []).append(panel(t("group.visits"), body))
