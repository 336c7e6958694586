"""The sales process (seed 003): five stages, the chance to win, stage gates, the buying centre.

Stages, in order: discover (发现机会) → validate (验证需求) → negotiate (商务谈判) →
contract (签订合同) → deliver (交货验收).

**Chance to win.** Unless the salesperson sets it, a deal's chance follows its stage:
discover 10%, validate 25%, negotiate 50%, contract 80%, deliver 100% (the customer has
signed and taken delivery). A won deal counts 100%, a lost one 0%.

**Weighted amount** = amount × chance, in whole fen, rounded half up (0.5 fen goes up): the
pipeline a salesperson can expect, stage by stage.

**Gates** — what the seed says each stage must produce before the deal moves on:

- leaving validate (validate → negotiate): our position against the competition, i.e. at least
  one competitor with a position on the five-point scale, or an explicit "no competitor";
- leaving negotiate (negotiate → contract): the terms — price, delivery date, warranty, payment
  terms, after-sales service (each missing one is listed);
- leaving contract (contract → deliver): a payment schedule of at least one instalment.

Entering discover or validate needs nothing. A jump checks every gate it crosses; a move back
checks none.

**Holds** — a known postponement ("the customer's budget is frozen until March"): a deal put on
hold until a date is not stalled and not closing until then. Its stalled and closing reasons are
silent before the date and due on it at the latest (``held_due``); a won or lost deal is never
put on hold. Other reasons (money owed, gates, the buying centre) are not silenced: a hold
postpones the decision, not the customer.

**Buying centre** (seed 003): user, decision maker, buyer, influencer, coach. A deal is at risk
("the cooked duck flew away", 煮熟的鸭子飞了) when a role is uncovered, when nobody covers the
decision maker, or when nobody is on our side — no supporter and no coach.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kacli.domain import vocab
from kacli.errors import BadInput

STAGES: tuple[str, ...] = vocab.DEAL_STAGE.codes
ROLES: tuple[str, ...] = vocab.ROLE.codes
TERMS: tuple[str, ...] = ("price", "delivery_date", "warranty", "payment_terms", "service")
DEFAULT_CHANCE: dict[str, int] = {
    "discover": 10, "validate": 25, "negotiate": 50, "contract": 80, "deliver": 100,
}

POSITION_GATE = "competitor_position"
SCHEDULE_GATE = "payment_schedule"
NO_DECISION_MAKER = "no_decision_maker"
NO_SUPPORTER_OR_COACH = "no_supporter_or_coach"


@dataclass(frozen=True)
class DealFacts:
    """What the gates look at. Terms are present when not None/empty."""

    competitor_positions: tuple[str | None, ...] = ()  # one per competitor on the deal
    no_competitor: bool = False  # the salesperson said explicitly: nobody competes
    price: int | None = None
    delivery_date: dt.date | str | None = None
    warranty: str | None = None
    payment_terms: str | None = None
    service: str | None = None
    instalments: int = 0


def stage_index(stage: str) -> int:
    return STAGES.index(stage)


def next_stage(stage: str) -> str | None:
    """The stage after ``stage``; None at deliver, the last one."""
    i = stage_index(stage)
    return STAGES[i + 1] if i + 1 < len(STAGES) else None


def default_chance(stage: str) -> int:
    return DEFAULT_CHANCE[stage]


def chance(stage: str, override: int | None = None, outcome: str = "open") -> int:
    """The chance to win, in percent: the outcome's if closed, else the override or the stage's."""
    if outcome == "won":
        return 100
    if outcome == "lost":
        return 0
    return default_chance(stage) if override is None else override


def weighted(amount_fen: int | None, percent: int) -> int | None:
    """``amount × percent / 100`` in whole fen, half up; None when the amount is unknown."""
    if amount_fen is None:
        return None
    return (amount_fen * percent * 2 + 100) // 200


def value(amount_fen: int | None, price_fen: int | None) -> int | None:
    """What a deal is worth: the negotiated price once there is one, else the estimated amount."""
    return price_fen if price_fen is not None else amount_fen


def close_passed(expected_close: dt.date | None, today: dt.date, outcome: str = "open") -> bool:
    """An open deal whose expected close date is behind us did not close when expected: the
    date reads as passed, not as a promise. A closed deal's date is history, never "passed"."""
    return outcome == "open" and expected_close is not None and expected_close < today


