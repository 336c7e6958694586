"""A command imports only what it uses: start-up is most of what a salesperson waits for.

Each command runs in a fresh interpreter (as from the shell, stdout on a pipe) and reports which
heavy modules it loaded: no read loads the ORM or the lunar-calendar library (festivals and
birthdays come from a precomputed table), `week`, `remind` and `why` on a pipe load no Rich, `--help`
loads none of the dossier's code, and a write builds only the tables it uses.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import dossier_fixture

ORM = {"sqlmodel", "sqlalchemy"}
TERMINAL = {"rich"}
STORE = {"kacli.store", "kacli.store.db", "kacli.store.dossier"}
LUNAR = {"lunar_python"}

PROBE = (
    "import sys\n"
    "sys.argv = ['kacli', *{args!r}]\n"
    "from kacli.cli import main\n"
    "try:\n    main()\nexcept SystemExit:\n    pass\n"
    "sys.stderr.write('\\nLOADED ' + repr(sorted({heavy!r} & set(sys.modules))))\n"
)


def loaded(args: list[str], heavy: set[str]) -> list[str]:
    """The modules of ``heavy`` that ``kacli ARGS`` loaded, run as a user runs it (stdout a pipe)."""
    done = subprocess.run([sys.executable, "-c", PROBE.format(args=args, heavy=heavy)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stderr.rsplit("LOADED ", 1)[1].replace("'", '"'))


@dossier_fixture
def book(kacli):
    kacli.ok("customer", "add", "华信地产", "--industry", "房地产")
    kacli.ok("contact", "add", "华信地产", "王总", "--role", "decision_maker", "--phone", "13800000000",
             "--birthday", "1975-10-20", "--lunar")
    kacli.ok("visit", "log", "华信地产", "--contact", "王总", "--kind", "call", "--date", "2026-11-02")
    kacli.ok("deal", "add", "华信地产", "写字楼空调", "--amount", "300万", "--close", "2027-03-31")
    kacli.ok("payment", "plan", "写字楼空调", "100万", "--due", "2026-12-15")
    return kacli


# Slow where a sibling in the fast lane loads the same code: the plain form of the same command,
# or test_week.py / test_remind.py for week --json and remind.
_SIBLING = pytest.mark.slow
READS = [
    ["week"], pytest.param(["week", "--json"], marks=_SIBLING),
    pytest.param(["remind"], marks=_SIBLING), ["why", "华信地产"],
    ["customer", "show", "华信地产"], pytest.param(["customer", "show", "华信地产", "--json"], marks=_SIBLING),
    ["customer", "list"], pytest.param(["customer", "list", "--json"], marks=_SIBLING),
    ["customer", "history", "华信地产"], ["contact", "list", "华信地产"], ["contact", "show", "王总"],
    ["visit", "list"], ["next", "list"], ["deal", "list"], pytest.param(["deal", "list", "--json"], marks=_SIBLING),
    ["deal", "show", "写字楼空调"], ["payment", "list"], ["dossier", "info"],
]


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_a_read_loads_neither_the_orm_nor_the_lunar_library(book, args):
    assert loaded(args, ORM | LUNAR) == []


def test_the_checked_reads_really_convert_a_lunar_birthday(book):
    # 王总's lunar birthday 10-20 is 2026-11-28, in the week of the pinned today (2026-11-23): the
    # runs checked above for the lunar library do work lunar dates out.
    items = book.json("week")["items"]
    assert {"code": "birthday", "due": "2026-11-28"} in [
        {"code": r["code"], "due": r["due"]} for item in items for r in item["reasons"]]


@pytest.mark.parametrize("args", [["week"], pytest.param(["week", "--json"], marks=_SIBLING),
                                  pytest.param(["remind"], marks=_SIBLING), ["why", "华信地产"]],
                         ids=" ".join)
def test_the_week_list_on_a_pipe_loads_no_rich(book, args):
    assert loaded(args, TERMINAL) == []


@pytest.mark.parametrize("args", [["--help"], ["week", "--help"], ["customer", "--help"], ["deal", "add", "--help"]],
                         ids=" ".join)
def test_help_loads_none_of_the_dossier_code(args):
    assert loaded(args, STORE | ORM) == []


# Each report and the report modules it counts with (the forecast counts open deals as the pipeline does).
REPORTS = {"pareto": {"pareto"}, "pipeline": {"pipeline"}, "forecast": {"forecast", "pipeline"},
           "receivables": {"ageing"}, "winloss": {"winloss"}, "activity": {"activity"}}
REPORT_MODULES = {f"kacli.domain.reports.{module}" for module in
                  ("pareto", "pipeline", "forecast", "ageing", "winloss", "activity")}
# What no report needs for --json: the deal commands' store, CSV, and (with no rules file) the TOML parser.
NOT_FOR_A_REPORT = {"kacli.store.deals", "csv", "tomllib", "secrets"}


@pytest.mark.parametrize("name", list(REPORTS))
def test_a_report_as_json_loads_only_its_own_modules(book, name):
    heavy = ORM | TERMINAL | REPORT_MODULES | NOT_FOR_A_REPORT
    assert loaded(["report", name, "--json"], heavy) == sorted(f"kacli.domain.reports.{m}" for m in REPORTS[name])


def test_a_report_as_csv_loads_no_rich(book):
    assert loaded(["report", "receivables", "--csv"], ORM | TERMINAL) == []


BUILT = (
    "import sys\n"
    "sys.argv = ['kacli', *{args!r}]\n"
    "from kacli.cli import main\n"
    "try:\n    main()\nexcept SystemExit as exc:\n    assert not exc.code, exc.code\n"
    "from sqlmodel import SQLModel\n"
    "sys.stderr.write('\\nTABLES ' + ' '.join(sorted(SQLModel.metadata.tables)))\n"
)

# Each write and the tables it writes: the only table classes it builds.
WRITES = [
    (["visit", "log", "华信地产", "--kind", "call"], {"visit", "visit_contact"}),
    (["customer", "update", "华信地产", "--industry", "制造业"], {"customer", "change"}),
    (["deal", "advance", "写字楼空调"], {"deal", "deal_event"}),
]


@pytest.mark.parametrize(("args", "written"), WRITES, ids=[" ".join(args[:2]) for args, _ in WRITES])
def test_a_write_builds_only_the_tables_it_uses(book, args, written):
    """Building a table class costs milliseconds: a write must not build all of them."""
    done = subprocess.run([sys.executable, "-c", BUILT.format(args=args)], capture_output=True, text=True, check=True)
    built = set(done.stderr.rsplit("TABLES ", 1)[1].split())
    assert built == written



def test_a_command_builds_only_itself_of_its_noun(book, capsys):
    """Building a noun's other commands costs milliseconds each: ``deal show`` builds ``show``
    alone, and the same tree still runs any other deal command, or lists them all on a typo."""
    import typer

    from kacli.app import app

    root = typer.main.get_command(app)  # a tree of its own, as a process builds it
    root.main(["deal", "show", "写字楼空调"], standalone_mode=False)
    assert sorted(root.commands["deal"].commands) == ["show"]
    assert "写字楼空调" in capsys.readouterr().out
    root.main(["deal", "list", "--json"], standalone_mode=False)
    assert sorted(root.commands["deal"].commands) == ["list"]
    assert "写字楼空调" in capsys.readouterr().out
    with pytest.raises(typer._click.exceptions.UsageError, match="Did you mean 'show'"):
        root.main(["deal", "shwo"], standalone_mode=False)
    assert {"add", "advance", "list", "show"} <= set(root.commands["deal"].commands)
