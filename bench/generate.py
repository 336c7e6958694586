"""Realistic dossiers for the benchmark, written through kacli's own store.

The file is created by ``kacli.store.dossier.open_dossier`` (so it carries kacli's migrations,
WAL journal and 0600 mode) and filled through the SQLAlchemy session of
``kacli.store.unit.writing`` with executemany-style bulk inserts of the SQLModel tables: the result
is exactly the kind of file a salesperson has, only bigger.

Content (faker's zh_CN and en_US locales): Chinese and English companies and people, grades
(organisations by purchase cycle and batch, individuals by purchase intention, some manual
grades), about 5 contacts per customer with birthdays (about a third lunar), visits spread over the
two years before ``TODAY``, next actions, deals in every stage and outcome with their stage
events, buying roles and competitors, instalments and payments.

Two shapes:

- ``realistic`` (the default): a book of business as a salesperson keeps it. Deals advance and close
  (half won, a fifth lost); the last visit of each customer follows its grade's revisit cadence with
  some slippage; most next actions lie ahead, most instalments past due are paid. A typical week has
  10–20 % of customers due.
- ``worst``: the first generator's shape, kept as a named worst case: deals never move (nearly every
  open deal is stalled), visits fall anywhere in two years, half the next actions are overdue, so
  nearly every customer is due.

Generated files are cached under ``bench/data/`` (git-ignored), keyed by size, visits per customer,
seed, shape and generator version, so reruns reuse them::

    .venv/bin/python bench/generate.py 10000 [--visits 50] [--seed 7] [--shape realistic|worst]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
TODAY = dt.date(2026, 11, 23)  # the benchmark's pinned today (a Monday): results do not drift
GENERATOR_VERSION = 3  # bump when the content changes, so cached files are rebuilt
CHUNK = 2_000  # customers per transaction

VISIT_KINDS = (["call"] * 30 + ["visit"] * 20 + ["meal"] * 8 + ["small_gift"] * 5 + ["tech_exchange"] * 5
               + ["company_visit"] * 3 + ["sample"] * 3 + ["social"] * 3 + ["greeting"] * 8
               + ["after_sale"] * 5 + ["feedback"] * 3 + ["family", "trip", "valuable_gift", "introduction",
                                                          "intel", "endorsement", "complaint", "other"])
INDUSTRIES_ZH = ["房地产", "制造业", "汽车", "医药", "金融", "教育", "物流", "零售", "能源", "电子", "食品", "建筑"]
INDUSTRIES_EN = ["real estate", "manufacturing", "automotive", "pharma", "finance", "education", "logistics",
                 "retail", "energy", "electronics"]
STAGES = ["discover", "validate", "negotiate", "contract", "deliver"]
ROLES = ["user", "decision_maker", "buyer", "influencer", "coach"]
LOST_REASONS = ["价格偏高", "竞争对手关系更好", "预算取消", "lost on price", "went with the incumbent"]


SHAPES = ("realistic", "worst")
STALLED_DAYS = {"discover": 30, "validate": 30, "negotiate": 21, "contract": 14, "deliver": 30}


def cached_path(customers: int, visits: int, seed: int, shape: str = "realistic") -> Path:
    suffix = "" if shape == "realistic" else f"-{shape}"
    return DATA / f"dossier-{customers}c-{visits}v-s{seed}{suffix}-g{GENERATOR_VERSION}.db"


def ensure(customers: int, visits: int = 50, seed: int = 7, *, shape: str = "realistic", log=print) -> Path:
    """The cached dossier for this size and shape, generated first if it is not there yet."""
    path = cached_path(customers, visits, seed, shape)
    if path.exists():
        return path
    DATA.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in DATA.glob(partial.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    Generator(partial, customers, visits, seed, shape).run(log)
    partial.rename(path)  # only a whole file is ever reused
    log(f"generated {path.name} in {time.perf_counter() - started:.0f} s "
        f"({path.stat().st_size / 1e6:.0f} MB)")
    return path


def ensure_apart(customers: int, visits: int = 50, seed: int = 7, *, shape: str = "realistic") -> Path:
    """``ensure`` in a process of its own. A child's peak memory (``ru_maxrss``) starts from its
    parent's at fork, so a benchmark that generated dossiers in-process would report its own size
    as every command's peak."""
    path = cached_path(customers, visits, seed, shape)
    if not path.exists():
        import subprocess

        subprocess.run([sys.executable, __file__, str(customers), "--visits", str(visits), "--seed", str(seed),
                        "--shape", shape], check=True)
    return path


