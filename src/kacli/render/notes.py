"""Text kacli generates, worded at read time in the language of the moment.

Stored notes are a code and data (``kacli.domain.notes``); an after-sale next action stores the
deal's title and reads as "ask how {title} is working out since delivery" in today's language.
Rows written by earlier versions hold the sentence itself, in the language of the day they were
made; a sentence of that template (in any of the three languages) is recognised and worded anew.
"""

from __future__ import annotations

from typing import Any

from kacli import i18n
from kacli.domain import notes
from kacli.i18n import t


def note_text(stored: str | None) -> str | None:
    """A history or stage note: a generated one in today's words, the user's own as typed."""
    found = notes.decode(stored)
    if found is None:
        return stored
    code, data = found
    if code == "after_sale":
        return t("deal.after_sale_text", title=data.get("title", ""))
    return t(f"note.{code}", **data)


def _legacy_title(text: str) -> str | None:
    """The deal title inside an after-sale sentence an earlier version stored, in any language."""
    for template in i18n.messages()["deal.after_sale_text"]:
        head, _, tail = template.partition("{title}")
        if len(text) > len(head) + len(tail) and text.startswith(head) and text.endswith(tail):
            return text[len(head):len(text) - len(tail)]
    return None


def reworded_action(stored: str) -> str:
    """A done action's text as the history keeps it: a generated note, an earlier version's
    after-sale sentence (worded anew), or the user's own text."""
    legacy = _legacy_title(stored)
    if legacy is not None:
        return t("deal.after_sale_text", title=legacy)
    return note_text(stored) or ""


def action_text(action: dict[str, Any]) -> str:
    """A next action's text as the user reads it.

    An after-sale call whose text is its deal's title (or an earlier version's sentence) is
    worded from the deal's current title; text the user typed over it is shown as typed.
    """
    stored = action["text"]
    if action.get("kind") != "after_sale":
        return stored
    title = action.get("deal_title")
    if title is not None and stored == title:
        return t("deal.after_sale_text", title=title)
    legacy = _legacy_title(stored)
    if legacy is not None:
        return t("deal.after_sale_text", title=title if title is not None else legacy)
    return stored
