"""Erasing a person (a PIPL/GDPR request): what is a mention of them in free text, and which
history lines are theirs rather than the business's.

- A person is identified by every name they have had, their phone numbers and their email and
  WeChat id. In free text only a *whole mention* is replaced by "(forgotten #ID)":
  - a name, compared as names are (Traditional and Simplified alike, case-folded: 歐陽明 is
    欧阳明), is not whole when the characters around it make it part of another known name (a
    contact, customer or competitor in the dossier: 王芳 inside 王芳芳 when 王芳芳 is a contact), or
    when the character beside it repeats its own first or last one (王芳芳 even when nobody is
    called so); a name in Latin letters is not whole beside another letter or digit. A
    character that is not part of a known name ends the mention: 王芳说 is a mention of 王芳.
  - a number is compared by its digits (139-1111-2222 = 13911112222 = 139 1111 2222, with or
    without +86) and is not whole inside a longer number: beside another digit, or joined to
    one by a hyphen or a dot (010-8888-0000-8012 is an extension, another number).
  - an email or WeChat id is not whole beside another character such ids are made of.
- A mention of an identifier that also belongs to another record (the company switchboard that
  is also the customer's phone, a name another contact bears) is *shared*: it is never erased,
  and the user is told where it stays.
- Names shorter than two characters and numbers shorter than seven digits are never searched
  for: they would match text that is not the person.
- A history line is the person's own when it records one of their fields (name, phones, title,
  a personal or named fact, their stage...); those go with them. Every other line that merely
  mentions them (a next action done with a note, a role on a deal) is a business fact: it stays,
  without the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

PLACEHOLDER = "(forgotten #{id})"
MIN_LENGTH = 2
MIN_PHONE_DIGITS = 7

# Fields of a contact recorded in the change log besides its columns.
_OWN_EXTRA = {"created", "birthday", "stage_note", "forgotten", "name_pinyin", "name_initials"}

_NUMBER = re.compile(r"(?:(?:\+|00)86[\s\-]?)?\d(?:[\s\-.()\u00a0]{0,2}\d)*")
_COUNTRY = re.compile(r"^(?:\+|00)86")
_HANDLE_CHAR = re.compile(r"[A-Za-z0-9_.@+\-]")
_LATIN = re.compile(r"[A-Za-z0-9]")


def placeholder(contact_id: int | None) -> str:
    """What stands where the person was; "(forgotten)" for one removed before ids were kept."""
    return "(forgotten)" if contact_id is None else PLACEHOLDER.format(id=contact_id)


@lru_cache(maxsize=1 << 16)
def _char_key(ch: str) -> str:
    """One character as names compare it: folded and in Simplified script, still one character
    (so positions in the keyed text are positions in the text)."""
    from kacli.domain.names import simplified
    from kacli.domain.text import fold

    key = fold(ch)
    if len(key) != 1:
        return ch.casefold() if len(ch.casefold()) == 1 else ch
    key = simplified(key)
    return key if len(key) == 1 else ch


def keyed(text: str) -> str:
    """``text`` with every character as names compare it, position for position."""
    return "".join(_char_key(ch) for ch in text)


def digits(phone: str) -> str:
    """A phone number's digits, without a leading +86/0086 country code."""
    return re.sub(r"\D", "", _COUNTRY.sub("", phone.strip()))


@dataclass(frozen=True)
class Person:
    """What identifies one person in free text."""

    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()  # digits only
    handles: tuple[str, ...] = ()  # email, WeChat id
    phones: tuple[str, ...] = ()  # the numbers as written, to show them

    @classmethod
    def of(cls, *, names: Iterable[str | None] = (), phones: Iterable[str | None] = (),
           handles: Iterable[str | None] = ()) -> Person:
        """Names and handles of at least two characters, phones of at least seven digits; each
        once, longest first."""
        def clean(values: Iterable[str | None]) -> tuple[str, ...]:
            found = {v.strip() for v in values if v and len(v.strip()) >= MIN_LENGTH}
            return tuple(sorted(found, key=lambda s: (-len(s), s)))

        numbers = {digits(p) for p in phones if p}
        return cls(names=clean(names),
                   numbers=tuple(sorted((n for n in numbers if len(n) >= MIN_PHONE_DIGITS),
                                        key=lambda s: (-len(s), s))),
                   handles=clean(handles), phones=clean(phones))

    def shown(self, key: str) -> str:
        """An identifier as the person has it written, from its key (a number from its digits)."""
        for value in (*self.names, *self.handles):
            if keyed(value) == key:
                return value
        return next((p for p in self.phones if digits(p) == key), key)

    def __bool__(self) -> bool:
        return bool(self.names or self.numbers or self.handles)


