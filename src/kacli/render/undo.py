"""``kacli undo``: what a journaled command changed, in words and as JSON."""

from __future__ import annotations

from typing import Any

from kacli.domain.undo import TableChange, net_effects
from kacli.i18n import label_or_code, t
from kacli.render import message, out, rows_table


def changes(command) -> list[TableChange]:
    """Net changes per table; the history lines that every change writes come last."""
    found = net_effects((e.table, e.op, e.row) for e in command.entries)
    return sorted(found, key=lambda c: c.table == "change")


def summary(command) -> str:
    """e.g. "deals: 1 changed · deal stage moves: 1 added"."""
    parts = []
    for change in changes(command):
        counts = [t(f"undo.{verb}", n=n) for verb, n in
                  (("added", change.added), ("changed", change.changed), ("removed", change.removed)) if n]
        parts.append(t("undo.in_table", table=table_name(change.table), counts=t("undo.and").join(counts)))
    return t("undo.sep").join(parts) or t("undo.no_net_change")


def table_name(table: str) -> str:
    return label_or_code(f"undo.table.{table}", table)


def local_time(at: str) -> str:
    """A journal instant (UTC ISO) on the user's clock, to the minute."""
    import datetime as dt

    return dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M")


def stop_reason(stop) -> str:
    if stop.barrier == "forget":
        return t("undo.stops_at_forget", command=stop.command, at=local_time(stop.at))
    return t("undo.stops_at_upgrade", at=local_time(stop.at))


def command_json(command) -> dict[str, Any]:
    return {"id": command.id, "command": command.command, "at": command.at,
            "changes": [c._asdict() for c in changes(command)]}


def listing_json(commands, stop) -> dict[str, Any]:
    return {"commands": [command_json(c) for c in commands],
            "stops_at": None if stop is None else {"command": stop.command or None, "at": stop.at,
                                                     "reason": stop.barrier}}


def listing(commands, stop) -> None:
    if not commands:
        message(t("undo.nothing"))
    else:
        rows = [[f"#{c.id}", local_time(c.at), c.command, summary(c)] for c in commands]
        out().print(rows_table([t("undo.col.id"), t("undo.col.at"), t("undo.col.command"),
                                t("undo.col.changes")], rows))
    if stop is not None:
        message(stop_reason(stop))
