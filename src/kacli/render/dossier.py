"""How facts about the dossier file look."""

from __future__ import annotations

from kacli.i18n import label_or_code, t
from kacli.render import out, text


def info(facts: dict) -> None:
    from rich.table import Table

    if facts.get("engine") == "postgresql":
        server_info(facts)
        return
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(text(t("dossier.path")), text(facts["path"]))
    grid.add_row(text(t("dossier.size")), text(f"{facts['size_bytes']:,} B ({facts['mode']})"))
    grid.add_row(text(t("dossier.schema")), text(facts["schema_version"]))
    grid.add_row(text(t("dossier.journal")), text(facts["journal_mode"]))
    for table, n in facts["counts"].items():
        grid.add_row(text(label_or_code(f"dossier.table.{table}", table)), text(f"{n:,}"))
    for path in facts["backups"]:
        grid.add_row(text(t("dossier.backup")), text(path))
    out().print(grid)


def server_info(facts: dict) -> None:
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(text(t("dossier.server")), text(facts["uri"]))
    grid.add_row(text(t("dossier.database")), text(facts["database"]))
    grid.add_row(text(t("dossier.server_version")), text(facts["server_version"]))
    grid.add_row(text(t("dossier.schema")), text(facts["schema_version"]))
    for table, n in facts["counts"].items():
        grid.add_row(text(label_or_code(f"dossier.table.{table}", table)), text(f"{n:,}"))
    out().print(grid)


def counts(copy) -> None:
    """Every table's rows on both sides of a copy between the file and a server."""
    from rich.table import Table

    grid = Table(box=None, padding=(0, 2))
    grid.add_column(text(t("dossier.rows_table")))
    grid.add_column(text(t("dossier.rows_file")), justify="right")
    grid.add_column(text(t("dossier.rows_server")), justify="right")
    for table, on_file, on_server in copy.tables:
        grid.add_row(text(label_or_code(f"dossier.table.{table}", table)), text(f"{on_file:,}"), text(f"{on_server:,}"))
    out().print(grid)
