"""A throwaway PostgreSQL server for the suite: its own folder, a Unix socket only, no TCP port.

    python tests/pgserver.py start FOLDER   # prints the connection URI of the new server
    python tests/pgserver.py stop FOLDER

``.ci/run`` starts one for the whole run and hands its URI to the tests in ``KACLI_TEST_PG``; a
suite started without it starts one of its own (``server_uri``), once per test process. The
server's binaries come from the machine's PostgreSQL package (Debian keeps them off PATH, under
/usr/lib/postgresql/N/bin). PostgreSQL refuses to run as root, so as root the server runs as the
unprivileged user ``nobody`` in a folder it owns. The suite's superuser is trusted on the socket
(the folder is private to the run); every other login gives a password.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SUPERUSER = "kacli_test"
_UNPRIVILEGED = 65534  # nobody


def binaries() -> Path:
    """The folder holding initdb and pg_ctl: PATH first, then the newest Debian package."""
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"),
                      key=lambda p: int(Path(p).parent.parent.name))
    if not versions:
        raise RuntimeError("PostgreSQL's server is not installed (initdb and pg_ctl not found)")
    return Path(versions[-1]).parent


def _as_server_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["setpriv", f"--reuid={_UNPRIVILEGED}", f"--regid={_UNPRIVILEGED}", "--clear-groups", *argv]


def uri(folder: Path) -> str:
    return f"postgresql:///postgres?host={folder}&user={SUPERUSER}"


def with_database(uri: str, database: str) -> str:
    """A URI this module made, pointed at another database of the same server."""
    return uri.replace("postgresql:///postgres?", f"postgresql:///{database}?", 1)


def start(folder: Path) -> str:
    """initdb and start a server in ``folder`` (made if missing); its URI."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        os.chown(folder, _UNPRIVILEGED, _UNPRIVILEGED)
    bin_dir = binaries()
    data = folder / "data"
    env = {**os.environ, "LC_ALL": "C.UTF-8", "TZ": "UTC"}
    run = dict(check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=folder)
    subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER,
                                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8",
                                    "--no-sync"]), **run)
    # The suite's superuser is trusted on the socket; every other login gives its password, so
    # the tests can see a wrong one refused.
    hba = data / "pg_hba.conf"
    hba.write_text(f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n")
    if os.geteuid() == 0:
        os.chown(hba, _UNPRIVILEGED, _UNPRIVILEGED)
    options = (f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
               "-c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB")
    subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"),
                                    "-o", options, "-w", "-t", "60", "start"]), **run)
    return uri(folder)


def stop(folder: Path) -> None:
    data = folder / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(_as_server_user([str(binaries() / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                        "-w", "stop"]),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder, check=False)
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def server_uri():
    """The URI of the run's server (``KACLI_TEST_PG``), or of one started for this process."""
    given = os.environ.get("KACLI_TEST_PG")
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="kacli-pg-"))
    try:
        yield start(folder)
    finally:
        stop(folder)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: pgserver.py start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1]).resolve()
    if argv[0] == "start":
        try:
            print(start(folder))
        except subprocess.CalledProcessError as exc:
            sys.stderr.write(exc.stderr.decode(errors="replace") if exc.stderr else str(exc))
            log = folder / "server.log"
            if log.exists():
                sys.stderr.write(log.read_text(errors="replace"))
            return 1
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
