"""Every test gets its own dossier in tmp_path, a pinned today, English, and a wide terminal.

Nothing here touches a real home directory: KACLI_DB, KACLI_RULES and the platformdirs folders
all point into tmp_path.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

os.environ["KACLI_LANG"] = "en"  # help texts are built at import: make them English for tests
os.environ.setdefault("COLUMNS", "120")

import typer.testing  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from kacli import i18n, settings  # noqa: E402
from kacli.app import app  # noqa: E402

TODAY = "2026-11-23"  # a Monday

# kacli builds its command tree once per run, as a process does; building it again for every
# invoke (~15 ms) was most of a CLI test's time. The tree holds no state between runs: each run
# gets its own context, settings and dossier.
_build = typer.testing._get_command
_built: dict[int, object] = {}


def _built_once(typer_app):
    if typer_app is not app:
        return _build(typer_app)
    if id(app) not in _built:
        _built[id(app)] = _build(app)
    return _built[id(app)]


typer.testing._get_command = _built_once


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "dossier.db"
    monkeypatch.setenv("KACLI_DB", str(db))
    monkeypatch.setenv("KACLI_TODAY", TODAY)
    monkeypatch.setenv("KACLI_LANG", "en")
    monkeypatch.setenv("KACLI_RULES", str(tmp_path / "rules.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("KACLI_DEBUG", raising=False)
    i18n.set_lang("en")
    settings.set(settings.Settings())
    return db


@pytest.fixture
def db_path(isolated: Path) -> Path:
    return isolated


class Kacli:
    """Runs kacli in-process as a user would, from the argument list on."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None):
        return self.runner.invoke(app, [str(a) for a in args], input=input, env=env)

    def ok(self, *args: str, **kw):
        result = self(*args, **kw)
        assert result.exit_code == 0, (result.stdout, result.stderr)
        return result

    def json(self, *args: str, **kw):
        import json

        return json.loads(self.ok(*args, "--json", **kw).stdout)


@pytest.fixture
def kacli() -> Kacli:
    return Kacli()


def snapshot(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table: to prove a failed command changed nothing."""
    if not path.exists():
        return {}
    conn = sqlite3.connect(path)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            " ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture
def unchanged(db_path: Path):
    """``with unchanged(): ...`` asserts the dossier's data is exactly the same afterwards."""
    from contextlib import contextmanager

    @contextmanager
    def check():
        before = snapshot(db_path)
        yield
        assert snapshot(db_path) == before

    return check
