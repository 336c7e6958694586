"""Where one kacli command spends its time, in CPU milliseconds: start-up, then the command.

    .venv/bin/python bench/hotspots.py [--top N] -- week --db bench/data/dossier-1000c-50v-s7-g3.db --today 2026-11-23

Runs the command in this process (stdout to /dev/null) after byte-compiling kacli, and prints:

- what importing Typer (beyond `subprocess`, which this script needs first) and kacli.app cost:
  the part every command pays;
- the command's own run, under cProfile with ``time.process_time`` as the clock (a shared
  machine's other load does not count): kacli's ``--top`` functions by cumulative time, then
  the functions (anyone's) that used the most CPU themselves.

cProfile adds its own cost to every call, so the run's total reads higher than the benchmark's;
compare lines with each other, not with ``RESULTS.md``. ``python -X importtime -m kacli ARGS``
splits the imports further.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import time


def main() -> None:
    # No argparse: it would load modules Typer loads too, and Typer's import would look cheaper.
    args, top = sys.argv[1:], 30
    if args[:1] == ["--top"]:
        top, args = int(args[1]), args[2:]
    if args[:1] == ["--"]:
        args = args[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return
    import importlib.util
    import subprocess

    # Byte-compiled, as pip installs it; in a child, so this process imports nothing before timing.
    where = importlib.util.find_spec("kacli").submodule_search_locations[0]
    subprocess.run([sys.executable, "-m", "compileall", "-q", where], check=True)
    clock = time.process_time
    started = clock()
    import typer  # noqa: F401

    typer_ms = (clock() - started) * 1000
    started = clock()
    import kacli.app  # noqa: F401 - the root command, its options and the message catalogue
    from kacli.cli import main as kacli_main

    entry_ms = (clock() - started) * 1000
    sys.argv = ["kacli", *args]
    stdout, sys.stdout = sys.stdout, open(os.devnull, "w")  # noqa: SIM115 - restored below
    profile = cProfile.Profile(clock)
    started = clock()
    profile.enable()
    try:
        kacli_main()
    except SystemExit:
        pass
    finally:
        profile.disable()
        run_ms = (clock() - started) * 1000
        sys.stdout.close()
        sys.stdout = stdout
    print(f"import typer       {typer_ms:7.1f} ms")
    print(f"kacli.app          {entry_ms:7.1f} ms")
    print(f"the command        {run_ms:7.1f} ms (under cProfile; its own imports included)")
    report = io.StringIO()
    stats = pstats.Stats(profile, stream=report).sort_stats("cumulative")
    stats.print_stats("kacli/(commands|services|store|domain|render)", top)  # kacli's own work
    stats.sort_stats("tottime").print_stats(top // 2)  # and where the CPU went, anyone's
    print(report.getvalue())


if __name__ == "__main__":
    main()
