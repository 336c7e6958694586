"""How contacts look: a table for lists, panels for one contact, its stage history and changes."""

from __future__ import annotations

from typing import Any

from kacli import i18n
from kacli.domain import notes, vocab
from kacli.domain.birthdays import from_columns
from kacli.i18n import t, tn
from kacli.render import facts_grid, out, panel, text
from kacli.render.notes import note_text


def display_name(c: dict[str, Any]) -> str:
    """A forgotten contact is shown by its placeholder in the reader's language."""
    if c.get("forgotten_at"):
        return t("contact.forgotten_name", id=c["id"])
    return c["name"]


def birthday_text(b: dict[str, Any] | None) -> str:
    """``1975-08-15``, ``08-15``, or for a lunar birthday "lunar 8/15" (农历8月15日), with leap."""
    if not b:
        return ""
    birthday = from_columns(b["year"], b["month"], b["day"], b["lunar"], b["leap"])
    if not birthday.lunar:
        date = f"{birthday.month:02d}-{birthday.day:02d}"
        return f"{birthday.year}-{date}" if birthday.year else date
    key = "birthday.lunar_leap" if birthday.leap else "birthday.lunar"
    shown = t(key, month=birthday.month, day=birthday.day)
    if birthday.year:
        shown += t("birthday.lunar_year", year=birthday.year)
    return shown


def _roles(codes: list[str]) -> str:
    lang = i18n.current()
    return i18n.join_words(vocab.ROLE.label(r, lang) for r in codes)


def _when(at: str) -> str:
    return at.replace("T", " ").rstrip("Z")


def listing(rows: list[dict[str, Any]]) -> None:
    from kacli.render import record_lines

    lang = i18n.current()
    headers = [t(key) for key in ("col.id", "col.name", "col.customer", "field.title", "field.roles",
                                  "field.attitude", "field.stage", "field.is_primary", "field.phones")]
    record_lines.write(headers, (
        ([r["id"], display_name(r), r["customer"], r["title"], _roles(r["roles"]),
          vocab.ATTITUDE.label(r["attitude"], lang), vocab.STAGE.label(r["stage"], lang),
          "★" if r["is_primary"] else "", ", ".join(r["phones"])], "")
        for r in rows))
    if not rows:
        from kacli.render import message

        message(t("contact.none"))


def listing_json(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"id": r["id"], "name": r["name"], "customer_id": r["customer_id"],
         "customer": r["customer"], "title": r["title"], "department": r["department"],
         "roles": r["roles"], "attitude": r["attitude"], "stage": r["stage"],
         "is_primary": r["is_primary"], "phones": r["phones"], "email": r["email"],
         "wechat": r["wechat"], "forgotten": r["forgotten_at"] is not None}
        for r in rows
    ]


def profile(p: dict[str, Any]) -> None:
    console = out()
    lang = i18n.current()
    work = [
        (t("field.title"), p["title"]),
        (t("field.department"), p["department"]),
        (t("field.roles"), _roles(p["roles"])),
        (t("field.attitude"), vocab.ATTITUDE.label(p["attitude"], lang)),
        (t("field.stage"), vocab.STAGE.label(p["stage"], lang)),
        (t("field.is_primary"), t("label.yes") if p["is_primary"] else None),
        (t("field.phones"), p["phones"]),
        (t("field.email"), p["email"]),
        (t("field.wechat"), p["wechat"]),
        (t("field.birthday"), birthday_text(p["birthday"])),
    ]
    if p["forgotten_at"]:
        work.append((t("field.forgotten"), _when(p["forgotten_at"])))
    title = t("contact.panel", id=p["id"], name=display_name(p), customer=p["customer"])
    console.print(panel(title, facts_grid(work)))
    personal = [(t(f"field.{k}"), v) for k, v in p["personal"].items()]
    personal += list(p["facts"].items())
    if any(v for _, v in personal):
        console.print(panel(t("group.personal"), facts_grid(personal)))
    for group in p.get("extra_groups", []):
        console.print(group)
    if p["stage_history"]:
        console.print(panel(t("group.stage_history"), _stage_table(p["stage_history"])))
    if p["history"]:
        console.print(panel(t("group.contact_history"), _history_table(p["history"])))


def _stage_table(moves: list[dict[str, Any]]):
    from rich.table import Table

    lang = i18n.current()
    table = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("history.at", "history.old", "history.new", "field.stage_note"):
        table.add_column(t(key))
    for m in moves:
        table.add_row(text(_when(m["at"])), text(vocab.STAGE.label(m["from"], lang)),
                      text(vocab.STAGE.label(m["to"], lang)), text(note_text(m["note"])))
    return table


def _history_table(rows: list[dict[str, Any]]):
    from rich.table import Table

    from kacli.render import history as words

    table = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("history.at", "history.field", "history.old", "history.new"):
        table.add_column(t(key))
    for r in rows:
        table.add_row(text(_when(r["at"])), text(words.field_text(r["field"])),
                      text(words.value_text(r["field"], r["old"])),
                      text(words.value_text(r["field"], r["new"])))
    return table


def _stage_move_json(m: dict[str, Any]) -> dict[str, Any]:
    """A stage move for --json: the user's note as typed; a move a visit made names the visit."""
    found = notes.decode(m["note"])
    visit = found[1].get("visit") if found and found[0] == "stage_by_visit" else None
    return {**m, "note": None if found else m["note"], "visit_id": visit}


def profile_json(p: dict[str, Any]) -> dict[str, Any]:
    data = {k: v for k, v in p.items() if k != "extra_groups"}
    data["stage_history"] = [_stage_move_json(m) for m in p["stage_history"]]
    return data


def what_goes(name: str, counts: dict[str, int]) -> str:
    parts = [tn(f"count.{k}", v) for k, v in counts.items() if v]
    return t("contact.remove_what", name=name, what=i18n.join_words(parts) or t("count.nothing_else"))


def stage_moved(name: str, old: str | None, new: str) -> str:
    lang = i18n.current()
    if old is None:
        return t("contact.stage_same", name=name, stage=vocab.STAGE.label(new, lang))
    return t("contact.stage_moved", name=name, old=vocab.STAGE.label(old, lang),
             new=vocab.STAGE.label(new, lang))


def forget_plan(plan, *, to_stdout: bool) -> None:
    """Every text ``contact forget`` changes, row by row, as it is and as it will be; then what it
    leaves because other records hold it too."""
    from kacli import render

    lines = []
    for edit in plan.edits:
        lines.append(t("contact.forget_edit_where", table=edit.table, id=edit.row, column=edit.column))
        lines.append(f"  - {edit.old}")
        lines.append(f"  + {edit.new}")
    lines.append(tn("contact.forget_edit_count", len(plan.edits)))
    if to_stdout:
        console = out()
        for line in lines:
            console.print(line, markup=False, highlight=False)
    else:
        for line in lines:
            render.err().print(line, markup=False, highlight=False)
    forget_kept(plan.kept)


def forget_kept(kept) -> None:
    """The identifiers left where other records hold them too (on stderr)."""
    from kacli import render

    for item in kept:
        render.warn(t("contact.forget_kept", identifier=item.identifier,
                      owners="、".join(item.owners), n=item.texts))
