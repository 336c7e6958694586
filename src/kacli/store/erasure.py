"""Erasing a person from every free-text field of the dossier (the rule is domain/privacy.py).

Every text column of every table is searched, so a note, a next action, a deal's plan or lost
reason, a fact or a history line written in any version of kacli is reached, and so is a table
added later. The names of records that are not the person (customers, other contacts,
competitors) are left alone; search keys derived from a changed title are made again.

The tables and their columns are read from the engine's own catalogue
(``kacli.store.sqlite.erasure``, ``kacli.store.postgres.erasure``); a row is named by its primary
key, so the same plan is written back on either engine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kacli.domain import privacy
from kacli.store import engines, history
from kacli.store.db import Db

# Names of other records: a customer called after its owner is the customer's business. Their
# phones, email and WeChat are theirs too, even when they are the person's as well.
_NOT_FREE_TEXT = {("customer", "name"), ("contact", "name"), ("competitor", "name"),
                  ("deal_competitor", "name"), ("customer", "phones"), ("contact", "phones"),
                  ("contact", "email"), ("contact", "wechat")}
_DERIVED = ("_pinyin", "_initials", "_key")
_IDENTIFYING = ("name", "phones", "email", "wechat")


@dataclass(frozen=True)
class Edit:
    """One free-text field forget changes: where, as it is, as it will be."""

    table: str
    key: tuple[tuple[str, Any], ...]  # the row's primary key: (column, value) pairs
    column: str
    old: str
    new: str

    @property
    def row(self) -> str:
        """The row as a person reads it: its id, or its key's values joined by "/"."""
        return "/".join(str(value) for _, value in self.key)


@dataclass(frozen=True)
class Kept:
    """An identifier of the person that another record holds too: left wherever it is."""

    identifier: str
    owners: tuple[str, ...]
    texts: int


@dataclass(frozen=True)
class Plan:
    edits: list[Edit]
    kept: list[Kept]
    who: privacy.Person = privacy.Person()


def person(db: Db, contact_id: int) -> privacy.Person:
    """Every name a contact has had, their phones, email and WeChat."""
    row = db.row("SELECT name, phones, email, wechat FROM contact WHERE id = :id", id=contact_id)
    names, phones, handles = [], [], []
    if row is not None:
        names.append(row["name"])
        phones += _phone_list(row["phones"])
        handles += [row["email"], row["wechat"]]
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
                handles.append(value)
    names = [n for n in names if n != privacy.placeholder(contact_id)]
    return privacy.Person.of(names=names, phones=phones, handles=handles)


def _phone_list(text: str | None) -> list[str]:
    if not text:
        return []
    try:
        value: Any = json.loads(text)
    except ValueError:
        return [text]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def others(db: Db, who: privacy.Person, contact_id: int | None) -> tuple[privacy.Others, dict[str, list[str]]]:
    """The names of every other record, and which of the person's identifiers other records
    hold too (key -> the records' names)."""
    names: list[str] = []
    owners: dict[str, list[str]] = {}
    own_names = {privacy.keyed(n) for n in who.names}
    own_handles = {privacy.keyed(h) for h in who.handles}

    def holds(key: str, owner: str) -> None:
        if owner not in owners.setdefault(key, []):
            owners[key].append(owner)

    def record(name: str, phones: str | None, handles: tuple[str | None, ...] = ()) -> None:
        """Another record's name, phones and ids: what it shares with the person."""
        names.append(name)
        if privacy.keyed(name.strip()) in own_names:
            holds(privacy.keyed(name.strip()), name)
        for phone in _phone_list(phones):
            if privacy.digits(phone) in who.numbers:
                holds(privacy.digits(phone), name)
        for handle in handles:
            if handle and privacy.keyed(handle.strip()) in own_handles:
                holds(privacy.keyed(handle.strip()), name)

    for row in db.rows("SELECT id, name, phones FROM customer"):
        record(row["name"], row["phones"])
    for row in db.rows("SELECT id, name, phones, email, wechat FROM contact"
                       " WHERE (:id IS NULL OR id != :id) AND forgotten_at IS NULL", id=contact_id):
        record(row["name"], row["phones"], (row["email"], row["wechat"]))
    names += [r[0] for r in db.rows("SELECT name FROM competitor UNION SELECT name FROM deal_competitor")]
    return privacy.Others.of(names=names, shared=owners), owners


