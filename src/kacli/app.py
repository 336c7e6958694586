"""The Typer application: global options, one sub-app per noun, and the one error handler."""

from __future__ import annotations

import errno
import sys
from typing import Annotated

import typer

from kacli import __version__, i18n, settings
from kacli.errors import BadInput, ExitCode, KacliError
from kacli.i18n import t
from kacli.render.help import KacliContext, prepare

_GLOBAL_WITH_VALUE = ("--db", "--today", "--lang")
_GLOBAL_FLAGS = ("--debug",)


def hoist_global_options(args: list[str], takes_value=None) -> list[str]:
    """Move global options given after the command to the front, so that
    ``kacli week --today 2026-11-23`` works like ``kacli --today 2026-11-23 week``.

    A token that is the value of a command option stays that option's value, as Typer reads it:
    in ``customer add Acme --org-notes --db`` the notes are "--db", never a global option.
    ``takes_value(words, option)`` says whether ``option`` of the command named by the leading
    words (``("customer", "add", "Acme")``) takes a value. A global option's value may not start
    with ``--`` (that is an option forgotten its value): BadInput, so a mistyped line can never
    create a dossier in a file named like an option.
    """
    front: list[str] = []
    rest: list[str] = []
    words: list[str] = []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if name in _GLOBAL_WITH_VALUE and "=" not in arg:
            value = args[i + 1] if i + 1 < len(args) else None
            if value is None or value.startswith("--"):
                raise BadInput("error.global_needs_value", option=name)
            front.extend((arg, value))
            i += 2
        elif name in _GLOBAL_WITH_VALUE or arg in _GLOBAL_FLAGS:
            front.append(arg)
            i += 1
        elif arg.startswith("-") and len(arg) > 1:
            rest.append(arg)
            i += 1
            if "=" not in arg and i < len(args) and takes_value and takes_value(tuple(words), arg):
                rest.append(args[i])
                i += 1
        else:
            words.append(arg)
            rest.append(arg)
            i += 1
    # Click would quietly keep the last --db: a script that says two dossiers means neither.
    # (A later --today or --lang overrides an earlier one, as the demo's stories rely on.)
    if [word.split("=", 1)[0] for word in front].count("--db") > 1:
        raise BadInput("error.global_twice", option="--db")
    return front + rest


