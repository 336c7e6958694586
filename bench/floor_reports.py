"""The floor for ``kacli report``: each report's numbers computed by a minimal stdlib-sqlite3
script from the same dossier file, printed as JSON (the same keys as ``kacli report … --json``).

    python bench/floor_reports.py DOSSIER REPORT TODAY SINCE UNTIL

REPORT is pareto, pipeline, forecast, receivables, winloss or activity. Each reads what the
report needs and counts it in plain Python with kacli's default rules (80% key share, the stalled
days, the revisit intervals), without kacli's layers: the least any such report must do.
"""

import datetime as dt
import json
import sqlite3
import statistics
import sys
from fractions import Fraction

STAGES = ("discover", "validate", "negotiate", "contract", "deliver")
CHANCE = {"discover": 10, "validate": 25, "negotiate": 50, "contract": 80, "deliver": 100}
STALLED = {"discover": 30, "validate": 30, "negotiate": 21, "contract": 14, "deliver": 30}
PERSON_DAYS = {"O": 3, "A": 7, "B": 15, "C": 60}
ORG_DAYS = {"A": 7, "B": 14, "C": 30, "D": 90}
BUY_WITHIN_DAYS = {"1w": 7, "1m": 30, "3m": 90, "6m": 180}
PERSON_LIMITS = (("O", 7), ("A", 30), ("B", 90), ("C", 180))
EXPECTED_PASSED_DAYS = 14  # an expected purchase this many days past still counts as buying now
SHORT_CYCLE_DAYS = 90  # the median gap between order days, and the time since the last, for "short"
LARGE_BATCH_FEN = 100_000_000  # the average order for "large"
UNGRADED_DAYS = 30
ORG_GRADE = {("short", "large"): "A", ("short", "small"): "B", ("long", "large"): "C", ("long", "small"): "D"}
MARKS = {"call": "acquainted", "visit": "acquainted", "small_gift": "acquainted", "meal": "dating",
         "company_visit": "dating", "tech_exchange": "dating", "sample": "dating", "social": "trust",
         "family": "trust", "trip": "trust", "valuable_gift": "trust", "introduction": "alliance",
         "intel": "alliance", "endorsement": "alliance"}
ENTERED = """COALESCE((SELECT e.on_date FROM deal_event e WHERE e.deal_id = d.id AND e.to_stage IS NOT NULL
                       ORDER BY e.on_date DESC, e.id DESC LIMIT 1), substr(d.created_at, 1, 10))"""
BUCKETS = ("not_due", "1_30", "31_60", "61_90", "over_90")
D = dt.date.fromisoformat


def weighted(value, percent):
    return (value * percent * 2 + 100) // 200


def pareto(conn, today, since, until):
    # Sales: a won deal's value on the day it was won (the key tier's rule).
    revenue = dict(conn.execute("""
        SELECT customer_id, SUM(COALESCE(price, amount, 0)) AS revenue FROM deal
        WHERE outcome = 'won' AND closed_on > ? AND closed_on <= ?
        GROUP BY customer_id HAVING revenue > 0""", (str(since - dt.timedelta(days=1)), str(until))))
    names = dict(conn.execute("SELECT id, name FROM customer"))
    total = sum(revenue.values())
    line = Fraction(4, 5) * total
    out, running = [], 0
    for rank, (cid, fen) in enumerate(sorted(revenue.items(), key=lambda i: (-i[1], i[0])), 1):
        key = running < line
        running += fen
        out.append({"rank": rank, "customer_id": cid, "name": names[cid], "revenue_fen": fen,
                    "share": round(fen / total, 4), "cumulative": round(running / total, 4), "key": key})
    return {"since": str(since), "until": str(until), "total_fen": total, "customers": out}


def _open(conn):
    return conn.execute(f"""SELECT d.stage, COALESCE(d.price, d.amount), d.chance, {ENTERED}, d.expected_close
                            FROM deal d WHERE d.outcome = 'open'""").fetchall()


def pipeline(conn, today, since, until):
    lines = {s: [0, 0, 0, [], 0] for s in STAGES}
    for stage, value, chance, entered, _ in _open(conn):
        line = lines[stage]
        days = max(0, (today - D(entered)).days)
        line[0] += 1
        line[1] += value or 0
        line[2] += weighted(value or 0, CHANCE[stage] if chance is None else chance)
        line[3].append(days)
        line[4] += days > STALLED[stage]
    return {"stages": [{"stage": s, "count": v[0], "value_fen": v[1], "weighted_fen": v[2],
                        "avg_days_in_stage": round(sum(v[3]) / len(v[3]), 1) if v[3] else None, "stalled": v[4]}
                       for s, v in lines.items()]}


