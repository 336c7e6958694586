"""What one command changed, table by table: the words ``kacli undo`` uses to say what it undoes.

A command's journal lists every row it touched, in order: inserted (I), updated (U) or deleted (D),
possibly several times. What counts for the user is each row's net effect: a row that did not exist
before and does after was added; one that existed and still does was changed; one that existed
and is gone was removed; one made and removed within the command left no trace.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class TableChange(NamedTuple):
    table: str
    added: int
    changed: int
    removed: int


def net_effects(entries: Iterable[tuple[str, str, int | str]]) -> list[TableChange]:
    """``(table, op, row)`` in the order they happened -> counts per table, in order of first
    appearance; tables whose rows all came and went are left out."""
    first: dict[tuple[str, int | str], str] = {}
    last: dict[tuple[str, int | str], str] = {}
    for table, op, row in entries:
        first.setdefault((table, row), op)
        last[(table, row)] = op
    counts: dict[str, list[int]] = {}
    for key, op in first.items():
        existed, exists = op != "I", last[key] != "D"
        if not existed and not exists:
            continue
        slot = counts.setdefault(key[0], [0, 0, 0])
        slot[0 if not existed else 1 if exists else 2] += 1
    return [TableChange(table, *numbers) for table, numbers in counts.items()]
