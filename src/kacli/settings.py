"""What the global options decided for this run: the dossier, today's date, the language, debug.

Set once by the Typer callback in ``cli.py``; read by commands. Kept in one small object so
commands need no context parameter.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass
class Settings:
    db: str | None = None  # --db / KACLI_DB: a path or a sqlite:/// URL; None = the default place
    today: dt.date | None = None  # --today / KACLI_TODAY; None = the local calendar's today
    debug: bool = False


_settings = Settings()
_command_line = ""  # this run's command as typed, for the undo journal


def set_command_line(text: str) -> None:
    global _command_line
    _command_line = text


def command_line() -> str:
    return _command_line


def get() -> Settings:
    return _settings


def set(settings: Settings) -> None:  # noqa: A001 - mirrors get()
    global _settings
    _settings = settings


def today() -> dt.date:
    """Today in the user's local calendar, unless pinned by --today or KACLI_TODAY."""
    if _settings.today is not None:
        return _settings.today
    import pendulum

    local = pendulum.today()
    # A plain date: pendulum's Date makes every subtraction an Interval object, which is
    # ten times slower than a timedelta in the week list's inner loops.
    return dt.date(local.year, local.month, local.day)
