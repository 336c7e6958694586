"""Erasing a person (a PIPL/GDPR request): what identifies them in free text, and which history
lines are theirs rather than the business's.

- A person is identified by every name they have had, their phones (as written and as bare
  digits), email and WeChat. Each such text is replaced by "(forgotten #ID)" wherever it occurs in
  free text; longer texts first, so "张三丰" never leaves "(forgotten #7)丰" behind.
- Texts shorter than two characters are never replaced: a one-character "name" would erase that
  character from every note in the dossier.
- A history line is the person's own when it records one of their fields (name, phones, title,
  a personal or named fact, their stage...); those go with them. Every other line that merely
  mentions them (a next action done with a note, a role on a deal) is a business fact: it stays,
  without the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PLACEHOLDER = "(forgotten #{id})"
MIN_LENGTH = 2
MIN_PHONE_DIGITS = 7

# Fields of a contact recorded in the change log besides its columns.
_OWN_EXTRA = {"created", "birthday", "stage_note", "forgotten", "name_pinyin", "name_initials"}


def placeholder(contact_id: int | None) -> str:
    """What stands where the person was; "(forgotten)" for one removed before ids were kept."""
    return "(forgotten)" if contact_id is None else PLACEHOLDER.format(id=contact_id)


def identifiers(*, names: Iterable[str | None], phones: Iterable[str | None],
                others: Iterable[str | None]) -> list[str]:
    """Every text to erase for one person, longest first."""
    found: set[str] = set()
    for value in [*names, *others]:
        if value and len(value.strip()) >= MIN_LENGTH:
            found.add(value.strip())
    for phone in phones:
        if not phone or len(phone.strip()) < MIN_LENGTH:
            continue
        found.add(phone.strip())
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= MIN_PHONE_DIGITS:
            found.add(digits)
    return sorted(found, key=lambda s: (-len(s), s))


def redact(text: str | None, needles: list[str], replacement: str) -> str | None:
    """``text`` with every needle replaced (needles longest first, as ``identifiers`` gives)."""
    if not text:
        return text
    for needle in needles:
        if needle in text:
            text = text.replace(needle, replacement)
    return text


def is_own_change(field: str, contact_columns: Iterable[str]) -> bool:
    """Whether a change-log line with this field records the person's own data."""
    return field.startswith("fact:") or field in _OWN_EXTRA or field in set(contact_columns)
