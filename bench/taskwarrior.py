"""Taskwarrior 2.6 over as many pending tasks as kacli has customers: the baseline for the week list.

`task next` (one screen of the most urgent tasks) answers the same question as the default
`kacli week` view; `task export` (every task as JSON) the same as `kacli week --json`. The binary
comes from the distribution's package, installed here when missing (as root, with apt-get); when it
cannot be had, the baseline is skipped and the report says why.

Task lists are cached under ``bench/data/task-{N}/`` like the dossiers.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def binary() -> tuple[str | None, str]:
    """The `task` executable and its version, installing the distribution's package if missing;
    (None, why) when it cannot be had."""
    found = shutil.which("task")
    if not found and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "taskwarrior"], capture_output=True)
        found = shutil.which("task")
    if not found:
        return None, "taskwarrior is not installed and could not be installed (needs root and apt-get)"
    version = subprocess.run([found, "--version"], capture_output=True, text=True).stdout.strip()
    if not version.startswith("2."):
        return None, f"taskwarrior {version} is not 2.x"
    return found, version


def ensure(tasks: int, seed: int = 7, *, log=print) -> Path:
    """A taskwarrior data folder holding ``tasks`` pending tasks (cached)."""
    folder = DATA / f"task-{tasks}-s{seed}"
    if (folder / "pending.data").exists():
        return folder
    task, why = binary()
    if task is None:
        raise RuntimeError(why)
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    rng = random.Random(seed)
    today = dt.date(2026, 11, 23)
    rows = []
    for i in range(tasks):
        due = today + dt.timedelta(days=rng.randint(-30, 120))
        rows.append({"description": f"call customer {i} about the order", "status": "pending",
                     "entry": f"{(today - dt.timedelta(days=rng.randint(1, 700))).strftime('%Y%m%d')}T090000Z",
                     "due": f"{due.strftime('%Y%m%d')}T090000Z", "project": rng.choice(["A", "B", "C", "D"]),
                     "tags": rng.sample(["vip", "gift", "visit", "money"], rng.randint(0, 2)),
                     "priority": rng.choice(["H", "M", "L", ""]) or None})
    source = partial / "import.json"
    source.write_text(json.dumps([{k: v for k, v in r.items() if v} for r in rows]), encoding="utf-8")
    started = dt.datetime.now()
    subprocess.run(command(task, partial, "import", str(source)), check=True, capture_output=True)
    source.unlink()
    partial.rename(folder)
    log(f"taskwarrior: {tasks:,} tasks imported in {(dt.datetime.now() - started).seconds} s")
    return folder


def command(task: str, folder: Path, *args: str) -> list[str]:
    """`task` on ``folder``'s data alone: no user taskrc, no hooks, no questions, no extra output."""
    return [task, f"rc:{os.devnull}", f"rc.data.location={folder}", "rc.confirmation=off", "rc.hooks=off",
            "rc.verbose=nothing", "rc.gc=off", *args]
