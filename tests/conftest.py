"""Every test gets its own dossier in tmp_path, a pinned today, English, and a wide terminal.

Nothing here touches a real home directory: KACLI_DB, KACLI_RULES and the platformdirs folders
all point into tmp_path.
"""

from __future__ import annotations

import inspect
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ["KACLI_LANG"] = "en"  # help texts are built at import: make them English for tests
os.environ.setdefault("COLUMNS", "120")

import typer.testing  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from kacli import i18n, settings  # noqa: E402
from kacli.app import app  # noqa: E402

TODAY = "2026-11-23"  # a Monday

# A test never depends on the machine's speed: no per-example deadline (a loaded CI machine made
# hypothesis fail examples that were right but slow).
hypothesis_settings.register_profile("kacli", deadline=None)
hypothesis_settings.load_profile("kacli")

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


# ---- the two engines ------------------------------------------------------------------------
# Every CLI capability test in a module listed here runs twice: on the dossier file and on a fresh
# database of a real PostgreSQL server (``pg_server``). A test that looks at the file itself (it
# asks for ``db_path`` or ``isolated``) is about the file and runs on it alone.
SERVER_MODULES: set[str] = {
    "test_dossier",
    "test_week",
    "test_week_layout",
    "test_week_store",
    "test_remind",
    "test_why",
    "test_reports",
    "test_key_tier_history",
    "test_grades_from_orders",
    "test_autumn_month",
    "test_nightly",
    "test_json_text",
    "test_merge",
    "test_forget",
    "test_forget_only_the_person",
    "test_stage_moves",
    "test_cli",
    "test_customers",
    "test_visits",
    "test_next_actions",
    "test_deals",
    "test_payments",
    "test_deal_holds",
    "test_qualification",
    "test_corrections",
    "test_chinese_text",
    "test_week_month",
    "test_contacts",
    "test_duplicates",
    "test_input_edges",
    "test_import",
    "test_export",
    "test_export_cells",
    "test_vcard",
    "test_calendar_export",
    "test_forget_everywhere",
    "test_outputs",
    "test_week_clears",
    "test_list_streaming",
    "test_deal_facts",
    "test_language_views",
    "test_undo",
}


