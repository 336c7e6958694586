"""``kacli demo``: build the seeds' example dossier in a separate demo file and show its week."""

from __future__ import annotations

import contextlib
import io
import shlex
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer

from kacli import render, settings
from kacli.commands._common import YesOpt, confirm
from kacli.errors import ExitCode
from kacli.i18n import t

app = typer.Typer()

# The day the stories are told from: the week list then always shows something overdue, something
# due today and later items, a birthday, a festival (Mid-Autumn, 2026-09-25), a stalled deal and a
# buying role nobody covers.
DEMO_TODAY = "2026-09-14"


def stories() -> str:
    """The demo's script: one kacli command per line (shell quoting), ``#`` comments."""
    return resources.files("kacli").joinpath("data/demo-stories.txt").read_text(encoding="utf-8")


def default_file() -> Path:
    from platformdirs import user_data_path

    return user_data_path("kacli", appauthor=False) / "demo.db"


def _run(args: list[str]) -> None:
    from kacli.app import app as kacli_app

    code = kacli_app(args=args, prog_name="kacli", standalone_mode=False)
    if code == ExitCode.INTERRUPTED:
        raise KeyboardInterrupt  # Ctrl-C during a step: stop the whole demo, said once
    if code not in (None, 0):
        raise RuntimeError(f"demo step failed ({code}): kacli {shlex.join(args)}")


def build(path: Path) -> None:
    """Run every story line against the demo file, quietly."""
    saved = settings.get()
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            for line in stories().splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    _run(["--db", str(path), "--today", DEMO_TODAY, *shlex.split(line)])
    finally:
        settings.set(saved)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@app.command("demo", help=t("help.cmd.demo"))
def demo(
    file: Annotated[Path | None, typer.Option("--file", help=t("help.demo.file"),
                                              metavar="PATH")] = None,
    script: Annotated[bool, typer.Option("--script", help=t("help.demo.script"))] = False,
    yes: YesOpt = False,
) -> None:
    if script:
        typer.echo(stories(), nl=False)
        return
    from kacli.store import outputs

    # The demo's own rule for an existing file is to ask (or --yes), not --force.
    target = outputs.target(file or default_file(), force=True, file_only=True).path
    if target.exists():
        confirm(t("demo.replace_confirm", path=target), yes)
        _remove(target)
    render.message(t("demo.building", path=target))
    # Built beside the target and moved into place whole: Ctrl-C halfway leaves no half demo.
    building = target.with_name(target.name + ".building")
    _remove(building)
    try:
        build(building)
        building.replace(target)
    finally:
        _remove(building)
    render.message(t("demo.built", path=target, today=DEMO_TODAY))
    _run(["--db", str(target), "--today", DEMO_TODAY, "week"])