class KacliGroup(typer.core.TyperGroup):
    """Turns every failure into a message on stderr and a documented exit code.

    No traceback reaches the user unless they asked for it with ``--debug``.
    """

    context_class = KacliContext

    def parse_args(self, ctx, args):
        for arg in args:
            if not _is_text(arg):
                _report(BadInput("error.not_utf8", value=arg.encode("utf-8", "replace").decode()))
                raise typer.Exit(int(ExitCode.BAD_INPUT))
        settings.set_command_line(as_typed(args))
        try:
            hoisted = hoist_global_options(list(args), lambda words, opt: self._takes_value(
                ctx, words, opt))
        except BadInput as exc:
            _report(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        return super().parse_args(ctx, hoisted)

    def _takes_value(self, ctx, words: tuple[str, ...], option: str) -> bool:
        """Whether ``option`` of the (sub)command the leading ``words`` name takes a value."""
        command = self
        self._wanted = words[1] if len(words) > 1 else None
        for word in words:
            if not hasattr(command, "get_command"):
                break
            found = command.get_command(ctx, word)
            if found is None:
                break
            command = found
        if command is self:
            return False
        for param in command.params:
            if option in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ())):
                return not (getattr(param, "is_flag", False) or getattr(param, "count", False))
        return False

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """Report usage errors in the user's language (Typer's parser words them in English)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        from typer._click.exceptions import UsageError

        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except UsageError as exc:
            from kacli.render import usage

            usage.show(exc)
            sys.exit(exc.exit_code)
        except typer.Abort:
            sys.stderr.write(t("label.aborted") + "\n")
            sys.exit(1)
        except typer.TyperException as exc:  # other parser failures: as Typer shows them
            exc.show()
            sys.exit(exc.exit_code)
        _exit(code if isinstance(code, int) else 0)

    # Command modules load on first use, so a command pays only for its own imports.
    def list_commands(self, ctx):
        from kacli.commands import NOUNS

        return [name for name, _ in NOUNS]

    def format_commands(self, ctx, formatter):
        """One line per noun from the catalogue, without loading every command module."""
        from typer._click.utils import make_default_short_help

        from kacli.commands import NOUNS

        limit = formatter.width - 6 - max(len(name) for name, _ in NOUNS)
        rows = [(name, make_default_short_help(t(f"help.{name}"), limit)) for name, _ in NOUNS]
        with formatter.section(t("label.commands")):
            formatter.write_dl(rows)

    def resolve_command(self, ctx, args):
        self._wanted = args[1] if len(args) > 1 else None  # the noun's command about to run
        return super().resolve_command(ctx, args)

    def get_command(self, ctx, name):
        """The noun ``name``, built with only the command about to run when that is known (a
        noun's other commands cost milliseconds each to build), else whole."""
        wanted = getattr(self, "_wanted", None)
        found = self.commands.get(name)
        if found is None or getattr(found, "only", None) not in (None, wanted):
            found = _load_command(name, wanted)
            if found is None:
                return None
            self.commands[name] = found
        return found

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (typer.TyperException, typer.Exit, typer.Abort):
            raise  # usage errors, --help, Exit, Abort: Typer reports them itself
        except KacliError as exc:
            _report(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            interrupted()
        except OverflowError:
            # A date pushed past year 1 or 9999 by arithmetic on a far date the user gave.
            exc = BadInput("error.date_overflow")
            _report(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except Exception as exc:
            if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
                reader_gone()
            if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
                # A path the user gave that no disk can hold: checked before anything is written.
                name = BadInput("error.name_too_long", path=exc.filename or "?")
                _report(name)
                raise typer.Exit(int(name.exit_code)) from None
            from kacli.store.dossier import translate

            mapped = translate(exc)
            if mapped is not None:
                _report(mapped)
                raise typer.Exit(int(mapped.exit_code)) from None
            if settings.get().debug:
                raise
            from kacli import render

            render.error(t("error.unexpected", detail=f"{type(exc).__name__}: {exc}"))
            raise typer.Exit(int(ExitCode.FAILURE)) from None


_SHELL_SPECIAL = frozenset(" \t\n'\"\\$`!*?;&|<>()[]{}#~")


def as_typed(args: list[str]) -> str:
    """The command line as the user typed it, for ``kacli undo`` to name: quotes only where the
    shell needed them (``shlex.join`` would quote every Chinese word). A password in a server's
    URI is never kept: the journal is read by every login of the dossier."""
    if any("://" in arg for arg in args):
        from kacli.store.postgres.uri import redacted_word

        args = [redacted_word(arg) for arg in args]
    words = ["kacli", *args]
    if all(w and not (set(w) & _SHELL_SPECIAL) for w in words):
        return " ".join(words)
    import shlex  # only for a line with something to quote

    return " ".join(w if w and not (set(w) & _SHELL_SPECIAL) else shlex.quote(w) for w in words)


def interrupted():
    """Ctrl-C: one line in the user's language, exit 130. The write in progress, if any, was
    rolled back by its transaction before we got here."""
    sys.stderr.write(t("label.interrupted") + "\n")
    raise typer.Exit(int(ExitCode.INTERRUPTED))


def reader_gone():
    """The reader of our output went away (``kacli week | head -1``): stop quietly, exit 141."""
    from kacli.render import silence_stdout

    silence_stdout()
    raise typer.Exit(int(ExitCode.READER_GONE))


def _exit(code: int) -> None:
    """Exit with ``code`` once stdout has reached its reader, or 141 if the reader is gone."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        from kacli.render import silence_stdout

        silence_stdout()
        code = int(ExitCode.READER_GONE)
    sys.exit(code)


def _is_text(arg: str) -> bool:
    """False for an argument holding bytes that were not UTF-8 (Python keeps them as lone
    surrogates, which SQLite cannot store)."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _report(exc: KacliError) -> None:
    from kacli import render

    render.error(exc.message())


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kacli {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=KacliGroup,
    name="kacli",
    help=t("help.app"),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    add_completion=False,
)


@app.callback()
def global_options(
    db: Annotated[
        str | None, typer.Option("--db", envvar="KACLI_DB", metavar="PATH", help=t("help.opt.db"))
    ] = None,
    today: Annotated[
        str | None,
        typer.Option("--today", envvar="KACLI_TODAY", metavar="DATE", help=t("help.opt.today")),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option("--lang", envvar="KACLI_LANG", metavar="LANG", help=t("help.opt.lang")),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", envvar="KACLI_DEBUG", help=t("help.opt.debug"))
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("help.opt.version")),
    ] = False,
) -> None:
    try:
        i18n.set_lang(i18n.resolve(lang))
    except i18n.UnknownLanguage as exc:
        i18n.set_lang(i18n.from_locale())
        raise BadInput("error.unknown_lang", value=exc.value) from None
    pinned = None
    settings.set(settings.Settings(db=db, today=None, debug=debug))
    if today:
        pinned = _pinned_today(today)
    settings.set(settings.Settings(db=db, today=pinned, debug=debug))


def _pinned_today(text: str):
    """--today as a date. An ISO date needs no clock; anything relative is read against the
    real local date (which loads pendulum)."""
    import datetime as dt

    from kacli.domain.dates import FIRST_TODAY, LAST_TODAY

    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        from kacli.domain.dates import parse_date

        day = parse_date(text, settings.today(), prefer="past")
    if not FIRST_TODAY <= day <= LAST_TODAY:
        raise BadInput("error.today_out_of_range", value=text, first=FIRST_TODAY, last=LAST_TODAY)
    return day


def _load_command(name: str, wanted: str | None = None):
    """The click command for the noun ``name``, built from its module's Typer app; with
    ``wanted`` naming one of its commands, a group of that command alone (marked ``only``), so
    ``kacli deal advance`` does not build the other ten deal commands."""
    import copy
    import importlib

    from kacli.commands import NOUNS

    module_name = dict(NOUNS).get(name)
    if module_name is None:
        return None
    module = importlib.import_module(f"kacli.commands.{module_name}")
    app = module.app
    # Every noun looks like the root: plain help, no shell-completion options.
    app._add_completion = False
    app.rich_markup_mode = None
    chosen = [info for info in app.registered_commands if wanted is not None and (
        info.name or typer.main.get_command_name(info.callback.__name__)) == wanted]
    if chosen and not app.registered_groups and (app.registered_callback or len(app.registered_commands) > 1):
        alone = copy.copy(app)
        alone.registered_commands = chosen
        command = typer.main.get_group(alone)
        command.only = wanted
    else:
        command = typer.main.get_command(app)
    command.name = name
    prepare(command)
    return command
