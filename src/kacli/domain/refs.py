"""Finding the one record a user means by a reference (REF).

A REF is an id, an exact name, the pinyin or initials of a Chinese name, or a unique prefix or
part of a name. Tiers are tried in order; the first tier with exactly one match wins, a tier with
several matches is ambiguous, an empty tier falls through to the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kacli.errors import Ambiguous, NotFound


@dataclass(frozen=True)
class Candidate:
    id: int
    name: str
    pinyin: str = ""
    initials: str = ""
    detail: str = ""  # shown when listing ambiguous candidates, e.g. the contact's customer


def _tiers(ref: str):
    r = ref.strip()
    low = r.lower()
    compact = low.replace(" ", "")
    yield lambda c: r.isascii() and r.isdigit() and c.id == int(r)
    yield lambda c: c.name == r
    yield lambda c: c.name.lower() == low
    yield lambda c: compact in (c.pinyin, c.initials)
    yield lambda c: c.name.lower().startswith(low)
    yield lambda c: c.pinyin.startswith(compact) or c.initials.startswith(compact)
    yield lambda c: low in c.name.lower()
    yield lambda c: compact in c.pinyin


def pick(ref: str, candidates: Sequence[Candidate], *, what: str) -> Candidate:
    """The candidate ``ref`` means. ``what`` names the kind of record for messages."""
    if not ref or not ref.strip():
        raise NotFound("error.empty_ref", what=what)
    for test in _tiers(ref):
        found = [c for c in candidates if test(c)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            listed = [f"#{c.id} {c.name}" + (f" ({c.detail})" if c.detail else "") for c in found[:20]]
            raise Ambiguous("error.ambiguous_ref", listed, what=what, ref=ref, count=len(found))
    raise NotFound("error.unknown_ref", what=what, ref=ref)
