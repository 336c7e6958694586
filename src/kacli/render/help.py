"""``--help`` pages in the user's language, Click's own words included.

Typer's copy of Click words its help pages in English ("Usage:", "Options", "[required]", "Show
this message and exit."). Every one of those words passes through the help formatter, so one
formatter subclass says them again from the catalogue; the command texts themselves already come
from the catalogue. ``prepare`` gives every command of a tree this formatter and the house
placeholders (NAME, TEXT, N ...) where a parameter has none of its own.
"""

from __future__ import annotations

import re

from typer._click.core import Context
from typer._click.formatting import HelpFormatter

from kacli.i18n import t

_HEADINGS = {"Options": "help.click.options",
             "Arguments": "help.click.arguments", "Commands": "label.commands"}
_PHRASES = {"Show this message and exit.": "help.click.help_option"}
_EXTRA = re.compile(r"^(?P<help>.*?) ?\s*\[(?P<extra>[^\[\]]*)\]$", re.DOTALL)
_EXTRA_PARTS = [
    (re.compile(r"^required$"), "help.click.required"),
    (re.compile(r"^default: (?P<value>.*)$"), "help.click.default"),
    (re.compile(r"^env var: (?P<value>.*)$"), "help.click.env_var"),
    (re.compile(r"^(?P<low>-?\d+)<=x<=(?P<high>\d{1,9})$"), "help.click.range"),
    # the upper bound of an id is SQLite's largest integer: no one needs to read it
    (re.compile(r"^(?P<low>-?\d+)<=x(?:<=\d{10,})?$"), "help.click.at_least"),
]
# Typer writes a required argument as {NAME} in the usage line; Click and the README write NAME.
_BRACED = re.compile(r"\{([^{}\s]+)\}")


def _extra(text: str) -> str:
    """``required; default: 7`` in the current language."""
    said = []
    for part in text.split("; "):
        for pattern, key in _EXTRA_PARTS:
            if m := pattern.match(part):
                part = t(key, **m.groupdict())
                break
        said.append(part)
    return t("help.click.extra_separator").join(said)


def translate_help(text: str) -> str:
    """One option's or argument's help, with Click's phrases in the current language."""
    if text in _PHRASES:
        return t(_PHRASES[text])
    m = _EXTRA.match(text)
    if m is None:
        return text
    extra = _extra(m["extra"])
    return f"{m['help']}  [{extra}]" if m["help"] else f"[{extra}]"


class KacliHelpFormatter(HelpFormatter):
    """Click's help formatter, saying Click's words from the catalogue."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None:
            prefix = t("usage.usage")
        args = _BRACED.sub(r"\1", args)
        args = args.replace("COMMAND [ARGS]...", t("help.click.command_metavar"))
        args = args.replace("[OPTIONS]", t("help.click.options_metavar"))
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        key = _HEADINGS.get(heading)
        said = t(key) if key else heading
        self.write(f"{'':>{self.current_indent}}{said}{t('help.click.heading_end')}\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(first, translate_help(second)) for first, second in rows]
        super().write_dl(rows, col_max, col_spacing)


class KacliContext(Context):
    formatter_class = KacliHelpFormatter


def _placeholder(param) -> str | None:
    """The house placeholder for a parameter that names none: TEXT for text, N for a number."""
    if param.param_type_name == "argument":
        return (param.name or "").upper()
    kind = getattr(param.type, "name", "")
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    return {"str": "TEXT", "int": "N", "int range": "N", "float": "N", "float range": "N",
            "filename": "FILE", "path": "PATH"}.get(kind)


def prepare(command) -> None:
    """Give ``command`` and every subcommand the translated help and the house placeholders."""
    command.context_class = KacliContext
    for param in command.params:
        if getattr(param, "metavar", None) is None:
            placeholder = _placeholder(param)
            if placeholder:
                param.metavar = placeholder
    for sub in getattr(command, "commands", {}).values():
        prepare(sub)