@lru_cache(maxsize=200_000)
def _keys(base: str) -> tuple[str, str]:
    from kacli.domain.names import search_keys

    return search_keys(base)


@lru_cache(maxsize=200_000)
def lookup_key(name: str) -> str:
    from kacli.domain.names import lookup_key as key

    return key(name)


def search_keys(base: str, number: int | None) -> tuple[str, str]:
    """kacli's pinyin keys for ``base`` or ``base N``, computed once per base name."""
    pinyin, initials = _keys(base)
    if number is None:
        return pinyin, initials
    return pinyin + str(number), initials + str(number)[0]


class Pools:
    """Faker output drawn once and reused: faker costs tens of microseconds per value."""

    def __init__(self, rng: random.Random, seed: int) -> None:
        from faker import Faker

        zh, en = Faker("zh_CN"), Faker("en_US")
        zh.seed_instance(seed)
        en.seed_instance(seed + 1)
        self.companies = [zh.company() for _ in range(6_000)] + [en.company() for _ in range(4_000)]
        self.people = [zh.name() for _ in range(6_000)] + [en.name() for _ in range(3_000)]
        self.titles = [zh.job() for _ in range(300)] + ["总经理", "采购部经理", "技术总监", "财务总监", "办公室主任"]
        self.cities = [zh.city() for _ in range(300)]
        self.addresses = [zh.address() for _ in range(2_000)] + [en.address() for _ in range(1_000)]
        self.notes = [zh.sentence(nb_words=12) for _ in range(3_000)] + [en.sentence(nb_words=12)
                                                                          for _ in range(1_500)]
        self.phones = [zh.phone_number() for _ in range(5_000)]
        self.emails = [en.email() for _ in range(3_000)]
        self.deal_titles = [f"{zh.word()}{w}" for w in ("采购项目", "框架协议", "升级改造", "年度合同")
                            for _ in range(500)] + [f"{en.bs().title()}" for _ in range(1_000)]
        self.rng = rng


