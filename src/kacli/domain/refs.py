"""Finding the one record a user means by a reference (REF).

A REF of digits is an id and only an id (``12`` is record #12). Anything else is a name: the exact
name, the same name but for case, width, invisible characters or script (its lookup key), the pinyin
or initials of a Chinese name, or a unique part of a name (a prefix is a part like any other, so
a REF that found one name never moves to one added later that merely holds it). ``name:`` before a REF makes it
a name whatever it looks like, so a customer called ``12`` is ``name:12``. Name tiers are tried in
order; the first tier with exactly one match wins, a tier with several matches is ambiguous, an
empty tier falls through to the next. When nothing matches, ``nearest`` says what the user may
have meant.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from kacli.domain import text
from kacli.errors import Ambiguous, NotFound

NAME_PREFIX = "name:"
_MAX_ID_DIGITS = 18  # SQLite's integers end at 19 digits: a longer id names nothing
SUGGESTIONS = 3


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    pinyin: str = ""
    initials: str = ""
    detail: str = ""  # shown when listing ambiguous candidates, e.g. the contact's customer
    key: str = ""  # the name's lookup key (kacli.domain.names.lookup_key)


@dataclass(frozen=True)
class Query:
    """What a REF asks for."""

    ref: str  # as typed
    name: str  # the name part, in normal form ("" for an id)
    id: int | None  # the id a REF of digits names
    key: str  # the name folded (text.fold); the caller may turn it into Simplified script
    compact: str  # lower case without spaces: compared with pinyin and initials

    def with_key(self, key: str) -> Query:
        return replace(self, key=key)


def parse(ref: str, *, what: str = "ref") -> Query:
    """The query a REF makes; NotFound for an empty one, BadInput for one no name can be."""
    raw = (ref or "").strip()
    named = raw[:len(NAME_PREFIX)].lower() == NAME_PREFIX
    name = text.normal_name(raw[len(NAME_PREFIX):] if named else raw)
    if not name:
        raise NotFound("error.empty_ref", what=what)
    if not named and name.isascii() and name.isdigit():
        number = int(name) if len(name) <= _MAX_ID_DIGITS else -1
        return Query(ref, "", number, "", "")
    key = text.fold(name)
    return Query(ref, name, None, key, key.replace(" ", ""))


def _tiers(q: Query) -> Iterator[Callable[[Candidate], bool]]:
    if q.id is not None:
        yield lambda c: c.id == q.id
        return
    yield lambda c: c.name == q.name
    yield lambda c: c.key == q.key
    yield lambda c: q.compact in (c.pinyin, c.initials)
    # A prefix is one kind of part: were it a tier of its own, a REF that found one name by a
    # part of it would move, without a word, to a name added later that starts with the REF.
    yield lambda c: q.key in c.key
    yield lambda c: q.compact in c.pinyin or c.initials.startswith(q.compact)


def matches(q: Query, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The candidates of the first tier that has any (none when no tier has)."""
    for test in _tiers(q):
        found = [c for c in candidates if test(c)]
        if found:
            return found
    return []


def one(q: Query, found: Sequence[Candidate], *, what: str,
        suggestions: Sequence[Candidate] = ()) -> Candidate:
    """The single candidate found; NotFound (naming ``suggestions``) or Ambiguous otherwise."""
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        listed = [f"#{c.id} {c.name}" + (f" ({c.detail})" if c.detail else "") for c in found[:20]]
        raise Ambiguous("error.ambiguous_ref", listed, what=what, ref=q.ref, count=len(found))
    if suggestions:
        names = ", ".join(as_ref(c) + (f" ({c.detail})" if c.detail else "") for c in suggestions)
        raise NotFound("error.unknown_ref_suggest", what=what, ref=q.ref, names=names)
    raise NotFound("error.unknown_ref", what=what, ref=q.ref)


def pick(ref: str, candidates: Sequence[Candidate], *, what: str) -> Candidate:
    """The candidate ``ref`` means (keys compared as folded, without script conversion)."""
    q = parse(ref, what=what)
    return one(q, matches(q, candidates), what=what)


def as_ref(c: Candidate) -> str:
    """How to name ``c`` in a REF: its name, with ``name:`` when the name looks like an id."""
    plain = c.name.isascii() and c.name.isdigit()
    return f"{NAME_PREFIX}{c.name}" if plain or c.name.lower().startswith(NAME_PREFIX) else c.name


# ---- what the user may have meant -----------------------------------------------------------

def distance(a: str, b: str, limit: int) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``; ``limit + 1``
    as soon as it is sure to be more than ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, row = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        before, row = row, current
    return min(row[-1], limit + 1)


def allowed_edits(length: int) -> int:
    """How far a typo may stray: one edit in a short name, two up to ten characters, then three."""
    return 1 if length <= 4 else 2 if length <= 10 else 3


def nearest(q: Query, candidates: Sequence[Candidate], *, pinyin: str = "", initials: str = "",
            limit: int = SUGGESTIONS) -> list[Candidate]:
    """The candidates closest to what ``q`` asked for: the same pinyin or initials as the name
    typed (``pinyin``/``initials``: its own search keys), then names a few edits away, then pinyin
    a few edits away from the letters typed. At most ``limit``, closest first."""
    if q.id is not None:  # a number that is no id: only a name that is that number
        return [c for c in candidates if c.key == str(q.id)][:limit]
    scored: list[tuple[int, str, int, Candidate]] = []
    for c in candidates:
        score = _closeness(q, c, pinyin, initials)
        if score is not None:
            scored.append((score, c.pinyin, c.id, c))
    return [c for *_, c in sorted(scored)[:limit]]


def _closeness(q: Query, c: Candidate, pinyin: str, initials: str) -> int | None:
    """How many edits ``c`` is from what ``q`` asked for (0: it sounds the same); None: too far."""
    if pinyin and (c.pinyin == pinyin or (len(initials) > 1 and c.initials == initials)):
        return 0
    edits = allowed_edits(len(q.key))
    by_name = distance(q.key, c.key, edits)
    if by_name <= edits:
        return by_name
    if q.compact.isascii() and len(q.compact) > 2:  # letters typed: a typo in pinyin or initials
        edits = allowed_edits(len(q.compact))
        by_letters = min(distance(q.compact, letters, edits) for letters in (c.pinyin, c.initials))
        if by_letters <= edits:
            return by_letters
    return None
