"""Erasing a person from every free-text field of the dossier (the rule is domain/privacy.py).

Every text column of every table is searched, so a note, a next action, a deal's plan or lost
reason, a fact or a history line written in any version of kacli is reached, and so is a table
added later. The names of records that are not the person (customers, other contacts,
competitors) are left alone; search keys derived from a changed title are made again.

SQLite-only: the tables and columns are read from ``sqlite_master`` and ``PRAGMA table_info``.
"""

from __future__ import annotations

import json
from typing import Any

from kacli.domain import privacy
from kacli.store import history
from kacli.store.db import Db

# Names of other records: a customer called after its owner is the customer's business.
_NOT_FREE_TEXT = {("customer", "name"), ("contact", "name"), ("competitor", "name"),
                  ("deal_competitor", "name")}
_DERIVED = ("_pinyin", "_initials")
_IDENTIFYING = ("name", "phones", "email", "wechat")


def identifiers(db: Db, contact_id: int) -> list[str]:
    """Every text that identifies a contact: current and former names, phones, email, WeChat."""
    row = db.row("SELECT name, phones, email, wechat FROM contact WHERE id = :id", id=contact_id)
    names, phones, others = [], [], []
    if row is not None:
        names.append(row["name"])
        phones += _phone_list(row["phones"])
        others += [row["email"], row["wechat"]]
    for change in db.rows(
        "SELECT field, old, new FROM change WHERE contact_id = :id AND field IN"
        " ('name', 'phones', 'email', 'wechat')", id=contact_id,
    ):
        for value in (change["old"], change["new"]):
            if change["field"] == "name":
                names.append(value)
            elif change["field"] == "phones":
                phones += _phone_list(value)
            else:
                others.append(value)
    names = [n for n in names if n != privacy.placeholder(contact_id)]
    return privacy.identifiers(names=names, phones=phones, others=others)


def _phone_list(text: str | None) -> list[str]:
    if not text:
        return []
    try:
        value: Any = json.loads(text)
    except ValueError:
        return [text]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def redact_everywhere(db: Db, needles: list[str], replacement: str) -> int:
    """Replace every needle in every free-text field; how many fields changed."""
    if not needles:
        return 0
    changed = 0
    for table in _tables(db):
        columns = _text_columns(db, table)
        for column in columns:
            if (table, column) in _NOT_FREE_TEXT or column.endswith(_DERIVED):
                continue
            changed += _redact_column(db, table, column, columns, needles, replacement)
    return changed


def _tables(db: Db) -> list[str]:
    return [r[0] for r in db.rows(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name != 'kacli_migrations' ORDER BY name")]


def _text_columns(db: Db, table: str) -> list[str]:
    return [r["name"] for r in db.rows(f'SELECT * FROM pragma_table_info("{table}")')
            if not r["type"] or any(k in r["type"].upper() for k in ("TEXT", "CHAR", "CLOB"))]


def _redact_column(db: Db, table: str, column: str, columns: list[str], needles: list[str],
                   replacement: str) -> int:
    matches = " OR ".join(f'instr("{column}", :n{i}) > 0' for i in range(len(needles)))
    params = {f"n{i}": needle for i, needle in enumerate(needles)}
    rows = db.rows(f'SELECT rowid, "{column}" FROM "{table}" WHERE {matches}', **params)
    for rowid, value in rows:
        new = privacy.redact(value, needles, replacement)
        db.execute(f'UPDATE "{table}" SET "{column}" = :v WHERE rowid = :r', v=new, r=rowid)
        if f"{column}_pinyin" in columns and f"{column}_initials" in columns:
            from kacli.domain.names import search_keys

            pinyin, initials = search_keys(new)
            db.execute(f'UPDATE "{table}" SET "{column}_pinyin" = :p, "{column}_initials" = :i'
                       f" WHERE rowid = :r", p=pinyin, i=initials, r=rowid)
    return len(rows)


def keep_business_history(db: Db, contact_id: int) -> int:
    """Detach the change-log lines that mention a contact but are business facts (a next action
    done with its note, a role on a deal), so they outlive the contact; how many."""
    columns = [r["name"] for r in db.rows("SELECT * FROM pragma_table_info('contact')")]
    rows = db.rows("SELECT id, field FROM change WHERE contact_id = :id", id=contact_id)
    kept = [r["id"] for r in rows if not privacy.is_own_change(r["field"], columns)]
    for change_id in kept:
        db.execute("UPDATE change SET contact_id = NULL WHERE id = :id", id=change_id)
    return len(kept)


def removed_matching(db: Db, ref: str) -> list[dict[str, Any]]:
    """Contacts removed earlier whose "contact removed" history line matches ``ref``: their
    name exactly, or their former id (``12`` or ``#12``); once forgotten, the placeholder that
    replaced the name. Each: customer_id, name, former_id."""
    text = ref.strip()
    former = f"#{text.lstrip('#')}" if text.lstrip("#").isdigit() else None
    rows = db.rows(
        """SELECT customer_id, old, new FROM change WHERE field = 'contact_removed'
           AND (old = :name OR new = :former) ORDER BY id""",
        name=text, former=former,
    )
    out, seen = [], set()
    for r in rows:
        former_id = int(r["new"][1:]) if r["new"] and r["new"][1:].isdigit() else None
        key = (r["customer_id"], r["old"], former_id)
        if key not in seen:
            seen.add(key)
            out.append({"customer_id": r["customer_id"], "name": r["old"], "former_id": former_id})
    return out


def forget_removed(uow, removed: list[dict[str, Any]]) -> None:
    """Erase the names of contacts removed earlier from every free-text field (their "contact
    removed" line included): all that is left of them once their row is gone."""
    uow.db.execute("PRAGMA secure_delete = ON")
    for person in removed:
        needles = privacy.identifiers(names=[person["name"]], phones=[], others=[])
        redact_everywhere(uow.db, needles, privacy.placeholder(person["former_id"]))
        history.record(uow, customer_id=person["customer_id"], field="forgotten", old=None,
                       new=None)
    # The undo journal may hold them too (the removal's own before-image): it goes, and undo
    # stops here, as after any forget.
    from kacli.store import journal

    uow.flush()
    journal.purge(uow.db.conn, uow.command_id, journal.BARRIER_FORGET, shown="kacli contact forget")
