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


def _exit_interrupted() -> None:
    """Exit 130 now. Python, once a KeyboardInterrupt has passed through its own runner (seen
    under ``python -m``), kills itself with SIGINT on the way out even after the interrupt was
    handled; a script would then see a death by signal instead of kacli's exit 130."""
    import contextlib
    import os

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    from kacli.errors import ExitCode

    os._exit(int(ExitCode.INTERRUPTED))


def _writable_in_any_encoding() -> None:
    """Output in an encoding that cannot spell Chinese (``PYTHONIOENCODING=ascii``, a C locale)
    shows such characters as escapes (``\\u534e``), as Python already does on stderr, instead of
    failing halfway through a table."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            import contextlib

            with contextlib.suppress(ValueError, OSError):  # a closed or odd stream: as it is
                stream.reconfigure(errors="backslashreplace")


def main() -> None:
    _writable_in_any_encoding()
    try:
        i18n.set_lang(i18n.resolve(_lang_from_argv(sys.argv[1:])))
    except i18n.UnknownLanguage as exc:  # refused before anything runs, --help included
        from kacli.errors import ExitCode

        i18n.set_lang(i18n.from_locale())
        sys.stderr.write(i18n.t("label.error") + i18n.t("error.unknown_lang", value=exc.value) + "\n")
        sys.exit(int(ExitCode.BAD_INPUT))
    try:
        from kacli.app import app

        app(prog_name="kacli")
    except KeyboardInterrupt:  # before or after a command runs (a command reports its own)
        sys.stderr.write(i18n.t("label.interrupted") + "\n")
        _exit_interrupted()
    except SystemExit as done:
        if done.code == 130:  # ExitCode.INTERRUPTED, without importing more on every exit
            _exit_interrupted()
        raise
    except BrokenPipeError:
        from kacli.errors import ExitCode
        from kacli.render import silence_stdout

        silence_stdout()
        sys.exit(int(ExitCode.READER_GONE))
