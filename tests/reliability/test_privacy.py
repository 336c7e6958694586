"""Privacy: the dossier, its WAL and shared-memory files and every backup are readable by their
owner only (0600), even under a permissive umask; ``contact forget`` leaves none of the contact's
personal text in the dossier's bytes, its WAL, or any backup taken afterwards.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from support import FIXTURES, child_env, has_command

from kacli.errors import ExitCode


def _run_open(db: Path, *args: str) -> subprocess.CompletedProcess:
    """kacli in a child whose umask would let anyone read what it creates, unless kacli says no."""
    return subprocess.run([sys.executable, "-m", "kacli", *args], capture_output=True, text=True, timeout=60,
                          env=child_env(db), stdin=subprocess.DEVNULL, preexec_fn=lambda: os.umask(0))


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_every_file_kacli_makes_is_private_under_umask_0(tmp_path):
    db = tmp_path / "new" / "dossier.db"
    assert _run_open(db, "customer", "add", "Acme").returncode == 0
    assert _mode(db) == 0o600 and _mode(db.parent) == 0o700
    holder = sqlite3.connect(db)  # a reader keeps the WAL and shared memory in place
    holder.execute("SELECT count(*) FROM customer").fetchall()
    try:
        assert _run_open(db, "customer", "update", "Acme", "--status", "active").returncode == 0
        for side in ("-wal", "-shm"):
            sidecar = Path(f"{db}{side}")
            assert sidecar.exists() and _mode(sidecar) == 0o600, side
    finally:
        holder.close()
    backup = tmp_path / "elsewhere" / "copy.db"
    assert _run_open(db, "dossier", "backup", str(backup)).returncode == 0
    assert _mode(backup) == 0o600
    assert _run_open(db, "dossier", "restore", str(backup), "--yes").returncode == 0
    [aside] = db.parent.glob("dossier.db.pre-restore-*.replaced")
    assert _mode(aside) == 0o600 and _mode(db) == 0o600
    assert _run_open(db, "customer", "add", "After").returncode == 0
    for path in db.parent.iterdir():
        assert _mode(path) == 0o600, path


def test_the_copy_before_an_upgrade_is_private_under_umask_0(tmp_path):
    db = tmp_path / "dossier.db"
    shutil.copy(FIXTURES / "dossier-v1.db", db)
    os.chmod(db, 0o600)
    assert _run_open(db, "customer", "list").returncode == 0
    [copy] = tmp_path.glob("dossier.db.v1-*.bak")
    assert _mode(copy) == 0o600


SECRETS = {
    "name": "赵秘密Zhao",
    "phone": "13912345678",
    "email": "zhao.private@example.com",
    "wechat": "wx_zhao_hidden",
    "hometown": "隐秘村Hometown",
    "family": "Spouse 刘秘密 and twins",
    "food": "SecretNoodleShop",
    "career": "Wants to run the 秘密 division",
    "fact": "Fishing-at-秘密-lake",
}


def _traces(data: bytes) -> list[str]:
    from kacli.domain.names import search_keys

    pinyin, _ = search_keys(SECRETS["name"])
    needles = [*SECRETS.values(), pinyin, "Earlier秘密Title", "OldHometown秘密"]
    return [n for n in needles if n.encode() in data or n.encode("utf-16-le") in data]


@pytest.mark.skipif(not has_command("contact", "forget"), reason="contact forget has not landed yet")
def test_forget_leaves_no_trace_in_the_file_its_wal_or_a_later_backup(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "华信地产")
    holder = sqlite3.connect(db_path)  # an idle reader: the WAL is never reset behind kacli's back
    holder.execute("SELECT count(*) FROM customer").fetchall()
    try:
        s = SECRETS
        kacli.ok("contact", "add", "华信地产", s["name"], "--phone", s["phone"], "--email", s["email"],
                 "--wechat", s["wechat"], "--hometown", "OldHometown秘密", "--title", "Earlier秘密Title",
                 "--birthday", "1975-08-15", "--lunar", "--set", f"hobby={s['fact']}")
        kacli.ok("contact", "update", s["name"], "--hometown", s["hometown"], "--family", s["family"],
                 "--food", s["food"], "--career", s["career"], "--title", "总经理")
        kacli.ok("contact", "add", "华信地产", "李经理", "--title", "采购")
        before = db_path.read_bytes() + Path(f"{db_path}-wal").read_bytes()
        assert _traces(before), "the secrets were never written: the test would prove nothing"
        kacli.ok("contact", "forget", s["name"], "--yes")
        assert _traces(db_path.read_bytes()) == []
        wal = Path(f"{db_path}-wal")
        if wal.exists():
            assert _traces(wal.read_bytes()) == []
    finally:
        holder.close()
    backup = tmp_path / "after-forget.db"
    kacli.ok("dossier", "backup", str(backup))
    assert _traces(backup.read_bytes()) == []
    assert _traces(db_path.read_bytes()) == []
    people = [c["name"] for c in kacli.json("customer", "show", "华信地产")["contacts"]]
    assert "李经理" in people and SECRETS["name"] not in people
    assert kacli("contact", "show", SECRETS["name"]).exit_code == ExitCode.BAD_INPUT