def plan(db: Db, who: privacy.Person, contact_id: int | None, replacement: str) -> Plan:
    """Every free-text field that holds a whole mention of the person, as it is and as forget
    leaves it, and the identifiers left where other records hold them too. The contact's own row,
    named facts and own history lines are not listed: they are cleared as a whole."""
    other, owners = others(db, who, contact_id)
    edits: list[Edit] = []
    shared_texts: dict[str, int] = {}
    if not who:
        return Plan([], [], who)
    catalogue = engines.part(db, "catalogue")
    for table in catalogue.tables(db):
        key = catalogue.primary_key(db, table)
        for column in catalogue.text_columns(db, table):
            if (table, column) in _NOT_FREE_TEXT or column.endswith(_DERIVED):
                continue
            for row_key, value in _candidates(db, table, key, column, contact_id):
                found = privacy.mentions(value, who, other)
                if not found:
                    continue
                for key in {m.key for m in found if m.shared}:
                    shared_texts[key] = shared_texts.get(key, 0) + 1
                new = privacy.erased(value, found, replacement)
                if new != value:
                    edits.append(Edit(table, row_key, column, value, new))
    kept = [Kept(who.shown(key), tuple(names), shared_texts.get(key, 0))
            for key, names in owners.items()]
    return Plan(edits, kept, who)


def _candidates(db: Db, table: str, key: list[str], column: str,
                contact_id: int | None) -> list[tuple[tuple[tuple[str, Any], ...], str]]:
    """(the row's key, the text) of every row whose ``column`` holds some text."""
    where = f'"{column}" IS NOT NULL AND "{column}" != \'\''
    if table == "contact" and contact_id is not None:
        where += " AND id != :id"
    elif table == "contact_fact" and contact_id is not None:
        where += " AND contact_id != :id"
    keys = ", ".join(f'"{k}"' for k in key)
    width = len(key)
    if table != "change":
        return [(tuple(zip(key, r[:width], strict=True)), r[width]) for r in db.rows(
            f'SELECT {keys}, "{column}" FROM "{table}" WHERE {where} ORDER BY {keys}', id=contact_id)]
    # Other records' names, phones, email and WeChat as they were are theirs; the person's own
    # lines go with them.
    contact_columns = engines.part(db, "catalogue").columns(db, "contact")
    return [(tuple(zip(key, r[:width], strict=True)), r[width]) for r in db.rows(
        f'SELECT {keys}, "{column}", field, contact_id FROM change WHERE {where} ORDER BY {keys}')
        if r[width + 1] not in _IDENTIFYING
        and not (contact_id is not None and r[width + 2] == contact_id
                 and privacy.is_own_change(r[width + 1], contact_columns))]


def apply(db: Db, edits: list[Edit]) -> None:
    """Write the planned fields; search keys derived from a changed title are made again."""
    from kacli.domain.names import lookup_key, search_keys

    catalogue = engines.part(db, "catalogue")
    columns: dict[str, list[str]] = {}
    for edit in edits:
        where = " AND ".join(f'"{k}" = :k{i}' for i, (k, _) in enumerate(edit.key))
        row = {f"k{i}": value for i, (_, value) in enumerate(edit.key)}
        sets = {edit.column: edit.new}
        if edit.table not in columns:
            columns[edit.table] = catalogue.columns(db, edit.table)
        if {f"{edit.column}_pinyin", f"{edit.column}_initials"} <= set(columns[edit.table]):
            sets[f"{edit.column}_pinyin"], sets[f"{edit.column}_initials"] = search_keys(edit.new)
        if f"{edit.column}_key" in columns[edit.table]:
            sets[f"{edit.column}_key"] = lookup_key(edit.new)
        assignments = ", ".join(f'"{c}" = :v{i}' for i, c in enumerate(sets))
        db.execute(f'UPDATE "{edit.table}" SET {assignments} WHERE {where}',
                   **row, **{f"v{i}": value for i, value in enumerate(sets.values())})


