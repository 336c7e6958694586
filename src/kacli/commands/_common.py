"""What every command module shares: opening the dossier, asking before destroying, --json."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Annotated

import typer

from kacli import settings
from kacli.errors import BadInput
from kacli.i18n import t

MAX_ID = 2**63 - 1  # SQLite's largest integer: a bigger id cannot name a record
MAX_DAYS = 3660  # ten years: the longest window a week list or reminder can span

JsonOpt = Annotated[bool, typer.Option("--json", help=t("help.opt.json"))]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help=t("help.opt.yes"))]
ForceOpt = Annotated[bool, typer.Option("--force", help=t("help.output.force"))]


@contextmanager
def reading():
    """The dossier for a read command (stdlib sqlite3 only: fast to start)."""
    from kacli.store.dossier import reading as open_reading

    with open_reading(settings.get().db) as db:
        yield db


@contextmanager
def writing(*, journaled: bool = True):
    """One transaction for a write command: all of its changes, or none; journaled for undo."""
    from kacli.store.unit import writing as open_writing

    with open_writing(settings.get().db, settings.get().today,
                      command=settings.command_line(), journaled=journaled) as uow:
        yield uow


def today():
    return settings.today()


def _interactive() -> bool:
    return sys.stdin.isatty()


def confirm(question: str, yes: bool) -> None:
    """Ask before destroying data; on a pipe without --yes, refuse rather than hang.

    Every command that asks goes through here: the answer may be 是/否, 是的, 对, y/n or yes/no
    whatever the language; an empty answer or end of input is no.
    """
    if yes:
        return
    if not _interactive():
        raise BadInput("error.needs_yes")
    if not ask_yes_no(question):
        raise typer.Exit(int(BadInput.exit_code))


def ask_yes_no(question: str, attempts: int = 3) -> bool:
    """``question`` on stderr until the answer is a yes or a no (no after ``attempts`` tries)."""
    from kacli.domain.answers import parse_answer

    for _ in range(attempts):
        sys.stderr.write(f"{question} {t('prompt.yes_no')} ")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line or not line.strip():  # end of input or just Enter: the safe answer
            return False
        answer = parse_answer(line)
        if answer is not None:
            return answer
        sys.stderr.write(t("prompt.yes_no_again") + "\n")
    return False
