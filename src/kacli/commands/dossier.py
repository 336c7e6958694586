"""``kacli dossier``: where it is, what it holds, is it sound, copy it, put a copy back; and
between the file and a PostgreSQL server, push and pull."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kacli import render, settings
from kacli.commands._common import JsonOpt, YesOpt, confirm
from kacli.errors import BadInput, DossierDamaged
from kacli.i18n import t

app = typer.Typer(help=t("help.dossier"), no_args_is_help=True)

ForceOpt = Annotated[bool, typer.Option("--force", help=t("help.dossier.force"))]


def _server() -> str | None:
    """The server dossier's URI when ``--db`` / ``KACLI_DB`` names one, else None (the file)."""
    from kacli.store.dossier import server_uri

    return server_uri(settings.get().db)


@app.command("path", help=t("help.cmd.dossier.path"))
def path_() -> None:
    from kacli.store.dossier import resolve_path
    from kacli.store.postgres.uri import redacted

    server = _server()
    typer.echo(redacted(server) if server else str(resolve_path(settings.get().db)))


@app.command("info", help=t("help.cmd.dossier.info"))
def info(json: JsonOpt = False) -> None:
    from kacli.render import dossier as view
    from kacli.store import dossier, files

    server = _server()
    if server:
        from kacli.store.postgres import maintenance

        with dossier.reading(server) as db:
            facts = maintenance.info(server, db, files.TABLES)
    else:
        with dossier.raw(settings.get().db) as (where, conn):
            facts = files.info(where, conn)
    render.emit_json(facts) if json else view.info(facts)


@app.command("check", help=t("help.cmd.dossier.check"))
def check() -> None:
    from kacli.store import dossier, files

    server = _server()
    if server:
        from kacli.store.postgres import maintenance
        from kacli.store.postgres.uri import redacted

        with dossier.reading(server) as db:
            found = maintenance.problems(db)
        where = redacted(server)
        damage = DossierDamaged("error.server_damaged", url=where, detail=found[0]) if found else None
    else:
        where = dossier.resolve_path(settings.get().db)
        found = files.problems(where)
        damage = dossier.damaged(where, found[0]) if found else None
    if damage is not None:
        for line in found[:20]:
            render.warn(line)
        raise damage
    render.message(t("dossier.check_ok", path=where))


@app.command("backup", help=t("help.cmd.dossier.backup"))
def backup(
    file: Annotated[Path, typer.Argument(help=t("help.arg.backup_file"), metavar="FILE")],
    force: ForceOpt = False,
) -> None:
    from kacli.store import dossier, files, outputs

    dest = outputs.target(file, force=force, file_only=True).path
    server = _server()
    if server:
        _pull(server, dest, force=force, json=False, shown=False)
        render.message(t("dossier.backed_up", path=dest))
        return
    with dossier.raw(settings.get().db) as (where, conn):
        dest = files.backup(conn, dest, dossier_path=where, force=force)
    render.message(t("dossier.backed_up", path=dest))


@app.command("restore", help=t("help.cmd.dossier.restore"))
def restore(
    file: Annotated[Path, typer.Argument(help=t("help.arg.restore_file"), metavar="FILE")],
    yes: YesOpt = False,
) -> None:
    from kacli.store import dossier, files

    server = _server()
    if server:
        from kacli.store.postgres import transfer
        from kacli.store.postgres.uri import redacted

        source = files.sound_backup(file)
        confirm(t("dossier.restore_confirm", source=file, path=redacted(server)), yes)
        counts = transfer.restore(source, server, now=dossier.utc_now())
        _show_counts(counts, json=False)
        render.message(t("dossier.restored", source=file, path=redacted(server)))
        return
    where = dossier.resolve_path(settings.get().db)
    confirm(t("dossier.restore_confirm", source=file, path=where), yes)
    aside = files.restore(file, where)
    render.message(t("dossier.restored", source=file, path=where))
    if aside:
        render.message(t("dossier.kept_aside", path=aside))


@app.command("push", help=t("help.cmd.dossier.push"))
def push(
    uri: Annotated[str, typer.Argument(help=t("help.arg.push_uri"), metavar="POSTGRESQL_URI")],
    json: JsonOpt = False,
) -> None:
    from kacli.store import dossier, files
    from kacli.store.postgres import transfer
    from kacli.store.postgres.uri import is_server, redacted

    if _server():
        raise BadInput("error.push_from_server")
    if not is_server(uri):
        raise BadInput("error.push_needs_server", value=redacted(uri))
    source = dossier.resolve_path(settings.get().db)
    found = files.problems(source)
    if found:
        raise dossier.damaged(source, found[0])
    counts = transfer.push(source, uri, now=dossier.utc_now())
    _show_counts(counts, json=json)
    key = "dossier.pushed" if counts.copied else "dossier.pushed_nothing"
    render.message(t(key, path=source, url=redacted(uri)))


@app.command("pull", help=t("help.cmd.dossier.pull"))
def pull(
    file: Annotated[Path, typer.Argument(help=t("help.arg.pull_file"), metavar="FILE")],
    force: ForceOpt = False,
    json: JsonOpt = False,
) -> None:
    from kacli.store import outputs
    from kacli.store.postgres.uri import redacted

    server = _server()
    if not server:
        raise BadInput("error.pull_needs_server")
    dest = outputs.target(file, force=force, file_only=True).path
    _pull(server, dest, force=force, json=json, shown=True)
    render.message(t("dossier.pulled", url=redacted(server), path=dest))


def _pull(server: str, dest: Path, *, force: bool, json: bool, shown: bool) -> None:
    from kacli.store import dossier
    from kacli.store.postgres import transfer

    try:
        counts = transfer.pull(server, dest, replace=force, now=dossier.utc_now())
    except FileExistsError:
        raise BadInput("error.backup_exists", path=dest) from None
    except OSError as exc:
        from kacli.store import files

        raise files.failed(exc, dest, "error.backup_failed") from exc
    if shown:
        _show_counts(counts, json=json)


def _show_counts(counts, *, json: bool) -> None:
    from kacli.render import dossier as view

    render.emit_json(counts.as_json()) if json else view.counts(counts)