def next_gates(stage: str, outcome: str, facts: DealFacts) -> tuple[str | None, list[str]]:
    """The stage a deal would move to next and what its gate still lacks. A lost deal moves
    nowhere, so it has no next stage and no gates; a won one may still go on to delivery."""
    ahead = None if outcome == "lost" else next_stage(stage)
    return ahead, (gate_missing(stage, ahead, facts) if ahead else [])


def days_in_stage(entered: dt.date, today: dt.date) -> int:
    """Whole days since the deal entered its stage (never negative)."""
    return max(0, (today - entered).days)


def _gate(to_stage: str, facts: DealFacts) -> list[str]:
    """What moving *into* ``to_stage`` from the stage before it needs and does not have."""
    if to_stage == "negotiate":
        positioned = any(p is not None for p in facts.competitor_positions)
        return [] if positioned or facts.no_competitor else [POSITION_GATE]
    if to_stage == "contract":
        return [term for term in TERMS if getattr(facts, term) in (None, "")]
    if to_stage == "deliver":
        return [] if facts.instalments > 0 else [SCHEDULE_GATE]
    return []


def gate_missing(from_stage: str, to_stage: str, facts: DealFacts) -> list[str]:
    """What a move from ``from_stage`` to ``to_stage`` lacks, gate by gate in stage order."""
    start, end = stage_index(from_stage), stage_index(to_stage)
    missing: list[str] = []
    for stage in STAGES[start + 1:end + 1]:
        missing += _gate(stage, facts)
    return missing


class GateClosed(BadInput):
    """``--strict`` refused a move that lacks what the stage needs; nothing was changed."""

    def __init__(self, to_stage: str, missing: list[str]) -> None:
        super().__init__("error.gate_refused", stage=to_stage)
        self.missing = tuple(missing)

    def message(self) -> str:
        from kacli import i18n

        return i18n.t(self.key, stage=vocab.DEAL_STAGE.label(self.params["stage"], i18n.current()),
                      missing=i18n.join_words(i18n.t(f"gate.{code}") for code in self.missing))


def check_move(from_stage: str, to_stage: str, facts: DealFacts, *, strict: bool) -> list[str]:
    """What the move lacks; with ``strict``, GateClosed instead of moving on without it."""
    missing = gate_missing(from_stage, to_stage, facts)
    if missing and strict:
        raise GateClosed(to_stage, missing)
    return missing


@dataclass(frozen=True)
class Coverage:
    """Who covers each buying role of a deal, and what is at risk."""

    by_role: dict[str, tuple[int, ...]]  # role -> contact ids, every role present
    uncovered: tuple[str, ...]  # roles nobody covers, in the seed's order
    flags: tuple[str, ...]  # NO_DECISION_MAKER, NO_SUPPORTER_OR_COACH

    @property
    def at_risk(self) -> bool:
        return bool(self.uncovered or self.flags)


def coverage(roles: Iterable[tuple[int, str, str | None]]) -> Coverage:
    """Coverage of the buying centre from (contact id, role, attitude for this deal) triples."""
    by_role: dict[str, list[int]] = {role: [] for role in ROLES}
    covers = []
    for contact_id, role, attitude in roles:
        if contact_id not in by_role[role]:
            by_role[role].append(contact_id)
        covers.append((contact_id, role, attitude))
    uncovered = tuple(role for role in ROLES if not by_role[role])
    return Coverage({r: tuple(ids) for r, ids in by_role.items()}, uncovered, uncovered_roles(covers))


