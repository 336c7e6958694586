"""The floor for kacli's read commands: the same questions asked of the same dossier by a
minimal stdlib-sqlite3 script, printed as JSON.

    python bench/floor_read.py DOSSIER show REF     # customer show: the customer, its facts,
                                                    # competitors, people, last five visits, open
                                                    # next actions, open deals with roles, money owed
    python bench/floor_read.py DOSSIER list         # customer list --json
    python bench/floor_read.py DOSSIER deals        # deal list --json (open deals)
    python bench/floor_read.py DOSSIER deal ID      # deal show: the deal, its stage events, roles,
                                                    # competitors, instalments and payments
    python bench/floor_read.py DOSSIER payments     # payment list: money owed per deal
"""

import json
import sqlite3
import sys


def rows(conn, sql, *params):
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]


def show(conn, ref):
    like = f"%{ref}%"
    found = rows(conn, "SELECT id, name FROM customer WHERE name LIKE ? OR name_pinyin LIKE ?"
                       " OR name_initials LIKE ?", like, like, like)
    exact = [c for c in found if c["name"] == ref] or found
    cid = exact[0]["id"]
    customer = rows(conn, "SELECT * FROM customer WHERE id = ?", cid)[0]
    customer["facts"] = rows(conn, "SELECT key, value FROM customer_fact WHERE customer_id = ?", cid)
    customer["competitors"] = rows(conn, "SELECT * FROM competitor WHERE customer_id = ?", cid)
    customer["contacts"] = rows(conn, "SELECT id, name, title, roles, attitude, stage, is_primary, phones"
                                      " FROM contact WHERE customer_id = ? ORDER BY is_primary DESC, name_pinyin",
                                cid)
    customer["visits"] = rows(conn, "SELECT v.*, group_concat(vc.contact_id) AS contacts FROM visit v"
                                    " LEFT JOIN visit_contact vc ON vc.visit_id = v.id"
                                    " WHERE v.customer_id = ? AND v.planned = 0 GROUP BY v.id"
                                    " ORDER BY v.date DESC, v.id DESC LIMIT 5", cid)
    customer["next_actions"] = rows(conn, "SELECT * FROM next_action WHERE customer_id = ? AND done_on IS NULL"
                                          " ORDER BY due", cid)
    deals = rows(conn, "SELECT * FROM deal WHERE customer_id = ? AND outcome = 'open'", cid)
    for deal in deals:
        deal["roles"] = rows(conn, "SELECT contact_id, role, attitude FROM deal_role WHERE deal_id = ?", deal["id"])
    customer["deals"] = deals
    customer["receivable"] = rows(conn, """SELECT
        (SELECT coalesce(sum(i.amount), 0) FROM instalment i JOIN deal d ON d.id = i.deal_id
          WHERE d.customer_id = :c) - (SELECT coalesce(sum(p.amount), 0) FROM payment p
          JOIN deal d ON d.id = p.deal_id WHERE d.customer_id = :c) AS outstanding_fen""".replace(":c", "?"),
                                  cid, cid)[0]
    return customer


def listing(conn):
    return rows(conn, """SELECT c.id, c.name, c.kind, c.status, c.industry, c.grade_manual, c.tags,
                                (SELECT count(*) FROM contact WHERE contact.customer_id = c.id) AS contacts
                         FROM customer c ORDER BY c.name_pinyin, c.name""")


def deals(conn):
    return rows(conn, """SELECT deal.*, customer.name AS customer,
                                (SELECT e.on_date FROM deal_event e WHERE e.deal_id = deal.id
                                 AND e.to_stage IS NOT NULL ORDER BY e.on_date DESC LIMIT 1) AS stage_entered
                         FROM deal JOIN customer ON customer.id = deal.customer_id
                         WHERE deal.outcome = 'open'
                         ORDER BY deal.expected_close IS NULL, deal.expected_close, deal.id""")


def deal(conn, deal_id):
    found = rows(conn, "SELECT deal.*, customer.name AS customer FROM deal JOIN customer"
                       " ON customer.id = deal.customer_id WHERE deal.id = ?", int(deal_id))[0]
    for name, sql in (("events", "SELECT * FROM deal_event WHERE deal_id = ? ORDER BY on_date, id"),
                      ("roles", "SELECT * FROM deal_role WHERE deal_id = ?"),
                      ("competitors", "SELECT * FROM deal_competitor WHERE deal_id = ?"),
                      ("instalments", "SELECT * FROM instalment WHERE deal_id = ? ORDER BY due"),
                      ("payments", "SELECT * FROM payment WHERE deal_id = ? ORDER BY date")):
        found[name] = rows(conn, sql, found["id"])
    return found


def payments(conn):
    return rows(conn, """SELECT d.id, d.title, c.name AS customer,
                                (SELECT coalesce(sum(amount), 0) FROM instalment WHERE deal_id = d.id)
                                - (SELECT coalesce(sum(amount), 0) FROM payment WHERE deal_id = d.id) AS owed,
                                (SELECT min(due) FROM instalment WHERE deal_id = d.id) AS first_due
                         FROM deal d JOIN customer c ON c.id = d.customer_id
                         WHERE d.id IN (SELECT deal_id FROM instalment)
                         ORDER BY first_due, d.id""")


def main() -> None:
    conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
    what = sys.argv[2]
    answers = {"show": lambda: show(conn, sys.argv[3]), "list": lambda: listing(conn),
               "deals": lambda: deals(conn), "deal": lambda: deal(conn, sys.argv[3]),
               "payments": lambda: payments(conn)}
    sys.stdout.write(json.dumps(answers[what](), ensure_ascii=False))


main()
