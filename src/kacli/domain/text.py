"""Checking the text a user types before it goes into the dossier.

Names are one line, at most ``MAX_NAME`` characters, with no control characters. Free text
(notes, personal facts) may have line breaks and tabs but no other control characters and at
most ``MAX_TEXT`` characters. Anything else is refused with a message naming the field.
"""

from __future__ import annotations

import unicodedata

from kacli.errors import BadInput

MAX_NAME = 200
MAX_TEXT = 10_000
_ALLOWED_IN_TEXT = {"\n", "\t"}


def _has_control(value: str, allowed: set[str]) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in value)


def name(value: str | None, *, field: str = "name") -> str:
    """A cleaned, non-empty one-line name."""
    cleaned = (value or "").strip()
    if not cleaned:
        raise BadInput("error.empty", field=field)
    if len(cleaned) > MAX_NAME:
        raise BadInput("error.too_long", field=field, limit=MAX_NAME)
    if _has_control(cleaned, set()):
        raise BadInput("error.control_chars", field=field)
    return cleaned


def free_text(value: str | None, *, field: str) -> str | None:
    """Cleaned free text; an empty string clears the field (None)."""
    if value is None:
        return None
    cleaned = value.strip()
    if not cleaned:
        return None
    if len(cleaned) > MAX_TEXT:
        raise BadInput("error.too_long", field=field, limit=MAX_TEXT)
    if _has_control(cleaned, _ALLOWED_IN_TEXT):
        raise BadInput("error.control_chars", field=field)
    return cleaned


def items(values: list[str], *, field: str) -> list[str]:
    """Several short values (phones, tags), given repeated or comma-separated."""
    out: list[str] = []
    for value in values:
        for part in value.replace("，", ",").replace("、", ",").split(","):
            part = part.strip()
            if part:
                out.append(name(part, field=field))
    return list(dict.fromkeys(out))


def key_value(pair: str) -> tuple[str, str]:
    """``key=value`` for a named fact."""
    key, sep, value = pair.partition("=")
    if not sep:
        raise BadInput("error.fact_syntax", value=pair)
    return name(key, field="key"), free_text(value, field=key.strip()) or ""


def integer(value: str | int | None, *, field: str, low: int = 0, high: int = 10**12) -> int | None:
    if value is None:
        return None
    try:
        number = int(str(value).replace(",", "").strip())
    except ValueError:
        raise BadInput("error.not_a_number", field=field, value=value) from None
    if not low <= number <= high:
        raise BadInput("error.out_of_range", field=field, value=value, low=low, high=high)
    return number
