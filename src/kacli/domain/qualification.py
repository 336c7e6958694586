"""Is this a qualified prospect? (seed 003)

People (car sales): need + ability to pay + decision authority = a prospect; need + ability
without authority = worth tracking but not a priority (they only advise).

Organisations, by the seed's two logical standards:
  standard 1: (the product targets their industry OR there is project information OR their
              technology fits) AND (good credit OR adequate size and sound operation);
  standard 2: we reach the department that applies the product AND the purchase decision maker
              AND they need the product.
  standard 1 + standard 2 = a qualified prospect.

Unknown facts (None) count as not met, and are listed as missing so the salesperson knows what
to find out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Qualification:
    qualified: bool
    verdict: str  # "qualified" | "track" (person without authority) | "not_qualified"
    missing: tuple[str, ...]  # fact codes still unmet or unknown
    standards: dict[str, bool]  # for organisations: {"standard1": ..., "standard2": ...}


PERSON_FACTS = ("need", "can_pay", "has_authority")
ORG_FACTS = (
    "industry_fit", "has_project_info", "tech_fit", "credit_good", "size_sound",
    "reach_department", "reach_decision_maker", "need",
)


def qualify(kind: str, facts: dict[str, bool | None]) -> Qualification:
    def yes(code: str) -> bool:
        return facts.get(code) is True

    if kind == "person":
        missing = tuple(code for code in PERSON_FACTS if not yes(code))
        if not missing:
            return Qualification(True, "qualified", (), {})
        if missing == ("has_authority",):
            return Qualification(False, "track", missing, {})
        return Qualification(False, "not_qualified", missing, {})

    fit = yes("industry_fit") or yes("has_project_info") or yes("tech_fit")
    sound = yes("credit_good") or yes("size_sound")
    standard1 = fit and sound
    standard2 = yes("reach_department") and yes("reach_decision_maker") and yes("need")
    missing: list[str] = []
    if not fit:
        missing.append("industry_fit|has_project_info|tech_fit")
    if not sound:
        missing.append("credit_good|size_sound")
    missing += [c for c in ("reach_department", "reach_decision_maker", "need") if not yes(c)]
    qualified = standard1 and standard2
    return Qualification(
        qualified,
        "qualified" if qualified else "not_qualified",
        tuple(missing),
        {"standard1": standard1, "standard2": standard2},
    )
