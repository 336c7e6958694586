"""Contacts logged per week, and how well the revisit cadence is kept (seed 003).

Every logged (not planned) visit counts — calls, visits, meals, gifts… — in the week (Monday to
Sunday) of its date, by kind and by the relationship stage its kind marks (seed 001's marker
activities; ``none`` for kinds that mark no stage).

**Cadence coverage**, as of the report's last day: per grade, the share of customers whose last
logged contact is within their revisit interval (``grading.revisit_days`` for their kind and
grade); a customer never contacted is not covered. Lost and dormant customers are left out: they
are not visited on a cadence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from kacli.domain.grading import revisit_days
from kacli.domain.relationship import LADDER, marked_stage
from kacli.domain.reports import fraction
from kacli.domain.rules import ALL_GRADES, Rules

NO_STAGE = "none"
STAGE_KEYS = (*LADDER, NO_STAGE)
RESTING = frozenset({"lost", "dormant"})


class Week(NamedTuple):
    week: dt.date  # its Monday
    total: int
    by_kind: dict[str, int]  # kinds seen that week, most first
    by_stage: dict[str, int]  # every stage and "none"


class Cover(NamedTuple):
    grade: str | None  # None: ungraded
    customers: int
    on_cadence: int
    share: float | None


class Activity(NamedTuple):
    since: dt.date
    until: dt.date
    total: int
    weeks: tuple[Week, ...]  # every week of the period, also when empty
    by_kind: dict[str, int]  # the whole period, most first
    coverage: tuple[Cover, ...]  # grades with customers, O A B C D then ungraded


class Account(NamedTuple):
    kind: str
    grade: str | None
    status: str
    last_contact: dt.date | None


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _most_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def on_cadence(account: Account, as_of: dt.date, rules: Rules) -> bool:
    if account.last_contact is None:
        return False
    return (as_of - account.last_contact).days <= revisit_days(account.kind, account.grade, rules)


def activity(visits: Iterable[tuple[dt.date, str]], accounts: Iterable[Account], since: dt.date,
             until: dt.date, rules: Rules) -> Activity:
    """``visits``: (date, kind) of logged contacts; ``accounts``: every customer."""
    weeks: dict[dt.date, tuple[dict[str, int], dict[str, int]]] = {}
    day = monday(since)
    while day <= until:
        weeks[day] = ({}, dict.fromkeys(STAGE_KEYS, 0))
        day += dt.timedelta(days=7)
    overall: dict[str, int] = {}
    total = 0
    for when, kind in visits:
        if not since <= when <= until:
            continue
        kinds, stages = weeks[monday(when)]
        kinds[kind] = kinds.get(kind, 0) + 1
        stages[marked_stage(kind) or NO_STAGE] += 1
        overall[kind] = overall.get(kind, 0) + 1
        total += 1
    tallies: dict[str | None, list[int]] = {}
    for account in accounts:
        if account.status in RESTING:
            continue
        tally = tallies.setdefault(account.grade, [0, 0])
        tally[0] += 1
        tally[1] += on_cadence(account, until, rules)
    order = [g for g in ALL_GRADES if g in tallies] + ([None] if None in tallies else [])
    return Activity(
        since, until, total,
        tuple(Week(m, sum(k.values()), _most_first(k), s) for m, (k, s) in weeks.items()),
        _most_first(overall),
        tuple(Cover(g, tallies[g][0], tallies[g][1], fraction(tallies[g][1], tallies[g][0])) for g in order),
    )
