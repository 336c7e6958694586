"""Looking up customers, contacts and deals by a REF (id, name, pinyin, initials, prefix, part).

The rules are ``kacli.domain.refs``; here the rows are read. A REF is first compared as typed
with each name's lookup key (kept when the name was written, in Simplified script), so a lookup
loads no converter; only a REF that found nothing and holds Chinese is turned into Simplified and
tried again (``宏達機械`` finds 宏达机械). A REF that still finds nothing names the nearest names.
"""

from __future__ import annotations

from collections.abc import Callable

from kacli.domain import refs
from kacli.domain.refs import Candidate, Query
from kacli.domain.text import MAX_NAME
from kacli.store.db import Db


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _params(q: Query) -> dict:
    # No name is longer than MAX_NAME, so a longer REF is part of none (and SQLite refuses a
    # LIKE pattern of 50,000 characters): NULL patterns match nothing.
    fits = len(q.name) <= MAX_NAME
    return {"id": -1 if q.id is None else q.id, "by_name": q.id is None,
            "like": _like(q.key) if fits else None, "plike": _like(q.compact) if fits else None,
            "as_typed": _like(q.name) if fits else None}


def _find(q: Query, what: str, fetch: Callable[[Query], list[Candidate]],
          everyone: Callable[[], list[Candidate]]) -> Candidate:
    found = refs.matches(q, fetch(q))
    if not found and q.id is None and not q.key.isascii():
        from kacli.domain.names import simplified

        in_simplified = simplified(q.key)
        if in_simplified != q.key:
            q = q.with_key(in_simplified)
            found = refs.matches(q, fetch(q))
    if found:
        return refs.one(q, found, what=what)
    return refs.one(q, [], what=what, suggestions=_nearest(q, everyone()))


def _nearest(q: Query, candidates: list[Candidate]) -> list[Candidate]:
    pinyin = initials = ""
    if q.id is None and not q.name.isascii():
        from kacli.domain.names import search_keys  # loads pypinyin: only when nothing was found

        pinyin, initials = search_keys(q.name)
    return refs.nearest(q, candidates, pinyin=pinyin, initials=initials)


_CUSTOMER = "SELECT id, name, name_pinyin, name_initials, '', name_key FROM customer"


def customer(db: Db, ref: str) -> Candidate:
    def fetch(q: Query) -> list[Candidate]:
        rows = db.rows(
            _CUSTOMER + """ WHERE id = :id OR (:by_name = 1 AND (name_key LIKE :like ESCAPE '\\'
                              OR name LIKE :as_typed ESCAPE '\\'
                              OR name_pinyin LIKE :plike ESCAPE '\\'
                              OR name_initials LIKE :plike ESCAPE '\\'))""",
            **_params(q),
        )
        return [Candidate(*r) for r in rows]

    return _find(refs.parse(ref, what="customer"), "customer", fetch,
                 lambda: [Candidate(*r) for r in db.rows(_CUSTOMER)])


_CONTACT = """SELECT contact.id, contact.name, contact.name_pinyin, contact.name_initials,
                     customer.name, contact.name_key
              FROM contact JOIN customer ON customer.id = contact.customer_id
              WHERE (:cust IS NULL OR contact.customer_id = :cust)"""


def contact(db: Db, ref: str, *, customer_id: int | None = None) -> Candidate:
    """A contact by REF, optionally only among one customer's contacts."""
    def fetch(q: Query) -> list[Candidate]:
        rows = db.rows(
            _CONTACT + """ AND (contact.id = :id OR (:by_name = 1 AND (
                                contact.name_key LIKE :like ESCAPE '\\'
                                OR contact.name LIKE :as_typed ESCAPE '\\'
                                OR contact.name_pinyin LIKE :plike ESCAPE '\\'
                                OR contact.name_initials LIKE :plike ESCAPE '\\')))""",
            cust=customer_id, **_params(q),
        )
        return [Candidate(*r) for r in rows]

    return _find(refs.parse(ref, what="contact"), "contact", fetch,
                 lambda: [Candidate(*r) for r in db.rows(_CONTACT, cust=customer_id)])


_DEAL = """SELECT deal.id, deal.title, deal.title_pinyin, deal.title_initials, customer.name,
                  deal.title_key
           FROM deal JOIN customer ON customer.id = deal.customer_id
           WHERE (:cust IS NULL OR deal.customer_id = :cust)"""


def deal(db: Db, ref: str, *, customer_id: int | None = None) -> Candidate:
    """A deal by REF, optionally only among one customer's deals."""
    def fetch(q: Query) -> list[Candidate]:
        rows = db.rows(
            _DEAL + """ AND (deal.id = :id OR (:by_name = 1 AND (deal.title_key LIKE :like ESCAPE '\\'
                           OR deal.title LIKE :as_typed ESCAPE '\\'
                           OR deal.title_pinyin LIKE :plike ESCAPE '\\'
                           OR deal.title_initials LIKE :plike ESCAPE '\\')))""",
            cust=customer_id, **_params(q),
        )
        return [Candidate(*r) for r in rows]

    return _find(refs.parse(ref, what="deal"), "deal", fetch,
                 lambda: [Candidate(*r) for r in db.rows(_DEAL, cust=customer_id)])
