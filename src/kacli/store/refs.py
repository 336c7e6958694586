"""Looking up customers, contacts and deals by a REF (id, name, pinyin, initials, prefix, part)."""

from __future__ import annotations

from kacli.domain.refs import Candidate, pick
from kacli.domain.text import MAX_NAME
from kacli.store.db import Db


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _params(ref: str) -> dict:
    ref = ref.strip()
    # No name is longer than MAX_NAME, so a longer REF is part of none (and SQLite refuses a
    # LIKE pattern of 50,000 characters): NULL patterns match nothing.
    fits = len(ref) <= MAX_NAME
    return {
        "id": int(ref) if ref.isascii() and ref.isdigit() and len(ref) < 18 else -1,
        "like": _like(ref) if fits else None,
        "plike": _like(ref.lower().replace(" ", "")) if fits else None,
    }


def customer(db: Db, ref: str) -> Candidate:
    rows = db.rows(
        """SELECT id, name, name_pinyin, name_initials FROM customer
           WHERE id = :id OR name LIKE :like ESCAPE '\\'
              OR name_pinyin LIKE :plike ESCAPE '\\' OR name_initials LIKE :plike ESCAPE '\\'""",
        **_params(ref),
    )
    return pick(ref, [Candidate(r[0], r[1], r[2], r[3]) for r in rows], what="customer")


def contact(db: Db, ref: str, *, customer_id: int | None = None) -> Candidate:
    """A contact by REF, optionally only among one customer's contacts."""
    rows = db.rows(
        """SELECT contact.id, contact.name, contact.name_pinyin, contact.name_initials,
                  customer.name
           FROM contact JOIN customer ON customer.id = contact.customer_id
           WHERE (:cust IS NULL OR contact.customer_id = :cust)
             AND (contact.id = :id OR contact.name LIKE :like ESCAPE '\\'
                  OR contact.name_pinyin LIKE :plike ESCAPE '\\'
                  OR contact.name_initials LIKE :plike ESCAPE '\\')""",
        cust=customer_id,
        **_params(ref),
    )
    return pick(ref, [Candidate(r[0], r[1], r[2], r[3], r[4]) for r in rows], what="contact")


def deal(db: Db, ref: str) -> Candidate:
    rows = db.rows(
        """SELECT deal.id, deal.title, deal.title_pinyin, deal.title_initials, customer.name
           FROM deal JOIN customer ON customer.id = deal.customer_id
           WHERE deal.id = :id OR deal.title LIKE :like ESCAPE '\\'
              OR deal.title_pinyin LIKE :plike ESCAPE '\\'
              OR deal.title_initials LIKE :plike ESCAPE '\\'""",
        **_params(ref),
    )
    return pick(ref, [Candidate(r[0], r[1], r[2], r[3], r[4]) for r in rows], what="deal")
