"""``kacli dossier``: where it is, what it holds, is it sound, copy it, put a copy back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kacli import render, settings
from kacli.commands._common import JsonOpt, YesOpt, confirm
from kacli.i18n import t

app = typer.Typer(help=t("help.dossier"), no_args_is_help=True)


@app.command("path", help=t("help.cmd.dossier.path"))
def path_() -> None:
    from kacli.store.dossier import resolve_path

    typer.echo(str(resolve_path(settings.get().db)))


@app.command("info", help=t("help.cmd.dossier.info"))
def info(json: JsonOpt = False) -> None:
    from kacli.render import dossier as view
    from kacli.store import dossier, files

    with dossier.raw(settings.get().db) as (where, conn):
        facts = files.info(where, conn)
    render.emit_json(facts) if json else view.info(facts)


@app.command("check", help=t("help.cmd.dossier.check"))
def check() -> None:
    from kacli.store import dossier, files

    where = dossier.resolve_path(settings.get().db)
    found = files.problems(where)
    if found:
        for line in found[:20]:
            render.warn(line)
        raise dossier.damaged(where, found[0])
    render.message(t("dossier.check_ok", path=where))


@app.command("backup", help=t("help.cmd.dossier.backup"))
def backup(
    file: Annotated[Path, typer.Argument(help=t("help.arg.backup_file"), metavar="FILE")],
    force: Annotated[bool, typer.Option("--force", help=t("help.dossier.force"))] = False,
) -> None:
    from kacli.store import dossier, files, outputs

    dest = outputs.target(file, force=force, file_only=True).path
    with dossier.raw(settings.get().db) as (where, conn):
        dest = files.backup(conn, dest, dossier_path=where, force=force)
    render.message(t("dossier.backed_up", path=dest))


@app.command("restore", help=t("help.cmd.dossier.restore"))
def restore(
    file: Annotated[Path, typer.Argument(help=t("help.arg.restore_file"), metavar="FILE")],
    yes: YesOpt = False,
) -> None:
    from kacli.store import dossier, files

    where = dossier.resolve_path(settings.get().db)
    confirm(t("dossier.restore_confirm", source=file, path=where), yes)
    aside = files.restore(file, where)
    render.message(t("dossier.restored", source=file, path=where))
    if aside:
        render.message(t("dossier.kept_aside", path=aside))


