"""How deals look: the deal panel, the pipeline by stage, and the project group of a customer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING, Any

from kacli import i18n
from kacli.domain import vocab
from kacli.domain.money import format_amount
from kacli.i18n import t, tn
from kacli.render import facts_grid, out, panel, text

if TYPE_CHECKING:
    from kacli.services.deals import Pipeline, StageGroup, Tally

RISK = "bold red"


def stage_label(code: str | None) -> str:
    return vocab.DEAL_STAGE.label(code, i18n.current())


def group_label(code: str) -> str:
    """A ``deal list`` group: a stage, or won / lost."""
    if code in ("won", "lost"):
        return vocab.OUTCOME.label(code, i18n.current())
    return stage_label(code)


def role_label(code: str | None) -> str:
    return vocab.ROLE.label(code, i18n.current())


def missing_text(codes: list[str]) -> str:
    return i18n.join_words(t(f"gate.{code}") for code in codes)


def changed_text(codes: list[str]) -> str:
    """The fields ``deal update`` changed, as the user reads them."""
    names = []
    for code in codes:
        if code.startswith("competitor:"):
            names.append(f"{t('deal.col.competitor')} {code.split(':', 1)[1]}")
        else:
            names.append(i18n.label_or_code(f"deal.label.{code}", code))
    return i18n.join_words(names)


def chance_text(d: dict[str, Any]) -> str:
    source = "" if d["chance_source"] == "outcome" else " " + t(f"deal.chance.{d['chance_source']}")
    return f"{d['chance']}%{source}"


def close_text(d: dict[str, Any]) -> str | None:
    """The expected close date; "— passed" once an open deal is past it without closing; the
    hold's date beside it while the deal is on hold."""
    shown = t("deal.close_passed", date=d["expected_close"]) if d["close_passed"] else d["expected_close"]
    hold = d.get("hold")
    if hold and hold["active"]:
        return t("deal.close_held", date=shown or "—", until=hold["until"])
    return shown


def hold_text(hold: dict[str, Any]) -> str:
    """until 2027-03-01 — 预算冻结 (or "ended 2027-03-01" once the date has come)."""
    line = t("deal.hold_active" if hold["active"] else "deal.hold_over", until=hold["until"])
    return line + (f" — {hold['reason']}" if hold["reason"] else "")


def risk_lines(cover: dict[str, Any]) -> list[str]:
    """The deal's risks as the week list words them (``kacli.domain.deal_risks`` decided them):
    the buying centre's flags one a line, then closing, stalled, opposed."""
    from kacli.domain.week_reasons import Reason
    from kacli.render.week_text import reason_text

    lines = []
    for risk in cover["risks"]:
        if risk["code"] == "roles_uncovered":
            lines += [t(f"deal.flag.{flag}") for flag in risk["missing"]]
        else:
            lines.append(reason_text(Reason(risk["code"], risk["due"], risk, risk["contact_id"])))
    return lines


