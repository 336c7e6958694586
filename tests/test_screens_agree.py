"""Every screen tells the same story: on generated dossiers, ``deal show``'s risks are the week
row's deal reasons and ``deal list``'s, the pipeline's stalled count is the deals ``week --all`` shows stalled, and
``remind``'s action is ``week``'s for the same row.

Dossiers are written straight into a copy of an empty dossier (a few inserts each), and the
commands run in-process, so two hundred of them take a few seconds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kacli.app import app

TODAY = dt.date(2027, 5, 20)  # a fortnight before 端午 (2027-06-09)
STAGES = ("discover", "validate", "negotiate", "contract", "deliver")
ROLES = ("decision_maker", "user", "buyer", "influencer", "coach")
ATTITUDES = (None, "supporter", "neutral", "opponent")
_numbers = itertools.count()
DEAL_CODES = ("deal_closing", "deal_stalled", "roles_uncovered", "decision_maker_opposed",
              "decision_maker_not_met", "single_threaded")


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


contacts = st.lists(st.tuples(st.lists(st.sampled_from(ROLES), max_size=2, unique=True),
                              st.sampled_from(ATTITUDES), st.booleans()), max_size=3)
deals = st.lists(st.fixed_dictionaries({
    "stage": st.sampled_from(STAGES), "created": st.integers(-120, 0),
    "moved": st.one_of(st.none(), st.integers(0, 120)), "updated": st.integers(0, 120),
    "close": st.one_of(st.none(), st.integers(-30, 30)), "hold": st.one_of(st.none(), st.integers(1, 20)),
    "roles": st.lists(st.tuples(st.integers(0, 2), st.sampled_from(ROLES), st.sampled_from(ATTITUDES)),
                      max_size=3),
    "visit": st.one_of(st.none(), st.integers(-60, 0)),
}), max_size=3)
customers = st.lists(st.fixed_dictionaries({
    "kind": st.sampled_from(("org", "person")), "phone": st.booleans(),
    "buy_within": st.sampled_from((None, "1w", "1m", "3m")), "contacts": contacts, "deals": deals,
    "met": st.lists(st.tuples(st.integers(-90, 0), st.integers(0, 2)), max_size=3),
}), min_size=1, max_size=3)


def write(path: Path, dossier: list[dict]) -> None:
    conn = sqlite3.connect(path)
    at = day(-150) + "T09:00:00"
    for n, c in enumerate(dossier):
        cid = conn.execute(
            "INSERT INTO customer (name, kind, phones, status, buy_within, created_at, updated_at)"
            " VALUES (?, ?, ?, 'active', ?, ?, ?)",
            (f"客户{n}", c["kind"], json.dumps([f"021-5555-010{n}"] if c["phone"] else []),
             c["buy_within"] if c["kind"] == "person" else None, at, at)).lastrowid
        people = [conn.execute(
            "INSERT INTO contact (customer_id, name, roles, attitude, is_primary, phones, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, f"联系人{n}{i}", json.dumps(roles), attitude, 0,
             json.dumps([f"138{n * 10 + i:08d}"] if phone else []), at, at)).lastrowid
            for i, (roles, attitude, phone) in enumerate(c["contacts"])]
        for offset, who in c["met"]:
            if people:
                vid = conn.execute("INSERT INTO visit (customer_id, date, kind, created_at) VALUES (?, ?, 'visit', ?)",
                                   (cid, day(offset), at)).lastrowid
                conn.execute("INSERT INTO visit_contact VALUES (?, ?)", (vid, people[who % len(people)]))
        for k, d in enumerate(c["deals"]):
            created = d["created"]
            moved = None if d["moved"] is None else min(0, created + d["moved"])
            updated = max(created, moved or created, min(0, created + d["updated"]))
            deal_id = conn.execute(
                "INSERT INTO deal (customer_id, title, stage, expected_close, hold_until, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (cid, f"项目{n}{k}", d["stage"], None if d["close"] is None else day(d["close"]),
                 None if d["hold"] is None else day(d["hold"]), day(created) + "T09:00:00",
                 day(updated) + "T09:00:00")).lastrowid
            if moved is not None:
                conn.execute("INSERT INTO deal_event (deal_id, on_date, to_stage, created_at) VALUES (?, ?, ?, ?)",
                             (deal_id, day(moved), d["stage"], at))
            for who, role, attitude in d["roles"]:
                if people:
                    conn.execute("INSERT OR IGNORE INTO deal_role (deal_id, contact_id, role, attitude)"
                                 " VALUES (?, ?, ?, ?)", (deal_id, people[who % len(people)], role, attitude))
            if d["visit"] is not None and d["visit"] >= created:
                conn.execute("INSERT INTO visit (customer_id, date, kind, deal_id, created_at)"
                             " VALUES (?, ?, 'call', ?, ?)", (cid, day(d["visit"]), deal_id, at))
    conn.commit()
    conn.close()


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> Path:
    from typer.testing import CliRunner

    path = tmp_path_factory.mktemp("empty") / "dossier.db"
    result = CliRunner().invoke(app, ["customer", "add", "种子"], env={"KACLI_DB": str(path)})
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM customer")
    conn.commit()
    conn.close()
    return path


@settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dossier=customers)
def test_every_screen_tells_the_same_story(dossier, empty, tmp_path, kacli):
    path = tmp_path / f"generated{next(_numbers)}.db"  # a new file: no journal of the one before
    shutil.copy(empty, path)
    write(path, dossier)
    env = {"KACLI_DB": str(path), "KACLI_TODAY": TODAY.isoformat()}
    week = kacli.json("week", "--all", env=env)
    today = week["today"]
    shown: dict[int, set[str]] = {}
    for row in week["items"]:
        for r in row["reasons"]:
            if r["code"] in DEAL_CODES and r["due"] <= today:
                shown.setdefault(r["deal_id"], set()).add(r["code"])
    told: dict[int, set[str]] = {}
    open_ids = [deal_id for deal_id, in sqlite3.connect(path).execute("SELECT id FROM deal ORDER BY id")]
    listed = {d["id"]: d["risks"] for g in kacli.json("deal", "list", env=env)["stages"] for d in g["deals"]}
    for deal_id in open_ids:
        centre = kacli.json("deal", "show", str(deal_id), env=env)["buying_centre"]
        told[deal_id] = {r["code"] for r in centre["risks"]}
        assert bool(told[deal_id]) == centre["at_risk"]
        assert listed[deal_id] == [r["code"] for r in centre["risks"]]  # deal list tells it too
    assert {k: v for k, v in told.items() if v} == shown
    if open_ids:  # customer show tells the same as deal show
        profile = kacli.json("customer", "show", "客户0", env=env)
        assert all({r["code"] for r in d["coverage"]["risks"]} == told[d["id"]] for d in profile["deals"])
    stalled = sum("deal_stalled" in codes for codes in shown.values())
    assert kacli.json("report", "pipeline", env=env)["total"]["stalled"] == stalled
    actions = {row["customer_id"]: row["action"] for row in week["items"]}  # --all's window rows are week's
    for row in kacli.json("remind", "--days", "7", env=env)["items"]:
        assert row["action"] == actions[row["customer_id"]], row
    for row in week["items"]:
        if row["contact"] is None and row["phone"]:
            assert row["phone"] in kacli.ok("why", row["customer"], env=env).stdout