def forecast(conn, today, since, until):
    months = {}
    for stage, value, chance, _, close in _open(conn):
        key = close[:7] if close and str(since) <= close <= str(until) else ("undated" if not close else
                                                                            "overdue" if close < str(since) else None)
        if key:
            m = months.setdefault(key, [0, 0, 0, 0])
            m[0] += 1
            m[1] += value or 0
            m[2] += weighted(value or 0, CHANCE[stage] if chance is None else chance)
    for closed, value in conn.execute("""SELECT closed_on, COALESCE(price, amount, 0) FROM deal
                                         WHERE outcome = 'won' AND closed_on BETWEEN ? AND ?""",
                                      (str(since), str(until))):
        months.setdefault(closed[:7], [0, 0, 0, 0])[3] += value
    return {k: {"deals": v[0], "value_fen": v[1], "weighted_fen": v[2], "won_fen": v[3]}
            for k, v in sorted(months.items())}


def receivables(conn, today, since, until):
    plans, paid = {}, {}
    for deal, amount, due in conn.execute("SELECT deal_id, amount, due FROM instalment ORDER BY due, id"):
        plans.setdefault(deal, []).append((amount, due))
    for deal, amount in conn.execute("SELECT deal_id, sum(amount) FROM payment GROUP BY deal_id"):
        paid[deal] = amount
    owner = dict(conn.execute("SELECT id, customer_id FROM deal"))
    names = dict(conn.execute("SELECT id, name FROM customer"))
    customers = {}
    for deal, parts in plans.items():
        left = paid.get(deal, 0)
        for amount, due in parts:
            covered = min(left, amount)
            left -= covered
            if amount > covered:
                late = (today - D(due)).days
                bucket = ("not_due" if late <= 0 else "1_30" if late <= 30 else "31_60" if late <= 60
                          else "61_90" if late <= 90 else "over_90")
                mine = customers.setdefault(owner[deal], dict.fromkeys(BUCKETS, 0))
                mine[bucket] += amount - covered
    rows = sorted(({"customer_id": c, "name": names[c], "outstanding_fen": sum(b.values()), "buckets": b}
                   for c, b in customers.items()), key=lambda r: (-r["outstanding_fen"], r["customer_id"]))
    return {"as_of": str(today), "customers": rows}


def winloss(conn, today, since, until):
    period = (str(since), str(until))
    reached = {}
    for deal, stage in conn.execute("""SELECT e.deal_id, e.to_stage FROM deal_event e WHERE e.to_stage IS NOT NULL
            AND e.deal_id IN (SELECT id FROM deal WHERE outcome IN ('won', 'lost') AND closed_on BETWEEN ? AND ?)""",
                                    period):
        reached[deal] = max(reached.get(deal, stage), stage, key=STAGES.index)
    tally = {"won": [0, 0], "lost": [0, 0]}
    reasons, cycles, stages = {}, [], {s: {"won": [0, 0], "lost": [0, 0]} for s in STAGES}
    for deal, outcome, value, added, closed, reason, stage in conn.execute(
            """SELECT id, outcome, COALESCE(price, amount, 0), substr(created_at, 1, 10), closed_on, lost_reason, stage
               FROM deal WHERE outcome IN ('won', 'lost') AND closed_on BETWEEN ? AND ?""", period):
        furthest = max(reached.get(deal, stage), stage, key=STAGES.index)
        for t in (tally[outcome], stages[furthest][outcome]):
            t[0] += 1
            t[1] += value
        cycles.append(max(0, (D(closed) - D(added)).days))
        if outcome == "lost":
            r = reasons.setdefault((reason or "").strip() or None, [0, 0])
            r[0] += 1
            r[1] += value
    closed = tally["won"][0] + tally["lost"][0]
    return {"won": tally["won"], "lost": tally["lost"],
            "win_rate": round(tally["won"][0] / closed, 4) if closed else None,
            "avg_cycle_days": round(sum(cycles) / len(cycles), 1) if cycles else None,
            "lost_reasons": sorted(([k, *v] for k, v in reasons.items()), key=lambda r: (-r[1], -r[2], r[0] or "")),
            "by_stage_reached": stages}


