"""Every option that names a file to write goes through one check: never the dossier, its side
files, a backup beside it or the rules file; a device, FIFO or socket is written into, never
replaced; ``-`` is stdout; a link is followed; an existing file is replaced only with --force,
whole and 0600."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import threading
from pathlib import Path

import pytest

from kacli.errors import ExitCode


def _bad_customers(folder: Path) -> Path:
    sheet = folder / "in.csv"
    sheet.write_text("name,employees\nGood Co,10\nBad Co,many\n", encoding="utf-8")
    return sheet


# Each writing option: (name, how to run it with the output path, extra args for --force).
def _export_contacts(p, folder):
    return ["export", "contacts", "-o", p]


def _export_customers(p, folder):
    return ["export", "customers", "-o", p]


def _export_all_xlsx(p, folder):
    return ["export", "all", "--format", "xlsx", "-o", p]


def _export_vcard(p, folder):
    return ["export", "vcard", "-o", p]


def _export_ics(p, folder):
    return ["export", "ics", "-o", p]


def _template(p, folder):
    return ["import", "template", "customers", "-o", p]


def _svg(p, folder):
    return ["report", "forecast", "--svg", p]


def _skip_bad(p, folder):
    return ["import", "customers", str(_bad_customers(folder)), "--skip-bad", p]


def _backup(p, folder):
    return ["dossier", "backup", p]


def _demo(p, folder):
    return ["demo", "--file", p, "--yes"]


WRITERS = [_export_contacts, _export_customers, _export_all_xlsx, _export_vcard, _export_ics,
           _template, _svg, _skip_bad, _backup]
STREAM_WRITERS = [w for w in WRITERS if w is not _backup]
ALL = [*WRITERS, _demo]  # the demo's build is slow: it only meets the cases refused up front


@pytest.fixture
def book(kacli, engine, tmp_path):
    """A small dossier, on the file or on a server; the file's path (None on a server)."""
    kacli.ok("customer", "add", "Acme", "--phone", "138-0000-0000")
    kacli.ok("contact", "add", "Acme", "王总", "--phone", "139-0000-0000")
    (tmp_path / "rules.toml").write_text("", encoding="utf-8")
    return engine.path


def _bytes_of(path: Path) -> bytes:
    return path.read_bytes() if path.exists() else b""


@pytest.mark.parametrize("spelling", ["dossier", "wal", "shm", "dotdot", "hardlink", "symlink", "rules",
                                      "backup"])
@pytest.mark.parametrize("writer", ALL, ids=lambda w: w.__name__.strip("_"))
def test_no_output_is_the_dossier_its_files_its_backups_or_the_rules(kacli, db_path, book, tmp_path, writer,
                                                                      spelling, unchanged):
    db = book
    (tmp_path / "sub").mkdir()
    if spelling == "hardlink":
        os.link(db, tmp_path / "second.db")
    if spelling == "symlink":
        (tmp_path / "link.db").symlink_to(db)
    if spelling == "backup":
        kacli.ok("dossier", "backup", str(tmp_path / "dossier.db.v1-20261122T083000.bak"))
    path = {"dossier": str(db), "wal": f"{db}-wal", "shm": f"{db}-shm",
            "dotdot": str(tmp_path / "sub" / ".." / db.name), "hardlink": str(tmp_path / "second.db"),
            "symlink": str(tmp_path / "link.db"), "rules": str(tmp_path / "rules.toml"),
            "backup": str(tmp_path / "dossier.db.v1-20261122T083000.bak")}[spelling]
    before = {p: _bytes_of(p) for p in (db, tmp_path / "rules.toml", Path(path))}
    with unchanged():
        done = kacli(*writer(path, tmp_path), *([] if writer is _demo else ["--force"]))
    assert done.exit_code == ExitCode.BAD_INPUT, (done.stdout, done.stderr)
    assert path in done.stderr
    assert ("rules file" if spelling == "rules" else "dossier") in done.stderr
    assert "Traceback" not in done.stderr
    assert {p: _bytes_of(p) for p in before} == before
    kacli.ok("dossier", "check")


@pytest.mark.parametrize("writer", STREAM_WRITERS, ids=lambda w: w.__name__.strip("_"))
def test_dev_null_is_written_into_and_stays_a_device(kacli, book, tmp_path, writer):
    kacli.ok(*writer("/dev/null", tmp_path))
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.parametrize("writer", STREAM_WRITERS, ids=lambda w: w.__name__.strip("_"))
def test_a_fifo_is_written_into_not_replaced(kacli, book, tmp_path, writer):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = bytearray()

    def read():
        with open(fifo, "rb") as reader:
            got.extend(reader.read())

    reader = threading.Thread(target=read)
    reader.start()
    try:
        kacli.ok(*writer(str(fifo), tmp_path))
    finally:
        if reader.is_alive():  # kacli never opened it: let the reader go
            with contextlib.suppress(OSError):  # ENXIO: it had just gone by itself
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join()
    assert got
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_terminal_is_written_into(kacli, book, tmp_path):
    main, side = os.openpty()
    try:
        kacli.ok("export", "customers", "-o", os.ttyname(side))
        assert b"Acme" in os.read(main, 65536)
        assert stat.S_ISCHR(os.stat(os.ttyname(side)).st_mode)
    finally:
        os.close(main)
        os.close(side)


