"""Whom to call: the rules file, the dossier's snapshots and the pure week list, put together.

- The rules file is ``KACLI_RULES`` if set, else ``rules.toml`` in the user config folder
  (platformdirs); without a file the seeds' defaults apply. A broken file is the BadInput of
  ``kacli.domain.rules.parse`` (exit 2, naming the line and the setting), never ignored.
- The key tier (80/20) is worked out from the revenue of the last ``key_months`` months
  (``kacli.store.revenue``) every time the list is made, like every grade.
- ``--all`` looks up to a year ahead (longer if a revisit interval is longer) for the next due
  date of customers with nothing due in the window.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Generic, TypeVar

from kacli.domain.grading import GradeResult, KeyShare, effective_grade, key_tier
from kacli.domain.rules import Rules, defaults, parse
from kacli.domain.week import Item, week_item
from kacli.domain.week_reasons import Window
from kacli.errors import BadInput
from kacli.store import revenue as earned
from kacli.store import week as store
from kacli.store.db import Db

RULES_ENV = "KACLI_RULES"
LOOK_AHEAD_DAYS = 366
MAX_DAYS = 366
CHUNK = 2_000  # customers read at a time: a few megabytes of snapshots, a handful of queries each

Row = TypeVar("Row")


# ---- the rules file -------------------------------------------------------------------------

def rules_path() -> Path:
    """The rules file kacli reads, whether it exists or not."""
    given = os.environ.get(RULES_ENV)
    if given:
        return Path(given).expanduser()
    from platformdirs import user_config_path

    return user_config_path("kacli", appauthor=False) / "rules.toml"


def read_rules(path: Path | None = None) -> tuple[Rules, bool]:
    """The rules in force and whether they come from a file (False: the defaults)."""
    path = path or rules_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return defaults(), False
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("error.rules_unreadable", path=path, detail=_why(exc)) from None
    return parse(text, str(path)), True


def load_rules() -> Rules:
    return read_rules()[0]


def write_default_rules(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``path`` (its folder made if needed, the file private to its owner);
    BadInput if it exists and not ``force``."""
    if path.exists() and not force:
        raise BadInput("error.rules_exists", path=path)
    try:
        from kacli.store.safefile import make_folders

        make_folders(path.parent)  # every missing folder 0700, whatever the umask
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # an existing file (--force) becomes private too
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise BadInput("error.rules_unwritable", path=path, detail=_why(exc)) from None


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


# ---- the list -------------------------------------------------------------------------------

@dataclass(frozen=True)
class WeekList(Generic[Row]):
    """The rows due from ``today`` through ``until``, most urgent first; with ``--all``,
    ``later`` holds every other customer at its next due date (soonest first). A row is an
    :class:`Item`, or what ``shape`` made of it."""

    today: dt.date
    until: dt.date
    items: list[Row]
    later: list[Row]


def check_days(days: int) -> int:
    """The window is one day to a year long."""
    if not 1 <= days <= MAX_DAYS:
        raise BadInput("error.week_days", days=days)
    return days


def key_places(db: Db, today: dt.date, rules: Rules) -> dict[int, KeyShare]:
    """Every customer with revenue, ranked for the 80/20 key tier."""
    return key_tier(earned.revenue(db, today, rules.key_months), rules.key_share)


def week(db: Db, today: dt.date, days: int, rules: Rules, *, everyone: bool = False,
         shape: Callable[[Item], Row] = lambda item: item) -> WeekList[Row]:
    """The week list, made ``CHUNK`` customers at a time.

    Each row is shaped (``shape``: a line of text, a JSON object) as soon as it is found, so
    only the rows stay in memory, never the whole dossier. The order is
    ``kacli.domain.week.build_week``'s: score, then due date, then id.
    """
    check_days(days)
    until = today + dt.timedelta(days=days - 1)
    window = Window.of(today, until, rules)
    ahead = Window.of(today, _horizon(today, until, rules), rules) if everyone else window
    keys = {cid for cid, place in key_places(db, today, rules).items() if place.key}
    due: list[tuple[tuple, Row]] = []
    later: list[tuple[tuple, Row]] = []
    for first, last in store.chunks(db, CHUNK):
        for account in store.accounts(db, ahead, first, last):
            key = account.id in keys
            item = week_item(account, window, key)
            if item is not None:
                due.append(((-item.score, item.due, item.customer_id), shape(item)))
            elif everyone and (found := week_item(account, ahead, key)) is not None:
                later.append(((found.due, -found.score, found.customer_id), shape(found)))
    due.sort(key=_order)
    later.sort(key=_order)
    return WeekList(today, until, [row for _, row in due], [row for _, row in later])


