"""The pictures a salesperson manages by (seeds 002 and 003), as pure functions of plain rows.

One module per report: ``pareto`` (the 80/20 split of revenue), ``pipeline`` (open deals by
stage), ``forecast`` (open deals by expected-close month, won so far), ``ageing`` (money owed by
how late it is), ``winloss`` (deals closed in a period) and ``activity`` (contacts per week and
cadence coverage). Each takes the rows the store reads and returns named tuples; the rules they
count by live where they always have: ``kacli.domain.sales`` (value, chance, weighted amount,
stalled), ``kacli.domain.grading`` (key tier, revisit interval), ``kacli.domain.receivables``
(what is owed), ``kacli.domain.relationship`` (the stage a visit marks).
"""

from __future__ import annotations

import datetime as dt

from kacli.errors import BadInput


def period(since: dt.date | None, until: dt.date | None, today: dt.date, *,
           months: int = 12) -> tuple[dt.date, dt.date]:
    """The days a report covers, both included: by default the ``months`` up to ``today``
    (the key tier's window: the day after the same date ``months`` ago, through today)."""
    last = until or today
    if since is None:
        from kacli.domain import dates  # only to count months back: a report given both ends never loads it

        since = dates.add(last, -months, "months") + dt.timedelta(days=1)
    first = since
    if first > last:
        raise BadInput("error.report_period", since=first.isoformat(), until=last.isoformat())
    return first, last


def rounded(value: float | None, places: int = 1) -> float | None:
    return None if value is None else round(value, places)


def mean(values: list[int]) -> float | None:
    """The average of ``values`` to one decimal; None for none."""
    return round(sum(values) / len(values), 1) if values else None


def fraction(part: int, whole: int) -> float | None:
    """``part / whole`` to four places (as ``customer list --key`` shows shares); None of nothing."""
    return round(part / whole, 4) if whole else None
