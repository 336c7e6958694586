"""The only place that styles output: Rich for a terminal, JSON for scripts, stderr for messages.

Data goes to stdout; messages, warnings and errors to stderr, so a script reading stdout never
sees them. Colour only on a terminal; Rich honours ``NO_COLOR`` and pipes by itself.
"""

from __future__ import annotations

import sys
from typing import Any

_out = None
_err = None


def out():
    """The Rich console for data (stdout)."""
    global _out
    from rich.console import Console

    if _out is None or _out.file is not sys.stdout:
        _out = Console(file=sys.stdout, highlight=False, soft_wrap=False)
    return _out


def err():
    """The Rich console for messages (stderr)."""
    global _err
    from rich.console import Console

    if _err is None or _err.file is not sys.stderr:
        _err = Console(file=sys.stderr, highlight=False, soft_wrap=True)
    return _err


def emit_json(data: Any) -> None:
    """Print ``data`` as JSON on stdout: UTF-8 text, not escapes; stable key order as given."""
    from kacli.render.json_text import dumps

    sys.stdout.write(dumps(data) + "\n")


def text(value: Any, style: str = ""):
    """A Rich Text for user data: never interpreted as markup (a name may contain '[b]')."""
    from rich.text import Text

    return Text("" if value is None else str(value), style=style)


def message(line: str) -> None:
    """A plain informational line on stderr (e.g. "Added customer #3 华信地产")."""
    err().print(text(line))


def warn(line: str) -> None:
    err().print(text(line, style="yellow"))


def error(line: str) -> None:
    from kacli.i18n import t

    err().print(text(t("label.error") + line, style="bold red"))


def field_name(code: str) -> str:
    """A field code as the user reads it: ``grade_manual`` -> "Grade"; ``fact:年会`` -> 年会."""
    from kacli.i18n import label_or_code

    if code.startswith("fact:"):
        return code[5:]
    aliases = {"grade_manual": "grade", "ownership_country": "ownership"}
    return label_or_code(f"field.{aliases.get(code, code)}", code)


def field_names(codes: list[str]) -> str:
    return ", ".join(field_name(c) for c in codes)
