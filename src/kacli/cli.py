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
    try:
        i18n.set_lang(i18n.resolve(_lang_from_argv(sys.argv[1:])))
    except i18n.UnknownLanguage as exc:  # refused before anything runs, --help included
        from kacli.errors import ExitCode

        i18n.set_lang(i18n.from_locale())
        sys.stderr.write(i18n.t("label.error") + i18n.t("error.unknown_lang", value=exc.value) + "\n")
        sys.exit(int(ExitCode.BAD_INPUT))
    from kacli.app import app

    app(prog_name="kacli")
