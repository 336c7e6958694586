"""Checking a parsed rules file against its schema, and finding the line a bad key is on.

Kept apart from :mod:`kacli.domain.rules` so the settings themselves read in one sitting.
``tomllib`` gives plain dicts without positions, so the line of a key that parses but is wrong
is found again in the text by walking its table headers — good enough for the files
``kacli rules init`` writes and for hand edits of them.
"""

from __future__ import annotations

import math
import re
from typing import Any

from kacli.domain.money import parse_amount
from kacli.errors import BadInput

Path = tuple[str | int, ...]


class Bad(Exception):
    """A value in the rules file is wrong: where (a key path) and why (a message key)."""

    def __init__(self, path: Path, detail_key: str, **params: Any) -> None:
        super().__init__(detail_key)
        self.path = path
        self.detail_key = detail_key
        self.params = params


def path_text(path: Path) -> str:
    """``("festivals", "custom", 1, "day")`` -> ``festivals.custom[2].day`` (counting from 1)."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def check_table(data: dict[str, Any], schema: dict[str, Any], path: Path) -> dict[str, Any]:
    """Field name -> (key path, checked value) for every key ``data`` sets; Bad otherwise."""
    out: dict[str, Any] = {}
    for key, value in data.items():
        where = (*path, key)
        spec = schema.get(key)
        if spec is None:
            raise Bad(where, "rules.detail.unknown_key", choices=", ".join(schema))
        if isinstance(spec, dict):
            if not isinstance(value, dict):
                raise Bad(where, "rules.detail.not_table")
            out.update(check_table(value, spec, where))
        else:
            name, check = spec
            out[name] = (where, check_value(value, check, where))
    return out


def check_value(value: Any, check: tuple, where: Path) -> Any:
    kind = check[0]
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise Bad(where, "rules.detail.not_integer")
        return _in_range(value, check[1], check[2], where)
    if kind == "float":
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value):
            raise Bad(where, "rules.detail.not_number")
        return float(_in_range(value, check[1], check[2], where))
    if kind == "bool":
        if not isinstance(value, bool):
            raise Bad(where, "rules.detail.not_bool")
        return value
    if kind == "amount":
        return _amount(value, where)
    if kind == "map":
        return _map(value, check[1], check[2], where)
    if kind == "grades":
        return _grades(value, check[1], where)
    if kind == "festivals":
        return _festivals(value, where)
    raise AssertionError(f"unknown check {kind}")  # a schema mistake, not the user's


def _in_range(value: int | float, low: int | float, high: int | float, where: Path) -> Any:
    if not low <= value <= high:
        raise Bad(where, "rules.detail.out_of_range", min=low, max=high)
    return value


def _amount(value: Any, where: Path) -> int:
    """Whole yuan as a number, or any amount kacli reads (``"100万"``), as fen above zero."""
    if isinstance(value, int) and not isinstance(value, bool):
        fen = value * 100
    elif isinstance(value, str):
        try:
            fen = parse_amount(value)
        except BadInput:
            raise Bad(where, "rules.detail.invalid_amount", value=value) from None
    else:
        raise Bad(where, "rules.detail.invalid_amount", value=value)
    if fen <= 0:
        raise Bad(where, "rules.detail.invalid_amount", value=value)
    return fen


def _map(value: Any, keys: tuple[str, ...], check: tuple, where: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Bad(where, "rules.detail.not_table")
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key not in keys:
            raise Bad((*where, key), "rules.detail.unknown_key", choices=", ".join(keys))
        out[key] = check_value(item, check, (*where, key))
    return out


def _grades(value: Any, grades: tuple[str, ...], where: Path) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise Bad(where, "rules.detail.not_list")
    out: list[str] = []
    for item in value:
        grade = item.strip().upper() if isinstance(item, str) else item
        if grade not in grades:
            raise Bad(where, "rules.detail.invalid_grade", value=item, choices=", ".join(grades))
        if grade not in out:
            out.append(grade)
    return tuple(out)


_FESTIVAL_KEYS = ("name", "month", "day", "lunar")


def _festivals(value: Any, where: Path) -> list[dict[str, Any]]:
    """A list of {name, month, day, lunar}; whether the day exists is checked by the caller."""
    if not isinstance(value, list):
        raise Bad(where, "rules.detail.not_list")
    out = []
    for index, entry in enumerate(value):
        at = (*where, index)
        if not isinstance(entry, dict):
            raise Bad(at, "rules.detail.not_table")
        for key in entry:
            if key not in _FESTIVAL_KEYS:
                raise Bad((*at, key), "rules.detail.unknown_key", choices=", ".join(_FESTIVAL_KEYS))
        for key in ("name", "month", "day"):
            if key not in entry:
                raise Bad((*at, key), "rules.detail.missing_key")
        name = entry["name"]
        if not isinstance(name, str) or not name.strip():
            raise Bad((*at, "name"), "rules.detail.not_text")
        out.append({
            "name": name.strip(),
            "month": check_value(entry["month"], ("int", 1, 12), (*at, "month")),
            "day": check_value(entry["day"], ("int", 1, 31), (*at, "day")),
            "lunar": check_value(entry.get("lunar", False), ("bool",), (*at, "lunar")),
        })
    return out


# --- where in the text ----------------------------------------------------------------------

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?")
_BARE_OR_QUOTED = r"""(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')"""
_KEY = re.compile(rf"^\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_AT = re.compile(r"at line (\d+)")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(p.strip().strip("\"'") for p in dotted.split("."))