def erase_freed(db: Db) -> None:
    """What the engine can do, in this transaction, so erased text does not linger in freed
    space (on the file: zeroed pages; on a server: nothing, see the README's privacy section)."""
    engines.part(db, "erasure").erase_freed(db)


def keep_business_history(db: Db, contact_id: int) -> int:
    """Detach the change-log lines that mention a contact but are business facts (a next action
    done with its note, a role on a deal), so they outlive the contact; how many."""
    columns = engines.part(db, "catalogue").columns(db, "contact")
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


def removed_person(removed: list[dict[str, Any]]) -> privacy.Person:
    return privacy.Person.of(names=[p["name"] for p in removed])


def preview(db: Db, contact_id: int | None, removed: list[dict[str, Any]]) -> Plan:
    """What forgetting a contact (or contacts removed earlier) would change, changing nothing."""
    if contact_id is not None:
        return plan(db, person(db, contact_id), contact_id, privacy.placeholder(contact_id))
    edits: list[Edit] = []
    kept: list[Kept] = []
    for gone in removed:
        each = plan(db, privacy.Person.of(names=[gone["name"]]), None,
                    privacy.placeholder(gone["former_id"]))
        edits += each.edits
        kept += each.kept
    return Plan(edits, kept, privacy.Person.of(names=[g["name"] for g in removed]))


def forget_removed(uow, removed: list[dict[str, Any]]) -> Plan:
    """Erase the names of contacts removed earlier from every free-text field (their "contact
    removed" line included): all that is left of them once their row is gone."""
    erase_freed(uow.db)
    edits: list[Edit] = []
    kept: list[Kept] = []
    for gone in removed:
        done = plan(uow.db, privacy.Person.of(names=[gone["name"]]), None,
                    privacy.placeholder(gone["former_id"]))
        apply(uow.db, done.edits)
        edits += done.edits
        kept += done.kept
        history.record(uow, customer_id=gone["customer_id"], field="forgotten", old=None,
                       new=None)
    # The undo journal may hold them too (the removal's own before-image): it goes, and undo
    # stops here, as after any forget.
    from kacli.store import journal

    uow.flush()
    journal.purge(uow.db, uow.command_id, journal.BARRIER_FORGET, shown="kacli contact forget")
    return Plan(edits, kept)


# Files kacli writes that may hold a person: exports, vCards, calendars, backups.
_WRITTEN_SUFFIXES = (".csv", ".xlsx", ".json", ".vcf", ".ics", ".db", ".sqlite", ".bak")


def files_holding(who: privacy.Person, folders: list[Path], skip: list[Path]) -> list[Path]:
    """Files of the kinds kacli writes, in ``folders`` (and the ``kacli-export-*`` folders in
    them), that hold one of the person's names, numbers or ids: the texts as written, in UTF-8
    or GB18030, inside an XLSX's parts too. ``skip``: files already reported."""
    needles = [*who.names, *who.handles, *who.phones, *who.numbers]
    if not needles:
        return []
    patterns = {n.encode(enc, "ignore") for n in needles for enc in ("utf-8", "gb18030")}
    skipped = {p.resolve() for p in skip}
    found: list[Path] = []
    for folder in dict.fromkeys(f.resolve() for f in folders if f.is_dir()):
        places = [folder, *sorted(p for p in folder.glob("kacli-export-*") if p.is_dir())]
        for place in places:
            for path in sorted(place.iterdir()):
                if (path.suffix.lower() in _WRITTEN_SUFFIXES and path.is_file()
                        and path.resolve() not in skipped and path not in found
                        and _holds(path, patterns)):
                    found.append(path)
    return found


def _holds(path: Path, patterns: set[bytes]) -> bool:
    import zipfile

    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".xlsx":
            with zipfile.ZipFile(path) as book:
                data = b"".join(book.read(member) for member in book.namelist())
    except (OSError, ValueError, RuntimeError, zipfile.BadZipFile):  # unreadable: not searched
        return False
    return any(p and p in data for p in patterns)
