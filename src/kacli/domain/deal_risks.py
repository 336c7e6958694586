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
  decision maker on file, or nobody on our side (no supporter and no coach): the cooked duck
  flies away;
- ``decision_maker_not_met`` — an organisation's deal at validate or later whose buying centre
  names a decision maker (the deal's own, or one on file at the customer the deal does not name
  otherwise) whom nobody of ours has ever met (no logged visit with them): supportive on paper is
  not supportive; a decision maker on file is never called missing;
- ``decision_maker_opposed`` — that buying centre's decision maker or coach is an opponent;
- ``single_threaded`` — an organisation's deal at validate or later while only one person of the
  customer was met in the last :data:`THREAD_DAYS` days (met on the 60th day before today still
  counts): the deal hangs on one thread.

A hold (``deal hold``) makes closing and stalled wait for its date (``sales.held_due``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

from kacli.domain.rules import Rules
from kacli.domain.sales import NO_DECISION_MAKER, held_due, uncovered_roles
from kacli.domain.week_input import Contact, Deal, RoleCover

# An organisation's buying centre is at risk from negotiation on: before that nobody has decided.
LATE_STAGES = ("negotiate", "contract", "deliver")
# Whom we have met at an organisation matters from validation on: the need is matched to a budget
# someone signs, so the decision maker and more than one person must be reached.
PEOPLE_STAGES = ("validate", *LATE_STAGES)
THREAD_DAYS = 60
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


def roles_on_file(deal: Deal, contacts: tuple[Contact, ...]) -> list[RoleCover]:
    """The buying roles recorded on the customer's contacts whom the deal does not name: the deal
    views list them beside the deal's own roles (met or not); the buying centre counts them once
    they have been met."""
    named = {cover.contact_id for cover in deal.roles}
    return [RoleCover(c.id, role, c.attitude) for c in contacts if c.id not in named for role in c.roles]


def buying_centre(deal: Deal, contacts: tuple[Contact, ...]) -> list[RoleCover]:
    """The deal's buying centre as a salesperson reads it: the deal's own roles, and the roles on
    file (:func:`roles_on_file`) of each contact whom we have met (a logged visit with them: a
    decision maker on file but never reached is the cooked duck's missing link). A contact the
    deal names has the roles the deal gives them; a deal role without an attitude takes the
    contact's."""
    attitude = {c.id: c.attitude for c in contacts}
    met = {c.id for c in contacts if c.last_met is not None}
    covers = [cover if cover.attitude else cover._replace(attitude=attitude.get(cover.contact_id))
              for cover in deal.roles]
    covers += [cover for cover in roles_on_file(deal, contacts) if cover.contact_id in met]
    return covers


def unmet_decision_maker(deal: Deal, contacts: tuple[Contact, ...]) -> int | None:
    """The decision maker the deal's buying centre names when none of them has ever been met: the
    deal's own decision makers, and the contacts on file as decision makers whom the deal does not
    name otherwise (the first of them by id); None when one has been met, or none is on file."""
    named = {cover.contact_id for cover in deal.roles}
    makers = {cover.contact_id for cover in deal.roles if cover.role == "decision_maker"}
    on_file = [c for c in contacts if c.id in makers or (c.id not in named and "decision_maker" in c.roles)]
    return None if not on_file or any(c.last_met is not None for c in on_file) else on_file[0].id


def threads(contacts: tuple[Contact, ...], today: dt.date) -> list[Contact]:
    """The customer's people met in the last :data:`THREAD_DAYS` days (up to ``today``)."""
    return [c for c in contacts if c.last_met is not None and (today - c.last_met).days <= THREAD_DAYS]


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
    if kind == "person" or deal.stage not in PEOPLE_STAGES:
        return risks
    names = {c.id: c.name for c in contacts}
    # A risk, not a deadline: each is due today, every day until it is dealt with.
    unmet = unmet_decision_maker(deal, contacts)
    if deal.stage in LATE_STAGES:
        covers = buying_centre(deal, contacts)
        # A decision maker on file but never met is not missing: they are not met (below).
        missing = tuple(m for m in uncovered_roles(covers) if unmet is None or m != NO_DECISION_MAKER)
        if missing:
            risks.append(Risk("roles_uncovered", today, {**base, "missing": missing}))
        for cover in covers:
            if cover.attitude == "opponent" and cover.role in ("decision_maker", "coach"):
                # The seeds' buying-centre risk: the one who decides (or guides) is against us.
                risks.append(Risk("decision_maker_opposed", today, {
                    **base, "role": cover.role, "contact": names.get(cover.contact_id, "")},
                    cover.contact_id))
                break
    if unmet is not None:
        risks.append(Risk("decision_maker_not_met", today, {**base, "contact": names.get(unmet, "")}, unmet))
    met = threads(contacts, today)
    if len(met) == 1:
        risks.append(Risk("single_threaded", today, {**base, "contact": met[0].name, "days": THREAD_DAYS}))
    return risks
