"""The import benchmark: ``kacli import customers`` + ``kacli import contacts`` against a floor.

    .venv/bin/python bench/import_book.py [--customers 1000] [--runs 3] [--write]

Writes a book of business as two CSVs (N customers, 5 contacts each, Chinese names, phones,
titles, birthdays), then times, each in a fresh empty dossier (made by kacli, so the schema is
the same):

- kacli: the two import commands as whole processes (reading, checking every cell, links by name,
  duplicates, search keys, history rows, one transaction each);
- the floor (``floor_import.py``): one stdlib process that reads the same CSVs with ``csv`` and
  ``executemany``-inserts the same rows, with no checks, search keys or history.

Also times the same two commands on a one-customer book (start-up: Python, typer, SQLAlchemy,
pypinyin's phrase data, the journal's triggers), so the time that grows with the rows shows apart.

Prints the medians and the ratio (the issue's target: at most 3x the floor); ``--write`` also
keeps the row for this size in ``bench/RESULTS-import.md`` (with the date, commit and load).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KACLI = str(Path(sys.executable).parent / "kacli")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红文斌鹏宇浩凯"
WORDS = "华信鼎盛宏远恒通海川南方天福金源瑞丰博达中科联创东方新星长城百合汇通星辰嘉禾"
TRADES = ("地产", "贸易", "机械", "物流", "科技", "电信", "茗茶", "医药", "建材", "食品")
TITLES = ("总经理", "采购经理", "办公室主任", "总工程师", "财务总监", "董事长", "")


def write_book(folder: Path, customers: int, seed: int = 7) -> tuple[Path, Path]:
    rng = random.Random(seed)
    names = []
    while len(names) < customers:
        name = "".join(rng.choice(WORDS) for _ in range(2)) + rng.choice(TRADES) + f"{len(names):05d}"
        names.append(name)
    cpath, ppath = folder / "customers.csv", folder / "contacts.csv"
    with cpath.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["客户名称", "行业", "电话", "标签"])
        for name in names:
            w.writerow([name, name[4:6], f"0{rng.randint(10, 999)}-{rng.randint(1000000, 9999999)}", "导入"])
    with ppath.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["客户", "姓名", "职务", "手机", "生日"])
        for name in names:
            for i in range(5):
                person = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if i % 2 else "")
                birthday = f"{rng.randint(1960, 1995)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                w.writerow([name, f"{person}{i}", rng.choice(TITLES), f"13{rng.randint(100000000, 999999999)}",
                            birthday if i % 3 else ""])
    return cpath, ppath


def fresh_dossier(folder: Path, label: str) -> Path:
    path = folder / f"{label}-{time.monotonic_ns()}.db"
    subprocess.run([sys.executable, "-c", "import sys; from kacli.store.dossier import open_dossier; "
                    "open_dossier(__import__('pathlib').Path(sys.argv[1]), create=True).close()", str(path)],
                   check=True)
    return path


def timed(commands: list[list[str]]) -> float:
    start = time.perf_counter()
    for command in commands:
        subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


RESULTS = HERE / "RESULTS-import.md"
HEADER = ("| customers | contacts | kacli import s | start-up s | floor s | ratio | beyond start-up / floor |"
          " target |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")


def kacli_pair(folder: Path, cpath: Path, ppath: Path) -> float:
    db = fresh_dossier(folder, "kacli")
    return timed([[KACLI, "--db", str(db), "import", "customers", str(cpath)],
                  [KACLI, "--db", str(db), "import", "contacts", str(ppath)]])


def write_row(customers: int, row: str) -> None:
    """Keep one row per size, newest first in the file's notes."""
    rows = {}
    if RESULTS.exists():
        for line in RESULTS.read_text(encoding="utf-8").splitlines():
            if line.startswith("| ") and line[2:3].isdigit():
                rows[int(line.split("|")[1].strip().replace(",", ""))] = line
    rows[customers] = row
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=HERE).stdout.strip() or "unknown"
    uname = platform.uname()
    notes = (f"- {customers:,} customers measured {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}, kacli {commit}, "
             f"{uname.system} {uname.machine}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
             f"load average {'/'.join(f'{x:.2f}' for x in os.getloadavg())}")
    kept = [line for line in (RESULTS.read_text(encoding="utf-8").splitlines() if RESULTS.exists() else [])
            if line.startswith("- ") and not line.startswith(f"- {customers:,} customers")]
    RESULTS.write_text("\n".join([
        "# kacli import benchmark results", "",
        "`.venv/bin/python bench/import_book.py --customers N --write`: medians of whole-process runs, taken",
        "in turns with the floor's (`floor_import.py`). Start-up: the same two commands on a one-customer book.",
        "", HEADER, *(rows[k] for k in sorted(rows)), "", *sorted([notes, *kept]), ""]), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true", help=f"keep the result in {RESULTS.name}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cpath, ppath = write_book(folder, args.customers)
        small = folder / "small"
        small.mkdir()
        one_c, one_p = write_book(small, 1)
        ours, floors, starts = [], [], []
        for _ in range(args.runs):
            starts.append(kacli_pair(folder, one_c, one_p))
            ours.append(kacli_pair(folder, cpath, ppath))
            db = fresh_dossier(folder, "floor")
            floors.append(timed([[sys.executable, str(HERE / "floor_import.py"), str(db), str(cpath), str(ppath)]]))
        mine, floor, start = statistics.median(ours), statistics.median(floors), statistics.median(starts)
        row = (f"| {args.customers:,} | {5 * args.customers:,} | {mine:.2f} | {start:.2f} | {floor:.2f} | "
               f"{mine / floor:.2f} | {(mine - start) / floor:.2f} | ≤ 3× |")
        print(HEADER)
        print(row)
        if args.write:
            write_row(args.customers, row)


if __name__ == "__main__":
    main()
