"""How customers look: a panel per group of facts, tables for lists and history."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kacli import i18n
from kacli.domain import vocab
from kacli.domain.money import format_amount
from kacli.i18n import join_words, t, tn
from kacli.render import facts_grid, out, panel, text
from kacli.render.visits import activity_json, activity_panels
from kacli.render.week_text import next_due_json, next_due_line


def _label(vocabulary: vocab.Vocabulary, code: str | None) -> str:
    return vocabulary.label(code, i18n.current()) if code else ""


def _yes_no(value: bool | None) -> str:
    if value is None:
        return t("label.unknown")
    return t("label.yes") if value else t("label.no")


def grade_line(grade: dict[str, Any]) -> str:
    from kacli.render.grades import grade_part

    if not grade.get("grade"):
        line = t("grade.none")
    else:
        key = "grade.manual" if grade["source"] == "manual" else "grade.rules"
        line = t(key, grade=grade["grade"])
    if grade.get("reason"):
        line += f" — {grade['reason']}"
    parts = [p for p in grade.get("parts", ()) if p["code"] != "manual"]  # why the rules say so
    if parts:
        line += " — " + t("grade.part.separator").join(grade_part(p["code"], p) for p in parts)
    return line


def _facts_text(items: list[str]) -> str:
    return join_words(" / ".join(t(f"fact.{code}") for code in item.split("|")) for item in items)


def qualification_line(q: dict[str, Any]) -> str:
    """not yet qualified — good credit from the rating AA; not known yet: need; said no: …"""
    verdict = t(f"qualify.{q['verdict']}")
    if q.get("won_deals"):
        return t("qualify.won_deals", n=q["won_deals"])
    pieces = []
    if "credit_good" in q.get("met_by", {}):
        pieces.append(t("qualify.by_rating", rating=q.get("credit_rating") or ""))
    if "reach_decision_maker" in q.get("met_by", {}) and q.get("decision_maker_met"):
        pieces.append(t("qualify.by_visit", **q["decision_maker_met"]))
    said_no = q.get("said_no", [])
    unknown = [item for item in q["missing"] if item not in said_no]
    if unknown:
        pieces.append(t("qualify.unknown", facts=_facts_text(unknown)))
    if said_no:
        pieces.append(t("qualify.said_no", facts=_facts_text(said_no)))
    return verdict + (" — " + t("grade.part.separator").join(pieces) if pieces else "")


def profile(p: dict[str, Any]) -> None:
    console = out()
    ownership = _label(vocab.OWNERSHIP, p["ownership"])
    if p["ownership_country"]:
        ownership = f"{ownership} ({p['ownership_country']})"
    gi = p["grade_inputs"]
    rows = [
        (t("field.kind"), _label(vocab.KIND, p["kind"])),
        (t("field.status"), _label(vocab.STATUS, p["status"])),
        (t("field.grade"), grade_line(p["grade"])),
        (t("field.next_due"), next_due_line(p.get("next_due"))),
        (t("field.qualification"), qualification_line({**p["qualification"], "credit_rating": p["credit_rating"]})),
        (t("field.buy_within"), _label(vocab.BUY_WITHIN, gi["buy_within"])),
        (t("field.expected_purchase"), gi["expected_purchase"]),
        (t("field.purchase_cycle"), _label(vocab.CYCLE, gi["purchase_cycle"])),
        (t("field.batch"), _label(vocab.BATCH, gi["batch"])),
        (t("field.scope"), _label(vocab.SCOPE, p["scope"])),
        (t("field.industry"), p["industry"]),
        (t("field.ownership"), ownership),
        (t("field.employees"), None if p["employees"] is None else f"{p['employees']:,}"),
        (t("field.annual_revenue"), format_amount(p["annual_revenue"])),
        (t("field.credit_rating"), p["credit_rating"]),
        (t("field.address"), p["address"]),
        (t("field.phones"), p["phones"]),
        (t("field.lead_source"), _label(vocab.LEAD_SOURCE, p["lead_source"])),
        (t("field.product_lines"), p["product_lines"]),
        (t("field.tech_notes"), p["tech_notes"]),
        (t("field.buying_department"), p["buying_department"]),
        (t("field.supporting_departments"), p["supporting_departments"]),
        (t("field.org_notes"), p["org_notes"]),
        (t("field.business_notes"), p["business_notes"]),
        (t("field.tags"), p["tags"]),
    ]
    rows += [(key, value) for key, value in p["facts"].items()]
    console.print(panel(f"#{p['id']} {p['name']} · {t('group.customer')}", facts_grid(rows)))
    for group in p.get("extra_groups", []):
        console.print(group)
    if p["competitors"]:
        console.print(panel(t("group.competitors"), competitors_table(p["competitors"])))
    from kacli.render.deals import profile_panels

    for extra in profile_panels(p):  # the project group of open deals, money owed
        console.print(extra)
    console.print(panel(t("group.people"), people_table(p["contacts"])))
    for extra in activity_panels(p):  # recent visits, open next actions
        console.print(extra)


def competitors_table(items: list[dict[str, Any]]):
    from rich.table import Table

    table = Table(box=None, pad_edge=False)
    for key in ("comp.name", "comp.product", "comp.satisfaction", "comp.salesperson",
                "comp.style", "comp.relationship"):
        table.add_column(t(key))
    for c in items:
        table.add_row(*(text(v) for v in (
            c["name"], c["product"], c["satisfaction"], c["salesperson"], c["style"],
            c["relationship"])))
    return table


def people_table(items: list[dict[str, Any]]):
    from rich.table import Table

    if not items:
        return text(t("contact.none"), style="dim")
    lang = i18n.current()
    table = Table(box=None, pad_edge=False)
    for key in ("col.id", "col.name", "field.title", "field.roles", "field.attitude",
                "field.stage", "field.phones"):
        table.add_column(t(key))
    for c in items:
        name = c["name"] + (" ★" if c["is_primary"] else "")
        table.add_row(
            text(c["id"]), text(name), text(c["title"]),
            text(join_words(vocab.ROLE.label(r, lang) for r in c["roles"])),
            text(vocab.ATTITUDE.label(c["attitude"], lang)),
            text(vocab.STAGE.label(c["stage"], lang)),
            text(", ".join(c["phones"])),
        )
    return table


def profile_json(p: dict[str, Any]) -> dict[str, Any]:
    data = {k: v for k, v in p.items() if k != "extra_groups"}
    data["annual_revenue_fen"] = data.pop("annual_revenue")
    data["next_due"] = next_due_json(p.get("next_due"))
    data.update(activity_json(p))
    return data


def listing(rows: Iterable[dict[str, Any]]) -> None:
    """One line per customer, written as the rows come (see ``kacli.render.record_lines``)."""
    from kacli.render import record_lines

    lang = i18n.current()
    headers = [t(key) for key in ("col.id", "col.name", "field.kind", "field.grade", "field.status",
                                  "field.industry", "col.contacts", "field.tags")]
    shown = record_lines.write(headers, (
        ([r["id"], r["name"], vocab.KIND.label(r["kind"], lang), r["grade"],
          vocab.STATUS.label(r["status"], lang), r["industry"], r["contacts"], ", ".join(r["tags"])], "")
        for r in rows))
    if not shown:
        from kacli.render import message

        message(t("customer.none"))


def listing_json(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """``customer list --json``'s items, one per row as it is read."""
    return (
        {"id": r["id"], "name": r["name"], "kind": r["kind"], "status": r["status"],
         "grade": r["grade"], "industry": r["industry"],
         "contacts": r["contacts"], "tags": r["tags"]}
        for r in rows
    )


