"""What a dossier file does that a server does not: SQLite's own words for the same store."""
