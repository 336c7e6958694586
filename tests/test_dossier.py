"""The dossier file: where it lives, how it is opened, upgraded, checked, copied and restored."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import snapshot
from kacli.errors import ExitCode
from kacli.store import migrations

FIXTURES = Path(__file__).parent / "fixtures"


def test_path_follows_kacli_db(kacli, db_path):
    assert kacli.ok("dossier", "path").stdout.strip() == str(db_path)


def test_default_path_is_the_user_data_folder(kacli, monkeypatch, tmp_path):
    monkeypatch.delenv("KACLI_DB")
    out = kacli.ok("dossier", "path").stdout.strip()
    assert out.endswith("kacli/dossier.db")
    assert out.startswith(str(tmp_path))  # XDG_DATA_HOME points into tmp_path


def test_first_write_creates_private_folder_and_file(kacli, tmp_path):
    target = tmp_path / "new" / "deeper" / "d.db"
    kacli.ok("--db", str(target), "customer", "add", "Acme")
    assert target.stat().st_mode & 0o777 == 0o600
    assert target.parent.stat().st_mode & 0o777 == 0o700
    assert target.parent.parent.stat().st_mode & 0o777 == 0o700


def test_sqlite_url_accepted_and_other_urls_refused(kacli, tmp_path):
    target = tmp_path / "url.db"
    kacli.ok("--db", f"sqlite:///{target}", "customer", "add", "Acme")
    assert target.exists()
    result = kacli("--db", "mysql://localhost/kacli", "customer", "list")
    assert result.exit_code == ExitCode.DOSSIER
    assert "SQLite" in result.stderr and "PostgreSQL" in result.stderr


def test_global_options_accepted_after_the_command(kacli, tmp_path):
    target = tmp_path / "late.db"
    kacli.ok("customer", "add", "Acme", "--db", str(target), "--lang", "zh-Hans")
    assert target.exists()


def test_opened_in_wal_with_foreign_keys(kacli, db_path):
    kacli.ok("customer", "add", "Acme")
    info = kacli.json("dossier", "info")
    assert info["journal_mode"] == "wal"
    assert info["schema_version"] == migrations.LATEST
    assert info["counts"]["customer"] == 1
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_upgrade_from_first_schema_keeps_data_and_a_copy(kacli, db_path):
    shutil.copy(FIXTURES / "dossier-v1.db", db_path)
    before = snapshot(db_path)
    data = kacli.json("customer", "show", "hxdc")
    assert data["name"] == "华信地产"
    assert data["facts"] == {"年会": "12月"}
    assert data["contacts"][0]["name"] == "王总"
    after = snapshot(db_path)
    for table in ("customer", "contact", "customer_fact", "change"):
        width = len(before[table][0])  # later migrations add columns after the old ones
        assert [row[:width] for row in after[table]] == before[table]
    copies = list(db_path.parent.glob("dossier.db.v1-*.bak"))
    assert len(copies) == 1
    assert copies[0].stat().st_mode & 0o777 == 0o600
    assert snapshot(copies[0])["customer"] == before["customer"]
    assert kacli.json("dossier", "info")["schema_version"] == migrations.LATEST


def test_dossier_from_a_newer_kacli_is_refused_untouched(kacli, db_path):
    kacli.ok("customer", "add", "Acme")
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO kacli_migrations VALUES (99, 'future', '2030-01-01T00:00:00Z')")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    for args in (["customer", "list"], ["customer", "add", "Other"]):
        result = kacli(*args)
        assert result.exit_code == ExitCode.DOSSIER
        assert "newer kacli" in result.stderr
    assert db_path.read_bytes() == before


def test_a_foreign_sqlite_file_is_not_touched(kacli, db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    result = kacli("customer", "add", "Acme")
    assert result.exit_code == ExitCode.DOSSIER
    assert "not a kacli dossier" in result.stderr


def test_damaged_file_exit_3_points_at_check_and_backup(kacli, db_path):
    kacli.ok("customer", "add", "Acme")
    kacli.ok("customer", "update", "Acme", "--status", "active")
    db_path.write_bytes(b"this is not a database" * 500)
    result = kacli("customer", "list")
    assert result.exit_code == ExitCode.DOSSIER
    assert "kacli dossier check" in result.stderr
    assert "Traceback" not in result.stderr
    assert kacli("dossier", "check").exit_code == ExitCode.DOSSIER


def test_check_passes_on_a_sound_dossier(kacli):
    kacli.ok("customer", "add", "Acme")
    assert "sound" in kacli.ok("dossier", "check").stderr


def test_backup_is_private_whole_and_never_overwrites(kacli, tmp_path):
    kacli.ok("customer", "add", "华信地产")
    target = tmp_path / "copies" / "b.db"
    kacli.ok("dossier", "backup", str(target))
    assert target.stat().st_mode & 0o777 == 0o600
    assert [r[1] for r in snapshot(target)["customer"]] == ["华信地产"]
    assert not Path(f"{target}-wal").exists()
    assert kacli("dossier", "backup", str(target)).exit_code == ExitCode.BAD_INPUT
    kacli.ok("dossier", "backup", str(target), "--force")


def test_restore_checks_the_backup_and_keeps_the_replaced_file(kacli, db_path, tmp_path):
    kacli.ok("customer", "add", "Before")
    backup = tmp_path / "b.db"
    kacli.ok("dossier", "backup", str(backup))
    kacli.ok("customer", "add", "After")
    kacli.ok("dossier", "restore", str(backup), "--yes")
    assert [c["name"] for c in kacli.json("customer", "list")] == ["Before"]
    assert db_path.stat().st_mode & 0o777 == 0o600
    kept = list(tmp_path.glob("dossier.db.pre-restore-*.replaced"))
    assert len(kept) == 1
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"junk" * 1000)
    with_before = snapshot(db_path)
    assert kacli("dossier", "restore", str(broken), "--yes").exit_code == ExitCode.BAD_INPUT
    assert snapshot(db_path) == with_before


def test_removing_a_customer_cascades(kacli, db_path):
    shutil.copy(FIXTURES / "dossier-v1.db", db_path)
    kacli.ok("customer", "remove", "hxdc", "--yes")
    tables = snapshot(db_path)
    assert tables["contact"] == [] and tables["customer_fact"] == [] and tables["change"] == []


def test_version_does_not_load_heavy_modules():
    code = (
        "import sys\n"
        "sys.argv = ['kacli', '--version']\n"
        "from kacli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'sqlmodel', 'sqlalchemy', 'pypinyin', 'pendulum', 'lunardate', 'lunar_python', 'rich'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_a_read_does_not_load_the_orm(kacli, db_path):
    kacli.ok("customer", "add", "Acme")
    code = (
        "import sys\n"
        f"sys.argv = ['kacli', '--db', {str(db_path)!r}, 'customer', 'show', 'Acme', '--json']\n"
        "from kacli.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted({'sqlmodel', 'sqlalchemy', 'pypinyin'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout


def test_every_table_class_describes_its_table_as_migrated(kacli, db_path):
    """The classes writes go through (each built on first use) say what the migrations made: the
    same columns, keys, links, NULLs and defaults, so a row written through them reads back as
    the schema would have written it."""
    from kacli.store.models import all_tables

    kacli.ok("customer", "add", "Acme")
    conn = sqlite3.connect(db_path)
    models = all_tables()
    assert len({model.__table__.name for model in models}) == len(models)
    for model in models:
        table = model.__table__
        info = {r[1]: r for r in conn.execute(f'PRAGMA table_info("{table.name}")')}
        assert set(info) == {c.name for c in table.columns}, table.name
        keys = [name for name, r in sorted(info.items(), key=lambda item: item[1][5]) if r[5]]
        assert keys == [c.name for c in table.primary_key.columns], table.name
        links = {(r[3], r[2], r[4]) for r in conn.execute(f'PRAGMA foreign_key_list("{table.name}")')}
        noted = {(c.name, *c.info["references"].split(".")) for c in table.columns if "references" in c.info}
        assert links == noted, table.name
        for column in table.columns:
            name, required = column.name, not column.nullable
            assert bool(info[name][3] or info[name][5]) == required, (table.name, name)
            field = model.model_fields[name]
            default = info[name][4]
            given = conn.execute(f"SELECT {default}").fetchone()[0] if default is not None else None
            assert given == (None if field.is_required() else field.default), (table.name, name)
    conn.close()

