"""kacli's benchmark: realistic dossiers, whole-process timings against a floor, one report.

    .venv/bin/python bench/run.py [--sizes 1000,10000,100000] [--runs 5] [--more-visits 10000]

- Generates (or reuses, from ``bench/data/``) dossiers of each size through kacli's own store:
  about 5 contacts, 50 visits and 2 deals per customer (see ``bench/generate.py``), and one with
  ten times more visits per customer at ``--more-visits`` customers (0 to skip).
- Times each command as a whole process (the installed ``.venv/bin/kacli``): one warm-up run,
  then ``--runs`` runs taken in turns with its floor's; reports the median, the median of its floor
  (a minimal stdlib-sqlite3 or SQLModel script doing the same job, or ``import typer``), their
  ratio and the peak memory of the process (``ru_maxrss`` of the child).
- Prints a Markdown report and writes it to ``bench/RESULTS.md`` with the date and the machine.

A command this kacli does not have yet is skipped with a note; adding a command to the
benchmark is one line in ``CASES``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

PYTHON = sys.executable
KACLI = str(Path(PYTHON).parent / "kacli")


@dataclass(frozen=True)
class Case:
    """A command, its floor, and the ratio the issue allows at 10,000 customers.

    ``{ref}``, ``{id}``, ``{db}`` and ``{today}`` in the arguments are filled per dossier. A
    ``write`` case runs on a scratch copy of the dossier, so the cached file never changes.
    """

    label: str
    args: tuple[str, ...]
    floor: tuple[str, ...]
    target: float
    write: bool = False


FLOOR_WEEK = (PYTHON, str(HERE / "floor_week.py"), "{db}", "{today}")
CASES = [
    Case("week --json", ("week", "--json"), FLOOR_WEEK, 1.5),
    Case("remind", ("remind",), FLOOR_WEEK, 1.5),
    Case("customer show REF", ("customer", "show", "{ref}"), (PYTHON, str(HERE / "floor_read.py"), "{db}", "show",
                                                              "{ref}"), 2.0),
    Case("customer list --json", ("customer", "list", "--json"), (PYTHON, str(HERE / "floor_read.py"), "{db}",
                                                                  "list"), 2.0),
    Case("deal list --json", ("deal", "list", "--json"), (PYTHON, str(HERE / "floor_read.py"), "{db}", "deals"),
         2.0),
    Case("visit log REF --kind call", ("visit", "log", "{ref}", "--kind", "call"),
         (PYTHON, str(HERE / "floor_write.py"), "{db}", "{id}"), 1.3, write=True),
    Case("--help", ("--help",), (PYTHON, "-c", "import typer"), 1.5),
]
SCALE_TARGET = 12.0  # 10,000 -> 100,000 customers
VISITS_TARGET = 1.3  # ten times more visits per customer
MEMORY_TARGET_MB = 250  # at 100,000 customers


@dataclass
class Timing:
    median: float
    peak_mb: float


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit code, stderr) of one whole process."""
    started = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024, child.returncode, err.decode(errors="replace")


def measure(argv: list[str], floor: list[str], env: dict[str, str], runs: int) -> tuple[Timing, Timing]:
    """The command and its floor, each warmed up once, then run in turns so that whatever else the
    machine does in the meantime weighs on both alike."""
    samples: dict[int, list[tuple[float, float]]] = {0: [], 1: []}
    for attempt in range(runs + 1):
        for which, args in enumerate((argv, floor)):
            seconds, peak, code, err = timed(args, env)
            if code != 0:
                raise RuntimeError(f"{' '.join(args)} exited {code}: {err.strip()[-500:]}")
            if attempt:  # the first round is the warm-up: file cache, bytecode
                samples[which].append((seconds, peak))
    return tuple(Timing(statistics.median(s for s, _ in samples[w]), max(p for _, p in samples[w]))
                 for w in (0, 1))


def available(case: Case) -> bool:
    """Whether this kacli has the command (its --help exits 0)."""
    words = [a for a in case.args if not a.startswith("-") and "{" not in a]
    return subprocess.run([KACLI, *words, "--help"], capture_output=True).returncode == 0