def _order(pair: tuple[tuple, object]) -> tuple:
    return pair[0]


def _horizon(today: dt.date, until: dt.date, rules: Rules) -> dt.date:
    """Far enough for every customer's cadence to come round once."""
    longest = max(*rules.person_revisit_days.values(), *rules.org_revisit_days.values(),
                  rules.ungraded_revisit_days)
    return max(until, today + dt.timedelta(days=max(LOOK_AHEAD_DAYS, longest + 1)))


@dataclass(frozen=True)
class Outlook:
    """One customer's row: due in the window (``in_window``), else its next one ahead (or None)."""

    item: Item | None
    in_window: bool
    until: dt.date


def is_key(db: Db, customer_id: int, today: dt.date, rules: Rules) -> bool:
    """Whether one customer is in the key tier, without ranking everyone (``customer show`` at
    100,000 customers): ``kacli.domain.grading.key_tier``'s rule — it has revenue, and the
    customers ranked above it make up less than the key share of all revenue (exact fractions)."""
    mine, above, total = earned.revenue_rank(db, customer_id, today, rules.key_months)
    return mine > 0 and above < Fraction(str(rules.key_share)) * total


def outlook(db: Db, customer_id: int, today: dt.date, days: int, rules: Rules) -> Outlook:
    """The row ``kacli why`` explains and ``customer show`` calls the next due date."""
    check_days(days)
    until = today + dt.timedelta(days=days - 1)
    key = is_key(db, customer_id, today, rules)
    ahead = Window.of(today, _horizon(today, until, rules), rules)
    found = store.accounts(db, ahead, customer_id, customer_id)
    if not found:
        return Outlook(None, False, until)
    item = week_item(found[0], Window.of(today, until, rules), key)
    if item is not None:
        return Outlook(item, True, until)
    later = week_item(found[0], ahead, key)
    if later is not None:  # only the first date's reasons: the rest is far off
        later = _first_day(later)
    return Outlook(later, False, until)


def _first_day(item: Item) -> Item:
    return item._replace(reasons=tuple(r for r in item.reasons if r.due == item.due))


def customer_next_due(db: Db, customer_id: int, today: dt.date, rules: Rules) -> Item | None:
    """What is due next for a customer: this week's row (every reason due within seven days),
    else the first date in the coming year with its reasons; None if nothing at all."""
    return outlook(db, customer_id, today, 7, rules).item


def grade_explained(customer: dict, today: dt.date, rules: Rules,
                    order_history: tuple[tuple[dt.date, int], ...] = ()) -> GradeResult:
    """A customer row's grade in force, manual or by the rules, with the parts that explain it."""
    expected = customer.get("expected_purchase")
    return effective_grade(
        customer["kind"], today=today, rules=rules, manual_grade=customer.get("grade_manual"),
        buy_within=customer.get("buy_within"),
        expected_purchase=dt.date.fromisoformat(expected) if expected else None,
        purchase_cycle=customer.get("purchase_cycle"), batch=customer.get("batch"),
        order_history=order_history,
    )


def grade_facts(result: GradeResult, manual_reason: str | None) -> dict:
    """A grade as ``customer show --json`` prints it: ``grade``, ``source``, the manual ``reason``
    and the ``parts`` of its explanation as ``{"code", ...params}`` (dates as ISO text)."""
    parts = [{"code": part.code, **{k: v.isoformat() if isinstance(v, dt.date) else v
                                    for k, v in part.params.items()}} for part in result.parts]
    return {"grade": result.grade, "source": result.source,
            "reason": manual_reason if result.source == "manual" else None, "parts": parts}


def graded(db: Db, rows: list[dict], today: dt.date, rules: Rules) -> list[dict]:
    """``rows`` (customer list rows) with the ``grade`` in force — by hand or by the rules, order
    history included — as ``customer show`` gives it."""
    from kacli.store.payments import won_orders

    history = won_orders(db)
    for row in rows:
        row["grade"] = grade_explained(row, today, rules, tuple(history.get(row["id"], ()))).grade
    return rows


def order_history(db: Db, customer_id: int) -> tuple[tuple[dt.date, int], ...]:
    from kacli.store.payments import won_orders

    return tuple(won_orders(db, customer_id=customer_id).get(customer_id, ()))


def key_tier_listing(db: Db, today: dt.date, rules: Rules) -> list[tuple[int, str, KeyShare]]:
    """The key tier, highest revenue first: (customer id, name, place)."""
    tier = key_places(db, today, rules)
    keys = sorted((place.rank, cid) for cid, place in tier.items() if place.key)
    names = earned.names(db, [cid for _, cid in keys])
    return [(cid, names.get(cid, ""), tier[cid]) for _, cid in keys]
