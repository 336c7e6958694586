"""The dossier file: locating and opening it, its schema and migrations, queries and writes.

Start-up cost matters: this package's read path uses only the standard library's sqlite3.
SQLModel (and so SQLAlchemy) is imported only by the table classes (``kacli.store.tables``, each
built when ``kacli.store.models`` is first asked for it) and the write helpers, which only write
commands load.
"""