def _reference(db: Path) -> tuple[str, int]:
    """A customer in the middle of the file, by its exact name, as a user would type it."""
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        total = conn.execute("SELECT max(id) FROM customer").fetchone()[0]
        cid, name = conn.execute("SELECT id, name FROM customer WHERE id >= ? ORDER BY id LIMIT 1",
                                 (total // 2,)).fetchone()
        return name, cid
    finally:
        conn.close()


def run_size(label: str, db: Path, cases: list[Case], runs: int, log, notes: list[str]
             ) -> dict[str, tuple[Timing, Timing]]:
    ref, cid = _reference(db)
    results = {}
    scratch = None
    for case in cases:
        target = db
        if case.write:
            scratch = Path(tempfile.mkdtemp(prefix="kacli-bench-"))
            target = scratch / "dossier.db"
            shutil.copy(db, target)
            with open(target, "rb") as copied:  # on disk before timing: no write pays for the copy's flush
                os.fsync(copied.fileno())
        fill = {"ref": ref, "id": str(cid), "db": str(target), "today": generate.TODAY.isoformat()}
        env = dict(os.environ, KACLI_DB=str(target), KACLI_TODAY=fill["today"], KACLI_LANG="en", COLUMNS="120")
        env.pop("KACLI_DEBUG", None)
        try:
            command, floor = measure([KACLI, *(a.format(**fill) for a in case.args)],
                                     [a.format(**fill) for a in case.floor], env, runs)
        except RuntimeError as exc:
            notes.append(f"`kacli {case.label}` failed at {label}: {exc}")
            log(f"  {label:>22}  {case.label:<28} FAILED: {exc}")
            continue
        finally:
            if scratch:
                shutil.rmtree(scratch)
                scratch = None
        results[case.label] = (command, floor)
        log(f"  {label:>22}  {case.label:<28} {command.median:7.3f} s  floor {floor.median:7.3f} s"
            f"  x{command.median / floor.median:5.2f}  {command.peak_mb:6.1f} MB")
    return results


def due_share(db: Path, customers: int) -> float:
    """The share of customers on `kacli week --json` at the pinned today."""
    import json

    env = dict(os.environ, KACLI_DB=str(db), KACLI_TODAY=generate.TODAY.isoformat(), KACLI_LANG="en")
    out = subprocess.run([KACLI, "week", "--json"], env=env, capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    items = data["items"] if isinstance(data, dict) else data
    return len(items) / customers


def _holds(ok: bool) -> str:
    return "yes" if ok else "**no**"


def _source() -> str:
    """The commit measured, and whether kacli's source differed from it."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "src")
    return f"{commit}" + (" with uncommitted changes under src/" if dirty else "")


def report(results: dict[str, dict], cases: list[Case], skipped: list[str], runs: int, notes: list[str],
           load: tuple[str, str]) -> str:
    uname = platform.uname()
    lines = [
        "# kacli benchmark results",
        "",
        f"- Date: {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}; kacli {_source()}",
        f"- Machine: {uname.system} {uname.release} {uname.machine}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; load average {load[0]} before, {load[1]} after",
        f"- Command: `.venv/bin/python bench/run.py {' '.join(sys.argv[1:])}`".rstrip(),
        f"- Each time is the median of {runs} whole-process runs after one warm-up, taken in turns with the "
        "floor's. Peak memory is the child's maximum resident set size.",
        "",
        "| command | dossier | median s | floor median s | ratio | peak MB | target | holds? |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for size_label, by_case in results.items():
        for case in cases:
            if case.label not in by_case:
                continue
            command, floor = by_case[case.label]
            ratio = command.median / floor.median
            at_target = size_label == "10,000 customers"
            target = f"≤ {case.target}× floor" if at_target else ""
            holds = _holds(ratio <= case.target) if at_target else ""
            if size_label.startswith("100,000"):
                target = f"< {MEMORY_TARGET_MB} MB"
                holds = _holds(command.peak_mb < MEMORY_TARGET_MB)
            lines.append(f"| `kacli {case.label}` | {size_label} | {command.median:.3f} | {floor.median:.3f} | "
                         f"{ratio:.2f} | {command.peak_mb:.0f} | {target} | {holds} |")
    lines += _scaling(results, cases)
    if skipped:
        lines += ["", "Skipped (not in this kacli yet): " + ", ".join(f"`{s}`" for s in skipped)]
    if notes:
        lines += ["", *notes]
    return "\n".join(lines) + "\n"


def _scaling(results: dict[str, dict], cases: list[Case]) -> list[str]:
    base = results.get("10,000 customers")
    pairs = [("100,000 customers", "10,000 → 100,000 customers", SCALE_TARGET),
             ("10,000 customers, 10× visits", "10× visits per customer at 10,000", VISITS_TARGET)]
    lines: list[str] = []
    for other_label, title, limit in pairs:
        other = results.get(other_label)
        if not base or not other:
            continue
        if not lines:
            lines += ["", "| command | growth | time before s | time after s | ratio | floor's ratio | target "
                          "| holds? |", "| --- | --- | ---: | ---: | ---: | ---: | --- | --- |"]
        for case in cases:
            if case.label in base and case.label in other:
                before, after = base[case.label][0].median, other[case.label][0].median
                floor_growth = other[case.label][1].median / base[case.label][1].median
                holds = _holds(after / before <= limit)
                lines.append(f"| `kacli {case.label}` | {title} | {before:.3f} | {after:.3f} | "
                             f"{after / before:.2f} | {floor_growth:.2f} | ≤ {limit}× | {holds} |")
    return lines


def _load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="customer counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command after one warm-up")
    parser.add_argument("--more-visits", type=int, default=10_000,
                        help="customers in the dossier with ten times more visits (0: skip)")
    parser.add_argument("--worst", type=int, default=0,
                        help="customers in the named worst-case dossier (deals never move; 0: skip)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()

    cases = [c for c in CASES if available(c)]
    skipped = [c.label for c in CASES if c not in cases]
    notes: list[str] = []
    dossiers = [(f"{int(n):,} customers", int(n), 50, "realistic") for n in args.sizes.split(",") if n.strip()]
    if args.more_visits:
        dossiers.append((f"{args.more_visits:,} customers, 10× visits", args.more_visits, 500, "realistic"))
    if args.worst:
        dossiers.append((f"{args.worst:,} customers, worst case", args.worst, 50, "worst"))
    results = {}
    load_before = _load()
    for label, customers, visits, shape in dossiers:
        started = time.perf_counter()
        db = generate.ensure(customers, visits, args.seed, shape=shape, log=print)
        if time.perf_counter() - started > 1:
            notes.append(f"Generating the {label} dossier took {time.perf_counter() - started:.0f} s.")
        size_mb = db.stat().st_size / 1e6
        share = due_share(db, customers)
        notes.append(f"The {label} dossier: {share:.0%} of customers due in the pinned week.")
        print(f"{label}: {db.name} ({size_mb:.0f} MB), {share:.0%} of customers due this week")
        results[label] = run_size(label, db, cases, args.runs, print, notes)
    text = report(results, cases, skipped, args.runs, notes, (load_before, _load()))
    print()
    print(text)
    Path(args.out).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
