"""How likely duplicates and merges look."""

from __future__ import annotations

from typing import Any

from kacli.domain.dupes import Pair, Reason
from kacli.i18n import t
from kacli.render import message, out, rows_table, text


def _who(entry) -> dict[str, Any]:
    return {"id": entry.id, "name": entry.name}


def _why(reasons: tuple[Reason, ...]) -> list[dict[str, str]]:
    return [{"reason": r.code, "value": r.value} for r in reasons]


def dupes_json(customers: list[Pair], contacts: list[tuple[str, Pair]]) -> dict[str, Any]:
    return {
        "customers": [{"first": _who(p.first), "second": _who(p.second), "why": _why(p.reasons)}
                      for p in customers],
        "contacts": [{"customer": {"id": p.first.group, "name": at}, "first": _who(p.first),
                      "second": _who(p.second), "why": _why(p.reasons)} for at, p in contacts],
    }


def _reasons(reasons: tuple[Reason, ...]) -> str:
    return "; ".join(t(f"dupes.why.{r.code}", value=r.value) for r in reasons)


def dupes(customers: list[Pair], contacts: list[tuple[str, Pair]]) -> None:
    if not customers and not contacts:
        message(t("dupes.none"))
        return
    console = out()
    if customers:
        console.print(text(t("dupes.customers_title"), style="bold"))
        console.print(rows_table(
            [t("dupes.first"), t("dupes.second"), t("dupes.why")],
            [[f"#{p.first.id} {p.first.name}", f"#{p.second.id} {p.second.name}", _reasons(p.reasons)]
             for p in customers]))
    if contacts:
        console.print(text(t("dupes.contacts_title"), style="bold"))
        console.print(rows_table(
            [t("dupes.customer"), t("dupes.first"), t("dupes.second"), t("dupes.why")],
            [[at, f"#{p.first.id} {p.first.name}", f"#{p.second.id} {p.second.name}", _reasons(p.reasons)]
             for at, p in contacts]))
    message(t("dupes.hint"))


def twins(pairs: list[Pair]) -> None:
    """The warning before a customer is added that may already be in the dossier."""
    for p in pairs:
        message(t("dupes.twin_warning", id=p.first.id, name=p.first.name, why=_reasons(p.reasons)))
    if pairs:
        from kacli.app import as_typed

        merge = as_typed(["customer", "merge", pairs[0].second.name, "--into", pairs[0].first.name])
        message(t("dupes.twin_hint", command=merge))


def plan(merged: str, kept: str, counts: dict[str, int], same: list[tuple[str, str]] = ()) -> str:
    """What a merge will move, said before it asks."""
    parts = [t(f"count.{k}", n=v) for k, v in counts.items() if v and k not in ("changes", "contact_changes")]
    lines = [t("merge.plan", merged=merged, kept=kept, what=", ".join(parts) or t("count.nothing_else"))]
    lines += [t("merge.same_person", merged=a, kept=b) for a, b in same]
    return "\n".join(lines)


def merged(done, what: str) -> None:
    message(t(f"merge.{what}_done", merged=done.merged, kept=done.kept))
    for a, b in done.contacts_joined:
        message(t("merge.same_person", merged=a, kept=b))
    for key in done.facts_renamed:
        message(t("merge.fact_renamed", fact=key))
