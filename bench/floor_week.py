"""The floor for ``kacli week --json`` and ``kacli remind``: the cadence part of the week list
computed by a minimal stdlib-sqlite3 script from the same dossier file.

Last logged contact per customer + the revisit interval of its grade (kacli's default rules) ->
who is due within the week, most overdue first, as JSON. No birthdays, festivals, deals or
receivables: it is the least any week list must do, so the ratio shows what kacli adds on top.

    python bench/floor_week.py DOSSIER [TODAY]
"""

import datetime as dt
import json
import sqlite3
import sys

PERSON_DAYS = {"O": 3, "A": 7, "B": 15, "C": 60}
ORG_DAYS = {"A": 7, "B": 14, "C": 30, "D": 90}
BUY_WITHIN = {"1w": "O", "1m": "A", "3m": "B", "6m": "C"}
ORG_GRADE = {("short", "large"): "A", ("short", "small"): "B", ("long", "large"): "C", ("long", "small"): "D"}
UNGRADED_DAYS = 30


def main() -> None:
    today = dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 else dt.date.today()
    until = today + dt.timedelta(days=6)
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    rows = conn.execute(
        """SELECT c.id, c.name, c.kind, c.grade_manual, c.buy_within, c.purchase_cycle, c.batch,
                  substr(c.created_at, 1, 10),
                  (SELECT max(v.date) FROM visit v WHERE v.customer_id = c.id AND v.planned = 0)
           FROM customer c""")
    due = []
    for cid, name, kind, manual, buy_within, cycle, batch, created, last in rows:
        if kind == "person":
            grade = manual or BUY_WITHIN.get(buy_within)
            days = PERSON_DAYS.get(grade, UNGRADED_DAYS)
        else:
            grade = manual or ORG_GRADE.get((cycle, batch))
            days = ORG_DAYS.get(grade, UNGRADED_DAYS)
        when = dt.date.fromisoformat(last) + dt.timedelta(days=days) if last else dt.date.fromisoformat(created)
        if when <= until:
            due.append({"id": cid, "name": name, "grade": grade, "last_contact": last, "due": when.isoformat(),
                        "reason": "cadence" if last else "never_contacted"})
    due.sort(key=lambda item: (item["due"], item["id"]))
    sys.stdout.write(json.dumps(due, ensure_ascii=False))


main()
