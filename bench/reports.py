"""``kacli report`` against a stdlib-sqlite3 script computing the same numbers.

    .venv/bin/python bench/reports.py [CUSTOMERS] [--runs 3]      # default 1,000 customers

Builds (or reuses) the dossier with ``bench/generate.py``, then for each report times the whole
process ``kacli report NAME --json`` and ``bench/floor_reports.py`` over the same period, in
turns after a warm-up (``bench/run.py``'s ``measure``), checks that both found the same numbers,
and prints the medians and their ratio (the issue allows 2× at 10,000 customers).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from run import KACLI, PYTHON, compiled, measure  # noqa: E402

TODAY = generate.TODAY.isoformat()
# The period each report is asked for, passed to both sides: the defaults kacli would use.
PERIODS = {
    "pareto": ("2025-11-24", TODAY), "pipeline": ("2025-11-24", TODAY), "forecast": ("2026-11-01", "2027-04-30"),
    "receivables": ("2025-11-24", TODAY), "winloss": ("2025-11-24", TODAY), "activity": ("2026-09-07", TODAY),
}
TARGET = 2.0


def kacli_args(name: str) -> list[str]:
    since, until = PERIODS[name]
    if name in ("pipeline", "receivables"):  # as of today: no period, as a salesperson runs them
        return [KACLI, "report", name, "--json"]
    return [KACLI, "report", name, "--since", since, "--until", until, "--json"]


def floor_args(db: Path, name: str) -> list[str]:
    return [PYTHON, str(HERE / "floor_reports.py"), str(db), name, TODAY, *PERIODS[name]]


def same_numbers(name: str, mine: dict, floor: dict) -> bool:
    """The figures both sides must agree on, report by report:

    - pareto: the whole JSON (period, total, every customer's rank, revenue, shares and star);
    - pipeline: every stage's count, value, weighted value, average days in stage and stalled;
    - forecast: each month's deals, value, weighted value and won value (and the undated and
      overdue lines, which the floor files under those names);
    - receivables: every debtor's id, name, amount owed and buckets, in order;
    - winloss: won count and value, win rate, average cycle, lost reasons;
    - activity: each week's total and count by relationship stage, and per grade the customers
      counted and those on cadence (the floor grades as kacli's default rules do).
    """
    if name == "pareto":
        return mine == floor
    if name == "pipeline":
        return mine["stages"] == floor["stages"]
    if name == "forecast":
        months = {m["month"]: [m["deals"], m["value_fen"], m["weighted_fen"], m["won_fen"]] for m in mine["months"]}
        months.update({key: [mine[key]["deals"], mine[key]["value_fen"], mine[key]["weighted_fen"], 0]
                       for key in ("undated", "overdue") if key in mine})
        return (all(months.get(k) == [v["deals"], v["value_fen"], v["weighted_fen"], v["won_fen"]]
                    for k, v in floor.items())
                and all(k in floor for k, v in months.items() if any(v)))
    if name == "receivables":
        return mine["customers"] == floor["customers"]
    if name == "winloss":
        return ([mine["won"]["count"], mine["won"]["value_fen"]] == floor["won"]
                and round(mine["win_rate"], 4) == floor["win_rate"]
                and mine["avg_cycle_days"] == floor["avg_cycle_days"]
                and [[r["reason"], r["count"], r["value_fen"]] for r in mine["lost_reasons"]] == floor["lost_reasons"])
    if name == "activity":
        cover = {c["grade"] or "": [c["customers"], c["on_cadence"]] for c in mine["coverage"]}
        weeks = {w["week"]: [w["total"], {s: n for s, n in w["by_stage"].items() if n}]
                 for w in mine["weeks"] if w["total"]}
        floor_weeks = {k: [v["total"], v["by_stage"]] for k, v in floor["weeks"].items()}
        return cover == floor["coverage"] and weeks == floor_weeks
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("customers", nargs="?", type=int, default=1_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    compiled()
    db = generate.ensure_apart(args.customers, 50, args.seed)
    env = {**os.environ, "KACLI_DB": str(db), "KACLI_TODAY": TODAY, "KACLI_LANG": "en",
           "KACLI_RULES": str(HERE / "data" / "no-rules.toml")}
    start_kacli, start_floor = start_up(env, args.runs)
    version, bare = measure([KACLI, "--version"], [PYTHON, "-c", "import json, sqlite3"], env, args.runs)
    print(f"{args.customers:,} customers ({db.name}), median of {args.runs} runs each, whole processes")
    print(f"start-up on a dossier of one customer: kacli {start_kacli * 1000:.0f} ms, "
          f"floor {start_floor * 1000:.0f} ms; 'work' is the time beyond it")
    print(f"`kacli --version` {version.median * 1000:.0f} ms (Typer and kacli's app, no command), "
          f"python importing json and sqlite3 {bare.median * 1000:.0f} ms; 'left' is {TARGET:g}× the floor "
          f"less `kacli --version`: what a report may spend beyond starting\n")
    print(f"| report | kacli | floor | ratio | within {TARGET:g}× | work ratio | kacli beyond --version | left |"
          " same numbers |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    for name in PERIODS:
        mine = json.loads(subprocess.run(kacli_args(name), env=env, capture_output=True, check=True).stdout)
        floor = json.loads(subprocess.run(floor_args(db, name), env=env, capture_output=True, check=True).stdout)
        kacli_time, floor_time = measure(kacli_args(name), floor_args(db, name), env, args.runs)
        ratio = kacli_time.median / floor_time.median
        work = (kacli_time.median - start_kacli) / max(floor_time.median - start_floor, 1e-3)
        print(f"| {name} | {kacli_time.median * 1000:.0f} ms | {floor_time.median * 1000:.0f} ms | {ratio:.2f} | "
              f"{'yes' if ratio <= TARGET else 'NO'} | {work:.2f} | "
              f"{(kacli_time.median - version.median) * 1000:.0f} ms | "
              f"{(TARGET * floor_time.median - version.median) * 1000:.0f} ms | "
              f"{'yes' if same_numbers(name, mine, floor) else 'NO'} |", flush=True)


def start_up(env: dict[str, str], runs: int) -> tuple[float, float]:
    """The pipeline report and its floor on a dossier of one customer: what starting costs."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.db"
        mine = {**env, "KACLI_DB": str(tiny)}
        subprocess.run([KACLI, "customer", "add", "机床厂"], env=mine, capture_output=True, check=True)
        kacli_time, floor_time = measure(kacli_args("pipeline"), floor_args(tiny, "pipeline"), mine, runs)
    return kacli_time.median, floor_time.median


if __name__ == "__main__":
    main()
