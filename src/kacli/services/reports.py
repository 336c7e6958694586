"""``kacli report``: each report read from the dossier and counted by ``kacli.domain.reports``.

Periods are whole days, both ends included. Unless --since/--until say otherwise: the 80/20 and
win/loss reports cover the key tier's window (the last ``key_months``, 12 by default), forecast
this month and the five after it, activity the last twelve weeks (this one included).

Each function imports only its own report's modules: a command pays for what it draws.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from kacli.domain.reports import period
from kacli.store.db import Db

if TYPE_CHECKING:
    from kacli.domain.reports.activity import Account, Activity
    from kacli.domain.reports.ageing import Ageing
    from kacli.domain.reports.forecast import Forecast
    from kacli.domain.reports.pareto import Pareto
    from kacli.domain.reports.pipeline import Pipeline
    from kacli.domain.reports.winloss import WinLoss
    from kacli.domain.rules import Rules

FORECAST_MONTHS = 6
ACTIVITY_WEEKS = 12


def pareto_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
                  until: dt.date | None = None) -> Pareto:
    from kacli.domain.grading import key_ids, key_tier
    from kacli.domain.reports.pareto import pareto
    from kacli.store import revenue

    first, last = period(since, until, today, months=rules.key_months)
    earned = revenue.revenue_between(db, first, last)
    # The stars are the key tier as kacli keeps it; over its own window that is the part above
    # the line (None: ``pareto`` marks it without ranking the same revenue twice).
    keys = None
    if (first, last) != period(None, None, today, months=rules.key_months):
        keys = key_ids(key_tier(revenue.revenue(db, today, rules.key_months), rules.key_share,
                                rules.key_min_customers))
    return pareto(earned, revenue.names(db, earned), keys, first, last, rules.key_share)


def _check(since: dt.date | None, until: dt.date | None, today: dt.date) -> None:
    if since and until:
        period(since, until, today)  # refuses a period that ends before it starts


def pipeline_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
                    until: dt.date | None = None) -> Pipeline:
    """Open deals now; only those expected to close within --since/--until when given."""
    from kacli.domain.reports.pipeline import pipeline
    from kacli.store.reports import open_deals

    _check(since, until, today)
    return pipeline(open_deals(db, since, until, today=today), today, rules.stalled_days)


def forecast_report(db: Db, today: dt.date, since: dt.date | None = None,
                    until: dt.date | None = None) -> Forecast:
    from kacli.domain import dates
    from kacli.domain.reports.forecast import forecast
    from kacli.store.reports import open_deals, won_deals

    first = since or today.replace(day=1)
    last = until or dates.add(first.replace(day=1), FORECAST_MONTHS, "months") - dt.timedelta(days=1)
    first, last = period(first, last, today)
    return forecast(open_deals(db, with_entered=False), won_deals(db, first, last), first, last)


def receivables_report(db: Db, today: dt.date, since: dt.date | None = None,
                       until: dt.date | None = None) -> Ageing:
    """Money owed today; only instalments due within --since/--until when given."""
    from kacli.domain.reports.ageing import ageing
    from kacli.store.reports import payment_plans

    _check(since, until, today)
    return ageing(payment_plans(db), today, first_due=since, last_due=until)


def winloss_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
                   until: dt.date | None = None) -> WinLoss:
    from kacli.domain.reports.winloss import winloss
    from kacli.store.reports import closed_deals

    first, last = period(since, until, today, months=rules.key_months)
    return winloss(closed_deals(db, first, last), first, last)


def activity_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
                    until: dt.date | None = None) -> Activity:
    from kacli.domain.reports.activity import activity, monday
    from kacli.store.reports import contacts_logged

    last = until or today
    first = since or monday(last) - dt.timedelta(weeks=ACTIVITY_WEEKS - 1)
    first, last = period(first, last, today)
    return activity(contacts_logged(db, first, last), _accounts(db, last, rules), first, last, rules)


def _accounts(db: Db, as_of: dt.date, rules: Rules) -> list[Account]:
    """Every customer's kind, grade in force (as ``customer list`` gives it) and last contact."""
    from kacli.domain.reports.activity import Account
    from kacli.services.grades import graded
    from kacli.store.reports import cadence_facts

    facts = cadence_facts(db, as_of)
    rows = graded(db, [row for row, _ in facts], as_of, rules)
    return [Account(row["kind"], row["grade"], row["status"], last)
            for row, (_, last) in zip(rows, facts, strict=True)]
