"""Merging two records of one customer (or one person) into the one that stays.

What the record kept already says wins; what only the merged one says is added:
- a field empty on the kept record takes the merged record's value; a field both have keeps the
  kept record's value (the merged record's history, which moves with it, still shows the other);
- lists (phones, tags, product lines, buying roles) are joined, the kept record's first;
- a contact's relationship stage is the further of the two (认识 < 约会 < 信赖 < 同盟), and a
  contact is the primary one if either was;
- a birthday moves as a whole (day, month, year, lunar, leap), only when the kept one has none;
- a named fact both have with different values is kept twice: the merged record's value under
  ``KEY (NAME)``, NAME being the merged record's name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kacli.domain import vocab

BIRTHDAY_COLUMNS = ("birth_year", "birth_month", "birth_day", "birthday_lunar", "birthday_leap")


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def filled(kept: Mapping[str, Any], merged: Mapping[str, Any], fields: Sequence[str], *,
           lists: Sequence[str] = ()) -> dict[str, Any]:
    """The new values of the kept record's ``fields`` (only those that change)."""
    out: dict[str, Any] = {}
    for field in fields:
        mine, theirs = kept.get(field), merged.get(field)
        if field in lists:
            joined = list(dict.fromkeys([*(mine or []), *(theirs or [])]))
            if joined != list(mine or []):
                out[field] = joined
        elif _empty(mine) and not _empty(theirs):
            out[field] = theirs
    return out


def contact_filled(kept: Mapping[str, Any], merged: Mapping[str, Any], fields: Sequence[str], *,
                   lists: Sequence[str] = ()) -> dict[str, Any]:
    """``filled`` for a contact, with the stage, primary flag and birthday rules above."""
    plain = [f for f in fields if f not in ("stage", "is_primary", *BIRTHDAY_COLUMNS)]
    out = filled(kept, merged, plain, lists=lists)
    ladder = vocab.STAGE.codes
    if merged.get("stage") in ladder and kept.get("stage") in ladder \
            and ladder.index(merged["stage"]) > ladder.index(kept["stage"]):
        out["stage"] = merged["stage"]
    if merged.get("is_primary") and not kept.get("is_primary"):
        out["is_primary"] = True
    if kept.get("birth_month") is None and merged.get("birth_month") is not None:
        out.update({c: merged.get(c) for c in BIRTHDAY_COLUMNS})
    return out


def facts(kept: Mapping[str, str], merged: Mapping[str, str], merged_name: str) -> dict[str, str]:
    """The named facts to add to the kept record (its own are never changed)."""
    out: dict[str, str] = {}
    for key, value in merged.items():
        if key not in kept:
            out[key] = value
        elif kept[key] != value:
            name, n = f"{key} ({merged_name})", 2
            while name in kept or name in merged or name in out:
                name, n = f"{key} ({merged_name} {n})", n + 1
            out[name] = value
    return out