def uncovered_roles(covers: Iterable[tuple[int, str, str | None]]) -> tuple[str, ...]:
    """What a buying centre of (contact id, role, attitude) lacks: ``no_decision_maker``, and
    ``no_supporter_or_coach`` when nobody supports us and no coach guides us — the cooked duck
    flies away for want of either."""
    decision_maker = ally = False
    for _, role, attitude in covers:
        decision_maker = decision_maker or role == "decision_maker"
        ally = ally or attitude == "supporter" or role == "coach"
    if decision_maker:
        return () if ally else (NO_SUPPORTER_OR_COACH,)
    return (NO_DECISION_MAKER,) if ally else (NO_DECISION_MAKER, NO_SUPPORTER_OR_COACH)


# The week-list reasons a hold silences until its date: the deal waits, the customer does not.
HELD_REASONS: frozenset[str] = frozenset({"deal_stalled", "deal_closing"})


def on_hold(hold_until: dt.date | None, today: dt.date) -> bool:
    """Whether a deal held until ``hold_until`` is still on hold ``today``; on the date itself
    the hold is over and the deal's reasons are back."""
    return hold_until is not None and today < hold_until


def held_due(due: dt.date, hold_until: dt.date | None) -> dt.date:
    """When a stalled or closing reason due on ``due`` is due, given the deal's hold: not before
    the hold ends, so it comes back once, on the hold's date, not as "overdue since" it."""
    return due if hold_until is None else max(due, hold_until)


def check_hold(title: str, outcome: str, hold_until: dt.date, today: dt.date) -> None:
    """A hold is for an open deal and ends after today (a hold that has already ended holds
    nothing). BadInput otherwise."""
    if outcome != "open":
        raise BadInput(f"error.deal_hold_{outcome}", title=title)
    if hold_until <= today:
        raise BadInput("error.deal_hold_past", date=hold_until.isoformat(), today=today.isoformat())


def check_closed_on(closed_on: dt.date, added: dt.date, *, title: str, force: bool = False) -> None:
    """A deal is won or lost on or after the day it was added: the sales cycle cannot be
    negative. ``force``: the deal really began before it was entered (a book of business typed
    in late); its cycle then counts as no days. BadInput otherwise."""
    if closed_on < added and not force:
        raise BadInput("error.deal_closed_before_added", title=title, date=closed_on.isoformat(),
                       added=added.isoformat())


def after_sale_contact(deal_roles: Iterable[tuple[int, str]],
                       people: Iterable[tuple[int, tuple[str, ...]]]) -> int | None:
    """Whom the call a week after delivery is for (seed 003: call the buyer): the deal's buyer,
    else its user (they know how it is working out), else a buyer or user at the customer by
    the roles on their record, else the decision maker (the deal's, then the customer's).
    ``deal_roles``: (contact id, role) in the deal's order; ``people``: (contact id, roles)."""
    deal_roles, people = list(deal_roles), list(people)
    order = (("deal", "buyer"), ("deal", "user"), ("customer", "buyer"), ("customer", "user"),
             ("deal", "decision_maker"), ("customer", "decision_maker"))
    for where, role in order:
        found = (next((c for c, r in deal_roles if r == role), None) if where == "deal"
                 else next((c for c, roles in people if role in roles), None))
        if found is not None:
            return found
    return None


def status_after_win(status: str) -> str:
    """A won deal makes a prospect an active customer; any other status stays as it was (a
    dormant or lost customer who buys again is the salesperson's call to reactivate)."""
    return "active" if status == "prospect" else status


def stage_entered(stage: str, moves: tuple[tuple[dt.date, str | None], ...], created: dt.date) -> dt.date:
    """The day a deal last moved into ``stage`` (``moves``: (day, stage moved to)), else the day
    it was created."""
    entered = None
    for day, to_stage in moves:
        if to_stage == stage and (entered is None or day >= entered):
            entered = day
    return entered or created