def flags(lines: list[str]):
    """The risks under a deal, a ⚑ before each; a long line wraps beside its flag, never under it
    (Chinese has no spaces to break at, so a flag and its words in one text would part)."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row(text("⚑", style=RISK), text(line, style=RISK))
    return grid


def risk_words(codes: list[str]) -> str:
    """A deal's risks in a column: each code's short word (``deal.risk.<code>``), comma-separated."""
    return t("reason.missing.sep").join(t(f"deal.risk.{code}") for code in codes)


def _facts(rows: list[tuple[str, Any]]):
    """A grid of the facts that are known, or a dim "none" when none is."""
    if all(value in (None, "", [], {}) for _, value in rows):
        return text(t("label.none"), style="dim")
    return facts_grid(rows)


def show(d: dict[str, Any]) -> None:
    console = out()
    console.print(panel(f"#{d['id']} {d['title']} · {d['customer']}", facts_grid(_summary_rows(d))))
    console.print(panel(t("deal.group.project"), _facts(project_rows(d["project"]))))
    terms = d["terms"]
    console.print(panel(t("deal.group.terms"), _facts([
        (t("deal.label.price"), format_amount(terms["price_fen"])),
        (t("deal.label.delivery_date"), terms["delivery_date"]),
        (t("deal.label.warranty"), terms["warranty"]),
        (t("deal.label.payment_terms"), terms["payment_terms"]),
        (t("deal.label.service"), terms["service"]),
        (t("deal.label.contract_date"), terms["contract_date"]),
    ])))
    console.print(panel(t("deal.group.competitors"), _competitors(d)))
    console.print(panel(t("deal.group.history"), _history(d["history"])))
    console.print(panel(t("deal.group.buying_centre"), _buying_centre(d["buying_centre"])))
    from kacli.render import payments

    console.print(panel(t("deal.group.money"), payments.deal_money(d["receivable"], d["outcome"])))


def _summary_rows(d: dict[str, Any]) -> list[tuple[str, Any]]:
    stage = tn("deal.in_stage", d["days_in_stage"], stage=stage_label(d["stage"]),
               days=d["days_in_stage"], since=d["stage_entered"])
    rows = [(t("deal.label.stage"), stage)]
    if d["outcome"] != "open":
        outcome = vocab.OUTCOME.label(d["outcome"], i18n.current())
        outcome += f" ({d['closed_on']})" + (f" — {d['lost_reason']}" if d["lost_reason"] else "")
        rows.append((t("deal.label.outcome"), outcome))
    rows += [
        (t("deal.label.amount"), format_amount(d["amount_fen"])),
        (t("deal.label.price"), format_amount(d["price_fen"])),
        (t("deal.label.chance"), chance_text(d)),
        (t("deal.label.weighted"), format_amount(d["weighted_fen"])),
        (t("deal.label.expected_close"), close_text(d)),
        (t("deal.label.delivered_on"), d["delivered_on"]),
    ]
    if d["hold"]:
        rows.append((t("deal.label.hold"), hold_text(d["hold"])))
    if d["next_stage"] and d["next_stage_missing"]:
        rows.append((t("deal.label.next_needs", stage=stage_label(d["next_stage"])),
                     missing_text(d["next_stage_missing"])))
    return rows


def project_rows(project: dict[str, Any]) -> list[tuple[str, Any]]:
    return [
        (t("deal.label.purchase_plan"), project["purchase_plan"]),
        (t("deal.label.problem"), project["problem"]),
        (t("deal.label.timetable"), project["timetable"]),
        (t("deal.label.budget"), format_amount(project["budget_fen"])),
        (t("deal.label.process"), project["process"]),
    ]


def _competitors(d: dict[str, Any]):
    from rich.table import Table

    if not d["competitors"]:
        key = "deal.no_competitor" if d["no_competitor"] else "deal.competitors_unknown"
        return text(t(key), style="dim")
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column(t("deal.col.competitor"))
    table.add_column(t("deal.col.position"))
    for c in d["competitors"]:
        position = vocab.POSITION.label(c["position"], i18n.current()) if c["position"] else "?"
        table.add_row(text(c["name"]), text(position))
    return table


def _history(events: list[dict[str, Any]]):
    from rich.table import Table

    table = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("col.date", "deal.col.move", "deal.col.days", "deal.col.note"):
        table.add_column(t(key))
    for e in events:
        if e["outcome"]:
            move = vocab.OUTCOME.label(e["outcome"], i18n.current())
        elif e["from_stage"]:
            move = f"{stage_label(e['from_stage'])} → {stage_label(e['to_stage'])}"
        elif not e["to_stage"]:
            move = ""  # a note on the deal (deal update --note), no move
        else:
            move = f"→ {stage_label(e['to_stage'])}"
        table.add_row(text(e["date"]), text(move), text(e["days"]), text(e["note"]))
    return table


def _buying_centre(cover: dict[str, Any]):
    from rich.console import Group
    from rich.table import Table

    lang = i18n.current()
    table = Table(box=None, pad_edge=False, header_style="bold")
    for key in ("deal.col.role", "deal.col.who", "deal.col.attitude", "deal.col.relationship"):
        table.add_column(t(key))
    for role, people in cover["roles"].items():
        if not people:
            table.add_row(text(role_label(role)), text(t("deal.nobody"), style=RISK), text(""), text(""))
        for p in people:
            who = p["name"] + (f" ({p['title']})" if p["title"] else "")
            if p.get("source") == "contact":  # a role on the contact's record, not the deal's own
                who += " " + t("deal.on_file")
            attitude = vocab.ATTITUDE.label(p["attitude"], lang) if p["attitude"] else "?"
            table.add_row(text(role_label(role)), text(who), text(attitude),
                          text(vocab.STAGE.label(p["stage"], lang)))
    return Group(table, flags(risk_lines(cover)))


def listing(data: Pipeline) -> None:
    """Each stage's deals under its name, then its total; the pipeline's total last. Written
    as the deals are read (see ``kacli.render.record_lines``)."""
    from kacli.render import record_lines

    groups = data.stages
    first = next(groups, None)
    if first is None:
        from kacli.render import message

        message(t("deal.none"))
        return
    keys = ("col.id", "deal.col.title", "col.customer", "deal.label.amount", "deal.label.chance",
            "deal.label.weighted", "deal.col.days", "deal.label.expected_close", "deal.col.risks")
    record_lines.write([t(k) for k in keys], _lines(chain([first], groups), data.total),
                       right=frozenset(i for i, k in enumerate(keys) if k in _NUMERIC),
                       summed=frozenset(i for i, k in enumerate(keys) if k in _SUMMED))


def _lines(groups: Iterable[StageGroup], total: Tally) -> Iterator[tuple[list, str]]:
    for group in groups:
        yield ["", group_label(group.stage), "", "", "", "", "", "", ""], "bold cyan"
        for d in group.deals:
            yield [d["id"], d["title"], d["customer"], format_amount(d["value_fen"]), f"{d['chance']}%",
                   format_amount(d["weighted_fen"]), d["days_in_stage"], close_text(d), risk_words(d["risks"])], ""
        yield _tally_line(tn("deal.stage_total", group.tally.count), group.tally), "dim"
    yield _tally_line(tn("deal.total", total.count), total), "bold"


def _tally_line(label: str, tally: Tally) -> list:
    return ["", label, "", format_amount(tally.value_fen), "", format_amount(tally.weighted_fen), "", "", ""]


def listing_json(data: Pipeline) -> dict[str, Any]:
    """``deal list --json``: written while the deals are read, each total after its deals."""
    from kacli.render.json_text import Later

    def tally(t: Tally) -> dict[str, Any]:
        return {"count": Later(lambda: t.count), "value_fen": Later(lambda: t.value_fen),
                "weighted_fen": Later(lambda: t.weighted_fen)}

    total = data.total
    return {"stages": ({"stage": g.stage, "deals": g.deals, **tally(g.tally)} for g in data.stages),
            "total": Later(lambda: {"count": total.count, "value_fen": total.value_fen,
                                    "weighted_fen": total.weighted_fen})}


_SUMMED = {"deal.label.amount", "deal.label.weighted"}
_NUMERIC = {"col.id", "deal.label.amount", "deal.label.chance", "deal.label.weighted", "deal.col.days"}


def profile_panels(p: dict[str, Any]) -> list:
    """``customer show``: the project group (when there are open deals) and money owed (when any)."""
    from kacli.render.payments import customer_money

    panels = [customer_project(p["deals"])] if any(d["outcome"] == "open" for d in p["deals"]) else []
    closed = [d for d in p["deals"] if d["outcome"] != "open"]
    if closed:
        panels.append(customer_closed(closed))
    if p["receivable"]["outstanding_fen"]:
        panels.append(customer_money(p["receivable"]))
    return panels


def customer_project(deals: list[dict[str, Any]]):
    """The seed's third group of facts in ``customer show``: each open deal's project and risks."""
    from rich.console import Group

    parts = []
    for d in (d for d in deals if d["outcome"] == "open"):
        head = (f"#{d['id']} {d['title']} · {stage_label(d['stage'])} · "
                f"{format_amount(d['value_fen']) or '?'} · {d['chance']}%")
        parts.append(text(head, style="bold"))
        parts.append(facts_grid(project_rows(d["project"])))
        parts.append(flags(risk_lines(d["coverage"])))
    return panel(t("deal.group.project"), Group(*parts))


def customer_closed(deals: list[dict[str, Any]]):
    """``customer show``: every won and lost deal, one line each, with the outcome and why."""
    from rich.console import Group

    lang = i18n.current()
    lines = []
    for d in deals:
        outcome = vocab.OUTCOME.label(d["outcome"], lang)
        line = f"#{d['id']} {d['title']} · {outcome} {d['closed_on'] or ''} · {format_amount(d['value_fen']) or '?'}"
        if d["outcome"] == "lost" and d["lost_reason"]:
            line += f" · {d['lost_reason']}"
        lines.append(text(line))
    return panel(t("deal.group.closed"), Group(*lines))
