"""Deal holds: a known postponement, kept on the deal with its reason (``deal hold``/``resume``).

What a hold means for the week list is ``kacli.domain.sales.on_hold``/``held_due``; this module
only reads and writes it, and records each change in the customer's history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from kacli.domain import sales
from kacli.store import history
from kacli.store.deals import history_prefix


@dataclass(frozen=True)
class Hold:
    until: str  # ISO date
    reason: str | None


def hold(uow, deal_id: int, until: dt.date, reason: str | None, today: dt.date) -> Hold | None:
    """Put an open deal on hold until ``until`` (after today); the hold it replaces, if any."""
    from kacli.store.models import Deal

    deal = uow.session.get(Deal, deal_id)
    sales.check_hold(deal.title, deal.outcome, until, today)
    before = Hold(deal.hold_until, deal.hold_reason) if deal.hold_until else None
    history.apply(uow, deal, {"hold_until": until.isoformat(), "hold_reason": reason},
                  customer_id=deal.customer_id, prefix=history_prefix(deal.title))
    return before


def resume(uow, deal_id: int) -> Hold | None:
    """Take a deal off hold; the hold it had, or None when it had none (nothing changes)."""
    from kacli.store.models import Deal

    deal = uow.session.get(Deal, deal_id)
    if deal.hold_until is None:
        return None
    before = Hold(deal.hold_until, deal.hold_reason)
    history.apply(uow, deal, {"hold_until": None, "hold_reason": None},
                  customer_id=deal.customer_id, prefix=history_prefix(deal.title))
    return before
