"""Notes kacli writes itself (a stage moved by visit #11, an after-sale call done), kept as a code
and its data so each reader words them in the language of the moment.

A note is stored as JSON text ``{"code": "stage_by_visit", "visit": 11}``. Notes written before
this form existed are recognised by their fixed English shape (``visit #11``); any other text is
the salesperson's own and is shown as it is.
"""

from __future__ import annotations

import json
import re
from typing import Any

CODES = ("stage_by_visit", "after_sale")
_LEGACY_VISIT = re.compile(r"^visit #(\d+)$")


def encode(code: str, **params: Any) -> str:
    """The stored text of the note ``code`` with its data."""
    if code not in CODES:
        raise ValueError(f"unknown note code {code!r}")
    return json.dumps({"code": code, **params}, ensure_ascii=False, sort_keys=False)


def decode(stored: str | None) -> tuple[str, dict[str, Any]] | None:
    """(code, data) for a note kacli wrote, else None (the text is the salesperson's own)."""
    if not stored:
        return None
    if stored.startswith("{"):
        try:
            data = json.loads(stored)
        except ValueError:
            return None
        if isinstance(data, dict) and data.get("code") in CODES:
            return data.pop("code"), data
        return None
    if m := _LEGACY_VISIT.match(stored):
        return "stage_by_visit", {"visit": int(m[1])}
    return None
