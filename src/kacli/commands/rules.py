"""``kacli rules``: path, show, init, check — the grading rules file (TOML)."""

from __future__ import annotations

from typing import Annotated

import typer

from kacli import render
from kacli.commands._common import JsonOpt
from kacli.i18n import t

app = typer.Typer(help=t("help.rules"), no_args_is_help=True)


@app.command("path", help=t("help.cmd.rules.path"))
def path_() -> None:
    from kacli.store.rules_file import rules_path

    where = rules_path()
    typer.echo(str(where))
    if not where.exists():
        render.message(t("rules.no_file", path=where))


@app.command("show", help=t("help.cmd.rules.show"))
def show(json: JsonOpt = False) -> None:
    from kacli.render import rules as view
    from kacli.store.rules_file import read_rules, rules_path

    where = rules_path()
    rules, from_file = read_rules(where)
    if json:
        render.emit_json(view.rules_json(rules, where, from_file))
    else:
        view.rules_table(rules, where, from_file)


@app.command("init", help=t("help.cmd.rules.init"))
def init(
    force: Annotated[bool, typer.Option("--force", help=t("help.rules.force"))] = False,
) -> None:
    from kacli.domain.rules import default_toml
    from kacli.store.rules_file import rules_path, write_default_rules

    where = rules_path()
    write_default_rules(where, default_toml(), force=force)
    render.message(t("rules.written", path=where))


@app.command("check", help=t("help.cmd.rules.check"))
def check() -> None:
    from kacli.store.rules_file import read_rules, rules_path

    where = rules_path()
    _, from_file = read_rules(where)
    render.message(t("rules.ok", path=where) if from_file else t("rules.ok_defaults", path=where))
