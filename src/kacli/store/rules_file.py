"""The rules file: where it is, reading it and writing the defaults.

``KACLI_RULES`` if set, else ``rules.toml`` in the user config folder (platformdirs); without a
file the seeds' defaults apply. A broken file is the BadInput of ``kacli.domain.rules.parse``
(exit 2, naming the line and the setting), never ignored.
"""

from __future__ import annotations

import os
from pathlib import Path

from kacli.domain.rules import Rules, defaults, parse
from kacli.errors import BadInput

RULES_ENV = "KACLI_RULES"


def rules_path() -> Path:
    """The rules file kacli reads, whether it exists or not."""
    given = os.environ.get(RULES_ENV)
    if given:
        return Path(given).expanduser()
    from platformdirs import user_config_path

    return user_config_path("kacli", appauthor=False) / "rules.toml"


def read_rules(path: Path | None = None) -> tuple[Rules, bool]:
    """The rules in force and whether they come from a file (False: the defaults)."""
    path = path or rules_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return defaults(), False
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput("error.rules_unreadable", path=path, detail=_why(exc)) from None
    return parse(text, str(path)), True


def load_rules() -> Rules:
    return read_rules()[0]


def write_default_rules(path: Path, text: str, *, force: bool) -> None:
    """Write ``text`` to ``path`` (its folder made if needed, the file private to its owner);
    BadInput if it exists and not ``force``."""
    if path.exists() and not force:
        raise BadInput("error.rules_exists", path=path)
    try:
        from kacli.store.safefile import make_folders

        make_folders(path.parent)  # every missing folder 0700, whatever the umask
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # an existing file (--force) becomes private too
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
    except OSError as exc:
        raise BadInput("error.rules_unwritable", path=path, detail=_why(exc)) from None


def _why(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)
