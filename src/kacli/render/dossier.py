"""How facts about the dossier file look."""

from __future__ import annotations

from kacli.i18n import label_or_code, t
from kacli.render import out, text


def info(facts: dict) -> None:
    from rich.table import Table

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