def test_a_socket_is_written_into(kacli, book, tmp_path):
    where = tmp_path / "sock"
    got = bytearray()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(where))
        server.listen(1)

        def serve():
            peer, _ = server.accept()
            with peer:
                while chunk := peer.recv(65536):
                    got.extend(chunk)

        serving = threading.Thread(target=serve)
        serving.start()
        kacli.ok("export", "vcard", "-o", str(where))
        serving.join()
    assert b"BEGIN:VCARD" in got
    assert stat.S_ISSOCK(where.lstat().st_mode)


@pytest.mark.parametrize("writer", [_backup, _demo], ids=lambda w: w.__name__.strip("_"))
@pytest.mark.parametrize("place", ["fifo", "fd", "dash", "null"])
def test_a_dossier_copy_is_never_a_stream(kacli, db_path, book, tmp_path, writer, place, unchanged):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    read_end, write_end = os.pipe()
    try:
        path = {"fifo": str(fifo), "fd": f"/proc/self/fd/{write_end}", "dash": "-", "null": "/dev/null"}[place]
        with unchanged():
            done = kacli(*writer(path, tmp_path))
    finally:
        os.close(read_end)
        os.close(write_end)
    assert done.exit_code == ExitCode.BAD_INPUT, (done.stdout, done.stderr)
    assert path in done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("writer", STREAM_WRITERS, ids=lambda w: w.__name__.strip("_"))
def test_dash_is_standard_output(kacli, book, tmp_path, writer):
    done = kacli.ok(*writer("-", tmp_path))
    assert done.stdout_bytes
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.__name__.strip("_"))
def test_an_existing_file_is_replaced_only_with_force_whole_and_private(kacli, book, tmp_path, writer):
    out = tmp_path / "out.file"
    out.write_bytes(b"keep me")
    out.chmod(0o644)
    done = kacli(*writer(str(out), tmp_path))
    assert done.exit_code == ExitCode.BAD_INPUT, (done.stdout, done.stderr)
    assert str(out) in done.stderr and "--force" in done.stderr
    assert out.read_bytes() == b"keep me"
    kacli.ok(*writer(str(out), tmp_path), "--force")
    assert out.read_bytes() not in (b"", b"keep me")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("writer", WRITERS, ids=lambda w: w.__name__.strip("_"))
def test_a_link_is_followed_and_stays_a_link(kacli, book, tmp_path, writer):
    target = tmp_path / "real" / "target.file"
    target.parent.mkdir()
    link = tmp_path / "link.file"
    link.symlink_to(target)
    kacli.ok(*writer(str(link), tmp_path))  # the target does not exist yet: it is made
    assert link.is_symlink() and target.stat().st_size > 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert kacli(*writer(str(link), tmp_path)).exit_code == ExitCode.BAD_INPUT  # now it exists
    target.chmod(0o644)
    kacli.ok(*writer(str(link), tmp_path), "--force")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("args", [["export", "ics", "-o", "."], ["export", "vcard", "-o", "DIR/"],
                                  ["export", "customers", "-o", "DIR"], ["import", "template", "deals", "-o", "DIR/"],
                                  ["export", "all", "--format", "csv", "-o", "in.csv"]])
def test_a_folder_given_as_a_file_or_a_file_as_a_folder_is_bad_input(kacli, book, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "DIR").mkdir()
    _bad_customers(tmp_path)
    done = kacli(*args)
    assert done.exit_code == ExitCode.BAD_INPUT, (done.stdout, done.stderr)
    assert args[-1].rstrip("/") in done.stderr and "Traceback" not in done.stderr


def test_a_backup_into_proc_names_the_output_not_the_dossier(kacli, db_path, book):
    done = kacli("dossier", "backup", "/proc/self/environ", "--force")
    assert done.exit_code == ExitCode.BAD_INPUT, (done.stdout, done.stderr)
    assert "/proc/self/environ" in done.stderr and "dossier" not in done.stderr.lower()


def test_export_all_as_csv_checks_every_file_before_writing_any(kacli, book, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "visits.csv").write_text("mine", encoding="utf-8")
    done = kacli("export", "all", "--format", "csv", "-o", str(folder))
    assert done.exit_code == ExitCode.BAD_INPUT
    assert sorted(p.name for p in folder.iterdir()) == ["visits.csv"]
    kacli.ok("export", "all", "--format", "csv", "-o", str(folder), "--force")
    assert len(list(folder.iterdir())) == 5 and (folder / "visits.csv").read_text("utf-8-sig") != "mine"


def test_a_bad_output_is_refused_before_an_import_writes_anything(kacli, db_path, book, tmp_path, unchanged):
    with unchanged():
        done = kacli("import", "customers", str(_bad_customers(tmp_path)), "--skip-bad", str(book))
    assert done.exit_code == ExitCode.BAD_INPUT
