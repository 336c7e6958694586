"""One module per noun, each a thin Typer sub-app: parse, call the store and domain, render.

``NOUNS`` lists them in the order ``kacli --help`` shows them: (command name, module name).
Each module exposes ``app``: a Typer sub-app (``kacli customer add``), or a Typer with a single
command for a top-level verb (``kacli week``). Modules load only when their command is used.
"""

NOUNS: list[tuple[str, str]] = [
    ("week", "week"),
    ("customer", "customers"),
    ("contact", "contacts"),
    ("visit", "visits"),
    ("next", "next_actions"),
    ("dossier", "dossier"),
    ("deal", "deals"),
    ("payment", "payments"),
    ("report", "report"),
    ("remind", "remind"),
    ("undo", "undo"),
    ("why", "why"),
    ("rules", "rules"),
    ("import", "imports"),
    ("export", "exports"),
    ("demo", "demo"),
]