@dataclass(frozen=True)
class Others:
    """What belongs to other records: their names (a mention inside one is not the person's) and
    the identifiers they share with the person (never erased): names and handles as ``keyed``
    gives them, numbers as their digits."""

    names: frozenset[str] = frozenset()
    shared: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *, names: Iterable[str | None] = (), shared: Iterable[str] = ()) -> Others:
        return cls(names=frozenset(keyed(n.strip()) for n in names if n and n.strip()),
                   shared=frozenset(shared))


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    identifier: str  # the name or handle as the person has it, or the number's digits
    kind: str  # "name", "handle" or "number"
    shared: bool

    @property
    def key(self) -> str:
        """The identifier as ``Others.shared`` holds it."""
        return self.identifier if self.kind == "number" else keyed(self.identifier)


def mentions(text: str | None, person: Person, others: Others = Others()) -> list[Mention]:
    """Every whole mention of ``person`` in ``text``, in order, none overlapping (at one place the
    longest identifier wins)."""
    if not text or not person:
        return []
    found: list[Mention] = []
    keys = keyed(text)
    for name in person.names:
        found += _name_mentions(text, keys, name, person, others)
    for handle in person.handles:
        found += _handle_mentions(keys, handle, others)
    if person.numbers:
        found += _number_mentions(text, person, others)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for mention in found:
        if not out or mention.start >= out[-1].end:
            out.append(mention)
    return out


def _name_mentions(text: str, keys: str, name: str, person: Person, others: Others) -> list[Mention]:
    needle = keyed(name)
    own = {keyed(n) for n in person.names}
    longer = [k for k in others.names if needle in k and k not in own]
    shared = needle in others.shared
    out = []
    start = keys.find(needle)
    while start >= 0:
        end = start + len(needle)
        if _whole_name(keys, start, end, needle, longer):
            out.append(Mention(start, end, name, "name", shared))
        start = keys.find(needle, start + 1)
    return out


def _whole_name(keys: str, start: int, end: int, needle: str, longer: list[str]) -> bool:
    before = keys[start - 1] if start > 0 else ""
    after = keys[end] if end < len(keys) else ""
    if _LATIN.match(needle[0]) and _LATIN.match(before):
        return False
    if _LATIN.match(needle[-1]) and _LATIN.match(after):
        return False
    if before == needle[0] or after == needle[-1]:  # 王芳芳: a repeated character is more name
        return False
    for other in longer:  # 王芳 inside the known name 王芳芳 (or 欧阳芳 around 阳芳)
        offset = other.find(needle)
        while offset >= 0:
            if keys.startswith(other, start - offset) and start - offset >= 0:
                return False
            offset = other.find(needle, offset + 1)
    return True


def _handle_mentions(keys: str, handle: str, others: Others) -> list[Mention]:
    needle = keyed(handle)
    shared = needle in others.shared
    out = []
    start = keys.find(needle)
    while start >= 0:
        end = start + len(needle)
        before = keys[start - 1] if start > 0 else ""
        after = keys[end] if end < len(keys) else ""
        # A sentence's full stop after an id is not part of it.
        after_more = after == "." and end + 1 < len(keys) and _HANDLE_CHAR.match(keys[end + 1])
        if not _HANDLE_CHAR.match(before) and (not _HANDLE_CHAR.match(after) or after == "." and not after_more):
            out.append(Mention(start, end, handle, "handle", shared))
        start = keys.find(needle, start + 1)
    return out


def _number_mentions(text: str, person: Person, others: Others) -> list[Mention]:
    out = []
    for match in _NUMBER.finditer(text):
        # Groups split by spaces may be one number (138 0000 1111) or several side by side
        # (2026 13911112222): any run of whole groups can be the person's number.
        pieces = [(m.start() + match.start(), m.end() + match.start())
                  for m in re.finditer(r"\S+", match.group())]
        i = 0
        while i < len(pieces):
            for j in range(len(pieces), i, -1):
                start, end = pieces[i][0], pieces[j - 1][1]
                number = digits(text[start:end])
                if number in person.numbers:
                    out.append(Mention(start, end, number, "number", number in others.shared))
                    i = j - 1
                    break
            i += 1
    return out


def erased(text: str, found: list[Mention], replacement: str) -> str:
    """``text`` with every mention that is not shared replaced."""
    for mention in reversed(found):
        if not mention.shared:
            text = text[:mention.start] + replacement + text[mention.end:]
    return text


def is_own_change(field: str, contact_columns: Iterable[str]) -> bool:
    """Whether a change-log line with this field records the person's own data."""
    return field.startswith("fact:") or field in _OWN_EXTRA or field in set(contact_columns)
