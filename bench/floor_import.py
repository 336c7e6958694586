"""The floor for ``kacli import customers`` + ``kacli import contacts``: the same rows read with
``csv`` and inserted with ``executemany`` into a kacli dossier, in one stdlib process, with no
checks, no search keys, no links by REF (a dict of names), no history.

    python bench/floor_import.py DOSSIER CUSTOMERS.csv CONTACTS.csv
"""

import csv
import datetime as dt
import sqlite3
import sys

db, customers_csv, contacts_csv = sys.argv[1:4]
now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
conn = sqlite3.connect(db)
with open(customers_csv, encoding="utf-8-sig", newline="") as fh:
    rows = list(csv.reader(fh))[1:]
conn.executemany(
    "INSERT INTO customer (name, industry, phones, tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
    [(r[0], r[1], f'["{r[2]}"]', f'["{r[3]}"]', now, now) for r in rows])
ids = {name: i for i, name in conn.execute("SELECT id, name FROM customer")}
with open(contacts_csv, encoding="utf-8-sig", newline="") as fh:
    rows = list(csv.reader(fh))[1:]
conn.executemany(
    "INSERT INTO contact (customer_id, name, title, phones, birth_year, birth_month, birth_day, created_at,"
    " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    [(ids[r[0]], r[1], r[2] or None, f'["{r[3]}"]', *(map(int, r[4].split("-")) if r[4] else (None,) * 3), now, now)
     for r in rows])
conn.commit()
conn.close()
