"""One sheet row as the values kacli stores, and a stored record as a sheet row.

Cells are read as the command line reads options: amounts as ``money.parse_amount`` (300万),
dates as ``dates.parse_date`` (2026/3/1; ``3/1/2026`` with the map's ``dates.order``), enum
values in English or Chinese (``vocab``), birthdays as ``birthdays.parse_birthday`` (农历 in the
cell or a ``birthday_lunar`` column makes it lunar). Each bad cell is a ``CellError`` naming its
column, so every bad row can be listed at once. Pure: no files, no dossier.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kacli.domain import relationship, text, vocab
from kacli.domain.birthdays import Birthday, parse_birthday
from kacli.domain.dates import parse_date
from kacli.domain.money import parse_amount
from kacli.domain.sheet_fields import REQUIRED, fields
from kacli.errors import BadInput

PAYMENT_KIND = vocab.V(
    "payment_kind",
    ("instalment", "instalment due", "分期计划", "分期計畫", ("plan", "计划", "計畫", "应收", "應收", "到期")),
    ("payment", "payment received", "收款", "收款", ("received", "到账", "到帳", "已收", "回款")),
)
VOCABS = {"VISIT_KIND": relationship.VISIT_KIND, "PAYMENT_KIND": PAYMENT_KIND}
_TRUE = {"1", "yes", "y", "true", "t", "是", "有", "对", "對", "✓", "√", "x", "primary", "主要"}
_FALSE = {"0", "no", "n", "false", "f", "否", "无", "無", "不是", "没有", "沒有", "-"}
_LUNAR_MARK = re.compile(r"^(农历|農曆|阴历|陰曆|lunar)\s*(闰|閏|leap)?\s*", re.IGNORECASE)
_DAY_FIRST_OR_MONTH_FIRST = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$")


@dataclass(frozen=True)
class ImportMap:
    """A source's reusable rules (``--map MAP.toml``): ``[columns]`` header -> field,
    ``[values.FIELD]`` the source's word -> kacli's, ``[dates] order = "mdy"|"dmy"``,
    ``[defaults]`` FIELD -> value for empty cells."""

    columns: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    date_order: str | None = None
    defaults: Mapping[str, str] = field(default_factory=dict)


def import_map(data: Mapping[str, Any], table: str) -> ImportMap:
    """An ``ImportMap`` from a parsed TOML document; BadInput naming what is wrong."""
    codes = {f.code for f in fields(table)}
    columns = {str(k): str(v) for k, v in dict(data.get("columns", {})).items()}
    values = {str(k): {str(a): str(b) for a, b in dict(v).items()} for k, v in dict(data.get("values", {})).items()}
    defaults = {str(k): str(v) for k, v in dict(data.get("defaults", {})).items()}
    for code in (*columns.values(), *values, *defaults):
        if code not in codes:
            raise BadInput("error.import_map_field", field=code, table=table, fields=", ".join(sorted(codes)))
    order = dict(data.get("dates", {})).get("order")
    if order not in (None, "mdy", "dmy", "ymd"):
        raise BadInput("error.import_map_dates", value=order)
    return ImportMap(columns, values, order, defaults)


@dataclass(frozen=True)
class CellError:
    column: str  # the field code
    error: BadInput


def cell_text(value: Any) -> str:
    """A cell as text: spreadsheets give numbers and dates as such."""
    if isinstance(value, str):  # every cell of a CSV file
        return value
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _date(value: str, today: dt.date, order: str | None) -> str:
    m = _DAY_FIRST_OR_MONTH_FIRST.match(value.strip())
    if m:
        a, b, year = int(m[1]), int(m[2]), m[3]
        if order is None and a <= 12 and b <= 12 and a != b:
            raise BadInput("error.import_date_order", value=value)
        month, day = (b, a) if order == "dmy" or (order is None and a > 12) else (a, b)
        value = f"{year}-{month}-{day}"
    return parse_date(value, today, prefer="past").isoformat()


def _instant(value: str) -> str:
    """A moment as the dossier keeps it (UTC ISO); a bare date is that day's start."""
    try:
        moment = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise BadInput("error.invalid_date", value=value) from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.isoformat(timespec="seconds") + "Z"


def _bool(value: str) -> bool:
    word = value.strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise BadInput("error.import_not_yes_no", value=value)


