"""Checking the text a user types before it goes into the dossier.

Names are one line, at most ``MAX_NAME`` characters, with no control characters, and are kept in
one normal form (``normal_name``) so two spellings that look alike are one name. Free text
(notes, personal facts) may have line breaks and tabs but no other control characters and at
most ``MAX_TEXT`` characters. Anything else is refused with a message naming the field.
"""

from __future__ import annotations

import re
import unicodedata

from kacli.errors import BadInput

MAX_NAME = 200
MAX_TEXT = 10_000
_ALLOWED_IN_TEXT = {"\n", "\t"}
# Characters that reorder or split what a reader sees: a name holding one would not look like
# what it is (a reversed "RLO" name, a name that spans two lines), so it is refused, not cleaned.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_SPACES = re.compile(r"\s+")


def _has_control(value: str, allowed: set[str]) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in value)


# Characters seen so far that a name may hold as they are: none of control (Cc), surrogate (Cs),
# format (Cf, which holds the bidirectional controls) or line/paragraph separator (Zl, Zp).
_PLAIN_CHARS: set[str] = set()
_NOT_PLAIN = frozenset(("Cc", "Cs", "Cf", "Zl", "Zp"))


def _plain(value: str) -> bool:
    if _PLAIN_CHARS.issuperset(value):
        return True
    new = set(value) - _PLAIN_CHARS
    if any(unicodedata.category(ch) in _NOT_PLAIN for ch in new):
        return False
    _PLAIN_CHARS.update(new)
    return True


def normal_name(value: str, *, field: str = "name") -> str:
    """``value`` in the one form names are kept and looked up in.

    Line and paragraph separators and bidirectional overrides, embeddings and isolates are refused
    (BadInput); every other invisible format character (Unicode category Cf: zero-width spaces and
    joiners, soft hyphens, direction marks, byte-order marks) is removed; the text is put in
    Unicode NFKC form (full-width ``ＡＢＣ１２３`` is ``ABC123``, a no-break or ideographic space
    a plain one); runs of spaces become one and the ends are trimmed.
    """
    if _plain(value):  # the common case, in one pass at C speed: nothing to refuse or remove
        return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()
    return _checked_name(value, field)


def _checked_name(value: str, field: str) -> str:
    """``normal_name`` character by character, for a name holding something to refuse or remove."""
    for ch in value:
        if ch in _BIDI_CONTROLS or unicodedata.category(ch) in ("Zl", "Zp"):
            raise BadInput("error.invisible_chars", field=field, code=f"U+{ord(ch):04X}")
    trimmed = value.strip()
    if _has_control(trimmed, set()):  # before spaces are joined: a tab or newline inside is refused
        raise BadInput("error.control_chars", field=field)
    return _visible(trimmed)


def _visible(value: str) -> str:
    """``value`` without format characters, in NFKC form, with single spaces."""
    visible = "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", visible)).strip()


def fold(value: str) -> str:
    """The form two names are compared in: ``normal_name`` without refusing anything (an old
    name may hold what is refused today), case-folded. ``fold("ＡＣＭＥ\u200b Ltd") == "acme ltd"``."""
    return _visible(value).casefold()


def name(value: str | None, *, field: str = "name") -> str:
    """A cleaned, non-empty one-line name, in its normal form (see ``normal_name``)."""
    cleaned = normal_name(value or "", field=field)
    if not cleaned:
        raise BadInput("error.empty", field=field)
    if len(cleaned) > MAX_NAME:
        raise BadInput("error.too_long", field=field, limit=MAX_NAME)
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
