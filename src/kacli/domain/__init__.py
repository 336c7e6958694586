"""Pure rules: no I/O, no Typer, no Rich, no store. Plain data in, plain data out."""
