"""One module per noun, each a thin Typer sub-app: parse, call the store and domain, render.

``NOUNS`` lists them in the order ``kacli --help`` shows them: (command name, module name).
A module exposes ``app`` (a Typer sub-app) or ``register(app)`` for top-level verbs.
"""

NOUNS: list[tuple[str, str]] = [
    ("customer", "customers"),
    ("contact", "contacts"),
    ("visit", "visits"),
    ("next", "next_actions"),
    ("dossier", "dossier"),
    ("deal", "deals"),
    ("payment", "payments"),
]
