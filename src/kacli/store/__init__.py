"""The dossier file: locating and opening it, its schema and migrations, queries and writes.

Start-up cost matters: this package's read path uses only the standard library's sqlite3.
SQLModel (and so SQLAlchemy) is imported only by ``kacli.store.models`` and the write helpers,
which only write commands load.
"""
