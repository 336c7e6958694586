"""A dossier on a PostgreSQL server: the connection, its errors, and the query interface.

Everything here that differs from the file lives in this package; the store's queries are shared.
psycopg is imported only when a ``postgresql://`` dossier is used, so a salesperson on the file
never pays for it.
"""
