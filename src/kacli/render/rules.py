"""How the grading rules look: every setting by its key in the rules file, and its value."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from kacli.domain.calendar import Festival
from kacli.domain.rules import SCHEMA, Rules, defaults
from kacli.i18n import t
from kacli.render import message, out, text


def _value(rules: Rules, field: str) -> Any:
    """A setting as the rules file writes it (money in yuan, maps and lists as JSON does)."""
    if field.startswith("stalled_days."):
        return rules.stalled_days[field.split(".", 1)[1]]
    value = getattr(rules, field)
    if field == "org_large_batch_fen":
        return value // 100 if value % 100 == 0 else value / 100
    if isinstance(value, MappingProxyType):
        return dict(value)
    if field == "festivals":
        return [_festival(f) for f in value]
    if isinstance(value, tuple):
        return list(value)
    return value


def _festival(f: Festival) -> dict[str, Any]:
    return {"name": f.name, "month": f.month, "day": f.day, "lunar": f.lunar}


def _settings(schema: dict[str, Any], rules: Rules, prefix: str = ""):
    """(dotted key, field name) for every setting, in the order of the rules file."""
    for key, spec in schema.items():
        if isinstance(spec, dict):
            yield from _settings(spec, rules, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", spec[0]


def rules_json(rules: Rules, path: Path, from_file: bool) -> dict[str, Any]:
    """``{"path", "from_file", "rules": {table: {key: value}}}`` — the rules file's own shape."""
    nested: dict[str, Any] = {}
    for dotted, field in _settings(SCHEMA, rules):
        *tables, key = dotted.split(".")
        place = nested
        for table in tables:
            place = place.setdefault(table, {})
        place[key] = _value(rules, field)
    return {"path": str(path), "from_file": from_file, "rules": nested}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v:g}" if isinstance(v, float) else f"{k}={v}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(
            f"{v['name']} {'lunar ' if v['lunar'] else ''}{v['month']}-{v['day']}" if isinstance(v, dict)
            else str(v) for v in value)
    if isinstance(value, bool):
        return str(value).lower()
    return f"{value:g}" if isinstance(value, float) else str(value)


def rules_table(rules: Rules, path: Path, from_file: bool) -> None:
    from rich.table import Table

    base = defaults()
    message(t("rules.source", path=path) if from_file else t("rules.source_defaults", path=path))
    table = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("rules.col.setting", "rules.col.value", "rules.col.changed"):
        table.add_column(t(key))
    for dotted, field in _settings(SCHEMA, rules):
        value = _value(rules, field)
        changed = value != _value(base, field)
        table.add_row(text(dotted), text(_shown(value)), text("✓" if changed else ""),
                      style="bold" if changed else "")
    out().print(table)
