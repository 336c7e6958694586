"""Is this a qualified prospect? (seed 003)

People (car sales): need + ability to pay + decision authority = a prospect; need + ability
without authority = worth tracking but not a priority (they only advise).

Organisations, by the seed's two logical standards:
  standard 1: (the product targets their industry OR there is project information OR their
              technology fits) AND (good credit OR adequate size and sound operation);
  standard 2: we reach the department that applies the product AND the purchase decision maker
              AND they need the product.
  standard 1 + standard 2 = a qualified prospect.

The facts are yes (True), no (False, said explicitly) or unknown (None). Neither no nor unknown
meets a standard, but they read differently: an unknown fact is something to find out, a "no" is
an answer. What the dossier already knows counts as a yes where the salesperson has not said no:

- a credit rating in the A band (AAA, AA, A, with + or −) or a good word (良好, 优秀…) meets
  "good credit";
- a logged visit with a decision maker of the customer meets "reached the decision maker";
- a customer with won deals has bought: it is qualified, whatever the facts say.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """What the dossier knows beyond the yes/no facts."""

    credit_rating: str | None = None
    decision_maker_met: dt.date | None = None  # the last logged visit with a decision maker
    decision_maker: str | None = None  # whom that visit met
    won_deals: int = 0


@dataclass(frozen=True)
class Qualification:
    qualified: bool
    verdict: str  # "qualified" | "track" (person without authority) | "not_qualified"
    missing: tuple[str, ...]  # fact codes still unmet: unknown or said no
    standards: dict[str, bool]  # for organisations: {"standard1": ..., "standard2": ...}
    said_no: tuple[str, ...] = ()  # of ``missing``, those answered "no"
    met_by: dict[str, str] = field(default_factory=dict)  # fact -> "credit_rating" | "visit"
    won_deals: int = 0


PERSON_FACTS = ("need", "can_pay", "has_authority")
ORG_FACTS = (
    "industry_fit", "has_project_info", "tech_fit", "credit_good", "size_sound",
    "reach_department", "reach_decision_maker", "need",
)
_FIT = "industry_fit|has_project_info|tech_fit"
_SOUND = "credit_good|size_sound"

_A_BAND = re.compile(r"^A{1,3}[+\-−]?$")
_GOOD_WORDS = frozenset({"良好", "优秀", "優秀", "优", "優", "良", "好", "good", "excellent"})


def credit_rating_good(rating: str | None) -> bool:
    """Whether a stated credit rating says the credit is good: the A band (AAA, AA, A, with + or
    −) or a good word. Any other rating (BBB, C, 一般…) is no evidence either way."""
    if not rating:
        return False
    cleaned = rating.strip().upper().replace("＋", "+").replace("－", "-")
    return bool(_A_BAND.match(cleaned)) or rating.strip().lower() in _GOOD_WORDS


def known_facts(facts: dict[str, bool | None], evidence: Evidence) -> tuple[dict[str, bool | None], dict[str, str]]:
    """The facts with what the dossier knows filled in where the salesperson said nothing (an
    explicit "no" stands), and which facts the evidence met."""
    filled = dict(facts)
    met_by: dict[str, str] = {}
    if filled.get("credit_good") is None and credit_rating_good(evidence.credit_rating):
        filled["credit_good"], met_by["credit_good"] = True, "credit_rating"
    if filled.get("reach_decision_maker") is None and evidence.decision_maker_met is not None:
        filled["reach_decision_maker"], met_by["reach_decision_maker"] = True, "visit"
    return filled, met_by


def qualify(kind: str, facts: dict[str, bool | None], evidence: Evidence | None = None) -> Qualification:
    evidence = evidence or Evidence()
    facts, met_by = known_facts(facts, evidence) if kind != "person" else (facts, {})

    def yes(code: str) -> bool:
        return facts.get(code) is True

    def no(item: str) -> bool:  # every alternative of the item answered "no"
        return all(facts.get(code) is False for code in item.split("|"))

    if kind == "person":
        missing = tuple(code for code in PERSON_FACTS if not yes(code))
        said_no = tuple(code for code in missing if no(code))
        if evidence.won_deals:
            return Qualification(True, "qualified", (), {}, (), {}, evidence.won_deals)
        if not missing:
            return Qualification(True, "qualified", (), {}, (), {})
        verdict = "track" if missing == ("has_authority",) else "not_qualified"
        return Qualification(False, verdict, missing, {}, said_no, {})

    fit = yes("industry_fit") or yes("has_project_info") or yes("tech_fit")
    sound = yes("credit_good") or yes("size_sound")
    standard1 = fit and sound
    standard2 = yes("reach_department") and yes("reach_decision_maker") and yes("need")
    standards = {"standard1": standard1, "standard2": standard2}
    if evidence.won_deals:  # they bought: the standards are for prospects
        return Qualification(True, "qualified", (), standards, (), met_by, evidence.won_deals)
    missing: list[str] = []
    if not fit:
        missing.append(_FIT)
    if not sound:
        missing.append(_SOUND)
    missing += [c for c in ("reach_department", "reach_decision_maker", "need") if not yes(c)]
    qualified = standard1 and standard2
    return Qualification(
        qualified,
        "qualified" if qualified else "not_qualified",
        tuple(missing),
        standards,
        tuple(item for item in missing if no(item)),
        met_by,
    )
