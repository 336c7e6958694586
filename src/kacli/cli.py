"""The ``kacli`` entry point.

The language is settled before the commands are imported, so ``--help`` (whose texts are built
when the command modules load) speaks the language asked for with ``--lang`` or ``KACLI_LANG``.
"""

from __future__ import annotations

import sys

from kacli import i18n


def _lang_from_argv(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def main() -> None:
    i18n.set_lang(i18n.resolve(_lang_from_argv(sys.argv[1:])))
    from kacli.app import app

    app(prog_name="kacli")
