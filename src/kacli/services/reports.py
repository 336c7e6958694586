"""``kacli report``: each report read from the dossier and counted by ``kacli.domain.reports``.

Periods are whole days, both ends included. Unless --since/--until say otherwise: the 80/20 and
win/loss reports cover the key tier's window (the last ``key_months``, 12 by default), forecast
this month and the five after it, activity the last twelve weeks (this one included).
"""

from __future__ import annotations

import datetime as dt

from kacli.domain import dates
from kacli.domain.grading import key_ids, key_tier
from kacli.domain.reports import activity, ageing, forecast, pareto, period, pipeline, winloss
from kacli.domain.rules import Rules
from kacli.store import reports as store
from kacli.store import revenue
from kacli.store.db import Db

FORECAST_MONTHS = 6
ACTIVITY_WEEKS = 12


def pareto_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
           until: dt.date | None = None) -> pareto.Pareto:
    first, last = period(since, until, today, months=rules.key_months)
    earned = revenue.revenue_between(db, first, last)
    # The stars are the key tier as kacli keeps it; over its own window that is the same revenue.
    if (first, last) == period(None, None, today, months=rules.key_months):
        tier_revenue = earned
    else:
        tier_revenue = revenue.revenue(db, today, rules.key_months)
    keys = key_ids(key_tier(tier_revenue, rules.key_share))
    return pareto.pareto(earned, revenue.names(db, earned), keys, first, last, rules.key_share)


def pipeline_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
             until: dt.date | None = None) -> pipeline.Pipeline:
    """Open deals now; only those expected to close within --since/--until when given."""
    if since and until and since > until:
        period(since, until, today)  # refuses the inverted period
    return pipeline.pipeline(store.open_deals(db, since, until), today, rules.stalled_days)


def forecast_report(db: Db, today: dt.date, since: dt.date | None = None,
             until: dt.date | None = None) -> forecast.Forecast:
    first = since or today.replace(day=1)
    last = until or dates.add(first.replace(day=1), FORECAST_MONTHS, "months") - dt.timedelta(days=1)
    first, last = period(first, last, today)
    return forecast.forecast(store.open_deals(db), store.won_deals(db, first, last), first, last)


def receivables_report(db: Db, today: dt.date, since: dt.date | None = None,
                until: dt.date | None = None) -> ageing.Ageing:
    """Money owed today; only instalments due within --since/--until when given."""
    from kacli.store.payments import per_deal

    if since and until and since > until:
        period(since, until, today)
    owed = (ageing.DealOwed(d["customer_id"], d["customer"], d["receivable"]) for d in per_deal(db, today))
    return ageing.ageing(owed, today, first_due=since, last_due=until)


def winloss_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
            until: dt.date | None = None) -> winloss.WinLoss:
    first, last = period(since, until, today, months=rules.key_months)
    return winloss.winloss(store.closed_deals(db, first, last), first, last)


def activity_report(db: Db, today: dt.date, rules: Rules, since: dt.date | None = None,
             until: dt.date | None = None) -> activity.Activity:
    last = until or today
    first = since or activity.monday(last) - dt.timedelta(weeks=ACTIVITY_WEEKS - 1)
    first, last = period(first, last, today)
    return activity.activity(store.contacts_logged(db, first, last),
                                    _accounts(db, last, rules), first, last, rules)


def _accounts(db: Db, as_of: dt.date, rules: Rules) -> list[activity.Account]:
    """Every customer's kind, grade in force (as ``customer list`` gives it) and last contact."""
    from kacli.services.week import graded

    facts = store.cadence_facts(db, as_of)
    rows = graded(db, [row for row, _ in facts], as_of, rules)
    return [activity.Account(row["kind"], row["grade"], row["status"], last)
            for row, (_, last) in zip(rows, facts, strict=True)]