def _keyed_lines(text: str) -> list[tuple[int, tuple]]:
    """(line number, full key path) for every header and ``key =`` line, in order."""
    found: list[tuple[int, tuple]] = []
    table: tuple = ()
    arrays: dict[tuple, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if m := _HEADER.match(line):
            table = _parts(m[2])
            if m[1] == "[[":
                arrays[table] = arrays.get(table, -1) + 1
                table = (*table, arrays[table])
            found.append((number, table))
        elif m := _KEY.match(line):
            found.append((number, (*table, *_parts(m[1]))))
    return found


def line_of(text: str, path: Path) -> int | None:
    """The line that sets ``path``, else the nearest table or inline value holding it."""
    best, best_depth = None, 0
    for number, keys in _keyed_lines(text):
        depth = min(len(keys), len(path))
        if depth > best_depth and tuple(keys[:depth]) == tuple(path[:depth]):
            best, best_depth = number, depth
    return best


def syntax_error_at(text: str, message: str) -> tuple[int, str]:
    """The line (from tomllib's message) and the key set on it, if any, of a syntax error."""
    m = _AT.search(message)
    line = int(m[1]) if m else max(1, len(text.splitlines()))
    key = ""
    for number, keys in _keyed_lines(text):
        if number > line:
            break
        if number == line:
            key = path_text(keys)
    return line, key


# Arrays and inline tables nested deeper than this are refused before tomllib reads them: its
# parser recurses once per level, and a file nested thousands deep would exhaust Python's stack.
MAX_NESTING = 100


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``, refusing nesting deeper than ``MAX_NESTING`` with a TOMLDecodeError that
    names the line, as tomllib's own errors do. Every TOML file kacli reads (the rules file, an
    import's ``--map``) is read through here."""
    import tomllib

    deep = _too_deep_at(text)
    if deep is not None:
        from kacli.i18n import t

        line, column = deep
        raise tomllib.TOMLDecodeError(
            f"{t('toml.too_deep', limit=MAX_NESTING)} (at line {line}, column {column})")
    return tomllib.loads(text)


def _too_deep_at(text: str) -> tuple[int, int] | None:
    """Where brackets and braces outside strings and comments first nest past the limit."""
    depth, line, column, i, n = 0, 1, 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line, column = line + 1, -1  # the next character is the line's first
        elif c == "#":
            while i + 1 < n and text[i + 1] != "\n":
                i += 1
        elif c in "\"'":
            quote = text[i:i + 3] if text[i:i + 3] in ('"""', "'''") else c
            end = i + len(quote)
            while end < n and text[end:end + len(quote)] != quote:
                if quote[0] == '"' and text[end] == "\\":
                    end += 1
                if quote == c and text[end] == "\n":  # a one-line string ends at the line's end
                    break
                end += 1
            line += text.count("\n", i, end)
            i = end + len(quote) - 1
        elif c in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return line, column + 1
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
        column += 1
    return None