def _json(value: str, code: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        raise BadInput("error.import_not_json", field=code, value=value[:40]) from None


def _facts(value: str) -> dict[str, str]:
    """Named facts: a JSON object, or ``key=value`` pairs one per line or separated by ``;``."""
    if value.lstrip().startswith("{"):
        found = _json(value, "facts")
        if not isinstance(found, dict):
            raise BadInput("error.import_not_json", field="facts", value=value[:40])
        return {text.name(str(k), field="key"): str(v) for k, v in found.items()}
    pairs = [p for p in re.split(r"[;；\n]", value) if p.strip()]
    return dict(text.key_value(p.replace("＝", "=")) for p in pairs)


def _grade(value: str) -> str | None:
    if value.strip().lower() in ("auto", "自动", "自動"):
        return None
    return vocab.GRADE.parse(value)


def _vocabulary(name: str | None) -> vocab.Vocabulary:
    return VOCABS.get(name) or getattr(vocab, name)


def read_cell(f, value: str, today: dt.date, order: str | None) -> Any:
    """The stored value of one non-empty cell of field ``f``; BadInput when it cannot be."""
    kind = f.kind
    if kind == "name":
        return text.name(value, field=f.code)
    if kind in ("line", "ref"):
        return text.name(value, field=f.code)
    if kind == "text":
        return text.free_text(value, field=f.code)
    if kind == "int":
        return text.integer(value, field=f.code, high=10**8)
    if kind == "amount":
        return parse_amount(value)
    if kind == "date":
        return _date(value, today, order)
    if kind in ("items", "refs"):
        return text.items([value], field=f.code)
    if kind == "enum":
        return _vocabulary(f.vocab).parse(value)
    if kind == "enums":
        return _vocabulary(f.vocab).parse_many([value])
    if kind == "grade":
        return _grade(value)
    if kind == "bool":
        return _bool(value)
    if kind == "email":
        cleaned = text.name(value, field="email")
        local, at, domain = cleaned.partition("@")
        if not (at and local and domain) or any(ch.isspace() for ch in cleaned):
            raise BadInput("error.invalid_email", value=cleaned)
        return cleaned
    if kind == "instant":
        return _instant(value)
    if kind == "birthday":
        return value.strip()  # read with its lunar/leap columns in ``read_row``
    if kind == "facts":
        return _facts(value)
    if kind == "json":
        return _json(value, f.code)
    raise AssertionError(kind)


def _birthday(raw: str, lunar: bool | None, leap: bool | None) -> Birthday | None:
    m = _LUNAR_MARK.match(raw)
    if m:
        raw, lunar, leap = raw[m.end():], True, bool(m[2]) or bool(leap)
    return parse_birthday(raw, lunar=bool(lunar), leap=bool(leap))


def read_row(table: str, cells: Mapping[str, Any], today: dt.date, rules: ImportMap
             ) -> tuple[dict[str, Any], list[CellError]]:
    """The values of one row (field code -> value; only the fields with a non-empty cell) and the
    errors of its bad cells. ``cells`` maps field codes to raw cells (text, or typed from JSON)."""
    values: dict[str, Any] = {}
    errors: list[CellError] = []
    for f in _filled_fields(table, tuple(cells), tuple(rules.defaults)):
        raw = cells.get(f.code)
        if raw is None and f.code not in rules.defaults and f"{f.code}_fen" not in cells:
            continue
        if f.kind == "amount":
            fen = cells.get(f"{f.code}_fen")
            if isinstance(fen, int) and not isinstance(fen, bool):
                values[f.code] = fen
                continue
        if isinstance(raw, (bool, list, dict)) and f.kind in ("bool", "items", "refs", "enums", "facts", "json"):
            values[f.code] = _typed(f, raw)
            continue
        value = cell_text(raw).strip()
        if value and f.code in rules.values:
            value = rules.values[f.code].get(value, value)
        if not value:
            value = rules.defaults.get(f.code, "")
        if not value:
            continue
        try:
            values[f.code] = read_cell(f, value, today, rules.date_order)
        except BadInput as exc:
            errors.append(CellError(f.code, exc))
    lunar, leap = values.pop("birthday_lunar", None), values.pop("birthday_leap", None)
    if "birthday" in values:
        try:
            values["birthday"] = _birthday(values["birthday"], lunar, leap)
        except BadInput as exc:
            errors.append(CellError("birthday", exc))
    for code in REQUIRED[table]:
        if code not in values and not any(e.column == code for e in errors):
            errors.append(CellError(code, BadInput("error.empty", field=code)))
    return values, errors


@lru_cache(maxsize=256)
def _filled_fields(table: str, codes: tuple[str, ...], defaults: tuple[str, ...]) -> tuple:
    """The fields of ``table`` a row with these cells can fill (a sheet's rows all have the same
    cells): most sheets fill a few of a table's thirty fields."""
    given = {*codes, *defaults}
    return tuple(f for f in fields(table) if f.code in given or f"{f.code}_fen" in given)


def _typed(f, raw: Any) -> Any:
    """A JSON export's typed value (a list, a bool, an object) for field ``f``."""
    if f.kind in ("items", "refs"):
        return text.items([str(v) for v in raw], field=f.code)
    if f.kind == "enums":
        return _vocabulary(f.vocab).parse_many([str(v) for v in raw])
    if f.kind == "facts":
        return {str(k): str(v) for k, v in raw.items()}
    return raw


def amount_text(fen: int | None) -> str:
    """Fen as plain yuan for a sheet (``840000``, ``1250.5``): what parse_amount reads back."""
    if fen is None:
        return ""
    yuan, rest = divmod(fen, 100)
    return str(yuan) if not rest else f"{yuan}.{rest:02d}".rstrip("0")


def birthday_text(b: Birthday | None) -> str:
    if b is None:
        return ""
    date = f"{b.month:02d}-{b.day:02d}" if b.year is None else f"{b.year}-{b.month:02d}-{b.day:02d}"
    return date


def sheet_row(table: str, record: Mapping[str, Any]) -> list[str]:
    """A stored record (field code -> value) as a sheet row, in the table's column order."""
    out = []
    for f in fields(table):
        value = record.get(f.code)
        if f.kind == "amount":
            out.append(amount_text(value))
        elif f.kind == "birthday":
            out.append(birthday_text(value))
        elif f.kind == "bool":
            out.append("" if value is None else ("yes" if value else "no"))
        elif f.kind in ("json",) and value not in (None, [], {}):
            out.append(json.dumps(value, ensure_ascii=False))
        elif f.kind == "facts":
            out.append(json.dumps(value, ensure_ascii=False) if value else "")
        else:
            out.append(cell_text(value))
    return out


def json_row(table: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """A stored record as JSON: ``--json``'s conventions (money in fen under ``*_fen``)."""
    out: dict[str, Any] = {}
    for f in fields(table):
        value = record.get(f.code)
        if f.kind == "amount":
            out[f"{f.code}_fen"] = value
        elif f.kind == "birthday":
            out[f.code] = birthday_text(value) or None
        else:
            out[f.code] = value
    return out