class Generator:
    def __init__(self, path: Path, customers: int, visits: int, seed: int, shape: str = "realistic") -> None:
        self.path, self.customers, self.visits, self.seed = path, customers, visits, seed
        self.worst = shape == "worst"
        self.rng = random.Random(seed)
        self.names_used: dict[str, int] = {}
        self.ids = {"contact": 0, "visit": 0, "deal": 0}

    def run(self, log) -> None:
        from kacli.store.dossier import open_dossier

        open_dossier(self.path, create=True).close()  # kacli's migrations, WAL, 0600
        self.pools = Pools(self.rng, self.seed)
        for start in range(1, self.customers + 1, CHUNK):
            stop = min(start + CHUNK, self.customers + 1)
            self._chunk(range(start, stop))
            if (stop - 1) % 20_000 == 0 or stop > self.customers:
                log(f"  {stop - 1:,} / {self.customers:,} customers")
        import sqlite3

        conn = sqlite3.connect(self.path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()

    # ---- one transaction per chunk of customers --------------------------------------------

    def _chunk(self, ids: range) -> None:
        from sqlalchemy import insert

        from kacli.store import models as m
        from kacli.store.unit import writing

        rows: dict[type, list[dict]] = {t: [] for t in (
            m.Customer, m.CustomerFact, m.Competitor, m.Contact, m.Change, m.Visit, m.VisitContact,
            m.NextAction, m.Deal, m.DealEvent, m.DealCompetitor, m.DealRole, m.Instalment, m.Payment)}
        for customer_id in ids:
            self._customer(customer_id, rows, m)
        with writing(str(self.path), journaled=False) as uow:  # a bulk load, not a user command
            connection = uow.session.connection()
            for model, batch in rows.items():
                if batch:
                    connection.execute(insert(model.__table__), batch)

    def _day(self, low: int, high: int) -> str:
        low = min(low, high)
        return (TODAY + dt.timedelta(days=self.rng.randint(low, high))).isoformat()

    def _instant(self, low: int, high: int) -> str:
        return self._day(low, high) + f"T{self.rng.randint(0, 23):02d}:{self.rng.randint(0, 59):02d}:00Z"

    def _unique_name(self, base: str) -> tuple[str, str, str]:
        seen = self.names_used.get(base, 0)
        self.names_used[base] = seen + 1
        number = None if seen == 0 else seen + 1
        name = base if number is None else f"{base} {number}"
        return (name, *search_keys(base, number))

    def _customer(self, cid: int, rows: dict, m) -> None:
        r, p = self.rng, self.pools
        person = r.random() < 0.25
        zh = r.random() < 0.65
        name, pinyin, initials = self._unique_name(r.choice(p.people if person else p.companies))
        created = self._instant(-900, -700)
        values = {
            "id": cid, "name": name, "name_pinyin": pinyin, "name_initials": initials,
            "name_key": lookup_key(name),
            "kind": "person" if person else "org",
            "scope": None if person else r.choice(["global", "national", "regional", "regional"]),
            "industry": r.choice(INDUSTRIES_ZH if zh else INDUSTRIES_EN),
            "ownership": None if person else r.choice(["foreign", "joint_venture", "state", "private"]),
            "employees": None if person else r.choice([20, 80, 300, 1200, 5000, 30000]),
            "annual_revenue": None if person else r.randint(1, 5000) * 1_000_000_00,
            "address": r.choice(p.addresses),
            "phones": json.dumps([r.choice(p.phones)], ensure_ascii=False),
            "lead_source": r.choice(["inbound", "customer_referral", "exhibition", "internet", "cold_call",
                                     "friend_referral", "directory"]),
            "tags": json.dumps(r.sample(["gift-tea", "年会", "vip", "华南", "华东", "export"], r.randint(0, 2)),
                               ensure_ascii=False),
            "status": self._status(),
            "buy_within": self._buy_within() if person else None,
            "expected_purchase": self._day(5, 200) if person and r.random() < 0.2 else None,
            "purchase_cycle": None if person else self._stated(["short", "long", None], [8, 40, 52]),
            "batch": None if person else self._stated(["large", "small", None], [15, 35, 50]),
            "grade_manual": r.choice(["A", "B", "C"]) if r.random() < (0.1 if self.worst else 0.04) else None,
            "need": r.random() < 0.7, "can_pay": r.random() < 0.6,
            "created_at": created, "updated_at": self._instant(-60, 0),
        }
        rows[m.Customer].append(values)
        rows[m.Change].append({"customer_id": cid, "contact_id": None, "field": "created", "old": None,
                               "new": name, "at": created})
        if r.random() < 0.3:
            rows[m.CustomerFact].append({"customer_id": cid, "key": "年会", "value": f"{r.randint(1, 12)}月"})
        if r.random() < 0.4:
            rows[m.Competitor].append({"customer_id": cid, "name": r.choice(p.companies), "product": None,
                                       "satisfaction": r.randint(1, 5), "salesperson": r.choice(p.people),
                                       "style": None, "relationship": None})
        contacts = self._contacts(cid, created, rows, m)
        orders = self._deals(cid, contacts, rows, m)
        self._visits(cid, contacts, rows, m, self._revisit_days(values, orders))

    # ---- the shape of the book: the worst case draws uniformly, the realistic one as kept ----

    def _status(self) -> str:
        if self.worst:
            return self.rng.choice(["prospect", "active", "active", "active", "dormant", "lost"])
        return self.rng.choices(["prospect", "active", "dormant", "lost"], [20, 70, 7, 3])[0]

    def _buy_within(self) -> str | None:
        if self.worst:
            return self.rng.choice(["1w", "1m", "3m", "6m", None])
        return self.rng.choices(["1w", "1m", "3m", "6m", None], [2, 8, 30, 40, 20])[0]

    def _stated(self, choices: list, weights: list[int]):
        return self.rng.choice(choices) if self.worst else self.rng.choices(choices, weights)[0]

    def _revisit_days(self, customer: dict, orders: list[tuple[dt.date, int]]) -> int:
        """The customer's revisit interval by kacli's own grading and default rules, to place its
        last visit (realistic shape)."""
        from kacli.domain.grading import effective_grade
        from kacli.domain.rules import defaults

        rules = defaults()
        expected = customer["expected_purchase"]
        grade = effective_grade(
            customer["kind"], today=TODAY, rules=rules, manual_grade=customer["grade_manual"],
            buy_within=customer["buy_within"],
            expected_purchase=dt.date.fromisoformat(expected) if expected else None,
            purchase_cycle=customer["purchase_cycle"], batch=customer["batch"], order_history=orders,
        ).grade
        table = rules.person_revisit_days if customer["kind"] == "person" else rules.org_revisit_days
        interval = table.get(grade, rules.ungraded_revisit_days)
        if any((TODAY - day).days <= 365 for day, _ in orders):  # a buyer this year: visited as a key account
            interval = min(interval, rules.key_revisit_days)
        return interval

    def _attitude(self) -> str | None:
        """Supporter, neutral or opponent; in a realistic book an opponent is rare."""
        choices = ["supporter", "neutral", "opponent", None]
        return self.rng.choice(choices) if self.worst else self.rng.choices(choices, [50, 30, 4, 16])[0]

    def _last_visit_offset(self, interval: int) -> int:
        """Days before TODAY of the latest visit: within the cadence for most customers, slipped
        past it for about one in twenty-five."""
        r = self.rng
        if r.random() < 0.04:
            return -r.randint(max(1, interval - 6), interval + 20)
        return -r.randint(0, max(0, interval - 8)) if interval > 8 else -r.randint(0, 1)

    def _contacts(self, cid: int, created: str, rows: dict, m) -> list[int]:
        r, p = self.rng, self.pools
        ids = []
        names = set()
        for i in range(r.randint(3, 7)):
            base = r.choice(p.people)
            if base in names:
                continue
            names.add(base)
            self.ids["contact"] += 1
            contact_id = self.ids["contact"]
            ids.append(contact_id)
            pinyin, initials = search_keys(base, None)
            has_birthday = r.random() < (0.7 if self.worst else 0.3)
            rows[m.Contact].append({
                "id": contact_id, "customer_id": cid, "name": base, "name_pinyin": pinyin,
                "name_initials": initials, "name_key": lookup_key(base), "title": r.choice(p.titles),
                "roles": json.dumps(r.sample(ROLES, r.randint(0, 2))),
                "attitude": self._attitude(),
                "stage": r.choice(["acquainted", "acquainted", "dating", "trust", "alliance"]),
                "is_primary": i == 0, "phones": json.dumps([r.choice(p.phones)]),
                "email": r.choice(p.emails) if r.random() < 0.5 else None,
                "birth_year": r.randint(1960, 1995) if has_birthday and r.random() < 0.5 else None,
                "birth_month": r.randint(1, 12) if has_birthday else None,
                "birth_day": r.randint(1, 28) if has_birthday else None,
                "birthday_lunar": has_birthday and r.random() < 0.35, "birthday_leap": False,
                "hometown": r.choice(p.cities), "food": r.choice(["川菜", "粤菜", "tea", None]),
                "created_at": created, "updated_at": created,
            })
            rows[m.Change].append({"customer_id": cid, "contact_id": contact_id, "field": "created",
                                   "old": None, "new": base, "at": created})
        return ids

    def _visits(self, cid: int, contacts: list[int], rows: dict, m, interval: int) -> None:
        r, p = self.rng, self.pools
        count = r.randint(self.visits // 2, self.visits * 3 // 2)
        latest = None if self.worst else self._last_visit_offset(interval)
        for i in range(count):
            self.ids["visit"] += 1
            if latest is None:
                day = self._day(-730, -1)
            else:
                day = self._day(latest, latest) if i == 0 else self._day(-730, latest)
            rows[m.Visit].append({
                "id": self.ids["visit"], "customer_id": cid, "date": day, "kind": r.choice(VISIT_KINDS),
                "note": r.choice(p.notes), "planned": False, "purpose": None, "gift_value": None,
                "satisfaction": r.randint(3, 5) if r.random() < 0.2 else None, "created_at": day + "T10:00:00Z",
            })
            rows[m.VisitContact].append({"visit_id": self.ids["visit"], "contact_id": r.choice(contacts)})
        if r.random() < (0.2 if self.worst else 0.04):  # a visit planned in the coming weeks
            self.ids["visit"] += 1
            rows[m.Visit].append({
                "id": self.ids["visit"], "customer_id": cid, "date": self._day(0, 21), "kind": "visit",
                "note": None, "planned": True, "purpose": r.choice(p.notes), "gift_value": None,
                "satisfaction": None, "created_at": self._instant(-10, 0)})
        for _ in range(r.randint(0, 3) if self.worst else r.choice((0, 0, 1, 1, 2))):
            if self.worst:
                done, due = r.random() < 0.5, self._day(-40, 30)
            else:  # done when due; what is open lies ahead, bar a few
                due = self._day(-60, -1) if r.random() < 0.7 else self._day(0, 120)
                done = due < TODAY.isoformat() and r.random() < 0.97
            rows[m.NextAction].append({
                "customer_id": cid, "contact_id": r.choice(contacts), "visit_id": None, "deal_id": None,
                "kind": "next", "text": r.choice(p.notes), "due": due,
                "done_on": (due if not self.worst else self._day(-40, 0)) if done else None,
                "created_at": self._instant(-60, -1)})

    def _deals(self, cid: int, contacts: list[int], rows: dict, m) -> list[tuple[dt.date, int]]:
        """The customer's deals; returns its orders (won deals: day closed, amount)."""
        r, p = self.rng, self.pools
        orders = []
        for _ in range(r.randint(1, 3) if self.worst else r.randint(1, 2)):
            self.ids["deal"] += 1
            deal_id = self.ids["deal"]
            title = r.choice(p.deal_titles)
            pinyin, initials = search_keys(title, None)
            stage_index = r.randint(0, 4)
            outcome = r.choices(["open", "won", "lost"], [60, 25, 15] if self.worst else [30, 50, 20])[0]
            if outcome == "won":
                stage_index = 4
            # Worst case: 5万–800万 evenly; realistic: as many small deals as large (log-uniform).
            wan = r.randint(5, 800) if self.worst else int(10 ** r.uniform(0.7, 2.9))
            amount = wan * 10_000_00
            start = r.randint(-600, -100)
            entered = None  # the day the deal entered its stage (realistic open deals only)
            if outcome == "open" and not self.worst:
                entered = self._stage_entered(STAGES[stage_index])
                start = entered - stage_index * r.randint(10, 25) - r.randint(0, 20)
            rows[m.Deal].append({
                "id": deal_id, "customer_id": cid, "title": title, "title_pinyin": pinyin,
                "title_initials": initials, "title_key": lookup_key(title), "amount": amount,
                "expected_close": self._expected_close(outcome),
                "stage": STAGES[stage_index], "outcome": outcome,
                "lost_reason": r.choice(LOST_REASONS) if outcome == "lost" else None,
                "chance": r.choice([10, 30, 50, 70, 90]), "budget": amount, "purchase_plan": r.choice(p.notes),
                "contract_date": self._day(start + 30, start + 60) if stage_index >= 3 else None,
                "delivered_on": self._day(start + 60, start + 90) if outcome == "won" else None,
                "closed_on": self._day(start + 60, -1) if outcome != "open" else None,
                "created_at": self._instant(start, start), "updated_at": self._instant(start, -1),
            })
            for step in range(stage_index + 1):
                if entered is not None:  # the steps spread evenly from the start to the last entry
                    on = start + (entered - start) * step // max(1, stage_index)
                    on_date = self._day(entered, entered) if step == stage_index else self._day(on, on)
                else:
                    on_date = self._day(start + step * 12, start + step * 12 + 11)
                rows[m.DealEvent].append({
                    "deal_id": deal_id, "on_date": on_date,
                    "from_stage": STAGES[step - 1] if step else None, "to_stage": STAGES[step],
                    "outcome": None, "note": None, "created_at": self._instant(start, -1)})
            if outcome != "open":
                rows[m.DealEvent].append({"deal_id": deal_id, "on_date": self._day(start + 60, -1),
                                          "from_stage": None, "to_stage": None, "outcome": outcome,
                                          "note": None, "created_at": self._instant(-30, -1)})
            chosen = r.sample(contacts, min(len(contacts), r.randint(1, 3)))
            for i, contact_id in enumerate(chosen):
                if i == 0 and not self.worst and r.random() < 0.9:  # the decision maker is won over
                    role, attitude = "decision_maker", "supporter"
                else:
                    role, attitude = r.choice(ROLES), self._attitude()
                rows[m.DealRole].append({"deal_id": deal_id, "contact_id": contact_id, "role": role,
                                         "attitude": attitude})
            if r.random() < 0.5:
                rows[m.DealCompetitor].append({"deal_id": deal_id, "name": r.choice(p.companies),
                                               "position": r.choice(["better", "equal", "worse"])})
            if stage_index >= 3:
                self._receivables(deal_id, amount, start, rows, m)
            if outcome == "won":
                orders.append((dt.date.fromisoformat(rows[m.Deal][-1]["closed_on"]), amount))
        return orders

    def _stage_entered(self, stage: str) -> int:
        """Days before TODAY an open deal entered its stage: moving on time for most deals,
        stalled (past the stage's limit) for about one in thirty."""
        r, limit = self.rng, STALLED_DAYS[stage]
        if r.random() < 0.03:
            return -r.randint(limit - 6, limit + 60)
        return -r.randint(0, limit - 8)

    def _expected_close(self, outcome: str) -> str:
        r = self.rng
        if self.worst or outcome != "open":
            return self._day(-30, 180)
        return self._day(-20, 6) if r.random() < 0.02 else self._day(10, 240)

    def _receivables(self, deal_id: int, amount: int, start: int, rows: dict, m) -> None:
        r = self.rng
        parts = r.randint(1, 3)
        for i in range(parts):
            due_offset = start + 60 + i * 90
            rows[m.Instalment].append({"deal_id": deal_id, "amount": amount // parts,
                                       "due": self._day(due_offset, due_offset),
                                       "created_at": self._instant(start, -1)})
            if due_offset < 0 and r.random() < (0.7 if self.worst else 0.995):
                rows[m.Payment].append({"deal_id": deal_id, "amount": amount // parts,
                                        "date": self._day(due_offset, min(due_offset + 20, 0)),
                                        "note": None, "created_at": self._instant(due_offset, 0)})


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate (or find cached) benchmark dossiers.")
    parser.add_argument("customers", type=int, nargs="+")
    parser.add_argument("--visits", type=int, default=50, help="visits per customer (about)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shape", choices=SHAPES, default="realistic")
    args = parser.parse_args()
    for size in args.customers:
        print(ensure(size, args.visits, args.seed, shape=args.shape))


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    main()
