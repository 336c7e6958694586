"""What is at risk on an open deal, decided once for every screen that shows it.

``kacli week``, ``remind``, ``why``, ``export ics``, ``deal show``, ``customer show`` and
``report pipeline`` all read a deal's risks from :func:`deal_risks` and whether it is stalled from
:func:`stall_day`; they format the codes, they never decide them.

The risks, as codes (their words are the week list's reason words):

- ``deal_closing`` — the expected close date has come (or, for the week list, comes before the
  window ends); passed once it is behind us;
- ``deal_stalled`` — more days in the stage than the rules allow, counted from the later of the
  day the deal entered its stage and its last touch: an update of it, or a visit or call about
  it (``visit log --deal``) on any day;
- ``roles_uncovered`` — an organisation's deal at negotiate or later whose buying centre has no
  decision maker, or nobody on our side (no supporter and no coach): the cooked duck flies away;
- ``decision_maker_opposed`` — that buying centre's decision maker or coach is an opponent.

A hold (``deal hold``) makes closing and stalled wait for its date (``sales.held_due``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from kacli.domain.rules import Rules
from kacli.domain.sales import held_due, uncovered_roles
from kacli.domain.week_input import Contact, Deal, RoleCover

# An organisation's buying centre is at risk from negotiation on: before that nobody has decided.
LATE_STAGES = ("negotiate", "contract", "deliver")
_DAY = dt.timedelta(days=1)


class Risk(NamedTuple):
    """One risk of a deal: its code, the day it is (or becomes) due, what its words need, and the
    contact it is about (if any) — the fields of a week-list reason."""

    code: str
    due: dt.date
    params: Mapping[str, Any] = MappingProxyType({})
    contact_id: int | None = None


def stall_day(stage: str, stage_entered: dt.date, touched: dt.date | None, hold_until: dt.date | None,
              stalled_days: Mapping[str, int]) -> dt.date | None:
    """The first day an open deal is stalled: the stage's ``stalled_days`` + 1 after it entered the
    stage or was last touched (updated, or visited or called about), whichever is later; not
    before a hold ends. None for a stage without a limit. Stalled on ``today`` when this is on or
    before it."""
    threshold = stalled_days.get(stage)
    if threshold is None:
        return None
    start = stage_entered if touched is None or touched < stage_entered else touched
    return held_due(start + (threshold + 1) * _DAY, hold_until)


def buying_centre(deal: Deal, contacts: tuple[Contact, ...]) -> list[RoleCover]:
    """The deal's buying centre as a salesperson reads it: the deal's own roles, and the roles
    recorded on each contact the deal does not name and whom we have met (a logged visit with
    them: a decision maker on file but never reached is the cooked duck's missing link). A
    contact the deal names has the roles the deal gives them; a deal role without an attitude
    takes the contact's."""
    attitude = {c.id: c.attitude for c in contacts}
    covers = [cover if cover.attitude else cover._replace(attitude=attitude.get(cover.contact_id))
              for cover in deal.roles]
    named = {cover.contact_id for cover in deal.roles}
    for c in contacts:
        if c.roles and c.last_met is not None and c.id not in named:
            covers.extend(RoleCover(c.id, role, c.attitude) for role in c.roles)
    return covers


def deal_risks(deal: Deal, kind: str, contacts: tuple[Contact, ...], today: dt.date, rules: Rules,
               until: dt.date | None = None) -> list[Risk]:
    """The risks of open ``deal`` of a customer of ``kind`` (org or person) with ``contacts``, due
    by ``until`` (``today`` when not given: what is at risk now)."""
    until = today if until is None else until
    base = {"deal_id": deal.id, "title": deal.title, "stage": deal.stage}
    risks: list[Risk] = []
    if deal.expected_close is not None:
        closing = held_due(deal.expected_close, deal.hold_until)
        if closing <= until:
            risks.append(Risk("deal_closing", closing, {
                **base, "expected_close": deal.expected_close, "amount_fen": deal.amount_fen}))
    stalls = stall_day(deal.stage, deal.stage_entered, deal.touched, deal.hold_until, rules.stalled_days)
    if stalls is not None and stalls <= until:  # stalled already, or will be before ``until``
        risks.append(Risk("deal_stalled", stalls, {
            **base, "days_in_stage": (today - deal.stage_entered).days,
            "threshold": rules.stalled_days[deal.stage], "stalls": stalls, "upcoming": stalls > today}))
    # An individual is their own user, buyer and decision maker: no buying centre to cover.
    if deal.stage in LATE_STAGES and kind != "person":
        covers = buying_centre(deal, contacts)
        missing = uncovered_roles(covers)
        if missing:
            # A risk, not a deadline: due today, every day until the role is covered.
            risks.append(Risk("roles_uncovered", today, {**base, "missing": missing}))
        names = {c.id: c.name for c in contacts}
        for cover in covers:
            if cover.attitude == "opponent" and cover.role in ("decision_maker", "coach"):
                # The seeds' buying-centre risk: the one who decides (or guides) is against us.
                risks.append(Risk("decision_maker_opposed", today, {
                    **base, "role": cover.role, "contact": names.get(cover.contact_id, "")},
                    cover.contact_id))
                break
    return risks
