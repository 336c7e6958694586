"""Usage errors (a missing argument, an unknown option...) in the user's language.

Typer's parser words its messages in English; the common ones are recognised here and said again
from the catalogue. Anything not recognised is shown as the parser wrote it.
"""

from __future__ import annotations

import re
import sys

from kacli.i18n import t

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(?P<name>.+)'\.$"), "usage.missing_argument"),
    (re.compile(r"^Missing option '(?P<name>.+)'\.$"), "usage.missing_option"),
    (re.compile(r"^No such option: (?P<name>\S+?)(?: Did you mean (?P<hint>.+)\?)?$"),
     "usage.no_such_option"),
    (re.compile(r"^No such command '(?P<name>.+?)'\.?(?: Did you mean (?P<hint>.+)\?)?$"),
     "usage.no_such_command"),
    (re.compile(r"^Option '(?P<name>.+)' requires an argument\.$"), "usage.requires_value"),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<name>.+)\)$"), "usage.extra_args"),
    (re.compile(r"^Option '(?P<name>.+)' does not take a value\.$"), "usage.takes_no_value"),
    (re.compile(r"^Missing command\.$"), "usage.missing_command"),
]
_INVALID = re.compile(r"^Invalid value for (?P<name>.+?): (?P<detail>.+)$")
_DETAILS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?P<value>.+) is not in the range (?P<low>-?\d+)<=x<=(?P<high>\d{1,9})\.?$"),
     "usage.not_in_range"),
    (re.compile(r"^(?P<value>.+) is not in the range (?P<low>-?\d+)<=x(?:<=\d+)?\.?$"),
     "usage.below_minimum"),
    (re.compile(r"^(?P<value>.+) is not a valid int(?:eger)?(?: range)?\.?$"), "usage.not_an_integer"),
    (re.compile(r"^(?P<value>.+) is not a valid float(?: range)?\.?$"), "usage.not_a_number"),
]


def translate(message: str) -> str:
    """``message`` from the parser, in the current language when it is a known one."""
    for pattern, key in _PATTERNS:
        if m := pattern.match(message):
            text = t(key, name=m["name"]) if "name" in pattern.groupindex else t(key)
            hint = m.groupdict().get("hint")
            return text + (t("usage.did_you_mean", hint=hint) if hint else "")
    if m := _INVALID.match(message):
        detail = m["detail"]
        for pattern, key in _DETAILS:
            if d := pattern.match(detail):
                detail = t(key, **d.groupdict())
                break
        return t("usage.invalid_value", name=m["name"], detail=detail)
    return message


def show(exc) -> None:
    """Print a usage error as Typer would, in the user's language, on stderr."""
    if type(exc).__name__ == "NoArgsIsHelpError":  # a bare `kacli` or `kacli customer`: the help
        sys.stderr.write(exc.format_message() + "\n")
        return
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage: ", t("usage.usage"), 1)
        lines.append(usage)
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(t("usage.hint", command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
        lines.append("")
    lines.append(t("label.error") + translate(exc.format_message()))
    sys.stderr.write("\n".join(lines) + "\n")