@dataclass
class Engine:
    """Where a test's dossier is: ``kind`` "file" (``path``) or "server" (``uri``, ``database``)."""

    kind: str
    path: Path | None = None
    uri: str | None = None
    database: str | None = None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    if "kacli" not in metafunc.fixturenames or module not in SERVER_MODULES:
        return
    own = set(inspect.signature(metafunc.function).parameters)
    if own & {"db_path", "isolated"}:
        return
    metafunc.parametrize("engine", ["file", "server"], indirect=True)


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The superuser URI of a real PostgreSQL server: the run's (``KACLI_TEST_PG``, started by
    ``.ci/run``), else one started for this test process."""
    import pgserver

    with pgserver.server_uri() as uri:
        yield uri


def pg_admin(uri: str):
    import psycopg

    return psycopg.connect(uri, autocommit=True)


@pytest.fixture
def pg_database(pg_server: str) -> str:
    """A new, empty database on the server, for a test about the server itself: its superuser
    URI. Dropped afterwards."""
    import secrets

    import pgserver

    name = f"t_{secrets.token_hex(6)}"
    with pg_admin(pg_server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield pgserver.with_database(pg_server, name)
    with pg_admin(pg_server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_login(pg_server: str):
    """``pg_login(database_uri, "lina") -> (role, password)``: a login role with a password, its
    name made unique (roles belong to the whole server, which every test process shares); dropped
    after the test with whatever it owns."""
    import secrets
    from contextlib import suppress

    import psycopg

    made: list[tuple[str, str]] = []

    def make(database_uri: str, stem: str) -> tuple[str, str]:
        role, password = f"{stem}_{secrets.token_hex(4)}", secrets.token_hex(8)
        with pg_admin(database_uri) as admin:
            admin.execute(f"CREATE ROLE \"{role}\" LOGIN PASSWORD '{password}'")
        made.append((database_uri, role))
        return role, password

    yield make
    for database_uri, role in made:
        with suppress(psycopg.Error), pg_admin(database_uri) as admin:
            admin.execute(f'DROP OWNED BY "{role}"')
        with pg_admin(pg_server) as admin:
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture
def engine(request, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    if getattr(request, "param", "file") != "server":
        yield Engine("file", path=isolated)
        return
    import secrets

    import pgserver

    server = request.getfixturevalue("pg_server")
    name = f"t_{secrets.token_hex(6)}"
    with pg_admin(server) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    uri = pgserver.with_database(server, name)
    monkeypatch.setenv("KACLI_DB", uri)
    yield Engine("server", uri=uri, database=name)
    with pg_admin(server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def small_book(isolated: Path) -> Path:
    """A rules file that ranks the key tier in a book of any size (``[key_tier] min_customers``
    is 5 by default): for tests of the 80/20 ranking itself with two or three customers."""
    rules = isolated.parent / "rules.toml"
    rules.write_text("[key_tier]\nmin_customers = 1\n", encoding="utf-8")
    return rules


@pytest.fixture
def in_zone():
    """``in_zone("Asia/Shanghai")``: the machine's time zone (the user's calendar) for the rest
    of the test, set back afterwards."""
    import time

    before = os.environ.get("TZ")

    def zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


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
def kacli(engine: Engine) -> Kacli:
    return Kacli()


# The environment that differs from test to test without changing what commands write.
_PER_TEST_ENV = {"KACLI_DB", "KACLI_RULES", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "HOME", "PYTEST_CURRENT_TEST"}
_built_dossiers: dict[tuple, tuple] = {}  # fixture and environment -> (file bytes, value, lang, settings)


def dossier_fixture(build):
    """``@dossier_fixture`` instead of ``@pytest.fixture`` for a fixture that only runs kacli
    commands into a test's new, empty dossier: the commands run (and their checks hold) once per
    test run, and every later test that asks for the fixture gets its own copy of the dossier they
    built, file mode 0600 included, and the fixture's value.

    The commands run again, not copied, whenever the copy could differ: the test's folder was not
    empty, the environment (language, today, columns...) or a parameter differs, the commands left
    any other file beside the dossier, or the value is neither plain data nor a fixture's own value
    (such as the ``kacli`` runner).
    """
    import dataclasses
    import inspect

    if inspect.isgeneratorfunction(build):
        raise TypeError(f"{build.__name__}: a dossier fixture returns its value, it does not yield")
    names = list(inspect.signature(build).parameters)

    def fixture(request, tmp_path, db_path, engine):
        given = {name: request.getfixturevalue(name) for name in names}
        env = tuple(sorted((k, v) for k, v in os.environ.items() if k not in _PER_TEST_ENV))
        key = (build.__module__, build.__qualname__, env, getattr(request, "param", None), engine.kind)
        fresh = db_path.parent == tmp_path and not any(tmp_path.iterdir())
        if fresh and key in _built_dossiers:
            data, value, lang, kept = _built_dossiers[key]
            if engine.kind == "server":
                _database_from(request, engine, data)
            else:
                with os.fdopen(os.open(db_path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600), "wb") as out:
                    out.write(data)
            # As the last command left them, the dossier being this test's own.
            i18n.set_lang(lang)
            settings.set(dataclasses.replace(kept, db=_own_db(kept.db, db_path, engine)))
            return _value(value, given)
        value = build(**given)
        stored = _storable(value, given)
        kept = settings.get()
        if engine.kind == "server":
            if fresh and stored is not None and kept.db in (None, engine.uri) and not any(tmp_path.iterdir()):
                _built_dossiers[key] = (_template_of(request, engine), stored, i18n.current(), kept)
        elif (fresh and stored is not None and kept.db in (None, str(db_path))
                and [p.name for p in tmp_path.iterdir()] == [db_path.name]):
            _built_dossiers[key] = (db_path.read_bytes(), stored, i18n.current(), kept)
        return value

    # Named and documented as the fixture it stands for (not functools.wraps: pytest would then
    # read the arguments of ``build`` instead of these).
    fixture.__name__, fixture.__qualname__, fixture.__doc__ = build.__name__, build.__qualname__, build.__doc__
    fixture.__module__ = build.__module__
    return pytest.fixture(name=build.__name__)(fixture)


def _own_db(kept: str | None, db_path: Path, engine: Engine) -> str | None:
    if not kept:
        return None
    return engine.uri if engine.kind == "server" else str(db_path)


def _template_of(request, engine: Engine) -> str:
    """A copy of the test's server database, to start later tests from (PostgreSQL's templates)."""
    import secrets

    name = f"tpl_{secrets.token_hex(6)}"
    with pg_admin(request.getfixturevalue("pg_server")) as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{engine.database}"')
    return name


def _database_from(request, engine: Engine, template: str) -> None:
    """The test's server database made anew as a copy of ``template``."""
    with pg_admin(request.getfixturevalue("pg_server")) as admin:
        admin.execute(f'DROP DATABASE "{engine.database}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{engine.database}" TEMPLATE "{template}"')


def _storable(value, given: dict) -> tuple | None:
    """How to give ``value`` to a later test: ("fixture", name) for one of the fixture's own
    arguments, ("data", a copy) for plain data; None when it cannot be given again."""
    import copy

    for name, argument in given.items():
        if value is argument:
            return ("fixture", name)
    return ("data", copy.deepcopy(value)) if _plain(value) else None


def _value(stored: tuple, given: dict):
    import copy

    how, what = stored
    return given[what] if how == "fixture" else copy.deepcopy(what)


def _plain(value) -> bool:
    if value is None or isinstance(value, str | int | float | bool):
        return True
    if isinstance(value, list | tuple | set | frozenset):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(_plain(k) and _plain(v) for k, v in value.items())
    return False


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


def server_snapshot(uri: str) -> dict[str, list[tuple]]:
    """``snapshot`` of a server dossier."""
    import psycopg

    with psycopg.connect(uri) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")]
        out = {}
        for table in tables:
            rows = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
        return out


@pytest.fixture
def unchanged(engine: Engine):
    """``with unchanged(): ...`` asserts the dossier's data is exactly the same afterwards."""
    from contextlib import contextmanager

    def now():
        return server_snapshot(engine.uri) if engine.kind == "server" else snapshot(engine.path)

    @contextmanager
    def check():
        before = now()
        yield
        assert now() == before

    return check