def _grade(kind, manual, buy_within, expected, cycle, batch, orders, stated, today):
    """kacli's default grading (``domain.grading.effective_grade``), restated in plain Python."""
    if manual:
        return manual
    if kind == "person":
        if any(stated is None or day >= stated for day, _ in orders):
            return None  # bought since the intention was stated: after-purchase, ungraded
        if expected:
            days = (D(expected) - today).days
            if days < -EXPECTED_PASSED_DAYS:
                return None
        else:
            days = BUY_WITHIN_DAYS.get(buy_within)
            if days is None:
                return None
        return next((g for g, limit in PERSON_LIMITS if max(0, days) <= limit), None)
    per_day = {}  # one order a day; its size unknown (None) if any deal that day has no value
    for day, value in orders:
        before = per_day.get(day, 0)
        per_day[day] = None if before is None or value is None else before + value
    days = sorted(per_day)
    if not cycle and len(days) >= 2:
        gap = statistics.median((D(b) - D(a)).days for a, b in zip(days, days[1:], strict=False))
        short = gap <= SHORT_CYCLE_DAYS and max(0, (today - D(days[-1])).days) <= SHORT_CYCLE_DAYS
        cycle = "short" if short else "long"
    priced = [v for v in per_day.values() if v is not None]
    if not batch and len(priced) >= 2:
        batch = "large" if sum(priced) // len(priced) >= LARGE_BATCH_FEN else "small"
    return ORG_GRADE.get((cycle, batch))


def activity(conn, today, since, until):
    weeks = {}
    for day, kind in conn.execute("SELECT date, kind FROM visit WHERE planned = 0 AND date BETWEEN ? AND ?",
                                  (str(since), str(until))):
        date = D(day)
        week = weeks.setdefault(str(date - dt.timedelta(days=date.weekday())), {"total": 0, "by_stage": {}})
        stage = MARKS.get(kind, "none")
        week["total"] += 1
        week["by_stage"][stage] = week["by_stage"].get(stage, 0) + 1
    # Graded as of the report's last day: orders won by then, intentions stated by then.
    orders = {}
    for cid, day, value in conn.execute("""SELECT customer_id, closed_on, COALESCE(price, amount) FROM deal
                                           WHERE outcome = 'won' AND closed_on IS NOT NULL AND closed_on <= ?""",
                                        (str(until),)):
        orders.setdefault(cid, []).append((day, value))
    stated = {cid: day for cid, day in conn.execute("""
        SELECT c.id, COALESCE((SELECT max(substr(h.at, 1, 10)) FROM change h
                               WHERE h.customer_id = c.id AND h.contact_id IS NULL AND h.new IS NOT NULL
                                 AND h.field IN ('buy_within', 'expected_purchase') AND substr(h.at, 1, 10) <= ?),
                              substr(c.created_at, 1, 10))
        FROM customer c WHERE c.kind = 'person' AND (c.buy_within IS NOT NULL OR c.expected_purchase IS NOT NULL)""",
                                                          (str(until),))}
    cover = {}
    for kind, status, manual, buy, expected, cycle, batch, cid, last in conn.execute(
            """SELECT c.kind, c.status, c.grade_manual, c.buy_within, c.expected_purchase, c.purchase_cycle, c.batch,
                      c.id, (SELECT max(v.date) FROM visit v WHERE v.customer_id = c.id AND v.planned = 0
                             AND v.date <= ?) FROM customer c""", (str(until),)):
        if status in ("lost", "dormant"):
            continue
        grade = _grade(kind, manual, buy, expected, cycle, batch, orders.get(cid, ()), stated.get(cid), until)
        table = PERSON_DAYS if kind == "person" else ORG_DAYS
        days = table.get(grade, UNGRADED_DAYS)
        tally = cover.setdefault(grade or "", [0, 0])
        tally[0] += 1
        tally[1] += bool(last) and (until - D(last)).days <= days
    return {"weeks": weeks, "coverage": cover}


def main() -> None:
    path, report, today, since, until = sys.argv[1:6]
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    result = globals()[report](conn, D(today), D(since), D(until))
    sys.stdout.write(json.dumps(result, ensure_ascii=False))


main()