def what_goes(name: str, counts: dict[str, int]) -> str:
    parts = [tn(f"count.{k}", v) for k, v in counts.items() if v and k != "changes"]
    return t("customer.remove_what", name=name, what=join_words(parts) or t("count.nothing_else"))


def history(found, rows) -> None:
    """Each change with its field by label and its values in the user's words (codes as names,
    money as ¥, yes/no as 是/否); ``history_json`` keeps them as stored. A key-tier move reads as
    what happened on its day ("joined the key tier (80/20)")."""
    from rich.table import Table

    from kacli.domain.key_tier_moves import KeyTierMove
    from kacli.render import history as words
    from kacli.render import records

    table = Table(box=None, pad_edge=False, header_style="bold",
                  title=text(t("history.title", name=found.name)))
    for key in ("history.at", "history.who", "history.field", "history.old", "history.new"):
        table.add_column(t(key))
    for r in rows:
        if isinstance(r, KeyTierMove):
            moved = t("history.key_tier.joined" if r.joined else "history.key_tier.left")
            table.add_row(text(r.day.isoformat()), text(""), text(moved), text(""), text(""))
            continue
        table.add_row(text(words.when(r["at"])), text(r["contact_name"]),
                      text(words.field_text(r["field"])), text(words.value_text(r["field"], r["old"])),
                      text(words.value_text(r["field"], r["new"])))
    records(table)


def history_json(found, rows) -> dict[str, Any]:
    from kacli.domain.key_tier_moves import KeyTierMove

    def change(r) -> dict[str, Any]:
        if isinstance(r, KeyTierMove):  # a day, no instant: worked out from won deals, not recorded
            return {"at": r.day.isoformat(), "contact_id": None, "contact": None, "field": "key_tier",
                    "old": "no" if r.joined else "yes", "new": "yes" if r.joined else "no"}
        return {"at": r["at"], "contact_id": r["contact_id"], "contact": r["contact_name"],
                "field": r["field"], "old": r["old"], "new": r["new"]}

    return {"customer": found.name, "customer_id": found.id, "changes": [change(r) for r in rows]}
